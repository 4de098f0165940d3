package i18n

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Quý I năm 2024":                  "quy i nam 2024",
		norm.NFD.String("Quý I năm 2024"): "quy i nam 2024",
		"  Đề   án\t06 ":                  "de an 06",
		"Công an tỉnh":                    "cong an tinh",
		"TRƯỚC NGÀY 31/01/2024":           "truoc ngay 31/01/2024",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCompareVietnamese(t *testing.T) {
	// By bytes "Đ" (U+0110) sorts after "Y"; Vietnamese puts it right after D.
	if Compare("Đồng", "Yên") >= 0 {
		t.Error("Đồng should sort before Yên")
	}
	if Compare("Dương", "Đồng") >= 0 {
		t.Error("Dương should sort before Đồng")
	}
	if Compare("Ân", "Bắc") >= 0 {
		t.Error("Ân should sort before Bắc")
	}
}
