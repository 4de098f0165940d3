package form

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/yamlfmt"
)

// AppendixTask is one task row of an appendix table.
type AppendixTask struct {
	No          string // STT as written ("1", "1.2")
	Title       string
	Lead        []string // unit or set ids
	Support     []string // unit or set ids
	SupportNote string   // the support cell when it names no unit ("… có liên quan")
	Due         string   // as written
	Row         int
}

// headerWords are the key words of each column of an appendix table's
// header, folded (no accents, lower case, punctuation as spaces): a header
// cell names its column by them ("Cơ quan, đơn vị chủ trì" holds "chu tri",
// "Thời gian hoàn thành" holds "thoi gian"). The number column must be its
// word alone ("STT", "STT.", "TT", "Số TT"): a data row holds a number
// there, so it never reads as a header. The columns are tried in this
// order and a cell names one column only, so "Thời gian thực hiện nhiệm vụ"
// is the deadline and "Đơn vị chủ trì thực hiện nhiệm vụ" the lead.
var headerWords = []struct {
	col   string
	words []string
	whole bool // the cell must be one of the words, not merely hold it
}{
	{"no", []string{"stt", "tt", "so tt", "so thu tu"}, true},
	{"lead", []string{"chu tri"}, false},
	{"support", []string{"phoi hop"}, false},
	{"due", []string{"thoi gian", "thoi han"}, false},
	{"title", []string{"noi dung", "nhiem vu", "ten nhiem vu"}, false},
}

// maxHeaderWords bounds the words of a header cell: a longer cell is text
// (a title, a note), not a column's name.
const maxHeaderWords = 10

// headerText folds a cell for header matching: no accents, lower case,
// every run of characters other than letters and digits one space.
func headerText(v string) string {
	f := i18n.Fold(v)
	return strings.Join(strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

// headerColumn says which column a header cell names and how well: 2 when
// the cell starts with (or is) a key word, 1 when it holds one, 0 when it
// names none. A cell that speaks of the start ("Thời gian bắt đầu") never
// names the deadline; a deadline cell that speaks of the end ("Thời gian
// hoàn thành", "Thời hạn") ranks 2 above the others, so that of "Thời
// gian bắt đầu | Thời gian hoàn thành" or "Thời gian thực hiện | Thời hạn
// hoàn thành" the second is the deadline.
func headerColumn(v string) (string, int) {
	f := headerText(v)
	if f == "" || strings.Count(f, " ") >= maxHeaderWords {
		return "", 0
	}
	padded := " " + f + " "
	holds := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(padded, " "+w+" ") {
				return true
			}
		}
		return false
	}
	for _, h := range headerWords {
		if h.col == "due" && holds(startWords...) {
			continue
		}
		bonus := 0
		if h.col == "due" && holds(endWords...) {
			bonus = 2
		}
		for _, w := range h.words {
			switch {
			case f == w || !h.whole && strings.HasPrefix(padded, " "+w+" "):
				return h.col, 2 + bonus
			case !h.whole && strings.Contains(padded, " "+w+" "):
				return h.col, 1 + bonus
			}
		}
	}
	return "", 0
}

// startWords mark a time column as the start, never the deadline;
// endWords mark it as the deadline (folded).
var (
	startWords = []string{"bat dau"}
	endWords   = []string{"hoan thanh", "thoi han", "ket thuc"}
)

// findHeader returns the columns of row when it is an appendix header:
// every column named, each by its best cell (the leftmost of the best).
// tied lists the deadline cells (0-based columns) when two or more rank
// best alike: which one is the deadline cannot be told.
func findHeader(row []string) (cols map[string]int, tied []int, ok bool) {
	cols, score := map[string]int{}, map[string]int{}
	for c, v := range row {
		col, sc := headerColumn(v)
		if col == "" {
			continue
		}
		switch {
		case sc > score[col]:
			cols[col], score[col] = c, sc
			if col == "due" {
				tied = []int{c}
			}
		case sc == score[col] && col == "due":
			tied = append(tied, c)
		}
	}
	if len(tied) < 2 {
		tied = nil
	}
	return cols, tied, len(cols) == len(headerWords)
}

