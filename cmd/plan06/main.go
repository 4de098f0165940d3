// Command plan06 tracks a province's Đề án 06 plan kept as YAML files.
package main

import (
	"os"
	"time"
	_ "time/tzdata" // the plan's time zone must resolve on machines without zoneinfo

	"github.com/plan06/plan06/internal/cli"
	"golang.org/x/term"
)

func main() {
	tty := term.IsTerminal(int(os.Stdout.Fd()))
	width := 0
	if tty {
		width, _, _ = term.GetSize(int(os.Stdout.Fd()))
	}
	os.Exit(cli.Main(os.Args[1:], cli.IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, IsTTY: tty, Width: width}, os.Getenv, time.Now))
}
