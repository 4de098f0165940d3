package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/planfs"
	"github.com/plan06/plan06/internal/safetext"
	"github.com/plan06/plan06/internal/safewrite"
	"github.com/plan06/plan06/internal/yamlfmt"
	"github.com/spf13/cobra"
)

type fmtOptions struct {
	write, list, check bool
}

func (a *App) fmtCmd() *cobra.Command {
	var o fmtOptions
	c := &cobra.Command{
		Use:   "fmt [PATH…]",
		Short: "Write plan files in canonical YAML (comments kept)",
		Long: "fmt rewrites plan files in canonical form: 2-space indents, keys in the documented order, LF,\n" +
			"one final newline, NFC text, long strings never re-wrapped, comments where they were.\n" +
			"PATHs are files or folders (default: the whole plan folder). Without -w, -l or --check\n" +
			"the formatted files are printed.",
		Example: "  plan06 fmt -w\n  plan06 fmt --check          # in CI: lists what would change, exit 1",
		RunE: func(c *cobra.Command, args []string) error {
			return a.runFmt(o, args)
		},
	}
	c.Flags().BoolVarP(&o.write, "write", "w", false, "write the result back to the files")
	c.Flags().BoolVarP(&o.list, "list", "l", false, "list the files whose formatting differs")
	c.Flags().BoolVar(&o.check, "check", false, "list the files that would change and exit 1 if any would")
	return c
}

func (a *App) runFmt(o fmtOptions, paths []string) error {
	root := a.dir()
	if len(paths) == 0 {
		if info, err := os.Stat(root); err != nil || !info.IsDir() {
			return usageErr("run plan06 in the plan repository, or pass --plan DIR or the files to format", "no plan folder at %s", root)
		}
		paths = []string{root}
	}
	files, err := fmtTargets(a.ui, root, paths, o.write)
	if err != nil {
		return err
	}
	changed, failed := 0, 0
	for r := range formatAll(files) {
		f := r.file
		if r.readErr != nil {
			fmt.Fprintf(a.IO.Err, "%s: error: %s\n", safetext.Line(f.shown), safetext.Line(readErr(a.ui, r.readErr)))
			failed++
			continue
		}
		out, err := r.out, r.err
		if err != nil {
			fmt.Fprintln(a.IO.Err, fmtErr(a.ui, f.shown, err))
			failed++
			continue
		}
		differs := r.differs
		if differs {
			changed++
		}
		switch {
		case o.check || o.list:
			if differs {
				fmt.Fprintln(a.IO.Out, safetext.Line(f.shown))
			}
			if o.write && differs {
				if err := writeKeepingMode(f.write, out); err != nil {
					return err
				}
			}
		case o.write:
			if differs {
				if err := writeKeepingMode(f.write, out); err != nil {
					return err
				}
			}
		default:
			a.IO.Out.Write(out)
		}
	}
	// One format per count, so that English says "1 file" (Vietnamese
	// says both alike).
	switch {
	case failed == 1:
		return codeErr(ExitFindings, "", "%d file could not be formatted; plan06 validate explains why", failed)
	case failed > 1:
		return codeErr(ExitFindings, "", "%d files could not be formatted; plan06 validate explains why", failed)
	}
	if o.check && changed > 0 && !o.write {
		if changed == 1 {
			return codeErr(ExitFindings, "", "%d file is not in canonical form; run plan06 fmt -w", changed)
		}
		return codeErr(ExitFindings, "", "%d files are not in canonical form; run plan06 fmt -w", changed)
	}
	return nil
}

// fmtErr is the error line for a file fmt cannot format, shown as shown:
// FILE:LINE:COL: error: MESSAGE (SPEC §2.2), the message in the run's
// language and in the loader's words (diag.invalid-utf8, diag.control-byte,
// diag.yaml-tab, diag.duplicate-key, diag.yaml-syntax), so that fmt and validate say the same thing about the
// same file.
func fmtErr(lang i18n.Lang, shown string, err error) string {
	pos := diag.File(shown)
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var se *yamlfmt.SyntaxError
	if errors.As(err, &se) {
		if se.Line > 0 {
			pos = diag.At(shown, se.Line, se.Col)
		}
		switch se.Problem {
		case yamlfmt.ProblemUTF8:
			msg = i18n.T(lang, "diag.invalid-utf8")
		case yamlfmt.ProblemControl:
			msg = i18n.T(lang, "diag.control-byte", fmt.Sprintf("U+%04X", se.Rune))
		case yamlfmt.ProblemTab:
			msg = i18n.T(lang, "diag.yaml-tab")
		case yamlfmt.ProblemDuplicateKey:
			msg = i18n.T(lang, "diag.duplicate-key", se.Key, se.First)
		default:
			msg = i18n.T(lang, "diag.yaml-syntax", se.Msg)
		}
	}
	return safetext.Line(pos.String()) + ": error: " + safetext.Line(msg)
}