// subDue is the deadline column when the header's time cell spans columns
// named in the row below, as a merged "Thời gian thực hiện" over "Bắt đầu |
// Hoàn thành" or "Từ | Đến" does: the column below it that speaks of the
// end (subEndWords), not the first one (which holds the start). Otherwise
// it is the time cell's own. start is the cell below that speaks of the
// start (subStartWords), -1 when none: when no column below speaks of the
// end and the time cell's own does of the start, the table has no
// deadline column.
func subDue(rows [][]string, head int, cols map[string]int) (due, start int) {
	c := cols["due"]
	if head+1 >= len(rows) {
		return c, -1
	}
	row, sub := rows[head], rows[head+1]
	if n := cols["no"]; n < len(sub) && strings.TrimSpace(sub[n]) != "" {
		return c, -1 // a task row, not the header's second line
	}
	start = -1
	// The merged cell's other columns are blank in the header row.
	for x := c; x < len(sub) && (x == c || x >= len(row) || strings.TrimSpace(row[x]) == ""); x++ {
		f := " " + headerText(sub[x]) + " "
		for _, w := range subEndWords {
			if strings.Contains(f, " "+w+" ") {
				return x, -1
			}
		}
		for _, w := range subStartWords {
			if x == c && strings.Contains(f, " "+w+" ") {
				start = x
			}
		}
	}
	return c, start
}

// subStartWords and subEndWords mark the columns under a merged time
// header (folded): "Từ | Đến", "Bắt đầu | Hoàn thành".
var (
	subStartWords = []string{"tu", "bat dau"}
	subEndWords   = []string{"den", "hoan thanh", "ket thuc", "thoi han"}
)

// startTimeCell is the cell of row (0-based) that would name the deadline
// column but speaks of the start ("Thời gian bắt đầu", "Thời gian bắt đầu
// - kết thúc") when every other column is named, else -1: a table whose
// only time column is a start column.
func startTimeCell(row []string) int {
	cols, _, _ := findHeader(row)
	if _, ok := cols["due"]; ok || len(cols) != len(headerWords)-1 {
		return -1
	}
	for c, v := range row {
		f := headerText(v)
		if f == "" || strings.Count(f, " ") >= maxHeaderWords {
			continue
		}
		f = " " + f + " "
		time, start := false, false
		for _, h := range headerWords {
			for _, w := range h.words {
				time = time || h.col == "due" && strings.Contains(f, " "+w+" ")
			}
		}
		for _, w := range startWords {
			start = start || strings.Contains(f, " "+w+" ")
		}
		if time && start {
			return c
		}
	}
	return -1
}

var noPattern = regexp.MustCompile(`^[0-9]+(\.[0-9]+)*$`)

// maxHeaderSearch bounds the rows searched for the header row.
const maxHeaderSearch = 30

