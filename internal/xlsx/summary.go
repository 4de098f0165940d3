package xlsx

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/report"
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

// summary writes the summary sheet (Tổng hợp): the outcome table by group,
// the same counts at the previous compile day with the change, the
// reporting counts, the targets and the chart (SPEC §8.5).
func (wb *workbook) summary(sheet string) {
	wb.widths(sheet, wb.valueWidth(summaryWidths, 7)...)
	row := wb.decreeHeader(sheet)

	// Each part keeps its title with its table; a part starts a new page
	// only when it would not fit on what is left of the page (pages.go).
	var keeps []keep
	row++
	start := row
	wb.str(sheet, 1, row, wb.t("xlsx.sec.tasks"), wb.st.section)
	row = wb.outcomeTable(sheet, row+1, false)
	keeps = append(keeps, keep{from: start, to: row, lead: 4})
	// The seven statuses beside the outcomes (SPEC §5 "task counts by
	// status", §8.1 "outcomes sit beside the seven statuses"): one row of
	// counts, so that Tổng hợp keeps to its pages.
	row += 2
	start = row
	wb.str(sheet, 1, row, wb.t("xlsx.sec.statuses"), wb.st.section)
	row = wb.statusTable(sheet, row+1)
	keeps = append(keeps, keep{from: start, to: row, lead: 3})
	if !wb.rep.PrevDay.IsZero() {
		row += 2
		start = row
		wb.str(sheet, 1, row, wb.t("xlsx.sec.previous", wb.dayText(wb.rep.PrevDay)), wb.st.section)
		row = wb.outcomeTable(sheet, row+1, true)
		keeps = append(keeps, keep{from: start, to: row, lead: 4})
	}

	row += 2
	start = row
	wb.str(sheet, 1, row, wb.t("xlsx.sec.reports", wb.dayText(wb.r.Cycle.Deadline)), wb.st.section)
	row = wb.reportTable(sheet, row+1)
	keeps = append(keeps, keep{from: start, to: row, lead: 3})

	row += 2
	start = row
	wb.str(sheet, 1, row, wb.t("xlsx.sec.targets"), wb.st.section)
	var blocks []int
	if wb.rep.ManyTargets() {
		row = wb.targetCounts(sheet, row+1)
	} else {
		row, blocks = wb.targetTable(sheet, row+1)
	}
	keeps = append(keeps, keep{from: start, to: row, lead: 3, blocks: blocks})

	row += 2
	start = row
	if last := wb.chart(sheet, row+1); last > 0 {
		wb.str(sheet, 1, row, wb.t("xlsx.sec.chart"), wb.st.section)
		// The chart floats under its table from the row after next.
		keeps = append(keeps, keep{from: start, to: last + 1, lead: 4, extra: chartHeight*0.75 + 8})
	}
	wb.pageSetup(sheet)
	wb.flushHeights(sheet)
	wb.paginate(sheet, keeps, summaryPages)
}

