// Package planfs is the one way plan06 reads a plan folder: every command
// that reads plan files (validate, status, report, fmt, diff, new report,
// import) lists them with Walk and reads them with ReadFile. Only regular
// files inside the folder are read: links leading out of it, links to
// folders, FIFOs, sockets and devices are refused before they are opened,
// and no file is read past its size cap. A folder without plan.yaml is
// refused before anything else is listed.
package planfs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
)

// MaxFileSize is the largest plan file read (SPEC §2.2): a bigger one is an
// error, not a slow run.
const MaxFileSize = 8 << 20

// ErrNotRegular is the error for a FIFO, socket, device or other file that
// is not a plain file: reading one may hang or never end.
var ErrNotRegular = errors.New("not a regular file")

// TooBigError says that a file is larger than the cap. Size is the file's
// size when it is known before reading, else the number of bytes read
// before stopping (the file is at least that big).
type TooBigError struct {
	Size    int64
	AtLeast bool // Size is a lower bound: the file grew while being read
}

func (e *TooBigError) Error() string {
	if e.AtLeast {
		return fmt.Sprintf("file too big (more than %d bytes)", e.Size-1)
	}
	return fmt.Sprintf("file too big (%d bytes)", e.Size)
}

// Reason says why the walker refused a path.
type Reason int

const (
	// LinkOutside is a symbolic link whose target is outside the folder
	// (absolute, climbing out with "..", or unresolvable inside it).
	LinkOutside Reason = iota + 1
	// LinkDir is a symbolic link to a folder: never followed.
	LinkDir
	// Dangling is a symbolic link to nothing.
	Dangling
	// NotRegular is a FIFO, socket or device, directly or through a link.
	NotRegular
	// Unreadable is a path whose mode could not be read.
	Unreadable
)

// Refusal is a path the walker did not list, and why.
type Refusal struct {
	Rel    string // path relative to the folder, with '/'
	Reason Reason
	Err    error // for Unreadable
}

// File is a regular file of the folder, with its size before reading.
type File struct {
	Rel string
	// Size is the file's size when listed, or SizeUnknown for a file
	// WalkEachUnsized listed without describing it.
	Size int64
	// Mode is the file's mode (the file a link leads to, for a link); only
	// its type (0: regular) for a file listed with SizeUnknown.
	Mode fs.FileMode
	// Link is set for a link inside the folder, listed as the file it
	// leads to.
	Link bool
}

// HasPlan reports whether the folder holds plan.yaml or plan.yml. It looks
// at those two names only: a folder that is not a plan (say "/") is
// recognised at once, without listing it.
func HasPlan(fsys fs.FS) bool {
	for _, name := range []string{"plan.yaml", "plan.yml"} {
		if _, err := lstat(fsys, name); err == nil {
			return true
		}
	}
	return false
}

// Walk lists the regular files of the folder in lexical order, and the
// paths it refused. Folders named .git are skipped (a plan kept at the root
// of its repository). Temporary files of an interrupted write (see
// TempFile) are skipped too, and removed when their writer is gone, when
// fsys is a Dir. The error is for a folder that cannot be listed at all.
func Walk(fsys fs.FS) (files []File, refused []Refusal, err error) {
	refused, err = WalkEach(fsys, func(f File) { files = append(files, f) })
	return files, refused, err
}

// WalkEach is Walk calling each for every file as it is listed, in
// lexical order, so that a caller may start on a file before the folder is
// listed to its end.
func WalkEach(fsys fs.FS, each func(File)) (refused []Refusal, err error) {
	err = walk(fsys, nil, each, func(r Refusal) { refused = append(refused, r) })
	return refused, err
}

// SizeUnknown is the Size of a file listed by WalkEachUnsized without
// being described.
const SizeUnknown = -1

// WalkEachUnsized is WalkEach calling refuse for every path refused, as it
// is met, and listing a file for which unsized(rel) is true without
// describing it when fsys is a Dir and the folder listing says the file is
// a regular file: Size is SizeUnknown and Mode 0. Describing it would cost
// a system call per file (lstat) that reading it makes again (the reader
// describes the open file): at country scale 100,000 of them.
//
// A file listed so must be read with ReadFile or ReadFileBuf, which refuse
// anything that is not a regular file after opening it, and the size is
// learned then. When that read fails, CheckListed says whether WalkEach
// would have refused the path, and why: a file listed unsized is then
// reported as WalkEach would have reported it.
func WalkEachUnsized(fsys fs.FS, unsized func(rel string) bool, each func(File), refuse func(Refusal)) error {
	if _, ok := fsys.(*Dir); !ok {
		unsized = nil
	}
	return walk(fsys, unsized, each, refuse)
}

