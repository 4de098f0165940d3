package xlsx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The table sheets (Nhiệm vụ, Đơn vị, Xếp hạng, Quá hạn, Chỉ tiêu) hold a
// row per task, unit or assignment: at country scale a few hundred
// thousand cells. excelize keeps every cell as a struct, fills each row up
// to the cell set last, and marshals the whole sheet with encoding/xml at
// the end; with a large plan live in memory, most of that time went to
// allocating and to the collector.
//
// So the package keeps the cells of those sheets itself (rawSheet: value
// and style, nothing more), and leaves to excelize everything else about
// them: columns, panes, the autofilter, merged cells, print setup. After
// excelize has written the package, finishRaw puts each sheet's rows into
// the empty <sheetData> excelize wrote for it, and the sheets' strings
// after excelize's own in the shared string table, exactly as excelize
// would have written them: the same XML, byte for byte (TestRawSheets
// compares the two ways on the test plans).

// rawSheets turns the raw sheets on; the tests turn them off to compare
// with what excelize writes itself.
var rawSheets = true

// rawKind is what a raw cell holds.
type rawKind uint8

const (
	rawNone   rawKind = iota // a style only
	rawStr                   // a shared string: val indexes rawSheet.strs
	rawInt                   // an integer: val
	rawBigInt                // an integer: val indexes rawSheet.nums
	rawFloat                 // a number: val indexes rawSheet.nums, which holds its bits
)

// rawCell is one cell of a rawSheet, in 12 bytes; it holds no pointer, so
// that the collector need not scan the cells.
type rawCell struct {
	col   uint16 // at most excelize.MaxColumns
	kind  rawKind
	style int32
	val   int32
}

// setInt makes c, a cell of s, hold n.
func (s *rawSheet) setInt(c *rawCell, n int) {
	if n >= math.MinInt32 && n <= math.MaxInt32 {
		c.kind, c.val = rawInt, int32(n)
		return
	}
	c.kind, c.val = rawBigInt, int32(len(s.nums))
	s.nums = append(s.nums, uint64(n))
}

// rawRow is one row: its cells in column order and its height.
type rawRow struct {
	cells []rawCell
	ht    float64
	hasHt bool
}

// rawSheet is a sheet whose cells the package writes itself.
type rawSheet struct {
	// chunks hold the rows, rowChunk each: row r (from 1) at index r-1
	// of them all. n is the count of rows. Chunks are never copied, as a
	// slice of rows would be each time it grows.
	chunks [][]rawRow
	n      int
	merges [][4]int // merged ranges: first column, row, last column, row
	// slab is where rows take their cells from, width cells each: the
	// most cells a row has had so far. A row that outgrows its share
	// moves out, as append moves it.
	slab  []rawCell
	width int
	// nums are the numbers that a cell's val cannot hold.
	nums []uint64
	// strs are the strings of the sheet's cells, strIDs their index
	// (strID); ids, once sharedStrings has run, their index in the
	// shared string table. Each sheet has its own, so that sheets can be
	// built at once (workbook.run).
	strs   []string
	strIDs map[string]int32
	ids    []int32
	// rows, when set, are the rows compressed while the workbook was
	// still being built (buildBeside).
	rows *segment
}

// slabCells is the count of cells allocated at once for the rows.
const slabCells = 4096

// rowChunk is the count of rows in a chunk.
const rowChunk = 256

// row returns row r (from 1), made if need be.
func (s *rawSheet) row(r int) *rawRow {
	for len(s.chunks)*rowChunk < r {
		s.chunks = append(s.chunks, make([]rawRow, rowChunk))
	}
	s.n = max(s.n, r)
	return s.at(r)
}

// at returns row r, which exists (r <= s.n).
func (s *rawSheet) at(r int) *rawRow { return &s.chunks[(r-1)/rowChunk][(r-1)%rowChunk] }

