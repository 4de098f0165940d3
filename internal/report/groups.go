package report

import (
	"strconv"
	"strings"

	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/status"
)

// groups lays out the plan's groups depth first, each parent before its
// children, siblings in plan order, with the outcome counts of each
// group's subtree. Groups whose parent is unknown, or that sit on a parent
// cycle, stand at the top level (validation reports them); tasks of no
// known group get a row of their own, so every task is counted once.
func (rep *Report) groups(prev *status.TaskOutcomes) {
	r := rep.Result
	p := r.Plan
	index := map[string]int{}
	for i, g := range p.Groups {
		if _, dup := index[g.ID.Value]; !dup {
			index[g.ID.Value] = i
		}
	}
	children := make([][]int, len(p.Groups))
	var roots []int
	for i, g := range p.Groups {
		if index[g.ID.Value] != i {
			continue // a duplicate id: the first group stands for it
		}
		if pi, ok := index[g.Parent.Value]; ok && g.Parent.Value != "" && pi != i {
			children[pi] = append(children[pi], i)
		} else {
			roots = append(roots, i)
		}
	}
	direct := make([][]int, len(p.Groups))
	var orphans []int
	for ti, t := range r.Tasks {
		gid := ""
		if t.Task != nil {
			gid = t.Task.Group.Value
		}
		if gi, ok := index[gid]; ok {
			direct[gi] = append(direct[gi], ti)
		} else {
			orphans = append(orphans, ti)
		}
	}
	// The previous outcomes are of the same plan, so their tasks line up
	// with r's by index; a task filter could break that, so match by id.
	var prevOutcome map[string]status.Outcome
	if prev != nil {
		prevOutcome = make(map[string]status.Outcome, len(prev.Tasks))
		for _, t := range prev.Tasks {
			if t.Task != nil {
				prevOutcome[t.Task.ID.Value] = t.Outcome
			}
		}
	}
	count := func(tasks []int) (now, before Counts) {
		for _, ti := range tasks {
			t := r.Tasks[ti]
			now.add(t.Outcome)
			if prevOutcome != nil && t.Task != nil {
				if o, ok := prevOutcome[t.Task.ID.Value]; ok {
					before.add(o)
				}
			}
		}
		return now, before
	}

	visited := make([]bool, len(p.Groups))
	// A group is labelled by its ref (SPEC §8.5: "STT prints group and
	// task refs, position only where a ref is absent"); without one, by
	// its position among its siblings alone (1, 2, 3): a dotted number
	// built from the parent's ref ("II.2.2.1") or a Roman numeral ("III")
	// would look like the plan's own numbering and name a part it does
	// not have.
	var walk func(gi, depth, pos int) (Counts, Counts)
	walk = func(gi, depth, pos int) (Counts, Counts) {
		visited[gi] = true
		g := p.Groups[gi]
		label := strconv.Itoa(pos)
		ref := strings.TrimSpace(g.Ref.Value)
		if ref != "" {
			label = ref
		}
		at := len(rep.Groups)
		rep.Groups = append(rep.Groups, Group{
			ID: g.ID.Value, Label: label, Ref: ref, Title: g.Title.Value, Depth: depth, Tasks: direct[gi],
		})
		now, before := count(direct[gi])
		rep.Groups[at].Own = now
		n, leaf := 0, true
		for _, ci := range children[gi] {
			if visited[ci] {
				continue
			}
			n++
			leaf = false
			a, b := walk(ci, depth+1, n)
			now.plus(a)
			before.plus(b)
		}
		rep.Groups[at].Now, rep.Groups[at].Prev, rep.Groups[at].Leaf = now, before, leaf
		return now, before
	}
	top := 0
	for _, gi := range roots {
		top++
		walk(gi, 0, top)
	}
	for gi := range p.Groups {
		if !visited[gi] && index[p.Groups[gi].ID.Value] == gi {
			top++
			walk(gi, 0, top)
		}
	}
	if len(orphans) > 0 {
		top++
		now, before := count(orphans)
		rep.Groups = append(rep.Groups, Group{
			Label: strconv.Itoa(top), Title: i18n.T(rep.Lang, "xlsx.no-group"), Tasks: orphans,
			Leaf: true, Now: now, Prev: before, Own: now,
		})
	}
}
