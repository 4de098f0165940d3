// Package skipped lets tests that need a real reader installed on the
// machine (LibreOffice, yamllint, yaml-language-server) say so when they
// cannot run, so that `make test` names every check it skipped and how to
// turn it on, instead of printing ok over a check that never ran.
//
// Skip skips the test, or fails it when PLAN06_REQUIRE_TOOLS=1 (as .ci/run
// sets: CI installs the tools, so a missing one is a broken CI). When
// PLAN06_SKIPS names a file (the Makefile sets it), Skip appends one line
// to it; the Makefile prints those lines after the tests.
package skipped

import (
	"fmt"
	"os"
	"testing"
)

// Skip skips t because tool is not installed; install says how to install
// it.
func Skip(t testing.TB, tool, install string) {
	t.Helper()
	if os.Getenv("PLAN06_REQUIRE_TOOLS") == "1" {
		t.Fatalf("%s is not installed and PLAN06_REQUIRE_TOOLS=1: %s", tool, install)
	}
	Record(tool, install)
	t.Skipf("%s is not installed (%s; PLAN06_REQUIRE_TOOLS=1 makes this a failure)", tool, install)
}

// Record writes the line for a skipped check of tool to $PLAN06_SKIPS, if
// set. Failing to write it never fails the test: the skip itself still
// shows in go test -v.
func Record(tool, install string) {
	name := os.Getenv("PLAN06_SKIPS")
	if name == "" {
		return
	}
	f, err := os.OpenFile(name, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return
	}
	defer f.Close()
	fmt.Fprintf(f, "skipped: the %s check, %s is not installed; to run it: %s\n", tool, tool, install)
}
