package xlsx

import (
	"bufio"
	"compress/flate"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/report"
	"github.com/plan06/plan06/internal/safetext"
	"github.com/plan06/plan06/internal/status"
)

// fontName is the font of every cell, as Decree 30/2020 requires.
const fontName = "Times New Roman"

// workbook holds what every sheet writer needs. Errors stick: the first one
// is kept in err and later calls do nothing, so that sheet code reads as a
// list of cells rather than a list of error checks.
type workbook struct {
	f    *excelize.File
	rep  *report.Report
	r    *status.Result
	o    Options
	ix   *model.Index
	lang i18n.Lang
	st   *styles
	err  error

	// layouts and fonts serve the row heights (layout.go).
	layouts map[string]*sheetLayout
	fonts   []fontSlot // by style id
	wrapped map[wrapKey]int

	// raws are the sheets whose cells the package writes itself
	// (rawsheet.go), rawOrder their names in the workbook's order.
	raws     map[string]*rawSheet
	rawOrder []string
	// lastSheet and lastRaw are the last lookup in raws.
	lastSheet string
	lastRaw   *rawSheet
	// queue, when set, holds the calls to excelize of a copy building a
	// sheet beside others (buildBeside).
	queue *[]excelCall
	// table numbered the raw sheets' strings as they were built, after
	// excelize's strings of keys tableKeys; freshSeg is the strings it
	// appends, compressed (buildBeside, sharedStrings).
	table     *stringTable
	tableKeys []string
	freshSeg  *segment
}

func newWorkbook(f *excelize.File, rep *report.Report, o Options) *workbook {
	r := rep.Result
	wb := &workbook{f: f, rep: rep, r: r, o: o, ix: model.NewIndex(r.Plan), lang: o.Lang, wrapped: map[wrapKey]int{}}
	wb.st = wb.newStyles()
	return wb
}

// t is i18n.T in the workbook's language.
func (wb *workbook) t(key string, args ...any) string { return i18n.T(wb.lang, key, args...) }

// run builds every sheet in order, then the document properties.
func (wb *workbook) run() {
	names := []string{
		wb.t("xlsx.sheet.summary"), wb.t("xlsx.sheet.tasks"),
		wb.t("xlsx.sheet.units"), wb.t("xlsx.sheet.ranking"), wb.t("xlsx.sheet.overdue"),
	}
	wb.check(wb.f.SetDefaultFont(fontName))
	wb.check(wb.f.SetSheetName("Sheet1", names[0]))
	if wb.rep.ManyTargets() {
		names = append(names, wb.t("xlsx.sheet.targets"))
	}
	wb.raws = map[string]*rawSheet{}
	for _, n := range names[1:] {
		_, err := wb.f.NewSheet(n)
		wb.check(err)
		if rawSheets {
			wb.raws[n] = &rawSheet{}
			wb.rawOrder = append(wb.rawOrder, n)
		}
	}
	tables := []sheetBuild{
		{names[1], (*workbook).tasks}, {names[2], (*workbook).units},
		{names[3], (*workbook).ranking}, {names[4], (*workbook).overdue},
	}
	if wb.rep.ManyTargets() {
		tables = append(tables, sheetBuild{names[5], (*workbook).targetSheet})
	}
	if rawSheets {
		wb.buildBeside(names[0], tables)
	} else {
		wb.summary(names[0])
		for _, t := range tables {
			t.build(wb, t.name)
		}
	}
	wb.f.SetActiveSheet(0)
	wb.docProps()
}

// sheetBuild is a table sheet and the method that builds it.
type sheetBuild struct {
	name  string
	build func(wb *workbook, sheet string)
}

