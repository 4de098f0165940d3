// Package load reads a plan folder (any fs.FS: a directory today, a git
// revision for `plan06 diff`) into a model.Plan, decoding through yaml.Node
// so that every value keeps its line and column. Files in the plain subset
// of YAML that plan06 writes are read into that tree by fastParse; all
// others by the YAML library. It reports every problem it meets as a
// diagnostic and carries on; it never skips a file silently.
package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/plan06/plan06/internal/diag"
	"github.com/plan06/plan06/internal/model"
	"github.com/plan06/plan06/internal/planfs"
	"github.com/plan06/plan06/internal/yamlpos"
	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest plan file read (SPEC §2.2): a bigger one is an
// error, not a slow run.
const MaxFileSize = planfs.MaxFileSize

// ErrNoPlan is returned (wrapped) when the folder has no plan.yaml.
var ErrNoPlan = errors.New("no plan.yaml")

// fileKind says what a path under the plan folder holds.
type fileKind int

const (
	kindStray fileKind = iota
	kindPlan
	kindUnits
	kindCalendar
	kindTasks
	kindReport
	kindIgnored // README.md and folders' own files we leave alone
	kindNotes   // notes/YYYY-MM.md: markdown read as bytes (see notes.go)
)

// splitReportPath splits "reports/MONTH/UNIT.yaml" (or .yml) into its
// month and unit parts, whatever they hold; ok is false for any other shape.
// It runs once per report file, 100,000 times at country scale.
func splitReportPath(rel string) (month, unit string, ok bool) {
	rest, ok := strings.CutPrefix(rel, "reports/")
	if !ok {
		return "", "", false
	}
	month, file, ok := strings.Cut(rest, "/")
	if !ok || month == "" || strings.Contains(file, "/") {
		return "", "", false
	}
	if unit, ok = strings.CutSuffix(file, ".yaml"); !ok {
		unit, ok = strings.CutSuffix(file, ".yml")
	}
	return month, unit, ok && unit != ""
}

// classify names the kind of a path relative to the plan folder.
func classify(rel string) fileKind {
	isYAML := strings.HasSuffix(rel, ".yaml") || strings.HasSuffix(rel, ".yml")
	base := strings.TrimSuffix(strings.TrimSuffix(rel, ".yaml"), ".yml")
	switch {
	case rel == "README.md" || strings.HasSuffix(rel, "/README.md"):
		return kindIgnored
	case strings.HasPrefix(rel, "notes/") && strings.HasSuffix(rel, ".md"):
		return kindNotes
	case !isYAML:
		return kindStray
	case base == "plan":
		return kindPlan
	case base == "units":
		return kindUnits
	case base == "calendar":
		return kindCalendar
	case strings.HasPrefix(rel, "tasks/") && !strings.Contains(rel[len("tasks/"):], "/"):
		return kindTasks
	case isReportPath(rel):
		return kindReport
	}
	return kindStray
}

func isReportPath(rel string) bool { _, _, ok := splitReportPath(rel); return ok }

// source is one file read from the plan folder.
type source struct {
	rel  string // path relative to the plan folder
	name string // path as shown to the user (dir/rel)
	kind fileKind
	doc  *yaml.Node // the document's root content; nil when unreadable
	diag diag.Diagnostics
	// report is the decoded report of a report file. Reports are decoded
	// as soon as they are parsed, on the worker, so that their node trees
	// never pile up: at country scale there are 100,000 of them.
	report *model.Report
	// text is the content of a notes file, kept as bytes (checked as
	// UTF-8, nothing else): the notes are markdown, not YAML.
	text []byte
	// unsized is set for a file listed without its size (see walkRead);
	// refused for such a file that the walker would not have listed:
	// diag then holds the refusal alone.
	unsized, refused bool
}

