package report

import (
	"strconv"
	"strings"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/status"
)

// T is i18n.T in the report's language.
func (rep *Report) T(key string, args ...any) string { return i18n.T(rep.Lang, key, args...) }

// Number prints x as the shortest decimal that reads back the same, with
// the decimal comma in Vietnamese (97,5) and the point in English.
func Number(lang i18n.Lang, x float64) string {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if lang == i18n.EN {
		return s
	}
	return strings.Replace(s, ".", ",", 1)
}

// MonthShort is "T3/2024" in Vietnamese and "2024-03" in English.
func MonthShort(lang i18n.Lang, m dates.Month) string {
	if lang == i18n.EN {
		return m.String()
	}
	return "T" + strconv.Itoa(int(m.Month)) + "/" + strconv.Itoa(m.Year)
}

// Day prints a day: dd/mm/yyyy in Vietnamese, ISO in English.
func Day(lang i18n.Lang, d dates.Date) string {
	if d.IsZero() {
		return ""
	}
	if lang == i18n.EN {
		return d.String()
	}
	return d.VN()
}

// ValueText is a target's value as the report prints it: "62,5", or
// "62,5 (T3/2024)" when it comes from a report older than the cycle; ""
// when there is none.
func (rep *Report) ValueText(t TargetRow) string {
	if t.Value == nil {
		return ""
	}
	s := Number(rep.Lang, *t.Value)
	if t.Old {
		s += " (" + MonthShort(rep.Lang, t.ValueMonth) + ")"
	}
	return s
}

// MetText says whether a target is met: Đạt, Không đạt, Chưa có số liệu
// when a minimum is in force and no value was reported (no data is not a
// failure), and "—" when no minimum is in force.
func (rep *Report) MetText(t TargetRow) string {
	switch {
	case t.Met != nil && *t.Met:
		return rep.T("target.met")
	case t.Met != nil:
		return rep.T("target.not-met")
	case t.Required != nil && t.Value == nil:
		return rep.T("target.no-data")
	}
	return rep.T("xlsx.met.none")
}

// Change prints the difference now − before: "▲ 2", "▼ 1", or "–" for none.
func Change(now, before int) string {
	switch d := now - before; {
	case d > 0:
		return "▲ " + strconv.Itoa(d)
	case d < 0:
		return "▼ " + strconv.Itoa(-d)
	}
	return "–"
}

// CountSentence is the sentence of counts of SPEC §10: "Tổng số 18 nhiệm
// vụ: đã hoàn thành 3 (đúng hạn 2, quá hạn 1); chưa hoàn thành 15 (trong
// hạn 10, quá hạn 5); 5 nhiệm vụ thường xuyên". As in the SPEC's example
// (18 = 3 + 15), the total is the assigned tasks, done and open; the
// standing duties, a class of their own (SPEC §8.1), are counted apart
// after it.
func (rep *Report) CountSentence() string {
	c := rep.Total
	done := c.Of(status.DoneOnTime) + c.Of(status.DoneLate)
	open := c.Of(status.OpenInTime) + c.Of(status.OpenOverdue)
	return rep.T("rpt.count-sentence", rep.counted("rpt.count-total", c.Assigned()),
		done, c.Of(status.DoneOnTime), c.Of(status.DoneLate),
		open, c.Of(status.OpenInTime), c.Of(status.OpenOverdue),
		rep.counted("rpt.count-standing", c.Of(status.Standing)))
}

// counted is the phrase key.one or key.other of n: "1 standing duty",
// "2 standing duties" (Vietnamese says both alike).
func (rep *Report) counted(key string, n int) string {
	if n == 1 {
		return rep.T(key+".one", n)
	}
	return rep.T(key+".other", n)
}

// RecordText is a record cell: "Đ" on time, "C 18/4" late with the day,
// "✗" missing, "" when not owed or still pending.
func (rep *Report) RecordText(c RecordCell) string {
	if !c.Owed {
		return ""
	}
	switch c.State {
	case status.OnTime:
		return rep.T("rpt.record.on-time")
	case status.Late:
		d := ""
		if !c.Submitted.IsZero() {
			_, m, day := c.Submitted.YMD()
			d = " " + strconv.Itoa(day) + "/" + strconv.Itoa(int(m))
		}
		return rep.T("rpt.record.late") + d
	case status.Missing:
		return "✗"
	}
	return ""
}

