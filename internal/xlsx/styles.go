package xlsx

import (
	"github.com/xuri/excelize/v2"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/status"
)

// Font sizes: Decree 30/2020 sets 12–14 pt for the document's header lines;
// tables use 11 pt so that the ten columns of the appendix fit a landscape
// page at a readable scale.
const (
	sizeHeader = 13
	sizeTitle  = 14
	sizeTable  = 11
	// ruleSize is the font of the line under the issuing body (an
	// underlined run of no-break spaces in the 8 pt spacer row).
	ruleSize = 7
)

// styles holds the ids of every cell style of the workbook. They are all
// created up front, in a fixed order, so that style ids are the same on
// every run.
type styles struct {
	// Decree 30 header of the summary sheet.
	authority, issuer, nation, motto, symbol, placeDate int
	// rule draws the short line under the issuing body's name.
	rule                                     int
	doctype, docTitle, period, section, note int
	// Headings above a table sheet's table.
	sheetHeading, sheetSub int

	// Table cells.
	head, text, center, integer, decimal, dateCell int
	groupRow, totalLabel, totalInt                 int
	// Group rows of the summary's count table, by depth (0 bold).
	groupNo, groupName []int
	// Fills by state.
	status        map[status.Status]int
	report        map[status.ReportState]int
	metYes, metNo int
	// dated are the styles of values from an older report, by the
	// report's month, made on demand by newDated (SPEC §8.2 and §5: the
	// value stays a number, its format shows the month).
	dated    map[dates.Month]int
	newDated func(format string) int
}

// Colours (ARGB without alpha) of the status fills: green for done, red for
// overdue and missing, amber for what needs attention, blue for work under
// way, grey for not started or not yet due.
func statusColour(s status.Status) string {
	switch s {
	case status.Done:
		return "C6EFCE"
	case status.Overdue:
		return "FFC7CE"
	case status.Blocked:
		return "F8CBAD"
	case status.AtRisk:
		return "FFEB9C"
	case status.DueSoon:
		return "FFF2CC"
	case status.InProgress:
		return "DDEBF7"
	}
	return "EDEDED"
}

func reportColour(s status.ReportState) string {
	switch s {
	case status.OnTime:
		return "C6EFCE"
	case status.Late:
		return "FFEB9C"
	case status.Missing:
		return "FFC7CE"
	}
	return "EDEDED"
}

// maxGroupDepth bounds the indentation of nested groups in the summary.
const maxGroupDepth = 6

func (wb *workbook) newStyles() *styles {
	st := &styles{
		status: map[status.Status]int{},
		report: map[status.ReportState]int{},
	}
	font := func(size float64, bold, italic bool) *excelize.Font {
		return &excelize.Font{Family: fontName, Size: size, Bold: bold, Italic: italic, Color: "000000"}
	}
	centred := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1},
		{Type: "bottom", Color: "000000", Style: 1},
	}
	fill := func(rgb string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{rgb}}
	}
	mk := func(s *excelize.Style) int {
		id, err := wb.f.NewStyle(s)
		wb.check(err)
		wb.setFont(id, fontOf{size: s.Font.Size, bold: s.Font.Bold,
			wrap: s.Alignment != nil && s.Alignment.WrapText})
		return id
	}
	plain := func(size float64, bold, italic bool, align *excelize.Alignment) int {
		return mk(&excelize.Style{Font: font(size, bold, italic), Alignment: align})
	}

	st.authority = plain(sizeHeader, false, false, centred)
	st.issuer = plain(sizeHeader, true, false, centred)
	st.nation = plain(sizeHeader, true, false, centred)
	rule := font(ruleSize, false, false)
	rule.Underline = "single"
	st.rule = mk(&excelize.Style{Font: rule, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	motto := font(sizeTitle, true, false)
	motto.Underline = "single"
	st.motto = mk(&excelize.Style{Font: motto, Alignment: centred})
	st.symbol = plain(sizeHeader, false, false, centred)
	st.placeDate = plain(sizeHeader, false, true, centred)
	st.doctype = plain(sizeTitle, true, false, centred)
	st.docTitle = plain(sizeTitle, true, false, centred)
	st.period = plain(sizeHeader, false, true, centred)
	st.section = plain(sizeHeader, true, false, &excelize.Alignment{Vertical: "center"})
	st.note = plain(sizeTable, false, true, &excelize.Alignment{Vertical: "top"})
	st.sheetHeading = plain(sizeHeader, true, false, centred)
	st.sheetSub = plain(sizeHeader-1, false, true, centred)

	top := func(h string) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "top", WrapText: true}
	}
	table := func(bold bool, align *excelize.Alignment, numFmt int, custom *string, f excelize.Fill) int {
		return mk(&excelize.Style{
			Font: font(sizeTable, bold, false), Alignment: align, Border: border,
			NumFmt: numFmt, CustomNumFmt: custom, Fill: f,
		})
	}
	st.head = table(true, centred, 0, nil, fill("D9D9D9"))
	st.text = table(false, top("left"), 0, nil, excelize.Fill{})
	st.center = table(false, top("center"), 0, nil, excelize.Fill{})
	st.integer = table(false, top("center"), 1, nil, excelize.Fill{})
	st.decimal = table(false, top("center"), 0, nil, excelize.Fill{})
	st.dated = map[dates.Month]int{}
	st.newDated = func(format string) int { return table(false, top("center"), 0, &format, excelize.Fill{}) }
	df := wb.dateFormat()
	st.dateCell = table(false, top("center"), 0, &df, excelize.Fill{})
	st.groupRow = table(true, &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}, 0, nil, fill("F2F2F2"))
	st.totalLabel = table(true, &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}, 0, nil, excelize.Fill{})
	st.totalInt = table(true, &excelize.Alignment{Horizontal: "center", Vertical: "center"}, 1, nil, excelize.Fill{})
	for d := range maxGroupDepth + 1 {
		// Numbers such as II.2.1 stay on one line.
		st.groupNo = append(st.groupNo, table(d == 0,
			&excelize.Alignment{Horizontal: "center", Vertical: "top"}, 0, nil, excelize.Fill{}))
		st.groupName = append(st.groupName, table(d == 0,
			&excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true, Indent: d}, 0, nil, excelize.Fill{}))
	}
	for _, s := range status.Statuses {
		st.status[s] = table(false, top("center"), 0, nil, fill(statusColour(s)))
	}
	for _, s := range status.ReportStates {
		st.report[s] = table(false, top("center"), 0, nil, fill(reportColour(s)))
	}
	st.metYes = table(false, top("center"), 0, nil, fill(statusColour(status.Done)))
	st.metNo = table(false, top("center"), 0, nil, fill(statusColour(status.Overdue)))
	return st
}

// datedFormat is the number format of a value from the report of month
// m: the number as General shows it (the decimal comma comes from the
// reader's locale, as for every number of the workbook), then the month as
// ValueText prints it: 62,5 (T3/2024).
func datedFormat(label string) string { return `General" (` + label + `)"` }

// statusStyle is the fill of a task or assignment status; an unknown status
// gets the plain centred cell.
func (st *styles) statusStyle(s status.Status) int {
	if id, ok := st.status[s]; ok {
		return id
	}
	return st.center
}

// reportStyle is the fill of a report state.
func (st *styles) reportStyle(s status.ReportState) int {
	if id, ok := st.report[s]; ok {
		return id
	}
	return st.center
}

// groupStyle returns the number and name styles of a group row at depth d.
func (st *styles) groupStyle(d int) (no, name int) {
	d = min(d, maxGroupDepth)
	return st.groupNo[d], st.groupName[d]
}
