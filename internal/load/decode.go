package load

import (
	"strings"
	"time"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"go.yaml.in/yaml/v3"
)

func (d *decoder) planFile(root *yaml.Node, p *model.Plan) {
	f, fok := d.fields(root, "plan.yaml", model.PlanKeys, "format", "id", "title", "period", "reporting", "groups")
	if !fok {
		return
	}
	if v, ok := f.get("format"); ok {
		p.Format = d.text(v.val, "format")
		if p.Format.Value != "" && p.Format.Value != model.Format {
			d.diags.Errorf(p.Format.Pos, "bad-format", p.Format.Value, model.Format)
		}
	}
	if v, ok := f.get("id"); ok {
		p.ID = d.id(v.val, "id")
	}
	for key, dst := range map[string]*model.Text{"title": &p.Title, "issuer": &p.Issuer, "signer": &p.Signer, "language": &p.Language, "timezone": &p.Timezone} {
		if v, ok := f.get(key); ok {
			*dst = d.text(v.val, key)
		}
	}
	if p.Language.Value != "" && p.Language.Value != "vi" && p.Language.Value != "en" {
		d.diags.Errorf(p.Language.Pos, "bad-enum", "language", p.Language.Value, "vi, en")
	}
	if v, ok := f.get("timezone"); ok && v.val.ShortTag() == "!!str" {
		d.timezone(p.Timezone)
	}
	if v, ok := f.get("period"); ok {
		if pf, pfok := d.fields(v.val, "period", model.PeriodKeys, "from", "to"); pfok {
			if x, ok := pf.get("from"); ok {
				p.PeriodFrom = d.day(x.val, "period.from")
			}
			if x, ok := pf.get("to"); ok {
				p.PeriodTo = d.day(x.val, "period.to")
			}
			if !p.PeriodFrom.Date.IsZero() && !p.PeriodTo.Date.IsZero() && p.PeriodTo.Date.Before(p.PeriodFrom.Date) {
				d.diags.Errorf(p.PeriodTo.Pos, "period-order", p.PeriodFrom.Text, p.PeriodTo.Text)
			}
		}
	}
	if v, ok := f.get("basis"); ok {
		d.list(v.val, "basis", func(it *yaml.Node) { p.Basis = append(p.Basis, d.text(it, "basis")) })
	}
	if v, ok := f.get("notes"); ok {
		d.list(v.val, "notes", func(it *yaml.Node) { p.Notes = append(p.Notes, d.text(it, "notes")) })
	}
	p.Reporting.Rollover = model.RolloverNone
	p.Reporting.DueSoonDays = 14
	p.Reporting.CompileAfter = 1
	if v, ok := f.get("reporting"); ok {
		d.reporting(v.val, &p.Reporting)
	}
	if v, ok := f.get("report"); ok {
		if hf, hfok := d.fields(v.val, "report", model.HeaderKeys); hfok {
			for key, dst := range map[string]*model.Text{"authority": &p.Header.Authority, "issuer": &p.Header.Issuer, "symbol": &p.Header.Symbol, "place": &p.Header.Place} {
				if x, ok := hf.get(key); ok {
					*dst = d.text(x.val, "report."+key)
				}
			}
			if x, ok := hf.get("recipients"); ok {
				d.list(x.val, "report.recipients", func(it *yaml.Node) {
					p.Header.Recipients = append(p.Header.Recipients, d.text(it, "report.recipients"))
				})
			}
			if x, ok := hf.get("signature"); ok {
				if sf, sfok := d.fields(x.val, "report.signature", model.SignatureKeys, "title", "name"); sfok {
					sig := &p.Header.Signature
					for key, dst := range map[string]*model.Text{"authority": &sig.Authority, "title": &sig.Title, "name": &sig.Name} {
						if y, ok := sf.get(key); ok {
							*dst = d.text(y.val, "report.signature."+key)
						}
					}
				}
			}
		}
	}
	if v, ok := f.get("groups"); ok {
		d.list(v.val, "groups", func(it *yaml.Node) {
			gf, gfok := d.fields(it, "group", model.GroupKeys, "id", "title")
			if !gfok {
				return
			}
			var g model.Group
			g.ID.Pos = d.pos(it)
			if x, ok := gf.get("id"); ok {
				g.ID = d.id(x.val, "group id")
			}
			if x, ok := gf.get("ref"); ok {
				g.Ref = d.text(x.val, "group ref")
			}
			if x, ok := gf.get("title"); ok {
				g.Title = d.text(x.val, "group title")
			}
			if x, ok := gf.get("parent"); ok {
				g.Parent = d.id(x.val, "group parent")
			}
			if x, ok := gf.get("note"); ok {
				g.Note = d.text(x.val, "group note")
			}
			p.Groups = append(p.Groups, g)
		})
	}
	if v, ok := f.get("utilities"); ok {
		d.list(v.val, "utilities", func(it *yaml.Node) {
			uf, ufok := d.fields(it, "utility", model.UtilityKeys, "id", "title")
			if !ufok {
				return
			}
			u := model.Utility{Pos: d.pos(it)}
			if x, ok := uf.get("id"); ok {
				u.ID, _ = d.integer(x.val, "utility id")
			}
			if x, ok := uf.get("title"); ok {
				u.Title = d.text(x.val, "utility title")
			}
			p.Utilities = append(p.Utilities, u)
		})
	}
}

