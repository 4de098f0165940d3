package xlsx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"cmp"
	"compress/flate"
	"encoding/xml"
	"fmt"
	"hash/crc32"
	"io"
	"runtime"
	"slices"
	"sync"

	kflate "github.com/klauspost/compress/flate"

	"github.com/plan06/plan06/internal/dates"
)

// contentTypesName is the package part that lists the content types.
const contentTypesName = "[Content_Types].xml"

// Repack is repack for the other writers of excelize files (the report
// forms of internal/form), so that every xlsx plan06 writes is made
// reproducible the same way.
func Repack(src []byte, day dates.Date) ([]byte, error) { return repack(src, day) }

func repack(src []byte, day dates.Date) ([]byte, error) { return repackWith(src, day, nil) }

// repack rewrites the zip that excelize wrote so that its bytes depend only
// on its contents: entries in name order (which puts [Content_Types].xml
// first, where some readers look for it), every entry stamped with day at
// midnight, no data descriptors, and the Default and Override elements of
// [Content_Types].xml sorted. excelize v2.11 appends the image Defaults of a
// drawing in map order, and may zip stream-written sheets in map order; the
// rest it writes deterministically, so every other entry is copied as
// compressed, byte for byte.
//
// The entries named in parts are replaced by the content they write,
// compressed concurrently: as archive/zip compresses (flate level 5, so
// that an entry with the same content has the same bytes as excelize's),
// or at flate.BestSpeed when one of them is large (partsLevel).
func repackWith(src []byte, day dates.Date, parts map[string]part) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, err
	}
	files := slices.Clone(zr.File)
	slices.SortFunc(files, func(a, b *zip.File) int { return cmp.Compare(a.Name, b.Name) })
	modDate, modTime := dosTime(day)
	packedParts, err := deflateParts(parts)
	if err != nil {
		return nil, err
	}

	var out bytes.Buffer
	size := len(src) + 1024
	for _, p := range packedParts {
		size += p.raw.n
	}
	out.Grow(size)
	zw := zip.NewWriter(&out)
	for _, f := range files {
		fh := &zip.FileHeader{
			Name:               f.Name,
			CreatorVersion:     20,
			ReaderVersion:      20,
			Method:             f.Method,
			ModifiedDate:       modDate,
			ModifiedTime:       modTime,
			CRC32:              f.CRC32,
			CompressedSize64:   f.CompressedSize64,
			UncompressedSize64: f.UncompressedSize64,
		}
		var raw []byte
		if p, ok := packedParts[f.Name]; ok {
			fh.Method = zip.Deflate
			fh.CRC32 = p.crc
			fh.CompressedSize64 = uint64(p.raw.n)
			fh.UncompressedSize64 = p.size
			w, err := zw.CreateRaw(fh)
			if err != nil {
				return nil, err
			}
			for _, c := range p.raw.chunks {
				if _, err := w.Write(c); err != nil {
					return nil, err
				}
			}
			continue
		} else if f.Name == contentTypesName {
			plain, err := readAll(f)
			if err != nil {
				return nil, err
			}
			if plain, err = canonicalContentTypes(plain); err != nil {
				return nil, fmt.Errorf("%s: %w", contentTypesName, err)
			}
			if raw, err = deflate(plain); err != nil {
				return nil, err
			}
			fh.Method = zip.Deflate
			fh.CRC32 = crc32.ChecksumIEEE(plain)
			fh.CompressedSize64 = uint64(len(raw))
			fh.UncompressedSize64 = uint64(len(plain))
		} else {
			// The entry as compressed, where it lies in src.
			at, err := f.DataOffset()
			if err != nil {
				return nil, err
			}
			if at < 0 || uint64(at)+f.CompressedSize64 > uint64(len(src)) {
				return nil, fmt.Errorf("%s: entry out of the package", f.Name)
			}
			raw = src[at : uint64(at)+f.CompressedSize64]
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

// dosTime encodes midnight of day as an MS-DOS date and time, the zip
// format's own: no time zone enters.
func dosTime(day dates.Date) (date, tm uint16) {
	y, m, d := day.YMD()
	return uint16((y-1980)<<9 | int(m)<<5 | d), 0
}

func readAll(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer func() { _ = rc.Close() }()
	return io.ReadAll(rc)
}

func deflate(b []byte) ([]byte, error) { return deflateLevel(b, flate.DefaultCompression) }

// zipLevel is the level archive/zip compresses at.
const zipLevel = 5

// fastPartSize is the guessed size of a part from which the parts are
// compressed at flate.BestSpeed rather than zipLevel. At country scale
// the shared string table and the three big sheets (2.5–3.6 MB each)
// take 150 ms of CPU at level 5 and 60 ms at BestSpeed, for a file of
// 1.55 MB rather than 1.16 MB. The small parts go at the same level, so
// that each goroutine needs one compressor (of 1 MB); a workbook with no
// large part keeps excelize's level, and bytes. A variable, so that the
// tests can compress fast.
//
// At BestSpeed the compressor is github.com/klauspost/compress/flate's
// (its level 1), not the standard library's: on the same 11 MB of a
// country month's XML, 70 ms of CPU instead of 135 ms (medians of 8
// runs), and 1.46 MB instead of 1.51 MB. Its output is plain deflate, as
// LibreOffice's test reads it (vi-fast).
var fastPartSize = 1 << 20

// partsLevel is the level parts are compressed at.
func partsLevel(parts map[string]part) int {
	for _, p := range parts {
		if p.size >= fastPartSize {
			return flate.BestSpeed
		}
	}
	return zipLevel
}

// part is new content for an entry of the package: write writes it, size
// guesses its length (the largest parts are compressed first). A part
// whose bulk was compressed while the workbook was still being built
// (a sheet's rows, the strings the sheets add) has it in mid, between
// what write and after write.
type part struct {
	size  int
	write func(w *bufio.Writer) error
	mid   *segment
	after func(w *bufio.Writer) error
}

// segment is content compressed on its own into deflate blocks none of
// which is the last, ending on a byte (a sync flush), so that it can go
// in the middle of another entry's stream: its bytes, the CRC-32 and the
// length of the content. Its blocks refer to nothing before them, which
// makes them valid wherever they go.
type segment struct {
	raw chunks
	crc uint32
	n   uint64
}

// deflateSegment compresses what write writes at level into a segment.
func deflateSegment(level int, write func(w *bufio.Writer)) (*segment, error) {
	seg := new(segment)
	fw, err := newFlate(&seg.raw, level)
	if err != nil {
		return nil, err
	}
	defer flates[level].Put(fw)
	sum := &sumWriter{w: fw}
	bw := bufio.NewWriterSize(sum, 64<<10)
	write(bw)
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	if err := fw.Flush(); err != nil {
		return nil, err
	}
	seg.crc, seg.n = sum.crc, sum.n
	return seg, nil
}

// deflater is a flate compressor: the standard library's, or at
// BestSpeed klauspost's (see fastPartSize).
type deflater interface {
	io.WriteCloser
	Flush() error
	Reset(w io.Writer)
}

// flates keeps the compressors of each level that are done with, for the
// next part or segment: a compressor is 0.7–1 MB to allocate and clear.
var flates [flate.BestCompression + 1]sync.Pool

// newFlate is a compressor at level writing to w, reusing one put back in
// flates.
func newFlate(w io.Writer, level int) (deflater, error) {
	if level >= 0 && level < len(flates) {
		if fw, ok := flates[level].Get().(deflater); ok {
			fw.Reset(w)
			return fw, nil
		}
	}
	if level == flate.BestSpeed {
		return kflate.NewWriter(w, kflate.BestSpeed)
	}
	return flate.NewWriter(w, level)
}

// zeros serve crc32Combine.
var zeros [16 << 10]byte

// crc32Combine is the CRC-32 (IEEE) of a followed by b, from the CRC-32 of
// a, that of b and the length of b. The CRC is affine in the state it
// starts from and the bytes: crc(a‖b) = update(crc(a), b) =
// update(crc(a), 0ⁿ) ⊕ update(0, b) ⊕ update(0, 0ⁿ), n being b's length.
func crc32Combine(crcA, crcB uint32, n uint64) uint32 {
	x, z := crcA, uint32(0)
	for n > 0 {
		k := min(n, uint64(len(zeros)))
		x = crc32.Update(x, crc32.IEEETable, zeros[:k])
		z = crc32.Update(z, crc32.IEEETable, zeros[:k])
		n -= k
	}
	return x ^ z ^ crcB
}

// packed is a part compressed: the raw deflate stream, the CRC-32 and the
// length of the content.
type packed struct {
	raw  chunks
	crc  uint32
	size uint64
}

// chunks is a writer that keeps what it is given in chunks of chunkSize
// bytes: no guess of the length to make, nothing copied as it grows.
type chunks struct {
	chunks [][]byte
	n      int
}

const chunkSize = 64 << 10

func (c *chunks) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 {
		k := len(c.chunks) - 1
		if k < 0 || len(c.chunks[k]) == cap(c.chunks[k]) {
			c.chunks = append(c.chunks, make([]byte, 0, chunkSize))
			k++
		}
		m := min(len(b), cap(c.chunks[k])-len(c.chunks[k]))
		c.chunks[k] = append(c.chunks[k], b[:m]...)
		b = b[m:]
	}
	c.n += n
	return n, nil
}

// deflateParts writes and compresses each of parts at partsLevel, on as
// many goroutines as there are processors, the largest first. The
// content goes through a buffer into the compressor and the checksum
// without ever being held whole; flate's output depends on the bytes
// alone, not on how they are split between writes, nor on whether the
// compressor is new or Reset (each goroutine keeps its compressor and
// buffer: a compressor is 0.7–1 MB to allocate and clear).
func deflateParts(parts map[string]part) (map[string]packed, error) {
	names := make([]string, 0, len(parts))
	for name := range parts {
		names = append(names, name)
	}
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(cmp.Compare(parts[b].size, parts[a].size), cmp.Compare(a, b))
	})
	out := make([]packed, len(names))
	errs := make([]error, len(names))
	next := make(chan int, len(names))
	for i := range names {
		next <- i
	}
	close(next)
	level := partsLevel(parts)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var panicked any
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A panic goes on on the caller's goroutine, as it would
			// without this one.
			defer func() {
				if r := recover(); r != nil {
					mu.Lock()
					panicked = r
					mu.Unlock()
				}
			}()
			c := compressor{level: level}
			for i := range next {
				out[i], errs[i] = c.deflatePart(parts[names[i]])
			}
			if c.fw != nil {
				flates[level].Put(c.fw)
			}
		}()
	}
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
	m := make(map[string]packed, len(names))
	for i, name := range names {
		if errs[i] != nil {
			return nil, fmt.Errorf("%s: %w", name, errs[i])
		}
		m[name] = out[i]
	}
	return m, nil
}

