package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"
)

// roleKind is the kind of lead a task template names; each scale turns a role
// into unit or set ids of its own (so-07 in a province, cac-so-07 in the country).
type roleKind uint8

const (
	roleDept        roleKind = iota // one numbered department (n = 1..20)
	roleDistricts                   // the district-level set (organizations in the country)
	roleCommunes                    // every commune
	roleDepartments                 // every department
)

type role struct {
	kind roleKind
	n    int
}

// deadline is a written `due` with the meaning the generator relies on.
type deadline struct {
	text    string
	date    bool      // written as a YAML date rather than text
	last    time.Time // the due day as written (before rollover); zero when ongoing
	ongoing bool
	first   time.Time // an ongoing "Từ …" period's first day; zero otherwise
}

type milestone struct {
	from string
	min  float64
}

type target struct {
	id, name, unit string
	percent        bool
	milestones     []milestone
}

type task struct {
	id, ref, group string
	utilities      []int
	title, detail  string
	lead, support  []role
	supportNote    string
	start          string    // written start, optional
	startDay       time.Time // first day of the task
	due            deadline
	note           string
	targets        []target
	file           int
}

type group struct{ id, title, parent string }

type taskFile struct {
	name   string
	groups []string // the groups its tasks belong to
	base   int      // about this many tasks
}

var groupTitles = func(year int) []group {
	return []group{
		{"chung", "Nhiệm vụ chung", ""},
		{"tham-muu", "Nhiệm vụ tham mưu, chỉ đạo", ""},
		{"trien-khai", "Nhiệm vụ triển khai, thực hiện", ""},
		{"dot-pha", fmt.Sprintf("Nhiệm vụ đột phá năm %d", year), ""},
		{"dot-pha-dvc", "Đẩy mạnh thực hiện dịch vụ công trực tuyến mẫu", "dot-pha"},
		{"an-ninh", "Bảo đảm an ninh, an toàn thông tin", ""},
	}
}

var taskFiles = []taskFile{
	{"chung", []string{"chung"}, 12},
	{"tham-muu", []string{"tham-muu"}, 8},
	{"trien-khai", []string{"trien-khai"}, 16},
	{"dot-pha", []string{"dot-pha", "dot-pha-dvc"}, 14},
	{"an-ninh", []string{"an-ninh"}, 10},
}

// utilities are the five utility groups (nhóm tiện ích) of Đề án 06.
var utilities = []string{
	"Phục vụ giải quyết TTHC và cung cấp dịch vụ công trực tuyến",
	"Phục vụ phát triển kinh tế, xã hội",
	"Phục vụ phát triển công dân số",
	"Hoàn thiện hệ sinh thái phục vụ kết nối, khai thác, bổ sung làm giàu dữ liệu dân cư",
	"Phục vụ chỉ đạo, điều hành của lãnh đạo các cấp",
}

const departments = 20

