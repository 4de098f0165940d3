package model

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/plan06/plan06/internal/dates"
)

// refExpand and refExpandAt are Expand and ExpandAt as they were before
// the expansions were kept: one walk per call, nothing shared.
func refExpand(ix *Index, ids []Text) []*Unit {
	var out []*Unit
	seen := map[string]bool{}
	visiting := map[string]bool{}
	var walk func(id string)
	walk = func(id string) {
		if u := ix.units[id]; u != nil {
			if !seen[id] {
				seen[id] = true
				out = append(out, u)
			}
			return
		}
		s := ix.sets[id]
		if s == nil || visiting[id] {
			return
		}
		visiting[id] = true
		defer delete(visiting, id)
		if s.Level.Value != "" {
			for i := range ix.plan.Units {
				if u := &ix.plan.Units[i]; u.Level.Value == s.Level.Value {
					walk(u.ID.Value)
				}
			}
		}
		for _, m := range s.Members {
			walk(m.Value)
		}
	}
	for _, id := range ids {
		walk(id.Value)
	}
	return out
}

func refExpandAt(ix *Index, ids []Text, d dates.Date) []Holder {
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
		for _, u := range refExpand(ix, []Text{id}) {
			h, preds := ix.Successor(u, d)
			if h.ExistsOn(d) {
				add(h, preds)
			}
		}
	}
	return out
}

// randomPlan is a plan of units that begin, end and pass on their work
// (successors unknown, chained, in cycles), sets of members, of levels
// and of other sets (in cycles too), ids shared by a unit and a set, and
// duplicated unit ids.
func randomPlan(r *rand.Rand) (*Plan, []Text, []dates.Date) {
	day := func() Date {
		d, _ := dates.New(2024, time.Month(1+r.IntN(12)), 1+r.IntN(28))
		return Date{Date: d}
	}
	levels := []string{"district", "commune", "organization"}
	p := &Plan{}
	n := 2 + r.IntN(12)
	for i := range n {
		u := Unit{ID: Text{Value: fmt.Sprintf("u%d", i)}, Level: Text{Value: levels[r.IntN(len(levels))]}}
		if r.IntN(8) == 0 {
			u.ID.Value = fmt.Sprintf("u%d", r.IntN(n)) // a duplicate id
		}
		if r.IntN(3) == 0 {
			u.From = day()
		}
		if r.IntN(2) == 0 {
			u.Until = day()
			if r.IntN(4) != 0 {
				u.Successor = Text{Value: fmt.Sprintf("u%d", r.IntN(n+2))}
			}
		}
		p.Units = append(p.Units, u)
	}
	for i := range 1 + r.IntN(5) {
		s := Set{ID: Text{Value: fmt.Sprintf("s%d", i)}}
		if r.IntN(10) == 0 {
			s.ID.Value = "u0" // a set named like a unit
		}
		if r.IntN(2) == 0 {
			s.Level = Text{Value: levels[r.IntN(len(levels))]}
		}
		for range r.IntN(5) {
			if r.IntN(3) == 0 {
				s.Members = append(s.Members, Text{Value: fmt.Sprintf("s%d", r.IntN(6))})
			} else {
				s.Members = append(s.Members, Text{Value: fmt.Sprintf("u%d", r.IntN(n+2))})
			}
		}
		p.Sets = append(p.Sets, s)
	}
	var ids []Text
	for i := range n + 2 {
		ids = append(ids, Text{Value: fmt.Sprintf("u%d", i)})
	}
	for i := range 7 {
		ids = append(ids, Text{Value: fmt.Sprintf("s%d", i)})
	}
	var days []dates.Date
	for range 6 {
		days = append(days, day().Date)
	}
	for _, u := range p.Units { // the days a span begins and the days before
		for _, d := range []Date{u.From, u.Until} {
			if !d.Date.IsZero() {
				days = append(days, d.Date.AddDays(-1), d.Date, d.Date.AddDays(1))
			}
		}
	}
	return p, ids, days
}

// TestExpandKeptSameAsWalked checks that the kept expansions are the ones
// a fresh walk gives, for random plans, id lists and days, asked in any
// order, from several goroutines at once.
func TestExpandKeptSameAsWalked(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 2024))
	for round := range 400 {
		p, ids, days := randomPlan(r)
		ix := NewIndex(p)
		var lists [][]Text
		for range 12 {
			var l []Text
			for range 1 + r.IntN(3) {
				l = append(l, ids[r.IntN(len(ids))])
			}
			lists = append(lists, l)
		}
		var wg sync.WaitGroup
		var mu sync.Mutex
		var failures []string
		for g := range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				order := slices.Clone(days)
				rand.New(rand.NewPCG(uint64(round), uint64(g))).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
				for _, l := range lists {
					if got, want := ix.Expand(l), refExpand(ix, l); !slices.Equal(got, want) {
						mu.Lock()
						failures = append(failures, fmt.Sprintf("Expand(%v) = %v, want %v", l, unitIDs(got), unitIDs(want)))
						mu.Unlock()
					}
					for _, d := range order {
						if got, want := ix.ExpandAt(l, d), refExpandAt(ix, l, d); !sameHolders(got, want) {
							mu.Lock()
							failures = append(failures, fmt.Sprintf("ExpandAt(%v, %v) = %v, want %v", l, d, holderIDs(got), holderIDs(want)))
							mu.Unlock()
						}
					}
				}
			}()
		}
		wg.Wait()
		if len(failures) > 0 {
			t.Fatalf("round %d: %d differences, first: %s", round, len(failures), failures[0])
		}
	}
}

func sameHolders(a, b []Holder) bool {
	return slices.EqualFunc(a, b, func(x, y Holder) bool {
		return x.Unit == y.Unit && slices.Equal(x.Predecessors, y.Predecessors)
	})
}

func unitIDs(us []*Unit) []string {
	var out []string
	for _, u := range us {
		out = append(out, fmt.Sprintf("%s@%p", u.ID.Value, u))
	}
	return out
}

func holderIDs(hs []Holder) []string {
	var out []string
	for _, h := range hs {
		out = append(out, fmt.Sprintf("%s<-%v", h.Unit.ID.Value, unitIDs(h.Predecessors)))
	}
	return out
}

// TestUnitsByID: the units sorted by id, each id once as Unit gives it,
// and UnitRank their places.
func TestUnitsByID(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 6))
	for range 200 {
		p, _, _ := randomPlan(r)
		ix := NewIndex(p)
		got := ix.UnitsByID()
		var want []*Unit
		for i := range p.Units {
			if u := ix.Unit(p.Units[i].ID.Value); !slices.Contains(want, u) {
				want = append(want, u)
			}
		}
		slices.SortFunc(want, func(a, b *Unit) int { return strings.Compare(a.ID.Value, b.ID.Value) })
		if !slices.Equal(got, want) {
			t.Fatalf("UnitsByID = %v, want %v", unitIDs(got), unitIDs(want))
		}
		for i, u := range got {
			if k, ok := ix.UnitRank(u.ID.Value); !ok || k != i {
				t.Fatalf("UnitRank(%s) = %d, %v, want %d", u.ID.Value, k, ok, i)
			}
		}
		if _, ok := ix.UnitRank("nobody"); ok {
			t.Fatal("UnitRank of an unknown id")
		}
	}
}
