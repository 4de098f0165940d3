package status

import (
	"cmp"
	"slices"
	"testing"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/model"
)

// day reads an ISO day or panics: tests write their days as constants.
func day(s string) dates.Date {
	d, ok := dates.ParseISO(s)
	if !ok {
		panic("bad test day " + s)
	}
	return d
}

func text(s string) model.Text { return model.Text{Value: s} }

func texts(ss ...string) []model.Text {
	out := make([]model.Text, len(ss))
	for i, s := range ss {
		out[i] = text(s)
	}
	return out
}

// cal2024 is Việt Nam's 2024 calendar: Tết Dương lịch, Tết Nguyên đán
// (08/02–14/02), Giỗ Tổ (18/04), 30/4–1/5 with 29/04 taken off and made up
// on Saturday 04/05, and Quốc khánh (02/09–03/09).
func cal2024() *dates.Calendar {
	span := func(a, b string) dates.Span { return dates.Span{From: day(a), To: day(b)} }
	return dates.NewCalendar(nil,
		[]dates.Span{
			span("2024-01-01", "2024-01-01"),
			span("2024-02-08", "2024-02-14"),
			span("2024-04-18", "2024-04-18"),
			span("2024-04-29", "2024-05-01"),
			span("2024-09-02", "2024-09-03"),
		},
		[]dates.Date{day("2024-05-04")},
		map[string]dates.Date{"Tết Nguyên đán 2024": day("2024-02-10")})
}

// builder builds a model.Plan in Go the way the loader will: deadlines
// parsed with dates.Parse against the calendar's named days, StartDay
// resolved, milestone days resolved, reports sorted by month then unit.
type builder struct {
	t testing.TB
	p *model.Plan
}

// newBuilder starts a 2024 plan with reports due on the 15th, rollover to
// the next working day, due soon within 14 days, the 2024 calendar, the
// groups chung, dot-pha > dot-pha-dvc > dot-pha-dvc-le, and these units:
// departments cong-an-tinh and so-tttt; districts huyen-a, huyen-b,
// huyen-c; communes xa-1, xa-2; set ubnd-cap-huyen (huyen-a, huyen-b) and
// set ubnd-cap-xa (every commune).
func newBuilder(t testing.TB) *builder {
	p := &model.Plan{
		ID:         text("test-2024"),
		PeriodFrom: model.Date{Date: day("2024-01-01")},
		PeriodTo:   model.Date{Date: day("2024-12-31")},
		Reporting: model.Reporting{
			Secretariat: text("cong-an-tinh"),
			Day:         15,
			Rollover:    model.RolloverNextWorkingDay,
			DueSoonDays: 14,
		},
		Groups: []model.Group{
			{ID: text("chung")},
			{ID: text("dot-pha")},
			{ID: text("dot-pha-dvc"), Parent: text("dot-pha")},
			{ID: text("dot-pha-dvc-le"), Parent: text("dot-pha-dvc")},
		},
		Cal: cal2024(),
	}
	b := &builder{t: t, p: p}
	b.unit("cong-an-tinh", "department")
	b.unit("so-tttt", "department")
	b.unit("huyen-a", "district")
	b.unit("huyen-b", "district")
	b.unit("huyen-c", "district")
	b.unit("xa-1", "commune")
	b.unit("xa-2", "commune")
	b.set("ubnd-cap-huyen", "", "huyen-a", "huyen-b")
	b.set("ubnd-cap-xa", "commune")
	return b
}

func (b *builder) unit(id, level string) *builder {
	b.p.Units = append(b.p.Units, model.Unit{ID: text(id), Name: text("Unit " + id), Level: text(level)})
	return b
}

func (b *builder) set(id, level string, members ...string) *builder {
	b.p.Sets = append(b.p.Sets, model.Set{ID: text(id), Name: text("Set " + id), Level: text(level), Members: texts(members...)})
	return b
}

func (b *builder) noRollover() *builder {
	b.p.Reporting.Rollover = model.RolloverNone
	return b
}

func (b *builder) also(ids ...string) *builder {
	b.p.Reporting.Also = texts(ids...)
	return b
}

// taskRef edits the task just added; it holds an index because appending
// to Plan.Tasks moves the tasks.
type taskRef struct {
	b *builder
	i int
}

// task adds a task in group chung with a due text and lead ids.
func (b *builder) task(id, due string, lead ...string) taskRef {
	b.p.Tasks = append(b.p.Tasks, model.Task{
		ID:    text(id),
		Group: text("chung"),
		Title: text("Task " + id),
		Lead:  texts(lead...),
		Due:   text(due),
	})
	r := taskRef{b, len(b.p.Tasks) - 1}
	r.resolve()
	return r
}

