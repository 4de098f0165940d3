package render

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func text(s string) model.Text { return model.Text{Value: s} }

func day(y int, m time.Month, d int) dates.Date { return dates.MustNew(y, m, d) }

func num(f float64) *float64 { return &f }

func yes(b bool) *bool { return &b }

// fixture is a Result built by hand, so that these tests show the
// renderers alone: three groups, one nested; a task in every status; a
// set-led task with two assignments and targets met and not met; a task
// led by two units; an ongoing task; a task with no assignment; a unit in
// every report state; names whose Vietnamese order differs from their
// byte order (Đ after D, not after U); a "|" for Markdown to escape.
// The report states are one of each, which one real day would not give
// (missing and pending cannot meet): renderers do not judge.
func fixture() *status.Result {
	p := &model.Plan{
		ID:    text("thu-nghiem-2024"),
		Title: text("Kế hoạch triển khai Đề án 06 năm 2024 trên địa bàn tỉnh Thử Nghiệm"),
		Groups: []model.Group{
			{ID: text("chung"), Title: text("I. Nhiệm vụ chung")},
			{ID: text("dvc"), Title: text("II. Dịch vụ công trực tuyến")},
			{ID: text("dvc-thiet-yeu"), Title: text("1. Dịch vụ công thiết yếu"), Parent: text("dvc")},
		},
		Units: []model.Unit{
			{ID: text("cong-an-tinh"), Name: text("Công an tỉnh"), Short: text("CAT")},
			{ID: text("so-tttt"), Name: text("Sở Thông tin và Truyền thông"), Short: text("Sở TT&TT")},
			{ID: text("dai-ptth"), Name: text("Đài Phát thanh và Truyền hình tỉnh")},
			{ID: text("ban-dan-toc"), Name: text("Ban Dân tộc")},
			{ID: text("huyen-an-lac"), Name: text("UBND huyện An Lạc")},
			{ID: text("huyen-dong-yen"), Name: text("UBND huyện Đông Yên")},
		},
		Sets: []model.Set{
			{ID: text("ubnd-cap-huyen"), Name: text("UBND cấp huyện"),
				Members: []model.Text{text("huyen-an-lac"), text("huyen-dong-yen")}},
		},
	}
	unit := func(id string) *model.Unit {
		for i := range p.Units {
			if p.Units[i].ID.Value == id {
				return &p.Units[i]
			}
		}
		panic(id)
	}
	lienThong := &model.Target{ID: text("lien-thong"), Name: text("Tỷ lệ hồ sơ liên thông")}
	toanTrinh := &model.Target{ID: text("toan-trinh"), Name: text("Tỷ lệ hồ sơ toàn trình")}
	task := func(id, group, title string, lead ...string) *model.Task {
		t := &model.Task{ID: text(id), Group: text(group), Title: text(title)}
		for _, l := range lead {
			t.Lead = append(t.Lead, text(l))
		}
		p.Tasks = append(p.Tasks, *t)
		return t
	}
	m3 := dates.Month{Year: 2024, Month: time.March}
	m4 := dates.Month{Year: 2024, Month: time.April}
	tasks := []status.Task{
		{
			Task: task("1.1", "chung", "Rà soát, cập nhật, làm sạch dữ liệu dân cư trên Cơ sở dữ liệu quốc gia về dân cư bảo đảm đúng, đủ, sạch, sống", "cong-an-tinh"),
			Due:  day(2024, time.April, 1), Status: status.Overdue, Outcome: status.OpenOverdue, Progress: 60,
			Assignments: []status.Assignment{{Unit: unit("cong-an-tinh"), Status: status.Overdue, Outcome: status.OpenOverdue,
				State: model.InProgress, Progress: 60, LastReport: m3}},
		},
		{
			Task:    task("1.2", "chung", "Tuyên truyền về lợi ích của Đề án 06 trên báo, đài và mạng xã hội", "dai-ptth"),
			Ongoing: true, Status: status.InProgress, Outcome: status.Standing, Progress: 50,
			Assignments: []status.Assignment{{Unit: unit("dai-ptth"), Status: status.InProgress, Outcome: status.Standing,
				State: model.InProgress, Progress: 50, LastReport: m3}},
		},
		{
			Task: task("1.3", "chung", "Trang bị đầu đọc thẻ căn cước gắn chíp cho bộ phận một cửa cấp xã", "huyen-dong-yen"),
			Due:  day(2024, time.September, 30), Status: status.Blocked, Outcome: status.OpenInTime, Progress: 30,
			Assignments: []status.Assignment{{Unit: unit("huyen-dong-yen"), Status: status.Blocked, Outcome: status.OpenInTime,
				State: model.Blocked, Progress: 30, LastReport: m4}},
		},
		{
			Task: task("2.1", "dvc-thiet-yeu", "Cung cấp 25 dịch vụ công thiết yếu trên Cổng Dịch vụ công quốc gia", "so-tttt"),
			Due:  day(2024, time.March, 29), Status: status.Done, Outcome: status.DoneLate, Progress: 100,
			Assignments: []status.Assignment{{Unit: unit("so-tttt"), Status: status.Done, Outcome: status.DoneLate,
				State: model.Done, Progress: 100, Done: day(2024, time.April, 2), Late: true, LastReport: m4}},
		},
		{
			Task: task("2.2", "dvc-thiet-yeu", "Nâng tỷ lệ hồ sơ trực tuyến toàn trình và liên thông", "ubnd-cap-huyen"),
			Due:  day(2024, time.December, 31), Status: status.AtRisk, Outcome: status.OpenInTime, Progress: 58,
			Assignments: []status.Assignment{
				{Unit: unit("huyen-an-lac"), Status: status.AtRisk, Outcome: status.OpenInTime, State: model.InProgress, Progress: 45, LastReport: m4,
					Targets: []status.TargetStatus{
						{Target: lienThong, Required: num(80), Value: num(62.5), ValueMonth: m4, Met: yes(false)},
						// A milestone in force and no value: no data, not a failure.
						{Target: toanTrinh, Required: num(50)},
					}},
				{Unit: unit("huyen-dong-yen"), Status: status.InProgress, Outcome: status.OpenInTime, State: model.InProgress, Progress: 70, LastReport: m3,
					Targets: []status.TargetStatus{
						// A value from a report older than the cycle shows its month.
						{Target: lienThong, Required: num(80), Value: num(85.5), ValueMonth: m3, Met: yes(true)},
						{Target: toanTrinh, Value: num(40), ValueMonth: m3},
					}},
			},
		},
		{
			Task: task("2.3", "dvc", "Số hóa hồ sơ, kết quả giải quyết TTHC (cấp tỉnh | cấp huyện)", "so-tttt"),
			Due:  day(2024, time.April, 30), Status: status.DueSoon, Outcome: status.OpenInTime, Progress: 20,
			Assignments: []status.Assignment{{Unit: unit("so-tttt"), Status: status.DueSoon, Outcome: status.OpenInTime,
				State: model.InProgress, Progress: 20, LastReport: m4}},
		},
		{
			Task: task("2.4", "dvc", "Thí điểm thanh toán không dùng tiền mặt cho dịch vụ công", "cong-an-tinh", "so-tttt"),
			Due:  day(2024, time.October, 31), Status: status.NotStarted, Outcome: status.OpenInTime,
			Assignments: []status.Assignment{
				{Unit: unit("cong-an-tinh"), Status: status.NotStarted, Outcome: status.OpenInTime, State: model.NotStarted},
				{Unit: unit("so-tttt"), Status: status.NotStarted, Outcome: status.OpenInTime, State: model.NotStarted},
			},
		},
		{
			Task: task("2.5", "dvc", "Rà soát quy trình nội bộ", "ban-dan-toc-cu"),
			Due:  day(2024, time.November, 30), Status: status.NotStarted, Outcome: status.OpenInTime,
		},
	}
	return &status.Result{
		Plan: p,
		AsOf: day(2024, time.April, 20),
		Cycle: dates.Cycle{Month: m4, Deadline: day(2024, time.April, 15),
			PeriodFrom: day(2024, time.March, 15), PeriodTo: day(2024, time.April, 14)},
		Tasks: tasks,
		// Sorted by id, as status.Compute gives them.
		Units: []status.UnitReport{
			{Unit: unit("ban-dan-toc"), State: status.Pending},
			{Unit: unit("cong-an-tinh"), State: status.OnTime, Submitted: day(2024, time.April, 12)},
			{Unit: unit("dai-ptth"), State: status.Missing},
			{Unit: unit("huyen-dong-yen"), State: status.OnTime, Submitted: day(2024, time.April, 15)},
			{Unit: unit("so-tttt"), State: status.Late, Submitted: day(2024, time.April, 18)},
		},
	}
}

