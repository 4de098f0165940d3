// Command run is the whole-process half of `make bench`: it builds plan06,
// the floor program and the synthetic plan generator, writes synthetic plans
// at province and country scale (once, reused), then runs each command
// several times, interleaved, and prints the median wall time and peak
// memory of each: status, validate, the workbook, fmt --check and fmt -w on
// the (canonical) synthetic plan beside the floor that reads and decodes the
// same files with the same YAML library on all cores, with the ratio to
// status too; and diff of a git copy of the plan whose last commit adds a
// month of reports, beside git's own floor (ls-tree and cat-file --batch of
// the same objects for both revisions). Figures come from the operating
// system's own accounting (wall clock and the child's max RSS), not from
// timed tests. A command that fails (fmt --check on a plan that is not
// canonical) stops the run. When Taskwarrior is installed, `task export`
// and `task list` over as many tasks as the plan has report files are
// measured beside them; a tool not installed is said so in one line.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

type measure struct {
	wall time.Duration
	rss  int64 // bytes
}

// launcherProc runs the measured commands (see launcher.go).
var launcherProc *launcher

func main() {
	if os.Getenv(launcherEnv) == "1" {
		launcherMain()
	}
	var err error
	if launcherProc, err = startLauncher(); err != nil {
		fail(fmt.Errorf("starting the launcher: %v", err))
	}
	scales := flag.String("scales", "province,country", "comma-separated scales to measure")
	runs := flag.Int("runs", 5, "runs of each command per scale (the median is quoted)")
	work := flag.String("work", filepath.Join(os.TempDir(), "plan06-bench"), "folder for binaries and synthetic plans (reused)")
	prebuilt := flag.String("plan06", "", "run this plan06 binary instead of building ./cmd/plan06 (to measure another version)")
	flag.Parse()
	if *runs < 1 {
		fail(fmt.Errorf("-runs must be at least 1"))
	}
	if err := os.MkdirAll(*work, 0o755); err != nil {
		fail(err)
	}
	bin := func(name string) string {
		if name == "plan06" && *prebuilt != "" {
			return *prebuilt
		}
		return filepath.Join(*work, name)
	}
	for name, pkg := range map[string]string{"plan06": "./cmd/plan06", "floor": "./internal/bench/floor", "plan06-synth": "./cmd/plan06-synth"} {
		if name == "plan06" && *prebuilt != "" {
			continue
		}
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
	fmt.Printf("machine: %s, %s, %d runs per command, median quoted\n", host, model, *runs)
	// Other trackers beside plan06, when installed: each is said found or
	// not in one line, and the run goes on without it.
	taskwarrior, err := exec.LookPath("task")
	if err != nil {
		fmt.Println("taskwarrior: `task` not found; its rows are left out (Debian: apt-get install taskwarrior)")
	} else {
		out, _ := exec.Command(taskwarrior, "--version").Output()
		fmt.Printf("taskwarrior %s: one task per report file of the plan, all pending, imported once into a TASKDATA of its own;\n"+
			"  `task export` prints every task as JSON (the work of status -o json: read all, write all),\n"+
			"  `task list` prints the pending ones as a table (read all, sort, format); both with rc.gc=off (a read writes\n"+
			"  nothing) and hooks off; files and MB are Taskwarrior's data; × status compares with plan06 status -o json\n",
			strings.TrimSpace(string(out)))
	}
	if _, err := exec.LookPath("dstask"); err != nil {
		fmt.Println("dstask: `dstask` not found; its rows are left out")
	}
	fmt.Println()
	fmt.Printf("%-9s %-30s %8s %10s %10s %9s %8s %9s\n", "scale", "command", "files", "MB read", "wall", "peak RSS", "× floor", "× status")

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
		repo, added, err := diffRepo(dir, filepath.Join(*work, scale+"-git"))
		if err != nil {
			fail(fmt.Errorf("the git copy of %s: %v", scale, err))
		}
		files, size := count(dir)
		plan06 := func(args ...string) []string { return append([]string{bin("plan06"), "--plan", dir}, args...) }
		gitFloor := "for r in HEAD~1 HEAD; do git ls-tree -r --format='%(objectname)' $r -- plan/ | git cat-file --batch >/dev/null || exit 1; done"
		cmds := []command{
			{name: "floor (read+decode)", argv: []string{bin("floor"), dir}},
			{name: "status -o json", argv: plan06("--as-of", "2024-12-20", "status", "-o", "json")},
			{name: "validate", argv: plan06("validate")},
			{name: "report 2024-03 (workbook)", argv: plan06("report", "2024-03", "-o", filepath.Join(*work, scale+"-report.xlsx"))},
			{name: "fmt --check", argv: plan06("fmt", "--check")},
			{name: "fmt -w (already canonical)", argv: plan06("fmt", "-w")},
			{name: fmt.Sprintf("diff (%d reports added)", added), argv: []string{bin("plan06"), "--plan", filepath.Join(repo, "plan"), "diff", "HEAD~1", "HEAD"}, dir: repo, floor: 1},
			{name: "git floor (ls-tree+cat-file)", argv: []string{"sh", "-c", gitFloor}, dir: repo, floor: 1, isFloor: true},
		}
		if taskwarrior != "" {
			tw, err := taskData(taskwarrior, dir, filepath.Join(*work, scale+"-task"))
			if err != nil {
				fail(fmt.Errorf("taskwarrior at %s scale: %v", scale, err))
			}
			cmds = append(cmds,
				command{name: fmt.Sprintf("task export (%d tasks)", tw.tasks), argv: tw.argv("export"), sizeOf: tw.data},
				command{name: fmt.Sprintf("task list (%d tasks)", tw.tasks), argv: tw.argv("list"), sizeOf: tw.data})
		}
		results := make([][]measure, len(cmds))
		for r := 0; r < *runs; r++ {
			for i, c := range cmds { // interleaved: noise hits every command alike
				m, err := runOnce(c.argv, c.dir)
				if err != nil {
					fail(fmt.Errorf("%s: %v", c.name, err))
				}
				results[i] = append(results[i], m)
			}
		}
		floors := map[int]measure{}
		for i, c := range cmds {
			if i == 0 || c.isFloor {
				floors[c.floor] = median(results[i])
			}
		}
		status := median(results[1])
		for i, c := range cmds {
			m := median(results[i])
			vsStatus := fmt.Sprintf("%9.2f", m.wall.Seconds()/status.wall.Seconds())
			if c.floor != 0 || i == 0 {
				vsStatus = fmt.Sprintf("%9s", "")
			}
			vsFloor := fmt.Sprintf("%8.2f", m.wall.Seconds()/floors[c.floor].wall.Seconds())
			n, mb := files, size
			if c.sizeOf != "" { // another tool's data: its own files, no floor of ours
				n, mb = count(c.sizeOf)
				vsFloor = fmt.Sprintf("%8s", "")
			}
			fmt.Printf("%-9s %-30s %8d %10.1f %9.3fs %7.0f MB %s %s\n", scale, c.name, n, float64(mb)/1e6,
				m.wall.Seconds(), float64(m.rss)/(1<<20), vsFloor, vsStatus)
		}
	}
}