// pageBreak starts a new printed page at row.
func (wb *workbook) pageBreak(sheet string, row int) {
	if wb.err == nil {
		at := cell(1, row)
		wb.xl(func(f *excelize.File) error { return f.InsertPageBreak(sheet, at) })
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
	// Decree 30/2020, Phụ lục I: a short solid line under the issuing
	// body's name, a third to a half of its length, centred: an underlined
	// run of no-break spaces in the small font of the spacer row (or of the
	// empty second row when the issuing body stands alone).
	if issuer := upper(h.Issuer.Value); issuer != "" {
		ruleRow := 3
		if left[1].text == "" {
			ruleRow = 2
		}
		n := min(max(utf8.RuneCountInString(issuer)*7/4, 14), 84)
		wb.merged(sheet, leftFrom, leftTo, ruleRow, strings.Repeat("\u00a0", n), wb.st.rule)
	}

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

// Columns of the outcome table: E the total, F–I the four classes of
// assigned tasks, J the standing duties.
const (
	totalCol   = countCol
	outcomeCol = countCol + 1
)

// outcomeHeader writes the two-row merged header of the outcome table:
// STT | Nhóm nhiệm vụ | Tổng số | Đã hoàn thành: Đúng hạn, Quá hạn | Chưa
// hoàn thành: Trong hạn, Quá hạn | Thường xuyên.
func (wb *workbook) outcomeHeader(sheet string, head int) {
	wb.rect(sheet, 1, head, 1, head+1, wb.t("xlsx.col.no"), wb.st.head)
	wb.rect(sheet, 2, head, countCol-1, head+1, wb.t("xlsx.col.group"), wb.st.head)
	wb.rect(sheet, totalCol, head, totalCol, head+1, wb.t("xlsx.col.total"), wb.st.head)
	wb.rect(sheet, outcomeCol, head, outcomeCol+1, head, wb.t("xlsx.col.done"), wb.st.head)
	wb.rect(sheet, outcomeCol+2, head, outcomeCol+3, head, wb.t("xlsx.col.open"), wb.st.head)
	wb.rect(sheet, outcomeCol+4, head, outcomeCol+4, head+1, wb.t("xlsx.col.standing"), wb.st.head)
	for k, key := range []string{"xlsx.col.on-time", "xlsx.col.late", "xlsx.col.in-time", "xlsx.col.overdue"} {
		wb.str(sheet, outcomeCol+k, head+1, wb.t(key), wb.st.head)
	}
}

// outcomeTable writes the tasks by group and outcome from row head on and
// returns its last row: each group's row counts its own tasks and its
// descendants' (indented under it), the total row every task once. With
// prev it writes the counts at the previous compile day instead, and a
// last row with the change of each total (▲ 2, ▼ 1).
func (wb *workbook) outcomeTable(sheet string, head int, prev bool) int {
	wb.outcomeHeader(sheet, head)
	row := head + 1
	counts := func(g report.Group) report.Counts {
		if prev {
			return g.Prev
		}
		return g.Now
	}
	for _, g := range wb.rep.Groups {
		row++
		no, name := wb.st.groupStyle(g.Depth)
		wb.str(sheet, 1, row, g.Label, no)
		wb.merged(sheet, 2, countCol-1, row, g.Title, name)
		wb.countRow(sheet, row, counts(g), wb.st.integer)
	}
	row++
	total := wb.rep.Total
	if prev {
		total = wb.rep.Prev
	}
	wb.merged(sheet, 1, countCol-1, row, wb.t("xlsx.row.total"), wb.st.totalLabel)
	wb.countRow(sheet, row, total, wb.st.totalInt)
	if prev {
		row++
		wb.merged(sheet, 1, countCol-1, row, wb.t("xlsx.row.change"), wb.st.totalLabel)
		now, before := wb.rep.Total, wb.rep.Prev
		wb.str(sheet, totalCol, row, report.Change(now.Assigned(), before.Assigned()), wb.st.totalLabel)
		for k := range status.Outcomes {
			wb.str(sheet, outcomeCol+k, row, report.Change(now.By[k], before.By[k]), wb.st.totalLabel)
		}
	}
	return row
}

// countRow writes a total and the five outcome counts.
func (wb *workbook) countRow(sheet string, row int, c report.Counts, style int) {
	// Tổng số counts the tasks with a deadline, as the signed report's
	// count sentence does; standing duties have their own column.
	wb.num(sheet, totalCol, row, c.Assigned(), style)
	for k, n := range c.By {
		wb.num(sheet, outcomeCol+k, row, n, style)
	}
}

// rect writes text into the rectangle from (c1, r1) to (c2, r2), merged,
// every cell styled.
func (wb *workbook) rect(sheet string, c1, r1, c2, r2 int, s string, style int) {
	if wb.err != nil {
		return
	}
	wb.setStr(sheet, c1, r1, s)
	if c1 != c2 || r1 != r2 {
		wb.mergeCell(sheet, c1, r1, c2, r2)
	}
	wb.setStyle(sheet, c1, r1, c2, r2, style)
	wb.fit(sheet, r1, c1, c2, s, style)
}

// statusTable writes the tasks' counts by status at D: one row of counts
// under the seven statuses, in rule order, and the total.
func (wb *workbook) statusTable(sheet string, head int) int {
	heads := make([]string, len(status.Statuses))
	counts := make([]int, len(status.Statuses))
	for k, st := range status.Statuses {
		heads[k] = wb.statusText(st)
	}
	for _, t := range wb.r.Tasks {
		if k := slices.Index(status.Statuses, t.Status); k >= 0 {
			counts[k]++
		}
	}
	return wb.countsRow(sheet, head, "xlsx.col.task-status", "xlsx.row.tasks", heads, counts, len(wb.r.Tasks))
}

// reportTable writes the cycle's reporting counts: one row of counts under
// the report states and the total.
func (wb *workbook) reportTable(sheet string, head int) int {
	heads := make([]string, len(status.ReportStates))
	counts := make([]int, len(status.ReportStates))
	for k, st := range status.ReportStates {
		heads[k] = wb.reportText(st)
	}
	for _, u := range wb.r.Units {
		if k := slices.Index(status.ReportStates, u.State); k >= 0 {
			counts[k]++
		}
	}
	return wb.countsRow(sheet, head, "xlsx.col.report-state", "xlsx.row.units", heads, counts, len(wb.r.Units))
}

// countsRow writes a two-row table at head: the label keyed headKey over
// A:D, then heads and a total column; under them the row labelled rowKey
// with counts and total. It returns the table's last row.
func (wb *workbook) countsRow(sheet string, head int, headKey, rowKey string, heads []string, counts []int, total int) int {
	wb.merged(sheet, 1, countCol-1, head, wb.t(headKey), wb.st.head)
	for k, h := range heads {
		wb.str(sheet, countCol+k, head, h, wb.st.head)
		wb.num(sheet, countCol+k, head+1, counts[k], wb.st.integer)
	}
	col := countCol + len(heads)
	wb.str(sheet, col, head, wb.t("xlsx.col.total"), wb.st.head)
	wb.merged(sheet, 1, countCol-1, head+1, wb.t(rowKey), wb.st.totalLabel)
	wb.num(sheet, col, head+1, total, wb.st.totalInt)
	return head + 1
}

// targetTable writes one row per target and assignment: the task, the
// target, the unit, the target's measure, the minimum in force at the
// as-of day, the value the unit reported and whether it meets the minimum.
// The task and the target are written once for their rows, in cells merged
// down them, as Vietnamese report tables do.
//
//	A STT | B task | C target | D unit | E measure | F required | G value | H met
//
// It returns the last row, and the first row of each task's rows, where a
// page is better broken.
func (wb *workbook) targetTable(sheet string, head int) (int, []int) {
	var blocks []int
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
					tr := report.TargetRow{Required: ts.Required, Value: ts.Value, ValueMonth: ts.ValueMonth, Met: ts.Met,
						Old: ts.Value != nil && ts.ValueMonth != (dates.Month{}) && ts.ValueMonth.Compare(wb.r.Cycle.Month) < 0}
					if tr.Old {
						// A value from an older report carries its month
						// (SPEC §8.2) in its number format, and stays a
						// number (§5): 62,5 (T3/2024).
						wb.float(sheet, 7, row, *ts.Value, wb.datedStyle(ts.ValueMonth))
					} else {
						wb.optFloat(sheet, 7, row, ts.Value)
					}
					met := wb.rep.MetText(tr)
					switch {
					case ts.Met != nil && *ts.Met:
						wb.str(sheet, 8, row, met, wb.st.metYes)
					case ts.Met != nil:
						wb.str(sheet, 8, row, met, wb.st.metNo)
					default:
						wb.str(sheet, 8, row, met, wb.st.center)
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
			blocks = append(blocks, taskFirst)
		}
	}
	if n == 0 {
		row++
		wb.str(sheet, 1, row, wb.t("xlsx.targets.none"), wb.st.note)
	}
	return row, blocks
}

// targetCounts writes, in place of a targets table too long for a
// summary, the count of rows per target and level of units (met, not met,
// no data, no minimum in force), and says where the rows are.
//
//	A STT | B task | C target | D level | E met | F not met | G no data | H no minimum
func (wb *workbook) targetCounts(sheet string, head int) int {
	wb.header(sheet, head, wb.t("xlsx.col.no"), wb.t("xlsx.col.task"), wb.t("xlsx.col.target"),
		wb.t("xlsx.col.level"), wb.t("target.met"), wb.t("target.not-met"), wb.t("target.no-data"),
		wb.t("xlsx.col.no-min"))
	row := head
	for i, c := range wb.rep.TargetCounts {
		row++
		wb.num(sheet, 1, row, i+1, wb.st.center)
		wb.str(sheet, 2, row, taskTitle(c.Task.Task), wb.st.text)
		name := c.Target.Name.Value
		if name == "" {
			name = c.Target.ID.Value
		}
		wb.str(sheet, 3, row, name, wb.st.text)
		wb.str(sheet, 4, row, wb.rep.LevelText(c.Level), wb.st.text)
		for k, n := range []int{c.Met, c.NotMet, c.NoData, c.NoMin} {
			wb.num(sheet, 5+k, row, n, wb.st.integer)
		}
	}
	row++
	wb.str(sheet, 1, row, wb.t("xlsx.targets.moved", len(wb.rep.Targets), wb.t("xlsx.sheet.targets")), wb.st.note)
	return row
}

// targetSheet writes every target row on a sheet of its own (Chỉ tiêu),
// when there are too many for the summary.
func (wb *workbook) targetSheet(sheet string) {
	ws := wb.valueWidth([]float64{7, 40, 30, 28, 10, 11, 14, 16}, 7)
	wb.widths(sheet, ws...)
	wb.sheetHeading(sheet, len(ws), wb.t("xlsx.targets.heading"), wb.t("xlsx.overdue.sub", wb.dayText(wb.r.AsOf)))
	last, _ := wb.targetTable(sheet, tableHead)
	wb.tableSheet(sheet, tableHead, last, len(ws))
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

// valueWidth returns ws with the target value's column col (1-based)
// widened to fit the widest value from an older report: its month is in
// the number format, and a number that does not fit its column prints as
// ### where a text would spill or wrap.
func (wb *workbook) valueWidth(ws []float64, col int) []float64 {
	need := 0.0
	for _, tr := range wb.rep.Targets {
		if tr.Old && tr.Value != nil {
			need = max(need, float64(utf8.RuneCountInString(wb.rep.ValueText(tr)))+2)
		}
	}
	if need <= ws[col-1] {
		return ws
	}
	out := slices.Clone(ws)
	out[col-1] = need
	return out
}

// datedStyle is the style of a value from the report of month m, made the
// first time a value of m is written.
func (wb *workbook) datedStyle(m dates.Month) int {
	if id, ok := wb.st.dated[m]; ok {
		return id
	}
	id := wb.st.newDated(datedFormat(report.MonthShort(wb.lang, m)))
	wb.st.dated[m] = id
	return id
}

// chartHeader writes the one-row header of the chart's data: STT | Nhóm
// nhiệm vụ | Tổng số, then each outcome's full name. The legend names the
// series by these cells, so each must say the whole class: under the
// outcome table's two-row header two columns read "Quá hạn" alone, and
// the legend showed "Quá hạn" twice.
func (wb *workbook) chartHeader(sheet string, head int) {
	wb.rect(sheet, 1, head, 1, head, wb.t("xlsx.col.no"), wb.st.head)
	wb.rect(sheet, 2, head, countCol-1, head, wb.t("xlsx.col.group"), wb.st.head)
	wb.rect(sheet, totalCol, head, totalCol, head, wb.t("xlsx.col.total"), wb.st.head)
	for k, o := range status.Outcomes {
		wb.rect(sheet, outcomeCol+k, head, outcomeCol+k, head, wb.t("outcome."+string(o)), wb.st.head)
	}
}

// chart writes the chart's data, one row per leaf group that holds tasks
// (SPEC §8.5: "leaf groups only, labelled by ref"), labelled by its ref,
// and under it a stacked column chart of it: one column per group, one
// series per outcome. A parent's bar would count its children's tasks
// twice over, and empty groups are bars of nothing; the tasks a parent
// holds outside its children are in the outcome table above, not in the
// chart. It returns the data's last row, 0 when there is no chart.
func (wb *workbook) chart(sheet string, head int) int {
	var leaves []report.Group
	for _, g := range wb.rep.Groups {
		if g.Leaf && g.Own.Total > 0 {
			leaves = append(leaves, g)
		}
	}
	if wb.err != nil || len(leaves) == 0 {
		return 0
	}
	wb.chartHeader(sheet, head)
	row := head
	for _, g := range leaves {
		row++
		wb.str(sheet, 1, row, g.Label, wb.st.groupNo[1])
		wb.merged(sheet, 2, countCol-1, row, g.Title, wb.st.groupName[1])
		wb.countRow(sheet, row, g.Own, wb.st.integer)
	}
	first, last := head+1, row
	q := quoted(sheet)
	font := &excelize.Font{Family: fontName, Size: 10, Color: "000000"}
	var series []excelize.ChartSeries
	for k, o := range status.Outcomes {
		c := colName(outcomeCol + k)
		// A series is named by its column's header cell, the outcome's
		// full name (chartHeader).
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$%s$%d", q, c, head),
			Categories: fmt.Sprintf("%s!$A$%d:$A$%d", q, first, last),
			Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", q, c, first, c, last),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{chartColour(o)}},
		})
	}
	most := 0
	for _, g := range leaves {
		most = max(most, g.Own.Total)
	}
	zero, vary := 0.0, false
	wb.check(wb.f.AddChart(sheet, cell(1, last+2), &excelize.Chart{
		Type:       excelize.ColStacked,
		Series:     series,
		VaryColors: &vary,
		Dimension:  excelize.ChartDimension{Width: 960, Height: chartHeight},
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
	return last
}

// chartHeight is the chart's height in pixels.
const chartHeight = 420

// chartColour is an outcome's colour, deep enough to read as a bar: greens
// for done, blue for open in time, red for overdue, grey for standing.
func chartColour(o status.Outcome) string {
	switch o {
	case status.DoneOnTime:
		return "63BE7B"
	case status.DoneLate:
		return "C9E4B4"
	case status.OpenInTime:
		return "5B9BD5"
	case status.OpenOverdue:
		return "E0474C"
	}
	return "A5A5A5"
}
