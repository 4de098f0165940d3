// Package cli is the cobra command tree of plan06. It owns flags, exit
// codes, the choice of output and the only reading of the clock; the work
// itself lives in packages that know nothing of cobra.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/plan06/plan06/internal/check"
	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/load"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/planfs"
	"github.com/plan06/plan06/internal/safetext"
	"github.com/spf13/cobra"
)

// Exit codes (SPEC §4).
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitUsage    = 2
	ExitFailOn   = 3
)

// Version is set at build time with -ldflags "-X …/internal/cli.Version=…".
var Version = "dev"

// IO carries the streams and what is known of the terminal; tests pass
// buffers.
type IO struct {
	In    io.Reader
	Out   io.Writer
	Err   io.Writer
	IsTTY bool // stdout is a terminal
	Width int  // terminal width, 0 when unknown
}

// Env is the process environment as a lookup; tests pass a map.
type Env func(key string) string

// App is one run of plan06.
type App struct {
	IO  IO
	Env Env
	// Now is the only clock of plan06.
	Now func() time.Time

	// ui is the language of help, errors and hints: --lang, else the
	// plan's, else Vietnamese (see earlyLang).
	ui i18n.Lang

	// global flags
	planDir string
	asOf    string
	lang    string
	noColor bool

	// warnedOutside is set once the §8.4 warning has been printed, so a
	// command that computes several days warns once.
	warnedOutside bool
}

// exitError carries an exit code and an optional hint to Main. When format
// is set, Main prints the message in the user's language (i18n.Say of
// format and args, and of hint with hintArgs); err is its English form.
type exitError struct {
	code     int
	err      error
	hint     string
	format   string
	args     []any
	hintArgs []any
}

func (e *exitError) Error() string { return e.err.Error() }

// usageErr is a usage or I/O error (exit 2). format and hint are English,
// translated by the catalogue when printed (i18n.RegisterEnglish); a test
// fails when one has no Vietnamese.
func usageErr(hint string, format string, args ...any) error {
	return codeErr(ExitUsage, hint, format, args...)
}

// codeErr is an error with the exit code code, translated as usageErr is.
func codeErr(code int, hint string, format string, args ...any) error {
	return &exitError{code: code, err: fmt.Errorf(format, args...), hint: hint, format: format, args: args}
}

// withHintArgs fills the hint's fmt verbs of a usageErr or codeErr.
func withHintArgs(err error, args ...any) error {
	if ee, ok := err.(*exitError); ok {
		ee.hintArgs = args
	}
	return err
}

// findings is returned when a command found problems it already printed:
// Main prints nothing more and exits 1.
var errFindings = &exitError{code: ExitFindings, err: errors.New("findings")}

// Main runs plan06 with args (without the program name) and returns the exit
// code.
func Main(args []string, io IO, env Env, now func() time.Time) int {
	app := &App{IO: io, Env: env, Now: now}
	app.ui = app.earlyLang(args)
	root := app.rootCmd()
	app.localize(root)
	root.SetArgs(args)
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	cmd, err := root.ExecuteC()
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee == errFindings || ee.err == nil {
			return ee.code
		}
		msg := ee.err.Error()
		if ee.format != "" {
			msg = i18n.Say(app.ui, ee.format, ee.args...)
		}
		hint := ""
		if ee.hint != "" {
			hint = i18n.Say(app.ui, ee.hint, ee.hintArgs...)
		}
		printErr(io.Err, msg, hint)
		return ee.code
	}
	// cobra's own errors: unknown command or flag, wrong arguments.
	msg, hint := cobraMessage(app.ui, err.Error(), cmd != nil && !cmd.HasSubCommands())
	if hint == "" {
		path := "plan06"
		if cmd != nil {
			path = cmd.CommandPath()
		}
		hint = i18n.Say(app.ui, "run '%s --help' for usage", path)
	}
	printErr(io.Err, msg, hint)
	return ExitUsage
}

// printErr writes an error and its hint. Both may quote what the user
// gave (a path, a git revision, a file's text): safetext.Clean keeps the
// terminal's own controls out of them.
func printErr(w io.Writer, msg string, hint string) {
	msg, hint = safetext.Clean(msg), safetext.Clean(hint)
	fmt.Fprintf(w, "plan06: %s\n", msg)
	if hint != "" {
		fmt.Fprintf(w, "hint: %s\n", hint)
	}
}

