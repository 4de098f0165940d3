package load

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/plan06/plan06/internal/synth"
	"go.yaml.in/yaml/v3"
)

// sameTree compares two trees in everything the decoder reads: kind,
// style, tag, value, anchor, line, column and children. It returns where
// they first differ, or "".
func sameTree(path string, a, b *yaml.Node) string {
	switch {
	case a.Kind != b.Kind:
		return fmt.Sprintf("%s: kind %v, want %v", path, a.Kind, b.Kind)
	case a.Style != b.Style:
		return fmt.Sprintf("%s: style %v, want %v", path, a.Style, b.Style)
	case a.Tag != b.Tag:
		return fmt.Sprintf("%s: tag %q, want %q", path, a.Tag, b.Tag)
	case a.Value != b.Value:
		return fmt.Sprintf("%s: value %q, want %q", path, a.Value, b.Value)
	case a.Anchor != b.Anchor || a.Alias != nil || b.Alias != nil:
		return fmt.Sprintf("%s: anchor or alias", path)
	case a.Line != b.Line || a.Column != b.Column:
		return fmt.Sprintf("%s: at %d:%d, want %d:%d", path, a.Line, a.Column, b.Line, b.Column)
	case len(a.Content) != len(b.Content):
		return fmt.Sprintf("%s: %d children, want %d", path, len(a.Content), len(b.Content))
	}
	for i := range a.Content {
		if d := sameTree(fmt.Sprintf("%s/%d", path, i), a.Content[i], b.Content[i]); d != "" {
			return d
		}
	}
	return ""
}

// checkFast holds fastParse to its contract on one input: when it builds a
// tree, the YAML library accepts the input and builds the same tree.
func checkFast(t *testing.T, name string, src []byte) (accepted bool) {
	t.Helper()
	fast := readSubset(src)
	if fast == nil {
		return false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatalf("%s: fastParse read a tree, the YAML library refuses the input: %v\n%s", name, err, src)
	}
	if len(doc.Content) != 1 {
		t.Fatalf("%s: fastParse read a tree, the YAML library reads %d documents\n%s", name, len(doc.Content), src)
	}
	if d := sameTree("", fast, doc.Content[0]); d != "" {
		t.Fatalf("%s: fastParse and the YAML library differ at %s\n%s", name, d, src)
	}
	return true
}