// buildBeside builds the summary on this goroutine and the table sheets,
// raw, beside it on as many goroutines as there are processors (at
// country scale the tables take 60–120 ms, most of the workbook's own
// work). Each table is built on a copy of wb with its own layout, text
// measures and errors, whose calls to excelize (columns, panes, print
// setup) are queued rather than made: excelize is then called on this
// goroutine alone, in the order the sheets come in, as when they were
// built one after the other. The cells and strings are each raw sheet's
// own, numbered in sheet order, so the workbook's bytes do not depend on
// which sheet was done first.
//
// The rows of a large sheet are compressed while the next ones are built
// (at country scale the four large parts take 80 ms of compression, which
// otherwise came after everything else): once the summary is done, the
// strings of excelize's table are known, and once the sheets before a
// sheet are done, so are the numbers of its strings (wb.table). Rows
// compressed that way are a segment of their part's stream
// (deflatePart). Should excelize's table turn out to hold other strings
// than it did after the summary, sharedStrings numbers them again and the
// rows are written as for a small sheet.
func (wb *workbook) buildBeside(summary string, tables []sheetBuild) {
	// The raw sheets' distinct strings number about twice the units at
	// country scale (1.7 times 8,291 for 2024-03): a string table made
	// that large need not grow. (Each sheet's own maps grow as they
	// fill: sized alike, the five of them cost 5 MB for no time.)
	hint := 2*len(wb.r.Units) + 4*len(wb.r.Tasks)
	copies := make([]*workbook, len(tables))
	done := make([]chan struct{}, len(tables))
	for i, t := range tables {
		c := *wb
		c.err, c.layouts, c.lastSheet, c.lastRaw = nil, nil, "", nil
		c.wrapped = make(map[wrapKey]int)
		c.queue = new([]excelCall)
		wb.raws[t.name].strIDs = make(map[string]int32)
		copies[i] = &c
		done[i] = make(chan struct{})
	}
	next := make(chan int, len(tables))
	for i := range tables {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var panicked any
	// guard runs f; a panic goes on on this goroutine once the others are
	// done, as it would have without them.
	guard := func(f func()) {
		defer func() {
			if r := recover(); r != nil {
				mu.Lock()
				panicked = r
				mu.Unlock()
			}
		}()
		f()
	}
	for range min(runtime.GOMAXPROCS(0), len(tables)) {
		wg.Go(func() {
			for i := range next {
				guard(func() {
					defer close(done[i])
					tables[i].build(copies[i], tables[i].name)
				})
			}
		})
	}
	wb.wrapped = make(map[wrapKey]int)
	guard(func() { wb.summary(summary) })
	if keys, ok := excelizeKeys(wb.f); ok && wb.err == nil {
		wb.table, wb.tableKeys = newStringTable(keys, hint), keys
	}
	for i, t := range tables {
		<-done[i]
		if wb.table == nil || copies[i].err != nil {
			wb.table = nil
			continue
		}
		rs := wb.raws[t.name]
		wb.table.number(rs)
		if rs.size() >= fastPartSize {
			wg.Go(func() {
				guard(func() {
					rs.rows, _ = deflateSegment(flate.BestSpeed, func(w *bufio.Writer) { writeRows(w, rs) })
				})
			})
		}
	}
	if t := wb.table; t != nil && t.size >= fastPartSize {
		wg.Go(func() {
			guard(func() { wb.freshSeg, _ = deflateSegment(flate.BestSpeed, t.writeFresh) })
		})
	}
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
	for _, c := range copies {
		for _, call := range *c.queue {
			wb.check(call(wb.f))
		}
		wb.check(c.err)
	}
}

// excelCall is a call to excelize on the workbook's file.
type excelCall func(f *excelize.File) error

// xl makes call, or queues it on a copy that builds a sheet beside others
// (buildBeside).
func (wb *workbook) xl(call excelCall) {
	if wb.queue != nil {
		*wb.queue = append(*wb.queue, call)
		return
	}
	wb.check(call(wb.f))
}

// check keeps the first error.
func (wb *workbook) check(err error) {
	if err != nil && wb.err == nil {
		wb.err = err
	}
}

// docProps sets fixed document properties: excelize's template would say
// "xuri" and 2006, a clock would break reproducibility.
func (wb *workbook) docProps() {
	stamp := fixedDay(wb.o, wb.r).String() + "T00:00:00Z"
	wb.check(wb.f.SetDocProps(&excelize.DocProperties{
		Title:          safetext.Line(wb.o.Title),
		Subject:        safetext.Line(wb.r.Plan.Title.Value),
		Creator:        "plan06",
		LastModifiedBy: "plan06",
		Created:        stamp,
		Modified:       stamp,
		Language:       string(wb.lang),
	}))
}

// cell is the A1 name of column col, row row (both from 1).
func cell(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		panic(err) // columns and rows here are small positive numbers
	}
	return name
}

