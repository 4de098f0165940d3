//go:build unix

package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/plan06/plan06/internal/synth"
)

// The kill test: plan06 is killed (SIGKILL, which no program can catch) at
// random moments while it writes, and every file it writes must then be
// either its old or its new content, whole; after one more run of plan06
// the plan must validate. `make test` runs the short version (killShort
// kills on testdata/plans/basic); with PLAN06_KILL_LONG=1, which `make
// bench` sets, it runs killLong kills on a province-scale synthetic plan.
// PLAN06_KILLS=N sets the number of kills of either.

const (
	killShort = 10
	killLong  = 200
)

// tempCleanedOnNextRun says that a temporary file a SIGKILL left in the
// plan folder is removed by the next run of plan06 (and so that the plan
// then validates with --strict, which refuses stray files). safewrite
// writes through a temporary file beside the target; a kill between its
// creation and its rename leaves it. Set this to true when the next run
// cleans such files (safewrite.CleanTemp, branch hostile-repo): until then
// the test counts the leftovers, removes them itself and validates without
// --strict.
const tempCleanedOnNextRun = false

// killCommand is one command the kill test interrupts. To add one (`form
// --all`, `import`), give its arguments and the files it writes with
// their content before (nil: absent) and after an uninterrupted run: the
// test takes the "after" from a run in a copy of the work folder.
type killCommand struct {
	name string
	args []string
	// writes lists the files the command writes, relative to the work
	// folder; the content they have before it runs is in killWork.old.
	writes func(w *killWork) []string
}

// killCommands is the table of interrupted commands.
func killCommands(w *killWork) []killCommand {
	return []killCommand{
		{name: "fmt -w", args: []string{"fmt", "-w", "--plan", "plan"},
			writes: func(w *killWork) []string { return w.planYAML }},
		{name: "report", args: []string{"report", "--plan", "plan", "-o", "out.xlsx"},
			writes: func(*killWork) []string { return []string{"out.xlsx"} }},
		{name: "new report", args: []string{"new", "report", "--plan", "plan", "--unit", w.reportUnit},
			writes: func(w *killWork) []string { return []string{w.newReport} }},
	}
}

// killWork is a work folder: plan/ and the report's out.xlsx.
type killWork struct {
	dir        string
	env        []string
	planYAML   []string          // the plan's YAML files, relative to dir
	reportUnit string            // the unit `new report` writes for
	newReport  string            // the file it writes, relative to dir
	old, new   map[string][]byte // each written file's content before and after; nil old: absent
	took       map[string]time.Duration
}

// plan06 is the test binary itself, installed in $PATH as plan06 by
// testscript.Main.
func plan06(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("plan06")
	if err != nil {
		t.Fatalf("plan06 is not in $PATH: %v", err)
	}
	return p
}

