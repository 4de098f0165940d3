package yamlfmt

import (
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

var randomCount = flag.Int("random", 3000, "number of generated documents TestRandomDocuments formats")

// TestRandomDocuments formats generated plan-like documents with comments in
// every place a person puts them, at odd indentations, and checks what
// FuzzFormat checks. Byte mutation rarely builds such documents; this does,
// with a fixed seed so that a failure repeats.
func TestRandomDocuments(t *testing.T) {
	n := *randomCount
	if testing.Short() {
		n = 300
	}
	var syntax int
	for i := range n {
		g := &docGen{r: rand.New(rand.NewPCG(uint64(i), 7)), b: &strings.Builder{}}
		src := g.document()
		kind := Kind(g.r.IntN(int(KindUnknown) + 1))
		out, err := Format([]byte(src), kind)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				dumpFailure(src)
				t.Fatalf("case %d (%v): %v\n%s", i, kind, err, src)
			}
			syntax++
			continue
		}
		if ps := problems([]byte(src), out, kind); len(ps) > 0 {
			dumpFailure(src)
			t.Fatalf("case %d (%v): %s\ninput:\n%s", i, kind, strings.Join(ps, "\n"), src)
		}
	}
	t.Logf("%d documents formatted, %d did not parse", n-syntax, syntax)
	if syntax > n/10 {
		t.Errorf("%d of %d generated documents do not parse: the generator is broken", syntax, n)
	}
}

// dumpFailure writes a failing input to the file $YAMLFMT_RANDOM_DUMP names,
// if any, to debug it outside the test.
func dumpFailure(src string) {
	if dump := os.Getenv("YAMLFMT_RANDOM_DUMP"); dump != "" {
		_ = os.WriteFile(dump, []byte(src), 0o644)
	}
}

// docGen writes random YAML text the way people write plan files.
type docGen struct {
	r   *rand.Rand
	b   *strings.Builder
	ind int // indentation step of this document: 2 or 4
	// width and depth bound the size of the document.
	width, depth int
	anchors      int // anchors defined so far: &a0, &a1...
}

var genKeys = []string{"format", "id", "title", "tasks", "lead", "due", "start", "group",
	"period", "from", "to", "targets", "milestones", "min", "units", "sets", "name",
	"x-note", "a", "named_days", "submitted", "state", "values", "holidays", "date"}

var genScalars = []string{"plain text", "Nhiệm vụ đột phá", `"0123"`, `'yes'`, `"3.1.1"`,
	"2024-03-14", "15", "97.5", "~", "", `"say \"hi\""`, `'it''s'`, "Quý I năm 2024",
	"a: b", "x # not a comment?", "yes", "https://example.com/a#b", "-dash", "[x]"}

func (g *docGen) chance(p float64) bool { return g.r.Float64() < p }

func (g *docGen) line(indent int, s string) {
	g.b.WriteString(strings.Repeat(" ", indent) + s + "\n")
}

// comments writes 0 to 2 comment lines, sometimes after a blank line, at
// indent or a little off it.
func (g *docGen) comments(indent int, p float64) {
	if !g.chance(p) {
		return
	}
	if g.chance(0.3) {
		g.b.WriteString("\n")
	}
	for range 1 + g.r.IntN(2) {
		col := indent
		switch g.r.IntN(6) {
		case 0:
			col = 0
		case 1:
			col = indent + g.ind
		}
		g.line(col, fmt.Sprintf("# c%d %s", g.r.IntN(1000), []string{"", "ghi chú", "x"}[g.r.IntN(3)]))
	}
	if g.chance(0.2) {
		g.b.WriteString("\n")
	}
}

func (g *docGen) lineComment() string {
	if g.chance(0.25) {
		return fmt.Sprintf("   # l%d", g.r.IntN(1000))
	}
	return ""
}

func (g *docGen) scalar() string {
	s := genScalars[g.r.IntN(len(genScalars))]
	if strings.ContainsAny(s, ":#[") && !strings.HasPrefix(s, `"`) && !strings.HasPrefix(s, "'") {
		s = `"` + s + `"`
	}
	return s
}

func (g *docGen) flow(depth int) string {
	if g.chance(0.5) || depth > 1 {
		var items []string
		for range g.r.IntN(4) {
			if g.chance(0.2) {
				items = append(items, g.flow(depth+1))
			} else {
				items = append(items, g.flowScalar())
			}
		}
		return "[" + strings.Join(items, ", ") + "]"
	}
	var pairs []string
	used := map[string]bool{}
	for range g.r.IntN(4) {
		k := genKeys[g.r.IntN(len(genKeys))]
		if used[k] {
			continue
		}
		used[k] = true
		pairs = append(pairs, k+": "+g.flowScalar())
	}
	return "{" + strings.Join(pairs, ", ") + "}"
}

