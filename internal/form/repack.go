package form

import (
	"archive/zip"
	"bytes"
	"cmp"
	"io"
	"slices"

	"github.com/plan06/plan06/internal/dates"
)

// repack rewrites the zip excelize wrote so that its bytes depend only on
// its contents: entries in name order, each stamped with day at midnight,
// no data descriptors. A form has no drawing, so excelize writes every
// entry's contents deterministically and they are copied as compressed.
// (internal/xlsx does the same for the workbook, and also sorts the content
// types its drawings add.)
func repack(src []byte, day dates.Date) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, err
	}
	files := slices.Clone(zr.File)
	slices.SortFunc(files, func(a, b *zip.File) int { return cmp.Compare(a.Name, b.Name) })
	y, m, d := day.YMD()
	modDate := uint16((y-1980)<<9 | int(m)<<5 | d)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range files {
		fh := &zip.FileHeader{
			Name:               f.Name,
			CreatorVersion:     20,
			ReaderVersion:      20,
			Method:             f.Method,
			ModifiedDate:       modDate,
			CRC32:              f.CRC32,
			CompressedSize64:   f.CompressedSize64,
			UncompressedSize64: f.UncompressedSize64,
		}
		rc, err := f.OpenRaw()
		if err != nil {
			return nil, err
		}
		raw, err := io.ReadAll(rc)
		if err != nil {
			return nil, err
		}
		w, err := zw.CreateRaw(fh)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(raw); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