// readErr says why a plan file could not be read.
func readErr(lang i18n.Lang, err error) string {
	var big *planfs.TooBigError
	if errors.As(err, &big) {
		if big.AtLeast {
			return i18n.T(lang, "diag.too-big-grew", big.Size-1, planfs.MaxFileSize)
		}
		return i18n.T(lang, "diag.too-big-bytes", big.Size, planfs.MaxFileSize)
	}
	return err.Error()
}

func writeKeepingMode(path string, data []byte) error {
	perm := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		perm = info.Mode().Perm()
	}
	if err := safewrite.WriteFile(path, data, perm); err != nil {
		return &exitError{code: ExitUsage, err: err}
	}
	return nil
}

// fmtFile is one file fmt reads: rel inside the plan folder fsys, shown
// as shown; -w writes the result to write (the file itself, or the file a
// link inside the plan leads to).
type fmtFile struct {
	fsys  *planfs.Dir
	rel   string
	shown string
	write string
}

// fmtTargets lists the files fmt works on, under the rule every reader of
// plan06 follows (internal/planfs): only regular YAML files inside a plan
// folder. Folders are expanded to their YAML files (dot folders skipped);
// named files must end in .yaml or .yml. Every file is checked before any
// is read or written: a link out of the plan, a link to nothing, a FIFO or
// device, a file over the size cap or (with -w) a read-only file stops the
// run with all of them listed, and nothing is rewritten.
func fmtTargets(lang i18n.Lang, root string, paths []string, write bool) ([]fmtFile, error) {
	dirs := map[string]*planfs.Dir{}
	var files []fmtFile
	var problems []string
	seen := map[string]bool{}
	// The real path of each plan folder, resolved once: a file listed by
	// the walker that is no link is written at its real path without
	// resolving every file's path again (at country scale, 96,597 times
	// half a dozen system calls, on one core).
	realDirs := map[string]string{}
	realDir := func(planDir string) string {
		r, ok := realDirs[planDir]
		if !ok {
			r = planDir
			if resolved, err := filepath.EvalSymlinks(planDir); err == nil {
				r = resolved
			}
			realDirs[planDir] = r
		}
		return r
	}
	// add takes rel, checked by the walker as listed when listed is set.
	add := func(fsys *planfs.Dir, planDir, rel, shown string, listed *planfs.File) {
		f := listed
		if f == nil {
			checked, r := planfs.Check(fsys, rel)
			if r != nil {
				problems = append(problems, shown+": "+refusalText(lang, r))
				return
			}
			f = &checked
		}
		if f.Size > planfs.MaxFileSize {
			problems = append(problems, shown+": "+readErr(lang, &planfs.TooBigError{Size: f.Size}))
			return
		}
		var target string
		if listed != nil && !f.Link {
			target = filepath.Join(realDir(planDir), filepath.FromSlash(rel))
		} else {
			target = filepath.Join(planDir, filepath.FromSlash(rel))
			if resolved, err := filepath.EvalSymlinks(target); err == nil {
				target = resolved // a link inside the plan: write what it leads to
			}
		}
		if ext := filepath.Ext(target); ext != ".yaml" && ext != ".yml" {
			problems = append(problems, shown+": "+i18n.Say(lang, "symbolic link leads to a file that is not a YAML file (%s)", filepath.Base(target)))
			return
		}
		if seen[target] && write {
			return
		}
		seen[target] = true
		if write {
			mode := f.Mode
			if listed == nil || f.Link {
				if info, err := os.Stat(target); err == nil {
					mode = info.Mode()
				}
			}
			if mode.Perm()&0o200 == 0 {
				problems = append(problems, shown+": "+i18n.Say(lang, "the file is read-only and is not rewritten; make it writable first (chmod u+w)"))
				return
			}
		}
		files = append(files, fmtFile{fsys: fsys, rel: rel, shown: shown, write: target})
	}
	for _, p := range paths {
		info, err := os.Lstat(p)
		if err != nil {
			return nil, usageErr("check the path", "cannot read %s", filepath.ToSlash(p))
		}
		planDir, rel, err := planOf(root, p)
		if err != nil {
			return nil, err
		}
		fsys := dirs[planDir]
		if fsys == nil {
			if fsys, err = planfs.OpenDir(planDir); err != nil {
				return nil, &exitError{code: ExitUsage, err: err}
			}
			dirs[planDir] = fsys
		}
		if !info.IsDir() {
			if ext := filepath.Ext(p); ext != ".yaml" && ext != ".yml" {
				return nil, usageErr("fmt formats plan files: name .yaml or .yml files, or a folder of the plan",
					"%s is not a YAML file", filepath.ToSlash(p))
			}
			add(fsys, planDir, rel, filepath.ToSlash(p), nil)
			continue
		}
		list, refused, err := planfs.Walk(fsys)
		if err != nil {
			return nil, &exitError{code: ExitUsage, err: err}
		}
		under := func(q string) bool {
			if rel != "." && q != rel && !strings.HasPrefix(q, rel+"/") {
				return false
			}
			for _, part := range strings.Split(path.Dir(q), "/") {
				if strings.HasPrefix(part, ".") && part != "." {
					return false // .github and other dot folders are not the plan's
				}
			}
			return strings.HasSuffix(q, ".yaml") || strings.HasSuffix(q, ".yml")
		}
		for _, r := range refused {
			if under(r.Rel) {
				problems = append(problems, filepath.ToSlash(filepath.Join(planDir, r.Rel))+": "+refusalText(lang, &r))
			}
		}
		for i, f := range list {
			if under(f.Rel) {
				add(fsys, planDir, f.Rel, filepath.ToSlash(filepath.Join(planDir, f.Rel)), &list[i])
			}
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		msg := strings.Join(problems, "\n  ")
		// Each problem says what to do with its file.
		return nil, codeErr(ExitFindings, "", "nothing was changed: these files cannot be formatted safely:\n  %s", msg)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].shown < files[j].shown })
	return files, nil
}

