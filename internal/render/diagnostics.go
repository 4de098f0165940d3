package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/safetext"
)

// Message returns the text of d in lang, with diag.Word arguments
// translated, on one line and without control characters: messages quote
// the user's text, and validate must not carry what it refuses to the
// terminal (safetext.Line).
func Message(d diag.Diagnostic, lang i18n.Lang) string {
	args := make([]any, len(d.Args))
	for i, a := range d.Args {
		switch a := a.(type) {
		case diag.Word:
			args[i] = i18n.T(lang, "word."+string(a))
		case diag.Month:
			args[i] = i18n.Month(lang, a.Year, a.Month)
		case diag.Number:
			args[i] = Options{Lang: lang}.number(float64(a))
		default:
			args[i] = a
		}
	}
	return safetext.Line(i18n.T(lang, "diag."+d.Key, args...))
}

// DiagnosticLine is the compiler-style line of SPEC §2.2:
// "plan/tasks/x.yaml:14:11: error: message". The severity word stays
// English in every language so that editors and scripts can match it.
func DiagnosticLine(d diag.Diagnostic, lang i18n.Lang) string {
	return safetext.Line(fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, Message(d, lang)))
}

// DiagnosticsText writes one line per diagnostic.
func DiagnosticsText(w io.Writer, ds diag.Diagnostics, lang i18n.Lang) error {
	for _, d := range ds {
		if _, err := fmt.Fprintln(w, DiagnosticLine(d, lang)); err != nil {
			return err
		}
	}
	return nil
}

// diagJSON is the stable JSON form of one diagnostic.
type diagJSON struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
}

// DiagnosticsJSON writes {"format": "plan06/validate/v1", "errors": N,
// "warnings": M, "diagnostics": [...]}.
func DiagnosticsJSON(w io.Writer, ds diag.Diagnostics, lang i18n.Lang) error {
	errs, warns := ds.Count()
	out := struct {
		Format      string     `json:"format"`
		Errors      int        `json:"errors"`
		Warnings    int        `json:"warnings"`
		Diagnostics []diagJSON `json:"diagnostics"`
	}{Format: "plan06/validate/v1", Errors: errs, Warnings: warns, Diagnostics: []diagJSON{}}
	for _, d := range ds {
		out.Diagnostics = append(out.Diagnostics, diagJSON{
			File: safetext.Line(d.Pos.File), Line: int(d.Pos.Line), Col: int(d.Pos.Col),
			Severity: d.Severity.String(), Code: strings.TrimSuffix(d.Key, "-suggest"), Message: Message(d, lang),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// DiagnosticsGitHub writes GitHub Actions workflow commands, which the
// runner turns into annotations on the changed lines of a pull request.
func DiagnosticsGitHub(w io.Writer, ds diag.Diagnostics, lang i18n.Lang) error {
	for _, d := range ds {
		props := "file=" + ghProp(safetext.Line(d.Pos.File))
		if d.Pos.Line > 0 {
			props += fmt.Sprintf(",line=%d", d.Pos.Line)
		}
		if d.Pos.Col > 0 {
			props += fmt.Sprintf(",col=%d", d.Pos.Col)
		}
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", d.Severity, props, ghData(Message(d, lang))); err != nil {
			return err
		}
	}
	return nil
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProp escapes a workflow command's property value.
func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
