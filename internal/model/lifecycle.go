package model

import "github.com/plan06/plan06/internal/dates"

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

// ExpandAt returns the holders of the assignments that ids stand for on day
// d (SPEC §9). A unit named directly is always kept, passed on to its
// successor once it has ended: the plan's words name it, and its history
// stands even when nobody took over. A set (a list of members or a level)
// includes only the units that exist on d, each ended member passed on to
// its successor when that one exists on d. Each holder comes once, in the
// order first met, with the predecessors of every path that led to it.
func (ix *Index) ExpandAt(ids []Text, d dates.Date) []Holder {
	var out []Holder
	at := map[*Unit]int{}
	add := func(h *Unit, preds []*Unit) {
		i, ok := at[h]
		if !ok {
			at[h] = len(out)
			out = append(out, Holder{Unit: h})
			i = len(out) - 1
		}
		for _, p := range preds {
			if !containsUnit(out[i].Predecessors, p) {
				out[i].Predecessors = append(out[i].Predecessors, p)
			}
		}
	}
	for _, id := range ids {
		if u := ix.units[id.Value]; u != nil {
			h, preds := ix.Successor(u, d)
			add(h, preds)
			continue
		}
		for _, u := range ix.Expand([]Text{id}) {
			h, preds := ix.Successor(u, d)
			if h.ExistsOn(d) {
				add(h, preds)
			}
		}
	}
	return out
}

func containsUnit(us []*Unit, u *Unit) bool {
	for _, x := range us {
		if x == u {
			return true
		}
	}
	return false
}