// cell returns the cell at col, row, made if need be: cells come mostly in
// column order, so the search starts from the row's end.
func (s *rawSheet) cell(col, row int) *rawCell {
	if col < 1 || col > excelize.MaxColumns {
		panic(fmt.Sprintf("xlsx: column %d", col))
	}
	r := s.row(row)
	c16 := uint16(col)
	i := len(r.cells)
	for i > 0 && r.cells[i-1].col > c16 {
		i--
	}
	if i > 0 && r.cells[i-1].col == c16 {
		return &r.cells[i-1]
	}
	if r.cells == nil {
		w := max(s.width, 8)
		if len(s.slab) < w {
			s.slab = make([]rawCell, max(slabCells, w))
		}
		r.cells, s.slab = s.slab[:0:w], s.slab[w:]
	}
	r.cells = append(r.cells, rawCell{})
	copy(r.cells[i+1:], r.cells[i:])
	r.cells[i] = rawCell{col: c16}
	s.width = max(s.width, len(r.cells))
	return &r.cells[i]
}

// rawSheet returns the raw sheet of that name, nil for a sheet excelize
// writes. Every sheet is raw but the summary, whose few cells excelize
// writes (with the chart and the page breaks).
func (wb *workbook) rawSheet(sheet string) *rawSheet {
	// Cells come sheet by sheet: the last sheet's answer is kept (raws
	// is complete before the first cell is written).
	if sheet != wb.lastSheet {
		wb.lastSheet, wb.lastRaw = sheet, wb.raws[sheet]
	}
	return wb.lastRaw
}

// setStr is excelize's SetCellStr: the string goes to the shared string
// table, the cell keeps its style.
func (wb *workbook) setStr(sheet string, col, row int, s string) {
	if rs := wb.rawSheet(sheet); rs != nil {
		wb.rawStr(rs, col, row, s)
		return
	}
	at := cell(col, row)
	wb.xl(func(f *excelize.File) error { return f.SetCellStr(sheet, at, s) })
}

// rawStr is setStr on a raw sheet; it returns the cell.
func (wb *workbook) rawStr(rs *rawSheet, col, row int, s string) *rawCell {
	// A string has no more UTF-16 units than UTF-8 bytes.
	if len(s) > excelize.TotalCellChars && countUTF16(s) > excelize.TotalCellChars {
		s = truncateUTF16(s, excelize.TotalCellChars)
	}
	c := rs.cell(col, row)
	c.kind, c.val = rawStr, rs.strID(s)
	return c
}

// strID returns the index in s.strs of str, added if need be. Every
// string that sharedStrings would find again (one without "_x") is added
// once: the table it makes is the same whether it sees a string once or at
// each of its cells (see there).
func (s *rawSheet) strID(str string) int32 {
	if strings.Contains(str, "_x") {
		s.strs = append(s.strs, str)
		return int32(len(s.strs) - 1)
	}
	if s.strIDs == nil {
		s.strIDs = map[string]int32{}
	}
	id, ok := s.strIDs[str]
	if !ok {
		id = int32(len(s.strs))
		s.strs = append(s.strs, str)
		s.strIDs[str] = id
	}
	return id
}

// setInt is excelize's SetCellInt.
func (wb *workbook) setInt(sheet string, col, row int, n int) {
	if rs := wb.rawSheet(sheet); rs != nil {
		rs.setInt(rs.cell(col, row), n)
		return
	}
	at := cell(col, row)
	wb.xl(func(f *excelize.File) error { return f.SetCellInt(sheet, at, int64(n)) })
}

// setFloat is excelize's SetCellFloat with the shortest precision.
func (wb *workbook) setFloat(sheet string, col, row int, x float64) {
	if rs := wb.rawSheet(sheet); rs != nil {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			wb.setStr(sheet, col, row, fmt.Sprint(x))
			return
		}
		c := rs.cell(col, row)
		c.kind, c.val = rawFloat, int32(len(rs.nums))
		rs.nums = append(rs.nums, math.Float64bits(x))
		return
	}
	at := cell(col, row)
	wb.xl(func(f *excelize.File) error { return f.SetCellFloat(sheet, at, x, -1, 64) })
}

