package xlsx

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
)

// The summary sheet's columns serve three tables without merging cells row
// by row (excelize's cost grows with rows × merged ranges, and the targets
// table has a row per assignment):
//
//	        A    B        C          D        E…K        L
//	status  STT  group (B:D merged)           7 statuses total
//	reports state (A:D merged)                E…H states, I total
//	targets STT  task     target     unit     E measure, F required, G value, H met
var summaryWidths = []float64{7, 33, 24, 22, 11, 11, 11, 11, 11, 11, 11, 10}

const (
	summaryCols = 12
	// The Decree 30 header: the issuing body on the left over columns A–C,
	// the national motto on the right over D–L.
	leftFrom, leftTo   = 1, 3
	rightFrom, rightTo = 4, summaryCols
	// The first column of counts in the status and report tables.
	countCol = 5
)

// summary writes the summary sheet (Tổng hợp).
func (wb *workbook) summary(sheet string) {
	wb.widths(sheet, summaryWidths...)
	row := wb.decreeHeader(sheet)

	row++
	wb.str(sheet, 1, row, wb.t("xlsx.sec.tasks"), wb.st.section)
	row = wb.statusTable(sheet, row+1)

	row += 2
	wb.str(sheet, 1, row, wb.t("xlsx.sec.reports", wb.dayText(wb.r.Cycle.Deadline)), wb.st.section)
	row = wb.reportTable(sheet, row+1)

	// The targets table and the chart each start a page: the first page
	// is the report itself, and a table split under a chart (or a chart
	// split across pages) reads badly.
	row += 2
	wb.pageBreak(sheet, row)
	wb.str(sheet, 1, row, wb.t("xlsx.sec.targets"), wb.st.section)
	row = wb.targetTable(sheet, row+1)

	row += 2
	wb.pageBreak(sheet, row)
	wb.str(sheet, 1, row, wb.t("xlsx.sec.chart"), wb.st.section)
	wb.chart(sheet, row+1)
	wb.pageSetup(sheet)
	wb.flushHeights(sheet)
}

// pageBreak starts a new printed page at row.
func (wb *workbook) pageBreak(sheet string, row int) {
	if wb.err == nil {
		wb.check(wb.f.InsertPageBreak(sheet, cell(1, row)))
	}
}

// decreeHeader writes the header of Decree 30/2020, Phụ lục I, and returns
// its last row:
//
//	UBND TỈNH BẮC GIANG           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
//	TỔ CÔNG TÁC ĐỀ ÁN 06              Độc lập - Tự do - Hạnh phúc
//	Số:      /BC-TCT           Bắc Giang, ngày 15 tháng 3 năm 2024
//	                          BÁO CÁO
//	        Kết quả thực hiện Đề án 06 tháng 3 năm 2024
//	   (Số liệu tính từ ngày 15/02/2024 đến ngày 14/03/2024)
func (wb *workbook) decreeHeader(sheet string) int {
	h := wb.r.Plan.Header
	upper := func(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }
	// Without a parent body the issuing body stands alone on the first line.
	type line struct {
		text  string
		style int
	}
	left := []line{{upper(h.Authority.Value), wb.st.authority}, {upper(h.Issuer.Value), wb.st.issuer}}
	if left[0].text == "" {
		left = []line{left[1], {"", wb.st.authority}}
	}
	right := []line{{wb.t("xlsx.nation"), wb.st.nation}, {wb.t("xlsx.motto"), wb.st.motto}}
	for i := range 2 {
		row := 1 + i
		wb.merged(sheet, leftFrom, leftTo, row, left[i].text, left[i].style)
		wb.merged(sheet, rightFrom, rightTo, row, right[i].text, right[i].style)
	}
	wb.height(sheet, 3, 8)

	symbol := wb.t("xlsx.symbol.none")
	if s := strings.TrimSpace(h.Symbol.Value); s != "" {
		symbol = wb.t("xlsx.symbol", s)
	}
	wb.merged(sheet, leftFrom, leftTo, 4, symbol, wb.st.symbol)
	wb.merged(sheet, rightFrom, rightTo, 4, wb.placeDate(strings.TrimSpace(h.Place.Value), wb.o.Day), wb.st.placeDate)
	wb.height(sheet, 5, 10)

	wb.merged(sheet, 1, summaryCols, 6, wb.t("xlsx.doctype"), wb.st.doctype)
	wb.merged(sheet, 1, summaryCols, 7, wb.o.Title, wb.st.docTitle)
	period := ""
	if !wb.o.PeriodFrom.IsZero() || !wb.o.PeriodTo.IsZero() {
		period = wb.t("xlsx.period", wb.dayText(wb.o.PeriodFrom), wb.dayText(wb.o.PeriodTo))
	}
	wb.merged(sheet, 1, summaryCols, 8, period, wb.st.period)
	return 9
}

