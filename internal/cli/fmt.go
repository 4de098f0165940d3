package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

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
	files, err := yamlFiles(paths)
	if err != nil {
		return err
	}
	changed, failed := 0, 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return &exitError{code: ExitUsage, err: err}
		}
		out, err := yamlfmt.Format(src, yamlfmt.KindOf(relToPlan(root, f)))
		if err != nil {
			fmt.Fprintf(a.IO.Err, "%s: error: %s\n", filepath.ToSlash(f), fmtErr(err))
			failed++
			continue
		}
		differs := !bytes.Equal(src, out)
		if differs {
			changed++
		}
		switch {
		case o.check || o.list:
			if differs {
				fmt.Fprintln(a.IO.Out, filepath.ToSlash(f))
			}
			if o.write && differs {
				if err := writeKeepingMode(f, out); err != nil {
					return err
				}
			}
		case o.write:
			if differs {
				if err := writeKeepingMode(f, out); err != nil {
					return err
				}
			}
		default:
			a.IO.Out.Write(out)
		}
	}
	if failed > 0 {
		return codeErr(ExitFindings, "", "%d files could not be formatted; plan06 validate explains why", failed)
	}
	if o.check && changed > 0 && !o.write {
		return codeErr(ExitFindings, "", "%d files are not in canonical form; run plan06 fmt -w", changed)
	}
	return nil
}

// fmtErr turns a "yaml: line N: …" error into "line N: …".
func fmtErr(err error) string { return strings.TrimPrefix(err.Error(), "yaml: ") }

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

// yamlFiles expands folders to the YAML files under them (dot folders
// skipped), sorted; named files are taken as they are.
func yamlFiles(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, usageErr("check the path", "cannot read %s", p)
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && q != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && (strings.HasSuffix(q, ".yaml") || strings.HasSuffix(q, ".yml")) {
				files = append(files, q)
			}
			return nil
		})
		if err != nil {
			return nil, &exitError{code: ExitUsage, err: err}
		}
	}
	sort.Strings(files)
	return files, nil
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
