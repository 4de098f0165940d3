package render

import "testing"

func TestHanging(t *testing.T) {
	got := Hanging("  15/05/2024  ", "Hạn nhiệm vụ 3.1.1: Lựa chọn tối thiểu 02 Dịch vụ công trực tuyến điển hình", 40)
	want := "  15/05/2024  Hạn nhiệm vụ 3.1.1: Lựa\n" +
		"              chọn tối thiểu 02 Dịch vụ\n" +
		"              công trực tuyến điển hình"
	if got != want {
		t.Errorf("Hanging:\n%s\nwant:\n%s", got, want)
	}
	for _, line := range []string{"a", ""} {
		if got := Hanging("> ", line, 0); got != "> "+line {
			t.Errorf("Hanging(%q) = %q", line, got)
		}
	}
}