func (d *decoder) reporting(n *yaml.Node, r *model.Reporting) {
	f, fok := d.fields(n, "reporting", model.ReportingKeys, "secretariat", "day")
	if !fok {
		return
	}
	if v, ok := f.get("secretariat"); ok {
		r.Secretariat = d.id(v.val, "reporting.secretariat")
	}
	if v, ok := f.get("day"); ok {
		r.DayPos = d.pos(v.val)
		if day, ok := d.integerIn(v.val, "reporting.day", 1, 31, "bad-report-day"); ok {
			r.Day = int(day)
		}
	}
	if v, ok := f.get("rollover"); ok {
		t := d.text(v.val, "reporting.rollover")
		r.RolloverPos = t.Pos
		switch model.Rollover(t.Value) {
		case model.RolloverNone, model.RolloverNextWorkingDay:
			r.Rollover = model.Rollover(t.Value)
		default:
			d.diags.Errorf(t.Pos, "bad-enum", "rollover", t.Value, "next-working-day, none")
		}
	}
	if v, ok := f.get("compile_after"); ok {
		r.CompileAfterPos = d.pos(v.val)
		// 1 is the first working day after the deadline: on the
		// deadline itself (0) every unit would still be "Chưa đến hạn"
		// (SPEC §8.3).
		if n, ok := d.integerIn(v.val, "reporting.compile_after", 1, 20, "bad-compile-after"); ok {
			r.CompileAfter = int(n)
		}
	}
	if v, ok := f.get("due_soon_days"); ok {
		if n, ok := d.integerIn(v.val, "reporting.due_soon_days", 0, 366, "bad-due-soon"); ok {
			r.DueSoonDays = int(n)
		}
	}
	if v, ok := f.get("also"); ok {
		r.Also = d.ids(v.val, "reporting.also")
	}
}

func (d *decoder) unitsFile(root *yaml.Node, p *model.Plan) {
	f, fok := d.fields(root, "units.yaml", model.UnitsKeys, "units")
	if !fok {
		return
	}
	if v, ok := f.get("units"); ok {
		d.list(v.val, "units", func(it *yaml.Node) {
			uf, ufok := d.fields(it, "unit", model.UnitKeys, "id", "name", "level")
			if !ufok {
				return
			}
			u := model.Unit{ID: model.Text{Pos: d.pos(it)}}
			if x, ok := uf.get("id"); ok {
				u.ID = d.id(x.val, "unit id")
			}
			if x, ok := uf.get("name"); ok {
				u.Name = d.text(x.val, "unit name")
			}
			if x, ok := uf.get("short"); ok {
				u.Short = d.text(x.val, "unit short")
			}
			if x, ok := uf.get("level"); ok {
				u.Level = d.level(x.val)
			}
			if x, ok := uf.get("parent"); ok {
				u.Parent = d.id(x.val, "unit parent")
			}
			if x, ok := uf.get("reports_to"); ok {
				u.ReportsTo = d.id(x.val, "unit reports_to")
			}
			if x, ok := uf.get("from"); ok {
				u.From = d.day(x.val, "unit from")
			}
			if x, ok := uf.get("until"); ok {
				u.Until = d.day(x.val, "unit until")
			}
			if x, ok := uf.get("successor"); ok {
				u.Successor = d.id(x.val, "unit successor")
			}
			p.Units = append(p.Units, u)
		})
	}
	if v, ok := f.get("sets"); ok {
		d.list(v.val, "sets", func(it *yaml.Node) {
			sf, sfok := d.fields(it, "set", model.SetKeys, "id", "name")
			if !sfok {
				return
			}
			s := model.Set{ID: model.Text{Pos: d.pos(it)}}
			if x, ok := sf.get("id"); ok {
				s.ID = d.id(x.val, "set id")
			}
			if x, ok := sf.get("name"); ok {
				s.Name = d.text(x.val, "set name")
			}
			if x, ok := sf.get("members"); ok {
				s.Members = d.ids(x.val, "set members")
			}
			if x, ok := sf.get("level"); ok {
				s.Level = d.level(x.val)
			}
			_, hasM := sf.get("members")
			_, hasL := sf.get("level")
			if !hasM && !hasL {
				d.diags.Errorf(d.pos(it), "set-needs-members")
			}
			p.Sets = append(p.Sets, s)
		})
	}
}

