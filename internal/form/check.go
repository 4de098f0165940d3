package form

import (
	"path"
	"regexp"
	"strings"
	"unicode"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/model"
)

// Check says whether the form belongs where it is being imported: to plan
// p, to cycle (the zero Month accepts any cycle), to a unit of the plan;
// and, when the file still has the name plan06 gave it, to the unit and
// cycle that name says (see nameSays: the hidden keys decide, the name
// only refuses a form when it clearly names another unit or cycle). Task ids the plan does not know are errors too. A
// task marked done with a progress under 100 loses the progress, with a
// warning (the entry is changed in place). A form whose answers are all
// as `form` wrote them gets a warning at the file.
func (fl *Filled) Check(p *model.Plan, ix *model.Index, cycle dates.Month) diag.Diagnostics {
	var ds diag.Diagnostics
	k := &fl.Keys
	kp := func(c string) diag.Pos { return diag.Pos{File: fl.File + ":" + keysSheet + "!" + c} }
	if k.Plan != p.ID.Value {
		ds.Errorf(kp("B2"), "form-other-plan", Clean(k.Plan), p.ID.Value)
		return ds
	}
	if !idPattern.MatchString(k.Unit) || ix.Unit(k.Unit) == nil {
		ds.Errorf(kp("B3"), "form-unknown-unit", Clean(k.Unit))
		return ds
	}
	m, ok := dates.ParseMonth(k.Cycle)
	if !ok {
		ds.Errorf(kp("B4"), "form-keys-tampered")
		return ds
	}
	if cycle != (dates.Month{}) && m != cycle {
		ds.Errorf(kp("B4"), "form-other-cycle", m.String(), cycle.String())
	}
	if fileCycle, fileUnit, ok := nameSays(fl.File, k.Unit, ix); ok && (fileUnit != k.Unit || fileCycle != k.Cycle) {
		ds.Errorf(diag.Pos{File: fl.File}, "form-other-unit", Clean(fileUnit), Clean(fileCycle), k.Unit, k.Cycle, FileName(k.Cycle, k.Unit))
	}
	for i := range fl.Report.Entries {
		e := &fl.Report.Entries[i]
		t := ix.Task(e.Task.Value)
		if t == nil {
			ds.Errorf(fl.pos(colID, fl.EntryRows[i]), "form-unknown-task", Clean(e.Task.Value))
			continue
		}
		// A row switched to Hoàn thành keeps the progress the form was
		// prefilled with (0 % for a task not yet reported): the report
		// would say done at 0 %. A done task counts as 100 % (SPEC §3.2),
		// so the progress is left out and the clerk's figure named. A
		// standing duty reported done stays in progress with its figure,
		// so its progress is kept.
		if e.State == model.Done && !t.Deadline.Ongoing && e.Progress != nil && *e.Progress != 100 {
			ds.Warnf(fl.pos(colProgress, fl.EntryRows[i]), "form-done-progress", *e.Progress)
			e.Progress = nil
		}
	}
	// A form that belongs here but came back as it was written: every
	// unit's prefilled form imported by mistake, or a unit that did not
	// fill it in. Not refused: a unit may truly have nothing new.
	if fl.Untouched && !ds.HasErrors() {
		ds.Warnf(diag.Pos{File: fl.File}, "form-untouched")
	}
	return ds
}

// CarryOver adds to the form's report the entries of old, the report the
// import replaces, for tasks the form has no row for: a form leaves out the
// tasks already done, and what it could not speak about must not be lost
// (a done task would read as overdue again). The entries are kept as they
// are; the ids carried over are returned in old's order.
func (fl *Filled) CarryOver(old *model.Report) []string {
	if old == nil {
		return nil
	}
	keyed := make(map[string]bool, len(fl.Keys.Tasks))
	for _, t := range fl.Keys.Tasks {
		keyed[t.Task] = true
	}
	var kept []string
	for _, e := range old.Entries {
		if e.Task.Value == "" || keyed[e.Task.Value] {
			continue
		}
		keyed[e.Task.Value] = true // a duplicate in old is kept once
		fl.Report.Entries = append(fl.Report.Entries, e)
		kept = append(kept, e.Task.Value)
	}
	return kept
}

// copySuffix matches what a browser, a mail client or a file manager adds
// to a copy's name before the extension: " (1)", "(2)", "-1", "_2",
// " - Copy", " - Copy (3)", " - Sao chép", " - bản sao", and spaces.
var copySuffix = regexp.MustCompile(`(?i)(\s*\(\d+\)|[-_ ]\d+|\s*-\s*(copy|sao chép|sao chep|bản sao|ban sao)|\s+)$`)

// nameSays reads the cycle and unit a file name gives, when the file still
// has the shape of the name plan06 gave it ("phieu-bao-cao-2024-06-so-tttt
// .xlsx", extension in any case, repeated or not); ok is false otherwise.
// The keys decide whose the form is: the name only speaks against them
// when it clearly names another cycle or another unit of the plan (ix),
// copy suffixes aside ("phieu-bao-cao-2024-06-so-tttt (1).xlsx" is
// so-tttt's form). Ids are compared without regard to case. The unit part
// is tried as it stands, then with one copy suffix after another stripped:
// the first that is keyUnit or a unit of the plan is the unit the name
// says (so another unit's id ending in "-2" is that unit, not a copy).
// Failing that, a unit part that starts with a unit's id followed by "-",
// "_", " " or "." names that unit, the longest such id winning
// ("so-tttt-v2", "so-tttt_final" name so-tttt). A unit part that names no
// unit says nothing (unit is keyUnit).
func nameSays(file, keyUnit string, ix *model.Index) (cycle, unit string, ok bool) {
	base := path.Base(strings.ReplaceAll(file, "\\", "/"))
	rest, ok := strings.CutPrefix(base, "phieu-bao-cao-")
	if !ok || !hasXLSX(rest) {
		return "", "", false
	}
	stem := rest
	for hasXLSX(stem) { // "….xlsx.xlsx": a name typed over the extension
		stem = strings.TrimRightFunc(stem[:len(stem)-len(".xlsx")], unicode.IsSpace)
	}
	if len(stem) <= 8 || stem[7] != '-' {
		return "", "", false
	}
	if _, isMonth := dates.ParseMonth(stem[:7]); !isMonth {
		return "", "", false
	}
	cycle, unit = stem[:7], strings.ToLower(strings.TrimSpace(stem[8:]))
	known := func(u string) (string, bool) {
		if strings.EqualFold(u, keyUnit) {
			return keyUnit, true
		}
		if x := ix.Unit(u); x != nil {
			return x.ID.Value, true
		}
		return "", false
	}
	for u := unit; u != ""; {
		if id, found := known(u); found {
			return cycle, id, true
		}
		loc := copySuffix.FindStringIndex(u)
		if loc == nil || loc[0] == 0 {
			break
		}
		u = u[:loc[0]]
	}
	// A unit's id and more: the longest id that ends before a separator.
	for i := len(unit) - 1; i > 0; i-- {
		if !strings.ContainsRune("-_ .", rune(unit[i])) {
			continue
		}
		if id, found := known(unit[:i]); found {
			return cycle, id, true
		}
	}
	// No unit of the plan: not a name that speaks of another unit.
	return cycle, keyUnit, true
}

// hasXLSX reports whether name ends in ".xlsx", in any case.
func hasXLSX(name string) bool {
	return len(name) >= len(".xlsx") && strings.EqualFold(name[len(name)-len(".xlsx"):], ".xlsx")
}
