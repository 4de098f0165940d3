package xlsx

import (
	"slices"
	"strconv"
	"strings"

	"github.com/plan06/plan06/internal/status"
)

// groupRow is a task group as the workbook shows it: the groups in a tree
// walked depth first, each parent before its children, siblings in plan
// order. Top-level groups are numbered I, II, …; a child adds its place to
// its parent's number (II.1).
type groupRow struct {
	// ID is the group id; empty for the row of tasks whose group the plan
	// does not know.
	ID    string
	Label string
	Title string
	Depth int
	// Tasks are indexes into Result.Tasks of the tasks directly in the group.
	Tasks []int
	// Counts count the tasks of the group and of its descendants by status,
	// in the order of status.Statuses; Total counts them all.
	Counts []int
	Total  int
}

// groupRows lays out the plan's groups. Groups whose parent is unknown, or
// that sit on a parent cycle, are shown at the top level: validation reports
// them, and the workbook must still show every task once.
func (wb *workbook) groupRows() []groupRow {
	if wb.groups == nil {
		wb.groups = wb.layoutGroups()
	}
	return wb.groups
}

func (wb *workbook) layoutGroups() []groupRow {
	p := wb.r.Plan
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
			continue // duplicate id: the first group stands for it
		}
		if pi, ok := index[g.Parent.Value]; ok && g.Parent.Value != "" && pi != i {
			children[pi] = append(children[pi], i)
		} else {
			roots = append(roots, i)
		}
	}
	direct := make([][]int, len(p.Groups))
	var orphans []int
	for ti, t := range wb.r.Tasks {
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

	var rows []groupRow
	visited := make([]bool, len(p.Groups))
	var walk func(gi, depth int, label string) []int
	walk = func(gi, depth int, label string) []int {
		visited[gi] = true
		at := len(rows)
		rows = append(rows, groupRow{
			ID: p.Groups[gi].ID.Value, Label: label, Title: p.Groups[gi].Title.Value,
			Depth: depth, Tasks: direct[gi],
		})
		counts := wb.countTasks(direct[gi])
		n := 0
		for _, ci := range children[gi] {
			if visited[ci] {
				continue
			}
			n++
			sub := walk(ci, depth+1, label+"."+strconv.Itoa(n))
			for k := range counts {
				counts[k] += sub[k]
			}
		}
		rows[at].Counts = counts[:len(status.Statuses)]
		rows[at].Total = counts[len(status.Statuses)]
		return counts
	}
	top := 0
	for _, gi := range roots {
		top++
		walk(gi, 0, roman(top))
	}
	// Groups on a parent cycle are reached from no root.
	for gi := range p.Groups {
		if !visited[gi] && index[p.Groups[gi].ID.Value] == gi {
			top++
			walk(gi, 0, roman(top))
		}
	}
	if len(orphans) > 0 {
		top++
		counts := wb.countTasks(orphans)
		rows = append(rows, groupRow{
			Label: roman(top), Title: wb.t("xlsx.no-group"), Tasks: orphans,
			Counts: counts[:len(status.Statuses)], Total: counts[len(status.Statuses)],
		})
	}
	if rows == nil {
		rows = []groupRow{}
	}
	return rows
}

// countTasks counts tasks by status in the order of status.Statuses, with
// the total in the last place.
func (wb *workbook) countTasks(tasks []int) []int {
	counts := make([]int, len(status.Statuses)+1)
	for _, ti := range tasks {
		if k := slices.Index(status.Statuses, wb.r.Tasks[ti].Status); k >= 0 {
			counts[k]++
		}
		counts[len(status.Statuses)]++
	}
	return counts
}

// roman writes n (1–3999) in Roman numerals, as Vietnamese documents number
// their parts.
func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