// setStyle is excelize's SetCellStyle over columns c1..c2 of rows r1..r2.
func (wb *workbook) setStyle(sheet string, c1, r1, c2, r2 int, style int) {
	if rs := wb.rawSheet(sheet); rs != nil {
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				rs.cell(c, r).style = int32(style)
			}
		}
		return
	}
	from, to := cell(c1, r1), cell(c2, r2)
	wb.xl(func(f *excelize.File) error { return f.SetCellStyle(sheet, from, to, style) })
}

// mergeCell is excelize's MergeCell of columns c1..c2 of rows r1..r2
// (in that order): the range is recorded and every cell in it but the
// first loses its value.
func (wb *workbook) mergeCell(sheet string, c1, r1, c2, r2 int) {
	rs := wb.rawSheet(sheet)
	if rs == nil {
		from, to := cell(c1, r1), cell(c2, r2)
		wb.xl(func(f *excelize.File) error { return f.MergeCell(sheet, from, to) })
		return
	}
	for r := r1; r <= min(r2, rs.n); r++ {
		row := rs.at(r)
		for i := range row.cells {
			c := &row.cells[i]
			if int(c.col) >= c1 && int(c.col) <= c2 && (int(c.col) != c1 || r != r1) {
				c.kind, c.val = rawNone, 0
			}
		}
	}
	rs.merges = append(rs.merges, [4]int{c1, r1, c2, r2})
}

// setRowHeight is excelize's SetRowHeight.
func (wb *workbook) setRowHeight(sheet string, row int, h float64) {
	if rs := wb.rawSheet(sheet); rs != nil {
		if h > excelize.MaxRowHeight {
			wb.check(excelize.ErrMaxRowHeight)
			return
		}
		r := rs.row(row)
		r.ht, r.hasHt = h, true
		return
	}
	wb.xl(func(f *excelize.File) error { return f.SetRowHeight(sheet, row, h) })
}

// appendFloat appends value as excelize's formatCellFloat writes it at
// the shortest precision: at most 15 significant digits, as Excel keeps
// (TestAppendFloat compares with excelize's code).
func appendFloat(dst []byte, value float64) []byte {
	start := len(dst)
	dst = strconv.AppendFloat(dst, value, 'f', -1, 64)
	if math.Abs(value) == math.MaxFloat64 {
		return dst
	}
	const maxPrec = 15
	str := dst[start:]
	decimal := bytes.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return bytes.TrimSuffix(dst[:start+idx], []byte("."))
		}
		if decimal < 0 {
			decimal = len(str)
		}
		for ; idx < decimal; idx++ {
			str[idx] = '0'
		}
		return dst[:start+decimal]
	}
	return dst
}

