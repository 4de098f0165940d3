//go:build unix

package planfs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestRawReadSameAsFile reads every kind of path a plan folder may hold
// with a Dir's system calls (Dir.readFile) and through os.File, into no
// buffer, a buffer too small and a buffer big enough: the bytes and the
// errors must be the same.
func TestRawReadSameAsFile(t *testing.T) {
	const limit = 100
	grow := func(by int) func(string) {
		return func(p string) {
			f, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if _, err := f.Write([]byte(strings.Repeat("g", by))); err != nil {
				t.Fatal(err)
			}
		}
	}
	cases := []struct {
		name   string
		rel    string
		layout func(t *testing.T, root, plan string)
		// opened, when set, runs on the file's path once it is open and
		// described, before it is read.
		opened func(path string)
	}{
		{"empty", "f.yaml", func(t *testing.T, root, plan string) { write(t, plan, "f.yaml", "") }, nil},
		{"small", "f.yaml", func(t *testing.T, root, plan string) { write(t, plan, "f.yaml", "a: 1\n") }, nil},
		{"in a folder", "tasks/f.yaml", func(t *testing.T, root, plan string) { write(t, plan, "tasks/f.yaml", "a: 1\n") }, nil},
		{"one under the limit", "f.yaml", func(t *testing.T, root, plan string) { write(t, plan, "f.yaml", strings.Repeat("x", limit-1)) }, nil},
		{"at the limit", "f.yaml", func(t *testing.T, root, plan string) { write(t, plan, "f.yaml", strings.Repeat("x", limit)) }, nil},
		{"one past the limit", "f.yaml", func(t *testing.T, root, plan string) { write(t, plan, "f.yaml", strings.Repeat("x", limit+1)) }, nil},
		{"far past the limit", "f.yaml", func(t *testing.T, root, plan string) { write(t, plan, "f.yaml", strings.Repeat("x", 10*limit)) }, nil},
		{"missing", "f.yaml", func(t *testing.T, root, plan string) {}, nil},
		{"invalid path", "../f.yaml", func(t *testing.T, root, plan string) { write(t, root, "f.yaml", "a: 1\n") }, nil},
		{"NUL in the path", "f\x00.yaml", func(t *testing.T, root, plan string) {}, nil},
		{"folder", "tasks", func(t *testing.T, root, plan string) { write(t, plan, "tasks/f.yaml", "a: 1\n") }, nil},
		{"the folder itself", ".", func(t *testing.T, root, plan string) {}, nil},
		{"FIFO", "f.yaml", func(t *testing.T, root, plan string) { mkfifo(t, filepath.Join(plan, "f.yaml")) }, nil},
		{"link inside", "l.yaml", func(t *testing.T, root, plan string) {
			write(t, plan, "tasks/f.yaml", "a: 1\n")
			link(t, "tasks/f.yaml", filepath.Join(plan, "l.yaml"))
		}, nil},
		{"link inside, too big", "l.yaml", func(t *testing.T, root, plan string) {
			write(t, plan, "f.yaml", strings.Repeat("x", limit+1))
			link(t, "f.yaml", filepath.Join(plan, "l.yaml"))
		}, nil},
		{"link outside", "l.yaml", func(t *testing.T, root, plan string) {
			write(t, root, "outside.yaml", "secret: 1\n")
			link(t, "../outside.yaml", filepath.Join(plan, "l.yaml"))
		}, nil},
		{"absolute link", "l.yaml", func(t *testing.T, root, plan string) {
			write(t, root, "outside.yaml", "secret: 1\n")
			link(t, filepath.Join(root, "outside.yaml"), filepath.Join(plan, "l.yaml"))
		}, nil},
		{"dangling link", "l.yaml", func(t *testing.T, root, plan string) { link(t, "nothing.yaml", filepath.Join(plan, "l.yaml")) }, nil},
		{"link to a FIFO", "l.yaml", func(t *testing.T, root, plan string) {
			mkfifo(t, filepath.Join(plan, "f.yaml"))
			link(t, "f.yaml", filepath.Join(plan, "l.yaml"))
		}, nil},
		{"link to a folder", "l.yaml", func(t *testing.T, root, plan string) {
			write(t, plan, "tasks/f.yaml", "a: 1\n")
			link(t, "tasks", filepath.Join(plan, "l.yaml"))
		}, nil},
		{"unreadable", "f.yaml", func(t *testing.T, root, plan string) {
			write(t, plan, "f.yaml", "a: 1\n")
			if err := os.Chmod(filepath.Join(plan, "f.yaml"), 0); err != nil {
				t.Fatal(err)
			}
		}, nil},
		{"grown a little while read", "f.yaml", func(t *testing.T, root, plan string) { write(t, plan, "f.yaml", "a: 1\n") }, grow(30)},
		{"grown by one byte while read", "f.yaml", func(t *testing.T, root, plan string) { write(t, plan, "f.yaml", "a: 1\n") }, grow(1)},
		{"grown to the limit while read", "f.yaml", func(t *testing.T, root, plan string) { write(t, plan, "f.yaml", "a: 1\n") }, grow(limit - 5)},
		{"grown past the limit while read", "f.yaml", func(t *testing.T, root, plan string) { write(t, plan, "f.yaml", "a: 1\n") }, grow(limit)},
		{"grown from empty while read", "f.yaml", func(t *testing.T, root, plan string) { write(t, plan, "f.yaml", "") }, grow(10)},
		{"shrunk while read", "f.yaml", func(t *testing.T, root, plan string) { write(t, plan, "f.yaml", strings.Repeat("x", 50)) }, func(p string) {
			if err := os.Truncate(p, 20); err != nil {
				t.Fatal(err)
			}
		}},
	}
	// What both ways must give, where the shared part (readAll) decides.
	want := map[string]string{
		"empty":                           `0 bytes ""`,
		"at the limit":                    fmt.Sprintf("%d bytes %q", limit, strings.Repeat("x", limit)),
		"one past the limit":              "*planfs.TooBigError {Size:101 AtLeast:false}",
		"link inside, too big":            "*planfs.TooBigError {Size:101 AtLeast:false}",
		"grown a little while read":       fmt.Sprintf("35 bytes %q", "a: 1\n"+strings.Repeat("g", 30)),
		"grown by one byte while read":    `6 bytes "a: 1\ng"`,
		"grown to the limit while read":   fmt.Sprintf("100 bytes %q", "a: 1\n"+strings.Repeat("g", limit-5)),
		"grown past the limit while read": "*planfs.TooBigError {Size:101 AtLeast:true}",
		"grown from empty while read":     `10 bytes "gggggggggg"`,
		"shrunk while read":               fmt.Sprintf("20 bytes %q", strings.Repeat("x", 20)),
		"FIFO":                            `error *errors.errorString "not a regular file"`,
	}
	// read reads case c through os.File, or with system calls (by the
	// file's path in the folder or, byPath, by its full path).
	read := func(t *testing.T, c int, raw, byPath bool, buf []byte) string {
		root := t.TempDir()
		plan := filepath.Join(root, "plan")
		if err := os.Mkdir(plan, 0o755); err != nil {
			t.Fatal(err)
		}
		cases[c].layout(t, root, plan)
		d, err := OpenDir(plan)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		if byPath {
			d.closeFD()
		}
		defer func(old bool) { rawRead, testHookOpened = old, nil }(rawRead)
		rawRead = raw
		if opened := cases[c].opened; opened != nil {
			testHookOpened = func(rel string) { opened(filepath.Join(plan, filepath.FromSlash(rel))) }
		}
		done := make(chan string, 1)
		go func() {
			b, err := ReadFileBuf(d, cases[c].rel, limit, buf)
			done <- describe(b, err)
		}()
		select {
		case got := <-done:
			return got
		case <-time.After(10 * time.Second): // a FIFO opened for reading blocks
			t.Fatal("ReadFileBuf hangs")
		}
		return ""
	}
	for c := range cases {
		t.Run(cases[c].name, func(t *testing.T) {
			for _, buf := range [][]byte{nil, make([]byte, 0, 4), make([]byte, 0, 4*limit)} {
				viaFile := read(t, c, false, false, buf)
				raw := read(t, c, true, false, buf)
				if raw != viaFile {
					t.Errorf("buffer of %d bytes: system calls read %s, os.File %s", cap(buf), raw, viaFile)
				}
				if byPath := read(t, c, true, true, buf); byPath != viaFile {
					t.Errorf("buffer of %d bytes: system calls by full path read %s, os.File %s", cap(buf), byPath, viaFile)
				}
				if w, ok := want[cases[c].name]; ok && raw != w {
					t.Errorf("buffer of %d bytes: read %s, want %s", cap(buf), raw, w)
				}
			}
		})
	}
}

