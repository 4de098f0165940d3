package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

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
	// The head is resolved and listed while the base is (Prefetch), and
	// read while the base is loaded: git writes the head's blobs while the
	// base is decoded. Its errors are said after the base's, as when the
	// two were read one after the other.
	var headCommit string
	var headFS fs.FS
	var headErr error
	resolved, listed := make(chan struct{}), make(chan struct{})
	defer func() { <-resolved; <-listed }()
	go func() {
		defer close(resolved)
		if headRev == "" {
			return
		}
		if headCommit, headErr = resolveRev(repo, headRev); headErr == nil {
			repo.Prefetch(headCommit, dir)
		}
	}()
	baseCommit, err := resolveRev(repo, baseRev)
	if err != nil {
		close(listed)
		return err
	}
	baseFS, err := revFS(repo, baseCommit, dir)
	if err != nil {
		close(listed)
		return err
	}
	go func() {
		defer close(listed)
		if <-resolved; headRev != "" && headErr == nil {
			headFS, headErr = revFS(repo, headCommit, dir)
		}
	}()
	// Each plan is checked in the background (the check only counts the
	// errors for a note): the base's while the head loads, the head's
	// while the plans are compared. The notes come out in that order, before
	// anything else is written or the command fails.
	noNote := func() {}
	baseNote, headNote := noNote, noNote
	defer func() { baseNote(); headNote() }()
	base, note, err := a.loadRev(baseFS, display, baseRev)
	if err != nil {
		return err
	}
	baseNote = sync.OnceFunc(note)
	var head *model.Plan
	if headRev == "" {
		var fsys *planfs.Dir
		if fsys, err = planfs.OpenDir(dir); err != nil {
			return &exitError{code: ExitUsage, err: err}
		}
		defer fsys.Close()
		head, note, err = a.loadChecking(fsys, display, "the working tree")
	} else if <-listed; headErr != nil {
		return headErr
	} else {
		head, note, err = a.loadRev(headFS, display, headRev)
	}
	if err != nil {
		return err
	}
	baseNote()
	headNote = sync.OnceFunc(note)
	lang, err := a.language(head)
	if err != nil {
		return err
	}
	day, err := a.today(head)
	if err != nil {
		return err
	}
	// The statuses compared are as of D (SPEC §8.4).
	a.warnOutside(&loaded{plan: head, lang: lang}, day)
	d := plandiff.Compare(base, head, plandiff.Options{AsOf: day})
	headNote()
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

// resolveRev names the commit rev stands for.
func resolveRev(repo *gitrev.Repo, rev string) (string, error) {
	commit, err := repo.Resolve(rev)
	if err != nil {
		// Resolve says only that rev names no commit: said in the run's
		// language.
		return "", usageErr("name a branch, tag or commit that exists (git log shows them)", "unknown revision %q", rev)
	}
	return commit, nil
}

// revFS is the plan folder as it was at commit, read in the background
// (see gitrev.Repo.FS); a revision without the folder yields an empty
// plan, so a first commit diffs as all added.
func revFS(repo *gitrev.Repo, commit, dir string) (fs.FS, error) {
	fsys, err := repo.FS(commit, dir)
	if err != nil {
		return nil, &exitError{code: ExitUsage, err: err}
	}
	return fsys, nil
}

// loadRev loads a revision's folder as loadChecking does; git failing
// while it wrote the blobs fails the command, as failing to list them
// does.
func (a *App) loadRev(fsys fs.FS, display, rev string) (*model.Plan, func(), error) {
	p, note, err := a.loadChecking(fsys, display, rev)
	if w, ok := fsys.(interface{ Wait() error }); ok {
		if werr := w.Wait(); werr != nil && err == nil {
			return nil, nil, &exitError{code: ExitUsage, err: werr}
		}
	}
	return p, note, err
}

// loadChecking loads the plan and checks it in the background: note waits
// for the check and says how many errors it found, if any.
func (a *App) loadChecking(fsys fs.FS, display, what string) (*model.Plan, func(), error) {
	p, diags, err := load.Load(fsys, display)
	if errors.Is(err, load.ErrNoPlan) {
		return &model.Plan{Dir: display}, func() {}, nil
	}
	if err != nil {
		return nil, nil, &exitError{code: ExitUsage, err: err}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		diags = append(diags, check.Plan(p)...)
	}()
	return p, func() {
		<-done
		if n, _ := diags.Count(); n > 0 {
			fmt.Fprintln(a.IO.Err, "plan06: "+i18n.Say(a.ui, "note: the plan at %s has %d validation errors (plan06 validate lists them); the diff shows what could be read", safetext.Line(i18n.Text(a.ui, what)), n))
		}
	}, nil
}
