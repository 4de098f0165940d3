package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

// generate runs the command into a fresh folder and returns it with stderr.
func generate(t *testing.T, args ...string) (string, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "plan")
	var stderr bytes.Buffer
	if code := run(append(args, dir), &stderr); code != 0 {
		t.Fatalf("run %v: exit %d: %s", args, code, stderr.String())
	}
	return dir, stderr.String()
}

// readTree maps every file under dir (slash paths) to its bytes.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestDeterminism(t *testing.T) {
	a, _ := generate(t, "--seed", "42")
	b, _ := generate(t, "--seed", "42")
	c, _ := generate(t, "--seed", "43")
	ta, tb, tc := readTree(t, a), readTree(t, b), readTree(t, c)
	if len(ta) != len(tb) {
		t.Fatalf("same seed: %d files vs %d", len(ta), len(tb))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Fatalf("same seed: %s differs", name)
		}
	}
	same := len(ta) == len(tc)
	for name, data := range ta {
		if same && !bytes.Equal(data, tc[name]) {
			same = false
		}
	}
	if same {
		t.Fatal("seeds 42 and 43 gave the same plan")
	}
}

func TestUsageErrors(t *testing.T) {
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "x.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{full}, "is not empty"},
		{[]string{"--scale", "planet", filepath.Join(t.TempDir(), "p")}, `unknown scale "planet"`},
		{[]string{"--year", "1999", filepath.Join(t.TempDir(), "p")}, "--year 1999 is not supported"},
		{[]string{}, "expected one folder, got 0"},
		{[]string{"a", "b"}, "expected one folder, got 2"},
		{[]string{"--seed", "x", "a"}, "invalid value"},
	} {
		var stderr bytes.Buffer
		if code := run(tc.args, &stderr); code != 2 {
			t.Errorf("%v: exit %d, want 2", tc.args, code)
		}
		if !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("%v: stderr %q lacks %q", tc.args, stderr.String(), tc.want)
		}
	}
}

func TestProvince(t *testing.T) {
	dir, stderr := generate(t, "--seed", "7")
	if !strings.HasPrefix(stderr, "plan06-synth: wrote ") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("summary is not one line: %q", stderr)
	}
	p := checkPlan(t, dir, 2024)
	t.Logf("%sunits %d, tasks %d (%d with targets), reports %d (%d late), entries done %d, blocked %d, values below the first milestone %d",
		stderr, p.units, p.tasks, p.targets, p.reports, p.late, p.done, p.blocked, p.below)
	if p.units < 245 || p.units > 260 {
		t.Errorf("units = %d, want about 251", p.units)
	}
	if p.tasks < 50 || p.tasks > 70 {
		t.Errorf("tasks = %d, want about 60", p.tasks)
	}
	if p.reports < 2500 || p.reports > 3500 {
		t.Errorf("report files = %d, want 2,500–3,500", p.reports)
	}
	if p.targets < 6 || p.targets > 12 {
		t.Errorf("tasks with targets = %d, want about 10", p.targets)
	}
	if p.late == 0 || p.done == 0 || p.blocked == 0 || p.below == 0 {
		t.Errorf("want some late reports, done and blocked entries and values below milestones: %+v", p)
	}
}

// TestOtherYear: the calendar and the deadline texts follow --year.
func TestOtherYear(t *testing.T) {
	dir, _ := generate(t, "--seed", "3", "--year", "2025")
	checkPlan(t, dir, 2025)
}

func TestCountry(t *testing.T) {
	if testing.Short() || os.Getenv("PLAN06_SYNTH_COUNTRY") != "1" {
		t.Skip("country scale writes ~100,000 files; set PLAN06_SYNTH_COUNTRY=1 to run it")
	}
	start := time.Now()
	dir, stderr := generate(t, "--scale", "country", "--seed", "7")
	t.Logf("%s(%v)", stderr, time.Since(start))
	p := checkPlan(t, dir, 2024)
	communes := 0
	for _, level := range p.levels {
		if level == "commune" {
			communes++
		}
	}
	if communes < 3200 || communes > 3400 {
		t.Errorf("communes = %d, want about 3,300", communes)
	}
	if p.reports < 85000 || p.reports > 115000 {
		t.Errorf("report files = %d, want about 100,000", p.reports)
	}
}

// ---- a checker of the generated folder, independent of the generator ----

type planFile struct {
	Format    string
	ID        string
	Title     string
	Issuer    string
	Signer    string
	Language  string
	Timezone  string
	Period    struct{ From, To string }
	Basis     []string
	Reporting struct {
		Secretariat string
		Day         int
		Rollover    string
		DueSoonDays int `yaml:"due_soon_days"`
		Also        []string
	}
	Report    struct{ Authority, Issuer, Symbol, Place string }
	Groups    []struct{ ID, Title, Parent string }
	Utilities []struct {
		ID    int
		Title string
	}
}