// ReadAppendix reads the first sheet of an appendix table in data (shown
// as name): the header row is found by its words (accents and case aside),
// each row below with an STT is a task, and unit names are resolved
// against p's units and sets. Every problem is a diagnostic at its cell.
func ReadAppendix(name string, data []byte, p *model.Plan) (*Appendix, diag.Diagnostics) {
	xf, ds := open(name, data)
	if xf == nil {
		return nil, ForAppendix(ds)
	}
	defer func() { _ = xf.Close() }()
	sheets := xf.GetSheetList()
	if len(sheets) == 0 {
		ds.Errorf(diag.Pos{File: name}, "appendix-no-sheet")
		return nil, ds
	}
	sheet := sheets[0]
	pos := func(col, row int) diag.Pos { return diag.Pos{File: name + ":" + sheet + "!" + cell(col, row)} }
	rows, err := xf.GetRows(sheet)
	if err != nil {
		ds.Errorf(diag.Pos{File: name}, "form-corrupt", err.Error())
		return nil, ds
	}
	if len(rows) > MaxRows {
		ds.Errorf(pos(1, MaxRows+1), "form-rows", MaxRows)
		return nil, ds
	}
	cols, head := map[string]int{}, -1
	var tied []int
	for r := 0; r < len(rows) && r < maxHeaderSearch && head < 0; r++ {
		if found, t, ok := findHeader(rows[r]); ok {
			cols, tied, head = found, t, r
		}
	}
	if head < 0 {
		for r := 0; r < len(rows) && r < maxHeaderSearch; r++ {
			if c := startTimeCell(rows[r]); c >= 0 {
				ds.Errorf(pos(c+1, r+1), "appendix-due-start", strings.TrimSpace(rows[r][c]))
				return nil, ds
			}
		}
		ds.Errorf(diag.Pos{File: name + ":" + sheet}, "appendix-no-header", maxHeaderSearch)
		return nil, ds
	}
	if tied != nil {
		var list []string
		for _, c := range tied {
			list = append(list, fmt.Sprintf("%s %q", cell(c+1, head+1), strings.TrimSpace(rows[head][c])))
		}
		ds.Errorf(pos(tied[0]+1, head+1), "appendix-due-ambiguous", strings.Join(list, ", "))
		return nil, ds
	}
	due, start := subDue(rows, head, cols)
	if start >= 0 {
		ds.Errorf(pos(start+1, head+2), "appendix-due-start", strings.TrimSpace(rows[head+1][start]))
		return nil, ds
	}
	cols["due"] = due
	get := func(r int, col string) string {
		c := cols[col]
		if c < len(rows[r]) {
			return strings.TrimSpace(Clean(rows[r][c]))
		}
		return ""
	}
	// formula reports a task's cell that holds a formula, as a form's
	// answer cell does: its cached value (none when the file was not saved
	// by Excel) is never imported. The STT cell may be a formula
	// ("=A5+1"): its value only numbers the task.
	formula := func(r int, col string) bool {
		f, err := xf.GetCellFormula(sheet, cell(cols[col]+1, r+1))
		if err == nil && f != "" {
			ds.Errorf(pos(cols[col]+1, r+1), "form-formula")
			return true
		}
		return false
	}
	res := newResolver(p)
	var tasks []AppendixTask
	seen := map[string]int{}
	for r := head + 1; r < len(rows); r++ {
		row := r + 1
		no := strings.TrimSuffix(get(r, "no"), ".")
		title := get(r, "title")
		if no == "" && title == "" {
			continue
		}
		if no == "" || !noPattern.MatchString(no) {
			// A group heading (I, II, a)) or a note: not a task when it has no number.
			if no != "" && !isHeading(no) {
				ds.Errorf(pos(cols["no"]+1, row), "appendix-bad-no", no)
			}
			continue
		}
		if prev, dup := seen[no]; dup {
			ds.Errorf(pos(cols["no"]+1, row), "appendix-duplicate", no, prev)
			continue
		}
		seen[no] = row
		t := AppendixTask{No: no, Title: oneLine(title), Due: oneLine(get(r, "due")), Row: row}
		switch {
		case formula(r, "title"):
		case t.Title == "":
			ds.Errorf(pos(cols["title"]+1, row), "appendix-no-title", no)
		}
		switch {
		case formula(r, "due"):
		case t.Due == "":
			ds.Errorf(pos(cols["due"]+1, row), "appendix-no-due")
		}
		leadCell := get(r, "lead")
		switch {
		case formula(r, "lead"):
		case leadCell == "":
			ds.Errorf(pos(cols["lead"]+1, row), "appendix-no-lead")
		default:
			t.Lead = res.resolveCell(leadCell, pos(cols["lead"]+1, row), false, &ds, nil)
		}
		if sup := get(r, "support"); !formula(r, "support") && sup != "" {
			t.Support = res.resolveCell(sup, pos(cols["support"]+1, row), true, &ds, &t.SupportNote)
		}
		tasks = append(tasks, t)
	}
	if len(tasks) == 0 && !ds.HasErrors() {
		ds.Errorf(diag.Pos{File: name + ":" + sheet}, "appendix-empty")
	}
	return &Appendix{Sheet: sheet, Cols: cols, Tasks: tasks}, ds
}

