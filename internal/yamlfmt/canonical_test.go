package yamlfmt

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plan06/plan06/internal/load"
	"github.com/plan06/plan06/internal/synth"
)

// corpusFile is one YAML file the canonical fast path is tried on.
type corpusFile struct {
	name string
	src  []byte
	kind Kind
}

// canonicalCorpus gathers the golden inputs and outputs, plan/, the test
// plans and (unless -short) a synthetic province.
func canonicalCorpus(t testing.TB) []corpusFile {
	t.Helper()
	var files []corpusFile
	for _, c := range goldenCases(t) {
		for _, name := range []string{"in.yaml", "out.yaml"} {
			src, err := os.ReadFile(filepath.Join(c.dir, name))
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, corpusFile{c.name + "/" + name, src, c.kind})
		}
	}
	roots := []string{"../../plan", "../../testdata/plans"}
	if !testing.Short() {
		dir := filepath.Join(t.TempDir(), "plan")
		if _, err := synth.Generate(dir, synth.Options{Scale: synth.ScaleProvince, Seed: 5, Year: 2024}); err != nil {
			t.Fatal(err)
		}
		roots = append(roots, dir)
	}
	for _, root := range roots {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
				return err
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			planDir := filepath.Dir(p) // the nearest folder above that holds plan.yaml
			for planDir != root && planDir != "." {
				if _, err := os.Stat(filepath.Join(planDir, "plan.yaml")); err == nil {
					break
				}
				planDir = filepath.Dir(planDir)
			}
			rel, _ := filepath.Rel(planDir, p)
			files = append(files, corpusFile{p, src, KindOf(rel)})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return files
}

// TestCanonical holds the fast path to Format over real files: whenever
// Canonical says a file is canonical, Format returns it unchanged; and every
// file in the plain subset that Format leaves unchanged and that has no
// comment but the head block is recognised (every synthetic report, every
// task file of plan/).
func TestCanonical(t *testing.T) {
	recognised, canonical := 0, 0
	for _, f := range canonicalCorpus(t) {
		fast := Canonical(f.src, f.kind)
		out, err := Format(f.src, f.kind)
		same := err == nil && bytes.Equal(out, f.src)
		if fast && !same {
			t.Errorf("%s: Canonical says canonical, Format changes it:\n%s", f.name, f.src)
		}
		if same {
			canonical++
		}
		if fast {
			recognised++
		}
		if same && !fast && load.ParseSubset(f.src) != nil && !commentInBody(f.src) {
			t.Errorf("%s: canonical, in the subset, yet not recognised", f.name)
		}
	}
	if recognised < 20 {
		t.Errorf("only %d of %d canonical files recognised", recognised, canonical)
	}
	t.Logf("%d of %d canonical files recognised", recognised, canonical)
}

// commentInBody reports whether src holds a '#' anywhere below its head
// comment block: the fast path leaves such files to Format.
func commentInBody(src []byte) bool {
	for len(src) > 0 && src[0] == '#' {
		src = src[bytes.IndexByte(src, '\n')+1:]
	}
	return bytes.IndexByte(src, '#') >= 0
}