func (d *decoder) level(n *yaml.Node) model.Text {
	t := d.text(n, "level")
	if t.Value != "" && !contains(model.Levels, t.Value) {
		if s := diag.Suggest(t.Value, model.Levels); s != "" {
			d.diags.Errorf(t.Pos, "bad-enum-suggest", "level", t.Value, s)
		} else {
			d.diags.Errorf(t.Pos, "bad-enum", "level", t.Value, strings.Join(model.Levels, ", "))
		}
	}
	return t
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

func (d *decoder) calendarFile(root *yaml.Node, c *model.Calendar) {
	f, fok := d.fields(root, "calendar.yaml", model.CalendarKeys)
	if !fok {
		return
	}
	if v, ok := f.get("weekend"); ok {
		c.Weekend = []model.Text{} // present but empty: no weekend at all
		d.list(v.val, "weekend", func(it *yaml.Node) {
			t := d.text(it, "weekend")
			if _, ok := weekdays[t.Value]; !ok && t.Value != "" {
				d.diags.Errorf(t.Pos, "bad-enum", "weekend", t.Value, "monday, tuesday, wednesday, thursday, friday, saturday, sunday")
			}
			c.Weekend = append(c.Weekend, t)
		})
	}
	days := func(key string, dst *[]model.Holiday) {
		v, ok := f.get(key)
		if !ok {
			return
		}
		d.list(v.val, key, func(it *yaml.Node) {
			hf, hfok := d.fields(it, key, model.DayOffKeys) // name is optional (SPEC §2)
			if !hfok {
				return
			}
			h := model.Holiday{Pos: d.pos(it)}
			_, one := hf.get("date")
			_, from := hf.get("from")
			_, to := hf.get("to")
			switch {
			case one && !from && !to:
				h.From = d.day(hf.val("date"), key+".date")
				h.To = h.From
			case !one && from && to:
				h.From = d.day(hf.val("from"), key+".from")
				h.To = d.day(hf.val("to"), key+".to")
				if !h.From.Date.IsZero() && !h.To.Date.IsZero() && h.To.Date.Before(h.From.Date) {
					d.diags.Errorf(h.To.Pos, "period-order", h.From.Text, h.To.Text)
				}
			default:
				d.diags.Errorf(h.Pos, "day-or-range", key)
			}
			// A null name (name: ~, or name: with nothing after it) is no
			// name, as diff shows it: the day without a name.
			if x, ok := hf.get("name"); ok && !(x.val.Kind == yaml.ScalarNode && x.val.ShortTag() == "!!null") {
				h.Name = d.text(x.val, key+".name")
			}
			*dst = append(*dst, h)
		})
	}
	days("holidays", &c.Holidays)
	days("working_days", &c.WorkingDays)
	if v, ok := f.get("named_days"); ok {
		if v.val.Kind != yaml.MappingNode {
			d.diags.Errorf(d.pos(v.val), "want-mapping", "named_days", kindName(v.val))
		} else {
			// Deadlines name days as the rest of the grammar reads words,
			// case and diacritics aside (SPEC §2.1): two names that fold
			// alike are one day named twice, whichever date each gives.
			type first struct {
				name string
				line int
			}
			seen := map[string]first{}
			for i := 0; i+1 < len(v.val.Content); i += 2 {
				k, x := v.val.Content[i], v.val.Content[i+1]
				name := d.text(k, "named day")
				key := i18n.Fold(name.Value)
				if prev, dup := seen[key]; dup {
					if prev.name == name.Value {
						d.diags.Errorf(name.Pos, "duplicate-key", name.Value, prev.line)
					} else {
						d.diags.Errorf(name.Pos, "duplicate-named-day", name.Value, prev.name, prev.line)
					}
					continue
				}
				seen[key] = first{name.Value, k.Line}
				c.NamedDays = append(c.NamedDays, model.NamedDay{Name: name, Date: d.day(x, "named day")})
			}
		}
	}
}

func (d *decoder) tasksFile(root *yaml.Node, p *model.Plan) {
	f, fok := d.fields(root, "tasks file", model.TasksKeys, "tasks")
	if !fok {
		return
	}
	v, ok := f.get("tasks")
	if !ok {
		return
	}
	d.list(v.val, "tasks", func(it *yaml.Node) {
		tf, tfok := d.fields(it, "task", model.TaskKeys, "id", "title", "group", "lead", "due")
		if !tfok {
			return
		}
		t := model.Task{File: d.file, Pos: d.pos(it), ID: model.Text{Pos: d.pos(it)}}
		if x, ok := tf.get("id"); ok {
			t.ID = d.text(x.val, "task id")
			if t.ID.Value != "" && !validTaskID(t.ID.Value) {
				d.diags.Errorf(t.ID.Pos, "bad-task-id", t.ID.Value)
			}
		}
		texts := map[string]*model.Text{"ref": &t.Ref, "title": &t.Title, "detail": &t.Detail, "support_note": &t.SupportNote, "note": &t.Note}
		for key, dst := range texts {
			if x, ok := tf.get(key); ok {
				*dst = d.text(x.val, key)
			}
		}
		if x, ok := tf.get("group"); ok {
			t.Group = d.id(x.val, "group")
		}
		if x, ok := tf.get("utilities"); ok {
			d.list(x.val, "utilities", func(u *yaml.Node) {
				n, ok := d.integer(u, "utility")
				if !ok {
					return // said; not also "utility 0 is not listed"
				}
				t.Utilities = append(t.Utilities, model.Utility{ID: n, Pos: d.pos(u)})
			})
		}
		if x, ok := tf.get("lead"); ok {
			t.Lead = d.ids(x.val, "lead")
			if len(t.Lead) == 0 && x.val.Kind == yaml.SequenceNode {
				d.diags.Errorf(d.pos(x.val), "empty-lead")
			}
		}
		if x, ok := tf.get("support"); ok {
			t.Support = d.ids(x.val, "support")
		}
		if x, ok := tf.get("start"); ok {
			t.Start = d.loose(x.val, "start")
		}
		if x, ok := tf.get("due"); ok {
			t.Due = d.loose(x.val, "due")
		}
		if x, ok := tf.get("targets"); ok {
			d.list(x.val, "targets", func(n *yaml.Node) {
				if tg, ok := d.target(n); ok {
					t.Targets = append(t.Targets, tg)
				}
			})
		}
		p.Tasks = append(p.Tasks, t)
	})
}

// validTaskID allows document-style ids: "3.1.1", "IV.1", "2-2-a".
func validTaskID(s string) bool {
	for _, c := range []byte(s) {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			return false
		}
	}
	return s != ""
}