type unitsFile struct {
	Units []struct{ ID, Name, Short, Level, Parent string }
	Sets  []struct {
		ID, Name, Level string
		Members         []string
	}
}

type calendarFile struct {
	Weekend     []string
	Holidays    []struct{ Date, From, To, Name string }
	WorkingDays []struct{ Date, Name string } `yaml:"working_days"`
	NamedDays   map[string]string             `yaml:"named_days"`
}

type tasksFile struct {
	Tasks []struct {
		ID          string
		Ref         string
		Group       string
		Utilities   []int
		Title       string
		Detail      string
		Lead        []string
		Support     []string
		SupportNote string `yaml:"support_note"`
		Start       string
		Due         string
		Note        string
		Targets     []struct {
			ID, Name, Unit string
			Milestones     []struct {
				From string
				Min  float64
			}
		}
	}
}

type reportFile struct {
	Submitted string
	Document  string
	Tasks     []struct {
		Task      string
		State     string
		Done      string
		Progress  *int
		Values    map[string]float64
		Result    string
		Obstacles string
		Proposals string
	}
}

// planStats is what checkPlan counted.
type planStats struct {
	units, tasks, reports, targets int
	late, done, blocked, below     int
	levels                         map[string]string
}

// decode parses data strictly (unknown keys are errors) and checks the text
// style: LF, one final newline, no tabs or trailing spaces, NFC, and that
// every scalar under a text key is a string, not a YAML 1.1 number or bool.
func decode(t *testing.T, name string, data []byte, out any) {
	t.Helper()
	if !utf8.Valid(data) || !norm.NFC.IsNormal(data) {
		t.Fatalf("%s: not NFC UTF-8", name)
	}
	if !bytes.HasSuffix(data, []byte("\n")) || bytes.HasSuffix(data, []byte("\n\n")) ||
		bytes.ContainsAny(data, "\r\t") || bytes.Contains(data, []byte(" \n")) {
		t.Fatalf("%s: not canonical text (final newline, LF, no tabs or trailing spaces)", name)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(out); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	checkTags(t, name, &root)
}

var textKeys = map[string]bool{
	"id": true, "task": true, "name": true, "title": true, "ref": true, "result": true,
	"obstacles": true, "proposals": true, "document": true, "unit": true, "start": true,
	"short": true, "parent": true, "group": true, "detail": true, "note": true,
}

func checkTags(t *testing.T, name string, n *yaml.Node) {
	t.Helper()
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if textKeys[k.Value] && v.Kind == yaml.ScalarNode && v.Tag != "!!str" && !(k.Value == "id" && v.Tag == "!!int") {
				t.Errorf("%s:%d: %s is %s %q, want a string", name, v.Line, k.Value, v.Tag, v.Value)
			}
			if (k.Value == "id" || k.Value == "task") && v.Tag == "!!str" && strings.Contains(v.Value, ".") && v.Style != yaml.DoubleQuotedStyle {
				t.Errorf("%s:%d: task id %s not quoted", name, v.Line, v.Value)
			}
		}
	}
	for _, c := range n.Content {
		checkTags(t, name, c)
	}
}

var reportPath = regexp.MustCompile(`^reports/(\d{4})-(\d{2})/([a-z0-9-]+)\.yaml$`)

