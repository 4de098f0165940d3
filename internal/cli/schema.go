package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/plan06/plan06/internal/safewrite"
	"github.com/plan06/plan06/internal/scaffold"
	"github.com/plan06/plan06/internal/schema"
	"github.com/spf13/cobra"
)

func (a *App) schemaCmd() *cobra.Command {
	var dir string
	c := &cobra.Command{
		Use:   "schema [-o DIR]",
		Short: "Write JSON Schemas of the plan files, for editors",
		Long: "schema writes a JSON Schema (draft 2020-12) for each kind of plan file: plan.yaml, units.yaml,\n" +
			"calendar.yaml, tasks/*.yaml and reports/*/*.yaml. Editors that speak yaml-language-server\n" +
			"(VS Code's YAML extension) then complete keys and flag unknown keys and wrong types as you type.\n" +
			"The schemas are made from the key lists the loader uses; existing files are replaced.",
		Example: "  plan06 schema\n  plan06 schema -o .vscode/schema",
		Args:    cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return a.runSchema(dir)
		},
	}
	c.Flags().StringVarP(&dir, "output", "o", scaffold.SchemaDir, "folder to write the schemas to")
	return c
}

func (a *App) runSchema(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return usageErr("choose another -o", "cannot create %s: %v", dir, err)
	}
	for _, f := range schema.Files {
		p := filepath.Join(dir, f.Name)
		if err := safewrite.WriteFile(p, f.JSON(), 0o644); err != nil {
			return usageErr("check that the folder exists and is writable", "%v", err)
		}
		fmt.Fprintln(a.IO.Out, filepath.ToSlash(p))
	}
	return nil
}

func (a *App) initCmd() *cobra.Command {
	var year int
	c := &cobra.Command{
		Use:   "init DIR",
		Short: "Start a new plan repository in DIR",
		Long: "init writes a new plan repository: plan/ for one year (plan.yaml, units.yaml, calendar.yaml,\n" +
			"tasks/), the workflow that validates every pull request and builds the monthly workbook,\n" +
			"the JSON Schemas and VS Code settings that bind them, and READMEs. The plan validates as written.\n" +
			"It never replaces a file: DIR must not already hold any of them.",
		Example: "  plan06 init ke-hoach-06\n  plan06 init . --year 2025",
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return a.runInit(args[0], year)
		},
	}
	c.Flags().IntVar(&year, "year", 0, "the plan's year (default: this year)")
	return c
}

func (a *App) runInit(dir string, year int) error {
	if year == 0 {
		day, err := a.today(nil)
		if err != nil {
			return err
		}
		year = day.Year()
	}
	if year < 2000 || year > 2100 {
		return usageErr("write the year as 2025", "--year %s is not a plan year", strconv.Itoa(year))
	}
	files, err := scaffold.Files(scaffold.Options{Year: year, Version: Version})
	if err != nil {
		return codeErr(ExitUsage, "", "%v", err)
	}
	// Refuse before writing anything, so that a refusal leaves DIR as it was.
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if _, err := os.Lstat(p); err == nil {
			return usageErr("choose an empty folder, or move the existing files away", "%s already exists; not overwriting it", filepath.ToSlash(p))
		}
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return usageErr("choose another folder", "cannot create %s: %v", filepath.Dir(p), err)
		}
		data := f.Data
		err := safewrite.Create(p, 0o644, func(w io.Writer) error { _, err := w.Write(data); return err })
		if errors.Is(err, safewrite.ErrExists) {
			return usageErr("choose an empty folder, or move the existing files away", "%s already exists; not overwriting it", filepath.ToSlash(p))
		}
		if err != nil {
			return usageErr("check that the folder exists and is writable", "%v", err)
		}
	}
	fmt.Fprintln(a.IO.Out, a.say("wrote a plan repository for %d in %s; next: cd %s && plan06 validate", year, filepath.ToSlash(dir), filepath.ToSlash(dir)))
	return nil
}
