// Package schema writes JSON Schemas (draft 2020-12) for the files of a
// plan, so that editors (VS Code with the YAML extension, any client of
// yaml-language-server) complete keys and flag mistakes as the clerk types.
//
// The schemas are generated from model's key lists, the same lists the
// loader accepts and fmt orders by: every mapping of a schema has exactly
// the keys of its list, in its order, and refuses others
// (additionalProperties: false). This package only adds what a key list
// cannot say: the type of each key and which keys are required. A key
// added to a list without a type here still appears (as any value) and is
// reported by Gaps, which a test turns into a failure, so the schemas
// cannot drift from the loader.
//
// plan06 validate stays the judge: a schema checks shapes and types, not
// references, deadlines or dates that do not exist.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/plan06/plan06/internal/model"
)

// Draft is the JSON Schema dialect written.
const Draft = "https://json-schema.org/draft/2020-12/schema"

// A File is one kind of plan file with its schema.
type File struct {
	// Name is the schema's file name, e.g. "plan.schema.json".
	Name string
	// Glob is where the files it describes live in a plan repository,
	// for editor settings, e.g. "plan/tasks/*.yaml".
	Glob string
	// Title names the kind of file.
	Title string
	root  func() map[string]any
}

// Files are the five kinds of plan file, in the order of SPEC §2.
var Files = []File{
	{Name: "plan.schema.json", Glob: "plan/plan.yaml", Title: "plan06 plan.yaml", root: planRoot},
	{Name: "units.schema.json", Glob: "plan/units.yaml", Title: "plan06 units.yaml", root: unitsRoot},
	{Name: "calendar.schema.json", Glob: "plan/calendar.yaml", Title: "plan06 calendar.yaml", root: calendarRoot},
	{Name: "tasks.schema.json", Glob: "plan/tasks/*.yaml", Title: "plan06 tasks/*.yaml", root: tasksRoot},
	{Name: "report.schema.json", Glob: "plan/reports/*/*.yaml", Title: "plan06 reports/YYYY-MM/UNIT.yaml", root: reportRoot},
}

// JSON returns f's schema, indented, ending in a new line. The same
// program always writes the same bytes.
func (f File) JSON() []byte {
	s := f.root()
	s["$schema"] = Draft
	s["title"] = f.Title
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		panic(fmt.Sprintf("schema: %v", err)) // only plain maps, strings and numbers
	}
	return b.Bytes()
}

// A mapping is one mapping of the format: its key list (from model) and
// the types this package knows for the keys.
type mapping struct {
	name     string
	keys     []string
	types    map[string]any
	required []string
}

// mappings are every mapping of the format, each with the list the loader
// uses. Gaps compares the two.
var mappings = []mapping{
	{"plan", model.PlanKeys, planTypes, []string{"format", "id", "title", "period", "reporting", "groups"}},
	{"period", model.PeriodKeys, periodTypes, []string{"from", "to"}},
	{"reporting", model.ReportingKeys, reportingTypes, []string{"secretariat", "day"}},
	{"report header", model.HeaderKeys, headerTypes, nil},
	{"signature", model.SignatureKeys, signatureTypes, []string{"title", "name"}},
	{"group", model.GroupKeys, groupTypes, []string{"id", "title"}},
	{"utility", model.UtilityKeys, utilityTypes, []string{"id", "title"}},
	{"units file", model.UnitsKeys, unitsTypes, []string{"units"}},
	{"unit", model.UnitKeys, unitTypes, []string{"id", "name", "level"}},
	{"set", model.SetKeys, setTypes, []string{"id", "name"}},
	{"calendar", model.CalendarKeys, calendarTypes, nil},
	{"day off", model.DayOffKeys, dayOffTypes, nil},
	{"tasks file", model.TasksKeys, tasksTypes, []string{"tasks"}},
	{"task", model.TaskKeys, taskTypes, []string{"id", "title", "group", "lead", "due"}},
	{"target", model.TargetKeys, targetTypes, []string{"id", "name", "milestones"}},
	{"milestone", model.MilestoneKeys, milestoneTypes, []string{"from", "min"}},
	{"report", model.ReportKeys, reportTypes, []string{"submitted", "tasks"}},
	{"entry", model.EntryKeys, entryTypes, []string{"task", "state"}},
}

