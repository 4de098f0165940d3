package form

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/xuri/excelize/v2"

	"github.com/plan06/plan06/internal/check"
	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/load"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/render"
	"github.com/plan06/plan06/internal/status"
)

var update = flag.Bool("update", false, "rewrite golden files")

// basicFS is the fixture plan testdata/plans/basic in memory.
func basicFS(t testing.TB) fstest.MapFS {
	t.Helper()
	root := filepath.Join("..", "..", "testdata", "plans", "basic")
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(root), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join(root, p))
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// loadFS loads and checks a plan; errors fail the test.
func loadFS(t testing.TB, fsys fs.FS) *model.Plan {
	t.Helper()
	p, ds, err := load.Load(fsys, "plan")
	if err != nil {
		t.Fatal(err)
	}
	ds = append(ds, check.Plan(p)...)
	if ds.HasErrors() {
		t.Fatalf("plan has errors:\n%s", lines(ds))
	}
	return p
}

// basic returns the fixture plan, its index and its status on day for
// the cycle of that day.
func basic(t testing.TB, day dates.Date) (*model.Plan, *model.Index, *status.Result) {
	t.Helper()
	p := loadFS(t, basicFS(t))
	ix := model.NewIndex(p)
	return p, ix, status.Compute(p, ix, status.Options{AsOf: day, Cycle: dates.MonthOf(day)})
}

var april20 = dates.MustNew(2024, 4, 20)

// makeForm writes unit's form on day.
func makeForm(t testing.TB, unit string, day dates.Date, lang i18n.Lang) []byte {
	t.Helper()
	_, ix, r := basic(t, day)
	b, err := Write(r, ix, ix.Unit(unit), Options{Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// edit opens a form, lets fn change it as a person would, and returns the
// saved bytes.
func edit(t testing.TB, data []byte, fn func(f *excelize.File, sheet string)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fn(f, f.GetSheetList()[0])
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func lines(ds diag.Diagnostics) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(render.DiagnosticLine(d, i18n.VI) + "\n")
	}
	return b.String()
}
