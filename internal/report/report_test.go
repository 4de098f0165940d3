package report

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/load"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
)

func fixture(t *testing.T) *model.Plan {
	t.Helper()
	p, diags, err := load.Load(os.DirFS("../../testdata/plans/reports"), "reports")
	if err != nil || diags.HasErrors() {
		t.Fatalf("fixture: %v %v", err, diags)
	}
	return p
}

func forPeriod(t *testing.T, p *model.Plan, text string) *Report {
	t.Helper()
	period, err := dates.ParsePeriod(text)
	if err != nil {
		t.Fatal(err)
	}
	cy := p.Cal.PeriodCycle(period, p.Reporting.Day, true)
	return ForPeriod(p, period, status.CompileDay(p, cy), i18n.VI)
}

// The outcome table numbers groups by their refs, counts each subtree, and
// its total is the task count, standing duties included; the count
// sentence's total is done + open, the standing duties counted apart
// (SPEC §10: 18 = 3 + 15 beside 5).
func TestOutcomeTableAndSentence(t *testing.T) {
	rep := forPeriod(t, fixture(t), "2024-04")
	var labels []string
	for _, g := range rep.Groups {
		labels = append(labels, g.Label)
	}
	if got := strings.Join(labels, " "); got != "II.1 II.3 II.3.1" {
		t.Errorf("labels %q", got)
	}
	if rep.Total.Total != len(rep.Result.Tasks) {
		t.Errorf("total %d, want %d tasks", rep.Total.Total, len(rep.Result.Tasks))
	}
	sum := 0
	for _, n := range rep.Total.By {
		sum += n
	}
	if sum != rep.Total.Total {
		t.Errorf("outcomes add up to %d, total %d", sum, rep.Total.Total)
	}
	// II.3 holds 3.2 and its child II.3.1 holds 3.1.1 and 3.1.2.
	if rep.Groups[1].Now.Total != 3 || rep.Groups[1].Own.Total != 1 || rep.Groups[2].Leaf != true {
		t.Errorf("II.3: %+v", rep.Groups[1])
	}
	want := "Tổng số 4 nhiệm vụ: đã hoàn thành 2 (đúng hạn 1, quá hạn 1); chưa hoàn thành 2 (trong hạn 1, quá hạn 1); 1 nhiệm vụ thường xuyên."
	if got := rep.CountSentence(); got != want {
		t.Errorf("sentence\n got %s\nwant %s", got, want)
	}
	if rep.PrevDay != dates.MustNew(2024, 3, 18) {
		t.Errorf("previous compile day %s, want 2024-03-18 (15/03 is a Friday, +1 working day)", rep.PrevDay)
	}
}

// A value from an older report carries its month; no value under a
// milestone in force is "no data", never "not met".
func TestTargets(t *testing.T) {
	rep := forPeriod(t, fixture(t), "2024-H1")
	var got []string
	for _, tr := range rep.Targets {
		got = append(got, UnitName(tr.Unit)+"="+rep.ValueText(tr)+"/"+rep.MetText(tr))
	}
	want := "Công an tỉnh=100 (T5/2024)/Đạt|UBND huyện An Lạc=70 (T5/2024)/Không đạt|UBND huyện Đông Yên=/Chưa có số liệu"
	if s := strings.Join(got, "|"); s != want {
		t.Errorf("targets\n got %s\nwant %s", s, want)
	}
}

// The record has one column per cycle of the half year and one row per
// unit that owed any; late cells carry the day.
func TestRecord(t *testing.T) {
	rep := forPeriod(t, fixture(t), "2024-H1")
	if rep.Record == nil || len(rep.Record.Months) != 6 {
		t.Fatalf("record %+v", rep.Record)
	}
	cells := map[string]string{}
	for _, row := range rep.Record.Rows {
		var s []string
		for _, c := range row.Cells {
			s = append(s, rep.RecordText(c))
		}
		cells[row.Unit.ID.Value] = strings.Join(s, ",")
	}
	for id, want := range map[string]string{
		"so-tttt":      "Đ,C 19/2,C 18/3,C 18/4,✗,✗",
		"cong-an-tinh": "✗,Đ,Đ,✗,Đ,✗",
	} {
		if cells[id] != want {
			t.Errorf("%s: %q, want %q", id, cells[id], want)
		}
	}
	if forPeriod(t, fixture(t), "2024-04").Record != nil {
		t.Error("a monthly report has a record")
	}
}