// describe says what a read gave, errors by their kind and words.
func describe(b []byte, err error) string {
	var big *TooBigError
	switch {
	case errors.As(err, &big):
		return fmt.Sprintf("%T %+v", err, *big)
	case err != nil:
		return fmt.Sprintf("error %T %q", err, err)
	}
	return fmt.Sprintf("%d bytes %q", len(b), b)
}

func mkfifo(t *testing.T, p string) {
	t.Helper()
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWalkEachUnsizedSameAsWalk lists the hostile folder of
// TestWalkRefusesBeforeOpening both ways: the same files, refused for the
// same reasons in the same order, and what CheckListed says of each
// unsized file is what Walk listed.
func TestWalkEachUnsizedSameAsWalk(t *testing.T) {
	plan := hostile(t)
	d, err := OpenDir(plan)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	files, refused, err := Walk(d)
	if err != nil {
		t.Fatal(err)
	}
	write(t, plan, "tasks/.a.yaml.123.tmp", "left by a killed run\n") // removed again
	var lazy []File
	var lazyRefused []Refusal
	err = WalkEachUnsized(d, func(string) bool { return true },
		func(f File) { lazy = append(lazy, f) },
		func(r Refusal) { lazyRefused = append(lazyRefused, r) })
	if err != nil {
		t.Fatal(err)
	}
	if len(lazy) != len(files) {
		t.Fatalf("WalkEachUnsized listed %v, Walk %v", lazy, files)
	}
	unsized := 0
	for i, f := range lazy {
		want := files[i]
		if f.Size == SizeUnknown {
			unsized++
			if f.Rel != want.Rel || f.Mode != 0 || f.Link {
				t.Errorf("unsized file %+v, Walk listed %+v", f, want)
			}
			if got, r := CheckListed(d, f.Rel); r != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("CheckListed(%s) = %+v, %v; Walk listed %+v", f.Rel, got, r, want)
			}
			continue
		}
		if !reflect.DeepEqual(f, want) {
			t.Errorf("WalkEachUnsized listed %+v, Walk %+v", f, want)
		}
	}
	if unsized != 2 { // plan.yaml and tasks/a.yaml: the link is described
		t.Errorf("%d files listed unsized, want 2", unsized)
	}
	if !reflect.DeepEqual(lazyRefused, refused) {
		t.Errorf("WalkEachUnsized refused %v\nWalk refused            %v", lazyRefused, refused)
	}
	// Nothing is listed unsized but on a Dir, or when not asked.
	err = WalkEachUnsized(os.DirFS(plan), func(string) bool { return true }, func(f File) {
		if f.Size == SizeUnknown {
			t.Errorf("%s listed unsized from os.DirFS", f.Rel)
		}
	}, func(Refusal) {})
	if err != nil {
		t.Fatal(err)
	}
	err = WalkEachUnsized(d, func(rel string) bool { return rel != "plan.yaml" }, func(f File) {
		if (f.Size == SizeUnknown) != (f.Rel == "tasks/a.yaml") {
			t.Errorf("%s listed with size %d", f.Rel, f.Size)
		}
	}, func(Refusal) {})
	if err != nil {
		t.Fatal(err)
	}
}