// deadlines returns the written forms the generator uses for year y: the
// required ones (each appears at least once) and a weighted pool for the rest.
func deadlines(y int, tet time.Time) (required, pool []deadline) {
	q := func(text string, m time.Month, d int) deadline {
		return deadline{text: text, last: day(y, m, d)}
	}
	from := func(text string, m time.Month) deadline {
		return deadline{text: text, ongoing: true, first: day(y, m, 1)}
	}
	required = []deadline{
		q(fmt.Sprintf("Quý I năm %d", y), 3, 31),
		q(fmt.Sprintf("quý II/%d", y), 6, 30),
		{text: fmt.Sprintf("%d-09-30", y), date: true, last: day(y, 9, 30)},
		q(fmt.Sprintf("31/10/%d", y), 10, 31),
		q(fmt.Sprintf("tháng 6 năm %d", y), 6, 30),
		q(fmt.Sprintf("6 tháng đầu năm %d", y), 6, 30),
		q(fmt.Sprintf("Trong năm %d", y), 12, 31),
		q(fmt.Sprintf("trước ngày 31/01/%d", y), 1, 31),
		{text: fmt.Sprintf("trước Tết Nguyên đán %d", y), last: tet},
		from(fmt.Sprintf("Từ quý I năm %d", y), 1),
		{text: "Thường xuyên", ongoing: true},
	}
	pool = []deadline{
		required[6], required[6], required[6], required[9], required[9], required[10],
		q(fmt.Sprintf("Quý I năm %d", y), 3, 31),
		q(fmt.Sprintf("quý II/%d", y), 6, 30),
		q(fmt.Sprintf("Quý III năm %d", y), 9, 30),
		q(fmt.Sprintf("quý IV/%d", y), 12, 31),
		q(fmt.Sprintf("6 tháng cuối năm %d", y), 12, 31),
		q(fmt.Sprintf("tháng 9 năm %d", y), 9, 30),
		{text: fmt.Sprintf("%d-11-30", y), date: true, last: day(y, 11, 30)},
		q(fmt.Sprintf("15/8/%d", y), 8, 15),
		from(fmt.Sprintf("Từ quý II năm %d", y), 4),
	}
	return required, pool
}

// genTasks draws the ~60 task templates; the scale only changes how roles
// are written, so a seed gives the same tasks in both scales.
func genTasks(r *rand.Rand, cal *calendar) []task {
	y := cal.year
	counts := make([]int, len(taskFiles))
	n := 0
	for i, f := range taskFiles {
		counts[i] = f.base + r.IntN(3) - 1
		n += counts[i]
	}

	// Lead kinds: a few tasks for every commune (kept few: each adds an entry to
	// every commune's monthly report), some for the district level, two for
	// every department, the rest for one or two named departments.
	kinds := make([]roleKind, n)
	for i := range kinds {
		switch {
		case i < 3:
			kinds[i] = roleCommunes
		case i < 11:
			kinds[i] = roleDistricts
		case i < 13:
			kinds[i] = roleDepartments
		default:
			kinds[i] = roleDept
		}
	}
	r.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })

	// Every department leads something: deal them out from shuffled decks.
	var deck []int
	nextDept := func(not ...int) int {
		for {
			if len(deck) == 0 {
				deck = r.Perm(departments)
			}
			d := deck[len(deck)-1] + 1
			deck = deck[:len(deck)-1]
			if !slices.Contains(not, d) {
				return d
			}
		}
	}

	required, pool := deadlines(y, cal.tet)
	communeDues := []deadline{required[10], required[6], required[5]}
	var others []int
	for i, k := range kinds {
		if k != roleCommunes {
			others = append(others, i)
		}
	}
	r.Shuffle(len(others), func(i, j int) { others[i], others[j] = others[j], others[i] })
	dues := make([]deadline, n)
	for j, i := range others {
		if j < len(required) {
			dues[i] = required[j]
		} else {
			dues[i] = pool[r.IntN(len(pool))]
		}
	}
	c := 0
	for i, k := range kinds {
		if k == roleCommunes {
			dues[i] = communeDues[c%len(communeDues)]
			c++
		}
	}

	tasks := make([]task, 0, n)
	i := 0
	for f, tf := range taskFiles {
		for j := 1; j <= counts[f]; j++ {
			t := task{
				id:    fmt.Sprintf("%d.%d", f+1, j),
				group: tf.groups[(j-1)*len(tf.groups)/counts[f]],
				file:  f,
				due:   dues[i],
			}
			t.ref = "Phụ lục mẫu, mục " + t.id
			t.title = pick(r, titleVerbs) + " " + pick(r, titleObjects) + " " + pick(r, titleScopes)
			if r.IntN(100) < 80 {
				u := r.Perm(5)[:1+r.IntN(2)]
				for k := range u {
					u[k]++
				}
				slices.Sort(u)
				t.utilities = u
			}
			if r.IntN(100) < 15 {
				t.detail = fmt.Sprintf("Nội dung chi tiết mẫu của nhiệm vụ %s; thực hiện theo hướng dẫn mẫu của cơ quan chủ trì.", t.id)
			}
			var leadDepts []int
			switch kinds[i] {
			case roleDept:
				d := nextDept()
				leadDepts = append(leadDepts, d)
				t.lead = []role{{roleDept, d}}
				if r.IntN(100) < 15 {
					d2 := nextDept(d)
					leadDepts = append(leadDepts, d2)
					t.lead = append(t.lead, role{roleDept, d2})
				}
			default:
				t.lead = []role{{kinds[i], 0}}
			}
			switch p := r.IntN(100); {
			case p < 60:
				for range 1 + r.IntN(3) {
					d := 1 + r.IntN(departments)
					if !slices.Contains(leadDepts, d) && !slices.Contains(t.support, role{roleDept, d}) {
						t.support = append(t.support, role{roleDept, d})
						leadDepts = append(leadDepts, d)
					}
				}
				if kinds[i] == roleDept && r.IntN(100) < 25 {
					t.support = append(t.support, role{roleDistricts, 0})
				}
			case p < 80:
				t.supportNote = "Các cơ quan, đơn vị, địa phương có liên quan"
			}
			t.startDay = day(y, 1, 1)
			if t.due.ongoing && !t.due.first.IsZero() {
				t.startDay = t.due.first
			}
			if !t.due.ongoing && kinds[i] != roleCommunes && t.due.last.Month() >= 9 && r.IntN(100) < 20 {
				t.start = fmt.Sprintf("quý II/%d", y)
				t.startDay = day(y, 4, 1)
				if t.due.last.Month() == 12 && r.IntN(2) == 0 {
					t.start = fmt.Sprintf("tháng 7 năm %d", y)
					t.startDay = day(y, 7, 1)
				}
			}
			if r.IntN(100) < 5 {
				t.note = "Nhiệm vụ mẫu trong bộ dữ liệu tổng hợp"
			}
			tasks = append(tasks, t)
			i++
		}
	}
	addTargets(r, tasks, y)
	return tasks
}

