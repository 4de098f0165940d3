package cli

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/plan06/plan06/internal/i18n"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// missingReport lists English texts without Vietnamese in the form of
// i18n.RegisterEnglish, ready to paste into a file of internal/i18n.
func missingReport(t *testing.T, what string, missing []string) {
	t.Helper()
	if len(missing) == 0 {
		return
	}
	slices.Sort(missing)
	missing = slices.Compact(missing)
	var b strings.Builder
	for _, m := range missing {
		fmt.Fprintf(&b, "\t\t%s: %s,\n", strconv.Quote(m), strconv.Quote("TODO"))
	}
	t.Errorf("%d %s have no Vietnamese; add to internal/i18n (i18n.RegisterEnglish):\n%s", len(missing), what, b.String())
}

// TestHelpTranslated walks the whole command tree, cobra's help and
// completion commands included, and checks that every Short, Long and flag
// usage has a Vietnamese translation, and that the Vietnamese tree shows it.
func TestHelpTranslated(t *testing.T) {
	a := &App{Env: func(string) string { return "" }, ui: i18n.EN}
	root := a.rootCmd()
	a.localize(root)
	var missing []string
	need := func(s string) {
		if s != "" && !i18n.HasEnglish(s) {
			missing = append(missing, s)
		}
	}
	count := 0
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		count++
		need(c.Short)
		if !cobraCompletion(c) {
			need(c.Long)
		}
		check := func(f *pflag.Flag) {
			switch f.Name {
			case "help":
				need("help for %s")
			case "version":
				need("version of %s")
			default:
				need(f.Usage)
			}
		}
		c.LocalNonPersistentFlags().VisitAll(check)
		c.PersistentFlags().VisitAll(check)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if count < 10 {
		t.Fatalf("walked %d commands only", count)
	}
	missingReport(t, "help texts", missing)

	vi := &App{Env: func(string) string { return "" }, ui: i18n.VI}
	vroot := vi.rootCmd()
	vi.localize(vroot)
	c, _, err := vroot.Find([]string{"status"})
	if err != nil {
		t.Fatal(err)
	}
	if want := i18n.Text(i18n.VI, "Show every task's status and this cycle's reporting, as of a day"); c.Short != want || !strings.HasPrefix(want, "Tình hình") {
		t.Errorf("status help in Vietnamese: %q, want %q", c.Short, want)
	}
	if u := c.Flags().Lookup("unit").Usage; !strings.HasPrefix(u, "chỉ các nhiệm vụ đơn vị này chủ trì") {
		t.Errorf("status --unit usage in Vietnamese: %q", u)
	}
}

// errorFuncs are the functions whose string-literal arguments are English
// messages printed to the user: usageErr(hint, format, …),
// codeErr(code, hint, format, …), i18n.Say(lang, text, …).
var errorFuncs = map[string][]int{"usageErr": {0, 1}, "codeErr": {1, 2}, "Say": {1}, "Text": {1}, "say": {0}}

// TestMessagesTranslated reads the sources of this package and checks that
// every message and hint given to usageErr, codeErr and i18n.Say as a
// literal has a Vietnamese translation.
func TestMessagesTranslated(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	found := 0
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var fn string
			switch e := call.Fun.(type) {
			case *ast.Ident:
				fn = e.Name
			case *ast.SelectorExpr:
				fn = e.Sel.Name
			}
			for _, i := range errorFuncs[fn] {
				if i >= len(call.Args) {
					continue
				}
				s, ok := literal(call.Args[i])
				if !ok || s == "" || s == "%s" || s == "%v" {
					continue
				}
				found++
				if !i18n.HasEnglish(s) {
					missing = append(missing, s)
				}
			}
			return true
		})
	}
	if found < 30 {
		t.Fatalf("found %d messages only; is the scan broken?", found)
	}
	missingReport(t, "messages", missing)
}

// literal evaluates a string literal or a sum of them.
func literal(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		l, ok1 := literal(e.X)
		r, ok2 := literal(e.Y)
		return l + r, ok1 && ok2
	case *ast.ParenExpr:
		return literal(e.X)
	}
	return "", false
}
