package synth

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestWorkersDoNotMatter: each unit draws from its own stream, so the number
// of writers cannot change a byte.
func TestWorkersDoNotMatter(t *testing.T) {
	one, four := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	s1, err := Generate(one, Options{Scale: ScaleProvince, Seed: 5, Year: 2024, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	s4, err := Generate(four, Options{Scale: ScaleProvince, Seed: 5, Year: 2024, Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	if s1 != s4 {
		t.Fatalf("summaries differ: %v vs %v", s1, s4)
	}
	n := 0
	err = filepath.WalkDir(one, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(one, p)
		a, _ := os.ReadFile(p)
		b, err := os.ReadFile(filepath.Join(four, rel))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between 1 and 4 workers", rel)
		}
		n++
		return nil
	})
	if err != nil || n != s1.Files {
		t.Fatalf("walked %d files of %d: %v", n, s1.Files, err)
	}
}