// placeDate is "Bắc Giang, ngày 05 tháng 3 năm 2024". Decree 30/2020 pads
// days under 10 and the months 1 and 2 with a zero (so that nobody can turn
// "1" into "11" or "12"); other months are written as they are.
func (wb *workbook) placeDate(place string, d dates.Date) string {
	if d.IsZero() {
		return place
	}
	y, m, day := d.YMD()
	var ds, ms string
	if wb.lang == i18n.EN {
		ds, ms = fmt.Sprint(day), monthWord(i18n.EN, int(m))
	} else {
		// SPEC §5 writes "ngày 15 tháng 03 năm 2024": day and month always
		// take two digits (Decree 30 requires the padding at least for
		// days under 10 and months 1–2, so this satisfies both).
		ds = fmt.Sprintf("%02d", day)
		ms = fmt.Sprintf("%02d", int(m))
	}
	if place == "" {
		return wb.t("xlsx.date", ds, ms, y)
	}
	return wb.t("xlsx.place-date", place, ds, ms, y)
}

// statusTable writes the task counts by group and status from row head on
// and returns its last row. A group's row counts its own tasks and those of
// its descendants (indented under it); the total row counts every task once.
func (wb *workbook) statusTable(sheet string, head int) int {
	wb.str(sheet, 1, head, wb.t("xlsx.col.no"), wb.st.head)
	wb.merged(sheet, 2, countCol-1, head, wb.t("xlsx.col.group"), wb.st.head)
	for k, s := range status.Statuses {
		wb.str(sheet, countCol+k, head, wb.statusText(s), wb.st.head)
	}
	wb.str(sheet, countCol+len(status.Statuses), head, wb.t("xlsx.col.total"), wb.st.head)
	wb.statusHead = head
	row := head
	for _, g := range wb.groupRows() {
		row++
		no, name := wb.st.groupStyle(g.Depth)
		wb.str(sheet, 1, row, g.Label, no)
		wb.merged(sheet, 2, countCol-1, row, g.Title, name)
		for k, n := range g.Counts {
			wb.num(sheet, countCol+k, row, n, wb.st.integer)
		}
		wb.num(sheet, countCol+len(g.Counts), row, g.Total, wb.st.integer)
	}
	row++
	all := make([]int, len(wb.r.Tasks))
	for i := range all {
		all[i] = i
	}
	counts := wb.countTasks(all)
	wb.merged(sheet, 1, countCol-1, row, wb.t("xlsx.row.total"), wb.st.totalLabel)
	for k, n := range counts {
		wb.num(sheet, countCol+k, row, n, wb.st.totalInt)
	}
	return row
}

// reportTable writes the cycle's reporting counts: one row of counts under
// the report states and the total.
func (wb *workbook) reportTable(sheet string, head int) int {
	wb.merged(sheet, 1, countCol-1, head, wb.t("xlsx.col.report-state"), wb.st.head)
	counts := make([]int, len(status.ReportStates))
	for _, u := range wb.r.Units {
		for k, s := range status.ReportStates {
			if u.State == s {
				counts[k]++
			}
		}
	}
	for k, s := range status.ReportStates {
		wb.str(sheet, countCol+k, head, wb.reportText(s), wb.st.head)
		wb.num(sheet, countCol+k, head+1, counts[k], wb.st.integer)
	}
	total := countCol + len(status.ReportStates)
	wb.str(sheet, total, head, wb.t("xlsx.col.total"), wb.st.head)
	wb.merged(sheet, 1, countCol-1, head+1, wb.t("xlsx.row.units"), wb.st.totalLabel)
	wb.num(sheet, total, head+1, len(wb.r.Units), wb.st.totalInt)
	return head + 1
}

