package model

// Index gives fast lookups by id over a loaded plan. Build it once with
// NewIndex after loading; it does not follow later changes to the plan.
type Index struct {
	plan   *Plan
	units  map[string]*Unit
	sets   map[string]*Set
	tasks  map[string]*Task
	groups map[string]*Group
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

// Set returns the set with id, or nil.
func (ix *Index) Set(id string) *Set { return ix.sets[id] }

// Task returns the task with id, or nil.
func (ix *Index) Task(id string) *Task { return ix.tasks[id] }

// Group returns the group with id, or nil.
func (ix *Index) Group(id string) *Group { return ix.groups[id] }

// Expand returns the units that ids stand for, sets expanded (recursively,
// through sets named as members), each unit once, in the order first met.
// Unknown ids and membership cycles are skipped: validation reports them.
func (ix *Index) Expand(ids []Text) []*Unit {
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