// LevelText names a level of units for the ranking's headings.
func (rep *Report) LevelText(level string) string {
	key := "rpt.level." + level
	if level == "" || !i18n.Has(key) {
		return rep.T("rpt.level.other")
	}
	return rep.T(key)
}

// OutcomeText is the localised name of an outcome.
func (rep *Report) OutcomeText(o status.Outcome) string { return rep.T("outcome." + string(o)) }

// PlaceDate is "Bắc Giang, ngày 05 tháng 03 năm 2024" (day and month
// padded, as the workbook writes them) or "Bac Giang, 5 March 2024".
func PlaceDate(lang i18n.Lang, place string, d dates.Date) string {
	if d.IsZero() {
		return place
	}
	y, m, day := d.YMD()
	var ds, ms string
	if lang == i18n.EN {
		ds, ms = strconv.Itoa(day), i18n.T(i18n.EN, "xlsx.month."+strconv.Itoa(int(m)))
	} else {
		ds, ms = pad2(day), pad2(int(m))
	}
	if place == "" {
		return i18n.T(lang, "xlsx.date", ds, ms, y)
	}
	return i18n.T(lang, "xlsx.place-date", place, ds, ms, y)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// TaskName is a task's title, or its id when it has none.
func TaskName(t *status.Task) string {
	if t == nil || t.Task == nil {
		return ""
	}
	if s := strings.TrimSpace(t.Task.Title.Value); s != "" {
		return s
	}
	return t.Task.ID.Value
}

// TaskNo is what STT shows for task t (SPEC §8.5: "STT prints group and
// task refs, position only where a ref is absent"): the number its ref
// ends in, a trailing "." and surrounding "( )" removed ("II.1, 1.10"
// prints 1.10, "II.1, 1.1." 1.1, "II.1, (3)" 3, "II.3.2" II.3.2, "II.3.1,
// Nhiệm vụ 2" 2, "IV.1, gạch đầu dòng 3" 3); when the ref ends in words
// alone, its first part if that is a number of the plan's kind ("IV.1,
// điểm a" prints IV.1: the whole ref, printed under the title already,
// would wrap over four lines in the narrow STT column); else pos, its place
// in its group, as for a task without a ref.
func TaskNo(t *status.Task, pos int) string {
	ref := ""
	if t != nil && t.Task != nil {
		ref = strings.TrimSpace(t.Task.Ref.Value)
	}
	parts := strings.Split(ref, ",")
	last := strings.TrimSpace(parts[len(parts)-1])
	last = strings.TrimSpace(strings.TrimSuffix(last, "."))
	if strings.HasPrefix(last, "(") && strings.HasSuffix(last, ")") {
		last = strings.TrimSpace(last[1 : len(last)-1])
	}
	// Words ending in the item's number name it: "Nhiệm vụ 2", "gạch đầu
	// dòng 3" print 2 and 3, as the plan numbers them.
	if w := strings.Fields(last); len(w) > 1 && isNumber(w[len(w)-1]) {
		last = w[len(w)-1]
	}
	if isNumber(last) {
		return last
	}
	if first := strings.TrimSpace(parts[0]); len(parts) > 1 && isNumber(first) {
		return first
	}
	return strconv.Itoa(pos)
}

// isNumber reports whether s is a dotted number of the plan's kind: parts
// of digits or Roman numerals joined by dots ("1.10", "II.3.2", "IV").
func isNumber(s string) bool {
	if s == "" || len(s) > 12 {
		return false
	}
	for _, part := range strings.Split(s, ".") {
		if part == "" {
			return false
		}
		digits := strings.Trim(part, "0123456789") == ""
		roman := strings.Trim(part, "IVXLC") == ""
		if !digits && !roman {
			return false
		}
	}
	return true
}