func (g *docGen) flowScalar() string {
	s := g.scalar()
	if s == "" || strings.ContainsAny(s, ",[]{}") && !strings.HasPrefix(s, `"`) && !strings.HasPrefix(s, "'") {
		return `"x,y"`
	}
	return s
}

// value writes what follows "key:" (or "- ") at indent, the column of the
// key or the dash.
func (g *docGen) value(indent, depth int) {
	switch r := g.r.IntN(10); {
	case depth < g.depth && r < 3:
		g.b.WriteString(g.lineComment() + "\n")
		g.comments(indent+g.ind, 0.2)
		g.mapping(indent+g.ind, depth+1)
	case depth < g.depth && r < 5:
		g.b.WriteString(g.lineComment() + "\n")
		g.comments(indent+g.ind, 0.2)
		in := indent + g.ind
		if g.chance(0.3) {
			in = indent // "key:\n- a", the other common way
		}
		g.sequence(in, depth+1)
	case r < 7:
		if g.chance(0.15) {
			// A flow collection over several lines, with a comment inside.
			g.b.WriteString(" [a,   # inside\n" + strings.Repeat(" ", indent+g.ind) + "b]" + g.lineComment() + "\n")
			return
		}
		g.b.WriteString(" " + g.flow(0) + g.lineComment() + "\n")
	case r < 8:
		style := []string{"|", "|-", ">", "|+", ">-"}[g.r.IntN(5)]
		g.b.WriteString(" " + style + g.lineComment() + "\n")
		for i := range 1 + g.r.IntN(3) {
			if i > 0 && g.chance(0.2) {
				g.b.WriteString("\n")
			}
			// The first line fixes the indentation, so it is not the
			// more-indented one.
			texts := []string{"dòng một", "line two is longer", "x", "  indented"}
			n := len(texts)
			if i == 0 {
				n--
			}
			g.line(indent+g.ind, texts[g.r.IntN(n)])
		}
	default:
		s := g.scalar()
		switch {
		case g.anchors > 0 && g.chance(0.1):
			s = fmt.Sprintf("*a%d", g.r.IntN(g.anchors))
		case s != "" && g.chance(0.1):
			s = fmt.Sprintf("&a%d %s", g.anchors, s)
			g.anchors++
		}
		if s == "" {
			g.b.WriteString(g.lineComment() + "\n")
			return
		}
		g.b.WriteString(" " + s + g.lineComment() + "\n")
	}
}

func (g *docGen) mapping(indent, depth int) {
	used := map[string]bool{}
	n := 1 + g.r.IntN(g.width)
	for i := range n {
		k := genKeys[g.r.IntN(len(genKeys))]
		if used[k] {
			continue
		}
		used[k] = true
		if i > 0 {
			g.comments(indent, 0.3)
		}
		g.b.WriteString(strings.Repeat(" ", indent) + k + ":")
		g.value(indent, depth)
	}
	g.comments(indent, 0.2) // foot of the mapping
}

func (g *docGen) sequence(indent, depth int) {
	n := 1 + g.r.IntN(g.width)
	for i := range n {
		if i > 0 {
			g.comments(indent, 0.3)
		}
		g.b.WriteString(strings.Repeat(" ", indent) + "-")
		switch {
		case depth < g.depth && g.chance(0.4):
			// "- key: value" with the rest of the mapping under it.
			g.b.WriteString(" ")
			saved := g.b
			g.b = &strings.Builder{}
			g.mapping(indent+2, depth+1)
			text := g.b.String()
			g.b = saved
			g.b.WriteString(strings.TrimLeft(text, " "))
		default:
			g.value(indent, depth)
		}
	}
	g.comments(indent, 0.2)
}

func (g *docGen) document() string {
	g.ind = 2
	g.width, g.depth = 1+g.r.IntN(4), 1+g.r.IntN(4)
	if g.chance(0.3) {
		g.ind = 4
	}
	g.comments(0, 0.5)
	if g.chance(0.1) {
		g.b.WriteString("---\n")
		g.comments(0, 0.3)
	}
	if g.chance(0.1) {
		g.sequence(0, 1)
	} else {
		g.mapping(0, 0)
	}
	g.comments(0, 0.4)
	if g.chance(0.1) {
		g.b.WriteString("---\n")
		g.anchors = 0
		g.mapping(0, 1)
	}
	s := g.b.String()
	if g.chance(0.1) {
		s = norm.NFD.String(s)
	}
	if g.chance(0.1) {
		s = strings.ReplaceAll(s, "\n", "\r\n")
	}
	return s
}
