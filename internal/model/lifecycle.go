package model

import (
	"slices"

	"github.com/plan06/plan06/internal/dates"
)

// Holder is the unit that holds an assignment on a day, with the units it
// took the assignment over from (SPEC §9): a unit that has ended passes its
// assignments to its successor, whose history for them starts with the
// predecessors' reports.
type Holder struct {
	Unit *Unit
	// Predecessors are the ended units whose assignment Unit holds, the
	// nearest first (Unit's own predecessor, then that one's).
	Predecessors []*Unit
}

// Successor follows u's successors from u while the unit reached has ended
// by day d, and returns the unit that holds u's assignments on d with the
// units passed through, nearest first. A unit that has not ended, or has
// ended with no successor, holds its own. Unknown successors and cycles
// (validation errors) end the walk.
func (ix *Index) Successor(u *Unit, d dates.Date) (*Unit, []*Unit) {
	if u.Until.Date.IsZero() || !d.After(u.Until.Date) || u.Successor.Value == "" {
		return u, nil // the common case: no allocation
	}
	var chain []*Unit
	seen := map[*Unit]bool{u: true}
	cur := u
	for !cur.Until.Date.IsZero() && d.After(cur.Until.Date) && cur.Successor.Value != "" {
		next := ix.units[cur.Successor.Value]
		if next == nil || seen[next] {
			break
		}
		seen[next] = true
		chain = append(chain, cur)
		cur = next
	}
	// chain holds u first; the holder's nearest predecessor is its last.
	preds := make([]*Unit, len(chain))
	for i, p := range chain {
		preds[len(chain)-1-i] = p
	}
	return cur, preds
}

// UnitAt returns the unit id names as it stands on day d: the unit that
// holds its assignments then (its successor, once it has ended, as
// ExpandAt passes them on), or the unit itself; nil when id names no unit.
// Tables that name a task's units at D go through it (SPEC §9).
func (ix *Index) UnitAt(id Text, d dates.Date) *Unit {
	u := ix.Unit(id.Value)
	if u == nil {
		return nil
	}
	if hs := ix.ExpandAt([]Text{id}, d); len(hs) == 1 {
		return hs[0].Unit
	}
	return u
}

// ExpandAt returns the holders of the assignments that ids stand for on day
// d (SPEC §9). A unit named directly is always kept, passed on to its
// successor once it has ended: the plan's words name it, and its history
// stands even when nobody took over. A set (a list of members or a level)
// includes only the units that exist on d, each ended member passed on to
// its successor when that one exists on d. Each holder comes once, in the
// order first met, with the predecessors of every path that led to it.
//
// The slice returned may be shared with other callers: it must not be
// changed.
func (ix *Index) ExpandAt(ids []Text, d dates.Date) []Holder {
	if len(ids) == 1 {
		return ix.holdersAt(ids[0].Value, d)
	}
	var hs holderSet
	for _, id := range ids {
		for _, h := range ix.holdersAt(id.Value, d) {
			hs.add(h.Unit, h.Predecessors)
		}
	}
	return hs.out
}

// holderSet gathers holders, each once, in the order first met, with the
// predecessors of every path that led to it.
type holderSet struct {
	out []Holder
	at  map[*Unit]int
}

func (hs *holderSet) add(h *Unit, preds []*Unit) {
	i, ok := hs.at[h]
	if !ok {
		if hs.at == nil {
			hs.at = map[*Unit]int{}
		}
		hs.at[h] = len(hs.out)
		hs.out = append(hs.out, Holder{Unit: h})
		i = len(hs.out) - 1
	}
	for _, p := range preds {
		if !containsUnit(hs.out[i].Predecessors, p) {
			hs.out[i].Predecessors = append(hs.out[i].Predecessors, p)
		}
	}
}

// holdersKey names the holders of one id in one span of days over which
// no unit begins or ends.
type holdersKey struct {
	id    string
	epoch int
}

// holdersAt is ExpandAt of one id, computed once per span of days in
// which every unit's existence and successor stay the same (see epoch).
func (ix *Index) holdersAt(id string, d dates.Date) []Holder {
	key := holdersKey{id: id, epoch: ix.epoch(d)}
	ix.mu.Lock()
	out, ok := ix.holders[key]
	ix.mu.Unlock()
	if ok {
		return out
	}
	var hs holderSet
	if u := ix.units[id]; u != nil {
		h, preds := ix.Successor(u, d)
		hs.add(h, preds)
	} else {
		for _, u := range ix.expand(id) {
			h, preds := ix.Successor(u, d)
			if h.ExistsOn(d) {
				hs.add(h, preds)
			}
		}
	}
	out = hs.out[:len(hs.out):len(hs.out)]
	ix.mu.Lock()
	if ix.holders == nil {
		ix.holders = map[holdersKey][]Holder{}
	}
	ix.holders[key] = out
	ix.mu.Unlock()
	return out
}

// epoch numbers the span of days d falls in: the days on which a unit
// begins (from) or the days after it ends (until), sorted, cut time into
// spans over which Successor and ExistsOn give the same answers for every
// unit. A plan whose units neither begin nor end has one span.
func (ix *Index) epoch(d dates.Date) int {
	ix.mu.Lock()
	if !ix.lifeKnown {
		for i := range ix.plan.Units {
			u := &ix.plan.Units[i]
			if !u.From.Date.IsZero() {
				ix.lifeDays = append(ix.lifeDays, u.From.Date)
			}
			if !u.Until.Date.IsZero() {
				ix.lifeDays = append(ix.lifeDays, u.Until.Date.AddDays(1))
			}
		}
		slices.SortFunc(ix.lifeDays, dates.Date.Compare)
		ix.lifeDays = slices.Compact(ix.lifeDays)
		ix.lifeKnown = true
	}
	days := ix.lifeDays
	ix.mu.Unlock()
	// The number of days on or before d.
	n, _ := slices.BinarySearchFunc(days, d.AddDays(1), dates.Date.Compare)
	return n
}

func containsUnit(us []*Unit, u *Unit) bool {
	for _, x := range us {
		if x == u {
			return true
		}
	}
	return false
}