// walkRead lists the files of the plan folder in lexical order, through
// the one walker of plan06 (internal/planfs): only regular files inside
// the folder are listed, and every path refused is a diagnostic. Each file
// is read and parsed as soon as it is listed, on every core (see read): at
// country scale there are 100,000 report files, and listing them is a
// tenth of the time they take to read.
//
// The files read are listed without being described (planfs.
// WalkEachUnsized): their size is learned when they are read, and counted
// then by the memory guard. A file whose reading fails is looked at again
// as the walker would have (planfs.CheckListed): when the walker would
// have refused it, it is reported as refused, in the walker's order, and
// dropped from the list, so that the diagnostics are those of a walk that
// describes every file.
func walkRead(fsys fs.FS, dir string) ([]*source, diag.Diagnostics, error) {
	// Files go to the workers a batch at a time: one by one, the hand-over
	// costs about as much as a small report's reading.
	const batch = 32
	var mem memoryGuard
	work := make(chan []*source, 16)
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			a := new(arena)
			for part := range work {
				for _, f := range part {
					f.read(fsys, a, &mem)
				}
			}
		})
	}
	var files []*source
	var next []*source
	var refused []planfs.Refusal
	var refusedAt []int // how many files were listed before each refusal
	unsized := func(rel string) bool { return lazyListing && reads(classify(rel)) }
	err := planfs.WalkEachUnsized(fsys, unsized, func(f planfs.File) {
		s := &source{rel: f.Rel, name: join(dir, f.Rel), kind: classify(f.Rel)}
		files = append(files, s)
		if f.Size == planfs.SizeUnknown {
			s.unsized = true
		} else {
			mem.add(f.Size)
		}
		if reads(s.kind) {
			next = append(next, s)
			if len(next) == batch {
				work <- next
				next = nil
			}
		}
	}, func(r planfs.Refusal) {
		refused = append(refused, r)
		refusedAt = append(refusedAt, len(files))
	})
	if len(next) > 0 {
		work <- next
	}
	close(work)
	wg.Wait()
	mem.done()
	var diags diag.Diagnostics
	kept := files[:0]
	for i, f := range files {
		for len(refusedAt) > 0 && refusedAt[0] <= i {
			diags = append(diags, refusal(dir, refused[0]))
			refused, refusedAt = refused[1:], refusedAt[1:]
		}
		if f.refused {
			diags = append(diags, f.diag...)
			continue
		}
		kept = append(kept, f)
	}
	for _, r := range refused {
		diags = append(diags, refusal(dir, r))
	}
	clear(files[len(kept):])
	return kept, diags, err
}

// lazyListing lets walkRead list the files it reads without describing
// them; TestLazyListingSameResult turns it off to compare.
var lazyListing = true

// testHookRead, when set, runs before a file listed without its size is
// read: a test changes the file there, after it was listed.
var testHookRead func(rel string)

// reads reports whether walkRead reads files of kind k.
func reads(k fileKind) bool { return k != kindStray && k != kindIgnored }

// refusal is the diagnostic for a path the walker did not list.
func refusal(dir string, r planfs.Refusal) diag.Diagnostic {
	return refusalAt(join(dir, r.Rel), r)
}

// refusalAt is the diagnostic for a path the walker did not list, shown
// to the user as name.
func refusalAt(name string, r planfs.Refusal) diag.Diagnostic {
	pos := diag.File(name)
	d := diag.Diagnostic{Pos: pos, Severity: diag.Error}
	switch r.Reason {
	case planfs.LinkOutside:
		d.Key = "symlink-outside"
	case planfs.LinkDir:
		d.Key = "symlink-dir"
	case planfs.Dangling:
		d.Key = "symlink-dangling"
	case planfs.NotRegular:
		d.Key = "not-regular"
	default:
		d.Key, d.Args = "unreadable", []any{errText(r.Err)}
	}
	return d
}

func errText(err error) string {
	if err == nil {
		return "unknown error"
	}
	return err.Error()
}

func join(dir, rel string) string {
	if dir == "" || dir == "." {
		return rel
	}
	return strings.TrimSuffix(dir, "/") + "/" + rel
}

// read loads one file into f.doc, or records why it cannot. The size is
// checked before the file is opened, and again while it is read. A report
// file is decoded at once, its tree built in a (see arena).
func (f *source) read(fsys fs.FS, a *arena, mem *memoryGuard) {
	if rev, ok := fsys.(Revision); ok && f.kind == kindReport {
		if id, ok := rev.BlobID(f.rel); ok {
			key := f.name + "\x00" + f.rel + "\x00" + id
			store := rev.DecodedReports()
			if v, ok := store.Load(key); ok {
				d := v.(decodedReport)
				f.report = d.report
				f.diag = append(f.diag, d.diag...)
				return
			}
			before := len(f.diag)
			defer func() {
				store.Store(key, decodedReport{report: f.report, diag: slices.Clone(f.diag[before:])})
			}()
		}
	}
	// Only a folder on disk reads into the worker's buffer: a git
	// revision hands over blobs it holds (see planfs.ReadFileBuf).
	_, onDisk := fsys.(*planfs.Dir)
	reuse := onDisk && f.kind == kindReport && a != nil && reuseBuffers
	var buf []byte
	if reuse {
		buf = a.buf // nothing keeps a report's bytes: see arena.buf
	}
	if testHookRead != nil && f.unsized {
		testHookRead(f.rel)
	}
	b, err := planfs.ReadFileBuf(fsys, f.rel, MaxFileSize, buf)
	if err != nil {
		f.readFailed(fsys, err, mem)
		return
	}
	if f.unsized {
		mem.add(int64(len(b)))
	}
	if f.kind == kindNotes {
		f.notes(b)
		return
	}
	if f.kind != kindReport {
		f.doc = parse(f.name, b, &f.diag, nil)
		return
	}
	if reuse && cap(b) <= maxReused {
		a.buf = b
	}
	if fastPath && f.direct(b, a) {
		return
	}
	f.doc = parse(f.name, b, &f.diag, a)
	f.decodeReport()
	a.reset()
}