// CheckListed looks at rel, listed by the folder listing as a regular
// file, as WalkEach would now: it returns the file when WalkEach would
// list it, else why not. A path that is no longer a regular file (a FIFO
// or a link put in its place) is judged as what it is now, as a walk
// meeting it would; a path that cannot be described is refused as the
// walk refuses a listed file it cannot describe, in the same words.
func CheckListed(fsys fs.FS, rel string) (File, *Refusal) {
	info, err := lstat(fsys, rel)
	if err != nil || info.Mode().IsRegular() || info.IsDir() {
		return check(fsys, rel, 0, func() (fs.FileInfo, error) { return info, err })
	}
	return check(fsys, rel, info.Mode().Type(), func() (fs.FileInfo, error) { return info, nil })
}

func walk(fsys fs.FS, unsized func(string) bool, each func(File), refuse func(Refusal)) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." {
				return err
			}
			refuse(Refusal{Rel: p, Reason: Unreadable, Err: err})
			return nil
		}
		if p == "." {
			return nil
		}
		if d.IsDir() {
			if d.Name() == ".git" {
				return fs.SkipDir
			}
			return nil
		}
		if IsTemp(d.Name()) {
			if dir, ok := fsys.(*Dir); ok && dir.temp(p) {
				return nil
			}
		}
		if typ := d.Type(); typ.IsRegular() && unsized != nil && unsized(p) {
			each(File{Rel: p, Size: SizeUnknown})
			return nil
		}
		f, r := check(fsys, p, d.Type(), d.Info)
		if r != nil {
			refuse(*r)
			return nil
		}
		each(f)
		return nil
	})
}

// Check looks at one path of the folder as Walk does: it returns the file
// when it may be read, else why not.
func Check(fsys fs.FS, rel string) (File, *Refusal) {
	info, err := lstat(fsys, rel)
	if err != nil {
		return File{}, &Refusal{Rel: rel, Reason: Unreadable, Err: err}
	}
	if info.IsDir() {
		return File{}, &Refusal{Rel: rel, Reason: Unreadable, Err: errors.New("is a folder")}
	}
	return check(fsys, rel, info.Mode().Type(), func() (fs.FileInfo, error) { return info, nil })
}

// check decides on path p of type typ (from the folder listing, links not
// followed) without opening it; linfo describes p itself, link or not.
func check(fsys fs.FS, p string, typ fs.FileMode, linfo func() (fs.FileInfo, error)) (File, *Refusal) {
	refuse := func(r Reason, err error) (File, *Refusal) {
		return File{}, &Refusal{Rel: p, Reason: r, Err: err}
	}
	if typ&fs.ModeSymlink != 0 {
		if !linkInside(fsys, p) {
			return refuse(LinkOutside, nil)
		}
	} else if !typ.IsRegular() {
		return refuse(NotRegular, nil)
	} else if info, err := linfo(); err == nil && info.Mode().IsRegular() {
		return File{Rel: p, Size: info.Size(), Mode: info.Mode()}, nil // the common case: no link to follow
	}
	info, err := fs.Stat(fsys, p) // follows a link, inside the folder
	switch {
	case errors.Is(err, fs.ErrNotExist) && typ&fs.ModeSymlink != 0:
		return refuse(Dangling, nil)
	case err != nil && typ&fs.ModeSymlink != 0:
		return refuse(LinkOutside, nil) // os.Root refuses a path that escapes
	case err != nil:
		return refuse(Unreadable, err)
	case info.IsDir():
		return refuse(LinkDir, nil)
	case !info.Mode().IsRegular():
		return refuse(NotRegular, nil)
	}
	return File{Rel: p, Size: info.Size(), Mode: info.Mode(), Link: typ&fs.ModeSymlink != 0}, nil
}

// linkInside reports whether the link at p names a path inside the folder.
// The final word belongs to the file system: a Dir refuses any path that
// resolves outside, through however many links.
func linkInside(fsys fs.FS, p string) bool {
	target, err := fs.ReadLink(fsys, p)
	if err != nil {
		return false
	}
	if path.IsAbs(target) || strings.Contains(target, "\\") || strings.Contains(target, ":") {
		return false
	}
	full := path.Join(path.Dir(p), target)
	return full != ".." && !strings.HasPrefix(full, "../") && full != "."
}

// lstat is fs.Lstat where the file system can tell links apart, else Stat.
func lstat(fsys fs.FS, name string) (fs.FileInfo, error) {
	if _, ok := fsys.(fs.ReadLinkFS); ok {
		return fs.Lstat(fsys, name)
	}
	return fs.Stat(fsys, name)
}

