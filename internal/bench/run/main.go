// Command run is the whole-process half of `make bench`: it builds plan06,
// the floor program and the synthetic plan generator, writes synthetic plans
// at province and country scale, then runs plan06 and the floor side by side,
// interleaved, several times, and prints the median wall time and peak memory
// of each with their ratio. Figures come from the operating system's own
// accounting (wall clock and the child's max RSS), not from timed tests.
package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

type measure struct {
	wall time.Duration
	rss  int64 // bytes
}

func main() {
	scales := flag.String("scales", "province,country", "comma-separated scales to measure")
	runs := flag.Int("runs", 5, "runs of each command per scale (the median is quoted)")
	work := flag.String("work", filepath.Join(os.TempDir(), "plan06-bench"), "folder for binaries and synthetic plans (reused)")
	flag.Parse()
	if err := os.MkdirAll(*work, 0o755); err != nil {
		fail(err)
	}
	bin := func(name string) string { return filepath.Join(*work, name) }
	for name, pkg := range map[string]string{"plan06": "./cmd/plan06", "floor": "./internal/bench/floor", "plan06-synth": "./cmd/plan06-synth"} {
		if out, err := exec.Command("go", "build", "-o", bin(name), pkg).CombinedOutput(); err != nil {
			fail(fmt.Errorf("go build %s: %v\n%s", pkg, err, out))
		}
	}
	host, _ := os.Hostname()
	cpus, _ := os.ReadFile("/proc/cpuinfo")
	model := ""
	for _, l := range strings.Split(string(cpus), "\n") {
		if strings.HasPrefix(l, "model name") {
			model = strings.TrimSpace(strings.SplitN(l, ":", 2)[1])
			break
		}
	}
	fmt.Printf("machine: %s, %s, %d runs per command, median quoted\n\n", host, model, *runs)
	fmt.Printf("%-9s %-26s %8s %10s %10s %9s %8s\n", "scale", "command", "files", "MB read", "wall", "peak RSS", "× floor")

	for _, scale := range strings.Split(*scales, ",") {
		dir := filepath.Join(*work, scale)
		if _, err := os.Stat(filepath.Join(dir, "plan.yaml")); err != nil {
			os.RemoveAll(dir)
			cmd := exec.Command(bin("plan06-synth"), "--scale", scale, "--seed", "1", dir)
			cmd.Stderr = os.Stderr
			if err := cmd.Run(); err != nil {
				fail(fmt.Errorf("plan06-synth %s: %v", scale, err))
			}
		}
		files, size := count(dir)
		cmds := []struct {
			name string
			argv []string
		}{
			{"floor (read+decode)", []string{bin("floor"), dir}},
			{"status -o json", []string{bin("plan06"), "--plan", dir, "--as-of", "2024-12-20", "status", "-o", "json"}},
			{"validate", []string{bin("plan06"), "--plan", dir, "validate"}},
		}
		if scale == "province" {
			out := filepath.Join(*work, "report.xlsx")
			cmds = append(cmds, struct {
				name string
				argv []string
			}{"report 2024-03", []string{bin("plan06"), "--plan", dir, "report", "2024-03", "-o", out}})
		}
		results := make([][]measure, len(cmds))
		for r := 0; r < *runs; r++ {
			for i, c := range cmds { // interleaved: noise hits every command alike
				m, err := runOnce(c.argv)
				if err != nil {
					fail(fmt.Errorf("%s: %v", c.name, err))
				}
				results[i] = append(results[i], m)
			}
		}
		floor := median(results[0])
		for i, c := range cmds {
			m := median(results[i])
			fmt.Printf("%-9s %-26s %8d %10.1f %9.3fs %7.0f MB %8.2f\n", scale, c.name, files, float64(size)/1e6,
				m.wall.Seconds(), float64(m.rss)/(1<<20), m.wall.Seconds()/floor.wall.Seconds())
		}
	}
}

func runOnce(argv []string) (measure, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdout = io.Discard
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return measure{}, fmt.Errorf("%v: %s", err, stderr.String())
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss * 1024 // Linux reports kilobytes
	}
	return measure{wall: wall, rss: rss}, nil
}

func median(ms []measure) measure {
	walls := make([]time.Duration, len(ms))
	rss := make([]int64, len(ms))
	for i, m := range ms {
		walls[i], rss[i] = m.wall, m.rss
	}
	slices.Sort(walls)
	slices.Sort(rss)
	return measure{wall: walls[len(walls)/2], rss: rss[len(rss)/2]}
}

func count(dir string) (files int, size int64) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				files++
				size += info.Size()
			}
		}
		return nil
	})
	return files, size
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "bench:", err)
	os.Exit(1)
}
