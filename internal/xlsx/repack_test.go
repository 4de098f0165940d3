package xlsx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/status"
)

// zipOf builds a zip of name, content pairs in the order given, the way
// excelize would (data descriptors, no times).
func zipOf(t *testing.T, pairs ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i < len(pairs); i += 2 {
		w, err := zw.Create(pairs[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(pairs[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The same parts in any order, with the content types in any order, repack
// to the same bytes.
func TestRepackIsCanonical(t *testing.T) {
	const ns = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
	ct1 := ns + `<Default Extension="png" ContentType="image/png"/><Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="w"/><Override PartName="/docProps/app.xml" ContentType="a"/></Types>`
	ct2 := ns + `<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="a"/><Override PartName="/xl/workbook.xml" ContentType="w"/>` +
		`<Default Extension="png" ContentType="image/png"/></Types>`
	a := zipOf(t, "xl/workbook.xml", "<workbook/>", contentTypesName, ct1, "_rels/.rels", "<r/>")
	b := zipOf(t, "_rels/.rels", "<r/>", contentTypesName, ct2, "xl/workbook.xml", "<workbook/>")
	d := day(2024, 3, 15)
	ra, err := repack(a, d)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := repack(b, d)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ra, rb) {
		t.Fatal("repacked packages differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(ra), int64(len(ra)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(time.Date(2024, 3, 15, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s: modified %v", f.Name, f.Modified)
		}
		if f.Flags&0x8 != 0 {
			t.Errorf("%s: data descriptor left", f.Name)
		}
	}
	if got := strings.Join(names, " "); got != "[Content_Types].xml _rels/.rels xl/workbook.xml" {
		t.Errorf("order %s", got)
	}
	ct := zipEntry(t, ra, contentTypesName)
	want := `<Default Extension="png" ContentType="image/png"></Default><Default Extension="xml" ContentType="application/xml"></Default>` +
		`<Override PartName="/docProps/app.xml" ContentType="a"></Override><Override PartName="/xl/workbook.xml" ContentType="w"></Override></Types>`
	if !strings.HasSuffix(ct, want) {
		t.Errorf("content types:\n%s", ct)
	}
	if got := zipEntry(t, ra, "xl/workbook.xml"); got != "<workbook/>" {
		t.Errorf("workbook.xml %q", got)
	}
}

// TestFastParts compresses every part the package writes itself at
// flate.BestSpeed, as it does the large parts of a country workbook: the
// package must hold the same entries, byte for byte once unzipped, and
// excelize must read the same cells.
func TestFastParts(t *testing.T) {
	for name, r := range map[string]func() *status.Result{"fixture": fixture, "many targets": bigResult} {
		t.Run(name, func(t *testing.T) {
			normal := write(t, r(), fixtureOptions(i18n.VI))
			defer func(n int) { fastPartSize = n }(fastPartSize)
			fastPartSize = 0
			fast := write(t, r(), fixtureOptions(i18n.VI))
			if bytes.Equal(fast, normal) {
				t.Fatal("no part compressed at another level")
			}
			sameEntries(t, normal, fast)
			if x, y := dump(t, open(t, normal)), dump(t, open(t, fast)); x != y {
				t.Errorf("cells differ:\n%s", lineDiff(x, y))
			}
		})
	}
}

// TestCRC32Combine checks the CRC of two pieces put together against the
// CRC of the whole, for pieces of every kind of length.
func TestCRC32Combine(t *testing.T) {
	whole := make([]byte, 3*len(zeros)+77)
	for i := range whole {
		whole[i] = byte(i*131 + i>>7)
	}
	for _, cut := range []int{0, 1, 100, len(zeros), len(zeros) + 1, len(whole) - 1, len(whole)} {
		a, b := whole[:cut], whole[cut:]
		got := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), uint64(len(b)))
		if want := crc32.ChecksumIEEE(whole); got != want {
			t.Errorf("cut at %d: %08x, want %08x", cut, got, want)
		}
	}
}

// TestPipelineFallback makes the strings excelize wrote differ from those
// the sheets were numbered after while they were built (as if excelize
// had added one after the summary), and spoils what was compressed then:
// it must be dropped and the strings numbered again, for the same entries
// as the workbook built the usual way.
func TestPipelineFallback(t *testing.T) {
	defer func(n int) { fastPartSize = n }(fastPartSize)
	fastPartSize = 0
	piped := write(t, bigResult(), fixtureOptions(i18n.VI))
	spoilt := func(w *bufio.Writer) { _, _ = w.WriteString(`<row r="1"></row>`) }
	var seen bool
	afterRun = func(wb *workbook) {
		seen = wb.table != nil && wb.freshSeg != nil
		for _, rs := range wb.raws {
			seen = seen && rs.rows != nil
			rs.rows, _ = deflateSegment(flate.BestSpeed, spoilt)
		}
		wb.freshSeg, _ = deflateSegment(flate.BestSpeed, spoilt)
		wb.tableKeys = append(slices.Clone(wb.tableKeys), "a string excelize did not write")
	}
	defer func() { afterRun = nil }()
	redone := write(t, bigResult(), fixtureOptions(i18n.VI))
	if !seen {
		t.Fatal("the sheets were not compressed while built: nothing to fall back from")
	}
	sameEntries(t, piped, redone)
}

// sameEntries fails t unless the packages want and got hold the same
// entries, byte for byte once unzipped.
func sameEntries(t *testing.T, want, got []byte) {
	t.Helper()
	a, b := entries(t, want), entries(t, got)
	if len(a) != len(b) {
		t.Errorf("%d entries, want %d", len(b), len(a))
	}
	for n, x := range a {
		if b[n] != x {
			t.Errorf("%s differs", n)
		}
	}
}