// appendixKeys are the refusals of a file that speak of report forms
// ("use the form plan06 form made") and their words for an appendix table.
var appendixKeys = map[string]string{
	"form-text":     "appendix-text",
	"form-not-xlsx": "appendix-not-xlsx",
	"form-empty":    "appendix-empty-file",
	"form-too-big":  "appendix-too-big",
}

// ForAppendix returns ds with the refusals of a file worded for an
// appendix table rather than a report form: a text file given to import
// tasks is not an Excel workbook, to be saved as .xlsx.
func ForAppendix(ds diag.Diagnostics) diag.Diagnostics {
	for i := range ds {
		if k, ok := appendixKeys[ds[i].Key]; ok {
			ds[i].Key = k
		}
	}
	return ds
}

// Appendix is an appendix table read.
type Appendix struct {
	Sheet string
	// Cols are the 0-based columns of "no", "title", "lead", "support", "due".
	Cols  map[string]int
	Tasks []AppendixTask
}

// isHeading reports whether an STT cell is a section heading: a roman
// numeral or a letter ("II", "a", "b)").
func isHeading(s string) bool {
	s = strings.TrimRight(strings.ToUpper(s), ").")
	if s == "" {
		return false
	}
	if len(s) == 1 && s[0] >= 'A' && s[0] <= 'Z' {
		return true
	}
	return strings.Trim(s, "IVXLC") == ""
}

// resolver finds units and sets by name the way `status --unit` does
// (i18n.MatchesQuery): an id, else the one name, short name or id (hyphens
// read as spaces) that contains the text, case and diacritics aside.
// resolveCell adds its own stricter rules on top: kinds of bodies, plural
// names, "liên quan" phrases.
type resolver struct {
	names []candidate
}

type candidate struct {
	id, name, short, fold, foldShort string
	set                              bool
}

func newResolver(p *model.Plan) *resolver {
	r := &resolver{}
	for _, u := range p.Units {
		r.names = append(r.names, candidate{id: u.ID.Value, name: u.Name.Value, short: u.Short.Value, fold: i18n.Fold(u.Name.Value), foldShort: i18n.Fold(u.Short.Value)})
	}
	for _, s := range p.Sets {
		r.names = append(r.names, candidate{id: s.ID.Value, name: s.Name.Value, fold: i18n.Fold(s.Name.Value), set: true})
	}
	return r
}

// exact returns the id whose id (hyphens as spaces), name or short name is
// q (folded).
func (r *resolver) exact(q string) (string, bool) {
	f := i18n.Fold(q)
	for _, c := range r.names {
		if c.id == q || c.fold == f || c.foldShort != "" && c.foldShort == f || f != "" && i18n.FoldID(c.id) == i18n.FoldID(f) {
			return c.id, true
		}
	}
	return "", false
}

// contains returns the candidates whose name, short name or id contains q,
// as `status --unit` finds them.
func (r *resolver) contains(q string) []candidate {
	f := i18n.Fold(q)
	if f == "" {
		return nil
	}
	var out []candidate
	for _, c := range r.names {
		if i18n.MatchesQuery(f, c.id, c.name, c.short) {
			out = append(out, c)
		}
	}
	return out
}

