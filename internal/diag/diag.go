// Package diag holds positions in plan files and the diagnostics that point at
// them. It is the leaf of the import graph: every other package may use it.
package diag

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Pos is a place in a plan file. Line and Col are 1-based; 0 means unknown
// (a problem with a whole file, or with the plan folder itself).
type Pos struct {
	// File is the path as the user should see it, e.g. "plan/tasks/dot-pha.yaml".
	File string
	// Line is the 1-based line, 0 when the problem concerns the whole file.
	// Line and Col are int32: a country-size plan holds millions of
	// positions, and no plan file has two billion lines.
	Line int32
	// Col is the 1-based column in runes, 0 when unknown.
	Col int32
}

// At returns the position line:col of file, for callers that count in int
// (the YAML library, line scanners). Values beyond int32 are clamped.
func At(file string, line, col int) Pos {
	return Pos{File: file, Line: clamp32(line), Col: clamp32(col)}
}

func clamp32(n int) int32 {
	return int32(min(max(n, math.MinInt32), math.MaxInt32))
}

// File returns the position of a problem with the whole plan file name (a
// report path, a stray file, a file too large or unreadable): its first
// line and column, so that every line of validate has SPEC §2.2's form
// file:line:col and editors and CI annotations place it. Spreadsheet cells
// (forms, appendices) are named by their sheet and cell instead, with no
// line (Pos{File: "phieu.xlsx:Sheet!B9"}).
func File(name string) Pos { return Pos{File: name, Line: 1, Col: 1} }

// String renders the position the way compilers do: file:line:col.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// Severity tells whether a diagnostic makes validation fail.
type Severity int

const (
	// Error makes `plan06 validate` exit 1.
	Error Severity = iota
	// Warning is reported but changes the exit code only under --strict.
	Warning
)

// String is the English word used in every output format.
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem found in the plan. Its text is not stored: Key
// names an entry of the i18n catalogue and Args fill it, so the same
// diagnostic prints in Vietnamese or English.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	// Key is the catalogue key of the message, e.g. "unknown-unit".
	Key string
	// Args are the values the message quotes, in the order the catalogue uses.
	Args []any
}

// Diagnostics is an ordered collection; checks append to it and never stop at
// the first problem.
type Diagnostics []Diagnostic

// Errorf appends an error.
func (ds *Diagnostics) Errorf(pos Pos, key string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: pos, Severity: Error, Key: key, Args: args})
}

// Warnf appends a warning.
func (ds *Diagnostics) Warnf(pos Pos, key string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: pos, Severity: Warning, Key: key, Args: args})
}

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	return slices.ContainsFunc(ds, func(d Diagnostic) bool { return d.Severity == Error })
}

// Count returns the number of errors and warnings.
func (ds Diagnostics) Count() (errors, warnings int) {
	for _, d := range ds {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Sort orders diagnostics by file, line and column; ties keep their order of
// discovery so that output is stable.
func (ds Diagnostics) Sort() {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
		)
	})
}

// IsZero reports whether the position is unset (a value that was never written).
func (p Pos) IsZero() bool { return p == Pos{} }

// Month is a message argument naming a month, which renderers print the
// one way months print in prose ("tháng 3/2024", "March 2024").
type Month struct{ Year, Month int }

// Number is a message argument that is a number as a user wrote it,
// which renderers print the way the language writes numbers: the decimal
// comma in Vietnamese (50,5), the point in English (50.5).
type Number float64

// Word is a message argument that is itself a word to translate ("list",
// "mapping"); renderers look it up as "word.<w>" in the catalogue.
type Word string
