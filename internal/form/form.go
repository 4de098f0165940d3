// Package form writes a unit's report form (phiếu báo cáo) as an xlsx
// workbook from a status.Result, reads a filled form back into a
// model.Report, and reads an appendix table of tasks (SPEC §11).
//
// A form is untrusted input: it arrives by e-mail from another office. The
// reader checks the zip's headers against fixed caps before anything is
// unzipped, refuses macros, external links and encrypted or foreign files,
// never evaluates a formula, and reports every problem as a diagnostic
// positioned "file:sheet!cell". The visible sheet is only read at the rows
// and columns the hidden keys sheet names, so import never guesses a task
// from visible text.
package form

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Format is the form format written in the keys sheet; a form of another
// format is refused.
const Format = "plan06/form/v1"

// keysSheet is the hidden sheet that holds the form's identity and the
// task and target of each answer row.
const keysSheet = "_plan06"

// Columns of the task rows. STT comes first so that the columns a unit
// fills read as they do in the plan's appendix.
const (
	colNo       = 1  // A: STT
	colID       = 2  // B: Mã (task id)
	colTitle    = 3  // C: Nhiệm vụ
	colRole     = 4  // D: Vai trò
	colDue      = 5  // E: Thời hạn
	colState    = 6  // F: Trạng thái (answer)
	colProgress = 7  // G: Tiến độ (%) (answer)
	colDone     = 8  // H: Ngày hoàn thành (answer)
	colResult   = 9  // I: Kết quả (answer)
	colObstacle = 10 // J: Khó khăn, vướng mắc (answer)
	colProposal = 11 // K: Đề xuất (answer)
	lastCol     = colProposal
)

// Columns of the target rows.
const (
	colTargetName     = 3 // C: Chỉ tiêu
	colTargetUnit     = 4 // D: Đơn vị tính
	colTargetRequired = 5 // E: Mức yêu cầu
	colTargetValue    = 6 // F: Giá trị (answer)
)

// Fixed rows of the sheet's head.
const (
	rowTitle    = 1
	rowUnit     = 2
	rowCycle    = 3
	rowPeriod   = 4
	rowDocument = 5 // "Số, ngày văn bản": the answer is in column D
	rowHelp     = 6
	rowHead     = 8
	firstRow    = 9
	colDocument = 4
)

// Keys is the identity of a form and the place of each answer row, as the
// hidden sheet holds them.
type Keys struct {
	Format string
	Plan   string
	Unit   string
	Cycle  string // YYYY-MM
	// Tasks are the task rows, in sheet order.
	Tasks []TaskRow
	// Targets are the target rows, in sheet order.
	Targets []TargetRow
	// Answers is the digest of the answer cells as written (see
	// answersDigest); empty in a form made before it was recorded. The
	// check value does not cover it.
	Answers string
}

// TaskRow places a task's answers on a sheet row.
type TaskRow struct {
	Task string
	Row  int
	Lead bool // the unit leads the task (else it supports it)
}

// TargetRow places a target's value on a sheet row.
type TargetRow struct {
	Task, Target string
	Row          int
}

// digest is the check value of the keys: a form whose keys were edited by
// hand no longer matches it. It guards against slips, not forgers: there is
// no secret in it.
func (k *Keys) digest() string {
	var b strings.Builder
	line := func(parts ...string) {
		for i, p := range parts {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(p)
		}
		b.WriteByte('\n')
	}
	line(k.Format, k.Plan, k.Unit, k.Cycle)
	for _, t := range k.Tasks {
		role := "support"
		if t.Lead {
			role = "lead"
		}
		line("task", t.Task, strconv.Itoa(t.Row), role)
	}
	for _, t := range k.Targets {
		line("target", t.Task, t.Target, strconv.Itoa(t.Row))
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:12])
}

// cell names the cell at column col and row row ("G9").
func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// FileName is the file name of unit's form for cycle ("phieu-bao-cao-2024-04-so-tttt.xlsx").
func FileName(cycle, unit string) string {
	return "phieu-bao-cao-" + cycle + "-" + unit + ".xlsx"
}