// resolveCell splits a cell into unit names (lines, semicolons, then
// commas, joining pieces again where a name holds a comma: "Sở Văn hóa,
// Thể thao và Du lịch", "Các sở, ban, ngành") and resolves each. A plural
// name ("UBND các huyện, thành phố") that no set bears is one error. In a support cell, a phrase
// that speaks of "liên quan" (the units concerned, see splitConcerned)
// goes to the support note and the names around it are resolved. A name
// that is only a kind of body ("Sở", "các sở, ngành") is never resolved
// to a unit, though one unit be the only "Sở" of the plan.
func (r *resolver) resolveCell(text string, pos diag.Pos, support bool, ds *diag.Diagnostics, note *string) []string {
	var ids []string
	addID := func(id string) {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	resolve := func(part string) {
		pieces := strings.Split(part, ",")
		for i := 0; i < len(pieces); {
			matched := false
			// The longest run of pieces that names a unit or set: its
			// name, short name or id, or, for two pieces or more, the one
			// name that holds them ("Sở Văn hóa, Thể thao và Du lịch").
			for j := len(pieces); j > i; j-- {
				name := strings.TrimSpace(strings.Join(pieces[i:j], ","))
				id, ok := r.exact(name)
				if !ok && j-i >= 2 && properRun(pieces[i:j]) {
					if found := r.contains(name); len(found) == 1 {
						id, ok = found[0].id, true
					}
				}
				if ok {
					addID(id)
					i, matched = j, true
					break
				}
			}
			if matched {
				continue
			}
			name := strings.TrimSpace(pieces[i])
			i++
			if name == "" {
				continue
			}
			if isGeneric(name) || isDivisions(name) {
				// One finding for a run of them: "các sở, ngành". A kind of
				// division in small letters ("thành phố", "thị xã") names
				// no unit either, though one unit's name holds it.
				j := i
				for j < len(pieces) && (isGeneric(pieces[j]) || isDivisions(pieces[j])) {
					j++
				}
				ds.Errorf(pos, "appendix-unit-generic", strings.TrimSpace(strings.Join(pieces[i-1:j], ",")))
				i = j
				continue
			}
			if isPlural(name) {
				// "UBND các huyện, thành phố": one name of several units,
				// which no set of the plan bears.
				j := i
				for j < len(pieces) && isDivisions(pieces[j]) {
					j++
				}
				name = strings.TrimSpace(strings.Join(pieces[i-1:j], ","))
				i = j
				if sets := r.sets(); sets != "" {
					ds.Errorf(pos, "appendix-unit-plural", name, sets)
				} else {
					ds.Errorf(pos, "appendix-unit-unknown", name)
				}
				continue
			}
			found := r.contains(name)
			switch {
			case len(found) == 1:
				addID(found[0].id)
			case len(found) == 0:
				ds.Errorf(pos, "appendix-unit-unknown", name)
			default:
				var list []string
				for _, c := range found {
					list = append(list, fmt.Sprintf("%s (%s)", c.id, c.name))
				}
				slices.SortFunc(list, i18n.Compare)
				ds.Errorf(pos, "appendix-unit-ambiguous", name, strings.Join(list, ", "))
			}
		}
	}
	for _, part := range strings.FieldsFunc(text, func(c rune) bool { return c == '\n' || c == ';' }) {
		part = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(part), "-"))
		for support && note != nil && part != "" {
			before, phrase, after, ok := r.splitConcerned(part)
			if !ok {
				break
			}
			resolve(before)
			if *note != "" {
				*note += "; "
			}
			*note += phrase
			part = after
		}
		resolve(part)
	}
	return ids
}

// divisionWords name kinds of administrative divisions (folded):
// huyện, thị xã, thành phố, quận, xã, phường, thị trấn.
var divisionWords = []string{"huyen", "thi", "xa", "thanh", "pho", "quan", "phuong", "tran"}

// isPlural reports whether name speaks of several divisions' units ("UBND
// các huyện", "UBND các xã, phường"): "các" before a division word.
func isPlural(name string) bool {
	words := foldedWords(name)
	for i := 0; i+1 < len(words); i++ {
		if words[i] == "cac" && slices.Contains(divisionWords, words[i+1]) {
			return true
		}
	}
	return false
}

// isDivisions reports whether a comma piece only names kinds of divisions,
// in small letters ("thành phố", "thị xã và thành phố"): the rest of a
// plural name ("UBND các huyện, thành phố").
func isDivisions(piece string) bool {
	words := foldedWords(piece)
	if len(words) == 0 || startsUpper(piece) {
		return false
	}
	for _, w := range words {
		if !slices.Contains(divisionWords, w) && w != "va" && w != "cac" {
			return false
		}
	}
	return true
}

// sets lists the plan's sets as "id (name)", for a plural name no set bears.
func (r *resolver) sets() string {
	var list []string
	for _, c := range r.names {
		if c.set {
			list = append(list, fmt.Sprintf("%s (%s)", c.id, c.name))
		}
	}
	return strings.Join(list, ", ")
}

