package yamlfmt

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"github.com/plan06/plan06/internal/yamlpos"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

var update = flag.Bool("update", false, "rewrite testdata/*/out.yaml from the current output")

// goldenCase is one folder under testdata: in.yaml, out.yaml, and the kind
// from a file named kind or from the folder name's prefix.
type goldenCase struct {
	name string
	dir  string
	kind Kind
}

func goldenCases(t testing.TB) []goldenCase {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join("testdata", "*", "in.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no golden cases under testdata")
	}
	var cases []goldenCase
	for _, in := range dirs {
		dir := filepath.Dir(in)
		name := filepath.Base(dir)
		cases = append(cases, goldenCase{name: name, dir: dir, kind: caseKind(t, dir, name)})
	}
	return cases
}

// caseKind reads CASE/kind ("plan", "units", "calendar", "tasks", "report",
// "unknown") or else takes the case name's prefix before the first "-".
func caseKind(t testing.TB, dir, name string) Kind {
	word, _, _ := strings.Cut(name, "-")
	if b, err := os.ReadFile(filepath.Join(dir, "kind")); err == nil {
		word = strings.TrimSpace(string(b))
	}
	for k := KindPlan; k <= KindUnknown; k++ {
		if k.String() == word {
			return k
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "kind")); err == nil {
		t.Fatalf("%s: unknown kind %q", dir, word)
	}
	return KindUnknown
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join(c.dir, "in.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Format(in, c.kind)
			if err != nil {
				t.Fatalf("Format: %v", err)
			}
			outPath := filepath.Join(c.dir, "out.yaml")
			if *update {
				if err := os.WriteFile(outPath, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(outPath)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Format(in.yaml, %v) differs from out.yaml (run go test -update to accept)\n--- got\n%s\n--- want\n%s", c.kind, got, want)
			}
			checkInvariants(t, in, got, c.kind)
		})
	}
}

// TestGoldenFixedPoint checks out.yaml itself: formatting it changes nothing,
// and it holds the values of in.yaml.
func TestGoldenFixedPoint(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join(c.dir, "in.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			out, err := os.ReadFile(filepath.Join(c.dir, "out.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			again, err := Format(out, c.kind)
			if err != nil {
				t.Fatalf("Format(out.yaml): %v", err)
			}
			if !bytes.Equal(again, out) {
				t.Errorf("out.yaml is not a fixed point\n--- Format(out.yaml)\n%s\n--- out.yaml\n%s", again, out)
			}
			// Plain reflect.DeepEqual here; only the fuzz target needs NaN to
			// equal NaN.
			if msg := valuesDiffer(in, out, reflect.DeepEqual); msg != "" {
				t.Error(msg)
			}
		})
	}
}

// checkInvariants checks what SPEC §6 promises of any output.
func checkInvariants(t testing.TB, in, out []byte, kind Kind) {
	t.Helper()
	for _, p := range problems(in, out, kind) {
		t.Error(p)
	}
}

// problems lists the ways out, the output of Format(in, kind), breaks what
// SPEC §6 promises.
func problems(in, out []byte, kind Kind) []string {
	var ps []string
	if len(out) > 0 && (!bytes.HasSuffix(out, []byte("\n")) || bytes.HasSuffix(out, []byte("\n\n"))) {
		ps = append(ps, fmt.Sprintf("output does not end with exactly one newline:\n%q", out))
	}
	if bytes.ContainsRune(out, '\r') {
		ps = append(ps, fmt.Sprintf("output holds a carriage return:\n%q", out))
	}
	if bytes.HasPrefix(out, []byte("\uFEFF")) {
		ps = append(ps, "output starts with a byte order mark")
	}
	for i, line := range strings.Split(string(out), "\n") {
		if strings.TrimRight(line, " \t") != line {
			ps = append(ps, fmt.Sprintf("line %d ends with a blank: %q", i+1, line))
		}
	}
	if !norm.NFC.IsNormal(out) {
		ps = append(ps, fmt.Sprintf("output is not in NFC:\n%s", out))
	}
	if again, err := Format(out, kind); err != nil {
		ps = append(ps, fmt.Sprintf("Format(output): %v\n%s", err, out))
	} else if !bytes.Equal(again, out) {
		ps = append(ps, "output is not a fixed point: a is the output, b Format(output)\n"+lineDiff(out, again))
	}
	if msg := valuesDiffer(in, out, equalValues); msg != "" {
		ps = append(ps, msg)
	}
	if msg := commentsDiffer(in, out); msg != "" {
		ps = append(ps, msg)
	}
	return ps
}

// decodeAll decodes every document of src into plain values.
func decodeAll(src []byte) ([]any, error) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var vs []any
	for {
		var v any
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			return vs, nil
		}
		if err != nil {
			return nil, err
		}
		vs = append(vs, v)
	}
}

// valuesDiffer decodes in and out into `any` and compares them with equal
// (reflect.DeepEqual, or equalValues, which also lets NaN equal NaN), after
// putting the strings of in in NFC as Format does. It returns "" when they
// are equal.
func valuesDiffer(in, out []byte, equal func(a, b any) bool) string {
	a, err := decodeAll(yamlpos.CleanLineEnds(in))
	if err != nil {
		return "decode input: " + err.Error()
	}
	b, err := decodeAll(out)
	if err != nil {
		return "decode output: " + err.Error()
	}
	if !equal(nfcValue(any(a)), any(b)) && !(len(a) == 0 && len(b) == 0) {
		return "input and output decode to different values"
	}
	return ""
}

// comments lists the comment lines the parser finds in src, in NFC, blanks
// at the end dropped, sorted: what a reader would count.
func comments(src []byte) ([]string, error) {
	docs, err := parseRaw(yamlpos.CleanLineEnds(src))
	if err != nil {
		return nil, err
	}
	var lines []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			for _, l := range strings.Split(c, "\n") {
				l = strings.TrimRight(norm.NFC.String(l), " \t")
				if strings.TrimSpace(l) != "" {
					lines = append(lines, strings.TrimSpace(l))
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	for _, d := range docs {
		walk(d)
	}
	slices.Sort(lines)
	return lines, nil
}

// commentsDiffer returns "" when out holds the same comment lines as in.
func commentsDiffer(in, out []byte) string {
	a, err := comments(in)
	if err != nil {
		return "comments of input: " + err.Error()
	}
	b, err := comments(out)
	if err != nil {
		return "comments of output: " + err.Error()
	}
	if !slices.Equal(a, b) {
		return "comments differ:\n  in:  " + strings.Join(a, "\n       ") + "\n  out: " + strings.Join(b, "\n       ")
	}
	return ""
}

// lineDiff shows where two texts part: the lines around the first line that
// differs, and how the rest of each text goes on from there.
func lineDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	i := 0
	for i < len(al) && i < len(bl) && al[i] == bl[i] {
		i++
	}
	from := max(0, i-3)
	var sb strings.Builder
	fmt.Fprintf(&sb, "first difference at line %d\n", i+1)
	for _, part := range []struct {
		name  string
		lines []string
	}{{"a", al}, {"b", bl}} {
		fmt.Fprintf(&sb, "--- %s\n", part.name)
		for j := from; j < min(len(part.lines), i+8); j++ {
			mark := " "
			if j >= i {
				mark = "!"
			}
			fmt.Fprintf(&sb, "%s%4d %s\n", mark, j+1, part.lines[j])
		}
	}
	return sb.String()
}
