package form

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// answersLabel names the keys sheet's row 6, which holds the digest of the
// answer cells as `form` wrote them. Forms made before it leave the row
// blank, and the keys' check value does not cover it, so their format and
// check stay as they were.
const answersLabel = "answers"

// answerCells are the answer cells of a form with keys k, in a fixed
// order: the document cell, then each task row's answers, then each
// target's value.
func answerCells(k *Keys) []string {
	cells := []string{cell(colDocument, rowDocument)}
	for _, t := range k.Tasks {
		for c := colState; c <= colProposal; c++ {
			cells = append(cells, cell(c, t.Row))
		}
	}
	for _, t := range k.Targets {
		cells = append(cells, cell(colTargetValue, t.Row))
	}
	return cells
}

// answersDigest is the hex SHA-256 over the answer cells' raw values, each
// as import reads it (cleaned, spaces trimmed, a number in its shortest
// form so that a spreadsheet saving 95.3 as 95.299999999999997 does not
// count as an edit).
func answersDigest(k *Keys, value func(cell string) string) string {
	h := sha256.New()
	for _, c := range answerCells(k) {
		v := strings.TrimSpace(Clean(value(c)))
		if n, err := strconv.ParseFloat(v, 64); err == nil {
			v = strconv.FormatFloat(n, 'g', -1, 64)
		}
		h.Write([]byte(c))
		h.Write([]byte{'\t'})
		h.Write([]byte(v))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// rawValue reads a cell's raw value from sheet of xf; "" when unreadable.
func rawValue(xf *excelize.File, sheet string) func(string) string {
	return func(c string) string {
		v, err := xf.GetCellValue(sheet, c, excelize.Options{RawCellValue: true})
		if err != nil {
			return ""
		}
		return v
	}
}

// checkUntouched sets Untouched when every answer cell is as `form` wrote
// it: the form came back without a single answer changed (or was never
// sent out). A form without the digest is never untouched.
func (fl *Filled) checkUntouched(xf *excelize.File) {
	if fl.Keys.Answers == "" || fl.Sheet == "" {
		return
	}
	if answersDigest(&fl.Keys, rawValue(xf, fl.Sheet)) == fl.Keys.Answers {
		fl.Untouched = true
	}
}
