package render

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"golang.org/x/text/unicode/norm"

	"github.com/plan06/plan06/internal/i18n"
)

// childDir, when set, makes TestEastAsianChild write every golden case
// into that directory: the test below runs this test binary again in a
// Japanese locale.
const childDir = "PLAN06_RENDER_EASTASIAN_DIR"

// eastAsianEnv is a Japanese terminal that asks for ambiguous letters
// two columns wide. tablewriter (pkg/twwidth) reads it when the process
// starts: RUNEWIDTH_EASTASIAN=1 alone turns East Asian width on, and so
// would LANG=ja_JP.UTF-8 alone outside a terminal it knows as modern.
// Box drawing, "—" and even the "ê" and "đ" of Vietnamese are ambiguous.
func eastAsianEnv(t *testing.T) {
	t.Setenv("LANG", "ja_JP.UTF-8")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_CTYPE", "")
	t.Setenv("RUNEWIDTH_EASTASIAN", "1")
}

// The output must not depend on the locale. A process started in a
// Japanese locale gives the goldens byte for byte, in a terminal
// tablewriter takes for modern (where it keeps box drawing narrow but
// not "—" or "Đ") and in one it does not.
func TestTablesIgnoreEastAsianLocale(t *testing.T) {
	if *update {
		t.Skip("-update: the goldens are being written")
	}
	eastAsianEnv(t)
	for _, v := range []string{"TERM_PROGRAM", "TERM_PROGRAM_WSL", "WT_PROFILE_ID", "ConEmuANSI", "ALACRITTY_LOG", "VTE_VERSION"} {
		t.Setenv(v, "")
	}
	for _, term := range []string{"xterm-256color", "dumb"} {
		t.Setenv("TERM", term)
		dir := t.TempDir()
		cmd := exec.Command(os.Args[0], "-test.run=^TestEastAsianChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), childDir+"="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("TERM=%s: child: %v\n%s", term, err, out)
		}
		for _, c := range goldenCases() {
			got, err := os.ReadFile(filepath.Join(dir, c.name))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join("testdata", c.name))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s in a Japanese locale, TERM=%s:\n%s\n--- want\n%s", c.name, term, got, want)
			}
		}
	}
}

// TestEastAsianChild is TestTablesIgnoreEastAsianLocale's other process.
func TestEastAsianChild(t *testing.T) {
	dir := os.Getenv(childDir)
	if dir == "" {
		t.Skip("run by TestTablesIgnoreEastAsianLocale")
	}
	// Else the test above proves nothing.
	if !twwidth.IsEastAsian() || twwidth.Width("—") != 2 || twwidth.Width("Yên") != 4 {
		t.Fatalf("tablewriter did not take the Japanese locale: %+v", twwidth.Debugging())
	}
	for _, c := range goldenCases() {
		var buf bytes.Buffer
		if err := c.render(&buf); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, c.name), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// And in this process, the environment set and East Asian width turned on
// as tablewriter does at start-up (or as another package may do), with
// and without its narrow borders of a modern terminal.
func TestTablesIgnoreEastAsianSetting(t *testing.T) {
	if *update {
		t.Skip("-update: the goldens are being written")
	}
	eastAsianEnv(t)
	was := twwidth.IsEastAsian()
	t.Cleanup(func() { twwidth.SetEastAsian(was) })
	for _, narrowBorders := range []bool{false, true} {
		twwidth.SetOptions(twwidth.Options{EastAsianWidth: true, ForceNarrowBorders: narrowBorders})
		if twwidth.Width("—") != 2 {
			t.Fatal("East Asian width did not turn on")
		}
		for _, c := range goldenCases() {
			var buf bytes.Buffer
			if err := c.render(&buf); err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join("testdata", c.name))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s, narrow borders %v:\n%s\n--- want\n%s", c.name, narrowBorders, buf.Bytes(), want)
			}
		}
	}
}

var sgrRE = regexp.MustCompile("\x1b\\[[0-9;]*m")

// Colour adds escapes and nothing else: tablewriter must not count them
// as columns, or a coloured cell would lose its padding.
func TestColorOnlyAddsEscapes(t *testing.T) {
	for _, width := range []int{80, 100} {
		for _, byUnit := range []bool{false, true} {
			o := Options{Lang: i18n.VI, Width: width, ByUnit: byUnit}
			var plain, colored bytes.Buffer
			if err := StatusTable(&plain, fixture(), o); err != nil {
				t.Fatal(err)
			}
			o.Color = true
			if err := StatusTable(&colored, fixture(), o); err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(colored.Bytes(), []byte("\x1b[")) {
				t.Fatalf("width %d, by unit %v: no colour", width, byUnit)
			}
			if got := sgrRE.ReplaceAllString(colored.String(), ""); got != plain.String() {
				t.Errorf("width %d, by unit %v: without its escapes\n%s\n--- want\n%s", width, byUnit, got, plain.String())
			}
		}
	}
}