// Gaps lists the keys of model's lists that have no type here, and the
// types here whose key is in no list: both must be empty.
func Gaps() []string { return gaps(mappings) }

func gaps(ms []mapping) []string {
	var out []string
	for _, m := range ms {
		for _, k := range m.keys {
			if _, ok := m.types[k]; !ok {
				out = append(out, fmt.Sprintf("%s: key %q has no type in internal/schema", m.name, k))
			}
		}
		for k := range m.types {
			if !slices.Contains(m.keys, k) {
				out = append(out, fmt.Sprintf("%s: type for %q, which the loader does not accept", m.name, k))
			}
		}
		for _, k := range m.required {
			if !slices.Contains(m.keys, k) {
				out = append(out, fmt.Sprintf("%s: required key %q is not in the key list", m.name, k))
			}
		}
	}
	slices.Sort(out)
	return out
}

// object is the schema of the mapping named name: its keys' types,
// required keys, nothing else.
func object(name string) map[string]any {
	for _, m := range mappings {
		if m.name != name {
			continue
		}
		props := map[string]any{}
		for _, k := range m.keys {
			t, ok := m.types[k]
			if !ok {
				t = map[string]any{}
			}
			props[k] = t
		}
		o := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
		if len(m.required) > 0 {
			o["required"] = m.required
		}
		return o
	}
	panic("schema: no mapping " + name)
}

// Building blocks.

func str() map[string]any { return map[string]any{"type": "string"} }
func integer(min, max int) map[string]any {
	return map[string]any{"type": "integer", "minimum": min, "maximum": max}
}
func enum(values ...string) map[string]any {
	return map[string]any{"type": "string", "enum": values}
}
func list(items any) map[string]any { return map[string]any{"type": "array", "items": items} }
func ref(def string) map[string]any { return map[string]any{"$ref": "#/$defs/" + def} }
func describe(s map[string]any, d string) map[string]any {
	s["description"] = d
	return s
}

// id is a unit, set or group id: lower-case ASCII, digits and hyphens.
func id() map[string]any {
	return map[string]any{"type": "string", "pattern": "^[a-z0-9-]+$"}
}

// ids is where a unit or a set may be named: one id or a list of them.
func ids() map[string]any {
	return map[string]any{"oneOf": []any{id(), list(id())}}
}

// day is a day as the loader reads it: 2024-03-14, 14/03/2024, or the
// long form; YAML 1.2 editors read an unquoted date as text.
func day() map[string]any {
	return describe(str(), "2024-03-14 or 14/03/2024")
}

// deadline is the grammar of SPEC §2.1: text, or an integer year.
func deadline() map[string]any {
	return describe(map[string]any{"type": []string{"string", "integer"}},
		"2024-03-31, 31/03/2024, 2024-03, tháng 3/2024, Quý I năm 2024, 2024-H1, 2024, Trong năm 2024, trước ngày 31/01/2024, Từ quý I năm 2024, Thường xuyên")
}

func number() map[string]any { return map[string]any{"type": "number"} }