// fastCases are inputs at the edges of the subset; each is either read
// exactly as the library reads it or left to the library.
var fastCases = []string{
	"a: b\n",
	"a: b",
	"a:  b   \n",
	"a: b # note\n",
	"a: b#c\n",
	"a: 'b' # c\n",
	"a: \"b\"#c\n",
	"a: 'it''s'\n",
	"a: \"x\\ty\"\n",
	"a: \"Đề án 06\"\n",
	"# head\n\na: 1\n\n# tail\n",
	"  a: 1\n  b: 2\n",
	"a: 1\n b: 2\n",
	"a:\n  b: 1\n  c:\n    - x\n    - y\n",
	"a:\n- x\n- y\nb: z\n",
	"a:\n  - x\n  -  y\n",
	"a:\n-\n  x\n",
	"a:\n- - x\n",
	"- a\n- b\n",
	"- a: 1\n  b: 2\n- a: 3\n",
	"-   a: 1\n    b: 2\n",
	"- a: 1\n b: 2\n",
	"a: b\n  c\n",
	"a: b: c\n",
	"a: b:c\n",
	"a:\n",
	"a:\nb: 1\n",
	"a: # only a comment\n  b: 1\n",
	"a: {x: 1, y: \"z\", w: ok}\n",
	"a: {}\n",
	"a: { x: 1 , y: 2 }\n",
	"a: {x: 1,}\n",
	"a: {x:1}\n",
	"a: {x: 1\n",
	"a: {x: [1]}\n",
	"a: {x: 1} b\n",
	"a: [1, 2]\n", "a: [so-tttt, 'x', \"y\", 4, 2024-01-01]  # c\n", "a: [x, ]\n", "a: [x, [y]]\n", "a: [x: 1]\n", "a: [x]]\n",
	"a: [\"x\": 1]\n", "a: {x: [1]}\n", "a: [Đề án, ở]\n", "a: [x,y]\n", "a: [x ,y]\n",
	"a: 06 nhiệm vụ\n", "a: 12 tháng\n", "a: 1 2\n", "a: 2024-01-01 10:00\n", "a: 0x1f\n", "a: 1e5\n", "a: 1e\n", "a: 0b101\n", "a: 0o17\n",
	"a: 1_0\n", "a: 12abc\n", "a: 12xyz\n", "a: 1.2.3\n", "a: 06:30\n", "a: 1:30\n", "a: 2024-06\n", "a: 2024-\n", "a: 20240\n",
	"a: [0?]\n", "a: [x?y]\n", "a: {x: y?}\n", "a: [x!]\n", "a: [x&y]\n", "a: [1.5%, (x)]\n", "a: [x/y; z]\n",
	"a: +.inf\n", "a: +1\n", "a: +x\n", "a: 3.1.1\n", "a: 4 tuần\n", "a: []\n", "a: [ ]  # none\n", "a: [x]\n", "a: []x\n", "a: [\n]\n", "- []\n",
	"a: &x 1\nb: *x\n",
	"a: !!str 1\n",
	"a: |\n  x\n",
	"a: >\n  x\n",
	"---\na: 1\n",
	"a: 1\n---\nb: 2\n",
	"a: 1\n...\n",
	"%YAML 1.2\n---\na: 1\n",
	"a: 1\r\nb: 2\r\n",
	"a:\t1\n",
	"a: \x7f\n",
	"a: \u0085\n",
	"a: x\u2028y\n",
	"a: 0\n", "a: 7\n", "a: 0123\n", "a: 089\n", "a: 123456789012345678\n", "a: 1234567890123456789\n",
	"a: 1.5\n", "a: 01.5\n", "a: 1.\n", "a: .5\n", "a: 1e3\n", "a: 3.1.2\n", "a: 1_000\n", "a: +1\n", "a: -1\n", "a: 0x1F\n",
	"a: 2024-03-15\n", "a: 2024-02-30\n", "a: 2024-3-5\n", "a: 2024-03-15T10:00:00Z\n", "a: 2024-13-01\n", "a: 0024-01-01\n",
	"a: .inf\nb: -.inf\nc: .nan\n<<: x\n",
	"true: 1\n2024: x\nnull: y\n",
	"a-b_c: 1\n-a: 2\n",
	"\"a\": 1\n",
	"a b: 1\n",
	"a : 1\n",
	"? a\n: b\n",
	"a: b\na: c\n",
	"a: 'x\n  y'\n",
	"a: \"x\n  y\"\n",
	"a: x\n\n\n  # comment deeper\nb: y\n",
	"a:\n  b:\n    c:\n      d:\n        e:\n          f: 1\n",
	"a: -\n",
	"a: - x\n",
	"a: @x\n",
	"a: `x`\n",
	"a: x, y\n",
	"a: x [y]\n",
	"a: x {y}\n",
	"a: Đã hoàn thành 100%; đạt 95,5% chỉ tiêu\n",
	"a: \"\"\nb: ''\n",
	"a: ' x '\n",
	"a: {x: \"Đề án\", y: ở, z: 1}\n",
	"- Đề án: x\n",
	"- a:\n  - x\n",
	"- a: 1\n  b:\n    c: 2\n  d: 3\n",
	"a: \ufeffx\n",
	"a: ab\u00a0\n",
	"tasks:\n  - task: \"2.7\"\n    state: in-progress\n    progress: 95\n    values: {ti-le-06: 90}\n    result: Đã kích hoạt 19.311 tài khoản.\n",
	"submitted: 2024-06-12\ntasks:\n- task: '3.1'\n  state: done\n  done: 2024-06-01\n",
}

// fastTaken are inputs in the plain subset: the fast path must read them.
var fastTaken = []string{
	"a: b\n", "a: b # note\n", "a: 'b' # c\n", "# head\n\na: 1\n\n# tail\n",
	"a:\n  b: 1\n  c:\n    - x\n    - y\n", "a:\n- x\n- y\nb: z\n", "- a: 1\n  b: 2\n- a: 3\n",
	"a: {x: 1, y: \"z\", w: ok}\n", "a: {}\n", "tasks: []\n", "lead: [so-tttt, cong-an-tinh]\n", "a: 06 nhiệm vụ\n", "a: 7\n", "a: 1.5\n", "a: 2024-03-15\n", "a: true\nb: yes\nc: ~\n",
	"a: Đã hoàn thành 100%; đạt 95,5% chỉ tiêu\n", "a: \"\"\nb: ''\n",
	"submitted: 2024-06-12\ntasks:\n- task: '3.1'\n  state: done\n  done: 2024-06-01\n",
}

