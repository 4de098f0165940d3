package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/plan06/plan06/internal/check"
	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/form"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/load"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/safewrite"
	"github.com/spf13/cobra"
)

func (a *App) importTasksCmd() *cobra.Command {
	var group, prefix, output string
	var dryRun bool
	c := &cobra.Command{
		Use:   "tasks FILE.xlsx --group G [--prefix P] [-o tasks/FILE.yaml]",
		Short: "Turn an appendix table of tasks (xlsx) into a task file",
		Long: "import tasks reads the first sheet of FILE.xlsx, finds the header row by its key words, accents, case and\n" +
			"punctuation aside (STT or TT | nội dung or nhiệm vụ | chủ trì | phối hợp | thời gian or thời hạn: \"Cơ quan,\n" +
			"đơn vị chủ trì\" is the lead; a \"bắt đầu\" column is never the deadline, a \"hoàn thành\" one is preferred),\n" +
			"resolves unit names the way --unit does (in the support column, a \"các cơ quan … có liên quan\" or \"Sở,\n" +
			"ban, ngành liên quan\" phrase becomes support_note), keeps each deadline as written and writes a task file\n" +
			"that validates. Each task's id is the prefix (default: the group's ref, else its id, and a dot) and the\n" +
			"row's STT. -o is relative to the plan folder (default tasks/GROUP.yaml), or to the working folder when it\n" +
			"points inside the plan folder (-o plan/tasks/x.yaml); an existing file is never replaced.",
		Example: "  plan06 import tasks phu-luc.xlsx --group dot-pha --prefix 3.",
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if group == "" {
				return usageErr("name the group the tasks belong to: --group dot-pha", "--group is required")
			}
			return a.runImportTasks(args[0], group, prefix, output, dryRun)
		},
	}
	c.Flags().StringVar(&group, "group", "", "the group of the tasks (id or part of its title)")
	c.Flags().StringVar(&prefix, "prefix", "", "task id prefix (default: the group's ref or id and a dot)")
	c.Flags().StringVarP(&output, "output", "o", "", "task file to write, relative to the plan folder or inside it (default tasks/GROUP.yaml)")
	c.Flags().BoolVar(&dryRun, "dry-run", false, "check everything and print the task file, write nothing")
	return c
}

func (a *App) runImportTasks(file, groupQuery, prefix, output string, dryRun bool) error {
	l, _, err := a.loadValid()
	if err != nil {
		return err
	}
	p := l.plan
	ix := model.NewIndex(p)
	id, err := findGroup(p, ix, groupQuery)
	if err != nil {
		return err
	}
	g := ix.Group(id)
	ref := groupRef(g)
	if prefix == "" {
		prefix = ref + "."
	}
	if output == "" {
		output = "tasks/" + g.ID.Value + ".yaml"
	}
	rel, ok := taskFileRel(a.dir(), output)
	if !ok {
		return usageErr("write the task file as tasks/NAME.yaml (relative to the plan folder)", "-o %s is not a task file of the plan", output)
	}
	path := filepath.Join(a.dir(), filepath.FromSlash(rel))
	// An existing file is never replaced: say so before reading anything,
	// with a name that is free.
	if _, err := os.Lstat(path); err == nil {
		return withHintArgs(usageErr("import tasks never replaces a task file; write a new one, e.g. -o %s",
			"%s already exists", filepath.ToSlash(path)), freeTaskFile(a.dir(), rel))
	}
	data, ds, err := readInput(file)
	if err != nil {
		return err
	}
	ds = form.ForAppendix(ds)
	var out []byte
	var app *form.Appendix
	if !ds.HasErrors() {
		var ads diag.Diagnostics
		app, ads = form.ReadAppendix(file, data, p)
		ds = append(ds, ads...)
	}
	if !ds.HasErrors() {
		if out, err = form.TasksYAML(app.Tasks, g.ID.Value, prefix, ref); err != nil {
			return &exitError{code: ExitUsage, err: err}
		}
		ds = append(ds, a.validateTaskFile(rel, out, file, app)...)
	}
	if err := a.printImportDiags(ds, l.lang, true); err != nil {
		return err
	}
	if dryRun {
		a.IO.Out.Write(out)
		fmt.Fprintln(a.IO.Err, i18n.T(l.lang, "import.tasks.would", filepath.ToSlash(path), len(app.Tasks)))
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return &exitError{code: ExitUsage, err: err}
	}
	err = safewrite.Create(path, 0o644, func(w io.Writer) error { _, err := w.Write(out); return err })
	if err != nil {
		return &exitError{code: ExitUsage, err: err}
	}
	fmt.Fprintln(a.IO.Out, i18n.T(l.lang, "import.tasks.wrote", filepath.ToSlash(path), len(app.Tasks)))
	return nil
}