// command is one program the bench runs: floor says which floor its ratio
// is to (0 the read-and-decode floor, 1 git's own), isFloor that it is one.
type command struct {
	name    string
	argv    []string
	dir     string
	floor   int
	isFloor bool
	// sizeOf is the folder another tool reads: its files and MB are shown,
	// and no ratio to a floor of plan06's.
	sizeOf string
}

// taskwarrior is a Taskwarrior data folder holding as many tasks as a plan
// has report files.
type taskwarrior struct {
	bin, rc, data string
	tasks         int
}

// argv runs task with its own rc file and data, reading only: no
// confirmation, no hooks, no garbage collection, no colour.
func (t taskwarrior) argv(args ...string) []string {
	return append([]string{"env", "TASKRC=" + t.rc, "TASKDATA=" + t.data, t.bin,
		"rc.confirmation=off", "rc.hooks=off", "rc.gc=off", "rc.color=off", "rc.verbose=nothing"}, args...)
}

// taskData makes (once) the Taskwarrior data of the plan: one pending task
// per report file, its unit and month in the description and as tags, the
// plan's task ids in an annotation, imported with `task import`.
func taskData(bin, plan, work string) (taskwarrior, error) {
	reports, err := filepath.Glob(filepath.Join(plan, "reports", "*", "*.yaml"))
	if err != nil || len(reports) == 0 {
		return taskwarrior{}, fmt.Errorf("no reports under %s", plan)
	}
	slices.Sort(reports)
	t := taskwarrior{bin: bin, rc: filepath.Join(work, "taskrc"), data: filepath.Join(work, "data"), tasks: len(reports)}
	done := filepath.Join(work, "imported")
	if b, err := os.ReadFile(done); err == nil && strings.TrimSpace(string(b)) == strconv.Itoa(len(reports)) {
		return t, nil
	}
	os.RemoveAll(work)
	if err := os.MkdirAll(t.data, 0o755); err != nil {
		return t, err
	}
	if err := os.WriteFile(t.rc, []byte("data.location="+t.data+"\n"), 0o644); err != nil {
		return t, err
	}
	type task struct {
		Description string   `json:"description"`
		Project     string   `json:"project"`
		Status      string   `json:"status"`
		Entry       string   `json:"entry"`
		Due         string   `json:"due"`
		Tags        []string `json:"tags"`
	}
	var tasks []task
	for _, r := range reports {
		month := filepath.Base(filepath.Dir(r))
		unit := strings.TrimSuffix(filepath.Base(r), ".yaml")
		tasks = append(tasks, task{Description: "Báo cáo tháng " + month + " của " + unit, Project: "de-an-06",
			Status: "pending", Entry: "20240101T000000Z", Due: strings.ReplaceAll(month, "-", "") + "25T000000Z",
			Tags: []string{unit, "m" + strings.ReplaceAll(month, "-", "")}})
	}
	js, err := json.Marshal(tasks)
	if err != nil {
		return t, err
	}
	file := filepath.Join(work, "tasks.json")
	if err := os.WriteFile(file, js, 0o644); err != nil {
		return t, err
	}
	cmd := exec.Command(t.argv("import", file)[0], t.argv("import", file)[1:]...)
	if out, err := cmd.CombinedOutput(); err != nil {
		return t, fmt.Errorf("task import: %v\n%s", err, out)
	}
	return t, os.WriteFile(done, []byte(strconv.Itoa(len(reports))+"\n"), 0o644)
}