// colName is the letter name of column col.
func colName(col int) string {
	name, err := excelize.ColumnNumberToName(col)
	if err != nil {
		panic(err)
	}
	return name
}

// quoted is a sheet name as formulas and defined names write it.
func quoted(sheet string) string {
	return "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
}

// str writes text as a string cell: text from the files never becomes a
// formula, whatever it starts with, and carries no control character
// (safetext.Clean; str, merged and block are where every text cell is
// written).
func (wb *workbook) str(sheet string, col, row int, s string, style int) {
	if wb.err != nil {
		return
	}
	s = safetext.Clean(s)
	if rs := wb.rawSheet(sheet); rs != nil {
		// setStr and setStyle on one lookup of the cell.
		wb.rawStr(rs, col, row, s).style = int32(style)
	} else {
		wb.setStr(sheet, col, row, s)
		wb.setStyle(sheet, col, row, col, row, style)
	}
	wb.fit(sheet, row, col, col, s, style)
}

// num writes an integer.
func (wb *workbook) num(sheet string, col, row int, n int, style int) {
	if wb.err != nil {
		return
	}
	if rs := wb.rawSheet(sheet); rs != nil {
		// setInt and setStyle on one lookup of the cell.
		c := rs.cell(col, row)
		rs.setInt(c, n)
		c.style = int32(style)
		return
	}
	wb.setInt(sheet, col, row, n)
	wb.setStyle(sheet, col, row, col, row, style)
}

// float writes a number as the shortest decimal that reads back the same.
func (wb *workbook) float(sheet string, col, row int, x float64, style int) {
	if wb.err != nil {
		return
	}
	wb.setFloat(sheet, col, row, x)
	wb.setStyle(sheet, col, row, col, row, style)
}

// excelEpoch is day 0 of Excel's 1900 date system as it counts from
// 01/03/1900 on (Lotus's phantom 29/02/1900 is why it is not 31/12/1899).
var excelEpoch = dates.MustNew(1899, 12, 30)

// date writes d as a real Excel date (a serial number shown by the date
// style) or, for the zero date, an empty styled cell. The serial is computed
// from the civil day, so no time zone can shift it.
func (wb *workbook) date(sheet string, col, row int, d dates.Date) {
	if d.IsZero() {
		wb.blank(sheet, col, row, wb.st.dateCell)
		return
	}
	wb.num(sheet, col, row, d.Sub(excelEpoch), wb.st.dateCell)
}

// blank styles an empty cell (borders of a table row).
func (wb *workbook) blank(sheet string, col, row int, style int) {
	if wb.err != nil {
		return
	}
	wb.setStyle(sheet, col, row, col, row, style)
}

// merged writes text into columns from..to of row, merged, every cell styled
// (so that borders show across the whole range).
func (wb *workbook) merged(sheet string, from, to, row int, s string, style int) {
	if wb.err != nil {
		return
	}
	s = safetext.Clean(s)
	wb.setStr(sheet, from, row, s)
	if to > from {
		wb.mergeCell(sheet, from, row, to, row)
	}
	wb.setStyle(sheet, from, row, to, row, style)
	wb.fit(sheet, row, from, to, s, style)
}

// widths sets the widths of the columns from A on, in characters.
func (wb *workbook) widths(sheet string, ws ...float64) {
	wb.layout(sheet).widths = ws
	for i, w := range ws {
		c := colName(i + 1)
		wb.xl(func(f *excelize.File) error { return f.SetColWidth(sheet, c, c, w) })
	}
}

// header writes a table's header row: bold, bordered, wrapped, centred.
func (wb *workbook) header(sheet string, row int, labels ...string) {
	for i, l := range labels {
		wb.str(sheet, i+1, row, l, wb.st.head)
	}
}