// taskFileRel returns the task file -o names, relative to the plan folder
// dir ("tasks/x.yaml", or "tasks/x.yml"): output is read relative to the plan folder, else,
// when that is not a task file, relative to the working folder (or as an
// absolute path) provided it lands inside dir ("plan/tasks/x.yaml" when
// the plan is ./plan).
func taskFileRel(dir, output string) (string, bool) {
	isTaskFile := func(rel string) bool {
		stem, ok := strings.CutSuffix(rel, ".yaml")
		if !ok {
			stem, ok = strings.CutSuffix(rel, ".yml") // SPEC §2: .yml is accepted
		}
		return ok && strings.HasPrefix(stem, "tasks/") && strings.Count(stem, "/") == 1 && stem != "tasks/"
	}
	if !filepath.IsAbs(output) {
		if rel := filepath.ToSlash(filepath.Clean(output)); isTaskFile(rel) {
			return rel, true
		}
	}
	absDir, err1 := filepath.Abs(dir)
	absOut, err2 := filepath.Abs(output)
	if err1 != nil || err2 != nil {
		return "", false
	}
	rel, err := filepath.Rel(absDir, absOut)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	return rel, isTaskFile(rel)
}

// freeTaskFile is a task file name beside rel that does not exist yet
// (tasks/dot-pha-2.yaml, or .yml after a .yml), for the hint of a refusal.
func freeTaskFile(dir, rel string) string {
	ext := filepath.Ext(rel)
	stem := strings.TrimSuffix(rel, ext)
	for n := 2; n < 100; n++ {
		name := fmt.Sprintf("%s-%d%s", stem, n, ext)
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			return name
		}
	}
	return "tasks/OTHER.yaml"
}

// validateTaskFile checks the plan with the new task file added in memory;
// diagnostics on that file move to the table's cells.
func (a *App) validateTaskFile(rel string, out []byte, file string, app *form.Appendix) diag.Diagnostics {
	var ds diag.Diagnostics
	display := filepath.ToSlash(a.dir())
	ov := &overlayFS{base: os.DirFS(a.dir()), files: map[string][]byte{rel: out}}
	head, lds, err := load.Load(ov, display)
	if err != nil {
		ds.Errorf(diag.Pos{File: display}, "unreadable", err.Error())
		return ds
	}
	lds = append(lds, check.Plan(head)...)
	lds.Sort()
	cells := form.AppendixCells(out, app)
	for _, d := range lds {
		if d.Pos.File != display+"/"+rel {
			if d.Severity == diag.Error {
				ds = append(ds, d)
			}
			continue
		}
		pos := diag.Pos{File: file}
		if c, ok := cells[int(d.Pos.Line)]; ok {
			pos.File += ":" + c
		}
		d.Pos = pos
		ds = append(ds, d)
	}
	return ds
}

// groupRef is how the plan numbers a group: its ref (SPEC §8.5), else its
// id.
func groupRef(g *model.Group) string {
	if g.Ref.Value != "" {
		return g.Ref.Value
	}
	return g.ID.Value
}
