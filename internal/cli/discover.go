package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// dir returns the plan folder (SPEC §12): --plan, else $PLAN06_PLAN, else
// ./plan, else the current folder when it holds plan.yaml (plan06 run from
// inside plan/), else the nearest parent that holds plan/plan.yaml (run from
// a subfolder of the repository, plan/tasks included); plan.yml counts as
// plan.yaml throughout. When nothing is
// found it returns "plan", so the error names the folder the user expected.
// A found folder is given relative to the current one, so that messages
// name files as the user sees them ("../plan/units.yaml:3:5").
func (a *App) dir() string {
	switch {
	case a.planDir != "":
		return filepath.Clean(a.planDir)
	case a.Env("PLAN06_PLAN") != "":
		return filepath.Clean(a.Env("PLAN06_PLAN"))
	}
	if isDir("plan") {
		return "plan"
	}
	if holdsPlanFile(".") {
		return "."
	}
	wd, err := os.Getwd()
	if err != nil {
		return "plan"
	}
	rel := ".."
	for d := filepath.Dir(wd); ; d = filepath.Dir(d) {
		if holdsPlanFile(filepath.Join(d, "plan")) {
			return filepath.Join(rel, "plan")
		}
		if filepath.Dir(d) == d {
			return "plan"
		}
		rel = filepath.Join(rel, "..")
	}
}

// holdsPlanFile reports whether the folder holds plan.yaml or plan.yml
// (SPEC §2 accepts either ending), as a regular file.
func holdsPlanFile(dir string) bool {
	return isFile(filepath.Join(dir, "plan.yaml")) || isFile(filepath.Join(dir, "plan.yml"))
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

func isFile(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.Mode().IsRegular()
}

// width is the width output is fitted to (SPEC §12): the terminal's when
// stdout is one, else $COLUMNS (less and pipes), else 0, which renderers
// take as 100.
func (a *App) width() int {
	if a.IO.IsTTY && a.IO.Width > 0 {
		return a.IO.Width
	}
	if n, err := strconv.Atoi(strings.TrimSpace(a.Env("COLUMNS"))); err == nil && n > 0 && n < 10000 {
		return n
	}
	return a.IO.Width
}
