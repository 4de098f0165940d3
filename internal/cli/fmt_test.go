package cli

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/plan06/plan06/internal/synth"
	"github.com/plan06/plan06/internal/yamlfmt"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

// TestFmtPreservesEveryPlan is the property of SPEC §6 over real inputs:
// for every YAML file of plan/, the test fixtures and a synthetic province,
// fmt is idempotent and the file it writes holds the same values (text
// compared in NFC, since fmt normalises it) as the file it read.
func TestFmtPreservesEveryPlan(t *testing.T) {
	roots := []string{"../../plan", "../../testdata/plans"}
	if !testing.Short() {
		dir := filepath.Join(t.TempDir(), "plan")
		if _, err := synth.Generate(dir, synth.Options{Scale: synth.ScaleProvince, Seed: 3, Year: 2024}); err != nil {
			t.Fatal(err)
		}
		roots = append(roots, dir)
	}
	files := 0
	for _, root := range roots {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
				return err
			}
			files++
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			kind := yamlfmt.KindOf(relToPlan(root, p))
			out, err := yamlfmt.Format(src, kind)
			if err != nil {
				t.Errorf("%s: %v", p, err)
				return nil
			}
			again, err := yamlfmt.Format(out, kind)
			if err != nil || !bytes.Equal(again, out) {
				t.Errorf("%s: fmt is not idempotent (%v)", p, err)
			}
			var before, after any
			if err := yaml.Unmarshal([]byte(norm.NFC.String(string(src))), &before); err != nil {
				t.Errorf("%s: %v", p, err)
				return nil
			}
			if err := yaml.Unmarshal(out, &after); err != nil {
				t.Errorf("%s: output does not parse: %v", p, err)
				return nil
			}
			if !reflect.DeepEqual(before, after) {
				t.Errorf("%s: fmt changed a value", p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if files < 20 {
		t.Fatalf("only %d files checked", files)
	}
}

// TestPlanIsCanonical keeps plan/ in canonical form: CI fails when a change
// to the real plan was not formatted.
func TestPlanIsCanonical(t *testing.T) {
	stdout, stderr, code := run(t, "", nil, "fmt", "--check", "--plan", "../../plan")
	if code != 0 {
		t.Errorf("plan06 fmt --check on plan/ exited %d:\n%s%s\nrun: go run ./cmd/plan06 fmt -w", code, stdout, stderr)
	}
}
