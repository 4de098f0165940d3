package form

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/yamlfmt"
)

// YAML nodes: text is tagged !!str, so the encoder quotes whatever would
// read back as another type ("3.1", "yes"); numbers and dates are plain.
// Text that starts like a number ("3.1.2", "100% …") is double-quoted, as
// the loader wants it: plain, it could be read as a number.
func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if s != "" && strings.IndexByte("0123456789+-.", s[0]) >= 0 {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}
func plain(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Value: s}
}
func number(v float64) *yaml.Node { return plain(strconv.FormatFloat(v, 'f', -1, 64)) }

func mapping(flow bool, kv ...*yaml.Node) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Content: kv}
	if flow {
		n.Style = yaml.FlowStyle
	}
	return n
}

func add(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, str(key), v)
}

// ReportYAML returns report r as the canonical YAML of its file
// (reports/M/U.yaml): built as a YAML tree, written by the YAML library and
// put in canonical form by yamlfmt, as `plan06 fmt` would write it. Empty
// text fields are left out.
func ReportYAML(r *model.Report) ([]byte, error) {
	doc := mapping(false)
	add(doc, "submitted", plain(r.Submitted.Date.String()))
	if r.Document.Value != "" {
		add(doc, "document", str(Clean(r.Document.Value)))
	}
	tasks := &yaml.Node{Kind: yaml.SequenceNode}
	if len(r.Entries) == 0 {
		tasks.Style = yaml.FlowStyle
	}
	for _, e := range r.Entries {
		m := mapping(false)
		add(m, "task", str(e.Task.Value))
		add(m, "state", str(string(e.State)))
		if e.Progress != nil {
			add(m, "progress", plain(strconv.Itoa(*e.Progress)))
		}
		if e.State == model.Done && !e.Done.Date.IsZero() {
			add(m, "done", plain(e.Done.Date.String()))
		}
		if len(e.Values) > 0 {
			vals := mapping(true)
			for _, v := range e.Values {
				add(vals, v.Target.Value, number(v.Value))
			}
			add(m, "values", vals)
		}
		for _, t := range []struct {
			key string
			v   model.Text
		}{{"result", e.Result}, {"obstacles", e.Obstacles}, {"proposals", e.Proposals}} {
			if s := Clean(t.v.Value); s != "" {
				add(m, t.key, str(s))
			}
		}
		tasks.Content = append(tasks.Content, m)
	}
	add(doc, "tasks", tasks)
	return encode(doc, yamlfmt.KindReport)
}

// encode writes a YAML tree and formats it canonically.
func encode(doc *yaml.Node, kind yamlfmt.Kind) ([]byte, error) {
	raw, err := yaml.Marshal(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{doc}})
	if err != nil {
		return nil, fmt.Errorf("cannot write YAML: %w", err)
	}
	out, err := yamlfmt.Format(raw, kind)
	if err != nil {
		return nil, fmt.Errorf("cannot write YAML: %w", err)
	}
	return out, nil
}

// YAMLCells maps the lines of out, the report file written from fl, to
// the cells of the form they came from: a message about line 7 of the
// file becomes a message about the cell the clerk filled.
func YAMLCells(out []byte, fl *Filled) map[int]string {
	cells := map[int]string{}
	var doc yaml.Node
	if yaml.Unmarshal(out, &doc) != nil || len(doc.Content) == 0 {
		return cells
	}
	root := doc.Content[0]
	at := func(c string) string { return fl.Sheet + "!" + c }
	columns := map[string]int{"task": colID, "state": colState, "progress": colProgress, "done": colDone,
		"result": colResult, "obstacles": colObstacle, "proposals": colProposal}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "document":
			cells[k.Line] = at(fl.DocumentCell)
		case "tasks":
			for j, item := range v.Content {
				if j >= len(fl.EntryRows) {
					break
				}
				row := fl.EntryRows[j]
				cells[item.Line] = at(cell(colID, row))
				task := ""
				for n := 0; n+1 < len(item.Content); n += 2 {
					ek, ev := item.Content[n], item.Content[n+1]
					if ek.Value == "task" {
						task = ev.Value
					}
					if col, ok := columns[ek.Value]; ok {
						cells[ek.Line] = at(cell(col, row))
					}
					if ek.Value == "values" {
						for m := 0; m+1 < len(ev.Content); m += 2 {
							if c, ok := fl.ValueCells[[2]string{task, ev.Content[m].Value}]; ok {
								cells[ev.Content[m].Line] = at(c)
							}
						}
					}
				}
			}
		}
	}
	return cells
}

// Kept is where a line of a report file written from a form comes from
// when it belongs to an entry carried over from the report replaced (see
// CarryOver): the entry's task and the place of the field in that report.
type Kept struct {
	Task string
	Pos  diag.Pos
}

// KeptLines maps the lines of out, the report file written from fl, that
// belong to entries carried over from the report replaced, to those
// entries' tasks and places in it: a message about them is not about the
// form's cells.
func KeptLines(out []byte, fl *Filled) map[int]Kept {
	kept := map[int]Kept{}
	var doc yaml.Node
	if yaml.Unmarshal(out, &doc) != nil || len(doc.Content) == 0 {
		return kept
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "tasks" {
			continue
		}
		for j, item := range root.Content[i+1].Content {
			if j < len(fl.EntryRows) || j >= len(fl.Report.Entries) {
				continue
			}
			e := &fl.Report.Entries[j]
			at := func(p diag.Pos) Kept {
				if p.IsZero() {
					p = e.Task.Pos
				}
				return Kept{Task: e.Task.Value, Pos: p}
			}
			kept[item.Line] = at(e.Task.Pos)
			for n := 0; n+1 < len(item.Content); n += 2 {
				k, v := item.Content[n], item.Content[n+1]
				var p diag.Pos
				switch k.Value {
				case "state":
					p = e.StatePos
				case "done":
					p = e.Done.Pos
				case "result":
					p = e.Result.Pos
				case "obstacles":
					p = e.Obstacles.Pos
				case "proposals":
					p = e.Proposals.Pos
				case "values":
					for m := 0; m+1 < len(v.Content); m += 2 {
						for _, val := range e.Values {
							if val.Target.Value == v.Content[m].Value {
								kept[v.Content[m].Line] = at(val.Target.Pos)
							}
						}
					}
				}
				if _, ok := kept[k.Line]; !ok {
					kept[k.Line] = at(p)
				}
			}
		}
	}
	return kept
}
