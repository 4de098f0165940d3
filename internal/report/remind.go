package report

import (
	"strings"
	"unicode"

	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
)

// Reminder is the content of the standing office's reminder (văn bản đôn
// đốc, SPEC §10) for one cycle at D: the units that have not reported or
// reported late, and the units with open-overdue assignments, each with its
// tasks and days overdue.
type Reminder struct {
	Lang   i18n.Lang
	Result *status.Result
	// Missing and Late are the cycle's units in those report states, by name.
	Missing, Late []status.UnitReport
	// Overdue are the units with open-overdue assignments, by name.
	Overdue []UnitOverdue
	// Recipients are every unit named above, once, by name (Kính gửi).
	Recipients []*model.Unit
}

// UnitOverdue is one unit's open-overdue assignments, in plan order.
type UnitOverdue struct {
	Unit  *model.Unit
	Items []Problem
}

// BuildReminder computes the reminder of r's cycle at r's day.
func BuildReminder(r *status.Result, lang i18n.Lang) *Reminder {
	rm := &Reminder{Lang: lang, Result: r}
	if rm.Lang != i18n.EN {
		rm.Lang = i18n.VI
	}
	seen := map[string]bool{}
	add := func(u *model.Unit) {
		if !seen[u.ID.Value] {
			seen[u.ID.Value] = true
			rm.Recipients = append(rm.Recipients, u)
		}
	}
	for _, u := range r.Units {
		switch u.State {
		case status.Missing:
			rm.Missing = append(rm.Missing, u)
			add(u.Unit)
		case status.Late:
			rm.Late = append(rm.Late, u)
			add(u.Unit)
		}
	}
	by := map[string]*UnitOverdue{}
	for i := range r.Tasks {
		t := &r.Tasks[i]
		for j := range t.Assignments {
			a := &t.Assignments[j]
			if a.Outcome != status.OpenOverdue {
				continue
			}
			uo := by[a.Unit.ID.Value]
			if uo == nil {
				uo = &UnitOverdue{Unit: a.Unit}
				by[a.Unit.ID.Value] = uo
			}
			p := Problem{Task: t, Assignment: a}
			if !t.Due.IsZero() {
				p.Days = r.AsOf.Sub(t.Due)
			}
			uo.Items = append(uo.Items, p)
			add(a.Unit)
		}
	}
	for _, uo := range by {
		rm.Overdue = append(rm.Overdue, *uo)
	}
	sortByName(rm.Overdue, func(o *UnitOverdue) *model.Unit { return o.Unit })
	byReport := func(r *status.UnitReport) *model.Unit { return r.Unit }
	sortByName(rm.Missing, byReport)
	sortByName(rm.Late, byReport)
	sortByName(rm.Recipients, func(u **model.Unit) *model.Unit { return *u })
	return rm
}

// T is i18n.T in the reminder's language.
func (rm *Reminder) T(key string, args ...any) string { return i18n.T(rm.Lang, key, args...) }

// Empty reports whether nobody needs reminding.
func (rm *Reminder) Empty() bool { return len(rm.Recipients) == 0 }

// Intro is the reminder's opening sentence: the plan, the cycle and its
// deadline, the day, and the issuing body (plan.yaml report.issuer, in
// sentence case) as its subject: "Thực hiện Kế hoạch …, kỳ báo cáo tháng
// 4/2024 (hạn 15/04/2024), tính đến ngày 20/04/2024, Tổ công tác Đề án 06
// tổng hợp tình hình gửi báo cáo và thực hiện nhiệm vụ của các đơn vị như
// sau:". Without an issuer the sentence names none.
func (rm *Reminder) Intro() string {
	r := rm.Result
	p := r.Plan
	month := i18n.Month(rm.Lang, r.Cycle.Month.Year, int(r.Cycle.Month.Month))
	deadline, asOf := Day(rm.Lang, r.Cycle.Deadline), Day(rm.Lang, r.AsOf)
	if issuer := SentenceCase(p.Header.Issuer.Value, p.Header.Place.Value); issuer != "" {
		return rm.T("remind.intro", p.Title.Value, month, deadline, asOf, issuer)
	}
	return rm.T("remind.intro.anon", p.Title.Value, month, deadline, asOf)
}