// genericTerms name a kind of body, not a body (folded); genericJoins
// join them ("các sở và ngành", "các cấp, các ngành khác").
var (
	genericTerms = [][]string{
		{"co", "quan"}, {"don", "vi"}, {"dia", "phuong"}, {"to", "chuc"}, {"doanh", "nghiep"},
		{"doan", "the"}, {"ca", "nhan"}, {"so"}, {"ban"}, {"nganh"}, {"cap"}, {"phong"}, {"hoi"},
	}
	genericJoins = []string{"cac", "va", "cung", "hoac", "khac"}
)

// foldedWords are the words of s, folded, without punctuation.
func foldedWords(s string) []string {
	return strings.FieldsFunc(i18n.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// isGeneric reports whether s names only kinds of bodies: "Sở", "ban,
// ngành", "Các cơ quan, đơn vị", never a unit.
func isGeneric(s string) bool {
	words := foldedWords(s)
	terms := 0
	for i := 0; i < len(words); {
		n := 0
		for _, t := range genericTerms {
			if len(t) > n && i+len(t) <= len(words) && slices.Equal(words[i:i+len(t)], t) {
				n = len(t)
			}
		}
		switch {
		case n > 0:
			terms++
			i += n
		case slices.Contains(genericJoins, words[i]):
			i++
		default:
			return false
		}
	}
	return terms > 0
}

// span is a part of a cell's text by byte offsets.
type span struct{ start, end int }

// wordSpans are the words of s[sp.start:sp.end], folded, and where each
// stands in s.
func wordSpans(s string, sp span) ([]string, []span) {
	var words []string
	var spans []span
	start := -1
	for i, r := range s[sp.start:sp.end] + " " {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			words = append(words, i18n.Fold(s[sp.start+start:sp.start+i]))
			spans = append(spans, span{sp.start + start, sp.start + i})
			start = -1
		}
	}
	return words, spans
}

// lastCac is the index of the last "các" among words, -1 when none.
func lastCac(words []string) int {
	for i := len(words) - 1; i >= 0; i-- {
		if words[i] == "cac" {
			return i
		}
	}
	return -1
}

// trimJoin trims the punctuation and a joining "và" or "cùng" off the end
// of s: "Công an tỉnh và " is "Công an tỉnh".
func trimJoin(s string) string {
	for {
		s = strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ';' })
		i := strings.LastIndexFunc(s, unicode.IsSpace) + 1
		if f := i18n.Fold(s[i:]); f != "va" && f != "cung" {
			return s
		}
		s = s[:i]
	}
}

