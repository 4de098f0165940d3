package cli

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/plan06/plan06/internal/check"
	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/form"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/load"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/plandiff"
	"github.com/plan06/plan06/internal/planfs"
	"github.com/plan06/plan06/internal/render"
	"github.com/plan06/plan06/internal/safetext"
	"github.com/plan06/plan06/internal/safewrite"
	"github.com/spf13/cobra"
	"github.com/xuri/excelize/v2"
)

// importOptions are the flags of `plan06 import`.
type importOptions struct {
	submitted string
	cycle     string
	dryRun    bool
	force     bool
}

func (a *App) importCmd() *cobra.Command {
	var o importOptions
	c := &cobra.Command{
		Use:   "import FILE.xlsx… [--submitted DATE] [--cycle M] [--dry-run] [--force]",
		Short: "Turn filled report forms into reports/M/U.yaml",
		Long: "import reads report forms made by plan06 form and filled in by the units, and writes each as\n" +
			"reports/M/U.yaml in canonical form, M being the cycle the form's hidden keys give (a form for an earlier\n" +
			"month is a late report; --cycle M refuses forms for any other cycle). It checks that every form belongs\n" +
			"to this plan, reads state names in Vietnamese or English, a decimal comma and dates typed as\n" +
			"dd/mm/yyyy, and validates the plan with the new reports before writing any: on any error nothing is\n" +
			"written and each error names the file, sheet and cell. An existing report is replaced only with --force,\n" +
			"which prints the difference first. submitted defaults to today.",
		Example: "  plan06 import phieu/*.xlsx --dry-run\n  plan06 import phieu-bao-cao-2024-04-so-tttt.xlsx --submitted 14/04/2024",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return a.runImport(args, o)
		},
	}
	f := c.Flags()
	f.StringVar(&o.submitted, "submitted", "", "the day the reports were sent (default today)")
	f.StringVar(&o.cycle, "cycle", "", "accept only forms for this cycle, YYYY-MM (default: each form's own cycle)")
	f.BoolVar(&o.dryRun, "dry-run", false, "check everything and say what would be written, write nothing")
	f.BoolVar(&o.force, "force", false, "replace existing reports (the difference is printed first)")
	c.AddCommand(a.importTasksCmd())
	return c
}

// imported is one form on its way to a report file.
type imported struct {
	form *form.Filled
	rel  string // reports/M/U.yaml
	path string // on disk
	yaml []byte
	// kept are the tasks carried over from the report replaced.
	kept []string
}

