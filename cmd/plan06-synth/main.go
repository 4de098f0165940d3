// Command plan06-synth writes a synthetic plan folder in format plan06/v1,
// for tests, demos and load measurements:
//
//	plan06-synth [--scale province|country] [--seed N] [--year 2024] DIR
//
// The same options give byte-identical output. DIR must be absent or empty.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/plan06/plan06/internal/synth"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

const usage = `usage: plan06-synth [--scale province|country] [--seed N] [--year 2024] DIR

Writes a synthetic plan06/v1 plan folder into DIR (absent or empty):
  province  ~250 units, ~60 tasks, ~3,000 monthly report files
  country   34 provinces, ~3,300 communes, ~100,000 report files
The same seed gives byte-identical files.

flags:
`

// run parses args, generates, and returns the exit code: 0 done, 2 usage or
// I/O error (printed as "plan06-synth: …").
func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("plan06-synth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	opt := synth.Options{}
	fs.StringVar(&opt.Scale, "scale", synth.ScaleProvince, "province or country")
	fs.Uint64Var(&opt.Seed, "seed", 1, "seed of the random stream")
	fs.IntVar(&opt.Year, "year", 2024, "the plan year (2020–2030)")

	// Flags may come before or after DIR.
	var dirs []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2 // the flag package has printed the error and the usage
		}
		if fs.NArg() == 0 {
			break
		}
		dirs = append(dirs, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(dirs) != 1 {
		fmt.Fprintf(stderr, "plan06-synth: expected one folder, got %d\nrun plan06-synth -h for usage\n", len(dirs))
		return 2
	}
	sum, err := synth.Generate(dirs[0], opt)
	if err != nil {
		fmt.Fprintf(stderr, "plan06-synth: %v\n", err)
		return 2
	}
	fmt.Fprintf(stderr, "plan06-synth: wrote %s (%s, seed %d, year %d): %s\n", dirs[0], opt.Scale, opt.Seed, opt.Year, sum)
	return 0
}
