package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/plan06/plan06/internal/check"
	"github.com/plan06/plan06/internal/diag"
)

const minimalPlan = `format: plan06/v1
id: p
title: T
period: {from: 2024-01-01, to: 2024-12-31}
reporting: {secretariat: a, day: 15}
groups:
  - {id: g, title: G}
`

const minimalUnits = `units:
  - {id: a, name: A, level: department}
`

func keys(ds diag.Diagnostics) string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Pos.String()+" "+d.Key)
	}
	return strings.Join(out, "\n")
}

// A file over 8 MiB is an error naming the file, read no further.
func TestTooBig(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, s string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("plan.yaml", minimalPlan)
	write("units.yaml", minimalUnits)
	write("tasks/huge.yaml", "tasks: []\n# "+strings.Repeat("x", MaxFileSize)+"\n")
	_, ds, err := Load(os.DirFS(dir), "plan")
	if err != nil {
		t.Fatal(err)
	}
	if got := keys(ds); !strings.Contains(got, "plan/tasks/huge.yaml:1:1 too-big") {
		t.Errorf("want too-big on plan/tasks/huge.yaml, got:\n%s", got)
	}
}

// A billion-laughs document is refused at once, not expanded.
func TestAliasBombIsFast(t *testing.T) {
	bomb := "a: &a [x,x,x,x,x,x,x,x,x,x]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i", "j"} {
		bomb += n + ": &" + n + " [" + strings.Repeat("*"+prev+",", 9) + "*" + prev + "]\n"
		prev = n
	}
	fsys := fstest.MapFS{
		"plan.yaml":       {Data: []byte(minimalPlan)},
		"units.yaml":      {Data: []byte(minimalUnits)},
		"tasks/bomb.yaml": {Data: []byte(bomb)},
	}
	start := time.Now()
	_, ds, err := Load(fsys, "plan")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(keys(ds), "plan/tasks/bomb.yaml:1:1 alias") {
		t.Errorf("want alias error, got:\n%s", keys(ds))
	}
	// Not a timing assertion on speed, a guard against expansion: expanding
	// 10^10 nodes would take hours, so a minute means it was not expanded.
	if time.Since(start) > time.Minute {
		t.Errorf("alias bomb took %v", time.Since(start))
	}
}

// The missing plan.yaml is an error of its own, saying where it looked.
func TestNoPlan(t *testing.T) {
	_, _, err := Load(fstest.MapFS{"units.yaml": {Data: []byte(minimalUnits)}}, "plan")
	if err == nil || !strings.Contains(err.Error(), "no plan.yaml in plan/") {
		t.Errorf("err = %v", err)
	}
}