func countUTF16(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

func truncateUTF16(s string, length int) string {
	n := 0
	for i, r := range s {
		if n += utf16.RuneLen(r); n > length {
			return s[:i]
		}
	}
	return s
}

// bstrExp is excelize's pattern of an escaped character in a string
// (_x000D_), which its shared string table keys escape.
var bstrExp = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
var bstrEscapeExp = regexp.MustCompile(`x[a-fA-F\d]{4}_`)

// sstKey is the key excelize files a new shared string under: the string
// with its _xHHHH_ sequences escaped (excelize's bstrMarshal). A string
// that holds one is therefore never found again, and each of its cells
// adds it anew; the table here does the same.
func sstKey(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	matches, l, cursor := bstrExp.FindAllStringSubmatchIndex(s, -1), len(s), 0
	var result strings.Builder
	for _, match := range matches {
		result.WriteString(s[cursor:match[0]])
		subStr := s[match[0]:match[1]]
		if subStr == "_x005F_" {
			cursor = match[1]
			if match[1]+6 <= l && bstrEscapeExp.MatchString(s[match[1]:match[1]+6]) {
				if _, err := strconv.Unquote(`"\u` + s[match[1]+1:match[1]+5] + `"`); err == nil {
					result.WriteString(subStr + "x005F" + subStr)
					continue
				}
			}
			result.WriteString(subStr + "x005F_")
			continue
		}
		if bstrExp.MatchString(subStr) {
			cursor = match[1]
			if _, err := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`); err == nil {
				result.WriteString("_x005F" + subStr)
				continue
			}
		}
	}
	if cursor < l {
		result.WriteString(s[cursor:])
	}
	return result.String()
}

// Part names in the package excelize writes.
const sstName = "xl/sharedStrings.xml"

var (
	emptySheetData = []byte("<sheetData></sheetData>")
	autoFilterEnd  = []byte("</autoFilter>")
	sstEnd         = []byte("</sst>")
)

// finishRaw returns the parts of pkg (the zip excelize wrote) that the raw
// sheets change, as functions that write them: each raw sheet with its
// rows, and the shared string table with the raw sheets' strings after
// excelize's own. The parts are written straight into their compressors,
// concurrently (deflateParts): they only read the workbook.
func (wb *workbook) finishRaw(pkg []byte) (map[string]part, error) {
	if len(wb.raws) == 0 {
		return nil, nil
	}
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		return nil, err
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[f.Name] = f
	}
	paths := map[string]string{}
	for id, name := range wb.f.GetSheetMap() {
		paths[name] = fmt.Sprintf("xl/worksheets/sheet%d.xml", id)
	}

	out := map[string]part{}
	if err := wb.sharedStrings(parts[sstName], out); err != nil {
		return nil, err
	}
	for name, rs := range wb.raws {
		f := parts[paths[name]]
		if f == nil {
			return nil, fmt.Errorf("no part for sheet %q", name)
		}
		x, err := readAll(f)
		if err != nil {
			return nil, err
		}
		at := bytes.Index(x, emptySheetData)
		if at < 0 || bytes.Count(x, emptySheetData) != 1 {
			return nil, fmt.Errorf("%s: no empty sheetData", f.Name)
		}
		at += len("<sheetData>")
		// The merged cells follow the autofilter, if any, after the rows.
		mat := at + len("</sheetData>")
		if bytes.Contains(x[mat:], []byte("<mergeCells")) {
			return nil, fmt.Errorf("%s: merged cells set through excelize", f.Name)
		}
		if i := bytes.Index(x[mat:], autoFilterEnd); i >= 0 {
			mat += i + len(autoFilterEnd)
		}
		after := func(w *bufio.Writer) error {
			_, _ = w.Write(x[at:mat])
			writeMerges(w, rs.merges)
			_, err := w.Write(x[mat:])
			return err
		}
		if rs.rows != nil {
			out[f.Name] = part{size: len(x) + rs.size(), write: func(w *bufio.Writer) error {
				_, err := w.Write(x[:at])
				return err
			}, mid: rs.rows, after: after}
			continue
		}
		out[f.Name] = part{size: len(x) + rs.size(), write: func(w *bufio.Writer) error {
			_, _ = w.Write(x[:at])
			writeRows(w, rs)
			return after(w)
		}}
	}
	return out, nil
}

// size guesses the bytes of a sheet's rows.
func (s *rawSheet) size() int {
	n := 0
	for i := range s.n {
		n += 48 + 40*len(s.at(i+1).cells)
	}
	return n
}

// stringTable numbers the raw sheets' strings after the strings of
// excelize's shared string table, as excelize would have: a string
// already there keeps its index, a new one is appended (fresh).
//
// A string without "_x" is its own key, and no other string's key (an
// escaped key holds "_x" too): once in the index it stays there under
// the same number. So only its first cell in a sheet matters, and the
// sheet's strs holds it once (strID).
type stringTable struct {
	index map[string]int32
	n     int32
	fresh []string
	size  int // a guess of the fresh strings' XML bytes
}

// newStringTable starts a table after excelize's, whose strings have keys
// (sstKey); more is a guess of the strings to come.
func newStringTable(keys []string, more int) *stringTable {
	t := &stringTable{index: make(map[string]int32, len(keys)+more), n: int32(len(keys))}
	for i, k := range keys {
		t.index[k] = int32(i)
	}
	return t
}

// number gives each string of rs its index in the table (rs.ids).
func (t *stringTable) number(rs *rawSheet) {
	rs.ids = make([]int32, len(rs.strs))
	for k, s := range rs.strs {
		if i, ok := t.index[s]; ok {
			rs.ids[k] = i
			continue
		}
		rs.ids[k] = t.n
		t.index[sstKey(s)] = t.n
		t.n++
		t.fresh = append(t.fresh, s)
		t.size += len(s) + 16
	}
}

// writeFresh writes the strings the table appends, as excelize writes
// shared strings.
func (t *stringTable) writeFresh(w *bufio.Writer) {
	for _, s := range t.fresh {
		_, _ = w.WriteString("<si><t")
		if s != "" && (isSpace(s[0]) || isSpace(s[len(s)-1])) {
			_, _ = w.WriteString(` xml:space="preserve"`)
		}
		_ = w.WriteByte('>')
		escapeText(w, s)
		_, _ = w.WriteString("</t></si>")
	}
}

// excelizeKeys are the keys (sstKey) of the strings in excelize's shared
// string table as it stands, and whether they could all be read: what the
// table will hold once written, unless excelize adds to it later
// (finishRaw makes sure it has not).
func excelizeKeys(f *excelize.File) ([]string, bool) {
	sst := f.SharedStrings
	if sst == nil {
		return nil, false
	}
	keys := make([]string, len(sst.SI))
	for i, si := range sst.SI {
		if si.T == nil || len(si.R) > 0 {
			return nil, false
		}
		keys[i] = sstKey(si.T.Val)
	}
	return keys, true
}

// sharedStrings numbers every string of the raw sheets, sheet after sheet
// in the workbook's order and in the order they were set in each, after
// the strings of excelize's table (part f); the new table goes to out.
// When the strings were numbered while the sheets were built (wb.table,
// see buildBeside) after the same strings of excelize's, that numbering
// stands; otherwise the compressed rows are dropped and the strings
// numbered here.
func (wb *workbook) sharedStrings(f *zip.File, out map[string]part) error {
	total := 0
	for _, name := range wb.rawOrder {
		total += len(wb.raws[name].strs)
	}
	if total == 0 {
		return nil
	}
	if f == nil {
		return errors.New("no shared string table")
	}
	x, err := readAll(f)
	if err != nil {
		return err
	}
	var sst struct {
		SI []struct {
			T string `xml:"t"`
		} `xml:"si"`
	}
	if err := xml.Unmarshal(x, &sst); err != nil {
		return fmt.Errorf("%s: %w", sstName, err)
	}
	keys := make([]string, len(sst.SI))
	for i, si := range sst.SI {
		keys[i] = sstKey(si.T)
	}
	t := wb.table
	if t == nil || !slices.Equal(keys, wb.tableKeys) {
		wb.table, wb.freshSeg = nil, nil
		for _, rs := range wb.raws {
			rs.rows = nil
		}
		t = newStringTable(keys, total)
		for _, name := range wb.rawOrder {
			t.number(wb.raws[name])
		}
	}
	// The start tag counts the strings: count="N" uniqueCount="N".
	old := fmt.Sprintf(` count="%d" uniqueCount="%d">`, len(sst.SI), len(sst.SI))
	at := bytes.Index(x, []byte(old))
	end := bytes.LastIndex(x, sstEnd)
	if at < 0 || end < at {
		return fmt.Errorf("%s: unexpected start or end", sstName)
	}
	head := func(w *bufio.Writer) error {
		_, _ = w.Write(x[:at])
		_, _ = fmt.Fprintf(w, ` count="%d" uniqueCount="%d">`, t.n, t.n)
		_, err := w.Write(x[at+len(old) : end])
		return err
	}
	tail := func(w *bufio.Writer) error {
		_, err := w.Write(x[end:])
		return err
	}
	if wb.freshSeg != nil {
		out[sstName] = part{size: len(x) + t.size, write: head, mid: wb.freshSeg, after: tail}
		return nil
	}
	out[sstName] = part{size: len(x) + t.size, write: func(w *bufio.Writer) error {
		_ = head(w)
		t.writeFresh(w)
		return tail(w)
	}}
	return nil
}

// escapeText writes s as xml.EscapeText does, without making it a []byte.
func escapeText(w *bufio.Writer, s string) {
	// In valid UTF-8, only U+FFFE and U+FFFF (EF BF BE, EF BF BF) of
	// the characters past ASCII are outside XML's ranges: without them,
	// the bytes past ASCII stay as they are.
	if utf8.ValidString(s) && !strings.Contains(s, "\uFFFE") && !strings.Contains(s, "\uFFFF") {
		last := 0
		for i := 0; i < len(s); i++ {
			if s[i] >= '?' {
				continue // no byte from '?' up is escaped
			}
			if esc := asciiEscape(s[i]); esc != "" {
				_, _ = w.WriteString(s[last:i])
				_, _ = w.WriteString(esc)
				last = i + 1
			}
		}
		_, _ = w.WriteString(s[last:])
		return
	}
	last := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			if esc := asciiEscape(c); esc != "" {
				_, _ = w.WriteString(s[last : i-1])
				_, _ = w.WriteString(esc)
				last = i
			}
			continue
		}
		r, width := utf8.DecodeRuneInString(s[i:])
		i += width
		if r >= 0xE000 && r <= 0xFFFD && !(r == utf8.RuneError && width == 1) ||
			r >= 0x80 && r <= 0xD7FF || r >= 0x10000 && r <= 0x10FFFF {
			continue
		}
		_, _ = w.WriteString(s[last : i-width])
		_, _ = w.WriteString("\uFFFD")
		last = i
	}
	_, _ = w.WriteString(s[last:])
}

// asciiEscape is what escapeText writes for the ASCII byte c: "" for a
// byte that stays as it is, else its escape, or U+FFFD for a control
// character XML does not allow.
func asciiEscape(c byte) string {
	switch c {
	case '"':
		return "&#34;"
	case '\'':
		return "&#39;"
	case '&':
		return "&amp;"
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	case '\t':
		return "&#x9;"
	case '\n':
		return "&#xA;"
	case '\r':
		return "&#xD;"
	}
	if c < 0x20 {
		return "\uFFFD"
	}
	return ""
}

// isSpace is excelize's test for a string that needs xml:space="preserve".
func isSpace(c byte) bool { return c == 9 || c == 10 || c == 13 || c == 32 }

// writeRows writes the rows of s as excelize marshals them: the rows that
// hold a cell or a height, in order; in each the cells with a style or a
// value.
func writeRows(b *bufio.Writer, s *rawSheet) {
	var num [24]byte
	var ref [16]byte
	for i := range s.n {
		r := s.at(i + 1)
		cells := 0
		for _, c := range r.cells {
			if c.style != 0 || c.kind != rawNone {
				cells++
			}
		}
		if cells == 0 && !r.hasHt {
			continue
		}
		row := i + 1
		rowNo := strconv.AppendInt(num[:0], int64(row), 10)
		_, _ = b.WriteString(`<row r="`)
		_, _ = b.Write(rowNo)
		_ = b.WriteByte('"')
		if r.hasHt {
			_, _ = b.WriteString(` ht="`)
			_, _ = b.Write(strconv.AppendFloat(num[:0], r.ht, 'g', -1, 64))
			_, _ = b.WriteString(`" customHeight="true"`)
		}
		_ = b.WriteByte('>')
		for _, c := range r.cells {
			if c.style == 0 && c.kind == rawNone {
				continue
			}
			_, _ = b.WriteString(`<c r="`)
			_, _ = b.Write(appendColName(ref[:0], int(c.col)))
			_, _ = b.Write(strconv.AppendInt(num[:0], int64(row), 10))
			_ = b.WriteByte('"')
			if c.style != 0 {
				_, _ = b.WriteString(` s="`)
				_, _ = b.Write(strconv.AppendInt(num[:0], int64(c.style), 10))
				_ = b.WriteByte('"')
			}
			switch c.kind {
			case rawStr:
				_, _ = b.WriteString(` t="s"><v>`)
				_, _ = b.Write(strconv.AppendInt(num[:0], int64(s.ids[c.val]), 10))
				_, _ = b.WriteString(`</v></c>`)
			case rawInt, rawBigInt:
				n := int64(c.val)
				if c.kind == rawBigInt {
					n = int64(s.nums[c.val])
				}
				_, _ = b.WriteString(`><v>`)
				_, _ = b.Write(strconv.AppendInt(num[:0], n, 10))
				_, _ = b.WriteString(`</v></c>`)
			case rawFloat:
				_, _ = b.WriteString(`><v>`)
				_, _ = b.Write(appendFloat(num[:0], math.Float64frombits(s.nums[c.val])))
				_, _ = b.WriteString(`</v></c>`)
			default:
				_, _ = b.WriteString(`></c>`)
			}
		}
		_, _ = b.WriteString(`</row>`)
	}
}

// appendColName appends the letters of column col (from 1).
func appendColName(dst []byte, col int) []byte {
	var buf [8]byte
	i := len(buf)
	for col > 0 {
		col--
		i--
		buf[i] = byte('A' + col%26)
		col /= 26
	}
	return append(dst, buf[i:]...)
}

// writeMerges writes the merged ranges as excelize does: ranges that
// overlap joined into one (excelize's mergeOverlapCells), in the order
// they were set.
func writeMerges(b *bufio.Writer, merges [][4]int) {
	if len(merges) == 0 {
		return
	}
	rects := merges
	for merged := true; merged; {
		merged = false
		var out [][4]int
		used := make([]bool, len(rects))
		for i := range rects {
			if used[i] {
				continue
			}
			r1 := rects[i]
			for j := i + 1; j < len(rects); j++ {
				if used[j] {
					continue
				}
				if r2 := rects[j]; overlap(r1, r2) {
					r1 = [4]int{min(r1[0], r2[0]), min(r1[1], r2[1]), max(r1[2], r2[2]), max(r1[3], r2[3])}
					merged, used[j] = true, true
				}
			}
			out = append(out, r1)
		}
		rects = out
	}
	var num [24]byte
	_, _ = b.WriteString(`<mergeCells count="`)
	_, _ = b.Write(strconv.AppendInt(num[:0], int64(len(rects)), 10))
	_, _ = b.WriteString(`">`)
	for _, r := range rects {
		_, _ = b.WriteString(`<mergeCell ref="`)
		_, _ = b.Write(appendColName(num[:0], r[0]))
		_, _ = b.Write(strconv.AppendInt(num[:0], int64(r[1]), 10))
		_ = b.WriteByte(':')
		_, _ = b.Write(appendColName(num[:0], r[2]))
		_, _ = b.Write(strconv.AppendInt(num[:0], int64(r[3]), 10))
		_, _ = b.WriteString(`"></mergeCell>`)
	}
	_, _ = b.WriteString(`</mergeCells>`)
}

// overlap is excelize's isOverlap: a corner of either range lies in the
// other.
func overlap(a, b [4]int) bool {
	in := func(c, r int, x [4]int) bool { return c >= x[0] && c <= x[2] && r >= x[1] && r <= x[3] }
	return in(a[0], a[1], b) || in(a[2], a[1], b) || in(a[0], a[3], b) || in(a[2], a[3], b) ||
		in(b[0], b[1], a) || in(b[2], b[1], a) || in(b[0], b[3], a) || in(b[2], b[3], a)
}