func (d *decoder) target(n *yaml.Node) (model.Target, bool) {
	f, fok := d.fields(n, "target", model.TargetKeys, "id", "name", "milestones")
	if !fok {
		return model.Target{}, false
	}
	t := model.Target{Pos: d.pos(n), ID: model.Text{Pos: d.pos(n)}}
	if x, ok := f.get("id"); ok {
		t.ID = d.id(x.val, "target id")
	}
	if x, ok := f.get("name"); ok {
		t.Name = d.text(x.val, "target name")
	}
	if x, ok := f.get("unit"); ok {
		t.Unit = d.text(x.val, "target unit")
	}
	if x, ok := f.get("milestones"); ok {
		d.list(x.val, "milestones", func(m *yaml.Node) {
			mf, mfok := d.fields(m, "milestone", model.MilestoneKeys, "from", "min")
			if !mfok {
				return
			}
			ms := model.Milestone{Pos: d.pos(m)}
			if y, ok := mf.get("from"); ok {
				ms.From = d.loose(y.val, "milestone from")
			}
			if y, ok := mf.get("min"); ok {
				ms.Min, _ = d.number(y.val, "milestone min")
			}
			t.Milestones = append(t.Milestones, ms)
		})
	}
	return t, true
}

func (d *decoder) reportFile(root *yaml.Node, r *model.Report) {
	f, fok := d.fields(root, "report", model.ReportKeys, "submitted", "tasks")
	if !fok {
		return
	}
	if v, ok := f.get("submitted"); ok {
		r.Submitted = d.day(v.val, "submitted")
	}
	if v, ok := f.get("document"); ok {
		r.Document = d.text(v.val, "document")
	}
	if v, ok := f.get("tasks"); ok && v.val.ShortTag() != "!!null" {
		// Sized once: entries are big, and a country holds half a million.
		r.Entries = make([]model.Entry, 0, len(v.val.Content))
		d.list(v.val, "tasks", func(it *yaml.Node) {
			if e, ok := d.entry(it); ok {
				r.Entries = append(r.Entries, e)
			}
		})
	}
}

