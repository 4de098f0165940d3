package load

import (
	"os"
	"testing"
)

// TestDecimalComma loads a plan whose reports write 97,5 in a flow mapping
// and "62,5" in a block one, through the fast path and through the library:
// each comma gives exactly one error, the decimal-comma one, at the figure.
func TestDecimalComma(t *testing.T) {
	for _, fast := range []bool{true, false} {
		fastPath = fast
		_, diags, err := Load(os.DirFS("../../testdata/validate/decimal-comma/plan"), "plan")
		fastPath = true
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range diags {
			got = append(got, d.Pos.String()+" "+d.Key)
		}
		want := []string{
			"plan/reports/2024-03/cong-an-tinh.yaml:7:27 decimal-comma",
			"plan/reports/2024-04/huyen-an-lac.yaml:7:19 decimal-comma",
		}
		if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("fast path %v: diagnostics %q, want %q", fast, got, want)
		}
	}
}
