package form

import (
	"archive/zip"
	"bytes"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/plan06/plan06/internal/diag"
)

// Limits on an untrusted workbook. The zip's own headers are checked
// against them before anything is unzipped, so a zip bomb costs nothing;
// Go's zip reader then refuses an entry that inflates past the size its
// header declares.
const (
	// MaxFileSize is the largest workbook read, as stored.
	MaxFileSize = 8 << 20
	// MaxUnzipped bounds the sum of the entries' declared sizes.
	MaxUnzipped = 64 << 20
	// MaxEntries bounds the number of entries in the zip.
	MaxEntries = 500
	// MaxRows bounds the rows of a sheet read.
	MaxRows = 5000
	// maxSmallPart bounds the few package parts read before excelize opens
	// the file ([Content_Types].xml and the relationship parts).
	maxSmallPart = 1 << 20
)

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
	// An encrypted OOXML file is an OLE compound file holding an
	// "EncryptionInfo" stream; its name is stored in UTF-16.
	encryptionInfo = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")
)

// open checks data, the bytes of the file shown as name, and opens it with
// excelize when it is a plain xlsx workbook within the limits. Every
// refusal is one error diagnostic on the whole file.
func open(name string, data []byte) (*excelize.File, diag.Diagnostics) {
	var ds diag.Diagnostics
	whole := diag.Pos{File: name}
	fail := func(key string, args ...any) (*excelize.File, diag.Diagnostics) {
		ds.Errorf(whole, key, args...)
		return nil, ds
	}
	if ext := strings.ToLower(path.Ext(name)); ext == ".xlsm" || ext == ".xltm" {
		return fail("form-macro")
	}
	switch {
	case len(data) == 0:
		return fail("form-empty")
	case len(data) > MaxFileSize:
		return fail("form-too-big", len(data)>>20, MaxFileSize>>20)
	case bytes.HasPrefix(data, oleMagic):
		if bytes.Contains(data, encryptionInfo) {
			return fail("form-encrypted")
		}
		return fail("form-xls")
	case !bytes.HasPrefix(data, zipMagic):
		head := data[:min(len(data), 512)]
		if utf8.Valid(head) || !bytes.Contains(head, []byte{0}) {
			return fail("form-text")
		}
		return fail("form-not-xlsx")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fail("form-corrupt", err.Error())
	}
	if len(zr.File) > MaxEntries {
		return fail("form-entries", len(zr.File), MaxEntries)
	}
	var total uint64
	hasWorkbook := false
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > MaxUnzipped || f.UncompressedSize64 > MaxUnzipped {
			return fail("form-unzipped", MaxUnzipped>>20)
		}
		lower := strings.ToLower(f.Name)
		switch {
		case lower == "xl/workbook.xml":
			hasWorkbook = true
		case strings.Contains(lower, "vbaproject") || strings.HasSuffix(lower, ".bin") && strings.Contains(lower, "vba"):
			return fail("form-macro")
		case strings.HasPrefix(lower, "xl/externallinks/"):
			return fail("form-external", f.Name)
		}
	}
	if !hasWorkbook {
		return fail("form-not-xlsx")
	}
	for _, f := range zr.File {
		lower := strings.ToLower(f.Name)
		switch {
		case f.Name == "[Content_Types].xml":
			b, ok := readPart(f)
			if !ok {
				return fail("form-corrupt", f.Name)
			}
			if bytes.Contains(bytes.ToLower(b), []byte("macroenabled")) {
				return fail("form-macro")
			}
		case strings.HasSuffix(lower, ".rels"):
			b, ok := readPart(f)
			if !ok {
				return fail("form-corrupt", f.Name)
			}
			if target, bad := externalTarget(b); bad {
				return fail("form-external", target)
			}
		}
	}
	// Every part must unzip to the size its headers declare, with its
	// checksum: excelize reads a damaged sheet as an empty one, and the
	// clerk would be told that rows were deleted by hand. The sizes are
	// bounded above, so this costs at most MaxUnzipped of inflating.
	for _, f := range zr.File {
		if err := checkPart(f); err != nil {
			return fail("form-corrupt", f.Name+": "+err.Error())
		}
	}
	xf, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: MaxUnzipped, UnzipXMLSizeLimit: MaxUnzipped})
	if err != nil {
		return fail("form-corrupt", err.Error())
	}
	return xf, nil
}

// readPart reads one small package part.
func readPart(f *zip.File) ([]byte, bool) {
	if f.UncompressedSize64 > maxSmallPart {
		return nil, false
	}
	rc, err := f.Open()
	if err != nil {
		return nil, false
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxSmallPart+1))
	return b, err == nil && len(b) <= maxSmallPart
}

// externalTarget finds a relationship to something outside the file
// (TargetMode="External") other than a hyperlink: a linked workbook, a
// remote image, an OLE link. plan06 would never fetch it, but a form it
// wrote has none, so such a file was made elsewhere and is refused.
func externalTarget(rels []byte) (string, bool) {
	s := string(rels)
	for {
		i := strings.Index(s, "<Relationship ")
		if i < 0 {
			return "", false
		}
		s = s[i+1:]
		end := strings.IndexByte(s, '>')
		if end < 0 {
			return "", false
		}
		el := s[:end]
		if strings.Contains(el, `TargetMode="External"`) || strings.Contains(el, `TargetMode='External'`) {
			if !strings.Contains(el, "/hyperlink\"") && !strings.Contains(el, "/hyperlink'") {
				return attr(el, "Target"), true
			}
		}
	}
}

func attr(el, name string) string {
	for _, q := range []string{`"`, `'`} {
		if i := strings.Index(el, " "+name+"="+q); i >= 0 {
			rest := el[i+len(name)+3:]
			if j := strings.Index(rest, q); j >= 0 {
				return Clean(rest[:j])
			}
		}
	}
	return "?"
}

// checkPart unzips f to nothing: Go's zip reader fails on a part that
// inflates past or short of its declared size, or whose checksum is wrong.
func checkPart(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	_, err = io.Copy(io.Discard, io.LimitReader(rc, MaxUnzipped+1))
	return err
}
