package cli

import (
	"os"
	"strings"

	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/load"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Help, errors and hints speak the plan's language (SPEC §12). Commands
// write their Short, Long and flag usages in English, as cobra has them;
// localize replaces each by its translation from the catalogue
// (i18n.RegisterEnglish) once the tree is built, so a command added later
// is translated by adding its texts to the catalogue, nothing more.
// Errors made with usageErr or codeErr are translated when Main prints
// them; other printed words go through i18n.Say. TestHelpTranslated and
// TestMessagesTranslated fail on any English text without Vietnamese.

// earlyLang is the language of the run, known before the flags are
// parsed: --lang, else the language plan.yaml names (the plan found as
// dir finds it, --plan included), else Vietnamese. A --lang that is not a
// language is left for the flag's own error.
func (a *App) earlyLang(args []string) i18n.Lang {
	if l, ok := i18n.ParseLang(flagValue(args, "lang")); ok {
		return l
	}
	saved := a.planDir
	a.planDir = flagValue(args, "plan")
	dir := a.dir()
	a.planDir = saved
	if isDir(dir) {
		if l, ok := i18n.ParseLang(load.PlanLanguage(os.DirFS(dir))); ok {
			return l
		}
	}
	return i18n.VI
}

// say is i18n.Say in the run's language.
func (a *App) say(en string, args ...any) string { return i18n.Say(a.ui, en, args...) }

// flagValue finds --name VALUE or --name=VALUE in args, before any "--".
func flagValue(args []string, name string) string {
	for i, arg := range args {
		switch {
		case arg == "--":
			return ""
		case arg == "--"+name && i+1 < len(args):
			return args[i+1]
		case strings.HasPrefix(arg, "--"+name+"="):
			return strings.TrimPrefix(arg, "--"+name+"=")
		}
	}
	return ""
}

// localize completes the tree as cobra would at run time (help and
// completion commands, help and version flags) and translates every
// command's Short and Long and every flag's usage into a.ui.
func (a *App) localize(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	a.strictCompletion(root)
	a.strictGroups(root)
	root.InitDefaultVersionFlag()
	if a.ui == i18n.VI {
		root.SetUsageTemplate(viUsage(root.UsageTemplate()))
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		c.Short = i18n.Text(a.ui, c.Short)
		if !cobraCompletion(c) {
			c.Long = i18n.Text(a.ui, c.Long)
		}
		translate := func(f *pflag.Flag) {
			switch f.Name {
			case "help":
				f.Usage = i18n.Say(a.ui, "help for %s", c.Name())
			case "version":
				f.Usage = i18n.Say(a.ui, "version of %s", c.Name())
			default:
				f.Usage = i18n.Text(a.ui, f.Usage)
			}
		}
		c.LocalNonPersistentFlags().VisitAll(translate)
		c.PersistentFlags().VisitAll(translate)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// cobraCompletion reports whether c is one of cobra's completion commands,
// whose long texts are cobra's shell instructions, kept in English.
func cobraCompletion(c *cobra.Command) bool {
	return c.HasParent() && c.Parent().Name() == "completion"
}

// viUsage translates the headings of cobra's usage template.
func viUsage(t string) string {
	return strings.NewReplacer(
		"Usage:", "Cách dùng:",
		"{{.CommandPath}} [command]{{end}}", "{{.CommandPath}} [lệnh]{{end}}",
		"Aliases:", "Tên khác:",
		"Examples:", "Ví dụ:",
		"Available Commands:", "Các lệnh:",
		"Additional Commands:", "Lệnh khác:",
		"Global Flags:", "Tùy chọn chung:",
		"Flags:", "Tùy chọn:",
		"Additional help topics:", "Chủ đề trợ giúp khác:",
		`Use "{{.CommandPath}} [command] --help" for more information about a command.`,
		`Chạy "{{.CommandPath}} [lệnh] --help" để xem hướng dẫn của từng lệnh.`,
	).Replace(t)
}

// strictCompletion makes `completion` without a shell, or with one cobra
// does not know (tcsh), a usage error (exit 2) rather than its help and
// exit 0.
func (a *App) strictCompletion(root *cobra.Command) {
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return withHintArgs(usageErr("run '%s --help' for usage", "name a shell: bash, zsh, fish or powershell"), c.CommandPath())
			}
			return usageErr("name a shell: bash, zsh, fish or powershell", "%q is not a shell plan06 completes", args[0])
		}
	}
}
