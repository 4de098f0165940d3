package cli

import (
	"os"
	"path/filepath"
	"strconv"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/load"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
	"github.com/spf13/cobra"
)

// Shell completion (SPEC §12) offers the plan's own values, never file
// names, for the flags that take them. It goes by flag name over the whole
// tree, so a command added later gets it by naming its flags the same way:
//
//	--unit            unit and set ids, with their names
//	--group           group ids, with their titles
//	--state           status ids, with their names in the plan's language
//	--cycle, --month  the plan's months (2024-01 … 2024-12)
//
// and the PERIOD argument of `report`: months, halves and the year.

// completer is one kind of value.
type completer func(a *App) []string

var flagCompleters = map[string]completer{
	"unit":  (*App).unitValues,
	"group": (*App).groupValues,
	"state": (*App).stateValues,
	"cycle": (*App).monthValues,
	"month": (*App).monthValues,
}

// addCompletions registers the completers on every command of the tree
// that has such a flag and no completion of its own.
func (a *App) addCompletions(c *cobra.Command) {
	for name, values := range flagCompleters {
		if c.LocalNonPersistentFlags().Lookup(name) == nil {
			continue
		}
		if _, ok := c.GetFlagCompletionFunc(name); ok {
			continue
		}
		_ = c.RegisterFlagCompletionFunc(name, a.complete(values))
	}
	if c.Name() == "report" && c.ValidArgsFunction == nil && c.Parent() != nil && !c.Parent().HasParent() {
		c.ValidArgsFunction = func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return a.periodValues(), cobra.ShellCompDirectiveNoFileComp
		}
	}
	for _, sub := range c.Commands() {
		a.addCompletions(sub)
	}
}

func (a *App) complete(values completer) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values(a), cobra.ShellCompDirectiveNoFileComp
	}
}

// quietPlan reads the plan for completion: nothing is printed, and a plan
// that cannot be read gives no values rather than an error.
func (a *App) quietPlan() (*model.Plan, i18n.Lang) {
	dir := a.dir()
	if !isDir(dir) {
		return nil, i18n.VI
	}
	p, _, err := load.Load(os.DirFS(dir), filepath.ToSlash(dir))
	if err != nil || p == nil {
		return nil, i18n.VI
	}
	lang, err := a.language(p)
	if err != nil {
		lang = i18n.VI
	}
	return p, lang
}

// candidate is a completion with its description, as cobra takes it.
func candidate(value, desc string) string {
	if desc == "" {
		return value
	}
	return value + "\t" + desc
}

func (a *App) unitValues() []string {
	p, _ := a.quietPlan()
	if p == nil {
		return nil
	}
	var out []string
	for _, u := range p.Units {
		out = append(out, candidate(u.ID.Value, u.Name.Value))
	}
	for _, s := range p.Sets {
		out = append(out, candidate(s.ID.Value, s.Name.Value))
	}
	return out
}

func (a *App) groupValues() []string {
	p, _ := a.quietPlan()
	if p == nil {
		return nil
	}
	var out []string
	for _, g := range p.Groups {
		out = append(out, candidate(g.ID.Value, g.Title.Value))
	}
	return out
}

func (a *App) stateValues() []string {
	_, lang := a.quietPlan()
	var out []string
	for _, s := range status.Statuses {
		out = append(out, candidate(string(s), i18n.T(lang, "status."+string(s))))
	}
	return out
}

// months are the months of the plan's period (at most five years of them).
func (a *App) months(p *model.Plan) []dates.Month {
	if p == nil || p.PeriodFrom.Date.IsZero() || p.PeriodTo.Date.IsZero() {
		return nil
	}
	// The months a report may be for (a 2024 plan's last cycle is 2025-01).
	first, last, ok := p.ReportMonths()
	if !ok {
		return nil
	}
	var out []dates.Month
	for m := first; m.Compare(last) <= 0 && len(out) < 60; m = m.Add(1) {
		out = append(out, m)
	}
	return out
}

func (a *App) monthValues() []string {
	p, lang := a.quietPlan()
	var out []string
	for _, m := range a.months(p) {
		out = append(out, candidate(m.String(), i18n.Month(lang, m.Year, int(m.Month))))
	}
	return out
}

// periodValues are what `report` takes: the months, each half and each
// year of the plan's period.
func (a *App) periodValues() []string {
	p, _ := a.quietPlan()
	out := a.monthValues()
	seen := map[int]bool{}
	for _, m := range a.months(p) {
		if m.Compare(dates.MonthOf(p.PeriodFrom.Date)) < 0 || m.Compare(dates.MonthOf(p.PeriodTo.Date)) > 0 {
			continue // the last cycle's month is after the period: no half or year of it
		}
		if seen[m.Year] {
			continue
		}
		seen[m.Year] = true
		y := strconv.Itoa(m.Year)
		out = append(out, y+"-H1", y+"-H2", y)
	}
	return out
}