// checkPlan reads the whole folder back and checks the rules of SPEC §2 that
// the generator promises, returning counts.
func checkPlan(t *testing.T, dir string, year int) planStats {
	t.Helper()
	read := func(name string, out any) {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		decode(t, name, data, out)
	}
	var plan planFile
	var units unitsFile
	var cal calendarFile
	read("plan.yaml", &plan)
	read("units.yaml", &units)
	read("calendar.yaml", &cal)
	if plan.Format != "plan06/v1" || plan.Reporting.Day != 15 || plan.Reporting.Rollover != "next-working-day" {
		t.Errorf("plan.yaml: %+v", plan)
	}
	if plan.Period.From != fmt.Sprintf("%d-01-01", year) {
		t.Errorf("period from %s", plan.Period.From)
	}
	if _, ok := cal.NamedDays[fmt.Sprintf("Tết Nguyên đán %d", year)]; !ok {
		t.Errorf("calendar.yaml lacks Tết Nguyên đán %d: %v", year, cal.NamedDays)
	}
	st := planStats{levels: map[string]string{}}
	ids := map[string]bool{}
	for _, u := range units.Units {
		if ids[u.ID] || !regexp.MustCompile(`^[a-z0-9-]+$`).MatchString(u.ID) {
			t.Fatalf("unit id %q duplicate or malformed", u.ID)
		}
		ids[u.ID] = true
		st.levels[u.ID] = u.Level
	}
	st.units = len(units.Units)
	if !ids[plan.Reporting.Secretariat] {
		t.Errorf("secretariat %q is not a unit", plan.Reporting.Secretariat)
	}
	for _, u := range units.Units {
		if u.Parent != "" && !ids[u.Parent] {
			t.Errorf("unit %s: unknown parent %s", u.ID, u.Parent)
		}
	}
	expand := map[string][]string{}
	for _, u := range units.Units {
		expand[u.ID] = []string{u.ID}
	}
	for _, s := range units.Sets {
		if ids[s.ID] {
			t.Fatalf("set id %q clashes", s.ID)
		}
		ids[s.ID] = true
		if s.Level != "" {
			for _, u := range units.Units {
				if u.Level == s.Level {
					expand[s.ID] = append(expand[s.ID], u.ID)
				}
			}
		} else {
			for _, m := range s.Members {
				if _, ok := expand[m]; !ok {
					t.Errorf("set %s: unknown member %s", s.ID, m)
				}
				expand[s.ID] = append(expand[s.ID], m)
			}
		}
		if len(expand[s.ID]) == 0 {
			t.Errorf("set %s is empty", s.ID)
		}
	}
	groups := map[string]bool{}
	for _, g := range plan.Groups {
		groups[g.ID] = true
	}

	// Tasks: who leads what, which are ongoing, and their targets' milestones.
	type taskInfo struct {
		ongoing    bool
		startMonth string // YYYY-MM of the task's first day
		min        map[string][]float64
	}
	tasks := map[string]taskInfo{}
	leads := map[string]map[string]bool{} // unit -> task ids it leads
	taskNames, _ := filepath.Glob(filepath.Join(dir, "tasks", "*.yaml"))
	if len(taskNames) < 4 || len(taskNames) > 6 {
		t.Errorf("%d task files, want 4–6", len(taskNames))
	}
	dues := map[string]bool{}
	for _, p := range taskNames {
		var tf tasksFile
		rel, _ := filepath.Rel(dir, p)
		read(rel, &tf)
		for _, tk := range tf.Tasks {
			if _, dup := tasks[tk.ID]; dup {
				t.Fatalf("task %s twice", tk.ID)
			}
			if !groups[tk.Group] || tk.Title == "" || len(tk.Lead) == 0 || tk.Due == "" {
				t.Errorf("task %s: incomplete: %+v", tk.ID, tk)
			}
			dues[tk.Due] = true
			info := taskInfo{
				ongoing: strings.HasPrefix(tk.Due, "Từ ") || tk.Due == "Thường xuyên",
				min:     map[string][]float64{},
			}
			info.startMonth = startMonth(t, year, tk.Start, tk.Due)
			for _, tg := range tk.Targets {
				for _, m := range tg.Milestones {
					info.min[tg.ID] = append(info.min[tg.ID], m.Min)
				}
			}
			if len(tk.Targets) > 0 {
				st.targets++
			}
			tasks[tk.ID] = info
			for _, l := range append(append([]string{}, tk.Lead...), tk.Support...) {
				if _, ok := expand[l]; !ok {
					t.Errorf("task %s: unknown unit or set %s", tk.ID, l)
				}
			}
			for _, l := range tk.Lead {
				for _, u := range expand[l] {
					if leads[u] == nil {
						leads[u] = map[string]bool{}
					}
					leads[u][tk.ID] = true
				}
			}
		}
	}
	st.tasks = len(tasks)
	for _, want := range []string{
		fmt.Sprintf("Quý I năm %d", year), fmt.Sprintf("quý II/%d", year), fmt.Sprintf("%d-09-30", year),
		fmt.Sprintf("31/10/%d", year), fmt.Sprintf("tháng 6 năm %d", year), fmt.Sprintf("6 tháng đầu năm %d", year),
		fmt.Sprintf("Trong năm %d", year), fmt.Sprintf("trước ngày 31/01/%d", year),
		fmt.Sprintf("trước Tết Nguyên đán %d", year), fmt.Sprintf("Từ quý I năm %d", year), "Thường xuyên",
	} {
		if !dues[want] {
			t.Errorf("no task is due %q", want)
		}
	}

	// Reports.
	type key struct{ unit, task string }
	progress := map[key]int{}
	doneOn := map[key]string{}
	var months []string
	entries, _ := os.ReadDir(filepath.Join(dir, "reports"))
	for _, e := range entries {
		months = append(months, e.Name())
	}
	if !slices.IsSorted(months) || len(months) != 12 {
		t.Fatalf("report months %v", months)
	}
	for _, month := range months {
		files, _ := os.ReadDir(filepath.Join(dir, "reports", month))
		for _, f := range files {
			rel := "reports/" + month + "/" + f.Name()
			m := reportPath.FindStringSubmatch(rel)
			if m == nil || m[1] != fmt.Sprint(year) || m[2] < "01" || m[2] > "12" {
				t.Fatalf("%s: malformed report path", rel)
			}
			unit := m[3]
			if _, ok := st.levels[unit]; !ok {
				t.Fatalf("%s: unknown unit %s", rel, unit)
			}
			var r reportFile
			read(rel, &r)
			st.reports++
			cycle, _ := time.Parse("2006-01-02", month+"-15")
			sub, err := time.Parse("2006-01-02", r.Submitted)
			if err != nil {
				t.Fatalf("%s: submitted %q", rel, r.Submitted)
			}
			if sub.Before(cycle.AddDate(0, -1, 0)) {
				t.Errorf("%s: submitted %s before the data period opens", rel, r.Submitted)
			}
			if sub.After(cycle.AddDate(0, 0, 3)) { // past any rolled-over 15th
				st.late++
			}
			for _, en := range r.Tasks {
				k := key{unit, en.Task}
				if month < tasks[en.Task].startMonth {
					t.Errorf("%s: entry for task %s, which starts in %s", rel, en.Task, tasks[en.Task].startMonth)
				}
				if !leads[unit][en.Task] {
					t.Errorf("%s: entry for task %s, which %s does not lead", rel, en.Task, unit)
				}
				if en.Progress == nil || *en.Progress < 0 || *en.Progress > 100 {
					t.Errorf("%s: task %s: progress missing or out of range", rel, en.Task)
				} else if *en.Progress < progress[k] {
					t.Errorf("%s: task %s: progress fell from %d to %d", rel, en.Task, progress[k], *en.Progress)
				} else {
					progress[k] = *en.Progress
				}
				switch en.State {
				case "done":
					st.done++
					if tasks[en.Task].ongoing {
						t.Errorf("%s: ongoing task %s marked done", rel, en.Task)
					}
					if en.Done == "" || en.Done > r.Submitted {
						t.Errorf("%s: task %s: done %q missing or after submitted %s", rel, en.Task, en.Done, r.Submitted)
					}
					if prev, ok := doneOn[k]; ok && prev != en.Done {
						t.Errorf("%s: task %s: done moved from %s to %s", rel, en.Task, prev, en.Done)
					}
					doneOn[k] = en.Done
				case "in-progress", "not-started", "blocked":
					if en.Done != "" {
						t.Errorf("%s: task %s: done given with state %s", rel, en.Task, en.State)
					}
					if _, ok := doneOn[k]; ok {
						t.Errorf("%s: task %s: %s after done", rel, en.Task, en.State)
					}
					if en.State == "blocked" {
						st.blocked++
					}
				default:
					t.Errorf("%s: task %s: state %q", rel, en.Task, en.State)
				}
				for id, v := range en.Values {
					mins, ok := tasks[en.Task].min[id]
					if !ok {
						t.Errorf("%s: task %s: unknown target %s", rel, en.Task, id)
					}
					if len(mins) > 0 && v < mins[0] {
						st.below++
					}
				}
			}
		}
	}
	return st
}

// startMonth reads the start forms the generator writes ("quý II/2024",
// "tháng 7 năm 2024", and "Từ quý … năm 2024" as due); the default is January.
func startMonth(t *testing.T, year int, start, due string) string {
	t.Helper()
	quarters := map[string]int{"I": 1, "II": 4, "III": 7, "IV": 10}
	var q string
	var m int
	switch {
	case start == "":
		if _, err := fmt.Sscanf(due, "Từ quý %s năm", &q); err == nil {
			m = quarters[q]
		} else {
			m = 1
		}
	case strings.HasPrefix(start, "quý "):
		q, _, _ = strings.Cut(strings.TrimPrefix(start, "quý "), "/")
		m = quarters[q]
	default:
		if _, err := fmt.Sscanf(start, "tháng %d năm", &m); err != nil {
			t.Fatalf("unexpected start %q", start)
		}
	}
	if m == 0 {
		t.Fatalf("cannot read start of %q / %q", start, due)
	}
	return fmt.Sprintf("%d-%02d", year, m)
}