func (a *App) runImport(files []string, o importOptions) error {
	// Two plans stay live at once: the base and the head.
	load.HoldPlans(2)
	l, day, err := a.loadValid()
	if err != nil {
		return err
	}
	p := l.plan
	// Each form is for the cycle its keys give (SPEC §11: import never
	// guesses); --cycle only restricts which cycle is accepted.
	var month dates.Month
	if o.cycle != "" {
		if month, err = cycleOf(o.cycle, day); err != nil {
			return err
		}
	}
	submitted := day
	if o.submitted != "" {
		if submitted, err = dates.ParseDay(strings.TrimSpace(o.submitted)); err != nil {
			return usageErr("write the day as 2024-04-14 or 14/04/2024", "--submitted %q is not a day", o.submitted)
		}
	}
	ix := model.NewIndex(p)
	// The reports an import may replace, by cycle and unit.
	current := make(map[[2]string]*model.Report, len(p.Reports))
	for i := range p.Reports {
		r := &p.Reports[i]
		current[[2]string{r.Month.String(), r.Unit}] = r
	}
	var ds diag.Diagnostics
	var forms []*imported
	byRel := map[string]string{}
	// Forms are read and checked on every core (unzipping and parsing the
	// sheets is most of an import's time); the results are merged in the
	// order the files were named, so messages and writes do not depend on
	// which form finished first.
	type read struct {
		fl  *form.Filled
		fds diag.Diagnostics
		err error
	}
	results := make([]read, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fl, fds, err := readForm(files[i])
				if fl != nil && !fds.HasErrors() {
					fds = append(fds, fl.Check(p, ix, month)...)
				}
				results[i] = read{fl, fds, err}
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	// A file that cannot be read stops the import before anything else is
	// said: it is a mistyped name or a permission, not a unit's slip.
	for _, r := range results {
		if r.err != nil {
			return r.err
		}
	}
	for i, name := range files {
		fl, fds := results[i].fl, results[i].fds
		ds = append(ds, fds...)
		if fl == nil || fds.HasErrors() {
			continue
		}
		rel := filepath.ToSlash(filepath.Join("reports", fl.Keys.Cycle, fl.Keys.Unit+".yaml"))
		if other, dup := byRel[rel]; dup {
			ds.Errorf(diag.Pos{File: name}, "form-duplicate", fl.Keys.Unit, fl.Keys.Cycle, other)
			continue
		}
		byRel[rel] = name
		fl.Report.Submitted = model.Date{Date: submitted, Text: submitted.String()}
		kept := fl.CarryOver(current[[2]string{fl.Keys.Cycle, fl.Keys.Unit}])
		out, err := form.ReportYAML(&fl.Report)
		if err != nil {
			return &exitError{code: ExitUsage, err: fmt.Errorf("%s: %w", name, err)}
		}
		forms = append(forms, &imported{form: fl, rel: rel, path: filepath.Join(a.dir(), filepath.FromSlash(rel)), yaml: out, kept: kept})
	}

	// Validate the plan as it would be with the new reports, in memory.
	var head *model.Plan
	if !ds.HasErrors() && len(forms) > 0 {
		head, ds = a.validateWith(forms, ds)
	}
	var existing []*imported
	for _, f := range forms {
		if _, err := os.Lstat(f.path); err == nil {
			existing = append(existing, f)
			if !o.force {
				ds.Errorf(diag.Pos{File: f.form.File}, "form-report-exists", filepath.ToSlash(f.path))
			}
		}
	}
	if err := a.printImportDiags(ds, l.lang, false); err != nil {
		return err
	}
	if len(existing) > 0 && head != nil {
		if err := plandiff.Compare(p, head, plandiff.Options{AsOf: day}).WriteText(a.IO.Out, l.lang); err != nil {
			return &exitError{code: ExitUsage, err: err}
		}
	}
	for _, f := range forms {
		shown := filepath.ToSlash(f.path)
		if o.dryRun {
			fmt.Fprintln(a.IO.Out, i18n.T(l.lang, "import.would", shown, safetext.Line(f.form.File), len(f.form.Report.Entries)))
		} else {
			if err := writeReport(f, o.force); err != nil {
				return err
			}
			fmt.Fprintln(a.IO.Out, i18n.T(l.lang, "import.wrote", shown, safetext.Line(f.form.File), len(f.form.Report.Entries)))
		}
		if len(f.kept) > 0 {
			fmt.Fprintln(a.IO.Out, i18n.T(l.lang, "import.kept", strings.Join(f.kept, ", ")))
		}
	}
	return nil
}

// readForm reads one form file; err is an I/O error (see readInput).
func readForm(name string) (*form.Filled, diag.Diagnostics, error) {
	data, ds, err := readInput(name)
	if err != nil || ds.HasErrors() {
		return nil, ds, err
	}
	fl, fds := form.Read(name, data)
	return fl, append(ds, fds...), nil
}

// readInput reads a workbook named on the command line. A file that is
// missing, cannot be read or is not a regular file (a folder, a FIFO) is
// an I/O error, exit 2 (SPEC §4); one over the size cap is refused before
// it is read, as a finding at the file.
func readInput(name string) ([]byte, diag.Diagnostics, error) {
	var ds diag.Diagnostics
	ioErr := func(err error) error { return inputErr(name, err) }
	info, err := os.Stat(name)
	switch {
	case err != nil:
		return nil, nil, ioErr(err)
	case info.IsDir():
		return nil, nil, usageErr("name the .xlsx file itself", "cannot read %s: it is a folder", name)
	case !info.Mode().IsRegular():
		return nil, nil, usageErr("name the .xlsx file itself", "cannot read %s: not a regular file", name)
	case info.Size() > form.MaxFileSize:
		ds.Errorf(diag.Pos{File: name}, "form-too-big", info.Size()>>20, form.MaxFileSize>>20)
		return nil, ds, nil
	}
	fh, err := os.Open(name)
	if err != nil {
		return nil, nil, ioErr(err)
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, form.MaxFileSize+1))
	if err != nil {
		return nil, nil, ioErr(err)
	}
	return data, nil, nil
}