// refusalText says why the walker refused a path.
func refusalText(lang i18n.Lang, r *planfs.Refusal) string {
	switch r.Reason {
	case planfs.LinkOutside:
		return i18n.T(lang, "diag.symlink-outside")
	case planfs.LinkDir:
		return i18n.T(lang, "diag.symlink-dir")
	case planfs.Dangling:
		return i18n.T(lang, "diag.symlink-dangling")
	case planfs.NotRegular:
		return i18n.T(lang, "diag.not-regular")
	}
	return i18n.T(lang, "diag.unreadable", errText(r.Err))
}

func errText(err error) string {
	if err == nil {
		return "unknown error"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// planOf finds the plan folder that holds p: the --plan folder when p is
// inside it, else the nearest folder above p that holds plan.yaml. It
// returns that folder and p relative to it, with '/'. A path in no plan
// folder is refused: fmt writes plan files only.
func planOf(root, p string) (string, string, error) {
	if rel, err := filepath.Rel(root, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		if planfs.HasPlan(os.DirFS(root)) {
			return root, filepath.ToSlash(rel), nil
		}
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", "", &exitError{code: ExitUsage, err: err}
	}
	for dir := abs; ; dir = filepath.Dir(dir) {
		if planfs.HasPlan(os.DirFS(dir)) {
			rel, err := filepath.Rel(dir, abs)
			if err != nil {
				return "", "", &exitError{code: ExitUsage, err: err}
			}
			return dir, filepath.ToSlash(rel), nil
		}
		if dir == filepath.Dir(dir) {
			break
		}
	}
	return "", "", usageErr("fmt formats the files of a plan folder (one that holds plan.yaml); pass --plan DIR",
		"%s is not inside a plan folder", filepath.ToSlash(p))
}

// relToPlan names a file the way the format does (tasks/x.yaml), so that
// its kind and key order are known; a file outside the plan folder is named
// by its own path and is formatted without reordering when its kind is not
// recognisable.
func relToPlan(root, file string) string {
	if rel, err := filepath.Rel(root, file); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	// Outside --plan: find the nearest folder above that holds plan.yaml.
	abs, err := filepath.Abs(file)
	if err != nil {
		return filepath.ToSlash(file)
	}
	for dir := filepath.Dir(abs); dir != filepath.Dir(dir); dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "plan.yaml")); err == nil {
			if rel, err := filepath.Rel(dir, abs); err == nil {
				return filepath.ToSlash(rel)
			}
		}
	}
	return filepath.Base(file)
}