// Ranking: fewest open-overdue first, then fewest late and missing
// reports, then the share done on time, then the name; ranks are
// positions.
func TestRanking(t *testing.T) {
	rep := forPeriod(t, fixture(t), "2024-04")
	var got []string
	for _, lv := range rep.Ranking {
		for _, r := range lv.Rows {
			got = append(got, lv.Level+":"+itoa(r.Rank)+":"+r.Unit.ID.Value)
		}
	}
	want := "department:1:cong-an-tinh department:2:so-tttt district:1:huyen-an-lac district:2:huyen-dong-yen"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("ranking\n got %s\nwant %s", s, want)
	}
}

func itoa(n int) string { return string(rune('0' + n)) }

// Name is a ranking key (SPEC §8.5): equal figures do not share a rank,
// the name orders them (1, 2, 3); two units of one name go by id and still
// rank apart. The share done on time compares 1 of 2 and 2 of 4 as equal.
func TestRankTies(t *testing.T) {
	u := func(id, name string) *model.Unit {
		return &model.Unit{ID: model.Text{Value: id}, Name: model.Text{Value: name}, Level: model.Text{Value: "district"}}
	}
	a, b, c := u("a", "UBND huyện Ă"), u("b", "UBND huyện B"), u("c", "UBND huyện A")
	d1, d0 := u("d1", "UBND huyện Đông Yên"), u("d0", "UBND huyện Đông Yên")
	asg := func(un *model.Unit, o status.Outcome) status.Assignment {
		return status.Assignment{Unit: un, Outcome: o}
	}
	r := &status.Result{
		Plan: &model.Plan{},
		Tasks: []status.Task{
			{Outcome: status.OpenInTime, Assignments: []status.Assignment{asg(a, status.DoneOnTime), asg(b, status.DoneOnTime), asg(c, status.OpenOverdue)}},
			{Outcome: status.OpenInTime, Assignments: []status.Assignment{asg(a, status.OpenInTime), asg(b, status.DoneOnTime)}},
			{Outcome: status.OpenInTime, Assignments: []status.Assignment{asg(b, status.OpenInTime), asg(b, status.OpenInTime)}},
			{Outcome: status.OpenInTime, Assignments: []status.Assignment{asg(d1, status.OpenOverdue), asg(d0, status.OpenOverdue)}},
		},
		Units: []status.UnitReport{{Unit: a, State: status.OnTime}, {Unit: b, State: status.OnTime}, {Unit: c, State: status.OnTime},
			{Unit: d1, State: status.OnTime}, {Unit: d0, State: status.OnTime}},
	}
	rep := Build(Input{Result: r, Lang: i18n.VI})
	var got []string
	for _, row := range rep.Ranking[0].Rows {
		got = append(got, itoa(row.Rank)+":"+row.Unit.ID.Value)
	}
	// a: 1 of 2 on time, b: 2 of 4; c, d0 and d1 have an overdue
	// assignment and nothing done. Ă sorts after A and before B in
	// Vietnamese; A before Đ.
	if s := strings.Join(got, " "); s != "1:a 2:b 3:c 4:d0 5:d1" {
		t.Errorf("ranks %q", s)
	}
}

// For 6 months or a year the ranking holds every unit that owed a cycle
// of the period (the record's units), not only those that owe the last;
// a monthly report ranks the units that owe its cycle.
func TestRankPeriodUnits(t *testing.T) {
	u := func(id string) *model.Unit {
		return &model.Unit{ID: model.Text{Value: id}, Name: model.Text{Value: "UBND huyện " + id}, Level: model.Text{Value: "district"}}
	}
	a, b := u("a"), u("b")
	cycle := func(m int, units ...*model.Unit) *status.Result {
		r := &status.Result{Plan: &model.Plan{}, Cycle: dates.Cycle{Month: dates.Month{Year: 2024, Month: time.Month(m)}}}
		for _, un := range units {
			r.Units = append(r.Units, status.UnitReport{Unit: un, State: status.Missing})
		}
		return r
	}
	// b ended in May: it owed January to May, not June.
	var cycles []*status.Result
	for m := 1; m <= 5; m++ {
		cycles = append(cycles, cycle(m, a, b))
	}
	last := cycle(6, a)
	cycles = append(cycles, last)
	ids := func(rep *Report) string {
		var got []string
		for _, lv := range rep.Ranking {
			for _, row := range lv.Rows {
				got = append(got, itoa(row.Rank)+":"+row.Unit.ID.Value)
			}
		}
		return strings.Join(got, " ")
	}
	half := Build(Input{Result: last, Cycles: cycles, Period: dates.Period{Kind: dates.PeriodHalf, Year: 2024, Half: 1}, Lang: i18n.VI})
	// a missed 6 cycles, b 5.
	if s := ids(half); s != "1:b 2:a" {
		t.Errorf("half-year ranking %q, want every unit of the record", s)
	}
	month := Build(Input{Result: last, Cycles: cycles, Period: dates.Period{Kind: dates.PeriodMonth, Year: 2024, Month: dates.Month{Year: 2024, Month: time.June}}, Lang: i18n.VI})
	if s := ids(month); s != "1:a" {
		t.Errorf("monthly ranking %q, want the units that owe June", s)
	}
}