// TestFormatQuickSkipsEncoder: a canonical file comes back as the very
// bytes given (Format always builds new ones), so neither the parser nor the
// encoder ran; a one-byte change that breaks the form is still caught and
// formatted.
func TestFormatQuickSkipsEncoder(t *testing.T) {
	src := []byte("# head\n\nsubmitted: 2024-01-09\ntasks:\n  - task: \"2.7\"\n    state: in-progress\n    progress: 35\n" +
		"    values: {ti-le-06: 70, so-ho-so: 12}\n    result: Đã ban hành 3 văn bản hướng dẫn mẫu.\n")
	out, err := FormatQuick(src, KindReport)
	if err != nil {
		t.Fatal(err)
	}
	if &out[0] != &src[0] {
		t.Fatalf("a canonical file went through Format")
	}
	if slow, err := Format(src, KindReport); err != nil || !bytes.Equal(slow, src) {
		t.Fatalf("the test file is not canonical: %v\n%s", err, slow)
	}
	for _, c := range []struct{ from, to string }{
		{"progress: 35", "progress:  35"},                               // two spaces
		{"{ti-le-06", "{ ti-le-06"},                                     // a blank inside the brace
		{"{ti-le-06: 70, ", "{ti-le-06: 70,  "},                         // flow spacing
		{"progress: 35\n", "progress: 35 \n"},                           // trailing blank
		{"state: in-progress\n    progress", "progress: 35\n    state"}, // key order
		{"mẫu.\n", "mẫu.\n\n"},                                          // two final newlines
		{"văn bản", "va\u0306n bản"},                                    // a letter decomposed: not NFC
		{"\"2.7\"", "'2.7'"},                                            // kept: quoting style is the user's
	} {
		mut := bytes.Replace(src, []byte(c.from), []byte(c.to), 1)
		if c.from == "state: in-progress\n    progress" {
			mut = bytes.Replace(src, []byte("state: in-progress\n    progress: 35"), []byte("progress: 35\n    state: in-progress"), 1)
		}
		if bytes.Equal(mut, src) {
			t.Fatalf("%q is not in the test file", c.from)
		}
		want, err := Format(mut, KindReport)
		if err != nil {
			t.Fatalf("%q → %q: %v", c.from, c.to, err)
		}
		got, err := FormatQuick(mut, KindReport)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%q → %q: FormatQuick gives\n%s\nFormat gives\n%s", c.from, c.to, got, want)
		}
		if Canonical(mut, KindReport) != bytes.Equal(want, mut) {
			t.Errorf("%q → %q: Canonical = %v, Format leaves it unchanged = %v", c.from, c.to, Canonical(mut, KindReport), bytes.Equal(want, mut))
		}
	}
}

// TestCanonicalOneByte changes every byte of canonical files in a few ways
// (drop it, double it, replace it by a space, a quote, a colon, a hash, a
// line break or a dash): Canonical must never call the result canonical unless Format
// leaves it unchanged.
func TestCanonicalOneByte(t *testing.T) {
	var seeds []corpusFile
	for _, f := range canonicalCorpus(t) {
		if Canonical(f.src, f.kind) && len(f.src) < 2000 {
			seeds = append(seeds, f)
		}
		if len(seeds) == 4 {
			break
		}
	}
	if len(seeds) == 0 {
		t.Fatal("no canonical seed")
	}
	checked := 0
	for _, f := range seeds {
		for i := range f.src {
			for _, m := range [][]byte{nil, {f.src[i], f.src[i]}, {' '}, {'"'}, {':'}, {'#'}, {'\n'}, {'-'}} {
				mut := append(append(append([]byte{}, f.src[:i]...), m...), f.src[i+1:]...)
				if !Canonical(mut, f.kind) {
					continue
				}
				checked++
				if out, err := Format(mut, f.kind); err != nil || !bytes.Equal(out, mut) {
					t.Fatalf("%s: byte %d → %q: Canonical says canonical, Format gives %v\n%s", f.name, i, m, err, out)
				}
			}
		}
	}
	t.Logf("%d one-byte changes still canonical, all confirmed by Format", checked)
}

// FuzzCanonical: for any input, Canonical answers true only when Format
// returns the input unchanged.
func FuzzCanonical(f *testing.F) {
	for _, c := range canonicalCorpus(f) {
		if len(c.src) < 4000 {
			f.Add(c.src, uint8(c.kind))
		}
	}
	f.Fuzz(func(t *testing.T, in []byte, k uint8) {
		kind := Kind(k % uint8(KindUnknown+1))
		if !Canonical(in, kind) {
			return
		}
		if out, err := Format(in, kind); err != nil || !bytes.Equal(out, in) {
			t.Fatalf("Canonical says canonical, Format gives %v\n%q\n%q", err, in, out)
		}
	})
}

// BenchmarkCanonical puts the canonical check beside Format on the report
// files of a synthetic province (all canonical), in memory.
func BenchmarkCanonical(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "plan")
	if _, err := synth.Generate(dir, synth.Options{Scale: synth.ScaleProvince, Seed: 1, Year: 2024}); err != nil {
		b.Fatal(err)
	}
	reports, err := filepath.Glob(filepath.Join(dir, "reports", "*", "*.yaml"))
	if err != nil || len(reports) == 0 {
		b.Fatal("no reports", err)
	}
	var files [][]byte
	size := 0
	for _, p := range reports {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, src)
		size += len(src)
	}
	b.Run("canonical", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, src := range files {
				if !Canonical(src, KindReport) {
					b.Fatal("a synthetic report is not recognised")
				}
			}
		}
	})
	b.Run("format", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, src := range files {
				if _, err := Format(src, KindReport); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
