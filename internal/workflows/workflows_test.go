// Package workflows holds the tests of the GitHub Actions workflows in
// .github/workflows: actionlint must report nothing, and the plan workflow
// must keep the behaviour SPEC §1 asks of CI (validate and fmt --check on pull
// requests, the report workbook on the 15th).
package workflows

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// repoRoot is the repository root, seen from this package's folder (go test
// runs a test binary in its package's source folder).
const repoRoot = "../.."

// workflowFiles returns the workflow files, relative to the repository root.
func workflowFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"*.yml", "*.yaml"} {
		m, err := filepath.Glob(filepath.Join(repoRoot, ".github", "workflows", pattern))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range m {
			rel, err := filepath.Rel(repoRoot, f)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, filepath.ToSlash(rel))
		}
	}
	slices.Sort(files)
	for _, want := range []string{".github/workflows/ci.yml", ".github/workflows/plan.yml"} {
		if !slices.Contains(files, want) {
			t.Errorf("missing workflow %s", want)
		}
	}
	if len(files) == 0 {
		t.Fatal("no workflows in .github/workflows")
	}
	return files
}

// TestActionlint runs actionlint, a tool dependency of this module (the tool
// directive in go.mod), on every workflow. actionlint also runs shellcheck on
// the run: scripts when shellcheck is installed.
func TestActionlint(t *testing.T) {
	files := workflowFiles(t)
	args := append([]string{"tool", "actionlint", "-no-color"}, files...)
	cmd := exec.Command("go", args...)
	cmd.Dir = repoRoot
	// Findings go to stdout; stderr may hold the go command's own
	// "go: downloading" lines on a fresh module cache.
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Fatalf("go tool actionlint %s: %v\n%s%s", strings.Join(files, " "), err, out, stderr.String())
	}
}

