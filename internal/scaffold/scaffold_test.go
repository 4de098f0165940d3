package scaffold

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plan06/plan06/internal/check"
	"github.com/plan06/plan06/internal/load"
	"github.com/plan06/plan06/internal/yamlfmt"
)

func write(t *testing.T, o Options) string {
	t.Helper()
	files, err := Files(o)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestNewPlanValidates loads the new plan/ as validate does: no error, no
// warning, and every YAML file already canonical.
func TestNewPlanValidates(t *testing.T) {
	dir := write(t, Options{Year: 2025, Version: "v1.2.3"})
	p, diags, err := load.Load(os.DirFS(filepath.Join(dir, "plan")), "plan")
	if err != nil {
		t.Fatal(err)
	}
	diags = append(diags, check.Plan(p)...)
	for _, d := range diags {
		t.Errorf("%s: %s", d.Pos, d.Key)
	}
	if got := p.PeriodFrom.Date.String() + " " + p.PeriodTo.Date.String(); got != "2025-01-01 2025-12-31" {
		t.Errorf("period %s", got)
	}
	files, _ := Files(Options{Year: 2025})
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".yaml") || !strings.HasPrefix(f.Path, "plan/") {
			continue
		}
		out, err := yamlfmt.Format(f.Data, yamlfmt.KindOf(strings.TrimPrefix(f.Path, "plan/")))
		if err != nil || !bytes.Equal(out, f.Data) {
			t.Errorf("%s is not canonical (%v)", f.Path, err)
		}
	}
}

// TestEditorSettings: .vscode/settings.json binds every schema to its
// files, and the schemas it names are written beside it.
func TestEditorSettings(t *testing.T) {
	dir := write(t, Options{Year: 2025})
	b, err := os.ReadFile(filepath.Join(dir, ".vscode", "settings.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Schemas map[string]string `json:"yaml.schemas"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"./schema/plan.schema.json":     "plan/plan.yaml",
		"./schema/units.schema.json":    "plan/units.yaml",
		"./schema/calendar.schema.json": "plan/calendar.yaml",
		"./schema/tasks.schema.json":    "plan/tasks/*.yaml",
		"./schema/report.schema.json":   "plan/reports/*/*.yaml",
	}
	if len(s.Schemas) != len(want) {
		t.Errorf("yaml.schemas = %v", s.Schemas)
	}
	for file, glob := range want {
		if s.Schemas[file] != glob {
			t.Errorf("yaml.schemas[%s] = %q, want %q", file, s.Schemas[file], glob)
		}
		if _, err := os.Stat(filepath.Join(dir, file)); err != nil {
			t.Error(err)
		}
	}
}

// TestWorkflow runs actionlint (the module's tool) over the new
// repository's workflow, and checks that it installs the release named.
func TestWorkflow(t *testing.T) {
	dir := write(t, Options{Year: 2025, Version: "v1.2.3"})
	wf := filepath.Join(dir, ".github", "workflows", "plan.yml")
	b, err := os.ReadFile(wf)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "go install github.com/plan06/plan06/cmd/plan06@v1.2.3") {
		t.Error("the workflow does not install plan06 v1.2.3")
	}
	// The workbook is built on the compile day (SPEC §8.3), which moves
	// with weekends and holidays: the schedule asks plan06 every day from
	// the 15th to the 25th, as this repository's own workflow does.
	for _, want := range []string{`- cron: "0 1 15-25 * *"`, "plan06 report --if-compile-day"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the workflow lacks %q", want)
		}
	}
	if dev, _ := Files(Options{Year: 2025, Version: "dev"}); !strings.Contains(string(find(dev, ".github/workflows/plan.yml")), "@latest") {
		t.Error("a development build's workflow should install @latest")
	}
	if testing.Short() {
		t.Skip("-short: actionlint not run")
	}
	cmd := exec.Command("go", "tool", "actionlint", "-no-color", wf)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil || out.Len() > 0 {
		t.Errorf("actionlint: %v\n%s%s", err, out.String(), stderr.String())
	}
}

func find(files []File, p string) []byte {
	for _, f := range files {
		if f.Path == p {
			return f.Data
		}
	}
	return nil
}
