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
	raw, body := collapse(seed.String()), collapse(bodyText(seed.String()))
	// A sentence may run across a page break and its footnotes (1.10 does):
	// it is then a run of the body text, the seed with its footnotes cut out.
	inSeed := func(s string) bool {
		return strings.Contains(raw, collapse(s)) || strings.Contains(body, collapse(s))
	}
	p, _, err := load.Load(os.DirFS("../../plan"), "plan")
	if err != nil {
		t.Fatal(err)
	}
	for _, task := range p.Tasks {
		for field, s := range map[string]string{"title": task.Title.Value, "detail": task.Detail.Value} {
			if s != "" && !inSeed(s) {
				t.Errorf("task %s: %s is not in the seed: %q", task.ID.Value, field, s)
			}
		}
	}
	var quoted []string
	for _, n := range p.Notes {
		quoted = append(quoted, n.Value)
	}
	for _, r := range p.Header.Recipients {
		quoted = append(quoted, r.Value)
	}
	quoted = append(quoted, p.Header.Signature.Authority.Value, p.Header.Signature.Title.Value, p.Header.Signature.Name.Value)
	// Group titles with a ref are headings of the seed, some in capitals.
	for _, g := range p.Groups {
		if g.Ref.Value != "" && !strings.Contains(strings.ToLower(raw), strings.ToLower(collapse(g.Title.Value))) {
			t.Errorf("group %s: title %q is not a heading of the seed", g.ID.Value, g.Title.Value)
		}
	}
	for _, q := range quoted {
		if q == "" || !inSeed(q) {
			t.Errorf("plan.yaml: %q is not in the seed", q)
		}
	}
	if !strings.Contains(body, "an toàn thông tin trong quá trình chuyển đổi số") {
		t.Errorf("the body text does not join 1.10 across its footnote")
	}
}

// bodyText is the seed without its footnotes: a footnote block starts at a
// separator line of spaces and runs to the page's continuation line, which
// the seed's text extraction starts with a single space.
func bodyText(seed string) string {
	var out []string
	inNote := false
	for _, line := range strings.Split(seed, "\n") {
		switch {
		case !inNote && len(line) >= 20 && strings.TrimSpace(line) == "":
			inNote = true
		case inNote && strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "  ") && strings.TrimSpace(line) != "":
			inNote = false
			out = append(out, line)
		case !inNote:
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}
