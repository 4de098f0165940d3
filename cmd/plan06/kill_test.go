//go:build unix

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/plan06/plan06/internal/synth"
)

// The kill test: plan06 (fmt -w, report, new report, form --all, import:
// killCommands) is killed with SIGKILL, which no program can catch, at
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
// creation and its rename leaves it, and the next run removes it
// (safewrite's lock and internal/planfs). With false, the test would count
// the leftovers, remove them itself and validate without --strict.
const tempCleanedOnNextRun = true

// killCommand is one command the kill test interrupts. To add one, give
// its arguments and the files it writes, or the folder it writes them
// into; their content before it runs is in killWork.old (absent unless
// set there), and the test takes their content after it from a run in a
// copy of the work folder. Commands must write different files.
type killCommand struct {
	name string
	args []string
	// files lists the files the command writes, relative to the work
	// folder; or else
	files []string
	// dir names the folder it writes new files into: the files are those
	// an uninterrupted run writes there.
	dir string
}

// killCommands is the table of interrupted commands.
func killCommands(w *killWork) []killCommand {
	return []killCommand{
		{name: "fmt -w", args: []string{"fmt", "-w", "--plan", "plan"}, files: w.planYAML},
		{name: "report", args: []string{"report", "--plan", "plan", "-o", "out.xlsx"}, files: []string{"out.xlsx"}},
		{name: "new report", args: []string{"new", "report", "--plan", "plan", "--unit", w.newUnit},
			files: []string{w.reportFile(w.newUnit)}},
		{name: "form --all", args: []string{"form", "--all", "--plan", "plan", "-o", "forms"}, dir: "forms"},
		{name: "import", args: []string{"import", "--plan", "plan", "form.xlsx"},
			files: []string{w.reportFile(w.importUnit)}},
	}
}

// killWork is a work folder: plan/, the report's out.xlsx, the forms/
// folder of `form --all` and the form.xlsx that `import` reads.
type killWork struct {
	dir        string
	env        []string
	month      string              // today's cycle, YYYY-MM
	planYAML   []string            // the plan's YAML files, relative to dir
	newUnit    string              // the unit `new report` writes for
	importUnit string              // the unit whose form `import` reads
	writes     map[string][]string // each command's files, by name
	old, new   map[string][]byte   // each written file's content before and after; nil old: absent
	took       map[string]time.Duration
}

