package check_test

import (
	"os"
	"strings"
	"testing"

	"github.com/plan06/plan06/internal/check"
	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/load"
)

// TestRealPlanValidates holds plan/, Bắc Giang's 2024 plan, to the same
// rules as any user's plan: no errors, and only the warnings plan/README.md
// explains.
func TestRealPlanValidates(t *testing.T) {
	p, ds, err := load.Load(os.DirFS("../../plan"), "plan")
	if err != nil {
		t.Fatal(err)
	}
	ds = append(ds, check.Plan(p)...)
	for _, d := range ds {
		if d.Severity == diag.Error {
			t.Errorf("%s: %s %v", d.Pos, d.Key, d.Args)
		} else if !(d.Key == "empty-set" && d.Args[0] == "ubnd-cap-xa") {
			t.Errorf("unexpected warning %s: %s %v", d.Pos, d.Key, d.Args)
		}
	}
	if len(p.Tasks) == 0 {
		t.Fatal("plan/ has no tasks")
	}
}

// TestRealPlanWordsComeFromSeed: every task title and detail in plan/ is a
// verbatim run of the seed document (white space aside), so nothing in the
// plan is invented or paraphrased.
func TestRealPlanWordsComeFromSeed(t *testing.T) {
	seedFiles, err := os.ReadDir("../../seeds")
	if err != nil {
		t.Fatal(err)
	}
	var seed strings.Builder
	for _, f := range seedFiles {
		b, err := os.ReadFile("../../seeds/" + f.Name())
		if err != nil {
			t.Fatal(err)
		}
		seed.Write(b)
	}
	collapse := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	text := collapse(seed.String())
	p, _, err := load.Load(os.DirFS("../../plan"), "plan")
	if err != nil {
		t.Fatal(err)
	}
	for _, task := range p.Tasks {
		for field, s := range map[string]string{"title": task.Title.Value, "detail": task.Detail.Value} {
			if s != "" && !strings.Contains(text, collapse(s)) {
				t.Errorf("task %s: %s is not in the seed: %q", task.ID.Value, field, s)
			}
		}
	}
}