// The problems are overdue and blocked assignments with what their unit
// wrote; what falls due up to the next compile day is listed apart.
func TestProblemsAndUpcoming(t *testing.T) {
	rep := forPeriod(t, fixture(t), "2024-H1")
	var got []string
	for _, p := range rep.Problems {
		got = append(got, p.Task.Task.ID.Value+"/"+p.Assignment.Unit.ID.Value+"/"+string(p.Assignment.Status)+"/"+p.Obstacles)
	}
	want := "1.1/huyen-dong-yen/overdue/|3.2/huyen-an-lac/blocked/Đường truyền tại cấp xã chưa ổn định"
	if s := strings.Join(got, "|"); s != want {
		t.Errorf("problems\n got %s\nwant %s", s, want)
	}
	if len(rep.Upcoming) != 0 {
		t.Errorf("upcoming in June: %+v", rep.Upcoming)
	}
	year := forPeriod(t, fixture(t), "2024")
	if len(year.Upcoming) != 2 || year.Upcoming[0].Due != dates.MustNew(2024, 12, 31) {
		t.Errorf("upcoming in December: %+v", year.Upcoming)
	}
}

// What falls due "before the next cycle's compile day" (SPEC §10 III):
// strictly before it; a task due on the compile day itself is left to the
// next report, as is one due on D.
func TestUpcomingBeforeNext(t *testing.T) {
	un := &model.Unit{ID: model.Text{Value: "a"}, Name: model.Text{Value: "UBND huyện A"}}
	d, next := dates.MustNew(2024, 4, 16), dates.MustNew(2024, 5, 16)
	task := func(id string, due dates.Date) status.Task {
		return status.Task{Task: &model.Task{ID: model.Text{Value: id}}, Due: due, Status: status.InProgress,
			Assignments: []status.Assignment{{Unit: un, Status: status.InProgress, Outcome: status.OpenInTime}}}
	}
	r := &status.Result{Plan: &model.Plan{}, AsOf: d, Tasks: []status.Task{
		task("on-d", d), task("day-before", next.AddDays(-1)), task("on-next", next), task("after", next.AddDays(1)),
	}}
	rep := Build(Input{Result: r, Next: next, Lang: i18n.VI})
	var got []string
	for _, u := range rep.Upcoming {
		got = append(got, u.Task.Task.ID.Value)
	}
	if s := strings.Join(got, " "); s != "day-before" {
		t.Errorf("upcoming %q, want day-before only", s)
	}
}

func TestFormatting(t *testing.T) {
	for _, c := range []struct {
		lang i18n.Lang
		x    float64
		want string
	}{{i18n.VI, 97.5, "97,5"}, {i18n.EN, 97.5, "97.5"}, {i18n.VI, 100, "100"}, {i18n.VI, 0.125, "0,125"}} {
		if got := Number(c.lang, c.x); got != c.want {
			t.Errorf("Number(%s, %v) = %q, want %q", c.lang, c.x, got, c.want)
		}
	}
	for _, c := range []struct {
		now, before int
		want        string
	}{{5, 3, "▲ 2"}, {2, 3, "▼ 1"}, {4, 4, "–"}} {
		if got := Change(c.now, c.before); got != c.want {
			t.Errorf("Change(%d, %d) = %q, want %q", c.now, c.before, got, c.want)
		}
	}
	if got := MonthShort(i18n.VI, dates.Month{Year: 2024, Month: 3}); got != "T3/2024" {
		t.Errorf("MonthShort = %q", got)
	}
}

func TestTaskNo(t *testing.T) {
	task := func(ref string) *status.Task {
		return &status.Task{Task: &model.Task{Ref: model.Text{Value: ref}}}
	}
	for ref, want := range map[string]string{
		"II.1, 1.10":            "1.10",
		"II.3.2":                "II.3.2",
		"II.3.1, Nhiệm vụ 2":    "2",
		"II.1, 1.1.":            "1.1",
		"II.1, (3)":             "3",
		"IV.1, gạch đầu dòng 1": "1",
		"IV.1, gạch đầu dòng 3": "3",
		"IV.1, điểm a":          "IV.1",
		"":                      "7",
		"Mục 3, điểm a":         "7",
		"Mục 3":                 "3",
		"II.2, (a)":             "II.2",
	} {
		if got := TaskNo(task(ref), 7); got != want {
			t.Errorf("TaskNo(%q) = %q, want %q", ref, got, want)
		}
	}
}