// readFailed records why the file could not be read. A file listed
// without its size that the walker would have refused is refused (see
// walkRead); the size of one too big is counted by the memory guard, as
// the walker would have counted it. (Apart from read, so that the error
// it looks into does not cost read an allocation per file.)
func (f *source) readFailed(fsys fs.FS, err error, mem *memoryGuard) {
	whole := diag.File(f.name)
	var big *planfs.TooBigError
	isBig := errors.As(err, &big)
	if f.unsized {
		switch {
		case isBig && !big.AtLeast:
			mem.add(big.Size)
		case isBig:
		default:
			// Would the walker have refused it? Then it is refused.
			if _, r := planfs.CheckListed(fsys, f.rel); r != nil {
				f.refused = true
				f.diag = append(f.diag[:0], refusalAt(f.name, *r))
				return
			}
		}
	}
	switch {
	case isBig && big.AtLeast:
		f.diag.Errorf(whole, "too-big-grew", big.Size-1, int64(MaxFileSize))
	case isBig:
		f.diag.Errorf(whole, "too-big-bytes", big.Size, int64(MaxFileSize))
	case errors.Is(err, planfs.ErrNotRegular):
		f.diag.Errorf(whole, "not-regular")
	default:
		f.diag.Errorf(whole, "unreadable", err.Error())
	}
}

// maxReused is the largest read buffer a worker keeps for the next report.
const maxReused = 1 << 20

// reuseBuffers lets workers read report files into the buffer of the last
// one; TestReusedBuffersSameResult turns it off to show that no string of
// a plan points into a file's bytes.
var reuseBuffers = true

// direct decodes a report file that directReport reads, identity from the
// path, and reports whether it did.
func (f *source) direct(b []byte, a *arena) bool {
	month, unit, okMonth, okUnit := reportIdentity(f.rel)
	if !okMonth || !okUnit {
		return false // the usual way says what is wrong with the path
	}
	r := &model.Report{File: f.name, Month: month, Unit: unit}
	if !directReport(b, f.name, r, a) {
		return false
	}
	f.report = r
	return true
}

// decodeReport turns a report file into its model, identity from the path.
func (f *source) decodeReport() {
	r := &model.Report{File: f.name}
	month, unit, okMonth, okUnit := reportIdentity(f.rel)
	if !okMonth {
		f.diag.Errorf(diag.File(f.name), "bad-report-month", f.rel)
	}
	if !okUnit {
		f.diag.Errorf(diag.File(f.name), "bad-report-unit", f.rel)
	}
	r.Month, r.Unit = month, unit
	if f.doc != nil {
		d := &decoder{file: f.name}
		d.reportFile(f.doc, r)
		f.diag = append(f.diag, d.diags...)
		f.doc = nil
	}
	if okMonth && okUnit {
		f.report = r
	}
}

// Revision is a file system read from a git revision (internal/gitrev):
// it names the content of each regular file (its blob id) and shares, with
// the other revisions of the same repository read by one command, the
// reports already decoded. A report file whose path, name and content are
// those of one decoded before is not read again: its report and
// diagnostics are those of the first (reports are not changed once
// loaded), so diff decodes the reports that did not change between its two
// revisions once.
type Revision interface {
	BlobID(name string) (string, bool)
	DecodedReports() *sync.Map
}

// decodedReport is what reading a report file gave: its report (nil when
// it could not be read) and the diagnostics reading it added.
type decodedReport struct {
	report *model.Report
	diag   diag.Diagnostics
}

// fastPath lets plain-subset files skip the YAML library (see fastParse);
// TestFastPathSameResult turns it off to compare the two readers.
var fastPath = true