// golden compares got with testdata/name, or writes it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// goldenCase is one output compared byte for byte with testdata/name.
type goldenCase struct {
	name   string
	render func(w *bytes.Buffer) error
}

// goldenCases are the outputs kept in testdata.
func goldenCases() []goldenCase {
	vi := Options{Lang: i18n.VI}
	en := Options{Lang: i18n.EN}
	with := func(o Options, f func(*Options)) Options { f(&o); return o }
	return []goldenCase{
		{"table-vi.golden", func(w *bytes.Buffer) error { return StatusTable(w, fixture(), vi) }},
		{"table-vi-80.golden", func(w *bytes.Buffer) error {
			return StatusTable(w, fixture(), with(vi, func(o *Options) { o.Width = 80 }))
		}},
		{"table-vi-120.golden", func(w *bytes.Buffer) error {
			return StatusTable(w, fixture(), with(vi, func(o *Options) { o.Width = 120 }))
		}},
		{"table-en.golden", func(w *bytes.Buffer) error { return StatusTable(w, fixture(), en) }},
		{"table-en-80.golden", func(w *bytes.Buffer) error {
			return StatusTable(w, fixture(), with(en, func(o *Options) { o.Width = 80 }))
		}},
		{"table-by-unit-vi.golden", func(w *bytes.Buffer) error {
			return StatusTable(w, fixture(), with(vi, func(o *Options) { o.ByUnit = true }))
		}},
		{"table-by-unit-vi-80.golden", func(w *bytes.Buffer) error {
			return StatusTable(w, fixture(), with(vi, func(o *Options) { o.ByUnit, o.Width = true, 80 }))
		}},
		{"table-color.golden", func(w *bytes.Buffer) error {
			return StatusTable(w, fixture(), with(vi, func(o *Options) { o.Color = true }))
		}},
		{"table-by-unit-color.golden", func(w *bytes.Buffer) error {
			return StatusTable(w, fixture(), with(vi, func(o *Options) { o.Color, o.ByUnit = true, true }))
		}},
		{"status.csv.golden", func(w *bytes.Buffer) error { return StatusCSV(w, fixture(), vi) }},
		{"status-by-unit.csv.golden", func(w *bytes.Buffer) error {
			return StatusCSV(w, fixture(), with(vi, func(o *Options) { o.ByUnit = true }))
		}},
		{"status-vi.md.golden", func(w *bytes.Buffer) error { return StatusMarkdown(w, fixture(), vi) }},
		{"status-en.md.golden", func(w *bytes.Buffer) error { return StatusMarkdown(w, fixture(), en) }},
		{"status-by-unit-vi.md.golden", func(w *bytes.Buffer) error {
			return StatusMarkdown(w, fixture(), with(vi, func(o *Options) { o.ByUnit = true }))
		}},
		{"status.json.golden", func(w *bytes.Buffer) error { return StatusJSON(w, fixture()) }},
	}
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases() {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := c.render(&buf); err != nil {
				t.Fatal(err)
			}
			golden(t, c.name, buf.Bytes())
		})
	}
}

