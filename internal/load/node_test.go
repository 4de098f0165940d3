package load

import (
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestIsNFCFastPath holds isNFC's table-free path against the Unicode
// tables: every letter it trusts, alone and beside every other, is NFC, and
// strings it must send to the tables are judged by them.
func TestIsNFCFastPath(t *testing.T) {
	var fast []rune
	for r := rune(0); r < 0x300; r++ {
		fast = append(fast, r)
	}
	for r := rune(0x1E00); r <= 0x1EFF; r++ {
		fast = append(fast, r)
	}
	for _, a := range fast {
		for _, b := range fast {
			if s := string([]rune{a, b}); !norm.NFC.IsNormalString(s) {
				t.Fatalf("%q (U+%04X U+%04X) is not NFC, but the fast path takes it for NFC", s, a, b)
			}
		}
	}
	for _, s := range []string{
		"Công an tỉnh",
		"Cong an tinh",
		"Cộng hòa xã hội chủ nghĩa Việt Nam",
		"Cô\u0302ng",    // o with a combining circumflex: decomposed
		"A\u030A",       // A + combining ring: composes to Å
		"\u212B",        // Ångström sign: NFC maps it to Å
		"Sở TT\u0026TT", // ampersand
		"“Đề án 06” – 2024",
		"\u1100\u1161", // Hangul jamo that compose
	} {
		if got, want := isNFC(s), norm.NFC.IsNormalString(s); got != want {
			t.Errorf("isNFC(%q) = %v, tables say %v", s, got, want)
		}
	}
}

func FuzzLooksNumeric(f *testing.F) {
	for _, s := range []string{"", "12", "0123", "1_000", "_1", ":30", "1:30", ".5", "+.inf", "-Infinity", "NaN", "nan",
		"0x1F", "0x1p-2", "1e3", "Đã xong", "abc", "2024-03-15", "3.1.2", "+-", "e5", "x12"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := looksNumeric(s), numberLike(strings.TrimLeft(s, "+-")); got != want {
			t.Errorf("looksNumeric(%q) = %v, without the shortcut %v", s, got, want)
		}
	})
}

// TestNumberLikeSkipsOnlyText: floatBytes, which numberLike asks before
// ParseFloat, holds every text ParseFloat reads.
func TestNumberLikeSkipsOnlyText(t *testing.T) {
	for _, s := range []string{"inf", "+Inf", "-Infinity", "NaN", "nan", "0x1p-2", "0X1.8P+3", "1_000", "1e5", "1E-5", ".5", "5.", "0xABCdef", "12", "in-progress", "not-started", "nan-x", "1:20", "0o17", "0b101"} {
		_, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
		if err == nil && !floatBytes(s) {
			t.Errorf("%q: ParseFloat reads it, numberLike would skip it", s)
		}
	}
}
