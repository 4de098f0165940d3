package report

import (
	"testing"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/status"
)

// TestSentenceCase checks how the reminder's opening sentence names the
// issuing body: a header in capitals lowered but for its first letter,
// abbreviations, "Đề án" and the place; a name in mixed case kept.
func TestSentenceCase(t *testing.T) {
	for _, c := range []struct{ in, place, want string }{
		{"TỔ CÔNG TÁC ĐỀ ÁN 06", "Bắc Giang", "Tổ công tác Đề án 06"},
		{"UBND TỈNH BẮC GIANG", "Bắc Giang", "UBND tỉnh Bắc Giang"},
		{"  BAN CHỈ ĐẠO  TỈNH ", "", "Ban chỉ đạo tỉnh"},
		{"CÔNG AN TỈNH BẮC GIANGA", "Bắc Giang", "Công an tỉnh bắc gianga"},
		{"Tổ công tác Đề án 06 tỉnh", "Bắc Giang", "Tổ công tác Đề án 06 tỉnh"},
		{"", "Bắc Giang", ""},
		{"06", "", "06"},
		{"HĐND HUYỆN NGHĨA HƯNG, TP THÁI BÌNH", "", "HĐND huyện nghĩa hưng, TP thái bình"},
	} {
		if got := SentenceCase(c.in, c.place); got != c.want {
			t.Errorf("SentenceCase(%q, %q) = %q, want %q", c.in, c.place, got, c.want)
		}
	}
}

// TestReminderText checks the opening sentence (a subject and a verb, the
// issuer or none) and an overdue task's line: the title without its own
// closing full stop, then the ref as the plan writes it.
func TestReminderText(t *testing.T) {
	p := &model.Plan{Title: model.Text{Value: "Kế hoạch X"}}
	p.Header.Issuer.Value = "TỔ CÔNG TÁC ĐỀ ÁN 06"
	r := &status.Result{Plan: p, AsOf: dates.MustNew(2024, 4, 20)}
	r.Cycle.Month = dates.Month{Year: 2024, Month: 4}
	r.Cycle.Deadline = dates.MustNew(2024, 4, 15)
	rm := &Reminder{Lang: i18n.VI, Result: r}
	want := "Thực hiện Kế hoạch X, kỳ báo cáo tháng 4/2024 (hạn 15/04/2024), tính đến ngày 20/04/2024, " +
		"Tổ công tác Đề án 06 tổng hợp tình hình gửi báo cáo và thực hiện nhiệm vụ của các đơn vị như sau:"
	if got := rm.Intro(); got != want {
		t.Errorf("Intro:\n got %q\nwant %q", got, want)
	}
	p.Header.Issuer.Value = ""
	if got := rm.Intro(); got != "Thực hiện Kế hoạch X, kỳ báo cáo tháng 4/2024 (hạn 15/04/2024), tính đến ngày 20/04/2024, "+
		"tình hình gửi báo cáo và thực hiện nhiệm vụ của các đơn vị như sau:" {
		t.Errorf("Intro without an issuer: %q", got)
	}

	task := &model.Task{ID: model.Text{Value: "3.3"}, Ref: model.Text{Value: "II.3.3"}, Title: model.Text{Value: "Chi trả trong dịp tết Nguyên đán 2024. "}}
	it := Problem{Task: &status.Task{Task: task, Due: dates.MustNew(2024, 4, 1)}, Days: 19}
	if got, want := rm.ItemText(it), "Chi trả trong dịp tết Nguyên đán 2024 (II.3.3; hạn 01/04/2024, quá hạn 19 ngày)"; got != want {
		t.Errorf("ItemText:\n got %q\nwant %q", got, want)
	}
	task.Ref.Value = ""
	if got, want := rm.ItemText(it), "Chi trả trong dịp tết Nguyên đán 2024 (nhiệm vụ 3.3; hạn 01/04/2024, quá hạn 19 ngày)"; got != want {
		t.Errorf("ItemText without a ref:\n got %q\nwant %q", got, want)
	}
}
