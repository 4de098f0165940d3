package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Peak memory is the child's ru_maxrss, and Linux counts in it the
// high-water mark of the process that started the child: os/exec starts
// a child sharing its parent's memory until exec (vfork), and exec keeps
// the larger of the two marks. The runner grows (the Taskwarrior import
// of a country plan took it past 100 MB), so every command it ran directly
// was measured at least that large (fmt, the floors). The commands are
// therefore started by a launcher: this same program, started first
// while it is small, which runs each command it is sent and answers with
// its wall time and peak memory. Its own mark stays a few megabytes.

const launcherEnv = "PLAN06_BENCH_LAUNCHER"

// request is a command for the launcher; reply is what it measured.
type request struct {
	Argv []string `json:"argv"`
	Dir  string   `json:"dir"`
}

type reply struct {
	Wall time.Duration `json:"wall"`
	RSS  int64         `json:"rss"`
	Err  string        `json:"err,omitempty"`
}

// launcherMain serves requests from stdin until it is closed.
func launcherMain() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 64<<10), 1<<20)
	out := json.NewEncoder(os.Stdout)
	for in.Scan() {
		var req request
		var rep reply
		if err := json.Unmarshal(in.Bytes(), &req); err != nil || len(req.Argv) == 0 {
			rep.Err = fmt.Sprintf("bad request %q", in.Text())
		} else {
			rep = launch(req)
		}
		if err := out.Encode(rep); err != nil {
			os.Exit(1)
		}
	}
	os.Exit(0)
}

// launch runs one command, its output discarded, as the runner used to.
func launch(req request) reply {
	cmd := exec.Command(req.Argv[0], req.Argv[1:]...)
	cmd.Dir = req.Dir
	cmd.Stdout = io.Discard
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	rep := reply{Wall: time.Since(start)}
	if err != nil {
		rep.Err = fmt.Sprintf("%v: %s", err, stderr.String())
		return rep
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rep.RSS = ru.Maxrss * 1024 // Linux reports kilobytes
	}
	return rep
}

// launcher is the runner's end of the launcher process.
type launcher struct {
	mu  sync.Mutex
	in  io.WriteCloser
	out *json.Decoder
}

// startLauncher starts the launcher; the runner calls it first of all,
// while its own memory is small.
func startLauncher() (*launcher, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), launcherEnv+"=1")
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return &launcher{in: in, out: json.NewDecoder(out)}, nil
}

// run has the launcher run argv in dir.
func (l *launcher) run(argv []string, dir string) (measure, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, err := json.Marshal(request{Argv: argv, Dir: dir})
	if err != nil {
		return measure{}, err
	}
	if _, err := l.in.Write(append(b, '\n')); err != nil {
		return measure{}, fmt.Errorf("launcher: %w", err)
	}
	var rep reply
	if err := l.out.Decode(&rep); err != nil {
		return measure{}, fmt.Errorf("launcher: %w", err)
	}
	if rep.Err != "" {
		return measure{}, fmt.Errorf("%s", rep.Err)
	}
	return measure{wall: rep.Wall, rss: rep.RSS}, nil
}