// workflow is the part of a workflow file the tests look at.
type workflow struct {
	On struct {
		Push        *trigger `yaml:"push"`
		PullRequest *trigger `yaml:"pull_request"`
		Schedule    []struct {
			Cron string `yaml:"cron"`
		} `yaml:"schedule"`
		WorkflowDispatch *struct {
			Inputs map[string]struct {
				Required bool   `yaml:"required"`
				Type     string `yaml:"type"`
			} `yaml:"inputs"`
		} `yaml:"workflow_dispatch"`
	} `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]job    `yaml:"jobs"`
}

type trigger struct {
	Branches []string `yaml:"branches"`
	Paths    []string `yaml:"paths"`
}

type job struct {
	If          string            `yaml:"if"`
	Permissions map[string]string `yaml:"permissions"`
	Steps       []step            `yaml:"steps"`
}

type step struct {
	Name string            `yaml:"name"`
	Uses string            `yaml:"uses"`
	Run  string            `yaml:"run"`
	With map[string]string `yaml:"with"`
	Env  map[string]string `yaml:"env"`
}

func readWorkflow(t *testing.T, name string) workflow {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, ".github", "workflows", name))
	if err != nil {
		t.Fatal(err)
	}
	var w workflow
	if err := yaml.Unmarshal(data, &w); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return w
}

// runs is every run: script of the job, joined.
func (j job) runs() string {
	var b strings.Builder
	for _, s := range j.Steps {
		b.WriteString(s.Run)
		b.WriteByte('\n')
	}
	return b.String()
}

// uses returns the steps that use the action (with any version).
func (j job) uses(action string) []step {
	var out []step
	for _, s := range j.Steps {
		if strings.HasPrefix(s.Uses, action+"@") {
			out = append(out, s)
		}
	}
	return out
}

// jobRunning returns the name of the job whose scripts contain cmd.
func jobRunning(t *testing.T, w workflow, cmd string) (string, job) {
	t.Helper()
	names := make([]string, 0, len(w.Jobs))
	for name := range w.Jobs {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if strings.Contains(w.Jobs[name].runs(), cmd) {
			return name, w.Jobs[name]
		}
	}
	t.Fatalf("no job runs %q", cmd)
	return "", job{}
}

func TestPlanSchedule(t *testing.T) {
	w := readWorkflow(t, "plan.yml")
	// The province's reports are due on the 15th and compiled on the
	// compile day (SPEC §8.3), which moves with weekends and holidays: the
	// workflow runs daily from the 15th to the 25th at 08:00 in
	// Asia/Ho_Chi_Minh (UTC+7, no daylight saving), 01:00 UTC, and asks
	// plan06 whether today is the day.
	var crons []string
	for _, s := range w.On.Schedule {
		crons = append(crons, s.Cron)
	}
	if !slices.Equal(crons, []string{"0 1 15-25 * *"}) {
		t.Errorf("schedule crons = %q, want [\"0 1 15-25 * *\"] (08:00 Asia/Ho_Chi_Minh, days 15–25)", crons)
	}
	if w.On.WorkflowDispatch == nil {
		t.Fatal("plan.yml has no workflow_dispatch trigger")
	}
	in, ok := w.On.WorkflowDispatch.Inputs["period"]
	if !ok {
		t.Fatal("workflow_dispatch has no period input")
	}
	if in.Required {
		t.Error("the period input must be optional (empty: the current month)")
	}
}

func TestPlanReportUploadsWorkbook(t *testing.T) {
	w := readWorkflow(t, "plan.yml")
	name, j := jobRunning(t, w, "plan06 report ")
	if !strings.Contains(j.If, "schedule") || !strings.Contains(j.If, "workflow_dispatch") {
		t.Errorf("job %s runs on %q, want schedule and workflow_dispatch", name, j.If)
	}
	if !strings.Contains(j.runs(), "TZ=Asia/Ho_Chi_Minh date +%Y-%m") {
		t.Errorf("job %s does not default the period to the current month in Asia/Ho_Chi_Minh", name)
	}
	if !strings.Contains(j.runs(), "plan06 report --if-compile-day") {
		t.Errorf("job %s does not ask plan06 whether today is the compile day", name)
	}
	ups := j.uses("actions/upload-artifact")
	if len(ups) == 0 {
		t.Fatalf("job %s runs plan06 report but uploads no artifact", name)
	}
	up := ups[0]
	if p := up.With["path"]; !strings.HasPrefix(p, "bao-cao-de-an-06-") || !strings.HasSuffix(p, ".xlsx") {
		t.Errorf("artifact path = %q, want bao-cao-de-an-06-PERIOD.xlsx", p)
	}
	if up.With["if-no-files-found"] != "error" {
		t.Errorf("upload-artifact if-no-files-found = %q, want error", up.With["if-no-files-found"])
	}
}

func TestPlanPullRequest(t *testing.T) {
	w := readWorkflow(t, "plan.yml")
	if w.On.PullRequest == nil || !slices.Contains(w.On.PullRequest.Paths, "plan/**") {
		t.Fatal("plan.yml must run on pull requests that change plan/**")
	}
	name, j := jobRunning(t, w, "plan06 validate --format github")
	for _, cmd := range []string{"plan06 fmt --check", "plan06 diff ", "-o markdown", "$GITHUB_STEP_SUMMARY"} {
		if !strings.Contains(j.runs(), cmd) {
			t.Errorf("job %s does not run %q", name, cmd)
		}
	}
	cos := j.uses("actions/checkout")
	if len(cos) == 0 || cos[0].With["fetch-depth"] != "0" {
		t.Errorf("job %s must check out with fetch-depth: 0 (plan06 diff reads the base revision)", name)
	}
}

// TestWorkflowsHygiene: read-only token, setup-go from go.mod, and no ${{ }}
// expression inside a run: script (values go through env:, so nothing a
// user controls is pasted into a shell script).
func TestWorkflowsHygiene(t *testing.T) {
	for _, file := range workflowFiles(t) {
		name := filepath.Base(file)
		w := readWorkflow(t, name)
		if len(w.Permissions) != 1 || w.Permissions["contents"] != "read" {
			t.Errorf("%s: permissions = %v, want contents: read only", name, w.Permissions)
		}
		for jn, j := range w.Jobs {
			if name == "release.yml" && jn == "publish" {
				// The one exception: attaching binaries to a release
				// needs contents: write, in a job that builds nothing.
				if len(j.Permissions) != 1 || j.Permissions["contents"] != "write" {
					t.Errorf("%s: job publish: permissions = %v, want contents: write only", name, j.Permissions)
				}
				for _, s := range j.Steps {
					if strings.HasPrefix(s.Uses, "actions/checkout@") || strings.Contains(s.Run, "go build") {
						t.Errorf("%s: job publish has write access and must not check out or build (step %q)", name, s.Name)
					}
				}
			} else if len(j.Permissions) > 0 {
				t.Errorf("%s: job %s widens permissions: %v", name, jn, j.Permissions)
			}
			for _, s := range j.Steps {
				if strings.Contains(s.Run, "${{") {
					t.Errorf("%s: job %s step %q interpolates an expression into its script; pass it through env:", name, jn, s.Name)
				}
				if strings.HasPrefix(s.Uses, "actions/setup-go@") && s.With["go-version-file"] != "go.mod" {
					t.Errorf("%s: job %s sets up Go without go-version-file: go.mod", name, jn)
				}
			}
		}
	}
}

// triggers returns the events of a workflow's on: map (an event with no
// settings, like "pull_request:", decodes to a nil *trigger in workflow).
func triggers(t *testing.T, name string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, ".github", "workflows", name))
	if err != nil {
		t.Fatal(err)
	}
	var w struct {
		On map[string]any `yaml:"on"`
	}
	if err := yaml.Unmarshal(data, &w); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return w.On
}

// TestCIRunsMakeCheck: ci.yml runs what CI runs on a submission, .ci/run
// (which installs every real reader and makes their checks mandatory, then
// runs make test), and the rest of make check.
func TestCIRunsMakeCheck(t *testing.T) {
	w := readWorkflow(t, "ci.yml")
	on := triggers(t, "ci.yml")
	for _, event := range []string{"push", "pull_request"} {
		if _, ok := on[event]; !ok {
			t.Errorf("ci.yml does not run on %s", event)
		}
	}
	jobRunning(t, w, "bash .ci/run")
	jobRunning(t, w, "make fmt-check vet fmt-plan")
	run, err := os.ReadFile(filepath.Join(repoRoot, ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"PLAN06_REQUIRE_TOOLS=1", "make test", "yaml-language-server", "yamllint", "libreoffice"} {
		if !strings.Contains(string(run), want) {
			t.Errorf(".ci/run does not mention %q", want)
		}
	}
}
