package xlsx

import (
	"fmt"
	"time"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
)

func txt(s string) model.Text { return model.Text{Value: s} }

func txts(ss ...string) []model.Text {
	out := make([]model.Text, len(ss))
	for i, s := range ss {
		out[i] = txt(s)
	}
	return out
}

func day(y int, m time.Month, d int) dates.Date { return dates.MustNew(y, m, d) }

func f64(x float64) *float64 { return &x }

func yes(b bool) *bool { return &b }

func iptr(n int) *int { return &n }

// fixture is the April 2024 cycle of a small Bắc Giang plan, seen on
// 20/04/2024, built by hand (status.Compute is not what is under test). It
// has a parent group with a child group, a group with no task, a task
// whose group is unknown, an ongoing task, a task led by a set of two
// units with a target, entries from this cycle and from the cycle before
// (which must not show), and every report state but pending.
func fixture() *status.Result {
	p := &model.Plan{
		ID:    txt("bac-giang-2024"),
		Title: txt("Kế hoạch triển khai thực hiện Đề án 06 tỉnh Bắc Giang năm 2024"),
		Header: model.ReportHeader{
			Authority: txt("UBND tỉnh Bắc Giang"),
			Issuer:    txt("Tổ công tác Đề án 06"),
			Symbol:    txt("BC-TCT"),
			Place:     txt("Bắc Giang"),
		},
		Groups: []model.Group{
			{ID: txt("chung"), Ref: txt("II.1"), Title: txt("Nhiệm vụ chung")},
			{ID: txt("dot-pha"), Ref: txt("II.3"), Title: txt("Nhiệm vụ đột phá năm 2024")},
			{ID: txt("dot-pha-dvc"), Ref: txt("II.3.1"), Title: txt("Đẩy mạnh thực hiện 53 dịch vụ công thiết yếu"), Parent: txt("dot-pha")},
			{ID: txt("to-chuc"), Title: txt("Tổ chức thực hiện")},
		},
		Units: []model.Unit{
			{ID: txt("cong-an-tinh"), Name: txt("Công an tỉnh"), Level: txt("department")},
			{ID: txt("so-tttt"), Name: txt("Sở Thông tin và Truyền thông"), Level: txt("department")},
			{ID: txt("so-tu-phap"), Name: txt("Sở Tư pháp"), Level: txt("department")},
			{ID: txt("so-ldtbxh"), Name: txt("Sở Lao động - Thương binh và Xã hội"), Level: txt("department")},
			{ID: txt("dai-pt-th"), Name: txt("Đài Phát thanh và Truyền hình tỉnh"), Level: txt("organization")},
			{ID: txt("dan-toc"), Name: txt("Ban Dân tộc tỉnh"), Level: txt("department")},
			{ID: txt("ubnd-huyen-luc-nam"), Name: txt("UBND huyện Lục Nam"), Level: txt("district")},
			{ID: txt("ubnd-huyen-yen-the"), Name: txt("UBND huyện Yên Thế"), Level: txt("district")},
			{ID: txt("ubnd-tp-bac-giang"), Name: txt("UBND thành phố Bắc Giang"), Level: txt("district")},
		},
		Sets: []model.Set{
			{ID: txt("ubnd-cap-huyen"), Name: txt("UBND cấp huyện"), Members: txts("ubnd-huyen-luc-nam", "ubnd-huyen-yen-the")},
		},
		Tasks: []model.Task{
			{ID: txt("1.1"), Ref: txt("II.1, 1.1"), Group: txt("chung"),
				Title: txt("Tuyên truyền, phổ biến về Đề án 06"),
				Lead:  txts("dai-pt-th"), SupportNote: txt("Các sở, ban, ngành"), Due: txt("Thường xuyên")},
			{ID: txt("1.2"), Group: txt("chung"),
				Title: txt("Rà soát, bảo đảm kinh phí triển khai Đề án 06"),
				Lead:  txts("so-tu-phap"), Due: txt("trước ngày 22/04/2024")},
			{ID: txt("3.1.1"), Ref: txt("II.3.1, Nhiệm vụ 1"), Group: txt("dot-pha-dvc"),
				Title:       txt("Lựa chọn tối thiểu 02 dịch vụ công trực tuyến điển hình để tái cấu trúc quy trình"),
				Lead:        txts("so-tttt"),
				Support:     txts("cong-an-tinh"),
				SupportNote: txt("Các cơ quan, đơn vị, địa phương có liên quan"),
				Due:         txt("Quý I năm 2024")},
			{ID: txt("3.2"), Group: txt("dot-pha-dvc"),
				Title:   txt("Thực hiện 02 nhóm thủ tục hành chính liên thông"),
				Lead:    txts("ubnd-cap-huyen"),
				Support: txts("cong-an-tinh", "so-tu-phap"),
				Due:     txt("Trong năm 2024"),
				Targets: []model.Target{{ID: txt("lien-thong"), Name: txt("Tỷ lệ nộp hồ sơ 02 nhóm dịch vụ công liên thông trực tuyến"), Unit: txt("%")}}},
			{ID: txt("3.3"), Group: txt("dot-pha"),
				Title: txt("Chi trả an sinh xã hội không dùng tiền mặt"),
				Lead:  txts("so-ldtbxh"), Due: txt("Quý I năm 2024")},
			{ID: txt("IV.1"), Group: txt("to-chuc-thuc-hien"),
				Title: txt("Ban hành kế hoạch năm 2024 của Tổ công tác cấp huyện"),
				Lead:  txts("ubnd-tp-bac-giang"), Due: txt("trước ngày 31/01/2024")},
		},
	}
	apr := dates.Month{Year: 2024, Month: time.April}
	mar := dates.Month{Year: 2024, Month: time.March}
	unit := func(id string) *model.Unit {
		for i := range p.Units {
			if p.Units[i].ID.Value == id {
				return &p.Units[i]
			}
		}
		panic(id)
	}
	task := func(id string) *model.Task {
		for i := range p.Tasks {
			if p.Tasks[i].ID.Value == id {
				return &p.Tasks[i]
			}
		}
		panic(id)
	}
	target := &task("3.2").Targets[0]
	r := &status.Result{
		Plan: p,
		AsOf: day(2024, 4, 20),
		Cycle: dates.Cycle{Month: apr, Deadline: day(2024, 4, 15),
			PeriodFrom: day(2024, 3, 15), PeriodTo: day(2024, 4, 14)},
		Tasks: []status.Task{
			{Task: task("1.1"), Ongoing: true, Start: day(2024, 1, 1), Status: status.InProgress, Progress: 50,
				Assignments: []status.Assignment{{
					Unit: unit("dai-pt-th"), Status: status.InProgress, State: model.InProgress, Progress: 50,
					LastReport: apr,
					Entry: &model.Entry{Task: txt("1.1"), State: model.InProgress, Progress: iptr(50),
						Result: txt("+84 204 3854 321: đường dây nóng hoạt động 24/7; đã phát 120 tin, bài.")},
				}}},
			{Task: task("1.2"), Due: day(2024, 4, 22), Start: day(2024, 1, 1), Status: status.Blocked, Progress: 20,
				Assignments: []status.Assignment{{
					Unit: unit("so-tu-phap"), Status: status.Blocked, State: model.Blocked, Progress: 20,
					LastReport: apr,
					Entry: &model.Entry{Task: txt("1.2"), State: model.Blocked, Progress: iptr(20),
						Obstacles: txt("Chưa được bố trí kinh phí."),
						Proposals: txt("Đề nghị UBND tỉnh bố trí kinh phí năm 2024.")},
				}}},
			{Task: task("3.1.1"), Due: day(2024, 4, 1), Start: day(2024, 1, 1), Status: status.Overdue, Progress: 60,
				Assignments: []status.Assignment{{
					Unit: unit("so-tttt"), Status: status.Overdue, State: model.InProgress, Progress: 60,
					LastReport: mar,
					Entry: &model.Entry{Task: txt("3.1.1"), State: model.InProgress, Progress: iptr(60),
						Result: txt("Kết quả của kỳ tháng 3: không được hiện trong báo cáo tháng 4.")},
				}}},
			{Task: task("3.2"), Due: day(2024, 12, 31), Start: day(2024, 1, 1), Status: status.AtRisk, Progress: 58,
				Assignments: []status.Assignment{
					{Unit: unit("ubnd-huyen-luc-nam"), Status: status.AtRisk, State: model.InProgress, Progress: 45,
						LastReport: apr,
						Entry: &model.Entry{Task: txt("3.2"), State: model.InProgress, Progress: iptr(45),
							Result:    txt("Tiếp nhận 1.234 hồ sơ liên thông."),
							Obstacles: txt("Đường truyền cấp xã chưa ổn định.")},
						Targets: []status.TargetStatus{{Target: target, Required: f64(80), Value: f64(62.5), Met: yes(false)}}},
					{Unit: unit("ubnd-huyen-yen-the"), Status: status.InProgress, State: model.InProgress, Progress: 70,
						LastReport: apr,
						Entry: &model.Entry{Task: txt("3.2"), State: model.InProgress, Progress: iptr(70),
							Result: txt("Tiếp nhận 987 hồ sơ liên thông.")},
						Targets: []status.TargetStatus{{Target: target, Required: f64(80), Value: f64(85), Met: yes(true)}}},
				}},
			{Task: task("3.3"), Due: day(2024, 4, 1), Start: day(2024, 1, 1), Status: status.Done, Progress: 100,
				Assignments: []status.Assignment{{
					Unit: unit("so-ldtbxh"), Status: status.Done, State: model.Done, Progress: 100,
					Done: day(2024, 3, 10), LastReport: mar,
					Entry: &model.Entry{Task: txt("3.3"), State: model.Done, Result: txt("Đã hoàn thành."),
						Done: model.Date{Date: day(2024, 3, 10)}},
				}}},
			{Task: task("IV.1"), Due: day(2024, 1, 31), Start: day(2024, 1, 1), Status: status.Overdue,
				Assignments: []status.Assignment{{
					Unit: unit("ubnd-tp-bac-giang"), Status: status.Overdue, State: model.NotStarted,
				}}},
		},
		Units: []status.UnitReport{
			{Unit: unit("cong-an-tinh"), State: status.OnTime, Submitted: day(2024, 4, 12),
				Report: &model.Report{Month: apr, Unit: "cong-an-tinh", Document: txt("Báo cáo số 45/BC-CAT ngày 12/4/2024")}},
			{Unit: unit("dai-pt-th"), State: status.OnTime, Submitted: day(2024, 4, 15),
				Report: &model.Report{Month: apr, Unit: "dai-pt-th"}},
			{Unit: unit("dan-toc"), State: status.Missing},
			{Unit: unit("so-tttt"), State: status.Late, Submitted: day(2024, 4, 17),
				Report: &model.Report{Month: apr, Unit: "so-tttt", Document: txt("Công văn số 310/STTTT-CNTT")}},
			{Unit: unit("so-tu-phap"), State: status.OnTime, Submitted: day(2024, 4, 9),
				Report: &model.Report{Month: apr, Unit: "so-tu-phap"}},
			{Unit: unit("ubnd-huyen-luc-nam"), State: status.OnTime, Submitted: day(2024, 4, 14),
				Report: &model.Report{Month: apr, Unit: "ubnd-huyen-luc-nam"}},
			{Unit: unit("ubnd-huyen-yen-the"), State: status.OnTime, Submitted: day(2024, 4, 15),
				Report: &model.Report{Month: apr, Unit: "ubnd-huyen-yen-the"}},
			{Unit: unit("ubnd-tp-bac-giang"), State: status.Missing},
		},
	}
	return withOutcomes(r)
}

