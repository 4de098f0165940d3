package cli

import (
	"regexp"
	"strings"

	"github.com/plan06/plan06/internal/i18n"
	"github.com/spf13/cobra"
)

// cobra and pflag word their own errors in English (an unknown command or
// flag, a flag without its value, too many arguments). cobraMessage
// rewords the ones a user meets as formats of the catalogue, so that they
// read in the run's language like every other error (SPEC §12); an error
// it does not know is shown as it is.
var cobraErrors = []struct {
	re     *regexp.Regexp
	format string // English, with one %s per group of re
}{
	{regexp.MustCompile(`^unknown flag: (--?\S+)$`), "unknown flag %s"},
	{regexp.MustCompile(`^unknown shorthand flag: '(\S)' in -\S+$`), "unknown flag -%s"},
	{regexp.MustCompile(`^flag needs an argument: '(\S)' in -\S+$`), "flag -%s needs a value"},
	{regexp.MustCompile(`^flag needs an argument: (--?\S+)$`), "flag %s needs a value"},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: (.*)$`), "%q is not a valid value for %s: %s"},
	{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)$`), "needs at least %s arguments, got %s"},
	{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`), "takes at most %s arguments, got %s"},
	{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`), "takes %s arguments, got %s"},
	{regexp.MustCompile(`^accepts between (\d+) and (\d+) arg\(s\), received (\d+)$`), "takes %s to %s arguments, got %s"},
	{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"$`), "%q is not a command of %s"},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)"$`), "%q is not a valid argument of %s"},
}

// leafArgs is cobra.NoArgs's error, which names an argument given to a
// command that takes none as an "unknown command".
var leafArgs = regexp.MustCompile(`^unknown command "(.*)" for "(.*)"$`)

// cobraMessage returns cobra's error msg in lang, with cobra's suggestions
// ("Did you mean this?") as a hint. leaf says the command that failed has
// no subcommands: an "unknown command" there is an argument too many.
func cobraMessage(lang i18n.Lang, msg string, leaf bool) (string, string) {
	msg = strings.TrimSpace(msg)
	if m := leafArgs.FindStringSubmatch(msg); leaf && m != nil {
		return i18n.Say(lang, "%s takes no arguments (%q is one too many)", m[2], m[1]), ""
	}
	var suggest []string
	if head, rest, ok := strings.Cut(msg, "\n\nDid you mean this?\n"); ok {
		msg = head
		for _, s := range strings.Split(rest, "\n") {
			if s = strings.TrimSpace(s); s != "" {
				suggest = append(suggest, s)
			}
		}
	}
	hint := ""
	if len(suggest) > 0 {
		hint = i18n.Say(lang, "did you mean %s?", strings.Join(suggest, ", "))
	}
	for _, e := range cobraErrors {
		m := e.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		args := make([]any, len(m)-1)
		for i, s := range m[1:] {
			args[i] = s
		}
		format := e.format
		// "1 argument", not "1 arguments": the count the command takes is
		// the first number (Vietnamese has one form for both).
		if len(m) > 1 && m[1] == "1" && strings.Contains(format, " arguments") {
			format = strings.Replace(format, " arguments", " argument", 1)
		}
		return i18n.Say(lang, format, args...), hint
	}
	return msg, hint
}

// strictGroups makes a command that only groups others (new, and any such
// command added later) refuse an argument that names none of them, with
// cobra's suggestions, rather than print its help and exit 0; without an
// argument it still prints its help. `help` refuses a topic that is no
// command the same way.
func (a *App) strictGroups(root *cobra.Command) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			walk(sub)
		}
		if c == root || !c.HasSubCommands() || c.Run != nil || c.RunE != nil {
			return
		}
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return c.Help()
			}
			err := usageErr("run '%s --help' for usage", "%q is not a command of %s", args[0], c.CommandPath())
			if c.SuggestionsMinimumDistance <= 0 {
				c.SuggestionsMinimumDistance = 2 // as cobra does for the root
			}
			if s := c.SuggestionsFor(args[0]); len(s) > 0 {
				err = withHintArgs(usageErr("did you mean %s?", "%q is not a command of %s", args[0], c.CommandPath()), strings.Join(s, ", "))
			} else {
				err = withHintArgs(err, c.CommandPath())
			}
			return err
		}
	}
	walk(root)
	for _, h := range root.Commands() {
		if h.Name() != "help" || h.Run == nil {
			continue
		}
		show := h.Run
		h.Run = nil
		h.RunE = func(c *cobra.Command, args []string) error {
			if len(args) > 0 {
				if cmd, rest, err := root.Find(args); err != nil || cmd == nil || len(rest) > 0 || cmd == root {
					return withHintArgs(usageErr("run '%s --help' for usage", "%q is not a command of %s", strings.Join(args, " "), root.Name()), root.Name())
				}
			}
			show(c, args)
			return nil
		}
	}
}