// Scripts read the JSON by key and some by position: the keys must come
// in the order of SPEC §4.1, at every level.
func TestStatusJSONKeyOrder(t *testing.T) {
	var buf bytes.Buffer
	if err := StatusJSON(&buf, fixture()); err != nil {
		t.Fatal(err)
	}
	if !json.Valid(buf.Bytes()) || !bytes.HasSuffix(buf.Bytes(), []byte("}\n")) {
		t.Fatalf("not one JSON value ending in a new line:\n%s", buf.Bytes())
	}
	want := map[string][]string{
		"":                                {"format", "plan", "as_of", "cycle", "summary", "tasks", "units"},
		"cycle":                           {"month", "deadline", "period_from", "period_to"},
		"summary":                         {"tasks", "by_status", "by_outcome", "reports"},
		"summary.by_outcome":              {"done-on-time", "done-late", "open-in-time", "open-overdue", "standing"},
		"summary.by_status":               {"done", "overdue", "blocked", "at-risk", "due-soon", "in-progress", "not-started"},
		"summary.reports":                 {"on-time", "late", "missing", "pending"},
		"tasks[]":                         {"id", "title", "group", "due", "ongoing", "status", "outcome", "progress", "assignments"},
		"tasks[].assignments[]":           {"unit", "status", "outcome", "state", "progress", "done", "late", "last_report", "targets"},
		"tasks[].assignments[].targets[]": {"id", "required", "value", "value_month", "met"},
		"units[]":                         {"unit", "name", "report", "submitted"},
	}
	got := map[string][][]string{}
	dec := json.NewDecoder(&buf)
	dec.UseNumber()
	var walk func(path string) error
	walk = func(path string) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'):
			var keys []string
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return err
				}
				keys = append(keys, k.(string))
				child := k.(string)
				if path != "" {
					child = path + "." + child
				}
				if err := walk(child); err != nil {
					return err
				}
			}
			got[path] = append(got[path], keys)
			_, err = dec.Token()
			return err
		case json.Delim('['):
			for dec.More() {
				if err := walk(path + "[]"); err != nil {
					return err
				}
			}
			_, err = dec.Token()
			return err
		}
		return nil
	}
	if err := walk(""); err != nil {
		t.Fatal(err)
	}
	for path, keys := range want {
		if len(got[path]) == 0 {
			t.Errorf("%s: no object there", path)
		}
		for _, k := range got[path] {
			if strings.Join(k, ",") != strings.Join(keys, ",") {
				t.Errorf("%s: keys %v, want %v", path, k, keys)
			}
		}
	}
	for path := range got {
		if _, ok := want[path]; !ok {
			t.Errorf("%s: an object the spec does not have", path)
		}
	}

	// And the values scripts rely on parse back as the spec says.
	var v struct {
		Tasks []struct {
			ID          string  `json:"id"`
			Due         *string `json:"due"`
			Assignments []struct {
				Done    *string `json:"done"`
				Targets []struct {
					Required   *float64 `json:"required"`
					Value      *float64 `json:"value"`
					ValueMonth *string  `json:"value_month"`
					Met        *bool    `json:"met"`
				} `json:"targets"`
			} `json:"assignments"`
		} `json:"tasks"`
	}
	var again bytes.Buffer
	if err := StatusJSON(&again, fixture()); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(again.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if v.Tasks[1].Due != nil {
		t.Errorf("ongoing task 1.2: due %q, want null", *v.Tasks[1].Due)
	}
	tg := v.Tasks[4].Assignments[0].Targets
	// The second target has a milestone in force and no value: met is
	// null (no data), never false (SPEC §8.2).
	if *tg[0].Required != 80 || *tg[0].Value != 62.5 || *tg[0].Met || *tg[0].ValueMonth != "2024-04" ||
		*tg[1].Required != 50 || tg[1].Value != nil || tg[1].ValueMonth != nil || tg[1].Met != nil {
		t.Errorf("targets of 2.2: %+v", tg)
	}
	for _, want := range []string{`"required": 80,`, `"value": 62.5,`, `"assignments": []`, `"targets": []`} {
		if !bytes.Contains(again.Bytes(), []byte(want)) {
			t.Errorf("JSON lacks %s", want)
		}
	}
}

