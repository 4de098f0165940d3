package cli

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixedNow is the clock of every test: tests never depend on the real day.
func fixedNow() time.Time { return time.Date(2024, 4, 20, 9, 0, 0, 0, time.UTC) }

// run runs plan06 in dir with args and returns what a user would see.
func run(t *testing.T, dir string, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	if dir != "" {
		t.Chdir(dir)
	}
	var out, errb bytes.Buffer
	code = Main(args, IO{In: strings.NewReader(""), Out: &out, Err: &errb}, func(k string) string { return env[k] }, fixedNow)
	return out.String(), errb.String(), code
}

// transcript is the golden form of one run.
func transcript(args []string, stdout, stderr string, code int) string {
	return fmt.Sprintf("$ plan06 %s\n# exit %d\n# stdout\n%s# stderr\n%s", strings.Join(args, " "), code, stdout, stderr)
}

// TestValidateGolden runs `plan06 validate` over every case under
// testdata/validate: CASE/plan is the input, CASE/want.en and CASE/want.vi
// hold what the user sees in each language. Regenerate with -update.
func TestValidateGolden(t *testing.T) {
	root, err := filepath.Abs("../../testdata/validate")
	if err != nil {
		t.Fatal(err)
	}
	cases, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no validate cases")
	}
	for _, c := range cases {
		if !c.IsDir() {
			continue
		}
		for _, lang := range []string{"en", "vi"} {
			t.Run(c.Name()+"/"+lang, func(t *testing.T) {
				dir := filepath.Join(root, c.Name())
				args := []string{"validate", "--lang", lang}
				if extra, err := os.ReadFile(filepath.Join(dir, "args")); err == nil {
					args = append(args, strings.Fields(string(extra))...)
				}
				stdout, stderr, code := run(t, dir, nil, args...)
				got := transcript(args, stdout, stderr, code)
				wantFile := filepath.Join(dir, "want."+lang)
				if *update {
					if err := os.WriteFile(wantFile, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(wantFile)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if got != string(want) {
					t.Errorf("validate output differs from %s\n--- got\n%s\n--- want\n%s", wantFile, got, want)
				}
			})
		}
	}
}