// FuzzLoad feeds arbitrary bytes as each kind of plan file: loading and
// checking must never panic, and every diagnostic must point at a file.
func FuzzLoad(f *testing.F) {
	f.Add("tasks/x.yaml", "tasks:\n  - id: \"1\"\n    title: A\n    group: g\n    lead: [a]\n    due: Quý I năm 2024\n")
	f.Add("reports/2024-03/a.yaml", "submitted: 2024-03-14\ntasks:\n  - task: \"1\"\n    state: done\n    done: 2024-03-01\n")
	f.Add("calendar.yaml", "holidays:\n  - {from: 2024-02-08, to: 2024-02-14, name: Tết}\nnamed_days:\n  Tết: 2024-02-10\n")
	f.Add("reports/2024-03/a.yaml", "submitted: 2024-03-14\ntasks:\n  - task: \"1\"\n    state: done\n    values: {x: 97,5, y: 3,25, z: 1,}\n")
	f.Add("reports/2024-03/a.yaml", "submitted: 2024-03-14\ntasks:\n\t- task: \"1\"\n    values:\n      x: -97,5\n")
	f.Add("units.yaml", "units:\n  - {id: a, name: A, level: department, parent: a}\nsets:\n  - {id: s, name: S, members: [s]}\n")
	f.Add("plan.yaml", "format: plan06/v1\nid: [\n")
	f.Add("tasks/y.yaml", "\ttasks: *x\n")
	f.Add("reports/2024-03/a.yaml", "\xef\xbb\xbfsubmitted: 2024-02-30\r\ntasks: ~\r\n")
	// Syntax errors the position finder (yamlpos.Locate) looks into.
	f.Add("units.yaml", "units:\n  - id: a\n    name: b\n   level: district\n")
	f.Add("calendar.yaml", "a: 1\nb: 2\nc: [1, 2\nd: 4\n")
	f.Add("tasks/z.yaml", "tasks:\n  - id: \"z\"\n    title: [oops\n")
	f.Fuzz(func(t *testing.T, name, content string) {
		if !strings.HasSuffix(name, ".yaml") || strings.Contains(name, "..") || strings.HasPrefix(name, "/") || name == "plan.yaml" && content == "" {
			return
		}
		if !validName(name) {
			return
		}
		fsys := fstest.MapFS{
			"plan.yaml":  {Data: []byte(minimalPlan)},
			"units.yaml": {Data: []byte(minimalUnits)},
		}
		fsys[name] = &fstest.MapFile{Data: []byte(content)}
		p, ds, err := Load(fsys, "plan")
		if err != nil {
			return
		}
		if p == nil {
			t.Fatal("nil plan without error")
		}
		ds = append(ds, check.Plan(p)...)
		for _, d := range ds {
			if d.Pos.File == "" {
				t.Errorf("diagnostic %s without a file", d.Key)
			}
			if d.Pos.File == "plan/"+name && int(d.Pos.Line) > strings.Count(content, "\n")+strings.Count(content, "\r")+1 {
				t.Errorf("diagnostic %s at %d:%d, outside the file", d.Key, d.Pos.Line, d.Pos.Col)
			}
		}
	})
}

func validName(name string) bool {
	for _, part := range strings.Split(name, "/") {
		if part == "" || part == "." {
			return false
		}
	}
	return true
}

// compile_after is a whole number of working days from 1 to 20: on the
// deadline itself (0) a unit without a report would read "Chưa đến hạn",
// which SPEC §8.3 rules out.
func TestCompileAfterRange(t *testing.T) {
	for _, c := range []struct {
		value string
		want  string // the diagnostic key, "" for none
		days  int
	}{
		{"0", "bad-compile-after", 1},
		{"-1", "bad-compile-after", 1},
		{"1", "", 1},
		{"20", "", 20},
		{"21", "bad-compile-after", 1},
		{"1.5", "want-integer", 1},
	} {
		plan := strings.Replace(minimalPlan, "day: 15}", "day: 15, compile_after: "+c.value+"}", 1)
		p, ds, err := Load(fstest.MapFS{"plan.yaml": {Data: []byte(plan)}, "units.yaml": {Data: []byte(minimalUnits)}}, "plan")
		if err != nil {
			t.Fatal(err)
		}
		got := keys(ds)
		if c.want == "" && got != "" || c.want != "" && !strings.HasSuffix(got, " "+c.want) {
			t.Errorf("compile_after: %s: got %q, want %q", c.value, got, c.want)
		}
		if p.Reporting.CompileAfter != c.days {
			t.Errorf("compile_after: %s: read as %d, want %d", c.value, p.Reporting.CompileAfter, c.days)
		}
	}
}

// A second document is found whatever the line ends: LF, CRLF or a lone
// CR (an old Mac's), and after a marker that opens the file.
func TestSecondDocumentAnyLineEnds(t *testing.T) {
	for name, plan := range map[string]string{
		"LF":      minimalPlan + "---\nfoo: 1\n",
		"CRLF":    strings.ReplaceAll(minimalPlan+"---\nfoo: 1\n", "\n", "\r\n"),
		"lone CR": strings.ReplaceAll(minimalPlan+"---\nfoo: 1\n", "\n", "\r"),
		"opening": "---\n---\n",
	} {
		_, ds, err := Load(fstest.MapFS{"plan.yaml": {Data: []byte(plan)}, "units.yaml": {Data: []byte(minimalUnits)}}, "plan")
		if err != nil {
			t.Fatal(err)
		}
		if got := keys(ds); !strings.Contains(got, "many-documents") {
			t.Errorf("%s: got %q, want many-documents", name, got)
		}
	}
}