// Colour is the CLI's decision: with Color false no renderer may write an
// escape, whatever the language or view.
func TestNoColorNoEscape(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.VI, i18n.EN} {
		for _, byUnit := range []bool{false, true} {
			o := Options{Lang: lang, ByUnit: byUnit, Width: 80}
			var buf bytes.Buffer
			for _, f := range []func() error{
				func() error { return StatusTable(&buf, fixture(), o) },
				func() error { return StatusCSV(&buf, fixture(), o) },
				func() error { return StatusMarkdown(&buf, fixture(), o) },
				func() error { return StatusJSON(&buf, fixture()) },
			} {
				if err := f(); err != nil {
					t.Fatal(err)
				}
			}
			if i := bytes.IndexByte(buf.Bytes(), 0x1b); i >= 0 {
				t.Errorf("lang %s, by unit %v: escape at byte %d", lang, byUnit, i)
			}
		}
	}
	// And with colour on, the table does colour, or the test above proves
	// nothing.
	var buf bytes.Buffer
	if err := StatusTable(&buf, fixture(), Options{Color: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte("\x1b[31mQuá hạn\x1b[0m")) {
		t.Error("Color: overdue is not red")
	}
}

// Every line of the table keeps to the width it is given, from 80 columns
// up. (Narrower, a table may overflow rather than cut words below their
// length or titles below a readable width.)
func TestTableWidth(t *testing.T) {
	for _, width := range []int{80, 100, 120, 160} {
		for _, byUnit := range []bool{false, true} {
			var buf bytes.Buffer
			if err := StatusTable(&buf, fixture(), Options{Width: width, ByUnit: byUnit}); err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
				if w := textWidth(line); w > width {
					t.Errorf("width %d, by unit %v: line %d is %d wide: %s", width, byUnit, i+1, w, line)
				}
			}
		}
	}
}