// inputErr is the error for a file named on the command line that cannot
// be read: the common causes in the run's language (no such file, no
// permission), any other as the system words it.
func inputErr(name string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return usageErr("check the file name and the folder plan06 runs in", "cannot read %s: no such file", name)
	case errors.Is(err, fs.ErrPermission):
		return usageErr("ask for permission to read the file, or copy it somewhere you may read it", "cannot read %s: permission denied", name)
	}
	return usageErr("check the file name and that you may read it", "cannot read %s: %s", name, unwrapPathErr(err).Error())
}

func unwrapPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// validateWith loads the plan with the new reports added in memory and
// checks it. Diagnostics on a new report are moved to the form's cells.
func (a *App) validateWith(forms []*imported, ds diag.Diagnostics) (*model.Plan, diag.Diagnostics) {
	dir := a.dir()
	display := filepath.ToSlash(dir)
	base, err := planfs.OpenDir(dir)
	if err != nil {
		ds.Errorf(diag.Pos{File: display}, "unreadable", err.Error())
		return nil, ds
	}
	ov := &overlayFS{base: base, files: map[string][]byte{}}
	byFile := map[string]*imported{}
	for _, f := range forms {
		ov.files[f.rel] = f.yaml
		byFile[display+"/"+f.rel] = f
	}
	head, lds, err := load.Load(ov, display)
	if err != nil {
		ds.Errorf(diag.Pos{File: display}, "unreadable", err.Error())
		return nil, ds
	}
	lds = append(lds, check.Plan(head)...)
	lds.Sort()
	cells := map[*imported]map[int]string{}
	kept := map[*imported]map[int]form.Kept{}
	for _, d := range lds {
		f, ok := byFile[d.Pos.File]
		if !ok {
			if d.Severity == diag.Error {
				ds = append(ds, d)
			}
			continue
		}
		if len(f.kept) > 0 {
			if kept[f] == nil {
				kept[f] = form.KeptLines(f.yaml, f.form)
			}
			// An entry carried over from the report replaced: the form
			// has no cell for it, the old report and --submitted do.
			if k, ok := kept[f][int(d.Pos.Line)]; ok {
				ds = append(ds, diag.Diagnostic{Pos: k.Pos, Severity: d.Severity, Key: keptKey,
					Args: []any{keptFinding{task: k.Task, form: f.form.File, finding: d}}})
				continue
			}
		}
		if cells[f] == nil {
			cells[f] = form.YAMLCells(f.yaml, f.form)
		}
		pos := diag.Pos{File: f.form.File}
		if c, ok := cells[f][int(d.Pos.Line)]; ok {
			pos.File += ":" + c
		}
		d.Pos = pos
		ds = append(ds, d)
	}
	return head, ds
}

// writeReport writes one report: a new file never replaces one that
// appeared meanwhile; with --force the file is replaced whole.
func writeReport(f *imported, force bool) error {
	if err := os.MkdirAll(filepath.Dir(f.path), 0o755); err != nil {
		return &exitError{code: ExitUsage, err: fmt.Errorf("cannot create %s: %w", filepath.Dir(f.path), err)}
	}
	var err error
	if force {
		err = safewrite.WriteFile(f.path, f.yaml, 0o644)
	} else {
		err = safewrite.Create(f.path, 0o644, func(w io.Writer) error { _, err := w.Write(f.yaml); return err })
	}
	if errors.Is(err, safewrite.ErrExists) {
		return usageErr("another import wrote it meanwhile; run plan06 import again to see the difference", "%s already exists; not overwriting it", filepath.ToSlash(f.path))
	}
	if err != nil {
		return &exitError{code: ExitUsage, err: err}
	}
	return nil
}

// keptKey marks a finding on an entry carried over from the report
// replaced; its one argument is a keptFinding.
const keptKey = "import-kept-finding"

// keptFinding is a finding of the plan's checks on an entry that import
// --force carried over from the report it replaces (the form has no row
// for the task): it names the task and the form, and is placed in the old
// report, for the form's cells are not what to correct.
type keptFinding struct {
	task, form string
	finding    diag.Diagnostic
}

func keptOf(d diag.Diagnostic) (keptFinding, bool) {
	if d.Key != keptKey || len(d.Args) != 1 {
		return keptFinding{}, false
	}
	k, ok := d.Args[0].(keptFinding)
	return k, ok
}