// splitConcerned splits a support cell's part that speaks of "liên quan"
// (the units concerned) into the units named before the phrase, the
// phrase and what follows it. The phrase is the comma pieces from where it
// starts through the piece holding "liên quan". It starts at that piece,
// or at the last "các" inside it when units come first ("UBND cấp huyện
// và các đơn vị liên quan"); a piece before it that only names kinds of
// bodies (sở, ban, ngành, cơ quan, đơn vị…, with các, và, cùng) belongs to
// it, as does such a tail "các sở" of a piece ("Sở Thông tin và Truyền
// thông cùng các sở, ngành có liên quan"). So "Sở, ban, ngành liên quan"
// is one phrase, and "Các đơn vị liên quan, Sở Thông tin và Truyền thông"
// a phrase followed by a unit. A "và" or "cùng" that joins units to the
// phrase belongs to neither. A qualifier after "liên quan" belongs to the
// phrase, past its commas ("… liên quan theo chức năng, nhiệm vụ").
//
// The phrase ends with its piece, except that a "và" or "cùng" after "liên
// quan" followed by a unit or set ("Các sở, ban, ngành liên quan và UBND
// cấp huyện") ends it: what follows is resolved (see namesUnit).
func (r *resolver) splitConcerned(part string) (before, phrase, after string, ok bool) {
	var pieces []span
	for start := 0; ; {
		i := strings.IndexByte(part[start:], ',')
		if i < 0 {
			pieces = append(pieces, span{start, len(part)})
			break
		}
		pieces = append(pieces, span{start, start + i})
		start += i + 1
	}
	k, at := -1, -1
	var words []string
	var spans []span
	for i, p := range pieces {
		words, spans = wordSpans(part, p)
		for w := 0; w+1 < len(words); w++ {
			if words[w] == "lien" && words[w+1] == "quan" {
				k, at = i, w
				break
			}
		}
		if k >= 0 {
			break
		}
	}
	if k < 0 {
		return "", "", "", false
	}
	text := func(sp span) string { return part[sp.start:sp.end] }
	start, unitsEnd := pieces[k].start, -1
	if c := lastCac(words[:at]); c >= 0 {
		head := trimJoin(part[pieces[k].start:spans[c].start])
		if strings.TrimSpace(head) != "" && !isGeneric(head) {
			start, unitsEnd = spans[c].start, pieces[k].start+len(head)
		}
	}
	for j := k - 1; j >= 0 && unitsEnd < 0; j-- {
		if isGeneric(text(pieces[j])) {
			start = pieces[j].start
			continue
		}
		unitsEnd = pieces[j].end
		pw, ps := wordSpans(part, pieces[j])
		if c := lastCac(pw); c >= 0 && isGeneric(part[ps[c].start:pieces[j].end]) {
			start = ps[c].start
			unitsEnd = pieces[j].start + len(trimJoin(part[pieces[j].start:ps[c].start]))
		}
	}
	if unitsEnd > 0 {
		before = trimJoin(part[:unitsEnd])
	}
	for w := at + 2; w+1 < len(words); w++ {
		if (words[w] == "va" || words[w] == "cung") && r.namesUnit(part[spans[w+1].start:]) {
			after = strings.TrimSpace(part[spans[w+1].start:])
			return strings.TrimSpace(before), strings.TrimSpace(text(span{start, spans[w-1].end})), after, true
		}
	}
	end := k
	if at+2 < len(words) {
		// A qualifier follows "liên quan" ("theo chức năng, nhiệm vụ"):
		// the phrase runs on through the pieces that continue it.
		// A "và" or "cùng" there followed by a unit ends it ("… theo
		// chức năng, nhiệm vụ và UBND cấp huyện").
		for end+1 < len(pieces) && !startsUpper(text(pieces[end+1])) {
			pw, ps := wordSpans(part, pieces[end+1])
			for w := 1; w+1 < len(pw); w++ {
				if (pw[w] == "va" || pw[w] == "cung") && isQualifier(part[pieces[end+1].start:ps[w].start]) && r.namesUnit(part[ps[w+1].start:]) {
					return strings.TrimSpace(before), strings.TrimSpace(text(span{start, ps[w-1].end})), strings.TrimSpace(part[ps[w+1].start:]), true
				}
			}
			if !isQualifier(text(pieces[end+1])) {
				break
			}
			end++
		}
	}
	if pieces[end].end < len(part) {
		after = strings.TrimSpace(part[pieces[end].end+1:])
	}
	return strings.TrimSpace(before), strings.TrimSpace(text(span{start, pieces[end].end})), after, true
}

// qualifierWords are the words (folded) of what qualifies a "liên quan"
// phrase past a comma: "theo chức năng, nhiệm vụ, quyền hạn được giao".
var qualifierWords = []string{"chuc", "nang", "nhiem", "vu", "quyen", "han", "tham", "duoc", "giao",
	"linh", "vuc", "pham", "vi", "quan", "ly", "phu", "trach", "theo", "va", "cua", "minh", "dia", "ban"}

// isQualifier reports whether a comma piece continues a "liên quan"
// phrase's qualifier: small letters, and only qualifierWords.
func isQualifier(piece string) bool {
	words := foldedWords(piece)
	if len(words) == 0 || startsUpper(piece) {
		return false
	}
	for _, w := range words {
		if !slices.Contains(qualifierWords, w) {
			return false
		}
	}
	return true
}