func (d *decoder) entry(n *yaml.Node) (model.Entry, bool) {
	f, fok := d.fields(n, "report entry", model.EntryKeys, "task", "state")
	if !fok {
		return model.Entry{}, false
	}
	e := model.Entry{Task: model.Text{Pos: d.pos(n)}}
	if x, ok := f.get("task"); ok {
		e.Task = d.text(x.val, "task")
	}
	if x, ok := f.get("state"); ok {
		t := d.text(x.val, "state")
		e.StatePos = t.Pos
		e.State = model.State(t.Value)
		if t.Value != "" && !isState(t.Value) {
			names := make([]string, len(model.States))
			for i, s := range model.States {
				names[i] = string(s)
			}
			if s := diag.Suggest(t.Value, names); s != "" {
				d.diags.Errorf(t.Pos, "bad-enum-suggest", "state", t.Value, s)
			} else {
				d.diags.Errorf(t.Pos, "bad-enum", "state", t.Value, strings.Join(names, ", "))
			}
		}
	}
	if x, ok := f.get("progress"); ok {
		if v, ok := d.integerIn(x.val, "progress", 0, 100, "bad-progress"); ok {
			p := int(v)
			e.Progress = &p
		}
	}
	if x, ok := f.get("done"); ok {
		e.Done = d.day(x.val, "done")
	} else if e.State == model.Done {
		d.diags.Errorf(e.StatePos, "done-missing")
	}
	if x, ok := f.get("values"); ok {
		if x.val.Kind != yaml.MappingNode {
			d.diags.Errorf(d.pos(x.val), "want-mapping", "values", kindName(x.val))
		} else {
			seen := map[string]int{}
			for i := 0; i+1 < len(x.val.Content); i += 2 {
				if n := d.decimalComma(x.val.Content, i); n > 0 {
					i += 2 * (n - 1)
					continue
				}
				k := d.id(x.val.Content[i], "target id")
				if prev, dup := seen[k.Value]; dup {
					d.diags.Errorf(k.Pos, "duplicate-key", k.Value, prev)
					continue
				}
				seen[k.Value] = int(k.Pos.Line)
				if v, ok := d.number(x.val.Content[i+1], "value"); ok {
					e.Values = append(e.Values, model.Value{Target: k, Value: v})
				}
			}
		}
	}
	// Field by field, not through pointers into e: e then stays off the heap
	// (half a million entries at country scale).
	if x, ok := f.get("result"); ok {
		e.Result = d.text(x.val, "result")
	}
	if x, ok := f.get("obstacles"); ok {
		e.Obstacles = d.text(x.val, "obstacles")
	}
	if x, ok := f.get("proposals"); ok {
		e.Proposals = d.text(x.val, "proposals")
	}
	return e, true
}

func isState(s string) bool {
	for _, st := range model.States {
		if string(st) == s {
			return true
		}
	}
	return false
}

// reportIdentity reads the cycle month and unit id from a report's path.
func reportIdentity(rel string) (dates.Month, string, bool, bool) {
	m, unit, ok := splitReportPath(rel)
	if !ok {
		return dates.Month{}, "", false, false
	}
	month, okM := dates.ParseMonth(m)
	return month, unit, okM, validID(unit)
}