// Reported says whether some unit sent a report of the period by D: the
// fixture has reports from January to June 2024, none later.
func TestReported(t *testing.T) {
	p := fixture(t)
	for text, want := range map[string]bool{"2024-04": true, "2024-H1": true, "2024-09": false, "2024-H2": false} {
		if got := forPeriod(t, p, text).Reported; got != want {
			t.Errorf("%s: Reported = %v, want %v", text, got, want)
		}
	}
}

// The English count sentence says "1 task", "1 standing duty" in the
// singular and the plural otherwise; Vietnamese has no plural.
func TestCountSentenceEnglish(t *testing.T) {
	counts := func(outcomes ...status.Outcome) Counts {
		var c Counts
		for _, o := range outcomes {
			c.add(o)
		}
		return c
	}
	for _, tc := range []struct {
		lang i18n.Lang
		c    Counts
		want string
	}{
		{i18n.EN, counts(status.DoneOnTime, status.Standing),
			"1 task in all: 1 done (1 on time, 0 late); 0 open (0 in time, 0 overdue); 1 standing duty."},
		{i18n.EN, counts(status.DoneOnTime, status.OpenOverdue, status.Standing, status.Standing),
			"2 tasks in all: 1 done (1 on time, 0 late); 1 open (0 in time, 1 overdue); 2 standing duties."},
		{i18n.EN, counts(), "0 tasks in all: 0 done (0 on time, 0 late); 0 open (0 in time, 0 overdue); 0 standing duties."},
		{i18n.VI, counts(status.DoneOnTime, status.Standing),
			"Tổng số 1 nhiệm vụ: đã hoàn thành 1 (đúng hạn 1, quá hạn 0); chưa hoàn thành 0 (trong hạn 0, quá hạn 0); 1 nhiệm vụ thường xuyên."},
	} {
		rep := &Report{Lang: tc.lang, Total: tc.c}
		if got := rep.CountSentence(); got != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
	}
}

// A group without a ref is labelled by its position among its siblings
// alone, not a dotted number built on its parent's ref that the plan does
// not have (the seed's bullet groups under II.2.2 are 1 … 7, not
// II.2.2.1 … II.2.2.7); a top-level group without a ref is its position
// too, not a Roman numeral that would pass for a section of the plan.
func TestGroupLabelsWithoutRef(t *testing.T) {
	p := fixture(t)
	p.Groups = append(p.Groups,
		model.Group{ID: model.Text{Value: "x"}, Ref: model.Text{Value: "II.2.2"}, Title: model.Text{Value: "X"}},
		model.Group{ID: model.Text{Value: "x1"}, Title: model.Text{Value: "X1"}, Parent: model.Text{Value: "x"}},
		model.Group{ID: model.Text{Value: "x2"}, Title: model.Text{Value: "X2"}, Parent: model.Text{Value: "x"}},
		model.Group{ID: model.Text{Value: "y"}, Title: model.Text{Value: "Y"}},
	)
	rep := forPeriod(t, p, "2024-04")
	got := map[string]string{}
	for _, g := range rep.Groups {
		got[g.ID] = g.Label
	}
	for id, want := range map[string]string{"x": "II.2.2", "x1": "1", "x2": "2"} {
		if got[id] != want {
			t.Errorf("group %s: label %q, want %q", id, got[id], want)
		}
	}
	if got["y"] == "" || strings.ContainsAny(got["y"], "IVX.") {
		t.Errorf("top-level group without a ref: label %q, want its position", got["y"])
	}
}

// Build leaves the units' words to GatherTexts, which only the signed
// report calls; gathering twice gives the same lists.
func TestGatherTexts(t *testing.T) {
	rep := forPeriod(t, fixture(t), "2024-04")
	if rep.Results != nil || rep.Obstacles != nil || rep.Proposals != nil {
		t.Fatalf("Build gathered the texts: %d groups, %d obstacles, %d proposals", len(rep.Results), len(rep.Obstacles), len(rep.Proposals))
	}
	rep.GatherTexts()
	obstacles, proposals := len(rep.Obstacles), len(rep.Proposals)
	if obstacles == 0 || proposals == 0 {
		t.Fatalf("%d obstacles, %d proposals: the fixture has both in April", obstacles, proposals)
	}
	rep.GatherTexts()
	if len(rep.Obstacles) != obstacles || len(rep.Proposals) != proposals {
		t.Errorf("gathered again: %d obstacles, %d proposals; want %d, %d", len(rep.Obstacles), len(rep.Proposals), obstacles, proposals)
	}
}
