package cli

import (
	"fmt"

	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/render"
	"github.com/spf13/cobra"
)

type validateOptions struct {
	format string
	strict bool
}

func (a *App) validateCmd() *cobra.Command {
	var o validateOptions
	c := &cobra.Command{
		Use:   "validate",
		Short: "Check every file of the plan and report all problems",
		Long: "validate reads the whole plan folder and reports every problem in one run, sorted by file and position.\n" +
			"It exits 1 when there is an error (or, with --strict, a warning).",
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			switch o.format {
			case "text", "json", "github":
			default:
				return usageErr("use --format text, json or github", "unknown format %q", o.format)
			}
			return a.runValidate(o)
		},
	}
	c.Flags().StringVar(&o.format, "format", "text", "output format: text, json or github (annotations)")
	c.Flags().BoolVar(&o.strict, "strict", false, "fail on warnings too")
	return c
}

func (a *App) runValidate(o validateOptions) error {
	l, err := a.loadPlan()
	if err != nil {
		return err
	}
	// Validation does not depend on D, but every command says when D is
	// outside the plan (SPEC §8.4): a plan checked in 2026 for 2024 is
	// worth a line. A --as-of that is no day is a usage error here too.
	if l.plan != nil {
		day, err := a.today(l.plan)
		if err != nil {
			return err
		}
		a.warnOutside(l, day)
	}
	switch o.format {
	case "json":
		err = render.DiagnosticsJSON(a.IO.Out, l.diags, l.lang)
	case "github":
		err = render.DiagnosticsGitHub(a.IO.Out, l.diags, l.lang)
	default:
		err = render.DiagnosticsText(a.IO.Out, l.diags, l.lang)
	}
	if err != nil {
		return &exitError{code: ExitUsage, err: err}
	}
	errs, warns := l.diags.Count()
	if o.format == "text" {
		if errs+warns == 0 {
			fmt.Fprintln(a.IO.Err, i18n.T(l.lang, "diag.ok", len(l.plan.Tasks), len(l.plan.Units), len(l.plan.Reports)))
		} else {
			fmt.Fprintln(a.IO.Err, i18n.T(l.lang, "diag.summary", errs, warns))
		}
	}
	if errs > 0 || (o.strict && warns > 0) {
		return errFindings
	}
	return nil
}

func formatDiag(d diag.Diagnostic, lang i18n.Lang) string { return render.DiagnosticLine(d, lang) }