// compressor is one goroutine's flate writer, at level, and its buffered
// writer.
type compressor struct {
	level int
	fw    deflater
	bw    *bufio.Writer
}

// deflatePart writes p into the compressor.
func (c *compressor) deflatePart(p part) (packed, error) {
	buf := new(chunks)
	if c.fw == nil {
		var err error
		if c.fw, err = newFlate(buf, c.level); err != nil {
			return packed{}, err
		}
	} else {
		c.fw.Reset(buf)
	}
	fw := c.fw
	sum := &sumWriter{w: fw}
	if c.bw == nil {
		c.bw = bufio.NewWriterSize(sum, 64<<10)
	} else {
		c.bw.Reset(sum)
	}
	bw := c.bw
	if err := p.write(bw); err != nil {
		return packed{}, err
	}
	if p.mid != nil {
		// What write wrote ends on a byte, then come the segment's
		// blocks, then a stream that starts afresh (Reset) for what
		// after writes.
		if err := bw.Flush(); err != nil {
			return packed{}, err
		}
		if err := fw.Flush(); err != nil {
			return packed{}, err
		}
		for _, b := range p.mid.raw.chunks {
			_, _ = buf.Write(b)
		}
		sum.crc = crc32Combine(sum.crc, p.mid.crc, p.mid.n)
		sum.n += p.mid.n
		fw.Reset(buf)
		if err := p.after(bw); err != nil {
			return packed{}, err
		}
	}
	if err := bw.Flush(); err != nil {
		return packed{}, err
	}
	if err := fw.Close(); err != nil {
		return packed{}, err
	}
	return packed{raw: *buf, crc: sum.crc, size: sum.n}, nil
}

