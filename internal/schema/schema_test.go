package schema

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/plan06/plan06/internal/model"
)

// TestNoGaps fails when a key list of model (what the loader accepts) has
// a key the schemas give no type, or the schemas type a key the loader
// refuses: the schemas cannot drift from the loader.
func TestNoGaps(t *testing.T) {
	for _, g := range Gaps() {
		t.Error(g)
	}
}

// TestGapsSeeANewKey shows that TestNoGaps can fail: a key list that gains
// a key, and a type left for a key that went, are both reported.
func TestGapsSeeANewKey(t *testing.T) {
	unit := mappings[slices.IndexFunc(mappings, func(m mapping) bool { return m.name == "unit" })]
	grown := unit
	grown.keys = append(slices.Clip(unit.keys), "retired")
	if g := gaps([]mapping{grown}); len(g) != 1 || !strings.Contains(g[0], `"retired" has no type`) {
		t.Errorf("a new key: gaps = %q", g)
	}
	shrunk := unit
	shrunk.keys = slices.DeleteFunc(slices.Clone(unit.keys), func(k string) bool { return k == "short" })
	if g := gaps([]mapping{shrunk}); len(g) != 1 || !strings.Contains(g[0], `"short", which the loader does not accept`) {
		t.Errorf("a key gone: gaps = %q", g)
	}
}

// TestSchemasFollowKeyLists parses each schema and checks that every
// mapping it describes has exactly the keys of its list, in the list's
// terms, and refuses any other.
func TestSchemasFollowKeyLists(t *testing.T) {
	want := map[string][]string{
		"plan.schema.json":     model.PlanKeys,
		"units.schema.json":    model.UnitsKeys,
		"calendar.schema.json": model.CalendarKeys,
		"tasks.schema.json":    model.TasksKeys,
		"report.schema.json":   model.ReportKeys,
	}
	defs := map[string][]string{
		"period": model.PeriodKeys, "reporting": model.ReportingKeys, "header": model.HeaderKeys, "signature": model.SignatureKeys,
		"group": model.GroupKeys, "utility": model.UtilityKeys, "unit": model.UnitKeys, "set": model.SetKeys,
		"dayOff": model.DayOffKeys, "task": model.TaskKeys, "target": model.TargetKeys,
		"milestone": model.MilestoneKeys, "entry": model.EntryKeys,
	}
	seen := map[string]bool{}
	for _, f := range Files {
		var s struct {
			Schema     string                     `json:"$schema"`
			Properties map[string]json.RawMessage `json:"properties"`
			Additional *bool                      `json:"additionalProperties"`
			Defs       map[string]struct {
				Properties map[string]json.RawMessage `json:"properties"`
				Additional *bool                      `json:"additionalProperties"`
			} `json:"$defs"`
		}
		b := f.JSON()
		if err := json.Unmarshal(b, &s); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if s.Schema != Draft {
			t.Errorf("%s: $schema %q", f.Name, s.Schema)
		}
		check := func(where string, props map[string]json.RawMessage, additional *bool, keys []string) {
			var got []string
			for k := range props {
				got = append(got, k)
			}
			slices.Sort(got)
			w := slices.Sorted(slices.Values(keys))
			if !slices.Equal(got, w) {
				t.Errorf("%s: keys %v, want %v", where, got, w)
			}
			if additional == nil || *additional {
				t.Errorf("%s: other keys are not refused", where)
			}
		}
		check(f.Name, s.Properties, s.Additional, want[f.Name])
		for name, d := range s.Defs {
			keys, ok := defs[name]
			if !ok {
				t.Errorf("%s: unexpected $defs %s", f.Name, name)
				continue
			}
			seen[name] = true
			check(f.Name+" $defs/"+name, d.Properties, d.Additional, keys)
		}
		if string(f.JSON()) != string(b) {
			t.Errorf("%s: two runs differ", f.Name)
		}
	}
	for name := range defs {
		if !seen[name] {
			t.Errorf("no schema describes %s", name)
		}
	}
}