// targetTable writes one row per target and assignment: the task, the
// target, the unit, the target's measure, the minimum in force at the
// as-of day, the value the unit reported and whether it meets the minimum.
// The task and the target are written once for their rows, in cells merged
// down them, as Vietnamese report tables do.
//
//	A STT | B task | C target | D unit | E measure | F required | G value | H met
func (wb *workbook) targetTable(sheet string, head int) int {
	wb.header(sheet, head, wb.t("xlsx.col.no"), wb.t("xlsx.col.task"), wb.t("xlsx.col.target"),
		wb.t("xlsx.col.unit"), wb.t("xlsx.col.measure"), wb.t("xlsx.col.required"),
		wb.t("xlsx.col.value"), wb.t("xlsx.col.met"))
	row, n := head, 0
	for _, t := range wb.r.Tasks {
		taskFirst := row + 1
		for _, id := range targetIDs(t) {
			first := row + 1
			var target *model.Target
			for _, a := range t.Assignments {
				for _, ts := range a.Targets {
					if ts.Target == nil || ts.Target.ID.Value != id {
						continue
					}
					target = ts.Target
					row++
					n++
					wb.num(sheet, 1, row, n, wb.st.center)
					wb.str(sheet, 4, row, unitName(a.Unit), wb.st.text)
					wb.optFloat(sheet, 6, row, ts.Required)
					wb.optFloat(sheet, 7, row, ts.Value)
					switch {
					case ts.Met == nil:
						wb.str(sheet, 8, row, wb.t("xlsx.met.none"), wb.st.center)
					case *ts.Met:
						wb.str(sheet, 8, row, wb.t("xlsx.met.yes"), wb.st.metYes)
					default:
						wb.str(sheet, 8, row, wb.t("xlsx.met.no"), wb.st.metNo)
					}
				}
			}
			if target == nil {
				continue
			}
			name := target.Name.Value
			if name == "" {
				name = target.ID.Value
			}
			wb.block(sheet, 3, first, row, name, wb.st.text)
			wb.block(sheet, 5, first, row, target.Unit.Value, wb.st.center)
		}
		if row >= taskFirst {
			wb.block(sheet, 2, taskFirst, row, taskTitle(t.Task), wb.st.text)
		}
	}
	if n == 0 {
		row++
		wb.str(sheet, 1, row, wb.t("xlsx.targets.none"), wb.st.note)
	}
	return row
}

// targetIDs lists the ids of t's targets in the plan's order, then any
// that only the assignments name.
func targetIDs(t status.Task) []string {
	var ids []string
	if t.Task != nil {
		for _, tg := range t.Task.Targets {
			ids = append(ids, tg.ID.Value)
		}
	}
	for _, a := range t.Assignments {
		for _, ts := range a.Targets {
			if ts.Target != nil && !slices.Contains(ids, ts.Target.ID.Value) {
				ids = append(ids, ts.Target.ID.Value)
			}
		}
	}
	return slices.Compact(ids)
}

// optFloat writes a number, or an empty bordered cell for none.
func (wb *workbook) optFloat(sheet string, col, row int, x *float64) {
	if x == nil {
		wb.blank(sheet, col, row, wb.st.decimal)
		return
	}
	wb.float(sheet, col, row, *x, wb.st.decimal)
}

// chart draws a stacked column chart of the status table: one column per
// group (its subtree, like the table's row), one series per status, in the
// status colours.
func (wb *workbook) chart(sheet string, at int) {
	groups := wb.groupRows()
	if wb.err != nil || len(groups) == 0 {
		return
	}
	head := wb.statusHead
	first, last := head+1, head+len(groups)
	q := quoted(sheet)
	font := &excelize.Font{Family: fontName, Size: 10, Color: "000000"}
	var series []excelize.ChartSeries
	for k, s := range status.Statuses {
		c := colName(countCol + k)
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$%s$%d", q, c, head),
			Categories: fmt.Sprintf("%s!$B$%d:$B$%d", q, first, last),
			Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", q, c, first, c, last),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{chartColour(s)}},
		})
	}
	most := 0
	for _, g := range groups {
		most = max(most, g.Total)
	}
	zero, vary := 0.0, false
	wb.check(wb.f.AddChart(sheet, cell(1, at), &excelize.Chart{
		Type:       excelize.ColStacked,
		Series:     series,
		VaryColors: &vary,
		Dimension:  excelize.ChartDimension{Width: 960, Height: 420},
		Format:     excelize.GraphicOptions{ScaleX: 1, ScaleY: 1, OffsetX: 4, OffsetY: 4},
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{
			Text: wb.t("xlsx.chart.title"),
			Font: &excelize.Font{Family: fontName, Size: 12, Bold: true, Color: "000000"},
		}}},
		Legend: excelize.ChartLegend{Position: "bottom", Font: font},
		XAxis:  excelize.ChartAxis{Font: *font},
		YAxis: excelize.ChartAxis{
			Font: *font, MajorGridLines: true, Minimum: &zero,
			MajorUnit: math.Max(1, math.Ceil(float64(most)/10)),
			NumFmt:    excelize.ChartNumFmt{CustomNumFmt: "0"},
			Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{
				Text: wb.t("xlsx.chart.axis"), Font: font,
			}}},
		},
		PlotArea: excelize.ChartPlotArea{NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}},
	}))
}

// chartColour is a status colour deep enough to read as a bar; the cell
// fills are too pale for a chart.
func chartColour(s status.Status) string {
	switch s {
	case status.Done:
		return "63BE7B"
	case status.Overdue:
		return "E0474C"
	case status.Blocked:
		return "ED7D31"
	case status.AtRisk:
		return "FFC000"
	case status.DueSoon:
		return "FFE699"
	case status.InProgress:
		return "5B9BD5"
	}
	return "BFBFBF"
}