// sumWriter passes writes on to w, counting them and summing them.
type sumWriter struct {
	w   io.Writer
	crc uint32
	n   uint64
}

func (s *sumWriter) Write(b []byte) (int, error) {
	s.crc = crc32.Update(s.crc, crc32.IEEETable, b)
	s.n += uint64(len(b))
	return s.w.Write(b)
}

func deflateLevel(b []byte, level int) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(b)/4 + 64)
	fw, err := flate.NewWriter(&buf, level)
	if err != nil {
		return nil, err
	}
	if _, err := fw.Write(b); err != nil {
		return nil, err
	}
	if err := fw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// contentTypes is [Content_Types].xml (ECMA-376 Part 2, Open Packaging
// Conventions).
type contentTypes struct {
	XMLName   xml.Name              `xml:"http://schemas.openxmlformats.org/package/2006/content-types Types"`
	Defaults  []contentTypeDefault  `xml:"Default"`
	Overrides []contentTypeOverride `xml:"Override"`
}

type contentTypeDefault struct {
	Extension   string `xml:",attr"`
	ContentType string `xml:",attr"`
}

type contentTypeOverride struct {
	PartName    string `xml:",attr"`
	ContentType string `xml:",attr"`
}

// canonicalContentTypes sorts the Defaults by extension and the Overrides by
// part name, dropping exact duplicates.
func canonicalContentTypes(b []byte) ([]byte, error) {
	var ct contentTypes
	if err := xml.Unmarshal(b, &ct); err != nil {
		return nil, err
	}
	slices.SortFunc(ct.Defaults, func(a, b contentTypeDefault) int {
		return cmp.Or(cmp.Compare(a.Extension, b.Extension), cmp.Compare(a.ContentType, b.ContentType))
	})
	ct.Defaults = slices.Compact(ct.Defaults)
	slices.SortFunc(ct.Overrides, func(a, b contentTypeOverride) int {
		return cmp.Or(cmp.Compare(a.PartName, b.PartName), cmp.Compare(a.ContentType, b.ContentType))
	})
	ct.Overrides = slices.Compact(ct.Overrides)
	out, err := xml.Marshal(ct)
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), out...), nil
}