// reportFile is the report of unit for today's cycle, relative to dir.
func (w *killWork) reportFile(unit string) string {
	return filepath.Join("plan", "reports", w.month, unit+".yaml")
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
	perCommand := map[string]int{}
	for i := range kills {
		c := cmds[r.IntN(len(cmds))]
		perCommand[c.name]++
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
		for _, f := range w.writes[c.name] {
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
	t.Logf("kills per command: %v", perCommand)
	t.Logf("%d kills: %d files found whole and new, the others whole and old; %d temporary files left by a kill", kills, wholeNew, leftovers)
}

// TestConcurrent runs two `fmt -w` of the same plan at once, and two
// `import` of the same form: every file ends whole, no temporary file is
// left, and of the imports exactly one wins (the other finds the report
// written and refuses to replace it without --force).
func TestConcurrent(t *testing.T) {
	w := newKillWork(t, false, "2024-04-20")
	cmds := killCommands(w)
	w.measure(t, cmds)
	bin := plan06(t)
	for _, c := range cmds {
		if c.name != "fmt -w" && c.name != "import" {
			continue
		}
		for round := range 5 {
			w.reset(t)
			var runs [2]*exec.Cmd
			var outs [2]bytes.Buffer
			for i := range runs {
				runs[i] = exec.Command(bin, c.args...)
				runs[i].Dir, runs[i].Env = w.dir, w.env
				runs[i].Stdout, runs[i].Stderr = &outs[i], &outs[i]
				if err := runs[i].Start(); err != nil {
					t.Fatal(err)
				}
			}
			ok := 0
			for i, run := range runs {
				if err := run.Wait(); err == nil {
					ok++
				} else {
					t.Logf("%s, round %d: run %d: %v\n%s", c.name, round, i, err, outs[i].String())
				}
			}
			switch {
			case ok == 0:
				t.Fatalf("%s, round %d: neither run succeeded", c.name, round)
			case c.name == "import" && ok != 1:
				t.Fatalf("import, round %d: both imports of the same form succeeded", round)
			}
			for _, f := range w.writes[c.name] {
				got, err := os.ReadFile(filepath.Join(w.dir, f))
				if err != nil || !bytes.Equal(got, w.new[f]) {
					t.Fatalf("%s, round %d: %s is not its new content (%v)", c.name, round, f, err)
				}
			}
			if left := w.strays(t); len(left) > 0 {
				t.Fatalf("%s, round %d: left %q in the plan folder", c.name, round, left)
			}
		}
	}
}

// newKillWork makes the work folder: a plan whose YAML files are all out
// of canonical form (two extra blank lines at the end), so that `fmt -w`
// rewrites every one, and an out.xlsx that `report` replaces.
func newKillWork(t *testing.T, long bool, today string) *killWork {
	t.Helper()
	w := &killWork{
		dir:    t.TempDir(),
		env:    append(os.Environ(), "PLAN06_TODAY="+today, "NO_COLOR=1"),
		month:  today[:7],
		writes: map[string][]string{},
		old:    map[string][]byte{},
		new:    map[string][]byte{},
		took:   map[string]time.Duration{},
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
	w.findUnits(t)
	return w
}

// findUnits picks two units that owe today's cycle and have not reported
// it yet: one for `new report` to write a report for (it refuses a unit
// that owes nothing), and one whose form (form.xlsx, written here) `import`
// reads. The owing units come from `status -o json`.
func (w *killWork) findUnits(t *testing.T) {
	t.Helper()
	out, err := w.run(t, "status", "--plan", "plan", "-o", "json")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var st struct {
		Units []struct {
			Unit string `json:"unit"`
		} `json:"units"`
	}
	// Warnings (a day outside the plan) come before the JSON on stderr,
	// which run combines with stdout.
	if err := json.Unmarshal([]byte(out[strings.Index(out, "{"):]), &st); err != nil {
		t.Fatalf("status -o json: %v", err)
	}
	for _, u := range st.Units {
		id := u.Unit
		if _, err := os.Stat(filepath.Join(w.dir, w.reportFile(id))); err == nil {
			continue
		}
		if w.newUnit == "" {
			w.newUnit = id
			continue
		}
		if _, err := w.run(t, "form", "--plan", "plan", "--unit", id, "-o", "form.xlsx"); err == nil {
			w.importUnit = id
			return
		}
	}
	t.Fatalf("no two units owing %s without a report: nothing for new report and import to write", w.month)
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
		files := c.files
		if c.dir != "" {
			entries, err := os.ReadDir(filepath.Join(ref.dir, c.dir))
			if err != nil || len(entries) == 0 {
				t.Fatalf("plan06 %s wrote nothing in %s (%v)", c.name, c.dir, err)
			}
			for _, e := range entries {
				files = append(files, filepath.Join(c.dir, e.Name()))
			}
		}
		w.writes[c.name] = files
		for _, f := range files {
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

// reset puts every file the commands write back to its old content, or
// removes it when it had none.
func (w *killWork) reset(t *testing.T) {
	t.Helper()
	for _, files := range w.writes {
		for _, f := range files {
			path := filepath.Join(w.dir, f)
			old, had := w.old[f]
			if !had {
				if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
					t.Fatal(err)
				}
				continue
			}
			if got, err := os.ReadFile(path); err == nil && bytes.Equal(got, old) {
				continue
			}
			if err := os.WriteFile(path, old, 0o644); err != nil {
				t.Fatal(err)
			}
		}
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
		if _, known := w.old[rel]; known || w.written(rel) || isSynthExtra(rel) {
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

// written reports whether a command writes rel.
func (w *killWork) written(rel string) bool {
	for _, files := range w.writes {
		if slices.Contains(files, rel) {
			return true
		}
	}
	return false
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