func TestFastParseCases(t *testing.T) {
	for i, c := range fastCases {
		checkFast(t, fmt.Sprintf("case %d", i), []byte(c))
	}
	for _, c := range fastTaken {
		if !checkFast(t, "", []byte(c)) {
			t.Errorf("the fast path left %q to the library", c)
		}
	}
}

// TestFastParseFiles runs the contract over every YAML file of the repo's
// plans and fixtures, and checks that the fast path is taken where it
// matters: every report file of a synthetic province.
func TestFastParseFiles(t *testing.T) {
	for _, root := range []string{"../../plan", "../../testdata"} {
		eachFile(t, root, true, func(p string, b []byte) { checkFast(t, p, b) })
	}
	for _, seed := range []uint64{1, 2, 3} {
		dir := filepath.Join(t.TempDir(), "plan")
		if _, err := synth.Generate(dir, synth.Options{Scale: synth.ScaleProvince, Seed: seed, Year: 2024}); err != nil {
			t.Fatal(err)
		}
		reports, taken := 0, 0
		eachFile(t, dir, false, func(p string, b []byte) {
			ok := checkFast(t, p, b)
			if strings.Contains(p, "/reports/") {
				reports++
				if ok {
					taken++
				}
			}
		})
		if reports == 0 || taken != reports {
			t.Errorf("seed %d: the fast path read %d of %d synthetic report files; it should read them all", seed, taken, reports)
		}
	}
}

// eachFile calls check with the path and bytes of every file under root,
// or of every YAML file when yamlOnly is set.
func eachFile(t testing.TB, root string, yamlOnly bool, check func(p string, b []byte)) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if yamlOnly && !strings.HasSuffix(p, ".yaml") && !strings.HasSuffix(p, ".yml") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		check(p, b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// FuzzFastParse holds the contract on any input.
func FuzzFastParse(f *testing.F) {
	for _, c := range append(fastCases, fastTaken...) {
		f.Add([]byte(c))
	}
	// Whole plan files, for the fuzzer to mutate into near misses.
	files, _ := filepath.Glob("../../testdata/plans/*/*.yaml")
	more, _ := filepath.Glob("../../testdata/plans/*/reports/*/*.yaml")
	for _, name := range append(files, more...) {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkFast(t, "input", src)
	})
}

// BenchmarkParse reads the report files of a synthetic province from
// memory into trees, through the fast path and through the YAML library,
// side by side.
func BenchmarkParse(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "plan")
	if _, err := synth.Generate(dir, synth.Options{Scale: synth.ScaleProvince, Seed: 1, Year: 2024}); err != nil {
		b.Fatal(err)
	}
	var files [][]byte
	size := 0
	eachFile(b, filepath.Join(dir, "reports"), false, func(_ string, data []byte) {
		files = append(files, data)
		size += len(data)
	})
	b.Run("subset", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, f := range files {
				if fastParse(f, nil) == nil {
					b.Fatal("a synthetic report left the fast path")
				}
			}
		}
	})
	b.Run("library", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for _, f := range files {
				var doc yaml.Node
				if err := yaml.Unmarshal(f, &doc); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// TestFastPathSameResult loads whole plans with and without the fast path:
// the plan and every diagnostic must be the same.
func TestFastPathSameResult(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plan")
	if _, err := synth.Generate(dir, synth.Options{Scale: synth.ScaleProvince, Seed: 2, Year: 2024}); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"../../plan", "../../testdata/plans/basic", dir} {
		fast, fastDiags, err := Load(os.DirFS(d), "plan")
		if err != nil {
			t.Fatal(err)
		}
		fastPath = false
		slow, slowDiags, err := Load(os.DirFS(d), "plan")
		fastPath = true
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Errorf("%s: the plan read with the fast path differs from the one read by the library", d)
		}
		if !reflect.DeepEqual(fastDiags, slowDiags) {
			t.Errorf("%s: diagnostics differ:\nfast: %v\nlibrary: %v", d, fastDiags, slowDiags)
		}
	}
}