// ReadFile reads the file rel of the folder, refusing anything but a
// regular file and any file larger than limit bytes (*TooBigError) before
// reading it. The size is checked again while reading, in case the file
// grows meanwhile: at most limit+1 bytes are ever held.
//
// A Dir is not asked twice: its Open never blocks and refuses anything but
// a regular file or a folder after opening, and the size is taken from the
// open file. On unix a Dir reads a file that is not a link with four
// system calls (open, fstat, read, close) and no os.File. Any other file
// system is asked for the mode first.
func ReadFile(fsys fs.FS, rel string, limit int64) ([]byte, error) {
	return ReadFileBuf(fsys, rel, limit, nil)
}

// ReadFileBuf is ReadFile reading into buf when the file fits in it: a
// caller that reads many files and is done with each before the next
// passes the last one's bytes back, and the files are read without
// garbage.
func ReadFileBuf(fsys fs.FS, rel string, limit int64, buf []byte) ([]byte, error) {
	d, isDir := fsys.(*Dir)
	if isDir && rawRead {
		if b, done, err := d.readFile(rel, limit, buf); done {
			return b, err
		}
	}
	if !isDir {
		if _, r := Check(fsys, rel); r != nil {
			switch r.Reason {
			case Unreadable:
				return nil, r.Err
			case NotRegular:
				return nil, ErrNotRegular
			}
			return nil, fmt.Errorf("refused: %s", r.Reason)
		}
	}
	fh, info, err := openRegular(fsys, rel)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	if testHookOpened != nil {
		testHookOpened(rel)
	}
	if info.Size() > limit {
		return nil, &TooBigError{Size: info.Size()}
	}
	if m, ok := fh.(interface{ Content() []byte }); ok && int64(len(m.Content())) == info.Size() {
		// A file held in memory and handed over (a blob of a git
		// revision, internal/gitrev): no copy.
		return m.Content(), nil
	}
	// A file of the operating system's reads whole to the size asked; a
	// file of another kind may read short before its end.
	_, osFile := fh.(*os.File)
	return readAll(fh.Read, info.Size(), limit, buf, osFile)
}

// rawRead lets a Dir read its files with system calls alone, where it can
// (see Dir.readFile); TestRawReadSameAsFile turns it off to compare the
// two ways.
var rawRead = true

// testHookOpened, when set, runs once the file rel is open and described,
// before it is read: a test grows the file there.
var testHookOpened func(rel string)

// readAll reads a file of size bytes (as described once open, at most
// limit) into buf when it fits, else into a new buffer of size+1 bytes:
// the one byte more shows a file that grew meanwhile, and the cap is
// checked again while reading. read returns io.EOF at the end of the file.
//
// With whole (a regular file of the operating system, which reads short
// only at its end), a read that brings the bytes read to the size
// described ends the reading: the file is complete, and asking again only
// to be told that it ends would cost a system call per file. A file that
// grew is read on, as long as it grows within the cap.
func readAll(read func([]byte) (int, error), size, limit int64, buf []byte, whole bool) ([]byte, error) {
	b := buf[:0]
	if need := min(size, limit) + 1; int64(cap(b)) < need {
		b = make([]byte, 0, need)
	}
	for {
		if len(b) == cap(b) {
			if int64(len(b)) > limit {
				return nil, &TooBigError{Size: int64(len(b)), AtLeast: true}
			}
			b = append(b, 0)[:len(b)] // grow: the file was bigger than it said
		}
		n, err := read(b[len(b):min(cap(b), int(limit)+1)])
		b = b[:len(b)+n]
		if int64(len(b)) > limit {
			return nil, &TooBigError{Size: int64(len(b)), AtLeast: true}
		}
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, unwrapPath(err)
		}
		if whole && n > 0 && int64(len(b)) == size {
			return b, nil
		}
	}
}

// openRegular opens rel and describes it, refusing anything but a regular
// file. A Dir's file is described once: at country scale every system call
// saved is saved 100,000 times.
func openRegular(fsys fs.FS, rel string) (fs.File, fs.FileInfo, error) {
	var fh fs.File
	var info fs.FileInfo
	var err error
	if d, ok := fsys.(*Dir); ok {
		fh, info, err = d.openInfo(rel)
	} else if fh, err = fsys.Open(rel); err == nil {
		info, err = fh.Stat()
	}
	if err != nil && fh == nil {
		return nil, nil, unwrapPath(err)
	}
	if err != nil || !info.Mode().IsRegular() {
		fh.Close()
		return nil, nil, ErrNotRegular // a folder, or changed since it was checked
	}
	return fh, info, nil
}

// String says the reason in English words, for errors.
func (r Reason) String() string {
	switch r {
	case LinkOutside:
		return "symbolic link leads out of the plan folder"
	case LinkDir:
		return "symbolic link to a folder"
	case Dangling:
		return "symbolic link to nothing"
	case NotRegular:
		return "not a regular file"
	}
	return "unreadable"
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