// diffRepo makes (once) a git repository holding a copy of the plan in
// plan/: a first commit without the last month's reports, a second that
// adds them, then packed (git gc), as a plan's repository is. It returns
// the repository and the number of report files the second commit adds.
func diffRepo(plan, repo string) (string, int, error) {
	months, err := filepath.Glob(filepath.Join(plan, "reports", "*"))
	if err != nil || len(months) == 0 {
		return "", 0, fmt.Errorf("no reports under %s", plan)
	}
	slices.Sort(months)
	last := months[len(months)-1]
	added, _ := count(last)
	if _, err := os.Stat(filepath.Join(repo, ".git", "packed-refs")); err == nil {
		return repo, added, nil
	}
	os.RemoveAll(repo)
	if err := os.MkdirAll(repo, 0o755); err != nil {
		return "", 0, err
	}
	month := filepath.Base(last)
	steps := [][]string{
		{"cp", "-R", plan, filepath.Join(repo, "plan")},
		{"git", "init", "-q"},
		{"mv", filepath.Join("plan", "reports", month), month},
		{"git", "add", "plan"},
		{"git", "-c", "gc.auto=0", "-c", "user.name=bench", "-c", "user.email=bench@example.org", "commit", "-q", "-m", "base"},
		{"mv", month, filepath.Join("plan", "reports", month)},
		{"git", "add", "plan"},
		{"git", "-c", "gc.auto=0", "-c", "user.name=bench", "-c", "user.email=bench@example.org", "commit", "-q", "-m", "reports of " + month},
		{"git", "gc", "-q"},
	}
	for _, argv := range steps {
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Dir = repo
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", 0, fmt.Errorf("%s: %v\n%s", strings.Join(argv, " "), err, out)
		}
	}
	return repo, added, nil
}

func runOnce(argv []string, dir string) (measure, error) { return launcherProc.run(argv, dir) }

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