// TestCheckListedAfterChange: a file listed unsized that is no longer a
// regular file when read is what Walk would now say it is.
func TestCheckListedAfterChange(t *testing.T) {
	root := t.TempDir()
	plan := filepath.Join(root, "plan")
	write(t, plan, "plan.yaml", "id: x\n")
	write(t, root, "outside.yaml", "secret: 1\n")
	for _, rel := range []string{"a.yaml", "b.yaml", "c.yaml", "e.yaml", "tasks/t.yaml"} {
		write(t, plan, rel, "a: 1\n")
	}
	d, err := OpenDir(plan)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var lazy []File
	if err := WalkEachUnsized(d, func(string) bool { return true }, func(f File) { lazy = append(lazy, f) }, func(Refusal) {}); err != nil {
		t.Fatal(err)
	}
	if len(lazy) != 6 {
		t.Fatalf("listed %v", lazy)
	}
	for _, rel := range []string{"a.yaml", "b.yaml", "c.yaml", "e.yaml"} {
		if err := os.Remove(filepath.Join(plan, rel)); err != nil {
			t.Fatal(err)
		}
	}
	mkfifo(t, filepath.Join(plan, "a.yaml"))
	link(t, "nothing.yaml", filepath.Join(plan, "b.yaml"))
	link(t, "../outside.yaml", filepath.Join(plan, "c.yaml"))
	link(t, "tasks", filepath.Join(plan, "e.yaml"))
	if err := os.Remove(filepath.Join(plan, "plan.yaml")); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(d, "a.yaml", MaxFileSize); !errors.Is(err, ErrNotRegular) {
		t.Errorf("ReadFile(FIFO) = %v", err)
	}
	_, walked, err := Walk(d)
	if err != nil {
		t.Fatal(err)
	}
	if len(walked) != 4 {
		t.Errorf("Walk refused %v", walked)
	}
	for _, rel := range []string{"a.yaml", "b.yaml", "c.yaml", "e.yaml", "plan.yaml", "tasks/t.yaml"} {
		f, r := CheckListed(d, rel)
		var want *Refusal
		for i := range walked {
			if walked[i].Rel == rel {
				want = &walked[i]
			}
		}
		if rel == "plan.yaml" {
			// Gone: Walk does not meet it any more; the walker would
			// have found it unreadable between listing and describing.
			if r == nil || r.Reason != Unreadable || !errors.Is(r.Err, fs.ErrNotExist) {
				t.Errorf("CheckListed(plan.yaml) = %v, %v", f, r)
			}
			continue
		}
		if (r == nil) != (want == nil) || (r != nil && r.Reason != want.Reason) {
			t.Errorf("CheckListed(%s) = %+v, %v; Walk refused %v", rel, f, r, want)
		}
	}
}