// namesUnit reports whether s, the text after a "và" or "cùng" that
// follows a "liên quan" phrase, names units rather than qualifying the
// phrase: its first comma pieces are the name, short name or id of a unit
// or set (the longest run first), or the one unit or set whose name holds
// them; or its first piece is a capitalised name that is not a kind of
// body ("Sở Nội vụ": resolved, so an unknown name is an error, not a
// note). "các địa phương" and "thực hiện" qualify the phrase.
func (r *resolver) namesUnit(s string) bool {
	pieces := strings.Split(s, ",")
	// A capital starts the name, or names the place in it ("thành phố Bắc
	// Giang").
	upper := startsUpper(s) || hasCapital(pieces[0])
	for j := len(pieces); j > 0; j-- {
		name := strings.TrimSpace(strings.Join(pieces[:j], ","))
		if _, ok := r.exact(name); ok {
			return true
		}
		if upper && len(r.contains(name)) == 1 {
			return true
		}
	}
	return upper && !isGeneric(pieces[0])
}

// hasCapital reports whether a word of s starts with a capital.
func hasCapital(s string) bool {
	for _, w := range strings.Fields(s) {
		if startsUpper(w) {
			return true
		}
	}
	return false
}

// properRun reports whether comma pieces may be one unit's name written
// with commas ("Sở Văn hóa, Thể thao và Du lịch"): not only kinds of
// bodies or divisions, and every piece after the first starting with a
// capital. "ban, ngành" or "huyện, thành phố" is no name, though the
// name of a set ("Các sở, ban, ngành") holds it.
func properRun(pieces []string) bool {
	if isGeneric(strings.Join(pieces, ",")) {
		return false
	}
	for _, p := range pieces[1:] {
		if !startsUpper(p) {
			return false
		}
	}
	return true
}

// startsUpper reports whether s's first letter is a capital.
func startsUpper(s string) bool {
	for _, c := range s {
		if unicode.IsLetter(c) {
			return unicode.IsUpper(c)
		}
	}
	return false
}

// TasksYAML returns the tasks as a canonical task file: ids are prefix and
// the STT, refs are "ref, STT" (the seed writes "II.1, 1.1"), every task
// in group.
func TasksYAML(tasks []AppendixTask, group, prefix, ref string) ([]byte, error) {
	seq := &yaml.Node{Kind: yaml.SequenceNode}
	ids := func(list []string) *yaml.Node {
		n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, id := range list {
			n.Content = append(n.Content, str(id))
		}
		return n
	}
	for _, t := range tasks {
		m := mapping(false)
		add(m, "id", str(prefix+t.No))
		add(m, "ref", str(ref+", "+t.No))
		add(m, "group", str(group))
		add(m, "title", str(t.Title))
		add(m, "lead", ids(t.Lead))
		if len(t.Support) > 0 {
			add(m, "support", ids(t.Support))
		}
		if t.SupportNote != "" {
			add(m, "support_note", str(t.SupportNote))
		}
		add(m, "due", str(t.Due))
		seq.Content = append(seq.Content, m)
	}
	doc := mapping(false)
	add(doc, "tasks", seq)
	return encode(doc, yamlfmt.KindTasks)
}

// AppendixCells maps the lines of out, the task file written from a, to
// the cells of the table they came from.
func AppendixCells(out []byte, a *Appendix) map[int]string {
	cells := map[int]string{}
	var doc yaml.Node
	if yaml.Unmarshal(out, &doc) != nil || len(doc.Content) == 0 || len(doc.Content[0].Content) < 2 {
		return cells
	}
	columns := map[string]string{"id": "no", "ref": "no", "title": "title", "lead": "lead", "support": "support", "support_note": "support", "due": "due"}
	for i, item := range doc.Content[0].Content[1].Content {
		if i >= len(a.Tasks) {
			break
		}
		row := a.Tasks[i].Row
		cells[item.Line] = a.Sheet + "!" + cell(a.Cols["no"]+1, row)
		for n := 0; n+1 < len(item.Content); n += 2 {
			if col, ok := columns[item.Content[n].Value]; ok {
				cells[item.Content[n].Line] = a.Sheet + "!" + cell(a.Cols[col]+1, row)
			}
		}
	}
	return cells
}