// ItemText is one overdue task of a unit, without a final full stop:
// "Xây dựng kế hoạch năm 2024 (II.1, 1.1; hạn 31/01/2024, quá hạn 80
// ngày)": the title without its own closing punctuation, then the task's
// ref as the plan writes it (its id when it has none), its deadline and
// the days overdue. The letter and the Markdown both print it.
func (rm *Reminder) ItemText(it Problem) string {
	name := strings.TrimRightFunc(TaskName(it.Task), func(c rune) bool {
		return unicode.IsSpace(c) || strings.ContainsRune(".;:,", c)
	})
	ref := ""
	if it.Task != nil && it.Task.Task != nil {
		ref = strings.TrimSpace(it.Task.Task.Ref.Value)
		if ref == "" {
			ref = rm.T("docx.task-id", it.Task.Task.ID.Value)
		}
	}
	due := rm.T("docx.due-overdue", Day(rm.Lang, it.Task.Due), it.Days)
	if ref == "" {
		return name + " (" + due + ")"
	}
	return name + " (" + ref + "; " + due + ")"
}

// SentenceCase writes a body's name as a sentence names it. A name with
// a lower-case letter is kept as written; one in capitals, as the header
// prints it ("TỔ CÔNG TÁC ĐỀ ÁN 06"), is lowered but for its first
// letter, its abbreviations (words without a vowel: UBND, HĐND), "Đề án"
// and the given proper names (the place): "Tổ công tác Đề án 06",
// "UBND tỉnh Bắc Giang".
func SentenceCase(s string, proper ...string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || strings.ToUpper(s) != s || strings.ToLower(s) == s {
		return s
	}
	words := strings.Split(s, " ")
	for i, w := range words {
		if !abbreviation(w) {
			words[i] = strings.ToLower(w)
		}
	}
	out := strings.Join(words, " ")
	for _, name := range append([]string{"Đề án"}, proper...) {
		name = strings.Join(strings.Fields(name), " ")
		if name == "" {
			continue
		}
		out = replaceFold(out, name)
	}
	rs := []rune(out)
	rs[0] = unicode.ToUpper(rs[0])
	return string(rs)
}

// abbreviation reports whether w cannot be a Vietnamese syllable and is
// kept in capitals: it has no vowel (TP, 06) or two consonants side by
// side that no Vietnamese word joins (UBND, HĐND; not NGH, TR, CH).
func abbreviation(w string) bool {
	vowel := false
	var prev rune
	for _, c := range strings.ToLower(w) {
		if strings.ContainsRune("aăâeêioôơuưy", baseVowel(c)) {
			vowel, prev = true, 0
			continue
		}
		if !unicode.IsLetter(c) {
			prev = 0
			continue
		}
		if prev != 0 && !strings.Contains(" ch gh gi kh ng nh ph qu th tr ", " "+string(prev)+string(c)+" ") {
			return true
		}
		prev = c
	}
	return !vowel
}

// baseVowel strips a lower-case vowel of its tone mark.
func baseVowel(c rune) rune {
	for _, g := range []string{
		"aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
		"oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
	} {
		if strings.ContainsRune(g, c) {
			return []rune(g)[0]
		}
	}
	return c
}

// replaceFold replaces every whole-word occurrence of name in s, in any
// case, by name as written.
func replaceFold(s, name string) string {
	low, lname := []rune(strings.ToLower(s)), []rune(strings.ToLower(name))
	rs := []rune(s)
	if len(low) != len(rs) {
		return s
	}
	isWord := func(i int) bool { return i >= 0 && i < len(rs) && (unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i])) }
	for i := 0; i+len(lname) <= len(low); i++ {
		if string(low[i:i+len(lname)]) == string(lname) && !isWord(i-1) && !isWord(i+len(lname)) {
			copy(rs[i:], []rune(name))
			i += len(lname) - 1
		}
	}
	return string(rs)
}