// addTargets gives about ten tasks a measurable target with one or two
// milestones; only tasks that run all year (due 31/12 or ongoing from Q1)
// are chosen, so every milestone falls inside the task's time.
func addTargets(r *rand.Rand, tasks []task, y int) {
	var cands []int
	for i, t := range tasks {
		allYear := t.startDay.Month() == 1 && (t.due.ongoing || t.due.last.Month() == 12)
		if allYear && t.lead[0].kind != roleCommunes {
			cands = append(cands, i)
		}
	}
	r.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
	cands = cands[:min(10, len(cands))]
	slices.Sort(cands)
	for k, i := range cands {
		n := k + 1
		if k%4 == 3 {
			tasks[i].targets = []target{{
				id:         fmt.Sprintf("so-ho-so-%02d", n),
				name:       fmt.Sprintf("Số hồ sơ mẫu %02d được số hóa", n),
				unit:       "hồ sơ",
				milestones: []milestone{{fmt.Sprintf("6 tháng cuối năm %d", y), float64(500 + 100*r.IntN(6))}},
			}}
			continue
		}
		m1 := float64(50 + 5*r.IntN(9))
		tg := target{
			id:         fmt.Sprintf("ti-le-%02d", n),
			name:       fmt.Sprintf("Tỷ lệ hồ sơ trực tuyến mẫu %02d", n),
			unit:       "%",
			percent:    true,
			milestones: []milestone{{fmt.Sprintf("quý II/%d", y), m1}},
		}
		if r.IntN(100) < 60 {
			tg.milestones = append(tg.milestones, milestone{fmt.Sprintf("quý IV/%d", y), min(100, m1+10+5*float64(r.IntN(4)))})
		}
		tasks[i].targets = []target{tg}
	}
}