// The types of each mapping's keys.
var (
	planTypes = map[string]any{
		"format":    map[string]any{"const": model.Format},
		"id":        id(),
		"title":     str(),
		"issuer":    str(),
		"signer":    str(),
		"language":  enum("vi", "en"),
		"timezone":  str(),
		"period":    ref("period"),
		"basis":     list(str()),
		"notes":     list(str()),
		"reporting": ref("reporting"),
		"report":    ref("header"),
		"groups":    list(ref("group")),
		"utilities": list(ref("utility")),
	}
	periodTypes    = map[string]any{"from": day(), "to": day()}
	reportingTypes = map[string]any{
		"secretariat":   id(),
		"day":           integer(1, 31),
		"rollover":      enum(string(model.RolloverNextWorkingDay), string(model.RolloverNone)),
		"compile_after": describe(integer(1, 20), "working days after the deadline on which the standing office compiles, 1–20 (default 1)"),
		"due_soon_days": integer(0, 366),
		"also":          list(id()),
	}
	headerTypes = map[string]any{"authority": str(), "issuer": str(), "symbol": str(), "place": str(),
		"recipients": describe(list(str()), "the lines of Nơi nhận; the last usually Lưu: VT, …"),
		"signature":  ref("signature")}
	signatureTypes = map[string]any{"authority": describe(str(), "KT. CHỦ TỊCH"), "title": describe(str(), "PHÓ CHỦ TỊCH"), "name": str()}
	groupTypes     = map[string]any{"id": id(), "ref": describe(str(), "the group's number in the plan document: II.1"), "title": str(), "parent": id(), "note": str()}
	utilityTypes   = map[string]any{"id": integer(1, 99), "title": str()}
	unitsTypes     = map[string]any{"units": list(ref("unit")), "sets": list(ref("set"))}
	unitTypes      = map[string]any{
		"id": id(), "name": str(), "short": str(), "level": enum(model.Levels...), "parent": id(),
		"reports_to": describe(id(), "the unit that receives its monthly reports (default: the secretariat)"),
		"from":       describe(day(), "the first day the unit exists"),
		"until":      describe(day(), "the last day the unit exists"),
		"successor":  describe(id(), "the unit that takes over its assignments after until"),
	}
	setTypes = map[string]any{
		"id": id(), "name": str(), "members": list(id()), "level": enum(model.Levels...),
	}
	calendarTypes = map[string]any{
		"weekend":      list(enum("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")),
		"holidays":     list(ref("dayOff")),
		"working_days": list(ref("dayOff")),
		"named_days":   map[string]any{"type": "object", "additionalProperties": day()},
	}
	// A day's name may be left empty or null (`name: ~`): validate takes it
	// for no name.
	dayOffTypes = map[string]any{"date": day(), "from": day(), "to": day(), "name": map[string]any{"type": []any{"string", "null"}}}
	tasksTypes  = map[string]any{"tasks": list(ref("task"))}
	taskTypes   = map[string]any{
		"id":           describe(str(), "quote it: \"3.1\""),
		"ref":          str(),
		"group":        id(),
		"utilities":    list(integer(1, 99)),
		"title":        str(),
		"detail":       str(),
		"lead":         ids(),
		"support":      ids(),
		"support_note": str(),
		"start":        deadline(),
		"due":          deadline(),
		"note":         str(),
		"targets":      list(ref("target")),
	}
	targetTypes    = map[string]any{"id": id(), "name": str(), "unit": str(), "milestones": list(ref("milestone"))}
	milestoneTypes = map[string]any{"from": deadline(), "min": number()}
	reportTypes    = map[string]any{"submitted": day(), "document": str(), "tasks": list(ref("entry"))}
	entryTypes     = map[string]any{
		"task":      describe(str(), "the task's id, quoted: \"3.1\""),
		"state":     enum(string(model.NotStarted), string(model.InProgress), string(model.Done), string(model.Blocked)),
		"progress":  integer(0, 100),
		"done":      day(),
		"values":    map[string]any{"type": "object", "additionalProperties": describe(number(), "write 97.5, not 97,5")},
		"result":    str(),
		"obstacles": str(),
		"proposals": str(),
	}
)

func withDefs(root map[string]any, defs map[string]string) map[string]any {
	d := map[string]any{}
	for def, name := range defs {
		d[def] = object(name)
	}
	root["$defs"] = d
	return root
}

func planRoot() map[string]any {
	return withDefs(object("plan"), map[string]string{
		"period": "period", "reporting": "reporting", "header": "report header", "signature": "signature", "group": "group", "utility": "utility",
	})
}

func unitsRoot() map[string]any {
	return withDefs(object("units file"), map[string]string{"unit": "unit", "set": "set"})
}

func calendarRoot() map[string]any {
	return withDefs(object("calendar"), map[string]string{"dayOff": "day off"})
}

func tasksRoot() map[string]any {
	return withDefs(object("tasks file"), map[string]string{"task": "task", "target": "target", "milestone": "milestone"})
}

func reportRoot() map[string]any {
	return withDefs(object("report"), map[string]string{"entry": "entry"})
}
