package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/plan06/plan06/internal/check"
	"github.com/plan06/plan06/internal/gitrev"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/load"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/plandiff"
	"github.com/plan06/plan06/internal/planfs"
	"github.com/plan06/plan06/internal/safetext"
	"github.com/spf13/cobra"
)

func (a *App) diffCmd() *cobra.Command {
	var output string
	c := &cobra.Command{
		Use:   "diff [BASE [HEAD]]",
		Short: "Say what changed in the plan between two git revisions, in the plan's words",
		Long: "diff loads the plan at git revision BASE (default HEAD) and at HEAD (default: the working tree)\n" +
			"and lists what changed: tasks added or removed, deadlines moved (flagged, with days), leads, targets,\n" +
			"reports added or changed, and the status of the changed tasks before and after.",
		Example: "  plan06 diff                       # uncommitted changes\n  plan06 diff origin/main HEAD -o markdown >> \"$GITHUB_STEP_SUMMARY\"",
		Args:    cobra.MaximumNArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			if output != "text" && output != "markdown" {
				return usageErr("use -o text or -o markdown", "unknown output %q", output)
			}
			base, head := "HEAD", ""
			if len(args) > 0 {
				base = args[0]
			}
			if len(args) > 1 {
				head = args[1]
			}
			return a.runDiff(base, head, output)
		},
	}
	c.Flags().StringVarP(&output, "output", "o", "text", "output: text or markdown")
	return c
}

func (a *App) runDiff(baseRev, headRev, output string) error {
	// Two plans stay live at once: the base and the head.
	load.HoldPlans(2)
	dir := a.dir()
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return usageErr("run plan06 in the plan repository, or pass --plan DIR", "no plan folder at %s", dir)
	}
	repo, err := gitrev.Open(dir)
	if err != nil {
		return usageErr("plan06 diff compares git revisions; run it inside the plan's git repository", "%s is not inside a git repository", dir)
	}
	display := filepath.ToSlash(dir)
	base, err := a.planAt(repo, baseRev, dir, display)
	if err != nil {
		return err
	}
	var head *model.Plan
	if headRev == "" {
		var fsys *planfs.Dir
		if fsys, err = planfs.OpenDir(dir); err != nil {
			return &exitError{code: ExitUsage, err: err}
		}
		defer fsys.Close()
		head, err = a.loadFS(fsys, display, "the working tree")
	} else {
		head, err = a.planAt(repo, headRev, dir, display)
	}
	if err != nil {
		return err
	}
	lang, err := a.language(head)
	if err != nil {
		return err
	}
	day, err := a.today(head)
	if err != nil {
		return err
	}
	d := plandiff.Compare(base, head, plandiff.Options{AsOf: day})
	if output == "markdown" {
		err = d.WriteMarkdown(a.IO.Out, lang)
	} else {
		err = d.WriteText(a.IO.Out, lang)
	}
	if err != nil {
		return &exitError{code: ExitUsage, err: err}
	}
	return nil
}

// planAt loads the plan folder as it was at rev; a revision without the
// folder yields an empty plan, so a first commit diffs as all added.
func (a *App) planAt(repo *gitrev.Repo, rev, dir, display string) (*model.Plan, error) {
	commit, err := repo.Resolve(rev)
	if err != nil {
		return nil, usageErr("name a branch, tag or commit that exists (git log shows them)", "%s", err.Error())
	}
	fsys, err := repo.FS(commit, dir)
	if err != nil {
		return nil, &exitError{code: ExitUsage, err: err}
	}
	return a.loadFS(fsys, display, rev)
}

func (a *App) loadFS(fsys fs.FS, display, what string) (*model.Plan, error) {
	p, diags, err := load.Load(fsys, display)
	if errors.Is(err, load.ErrNoPlan) {
		return &model.Plan{Dir: display}, nil
	}
	if err != nil {
		return nil, &exitError{code: ExitUsage, err: err}
	}
	diags = append(diags, check.Plan(p)...)
	if n, _ := diags.Count(); n > 0 {
		fmt.Fprintln(a.IO.Err, "plan06: "+i18n.Say(a.ui, "note: the plan at %s has %d validation errors (plan06 validate lists them); the diff shows what could be read", safetext.Line(i18n.Text(a.ui, what)), n))
	}
	return p, nil
}