// fixtureOptions are the options `plan06 report 2024-04` would pass.
func fixtureOptions(lang i18n.Lang) Options {
	return Options{
		Lang:       lang,
		Title:      PeriodTitle(lang, dates.PeriodMonth, 2024, 4),
		Day:        day(2024, 4, 15),
		PeriodFrom: day(2024, 3, 15),
		PeriodTo:   day(2024, 4, 14),
	}
}

// bigResult is a province-scale Result (SPEC §7): 250 units (20
// departments, 10 districts, 220 communes), 60 tasks of which 10 are led by
// every commune, each with a target, so about 2,300 assignments.
func bigResult() *status.Result {
	p := &model.Plan{
		ID:    txt("tinh-2024"),
		Title: txt("Kế hoạch triển khai Đề án 06 năm 2024"),
		Header: model.ReportHeader{Authority: txt("UBND TỈNH"), Issuer: txt("TỔ CÔNG TÁC ĐỀ ÁN 06"),
			Symbol: txt("BC-TCT"), Place: txt("Bắc Giang")},
	}
	for g := range 6 {
		grp := model.Group{ID: txt(fmt.Sprintf("g%d", g)), Title: txt(fmt.Sprintf("Nhóm nhiệm vụ số %d", g+1))}
		if g >= 4 {
			grp.Parent = txt("g1")
		}
		p.Groups = append(p.Groups, grp)
	}
	level := func(i int) string {
		switch {
		case i < 20:
			return "department"
		case i < 30:
			return "district"
		}
		return "commune"
	}
	for i := range 250 {
		p.Units = append(p.Units, model.Unit{ID: txt(fmt.Sprintf("u%03d", i)),
			Name: txt(fmt.Sprintf("Đơn vị %s số %d", level(i), i)), Level: txt(level(i))})
	}
	p.Sets = []model.Set{{ID: txt("cap-xa"), Name: txt("UBND cấp xã"), Level: txt("commune")}}
	for i := range 60 {
		t := model.Task{ID: txt(fmt.Sprintf("%d", i+1)), Group: txt(fmt.Sprintf("g%d", i%6)),
			Title:   txt(fmt.Sprintf("Nhiệm vụ số %d: triển khai các dịch vụ công trực tuyến thiết yếu trên địa bàn tỉnh", i+1)),
			Lead:    txts(fmt.Sprintf("u%03d", i%20)),
			Support: txts(fmt.Sprintf("u%03d", (i+1)%20), fmt.Sprintf("u%03d", (i+2)%20)),
			Due:     txt("Quý II năm 2024")}
		if i%6 == 0 {
			t.Lead = txts("cap-xa")
		}
		t.Targets = []model.Target{{ID: txt("ty-le"), Name: txt("Tỷ lệ hồ sơ trực tuyến"), Unit: txt("%")}}
		p.Tasks = append(p.Tasks, t)
	}
	ix := model.NewIndex(p)
	apr := dates.Month{Year: 2024, Month: time.April}
	r := &status.Result{Plan: p, AsOf: day(2024, 4, 20),
		Cycle: dates.Cycle{Month: apr, Deadline: day(2024, 4, 15), PeriodFrom: day(2024, 3, 15), PeriodTo: day(2024, 4, 14)}}
	owing := map[string]bool{}
	for i := range p.Tasks {
		t := &p.Tasks[i]
		st := status.Task{Task: t, Due: day(2024, 6, 30), Status: status.Statuses[i%len(status.Statuses)], Progress: i % 101}
		for k, u := range ix.Expand(t.Lead) {
			owing[u.ID.Value] = true
			s := status.Statuses[(i+k)%len(status.Statuses)]
			met := k%2 == 0
			st.Assignments = append(st.Assignments, status.Assignment{
				Unit: u, Status: s, State: model.InProgress, Progress: (i + k) % 101, LastReport: apr,
				Entry: &model.Entry{Task: t.ID, State: model.InProgress,
					Result:    txt(fmt.Sprintf("Đã tiếp nhận %d hồ sơ trực tuyến, đạt %d%% kế hoạch.", 100+k, (i+k)%101)),
					Obstacles: txt("Hạ tầng mạng cấp xã chưa đồng bộ."),
					Proposals: txt("Đề nghị bổ sung kinh phí.")},
				Targets: []status.TargetStatus{{Target: &t.Targets[0], Required: f64(80), Value: f64(float64(60 + k%40)), Met: &met}},
			})
		}
		r.Tasks = append(r.Tasks, st)
	}
	for i := range p.Units {
		u := &p.Units[i]
		if !owing[u.ID.Value] {
			continue
		}
		s := status.ReportStates[i%3]
		ur := status.UnitReport{Unit: u, State: s}
		if s != status.Missing {
			ur.Submitted = day(2024, 4, 10+i%8)
			ur.Report = &model.Report{Month: apr, Unit: u.ID.Value, Document: txt(fmt.Sprintf("Báo cáo số %d/BC", i))}
		}
		r.Units = append(r.Units, ur)
	}
	return withOutcomes(r)
}

// withOutcomes classes r's tasks and assignments as SPEC §8.1 does: the
// fixtures are built by hand, so their outcomes are too.
func withOutcomes(r *status.Result) *status.Result {
	class := func(ongoing, done, late bool, due dates.Date) status.Outcome {
		switch {
		case ongoing:
			return status.Standing
		case done && late:
			return status.DoneLate
		case done:
			return status.DoneOnTime
		case !due.IsZero() && r.AsOf.After(due):
			return status.OpenOverdue
		}
		return status.OpenInTime
	}
	for i := range r.Tasks {
		t := &r.Tasks[i]
		done, late := len(t.Assignments) > 0, false
		for j := range t.Assignments {
			a := &t.Assignments[j]
			a.Outcome = class(t.Ongoing, a.Status == status.Done, a.Late, t.Due)
			done = done && a.Status == status.Done
			late = late || a.Late
		}
		t.Outcome = class(t.Ongoing, done, late, t.Due)
	}
	return r
}
