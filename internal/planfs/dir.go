package planfs

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/plan06/plan06/internal/safewrite"
)

// Dir is a plan folder on disk, read through os.Root: no path it opens can
// resolve outside the folder, however links are arranged, and files are
// opened without blocking, so that a FIFO put in place of a checked file
// cannot hang the run. It implements fs.FS, fs.StatFS, fs.ReadDirFS and
// fs.ReadLinkFS.
type Dir struct {
	root *os.Root
	path string
	// fd is the folder opened for openat where the reader uses it (see
	// openRaw), else -1.
	fd int
}

// OpenDir opens the folder at path.
func OpenDir(path string) (*Dir, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	r, err := os.OpenRoot(abs)
	if err != nil {
		return nil, err
	}
	d := &Dir{root: r, path: abs, fd: -1}
	d.openFD()
	return d, nil
}

// Close releases the folder.
func (d *Dir) Close() error {
	d.closeFD()
	return d.root.Close()
}

// Open opens name for reading. Anything but a regular file or a folder is
// refused with ErrNotRegular, after an open that does not block.
func (d *Dir) Open(name string) (fs.File, error) {
	f, _, err := d.openInfo(name)
	return f, err
}

// openInfo is Open, returning what the open file's Stat said.
func (d *Dir) openInfo(name string) (fs.File, fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := d.open(name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		f.Close()
		return nil, nil, &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	return f, info, nil
}

// Stat describes name, following links inside the folder.
func (d *Dir) Stat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrInvalid}
	}
	return d.root.Stat(name)
}

// Lstat describes name without following a link.
func (d *Dir) Lstat(name string) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: fs.ErrInvalid}
	}
	return d.root.Lstat(name)
}

// ReadLink returns the target of the link name.
func (d *Dir) ReadLink(name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrInvalid}
	}
	return d.root.Readlink(name)
}

// ReadDir lists the folder name, sorted by name.
func (d *Dir) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	info, err := d.root.Lstat(name)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	f, err := d.root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	list, err := d.readDir(name, f)
	slices.SortFunc(list, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return list, err
}

// IsTemp reports whether a file name is that of a temporary file of
// internal/safewrite.
func IsTemp(name string) bool { return safewrite.IsTemp(name) }

// temp deals with the temporary file p met by the walker: it is skipped
// while its writer is at work, and removed when the writer is gone (a run
// killed in the middle of a write). It returns false when p could not be
// removed: the walker then lists it like any file, and validate warns.
func (d *Dir) temp(p string) bool {
	return safewrite.CleanTemp(d.root, p) != safewrite.TempKept
}