// parse turns file bytes into the root node of its single document.
// Nodes the fast path reads are built in a when it is not nil.
func parse(name string, b []byte, ds *diag.Diagnostics, a *arena) (root *yaml.Node) {
	whole := diag.File(name)
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(b) { // the fast check; the position only when needed
		line, col, _ := yamlpos.FirstInvalidUTF8(b)
		ds.Errorf(diag.At(name, line, col), "invalid-utf8")
		return nil
	}
	if len(bytes.TrimSpace(b)) == 0 {
		ds.Errorf(whole, "empty-file")
		return nil
	}
	if fastPath {
		if root := fastParse(b, a); root != nil {
			return root // the common case: see fastParse
		}
	}
	if line, col, r, ok := yamlpos.FirstControl(b); ok {
		// The library says "control characters are not allowed", nowhere.
		ds.Errorf(diag.At(name, line, col), "control-byte", fmt.Sprintf("U+%04X", r))
		return nil
	}
	defer func() {
		// The parser is mature, but a compliance tool must never crash on a
		// file: turn any panic into a diagnostic.
		if r := recover(); r != nil {
			ds.Errorf(whole, "yaml-syntax", fmt.Sprint(r))
			root = nil
		}
	}()
	var doc yaml.Node
	if !mayHoldSeveralDocuments(b) {
		// The common case, parsed straight from memory: yaml.Unmarshal reads
		// the bytes in place, where the streaming decoder copies them.
		if err := yaml.Unmarshal(b, &doc); err != nil {
			syntaxError(ds, name, b, err)
			return nil
		}
	} else {
		dec := yaml.NewDecoder(bytes.NewReader(b))
		if err := dec.Decode(&doc); err != nil {
			if errors.Is(err, io.EOF) {
				ds.Errorf(whole, "empty-file")
				return nil
			}
			syntaxError(ds, name, b, err)
			return nil
		}
		var extra yaml.Node
		if err := dec.Decode(&extra); err == nil {
			ds.Errorf(diag.At(name, extra.Line, extra.Column), "many-documents")
		} else if !errors.Is(err, io.EOF) {
			syntaxError(ds, name, b, err)
			return nil
		}
	}
	if len(doc.Content) == 0 || doc.Content[0].ShortTag() == "!!null" {
		ds.Errorf(whole, "empty-file")
		return nil
	}
	if n, key := treeProblem(doc.Content[0], 0); n != nil {
		pos := diag.At(name, n.Line, n.Column)
		switch key {
		case "alias":
			ds.Errorf(whole, "alias")
		case "too-deep":
			ds.Errorf(pos, "too-deep", maxDepth)
		default:
			ds.Errorf(pos, "yaml-tag", n.Tag)
		}
		return nil
	}
	return doc.Content[0]
}

// mayHoldSeveralDocuments reports whether b may hold a second document: a
// document marker ("---" or "...") at the start of a line, or a carriage
// return, which this scan does not take for a line break.
func mayHoldSeveralDocuments(b []byte) bool {
	// A file with a carriage return (CRLF, or a lone CR from an old Mac)
	// breaks lines where this scan does not look, and one that opens with
	// a marker may hold another right after it: the decoder tells.
	if bytes.IndexByte(b, '\r') >= 0 || bytes.HasPrefix(b, []byte("---")) || bytes.HasPrefix(b, []byte("...")) {
		return true
	}
	for i := bytes.IndexByte(b, '\n'); i >= 0 && i+3 < len(b)+1; {
		rest := b[i+1:]
		if bytes.HasPrefix(rest, []byte("---")) || bytes.HasPrefix(rest, []byte("...")) {
			return true
		}
		j := bytes.IndexByte(rest, '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return false
}

// maxDepth bounds the nesting of a plan file: they nest five levels at
// most, and a deeper tree is a mistake or an attack on the reader.
const maxDepth = 64

// treeProblem finds the first node of the tree that plan files may not
// hold, and says what it is: "alias" (aliases hide content from people
// reading diffs and can blow up in size, the billion laughs), "too-deep",
// or "tag" for an explicit tag (!!binary, !!python/object:…: plan files
// hold text, numbers, dates and booleans, written out).
func treeProblem(n *yaml.Node, depth int) (*yaml.Node, string) {
	switch {
	case n.Kind == yaml.AliasNode:
		return n, "alias"
	case depth > maxDepth:
		return n, "too-deep"
	case n.Style&yaml.TaggedStyle != 0:
		return n, "tag"
	}
	for _, c := range n.Content {
		if bad, key := treeProblem(c, depth+1); bad != nil {
			return bad, key
		}
	}
	return nil, ""
}

// syntaxError records a parser error at the place fmt names too, with a
// plain hint for tabs, the commonest cause in files edited by hand
// (yamlpos.Syntax, which fmt reports through as well).
func syntaxError(ds *diag.Diagnostics, name string, b []byte, err error) {
	line, col, msg, tab := yamlpos.Syntax(b, err)
	pos := diag.File(name)
	if line > 0 {
		pos = diag.At(name, line, col)
	}
	if tab {
		ds.Errorf(pos, "yaml-tab")
		return
	}
	ds.Errorf(pos, "yaml-syntax", msg)
}