// TestReadAllNoEOFRead: a file read to the size it was described with is
// not asked once more for its end; one that grew or shrank is read to its
// end.
func TestReadAllNoEOFRead(t *testing.T) {
	for _, c := range []struct {
		name       string
		size       int64 // as described
		content    string
		wantReads  int
		wantResult string
	}{
		{"empty", 0, "", 1, `0 bytes ""`},
		{"as described", 5, "a: 1\n", 1, `5 bytes "a: 1\n"`},
		{"grown", 3, "a: 1\n", 3, `5 bytes "a: 1\n"`},
		{"shrunk", 9, "a: 1\n", 2, `5 bytes "a: 1\n"`},
		{"described empty, not empty", 0, "a: 1\n", 3, `5 bytes "a: 1\n"`},
	} {
		rest, reads, eof := c.content, 0, false
		read := func(p []byte) (int, error) {
			reads++
			if rest == "" {
				eof = true
				return 0, io.EOF
			}
			n := copy(p, rest)
			rest = rest[n:]
			return n, nil
		}
		b, err := readAll(read, c.size, 100, nil, true)
		if got := describe(b, err); got != c.wantResult || reads != c.wantReads {
			t.Errorf("%s: %s in %d reads, want %s in %d", c.name, got, reads, c.wantResult, c.wantReads)
		}
		// A file that may read short is read to its end.
		rest, eof = c.content, false
		b, err = readAll(read, c.size, 100, nil, false)
		if got, want := describe(b, err), c.wantResult; got != want || !eof {
			t.Errorf("%s, not whole: %s, read to the end %v; want %s to the end", c.name, got, eof, want)
		}
	}
}

// TestUnsearchableFolder: a folder that may be listed but not searched
// (mode r without x) is refused as a whole, as os.Root lists it, the
// same whether the files read are listed unsized or not. Root searches
// any folder: run as another user.
func TestUnsearchableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root searches any folder")
	}
	plan := t.TempDir()
	write(t, plan, "plan.yaml", "id: x\n")
	write(t, plan, "reports/2024-03/a.yaml", "a: 1\n")
	write(t, plan, "reports/2024-03/b.yaml", "a: 1\n")
	if err := os.Chmod(filepath.Join(plan, "reports", "2024-03"), 0o644); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(filepath.Join(plan, "reports", "2024-03"), 0o755)
	d, err := OpenDir(plan)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	files, refused, err := Walk(d)
	if err != nil {
		t.Fatal(err)
	}
	var lazy []File
	var lazyRefused []Refusal
	err = WalkEachUnsized(d, func(string) bool { return true },
		func(f File) { lazy = append(lazy, f) },
		func(r Refusal) { lazyRefused = append(lazyRefused, r) })
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || len(lazy) != 1 || len(refused) != 1 || refused[0].Rel != "reports/2024-03" ||
		!errors.Is(refused[0].Err, fs.ErrPermission) || !reflect.DeepEqual(refused, lazyRefused) {
		t.Errorf("Walk = %v, %v; WalkEachUnsized = %v, %v; want plan.yaml and reports/2024-03 refused as unreadable", files, refused, lazy, lazyRefused)
	}
}

// BenchmarkReadFileBuf reads the files of a folder of reports, reusing
// one buffer, with system calls alone and through os.File.
func BenchmarkReadFileBuf(b *testing.B) {
	plan := b.TempDir()
	var rels []string
	for i := range 64 {
		rel := fmt.Sprintf("reports/2024-03/unit-%03d.yaml", i)
		p := filepath.Join(plan, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(strings.Repeat("tasks: [a, b]\n", 80)), 0o644); err != nil {
			b.Fatal(err)
		}
		rels = append(rels, rel)
	}
	d, err := OpenDir(plan)
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	for _, raw := range []bool{true, false} {
		name := "os.File"
		if raw {
			name = "syscalls"
		}
		b.Run(name, func(b *testing.B) {
			defer func(old bool) { rawRead = old }(rawRead)
			rawRead = raw
			b.ReportAllocs()
			var buf []byte
			for b.Loop() {
				for _, rel := range rels {
					if buf, err = ReadFileBuf(d, rel, MaxFileSize, buf); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(rels)), "ns/file")
		})
	}
}
