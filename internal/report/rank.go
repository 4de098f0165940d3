package report

import (
	"cmp"
	"slices"

	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
)

// RankLevel is the ranking of the units of one level.
type RankLevel struct {
	// Level is the units' level (department, district…), "" when unset.
	Level string
	Rows  []RankRow
}

// RankRow is one unit's place and the figures that gave it. There are no
// points: the order follows the figures alone (SPEC §8.5).
type RankRow struct {
	// Rank is the unit's position within its level (1, 2, 3…): the name
	// is a ranking key (SPEC §8.5), and units of one name go by id, so no
	// two units share a rank.
	Rank int
	Unit *model.Unit
	// Led counts the assignments the unit leads; DoneOnTime, DoneLate and
	// OpenOverdue count them by outcome.
	Led, DoneOnTime, DoneLate, OpenOverdue int
	// OnTime, Late and Missing count the unit's reports over the year up
	// to the report's cycle.
	OnTime, Late, Missing int
}

// rank ranks within each level the units that owe reports: for a month
// those that owe its cycle, for 6 months or a year those that owed at
// least one cycle of the period (the units of the reporting record). The
// keys: fewest open-overdue assignments, then fewest missing and late
// reports over the year so far, then the highest share of assignments
// done on time, then the name in Vietnamese collation (then the id).
// It runs after record.
func (rep *Report) rank(in Input) {
	r := rep.Result
	rows := map[string]*RankRow{}
	var order []*RankRow
	owe := func(u *model.Unit) {
		if rows[u.ID.Value] == nil {
			row := &RankRow{Unit: u}
			rows[u.ID.Value] = row
			order = append(order, row)
		}
	}
	if rep.Record != nil {
		for _, row := range rep.Record.Rows {
			owe(row.Unit)
		}
	} else {
		for _, u := range r.Units {
			owe(u.Unit)
		}
	}
	for _, t := range r.Tasks {
		for _, a := range t.Assignments {
			row := rows[a.Unit.ID.Value]
			if row == nil {
				continue
			}
			row.Led++
			switch a.Outcome {
			case status.DoneOnTime:
				row.DoneOnTime++
			case status.DoneLate:
				row.DoneLate++
			case status.OpenOverdue:
				row.OpenOverdue++
			}
		}
	}
	cycles := in.Cycles
	if len(cycles) == 0 {
		cycles = []*status.Result{r}
	}
	year := r.Cycle.Month.Year
	for _, c := range cycles {
		m := c.Cycle.Month
		if m.Year != year || m.Compare(r.Cycle.Month) > 0 {
			continue
		}
		for _, u := range c.Units {
			row := rows[u.Unit.ID.Value]
			if row == nil {
				continue
			}
			switch u.State {
			case status.OnTime:
				row.OnTime++
			case status.Late:
				row.Late++
			case status.Missing:
				row.Missing++
			}
		}
	}
	compare := func(a, b *RankRow) int {
		return cmp.Or(
			cmp.Compare(a.OpenOverdue, b.OpenOverdue),
			cmp.Compare(a.Missing+a.Late, b.Missing+b.Late),
			// The higher share first: b's share against a's, cross-multiplied.
			cmp.Compare(b.DoneOnTime*max(a.Led, 1), a.DoneOnTime*max(b.Led, 1)),
		)
	}
	levels := map[string][]*RankRow{}
	for _, row := range order {
		levels[row.Unit.Level.Value] = append(levels[row.Unit.Level.Value], row)
	}
	names := make([]string, 0, len(levels))
	for l := range levels {
		names = append(names, l)
	}
	slices.SortFunc(names, func(a, b string) int {
		ia, ib := slices.Index(model.Levels, a), slices.Index(model.Levels, b)
		if ia < 0 {
			ia = len(model.Levels)
		}
		if ib < 0 {
			ib = len(model.Levels)
		}
		return cmp.Or(cmp.Compare(ia, ib), cmp.Compare(a, b))
	})
	byName := rep.names.ranks(len(order), func(yield func(*model.Unit)) {
		for _, row := range order {
			yield(row.Unit)
		}
	})
	for _, l := range names {
		rs := levels[l]
		slices.SortStableFunc(rs, func(a, b *RankRow) int {
			return cmp.Or(compare(a, b), cmp.Compare(byName[a.Unit], byName[b.Unit]))
		})
		lv := RankLevel{Level: l}
		for i, row := range rs {
			row.Rank = i + 1
			lv.Rows = append(lv.Rows, *row)
		}
		rep.Ranking = append(rep.Ranking, lv)
	}
}