// Vietnamese typed on some keyboards comes decomposed (NFD): a letter and
// one or two combining marks, which take no column. The tables must come
// out as for the same text composed (NFC), but for the encoding.
func TestDecomposedVietnamese(t *testing.T) {
	nfc, nfd := fixture(), fixture()
	for i := range nfd.Plan.Units {
		u := &nfd.Plan.Units[i]
		u.Name.Value = norm.NFD.String(u.Name.Value)
		u.Short.Value = norm.NFD.String(u.Short.Value)
	}
	for i := range nfd.Tasks {
		nfd.Tasks[i].Task.Title.Value = norm.NFD.String(nfd.Tasks[i].Task.Title.Value)
	}
	if nfd.Plan.Units[5].Name.Value == nfc.Plan.Units[5].Name.Value {
		t.Fatal("NFD changed nothing")
	}
	for _, width := range []int{80, 100} {
		for _, byUnit := range []bool{false, true} {
			o := Options{Lang: i18n.VI, Width: width, ByUnit: byUnit}
			var want, got, md, mdWant bytes.Buffer
			if err := StatusTable(&want, nfc, o); err != nil {
				t.Fatal(err)
			}
			if err := StatusTable(&got, nfd, o); err != nil {
				t.Fatal(err)
			}
			if g := norm.NFC.String(got.String()); g != want.String() {
				t.Errorf("width %d, by unit %v: NFD\n%s\n--- want\n%s", width, byUnit, g, want.String())
			}
			if err := StatusMarkdown(&mdWant, nfc, o); err != nil {
				t.Fatal(err)
			}
			if err := StatusMarkdown(&md, nfd, o); err != nil {
				t.Fatal(err)
			}
			if g := norm.NFC.String(md.String()); g != mdWant.String() {
				t.Errorf("by unit %v: Markdown of NFD\n%s\n--- want\n%s", byUnit, g, mdWant.String())
			}
		}
	}
}

// The Markdown tables are GitHub tables: every row of a table has as many
// cells as its header, the delimiter row is second, and a "|" in a cell
// is escaped.
func TestMarkdownTables(t *testing.T) {
	for _, byUnit := range []bool{false, true} {
		var buf bytes.Buffer
		if err := StatusMarkdown(&buf, fixture(), Options{Lang: i18n.VI, ByUnit: byUnit}); err != nil {
			t.Fatal(err)
		}
		cells := func(line string) int {
			return strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") - 1
		}
		delim := regexp.MustCompile(`^\|(:?-{3,}:?\|)+$`)
		n, tables := 0, 0
		for i, line := range strings.Split(buf.String(), "\n") {
			switch {
			case !strings.HasPrefix(line, "|"):
				n = 0
			case n == 0:
				n = cells(line)
				tables++
			case n > 0 && delim.MatchString(line) && cells(line) == n:
				n = -n
			case n > 0:
				t.Errorf("by unit %v, line %d: no delimiter row under the header: %s", byUnit, i+1, line)
			case cells(line) != -n:
				t.Errorf("by unit %v, line %d: %d cells, want %d: %s", byUnit, i+1, cells(line), -n, line)
			}
		}
		if tables < 3 {
			t.Errorf("by unit %v: %d tables", byUnit, tables)
		}
		if !byUnit && !strings.Contains(buf.String(), `(cấp tỉnh \| cấp huyện)`) {
			t.Error(`"|" in a title is not escaped`)
		}
	}
}

// tablewriter draws the tables without headings line for line as box
// draws them, at every width, in colour or not: the two tables of
// `status` look the same whichever draws them.
func TestGridDrawsAsBox(t *testing.T) {
	r := fixture()
	// A table like the unit table, with words longer than any column
	// that fits and a row of empty cells.
	unitBox := func(o Options) *box {
		b := &box{cols: []boxCol{
			{header: "Đơn vị", weight: 2, soft: 16},
			{header: "Nhiệm vụ", weight: 1, soft: 1, right: true},
			{header: "Báo cáo", weight: 1},
		}}
		for _, u := range unitRows(r) {
			b.add(boxCell{text: unitName(u.Unit) + " Thườngxuyênthườngxuyên"},
				boxCell{text: "12", color: "31"},
				boxCell{text: o.reportLabel(u.Report), color: reportColor(u.Report)})
		}
		b.add(boxCell{}, boxCell{}, boxCell{})
		return b
	}
	for _, color := range []bool{false, true} {
		for width := 8; width <= 140; width++ {
			b := unitBox(Options{Lang: i18n.VI})
			var want, got strings.Builder
			b.render(&want, width, color)
			if err := b.grid(&got, width, color); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Fatalf("width %d, colour %v:\n%s\n--- box draws\n%s", width, color, got.String(), want.String())
			}
		}
	}
}
