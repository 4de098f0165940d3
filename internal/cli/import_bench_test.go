package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plan06/plan06/internal/synth"
)

// BenchmarkImport imports the filled forms of a province for one cycle:
// about 250 forms (one per unit that owes the cycle) read, checked,
// validated with the whole plan in memory and written. SPEC §11 and
// issue 11 want it under 3 s.
func BenchmarkImport(b *testing.B) {
	dir := b.TempDir()
	plan := filepath.Join(dir, "plan")
	if _, err := synth.Generate(plan, synth.Options{Scale: synth.ScaleProvince, Seed: 1, Year: 2024}); err != nil {
		b.Fatal(err)
	}
	env := map[string]string{"PLAN06_TODAY": "2025-01-05"}
	main := func(args ...string) string {
		var out, errb bytes.Buffer
		code := Main(append([]string{"--plan", plan}, args...), IO{In: strings.NewReader(""), Out: &out, Err: &errb},
			func(k string) string { return env[k] }, fixedNow)
		if code != 0 {
			b.Fatalf("plan06 %s: exit %d\n%s", strings.Join(args, " "), code, errb.String())
		}
		return out.String()
	}
	forms := filepath.Join(dir, "forms")
	main("form", "--all", "--cycle", "2025-01", "-o", forms)
	files, _ := filepath.Glob(filepath.Join(forms, "*.xlsx"))
	if len(files) < 200 {
		b.Fatalf("%d forms", len(files))
	}
	b.ResetTimer()
	for b.Loop() {
		main(append([]string{"import", "--cycle", "2025-01"}, files...)...)
		b.StopTimer()
		if err := os.RemoveAll(filepath.Join(plan, "reports", "2025-01")); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(len(files)), "forms")
}