func TestEmpty(t *testing.T) {
	r := fixture()
	r.Tasks, r.Units = []status.Task{}, []status.UnitReport{}
	for _, o := range []Options{{}, {ByUnit: true}} {
		var buf bytes.Buffer
		if err := StatusTable(&buf, r, o); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), "Không có nhiệm vụ nào.") {
			t.Errorf("by unit %v: no word for no tasks:\n%s", o.ByUnit, buf.String())
		}
		buf.Reset()
		if err := StatusMarkdown(&buf, r, o); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := StatusJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"tasks": [],`) || !strings.Contains(buf.String(), `"units": []`) {
		t.Errorf("empty lists must be []:\n%s", buf.String())
	}
}

func TestWrap(t *testing.T) {
	cases := []struct {
		in   string
		w    int
		want string
	}{
		{"", 5, ""},
		{"Nguy cơ không đạt", 9, "Nguy cơ|không đạt"},
		{"Nguy cơ không đạt", 17, "Nguy cơ không đạt"},
		{"  a \n b  ", 10, "a b"},
		{"Thườngxuyên", 6, "Thường|xuyên"},
		// NFD: the marks take no column.
		{"Vie\u0302\u0323t Nam", 4, "Vie\u0302\u0323t|Nam"},
	}
	for _, c := range cases {
		if got := strings.Join(wrap(c.in, c.w), "|"); got != c.want {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
	}
}

// A cycle of group parents (a validation error) must not hide or loop
// over tasks, and a task of an undeclared group still shows.
func TestSectionsNeverLoseATask(t *testing.T) {
	r := fixture()
	r.Plan.Groups = append(r.Plan.Groups,
		model.Group{ID: text("a"), Title: text("A"), Parent: text("b")},
		model.Group{ID: text("b"), Title: text("B"), Parent: text("a")})
	r.Tasks[0].Task.Group = text("a")
	r.Tasks[1].Task.Group = text("khong-co")
	n := 0
	for _, s := range sections(r, Options{}) {
		n += len(s.tasks)
	}
	if n != len(r.Tasks) {
		t.Errorf("sections hold %d tasks, want %d", n, len(r.Tasks))
	}
}

// Units sort as a Vietnamese reader expects: Đ after D and before S, not
// after U as its bytes would put it.
func TestUnitsByVietnameseCollation(t *testing.T) {
	var got []string
	for _, u := range reportRows(fixture()) {
		got = append(got, u.Unit.Name.Value)
	}
	want := "Ban Dân tộc|Công an tỉnh|Đài Phát thanh và Truyền hình tỉnh|Sở Thông tin và Truyền thông|UBND huyện Đông Yên"
	if strings.Join(got, "|") != want {
		t.Errorf("report rows: %q", got)
	}
}