// tableSheet finishes a sheet that holds one table whose header is row
// head and whose last row is last: the header row frozen, an autofilter
// over the table, printed A4 landscape fitted to the width with the header
// row repeated on every page.
func (wb *workbook) tableSheet(sheet string, head, last, cols int) {
	if wb.err != nil {
		return
	}
	top := cell(1, head+1)
	panes := &excelize.Panes{
		Freeze:      true,
		YSplit:      head,
		TopLeftCell: top,
		ActivePane:  "bottomLeft",
		Selection:   []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
	}
	wb.xl(func(f *excelize.File) error { return f.SetPanes(sheet, panes) })
	// AutoFilter replaces the sheet's properties, so it comes before
	// page setup sets FitToPage in them.
	table := cell(1, head) + ":" + cell(cols, max(last, head))
	wb.xl(func(f *excelize.File) error { return f.AutoFilter(sheet, table, nil) })
	titles := &excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("%s!$%d:$%d", quoted(sheet), head, head),
		Scope:    sheet,
	}
	wb.xl(func(f *excelize.File) error { return f.SetDefinedName(titles) })
	wb.pageSetup(sheet)
	wb.flushHeights(sheet)
}

// pageSetup prints the sheet on A4 landscape, as wide as one page and as
// long as it needs, with the page number in the footer.
func (wb *workbook) pageSetup(sheet string) {
	if wb.err != nil {
		return
	}
	size, orient, one, tall := 9, "landscape", 1, 0
	layout := &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &tall}
	wb.xl(func(f *excelize.File) error { return f.SetPageLayout(sheet, layout) })
	fit := true
	wb.xl(func(f *excelize.File) error {
		return f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit})
	})
	// Decree 30/2020 margins (in inches): 20–25 mm top and bottom, 30–35 mm
	// on the binding side, 15–20 mm on the other.
	top, bottom, left, right, hf := 0.79, 0.79, 0.98, 0.59, 0.3
	center := true
	margins := &excelize.PageLayoutMarginsOptions{
		Top: &top, Bottom: &bottom, Left: &left, Right: &right, Header: &hf, Footer: &hf,
		Horizontally: &center,
	}
	wb.xl(func(f *excelize.File) error { return f.SetPageMargins(sheet, margins) })
	wb.xl(func(f *excelize.File) error {
		return f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: `&C&"Times New Roman,Regular"&11&P/&N`})
	})
}

// unitName is a unit's name, or its id when it has none.
func unitName(u *model.Unit) string {
	if u == nil {
		return ""
	}
	if u.Name.Value != "" {
		return u.Name.Value
	}
	return u.ID.Value
}

// refNames joins with "; " the names of ids as they stand at the
// workbook's day D (SPEC §9): a unit by the name of the unit that holds its
// assignments at D (its successor once it has ended, as the assignments
// are computed), each holder once; a set by its name; an unknown id as is.
func (wb *workbook) refNames(ids []model.Text) string {
	names := make([]string, 0, len(ids))
	var seen map[*model.Unit]bool
	for _, id := range ids {
		if u := wb.ix.UnitAt(id, wb.r.AsOf); u != nil {
			if seen[u] {
				continue
			}
			if seen == nil {
				seen = map[*model.Unit]bool{}
			}
			seen[u] = true
			names = append(names, unitName(u))
			continue
		}
		if s := wb.ix.Set(id.Value); s != nil && s.Name.Value != "" {
			names = append(names, s.Name.Value)
			continue
		}
		names = append(names, id.Value)
	}
	return strings.Join(names, "; ")
}

// dayText prints a day in the workbook's language: dd/mm/yyyy in
// Vietnamese, ISO in English.
func (wb *workbook) dayText(d dates.Date) string {
	if wb.lang == i18n.EN {
		return d.String()
	}
	return d.VN()
}

// dateFormat is the number format of date cells, matching dayText.
func (wb *workbook) dateFormat() string {
	if wb.lang == i18n.EN {
		return "yyyy-mm-dd"
	}
	return "dd/mm/yyyy"
}

// statusText and reportText are the localised state names.
func (wb *workbook) statusText(s status.Status) string { return wb.t("status." + string(s)) }

func (wb *workbook) reportText(s status.ReportState) string { return wb.t("report." + string(s)) }

// taskTitle is the task's title, with its place in the plan document on a
// second line so that the clerk can find it.
func taskTitle(t *model.Task) string {
	if t == nil {
		return ""
	}
	title := t.Title.Value
	if title == "" {
		title = t.ID.Value
	}
	if t.Ref.Value != "" {
		return title + "\n(" + t.Ref.Value + ")"
	}
	return title
}
