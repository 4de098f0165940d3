package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/plan06/plan06/internal/cli"
	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

// TestMain registers plan06 as a command of the testscript sessions, so the
// scripts run the real binary's code path, flags, exit codes and all. The
// helper `exits N ARGS…` runs plan06 ARGS and succeeds only when plan06
// exits with code N: scripts use it to pin exit codes 1, 2 and 3 apart.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"plan06": main,
		"exits":  exitsMain,
	})
}

func exitsMain() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: exits CODE plan06-args...")
		os.Exit(2)
	}
	want, err := strconv.Atoi(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "exits: bad code", os.Args[1])
		os.Exit(2)
	}
	got := cli.Main(os.Args[2:], cli.IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}, os.Getenv, time.Now)
	if got != want {
		fmt.Fprintf(os.Stderr, "exits: plan06 exited %d, want %d\n", got, want)
		os.Exit(1)
	}
	os.Exit(0)
}

// TestScripts runs the user sessions in testdata/script/*.txtar. Each script
// starts in a fresh folder holding the files of its archive; PLAN06_TODAY
// pins the day. Extra commands: `cp-plan NAME DIR` copies the fixture plan
// testdata/plans/NAME (or "seed" for plan/) to DIR; `replace FILE OLD NEW`
// edits a file in place, failing when OLD is absent; `fill-form FILE
// CELL=VALUE…` types values into a form's first sheet as a clerk would;
// `mkfifo PATH` makes a FIFO, `sparse FILE SIZE` a file of SIZE bytes that
// takes no disk and `lockedtemp PATH` a temporary file a writer still holds
// (the hostile-repository cases: none can be kept in git).
func TestScripts(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	plans := filepath.Join(wd, "..", "..", "testdata", "plans")
	seed := filepath.Join(wd, "..", "..", "plan")
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join(wd, "..", "..", "testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("PLAN06_TODAY", "2024-04-20")
			env.Setenv("NO_COLOR", "1")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"cp-plan": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: cp-plan NAME DIR")
				}
				src := filepath.Join(plans, args[0])
				if args[0] == "seed" {
					src = seed
				}
				ts.Check(os.CopyFS(ts.MkAbs(args[1]), os.DirFS(src)))
			},
			"fill-form": fillForm,
			"mkfifo": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 1 {
					ts.Fatalf("usage: mkfifo PATH")
				}
				ts.Check(syscall.Mkfifo(ts.MkAbs(args[0]), 0o644))
			},
			"sparse": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: sparse FILE SIZE")
				}
				size, err := strconv.ParseInt(args[1], 10, 64)
				ts.Check(err)
				f, err := os.Create(ts.MkAbs(args[0]))
				ts.Check(err)
				ts.Check(f.Truncate(size))
				ts.Check(f.Close())
			},
			"lockedtemp": lockedTemp,
			"replace": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 3 {
					ts.Fatalf("usage: replace FILE OLD NEW")
				}
				file := ts.MkAbs(args[0])
				b, err := os.ReadFile(file)
				ts.Check(err)
				if !strings.Contains(string(b), args[1]) {
					ts.Fatalf("replace: %q not found in %s", args[1], args[0])
				}
				ts.Check(os.WriteFile(file, []byte(strings.Replace(string(b), args[1], args[2], 1)), 0o644))
			},
		},
	})
}

// fillForm types CELL=VALUE pairs into the first sheet of an xlsx form; a
// value that reads as a number is typed as a number, anything else as text.
func fillForm(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: fill-form FILE CELL=VALUE...")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	sheet := f.GetSheetList()[0]
	for _, a := range args[1:] {
		c, v, ok := strings.Cut(a, "=")
		if !ok {
			ts.Fatalf("fill-form: %q is not CELL=VALUE", a)
		}
		if n, err := strconv.ParseFloat(v, 64); err == nil {
			ts.Check(f.SetCellValue(sheet, c, n))
		} else {
			ts.Check(f.SetCellStr(sheet, c, v))
		}
	}
	ts.Check(f.Save())
}

// lockedTemp is `lockedtemp PATH`: it creates PATH and holds the lock a
// writer of internal/safewrite holds on its temporary file, until the
// script ends, as a plan06 run still writing would.
func lockedTemp(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: lockedtemp PATH")
	}
	f, err := os.Create(ts.MkAbs(args[0]))
	ts.Check(err)
	ts.Check(syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB))
	ts.Defer(func() { f.Close() })
}
