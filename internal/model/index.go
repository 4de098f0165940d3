package model

import (
	"slices"
	"strings"
	"sync"

	"github.com/plan06/plan06/internal/dates"
)

// Index gives fast lookups by id over a loaded plan. Build it once with
// NewIndex after loading; it does not follow later changes to the plan.
// It is safe for use by several goroutines at once.
type Index struct {
	plan   *Plan
	units  map[string]*Unit
	sets   map[string]*Set
	tasks  map[string]*Task
	groups map[string]*Group

	// The expansions of single ids are kept once computed: at country
	// scale every task names the same few level sets, each thousands of
	// units, and a report computes the plan's status twice. See expand
	// and holdersAt.
	mu        sync.Mutex
	expanded  map[string][]*Unit
	holders   map[holdersKey][]Holder
	lifeDays  []dates.Date // see epoch
	lifeKnown bool
	byID      []*Unit        // see UnitsByID
	rankByID  map[string]int // position in byID
}

// NewIndex indexes p. When an id occurs twice the first wins (duplicates
// are a validation error reported elsewhere).
func NewIndex(p *Plan) *Index {
	ix := &Index{
		plan:   p,
		units:  make(map[string]*Unit, len(p.Units)),
		sets:   make(map[string]*Set, len(p.Sets)),
		tasks:  make(map[string]*Task, len(p.Tasks)),
		groups: make(map[string]*Group, len(p.Groups)),
	}
	for i := range p.Units {
		if _, dup := ix.units[p.Units[i].ID.Value]; !dup {
			ix.units[p.Units[i].ID.Value] = &p.Units[i]
		}
	}
	for i := range p.Sets {
		if _, dup := ix.sets[p.Sets[i].ID.Value]; !dup {
			ix.sets[p.Sets[i].ID.Value] = &p.Sets[i]
		}
	}
	for i := range p.Tasks {
		if _, dup := ix.tasks[p.Tasks[i].ID.Value]; !dup {
			ix.tasks[p.Tasks[i].ID.Value] = &p.Tasks[i]
		}
	}
	for i := range p.Groups {
		if _, dup := ix.groups[p.Groups[i].ID.Value]; !dup {
			ix.groups[p.Groups[i].ID.Value] = &p.Groups[i]
		}
	}
	return ix
}

// Unit returns the unit with id, or nil.
func (ix *Index) Unit(id string) *Unit { return ix.units[id] }

// UnitsByID returns the plan's units sorted by id, each id once (the
// first unit of a duplicated id, as Unit gives it). The slice is shared:
// it must not be changed.
func (ix *Index) UnitsByID() []*Unit {
	ix.sortUnits()
	return ix.byID
}

// UnitRank returns the position of the unit of id in UnitsByID.
func (ix *Index) UnitRank(id string) (int, bool) {
	ix.sortUnits()
	i, ok := ix.rankByID[id]
	return i, ok
}

func (ix *Index) sortUnits() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.rankByID != nil {
		return
	}
	byID := make([]*Unit, 0, len(ix.units))
	for i := range ix.plan.Units {
		if u := &ix.plan.Units[i]; ix.units[u.ID.Value] == u {
			byID = append(byID, u)
		}
	}
	slices.SortFunc(byID, func(a, b *Unit) int { return strings.Compare(a.ID.Value, b.ID.Value) })
	rank := make(map[string]int, len(byID))
	for i, u := range byID {
		rank[u.ID.Value] = i
	}
	ix.byID, ix.rankByID = byID[:len(byID):len(byID)], rank
}

// Set returns the set with id, or nil.
func (ix *Index) Set(id string) *Set { return ix.sets[id] }

// Task returns the task with id, or nil.
func (ix *Index) Task(id string) *Task { return ix.tasks[id] }

// Group returns the group with id, or nil.
func (ix *Index) Group(id string) *Group { return ix.groups[id] }

// Expand returns the units that ids stand for, sets expanded (recursively,
// through sets named as members), each unit once, in the order first met.
// Unknown ids and membership cycles are skipped: validation reports them.
// The slice returned may be shared with other callers: it must not be
// changed.
func (ix *Index) Expand(ids []Text) []*Unit {
	if len(ids) == 1 {
		return ix.expand(ids[0].Value)
	}
	// Each id's units follow the ones before, those already met left
	// out: the walk of one id does not depend on the ids before it.
	var out []*Unit
	seen := map[*Unit]bool{}
	for _, id := range ids {
		for _, u := range ix.expand(id.Value) {
			if !seen[u] {
				seen[u] = true
				out = append(out, u)
			}
		}
	}
	return out
}

// expand is Expand of one id, computed once.
func (ix *Index) expand(id string) []*Unit {
	ix.mu.Lock()
	out, ok := ix.expanded[id]
	ix.mu.Unlock()
	if ok {
		return out
	}
	out = ix.walk(id)
	ix.mu.Lock()
	if ix.expanded == nil {
		ix.expanded = map[string][]*Unit{}
	}
	ix.expanded[id] = out
	ix.mu.Unlock()
	return out
}

// walk expands one id without the cache.
func (ix *Index) walk(id string) []*Unit {
	var out []*Unit
	seen := map[*Unit]bool{}
	visiting := map[string]bool{}
	var walk func(id string)
	walk = func(id string) {
		if u := ix.units[id]; u != nil {
			if !seen[u] {
				seen[u] = true
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
	walk(id)
	return out[:len(out):len(out)]
}
