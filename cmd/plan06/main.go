// Command plan06 tracks a province's Đề án 06 plan kept as YAML files.
package main

import (
	"os"
	"runtime/debug"
	"time"
	_ "time/tzdata" // the plan's time zone must resolve on machines without zoneinfo

	"github.com/plan06/plan06/internal/cli"
	"golang.org/x/term"
)

func main() {
	// plan06 is a short batch run whose loaded plan stays live to the end:
	// collecting garbage at the default pace costs time for nothing, so the
	// collector runs less often, under a soft ceiling that keeps a
	// country-scale run (100,000 report files) within a laptop's memory.
	// GOGC and GOMEMLIMIT in the environment still take precedence.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1536 << 20)
	}
	tty := term.IsTerminal(int(os.Stdout.Fd()))
	width := 0
	if tty {
		width, _, _ = term.GetSize(int(os.Stdout.Fd()))
	}
	os.Exit(cli.Main(os.Args[1:], cli.IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, IsTTY: tty, Width: width}, os.Getenv, time.Now))
}
