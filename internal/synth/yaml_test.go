package synth

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestScalarRoundTrip: whatever str writes, YAML reads back as the same string.
func TestScalarRoundTrip(t *testing.T) {
	for _, s := range []string{
		"1.1", "4.10", "0123", "yes", "No", "on", "~", "null", "2024-09-30", "1e3", ".5", "-", "%",
		"a: b", "a #b", "ends:", "- x", "[x]", "{x}", "x, y", "\"q\"", "back\\slash", "6 tháng đầu năm 2024",
		"31/10/2024", "quý II/2024", "Tết Nguyên đán 2024", " pad", "0x1F", "+1", ".inf", "12:30",
	} {
		for _, flow := range []bool{false, true} {
			text := "k: " + str(s, flow)
			if flow {
				text = "k: [" + str(s, flow) + "]"
			}
			var out map[string]any
			if err := yaml.Unmarshal([]byte(text), &out); err != nil {
				t.Errorf("%q: %v", text, err)
				continue
			}
			got := out["k"]
			if flow {
				l, _ := got.([]any)
				if len(l) != 1 {
					t.Errorf("%q: read %v", text, got)
					continue
				}
				got = l[0]
			}
			if got != s {
				t.Errorf("%q: read back %#v, want %q", text, got, s)
			}
		}
	}
}