func (a *App) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "plan06",
		Short:         "Track a province's Đề án 06 plan kept as YAML files",
		Long:          "plan06 validates a Đề án 06 plan kept as YAML files, computes who is done, late, at risk or has not reported, and exports the monthly Excel report.",
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       Version,
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		msg, _ := cobraMessage(a.ui, err.Error(), false)
		return withHintArgs(usageErr("run '%s --help' for usage", "%s", msg), c.CommandPath())
	})
	f := root.PersistentFlags()
	f.StringVar(&a.planDir, "plan", "", "plan folder (default ./plan, or $PLAN06_PLAN)")
	f.StringVar(&a.asOf, "as-of", "", "compute as of this day (2024-04-20, 20/04/2024, \"trước ngày 20/04/2024\" or a named day of calendar.yaml; default today, or $PLAN06_TODAY)")
	f.StringVar(&a.lang, "lang", "", "output language: vi or en (default: the plan's language)")
	f.BoolVar(&a.noColor, "no-color", false, "never colour the output (also off with NO_COLOR or when not a terminal)")
	root.AddCommand(
		a.validateCmd(),
		a.statusCmd(),
		a.dueCmd(),
		a.newCmd(),
		a.fmtCmd(),
		a.diffCmd(),
		a.reportCmd(),
		a.remindCmd(),
		a.versionCmd(),
		a.schemaCmd(),
		a.initCmd(),
	)
	a.addLaterCommands(root)
	a.addCompletions(root)
	return root
}

// loaded is a plan read and checked.
type loaded struct {
	plan  *model.Plan
	diags diag.Diagnostics
	lang  i18n.Lang
}

// loadPlan reads and checks the plan folder; the error is an I/O or usage
// error (exit 2).
func (a *App) loadPlan() (*loaded, error) { return a.loadPlanBeside(nil) }

// loadPlanBeside is loadPlan that lets a command start on the plan while
// check.Plan runs: once the plan is read, beside (when not nil) is called
// with it and the language, and the work it returns (when not nil) runs on
// a goroutine beside the checks. The work must only read the plan, since
// it may still be running when loadPlanBeside returns: it is waited for
// only when the plan has no errors. A panic in it is recovered, so the work
// should record its result only once it has it; the caller then does again,
// serially, whatever the work left undone.
func (a *App) loadPlanBeside(beside func(p *model.Plan, lang i18n.Lang) func()) (*loaded, error) {
	dir := a.dir()
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return nil, usageErr("run plan06 in the plan repository, or pass --plan DIR (or set PLAN06_PLAN)",
			"no plan folder at %s", dir)
	}
	fsys, err := planfs.OpenDir(dir)
	if err != nil {
		return nil, &exitError{code: ExitUsage, err: err}
	}
	defer fsys.Close()
	p, diags, err := load.Load(fsys, filepath.ToSlash(dir))
	if err != nil {
		if errors.Is(err, load.ErrNoPlan) {
			return nil, usageErr("a plan folder holds plan.yaml, units.yaml and tasks/; pass --plan DIR (or set PLAN06_PLAN) to read another folder",
				"no plan.yaml in %s/", strings.TrimSuffix(filepath.ToSlash(dir), "/"))
		}
		return nil, &exitError{code: ExitUsage, err: err}
	}
	// The language depends on no check; it comes first so that the work
	// beside the checks has it.
	lang, err := a.language(p)
	if err != nil {
		return nil, err
	}
	var done chan struct{}
	if beside != nil && !diags.HasErrors() {
		if work := beside(p, lang); work != nil {
			done = make(chan struct{})
			go func() {
				defer close(done)
				defer func() { _ = recover() }()
				work()
			}()
		}
	}
	diags = append(diags, check.Plan(p)...)
	diags.Sort()
	if done != nil && !diags.HasErrors() {
		<-done
	}
	return &loaded{plan: p, diags: diags, lang: lang}, nil
}

// language is --lang, else the plan's language, else Vietnamese.
func (a *App) language(p *model.Plan) (i18n.Lang, error) {
	if a.lang != "" {
		l, ok := i18n.ParseLang(a.lang)
		if !ok {
			return "", usageErr("use --lang vi or --lang en", "unknown language %q", a.lang)
		}
		return l, nil
	}
	if p != nil {
		if l, ok := i18n.ParseLang(p.Language.Value); ok {
			return l, nil
		}
	}
	return i18n.VI, nil
}

// requireValid stops a command that needs a sound plan: it prints the
// errors to stderr and returns the findings exit.
func (a *App) requireValid(l *loaded) error {
	if !l.diags.HasErrors() {
		return nil
	}
	for _, d := range l.diags {
		if d.Severity == diag.Error {
			fmt.Fprintln(a.IO.Err, formatDiag(d, l.lang))
		}
	}
	n, _ := l.diags.Count()
	return codeErr(ExitFindings, "", "the plan has %d errors; fix them first (plan06 validate lists them)", n)
}

