package docx

import (
	"strings"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/report"
)

// Remind returns the standing office's reminder (văn bản đôn đốc, SPEC
// §10) as a docx package dated day.
func Remind(rm *report.Reminder, day dates.Date) ([]byte, error) {
	r := rm.Result
	p := r.Plan
	w := &writer{lang: rm.Lang}
	w.header(p, day, w.t("remind.subject"))

	var to []Para
	to = append(to, Para{Runs: []Run{{Text: w.t("remind.to")}}, Align: Left, NoIndent: true, Before: 12})
	// Decree 30/2020 ends each line of a list with ";" and the last with ".".
	for i, u := range rm.Recipients {
		end := ";"
		if i == len(rm.Recipients)-1 {
			end = "."
		}
		to = append(to, Para{Runs: []Run{{Text: "- " + report.UnitName(u) + end}}, Align: Left, NoIndent: true})
	}
	if len(rm.Recipients) == 0 {
		to = append(to, Para{Runs: []Run{{Text: w.t("remind.nobody")}}, Align: Left, NoIndent: true})
	}
	w.d.Table(Table{Widths: []int{2268, TextWidth - 2268}, Rows: [][]Cell{{
		{Paras: []Para{{Runs: []Run{{Text: ""}}, NoIndent: true}}},
		{Paras: to},
	}}})

	w.body(rm.Intro())
	if rm.Empty() {
		w.body(w.t("remind.none"))
	}
	n := 0
	if len(rm.Missing) > 0 {
		n++
		w.heading(w.t("remind.missing.head", n))
		for _, u := range rm.Missing {
			w.body("- " + report.UnitName(u.Unit) + ".")
		}
	}
	if len(rm.Late) > 0 {
		n++
		w.heading(w.t("remind.late.head", n))
		for _, u := range rm.Late {
			w.body("- " + w.t("remind.late.item", report.UnitName(u.Unit), report.Day(w.lang, u.Submitted), u.Submitted.Sub(r.Cycle.Deadline)))
		}
	}
	if len(rm.Overdue) > 0 {
		n++
		w.heading(w.t("remind.overdue.head", n))
		for _, uo := range rm.Overdue {
			w.d.P(Para{Runs: []Run{{Text: report.UnitName(uo.Unit) + ":", Italic: true}}, Before: 6, Keep: true})
			for _, it := range uo.Items {
				w.body("- " + rm.ItemText(it) + ".")
			}
		}
	}
	if !rm.Empty() {
		w.body(w.t("remind.closing"))
	}
	issuer := strings.TrimSpace(p.Header.Issuer.Value)
	w.closingRemind(issuer)
	return w.d.Bytes(Meta{Title: w.t("remind.subject"), Subject: p.Title.Value, Language: string(w.lang), Day: day})
}

// closingRemind writes "Nơi nhận: - Như trên; - Lưu: VT." and, on the
// right, the issuing body, with room for the signature: the files name no
// signer for the standing office, so none is invented.
func (w *writer) closingRemind(issuer string) {
	left := []Para{
		{Runs: []Run{{Text: w.t("docx.recipients"), Bold: true, Italic: true, Size: 12}}, Align: Left, NoIndent: true, Before: 12},
		{Runs: []Run{{Text: "- " + w.t("remind.as-above") + ";", Size: 11}}, Align: Left, NoIndent: true},
		{Runs: []Run{{Text: "- " + w.t("docx.archive") + ".", Size: 11}}, Align: Left, NoIndent: true},
	}
	right := []Para{}
	if issuer != "" {
		p := centred(w.t("remind.sign", strings.ToUpper(issuer)), true, false, 14)
		p.Before = 12
		right = append(right, p)
	}
	w.d.Table(Table{Widths: []int{signLeft, TextWidth - signLeft}, Rows: [][]Cell{{{Paras: left}, {Paras: right}}}})
}