// printImportDiags prints every diagnostic of an import on stderr and, when
// any is an error, returns the findings exit that says nothing was written.
// Its hint fits the errors: cells to correct in the forms (in the appendix
// for import tasks), a form for a cycle the plan does not have, an entry
// kept from the report replaced.
func (a *App) printImportDiags(ds diag.Diagnostics, lang i18n.Lang, tasks bool) error {
	sortImportDiags(ds)
	errs, keptErrs, outside, exists := 0, 0, 0, 0
	for _, d := range ds {
		fmt.Fprintln(a.IO.Err, importDiagLine(d, lang))
		if d.Severity == diag.Error {
			errs++
			if _, ok := keptOf(d); ok {
				keptErrs++
			} else if d.Key == "report-month-outside" && !tasks {
				outside++
			} else if d.Key == "form-report-exists" {
				exists++ // its message says what to do (--force)
			}
		}
	}
	if errs > 0 {
		key := "import.failed.other"
		if errs == 1 {
			key = "import.failed.one"
		}
		var hints []string
		switch {
		case tasks:
			hints = append(hints, i18n.T(lang, "import.tasks.failed.hint"))
		case errs > keptErrs+outside+exists:
			hints = append(hints, i18n.T(lang, "import.failed.hint"))
		}
		if outside > 0 {
			hints = append(hints, i18n.T(lang, "import.failed.hint.cycle"))
		}
		if keptErrs > 0 {
			hints = append(hints, i18n.T(lang, "import.failed.hint.kept"))
		}
		return &exitError{code: ExitFindings, err: errors.New(i18n.T(lang, key, errs)), hint: strings.Join(hints, "; ")}
	}
	return nil
}

// importDiagLine is one line of import's findings in the form of SPEC §11:
// "phieu.xlsx:Phiếu báo cáo!G9: message" for an error (no severity word:
// every error stops the import), "…: warning: message" for a warning.
func importDiagLine(d diag.Diagnostic, lang i18n.Lang) string {
	msg := ""
	if k, ok := keptOf(d); ok {
		msg = i18n.T(lang, "import.kept.finding", k.task, k.form, render.Message(k.finding, lang))
	} else {
		msg = render.Message(d, lang)
	}
	if d.Severity == diag.Warning {
		return safetext.Line(fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, msg))
	}
	return safetext.Line(fmt.Sprintf("%s: %s", d.Pos, msg))
}

// sortImportDiags orders an import's findings file by file, in the order
// the files first appear, then by sheet and by cell, row before column and
// numerically (G9 before F14), then by line and column for plan files. The
// sort is stable: findings at one cell keep their order.
func sortImportDiags(ds diag.Diagnostics) {
	keys := make(map[string]cellPos, len(ds))
	order := map[string]int{}
	for _, d := range ds {
		if _, ok := keys[d.Pos.File]; ok {
			continue
		}
		k := splitCellPos(d.Pos.File)
		keys[d.Pos.File] = k
		if _, ok := order[k.file]; !ok {
			order[k.file] = len(order)
		}
	}
	slices.SortStableFunc(ds, func(a, b diag.Diagnostic) int {
		ka, kb := keys[a.Pos.File], keys[b.Pos.File]
		return cmp.Or(
			cmp.Compare(order[ka.file], order[kb.file]),
			cmp.Compare(ka.sheet, kb.sheet),
			cmp.Compare(ka.row, kb.row),
			cmp.Compare(ka.col, kb.col),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
		)
	})
}

// cellPos is a finding's place in a workbook: file, sheet, row and column
// (1-based; 0 when the finding is about the whole file or sheet).
type cellPos struct {
	file, sheet string
	row, col    int
}

// splitCellPos splits "phieu.xlsx:Phiếu báo cáo!G9" into the file, the
// sheet and the cell's row and column; a position without a cell
// ("phieu.xlsx", "phieu.xlsx:Sheet1", a plan file) is the file alone, or
// the file and the sheet. A sheet name never holds ':' (Excel forbids it),
// so the file is what comes before the last ':' ahead of the '!'.
func splitCellPos(p string) (k cellPos) {
	k.file = p
	bang := strings.LastIndexByte(p, '!')
	if bang < 0 {
		return k
	}
	col, row, err := excelize.CellNameToCoordinates(p[bang+1:])
	colon := strings.LastIndexByte(p[:bang], ':')
	if err != nil || colon < 0 {
		return k
	}
	k.file, k.sheet, k.row, k.col = p[:colon], p[colon+1:bang], row, col
	return k
}
