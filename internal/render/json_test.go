package render

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
)

// stdlibString is s as encoding/json writes it with SetEscapeHTML(false),
// the setting StatusJSON always had.
func stdlibString(t testing.TB, s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

// hostileStrings are the texts the generators draw from: every byte class
// encoding/json treats apart (controls, the short escapes, " and \, DEL,
// HTML's < > &, invalid and truncated UTF-8, U+2028 and U+2029, U+FFFD
// itself, bidirectional overrides, C1 controls, astral characters).
var hostileStrings = []string{
	"", "a", "thu-nghiem-2024", "Kế hoạch triển khai Đề án 06",
	"\x00", "\x01\x02\x1f", "\b\f\n\r\t", "\x7f", `"`, `\`, `\"\\"`, "\\u0041",
	"<b>&amp;</b>", "<script>alert(1)</script>", "a&b", ">",
	"\xff", "\xc3", "\xe2\x80", "a\xffb\xfe", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xc0\xaf",
	"\u2028", "\u2029", "x\u2028y\u2029z", "\u2027\u202a\u202e\u2066\u2069",
	"\ufffd", "\ufffe\uffff", "\u0085\u009b31m", "😀 𝄞", "\x1b[2J\x1b]52;c;ZXZpbA==\x07",
	"=HYPERLINK(\"http://evil\",\"x\")", "tab\there", "line\nbreak", "cr\r\nlf",
	"Vie\u0302\u0323t Nam", "null", "0", "-", "'",
}

// randString strings together pieces of hostileStrings, random bytes and
// random runes.
func randString(rng *rand.Rand) string {
	var b strings.Builder
	for n := rng.IntN(6); n > 0; n-- {
		switch rng.IntN(4) {
		case 0, 1:
			b.WriteString(hostileStrings[rng.IntN(len(hostileStrings))])
		case 2:
			for k := rng.IntN(8); k > 0; k-- {
				b.WriteByte(byte(rng.IntN(256)))
			}
		case 3:
			for k := rng.IntN(4); k > 0; k-- {
				b.WriteRune(rune(rng.IntN(0x110000)))
			}
		}
	}
	return b.String()
}

func TestJSONStringMatchesEncodingJSON(t *testing.T) {
	check := func(s string) {
		t.Helper()
		got, want := string(appendJSONString(nil, s)), stdlibString(t, s)
		if got != want {
			t.Fatalf("appendJSONString(%q) = %s, encoding/json writes %s", s, got, want)
		}
	}
	for _, s := range hostileStrings {
		check(s)
	}
	for c := range 256 {
		check(string([]byte{byte(c)}))
		check("a" + string([]byte{byte(c)}) + "é")
	}
	for _, r := range []rune{0x7f, 0x80, 0x9f, 0xa0, 0x7ff, 0x800, 0x2027, 0x2028, 0x2029, 0x202a, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10ffff} {
		check(string(r))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		check(randString(rng))
	}
}

// jsonFloats are the numbers the generators draw from: zeros, the edges of
// encoding/json's switch between fixed and exponent form (1e-6 and 1e21)
// and their neighbours, one- and two-digit exponents, the smallest and
// largest float64, integers past 2^53, and ordinary percentages.
func jsonFloats() []float64 {
	fs := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.5, 62.5, 80, 85.5, 100, 1.0 / 3,
		1e-6, 1e-7, 1e-5, 9.999999e-7, 1e20, 1e21, 1e22, 123456789e13, 1e100, 1e-100, 1e-10, 1e-9,
		5e-324, math.SmallestNonzeroFloat64, math.MaxFloat64, -math.MaxFloat64, 1 << 53, 1<<53 + 1, 1 << 62,
		0.000001234, 12345678901234567890, 2.5e-8, -3e-9}
	for _, f := range []float64{1e-6, 1e21, 1e-5, 1e20, 0.1, 1} {
		fs = append(fs, math.Nextafter(f, 0), math.Nextafter(f, math.Inf(1)), -f)
	}
	return fs
}

// randFloat is a float64 of any magnitude: random bits (a NaN or an
// infinity drawn that way comes back as itself, for the null path), or a
// random mantissa times a random power of ten.
func randFloat(rng *rand.Rand) float64 {
	switch rng.IntN(4) {
	case 0:
		return math.Float64frombits(rng.Uint64())
	case 1:
		return float64(rng.IntN(2001)-1000) / float64(int(1)<<rng.IntN(8))
	case 2:
		return jsonFloats()[rng.IntN(len(jsonFloats()))]
	}
	return (rng.Float64()*2 - 1) * math.Pow(10, float64(rng.IntN(640)-330))
}

func TestJSONFloatMatchesEncodingJSON(t *testing.T) {
	check := func(f float64) {
		t.Helper()
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return
		}
		want, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONFloat(nil, f); !bytes.Equal(got, want) {
			t.Fatalf("appendJSONFloat(%v) = %s, encoding/json writes %s", f, got, want)
		}
	}
	for _, f := range jsonFloats() {
		check(f)
	}
	for e := -325; e <= 309; e++ {
		check(math.Pow(10, float64(e)))
		check(-1.5 * math.Pow(10, float64(e)))
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		check(randFloat(rng))
	}
}

// genResult builds a Result of random shape and content: any text (so
// safetext.Clean has something to take out and encoding/json something to
// escape), any number or none, zero and odd dates and months, empty lists,
// statuses that are not in the spec's lists.
func genResult(rng *rand.Rand) *status.Result {
	str := func() string {
		if rng.IntN(3) == 0 {
			return hostileStrings[rng.IntN(len(hostileStrings))]
		}
		return randString(rng)
	}
	num := func() *float64 {
		if rng.IntN(4) == 0 {
			return nil
		}
		var f float64
		switch rng.IntN(8) {
		case 0:
			f = math.Inf(1 - 2*rng.IntN(2))
		case 1:
			f = math.NaN()
		default:
			f = randFloat(rng)
		}
		return &f
	}
	date := func() dates.Date {
		switch rng.IntN(6) {
		case 0:
			return dates.Date{}
		case 1:
			// Before year 1 and after 9999: Date can hold them.
			return dates.MustNew(1, 1, 1).AddDays(rng.IntN(2000) - 1000)
		case 2:
			return dates.MustNew(9999, 12, 31).AddDays(rng.IntN(2000) - 1000)
		}
		return dates.MustNew(1+rng.IntN(9999), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
	}
	month := func() dates.Month {
		switch rng.IntN(5) {
		case 0:
			return dates.Month{}
		case 1:
			years := []int{0, 1, 999, 9999, 10000, -1, -2024, 123456}
			ms := []time.Month{0, 1, 9, 10, 12, 13, 99, 100, -1}
			return dates.Month{Year: years[rng.IntN(len(years))], Month: ms[rng.IntN(len(ms))]}
		}
		return dates.Month{Year: 1 + rng.IntN(9999), Month: time.Month(1 + rng.IntN(12))}
	}
	pick := func(known []string) string {
		if rng.IntN(10) == 0 {
			return str()
		}
		return known[rng.IntN(len(known))]
	}
	statuses := []string{"done", "overdue", "blocked", "at-risk", "due-soon", "in-progress", "not-started"}
	outcomes := []string{"done-on-time", "done-late", "open-in-time", "open-overdue", "standing"}
	reports := []string{"on-time", "late", "missing", "pending"}
	states := []string{"not-started", "in-progress", "done", "blocked"}
	progress := func() int {
		if rng.IntN(10) == 0 {
			return rng.Int() - rng.Int()
		}
		return rng.IntN(101)
	}

	p := &model.Plan{ID: text(str())}
	for range rng.IntN(6) {
		p.Units = append(p.Units, model.Unit{ID: text(str()), Name: text(str())})
	}
	if len(p.Units) == 0 {
		p.Units = append(p.Units, model.Unit{ID: text("u"), Name: text("U")})
	}
	unit := func() *model.Unit { return &p.Units[rng.IntN(len(p.Units))] }
	nTasks := rng.IntN(5)
	p.Tasks = make([]model.Task, nTasks)
	r := &status.Result{
		Plan:  p,
		AsOf:  date(),
		Cycle: dates.Cycle{Month: month(), Deadline: date(), PeriodFrom: date(), PeriodTo: date()},
	}
	if rng.IntN(3) > 0 {
		r.Tasks = []status.Task{}
		r.Units = []status.UnitReport{}
	}
	for i := range nTasks {
		p.Tasks[i] = model.Task{ID: text(str()), Title: text(str()), Group: text(str())}
		t := status.Task{Task: &p.Tasks[i], Due: date(), Ongoing: rng.IntN(4) == 0,
			Status: status.Status(pick(statuses)), Outcome: status.Outcome(pick(outcomes)), Progress: progress()}
		for range rng.IntN(4) {
			a := status.Assignment{Unit: unit(), Status: status.Status(pick(statuses)), Outcome: status.Outcome(pick(outcomes)),
				State: model.State(pick(states)), Progress: progress(), Done: date(), Late: rng.IntN(2) == 0, LastReport: month()}
			for range rng.IntN(4) {
				ts := status.TargetStatus{Target: &model.Target{ID: text(str())}, Required: num(), Value: num(), ValueMonth: month()}
				if rng.IntN(3) > 0 {
					met := rng.IntN(2) == 0
					ts.Met = &met
				}
				a.Targets = append(a.Targets, ts)
			}
			t.Assignments = append(t.Assignments, a)
		}
		r.Tasks = append(r.Tasks, t)
	}
	for range rng.IntN(5) {
		r.Units = append(r.Units, status.UnitReport{Unit: unit(), State: status.ReportState(pick(reports)), Submitted: date()})
	}
	return r
}

// sameJSON fails t unless StatusJSON writes for r exactly the bytes the
// encoding/json encoder it replaced wrote.
func sameJSON(t *testing.T, r *status.Result) {
	t.Helper()
	var got, want bytes.Buffer
	if err := StatusJSON(&got, r); err != nil {
		t.Fatal(err)
	}
	if err := statusJSONStdlib(&want, r); err != nil {
		t.Fatal(err)
	}
	if g, w := got.Bytes(), want.Bytes(); !bytes.Equal(g, w) {
		i := 0
		for i < len(g) && i < len(w) && g[i] == w[i] {
			i++
		}
		from := max(0, i-200)
		t.Fatalf("StatusJSON differs from encoding/json at byte %d:\nhand-written: %q\nencoding/json: %q",
			i, g[from:min(len(g), i+100)], w[from:min(len(w), i+100)])
	}
}

// TestStatusJSONMatchesEncodingJSON: on thousands of generated results,
// the hand-written encoder writes what encoding/json wrote, byte for byte.
func TestStatusJSONMatchesEncodingJSON(t *testing.T) {
	sameJSON(t, fixture())
	sameJSON(t, hostileFixture())
	empty := fixture()
	empty.Tasks, empty.Units = nil, nil
	sameJSON(t, empty)
	rng := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		sameJSON(t, genResult(rng))
	}
	sameJSON(t, bigResult(2, 400, 50))
}

// FuzzStatusJSON puts the fuzzer's text and numbers into the fixture, in
// every field that takes text, and compares the two encoders. Plain `go
// test` runs the seeds; `go test -fuzz FuzzStatusJSON ./internal/render`
// searches further.
func FuzzStatusJSON(f *testing.F) {
	for i, s := range hostileStrings {
		f.Add(s, jsonFloats()[i%len(jsonFloats())], int64(i))
	}
	f.Fuzz(func(t *testing.T, s string, x float64, seed int64) {
		r := fixture()
		r.Plan.ID = text(s)
		for i := range r.Tasks {
			ts := &r.Tasks[i]
			task := *ts.Task
			task.ID, task.Title, task.Group = text(s+"1"), text(s), text("g"+s)
			ts.Task = &task
			ts.Progress = int(seed)
			for j := range ts.Assignments {
				a := &ts.Assignments[j]
				a.State = model.State(s)
				for k := range a.Targets {
					a.Targets[k].Target = &model.Target{ID: text(s)}
					a.Targets[k].Value = &x
				}
			}
		}
		for i := range r.Units {
			u := *r.Units[i].Unit
			u.ID, u.Name = text(s+"u"), text(s)
			r.Units[i].Unit = &u
		}
		sameJSON(t, r)
	})
}

// bigResult is a synthetic Result of the shape of a large plan: tasks led
// by sets of units, a target on every third task, units owing the cycle.
func bigResult(tasks, unitsPerTask, units int) *status.Result {
	p := &model.Plan{ID: text("ca-nuoc-2024")}
	for i := range units {
		p.Units = append(p.Units, model.Unit{ID: text(fmt.Sprintf("xa-%05d", i)), Name: text(fmt.Sprintf("UBND xã Thử Nghiệm %d", i))})
	}
	m := dates.Month{Year: 2024, Month: time.November}
	tgt := &model.Target{ID: text("lien-thong")}
	r := &status.Result{
		Plan: p, AsOf: day(2024, time.December, 20),
		Cycle: dates.Cycle{Month: dates.Month{Year: 2024, Month: time.December}, Deadline: day(2024, time.December, 16),
			PeriodFrom: day(2024, time.November, 15), PeriodTo: day(2024, time.December, 14)},
	}
	p.Tasks = make([]model.Task, tasks)
	sts := []status.Status{status.Done, status.Overdue, status.Blocked, status.AtRisk, status.InProgress, status.NotStarted}
	for i := range tasks {
		p.Tasks[i] = model.Task{ID: text(fmt.Sprintf("%d.%d", i/10+1, i%10+1)), Group: text("dot-pha-dvc"),
			Title: text("Nâng tỷ lệ hồ sơ trực tuyến toàn trình và liên thông trên Cổng Dịch vụ công quốc gia")}
		t := status.Task{Task: &p.Tasks[i], Due: day(2024, time.June, 30), Status: sts[i%len(sts)],
			Outcome: status.OpenOverdue, Progress: 40 + i%60, Ongoing: i%7 == 3}
		for j := range unitsPerTask {
			a := status.Assignment{Unit: &p.Units[(i+j)%units], Status: sts[j%len(sts)], Outcome: status.OpenInTime,
				State: model.InProgress, Progress: (i + j) % 101, LastReport: m}
			if j%9 == 0 {
				a.Status, a.Outcome, a.State, a.Done, a.Late = status.Done, status.DoneLate, model.Done, day(2024, time.July, 5), true
			}
			if i%3 == 0 {
				v := float64((i*7+j)%1000) / 10
				req := 80.0
				met := v >= req
				a.Targets = []status.TargetStatus{{Target: tgt, Required: &req, Value: &v, ValueMonth: m, Met: &met}}
			}
			t.Assignments = append(t.Assignments, a)
		}
		r.Tasks = append(r.Tasks, t)
	}
	states := []status.ReportState{status.OnTime, status.Late, status.Missing, status.Pending}
	for i := range units {
		u := status.UnitReport{Unit: &p.Units[i], State: states[i%4]}
		if u.State == status.OnTime || u.State == status.Late {
			u.Submitted = day(2024, time.December, 10+i%10)
		}
		r.Units = append(r.Units, u)
	}
	return r
}

// sizeWriter records the size of every write.
type sizeWriter struct {
	n      int
	writes []int
}

func (w *sizeWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	w.writes = append(w.writes, len(p))
	return len(p), nil
}

// TestStatusJSONStreams: a large document reaches the writer in pieces no
// larger than the buffer, not as one slice.
func TestStatusJSONStreams(t *testing.T) {
	var w sizeWriter
	if err := StatusJSON(&w, bigResult(20, 500, 500)); err != nil {
		t.Fatal(err)
	}
	if w.n < 1<<20 || len(w.writes) < 10 {
		t.Fatalf("%d bytes in %d writes", w.n, len(w.writes))
	}
	for _, n := range w.writes {
		if n > 64<<10 {
			t.Errorf("a write of %d bytes", n)
		}
	}
}

type failWriter struct{ n int }

var errFull = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n -= len(p); w.n < 0 {
		return 0, errFull
	}
	return len(p), nil
}

// TestStatusJSONWriteError: a failed write is StatusJSON's error, whether
// it comes on the first piece or in the middle of the tasks.
func TestStatusJSONWriteError(t *testing.T) {
	for _, room := range []int{0, 100 << 10} {
		if err := StatusJSON(&failWriter{n: room}, bigResult(20, 500, 500)); !errors.Is(err, errFull) {
			t.Errorf("room %d: error %v", room, err)
		}
	}
}