func TestKill(t *testing.T) {
	kills, today := killShort, "2024-04-20"
	long := os.Getenv("PLAN06_KILL_LONG") != ""
	if long {
		kills, today = killLong, "2024-12-20"
	}
	if n, err := strconv.Atoi(os.Getenv("PLAN06_KILLS")); err == nil && n > 0 {
		kills = n
	}
	w := newKillWork(t, long, today)
	cmds := killCommands(w)
	w.measure(t, cmds)
	bin := plan06(t)
	// The moments differ on every run, which is the point; the seed is
	// logged, and PLAN06_KILL_SEED replays a run's choice of commands.
	seed := uint64(time.Now().UnixNano())
	if s, err := strconv.ParseUint(os.Getenv("PLAN06_KILL_SEED"), 10, 64); err == nil {
		seed = s
	}
	t.Logf("seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 6))
	leftovers, wholeNew := 0, 0
	for i := range kills {
		c := cmds[r.IntN(len(cmds))]
		w.reset(t)
		cmd := exec.Command(bin, c.args...)
		cmd.Dir, cmd.Env = w.dir, w.env
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		after := time.Duration(r.Int64N(int64(w.took[c.name])*5/4 + 1))
		time.Sleep(after)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		for _, f := range c.writes(w) {
			got, err := os.ReadFile(filepath.Join(w.dir, f))
			switch {
			case err == nil && bytes.Equal(got, w.new[f]):
				wholeNew++
			case err == nil && w.old[f] != nil && bytes.Equal(got, w.old[f]):
			case err != nil && w.old[f] == nil && os.IsNotExist(err):
			default:
				t.Fatalf("kill %d (%s after %v): %s is neither its old nor its new content (%d bytes, %v)",
					i, c.name, after, f, len(got), err)
			}
		}
		left := w.strays(t)
		if len(left) > 0 && tempCleanedOnNextRun {
			// One more run of any command: validate, here.
			args := []string{"validate", "--strict", "--plan", "plan"}
			if out, err := w.run(t, args...); err != nil {
				t.Fatalf("kill %d (%s after %v): plan06 %s after the kill: %v\n%s", i, c.name, after, strings.Join(args, " "), err, out)
			}
			if left := w.strays(t); len(left) > 0 {
				t.Fatalf("kill %d (%s after %v): one more run left %q in the plan folder", i, c.name, after, left)
			}
			continue
		}
		leftovers += len(left)
		for _, f := range left {
			os.Remove(filepath.Join(w.dir, f))
		}
		if out, err := w.run(t, "validate", "--plan", "plan"); err != nil {
			t.Fatalf("kill %d (%s after %v): the plan does not validate: %v\n%s", i, c.name, after, err, out)
		}
	}
	t.Logf("%d kills: %d files found whole and new, the others whole and old; %d temporary files left by a kill", kills, wholeNew, leftovers)
}

// TestConcurrentFmt runs two `fmt -w` of the same plan at once: each file
// ends whole and canonical, and no temporary file is left. Add `import`
// of the same form here when it exists.
func TestConcurrentFmt(t *testing.T) {
	w := newKillWork(t, false, "2024-04-20")
	w.measure(t, killCommands(w)[:1])
	bin := plan06(t)
	for round := range 5 {
		w.reset(t)
		var cmds [2]*exec.Cmd
		var outs [2]bytes.Buffer
		for i := range cmds {
			cmds[i] = exec.Command(bin, "fmt", "-w", "--plan", "plan")
			cmds[i].Dir, cmds[i].Env = w.dir, w.env
			cmds[i].Stdout, cmds[i].Stderr = &outs[i], &outs[i]
			if err := cmds[i].Start(); err != nil {
				t.Fatal(err)
			}
		}
		ok := 0
		for i, c := range cmds {
			if err := c.Wait(); err == nil {
				ok++
			} else {
				t.Logf("round %d: run %d: %v\n%s", round, i, err, outs[i].String())
			}
		}
		if ok == 0 {
			t.Fatalf("round %d: neither fmt -w succeeded", round)
		}
		for _, f := range w.planYAML {
			got, err := os.ReadFile(filepath.Join(w.dir, f))
			if err != nil || !bytes.Equal(got, w.new[f]) {
				t.Fatalf("round %d: %s is not its canonical content (%v)", round, f, err)
			}
		}
		if left := w.strays(t); len(left) > 0 {
			t.Fatalf("round %d: left %q in the plan folder", round, left)
		}
	}
}

// newKillWork makes the work folder: a plan whose YAML files are all out
// of canonical form (two extra blank lines at the end), so that `fmt -w`
// rewrites every one, and an out.xlsx that `report` replaces.
func newKillWork(t *testing.T, long bool, today string) *killWork {
	t.Helper()
	w := &killWork{
		dir:  t.TempDir(),
		env:  append(os.Environ(), "PLAN06_TODAY="+today, "NO_COLOR=1"),
		old:  map[string][]byte{},
		new:  map[string][]byte{},
		took: map[string]time.Duration{},
	}
	plan := filepath.Join(w.dir, "plan")
	if long {
		if _, err := synth.Generate(plan, synth.Options{Scale: synth.ScaleProvince, Seed: 1, Year: 2024}); err != nil {
			t.Fatal(err)
		}
	} else if err := os.CopyFS(plan, os.DirFS(filepath.Join("..", "..", "testdata", "plans", "basic"))); err != nil {
		t.Fatal(err)
	}
	err := filepath.WalkDir(plan, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		b = append(b, "\n\n"...)
		rel, _ := filepath.Rel(w.dir, p)
		w.planYAML = append(w.planYAML, rel)
		w.old[rel] = b
		return os.WriteFile(p, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	w.old["out.xlsx"] = []byte("the workbook of last month\n")
	if err := os.WriteFile(filepath.Join(w.dir, "out.xlsx"), w.old["out.xlsx"], 0o644); err != nil {
		t.Fatal(err)
	}
	w.reportUnit, w.newReport = w.findReportUnit(t, today)
	return w
}

// findReportUnit picks a unit that has no report yet for today's cycle,
// so that `new report` has a file to write.
func (w *killWork) findReportUnit(t *testing.T, today string) (unit, file string) {
	t.Helper()
	units, err := os.ReadFile(filepath.Join(w.dir, "plan", "units.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	month := today[:7]
	for _, m := range regexp.MustCompile(`(?m)^  - id: "?([a-z0-9-]+)"?`).FindAllSubmatch(units, -1) {
		id := string(m[1])
		rel := filepath.Join("plan", "reports", month, id+".yaml")
		if _, err := os.Stat(filepath.Join(w.dir, rel)); err == nil {
			continue
		}
		return id, rel
	}
	t.Fatal("every unit has reported this month: no file for new report to write")
	return "", ""
}

// measure runs each command to the end in a copy of the work folder: what
// it writes there is the "new" content, and how long it took bounds the
// moment of the kill.
func (w *killWork) measure(t *testing.T, cmds []killCommand) {
	t.Helper()
	bin := plan06(t)
	for _, c := range cmds {
		ref := &killWork{dir: t.TempDir(), env: w.env}
		if err := os.CopyFS(ref.dir, os.DirFS(w.dir)); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(bin, c.args...)
		cmd.Dir, cmd.Env = ref.dir, w.env
		start := time.Now()
		out, err := cmd.CombinedOutput()
		w.took[c.name] = time.Since(start)
		if err != nil {
			t.Fatalf("plan06 %s: %v\n%s", strings.Join(c.args, " "), err, out)
		}
		for _, f := range c.writes(w) {
			b, err := os.ReadFile(filepath.Join(ref.dir, f))
			if err != nil {
				t.Fatalf("plan06 %s did not write %s: %v", c.name, f, err)
			}
			if bytes.Equal(b, w.old[f]) {
				t.Fatalf("plan06 %s left %s as it was: the test would show nothing", c.name, f)
			}
			w.new[f] = b
		}
	}
}

// reset puts every file the commands write back to its old content.
func (w *killWork) reset(t *testing.T) {
	t.Helper()
	for f, old := range w.old {
		path := filepath.Join(w.dir, f)
		got, err := os.ReadFile(path)
		if err == nil && bytes.Equal(got, old) {
			continue
		}
		if err := os.WriteFile(path, old, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Remove(filepath.Join(w.dir, w.newReport)); err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
}

// strays lists the files in the plan folder that neither were there nor
// are written by a command: temporary files.
func (w *killWork) strays(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(filepath.Join(w.dir, "plan"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(w.dir, p)
		if _, known := w.old[rel]; known || rel == w.newReport || !strings.HasSuffix(rel, ".yaml") && isSynthExtra(rel) {
			return nil
		}
		out = append(out, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// isSynthExtra reports the files of the plan that are not YAML and were
// there from the start (the synthetic plan's README.md).
func isSynthExtra(rel string) bool { return filepath.Base(rel) == "README.md" }

// run runs plan06 in the work folder to its end.
func (w *killWork) run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(plan06(t), args...)
	cmd.Dir, cmd.Env = w.dir, w.env
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("plan06 %s: %w", strings.Join(args, " "), err)
	}
	return string(out), nil
}