// loadValid loads a plan that must be free of errors, and the day to
// compute for: what status, due and new report start from.
func (a *App) loadValid() (*loaded, dates.Date, error) {
	l, err := a.loadPlan()
	if err != nil {
		return nil, dates.Date{}, err
	}
	if err := a.requireValid(l); err != nil {
		return nil, dates.Date{}, err
	}
	day, err := a.today(l.plan)
	if err != nil {
		return nil, dates.Date{}, err
	}
	a.warnOutside(l, day)
	return l, day, nil
}

// outsideAfter is how many days after the plan's end a day still counts as
// the plan's: the December cycle is compiled and the yearly review written
// in the weeks after the year ends.
const outsideAfter = 45

// warnOutside prints one warning line on stderr when day is before the
// plan's period or more than 45 days after it (SPEC §8.4): on a day like
// that every figure is about a plan that is not running, which is seldom
// what the user meant. The exit code does not change.
func (a *App) warnOutside(l *loaded, day dates.Date) {
	p := l.plan
	from, to := p.PeriodFrom.Date, p.PeriodTo.Date
	if a.warnedOutside || from.IsZero() || to.IsZero() {
		return
	}
	if !day.Before(from) && !day.After(to.AddDays(outsideAfter)) {
		return
	}
	a.warnedOutside = true
	suggest := to
	if day.Before(from) {
		suggest = from
	}
	fmt.Fprintln(a.IO.Err, "plan06: "+i18n.T(l.lang, "cli.outside-plan",
		langDay(l.lang, day), langDay(l.lang, from), langDay(l.lang, to), suggest.String()))
}

// langDay prints d as the language writes it: dd/mm/yyyy in Vietnamese,
// ISO in English.
func langDay(lang i18n.Lang, d dates.Date) string {
	if lang == i18n.EN {
		return d.String()
	}
	return d.VN()
}

// clockDay is today without --as-of: $PLAN06_TODAY, else the clock in the
// plan's time zone. `report` compares the day it compiles for with it.
func (a *App) clockDay(p *model.Plan) (dates.Date, error) {
	saved := a.asOf
	a.asOf = ""
	defer func() { a.asOf = saved }()
	return a.today(p)
}

// today is the day everything is computed for: --as-of, else $PLAN06_TODAY,
// else today in the plan's time zone.
func (a *App) today(p *model.Plan) (dates.Date, error) {
	if a.asOf != "" {
		return asOfDay(a.asOf, p)
	}
	if s := a.Env("PLAN06_TODAY"); s != "" {
		d, err := dates.ParseDay(strings.TrimSpace(s))
		if err != nil {
			return dates.Date{}, usageErr("write the day as 2024-04-20", "PLAN06_TODAY %q is not a day", s)
		}
		return d, nil
	}
	tz := "Asia/Ho_Chi_Minh"
	if p != nil && p.Timezone.Value != "" {
		tz = p.Timezone.Value
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		loc = time.FixedZone("ICT", 7*3600)
	}
	return dates.FromTime(a.Now().In(loc)), nil
}

// asOfHint lists the forms --as-of accepts.
const asOfHint = "write the day as 2024-04-20, 20/04/2024, \"trước ngày 20/04/2024\" or a named day of calendar.yaml " +
	"(\"trước Tết Nguyên đán 2024\"); a month, quarter, year or ongoing deadline names no single day"

// asOfDay reads --as-of: any form of the deadline grammar (SPEC §2.1) that
// names one day (SPEC §4): a day, "trước <day>", "trước <named day>" or a
// bare named day, the names from the plan's calendar as in deadlines.
// Periods (2024-03, Quý I năm 2024) and ongoing deadlines (Thường xuyên,
// Từ …) name no single day and are refused. p may be nil (no plan, no
// named days).
func asOfDay(text string, p *model.Plan) (dates.Date, error) {
	t := strings.TrimSpace(text)
	if d, err := dates.ParseDay(t); err == nil {
		return d, nil
	}
	var named dates.NamedDays
	if p != nil {
		named = p.Cal.Named
	}
	dl, err := dates.Parse(t, named)
	var pe *dates.ParseError
	switch {
	case err == nil && !dl.Ongoing && !dl.Last.IsZero() && (dl.First.IsZero() || dl.First == dl.Last):
		return dl.Last, nil
	case errors.As(err, &pe) && pe.Reason == dates.ReasonUnknownNamedDay:
		return dates.Date{}, usageErr("add it to named_days in calendar.yaml, or write the date", "--as-of %q names a day that is not in calendar.yaml named_days", text)
	}
	return dates.Date{}, usageErr(asOfHint, "--as-of %q is not a day", text)
}

// color reports whether output may be coloured.
func (a *App) color() bool {
	return a.IO.IsTTY && !a.noColor && a.Env("NO_COLOR") == ""
}