func (r taskRef) t() *model.Task { return &r.b.p.Tasks[r.i] }

func (r taskRef) group(g string) taskRef { r.t().Group = text(g); return r }

func (r taskRef) start(s string) taskRef { r.t().Start = text(s); r.resolve(); return r }

func (r taskRef) support(ids ...string) taskRef { r.t().Support = texts(ids...); return r }

// target adds a target; milestones alternate from-text and min.
func (r taskRef) target(id string, milestones ...any) taskRef {
	tg := model.Target{ID: text(id), Name: text("Target " + id), Unit: text("%")}
	for i := 0; i+1 < len(milestones); i += 2 {
		from := milestones[i].(string)
		dl, err := dates.Parse(from, r.b.p.Cal.Named)
		if err != nil {
			r.b.t.Fatalf("milestone %q: %v", from, err)
		}
		tg.Milestones = append(tg.Milestones, model.Milestone{From: text(from), Min: milestones[i+1].(float64), FromDay: dl.First})
	}
	r.t().Targets = append(r.t().Targets, tg)
	return r
}

// resolve sets Deadline and StartDay as the loader does.
func (r taskRef) resolve() {
	t := r.t()
	dl, err := dates.Parse(t.Due.Value, r.b.p.Cal.Named)
	if err != nil {
		r.b.t.Fatalf("due %q: %v", t.Due.Value, err)
	}
	t.Deadline = dl
	switch {
	case t.Start.Value != "":
		st, err := dates.Parse(t.Start.Value, r.b.p.Cal.Named)
		if err != nil {
			r.b.t.Fatalf("start %q: %v", t.Start.Value, err)
		}
		t.StartDay = st.First
	case dl.Ongoing && !dl.First.IsZero():
		t.StartDay = dl.First
	default:
		t.StartDay = r.b.p.PeriodFrom.Date
	}
}

// report adds reports/<month>/<unit>.yaml, submitted on the day given.
func (b *builder) report(month, unit, submitted string, entries ...model.Entry) *builder {
	m, ok := dates.ParseMonth(month)
	if !ok {
		b.t.Fatalf("bad month %q", month)
	}
	b.p.Reports = append(b.p.Reports, model.Report{
		File:      "plan/reports/" + month + "/" + unit + ".yaml",
		Month:     m,
		Unit:      unit,
		Submitted: model.Date{Date: day(submitted), Text: submitted},
		Entries:   entries,
	})
	return b
}

// entry builds a report entry; opts add progress, done day and values.
func entry(task string, state model.State, opts ...func(*model.Entry)) model.Entry {
	e := model.Entry{Task: text(task), State: state}
	for _, o := range opts {
		o(&e)
	}
	return e
}

func progress(n int) func(*model.Entry) { return func(e *model.Entry) { e.Progress = &n } }

func doneOn(s string) func(*model.Entry) {
	return func(e *model.Entry) { e.Done = model.Date{Date: day(s), Text: s} }
}

func value(target string, v float64) func(*model.Entry) {
	return func(e *model.Entry) { e.Values = append(e.Values, model.Value{Target: text(target), Value: v}) }
}

// done is a done entry with its day.
func done(task, on string) model.Entry { return entry(task, model.Done, doneOn(on)) }

// plan finishes the plan: reports sorted as the loader sorts them.
func (b *builder) plan() (*model.Plan, *model.Index) {
	slices.SortStableFunc(b.p.Reports, func(x, y model.Report) int {
		if c := x.Month.Compare(y.Month); c != 0 {
			return c
		}
		return cmp.Compare(x.Unit, y.Unit)
	})
	return b.p, model.NewIndex(b.p)
}

// compute runs Compute as of asOf for the current cycle.
func (b *builder) compute(asOf string) *Result {
	p, ix := b.plan()
	return Compute(p, ix, Options{AsOf: day(asOf)})
}

// task finds a task of r by id.
func findTask(t testing.TB, r *Result, id string) *Task {
	t.Helper()
	for i := range r.Tasks {
		if r.Tasks[i].Task.ID.Value == id {
			return &r.Tasks[i]
		}
	}
	t.Fatalf("no task %q in result", id)
	return nil
}

// findAssignment finds unit's assignment of task id.
func findAssignment(t testing.TB, r *Result, id, unit string) *Assignment {
	t.Helper()
	ts := findTask(t, r, id)
	for i := range ts.Assignments {
		if ts.Assignments[i].Unit.ID.Value == unit {
			return &ts.Assignments[i]
		}
	}
	t.Fatalf("task %q has no assignment for %q", id, unit)
	return nil
}

func ptr[T any](v T) *T { return &v }

func fmtPtr[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}
