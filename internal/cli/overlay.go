package cli

import (
	"bytes"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// overlayFS is a plan folder with some files added or replaced in memory:
// import validates the plan as it would be with the new reports before
// writing any of them.
type overlayFS struct {
	base  fs.FS
	files map[string][]byte // slash paths relative to the folder
}

func (o *overlayFS) Open(name string) (fs.File, error) {
	if b, ok := o.files[name]; ok {
		return &memFile{name: path.Base(name), r: bytes.NewReader(b), size: int64(len(b))}, nil
	}
	f, err := o.base.Open(name)
	if err == nil || !o.isDir(name) {
		return f, err
	}
	return &memDir{name: path.Base(name)}, nil
}

// isDir reports whether name is a folder that only the added files make.
func (o *overlayFS) isDir(name string) bool {
	for p := range o.files {
		if strings.HasPrefix(p, name+"/") || name == "." {
			return true
		}
	}
	return false
}

// ReadDir lists a folder of the base with the added files and the folders
// they make.
func (o *overlayFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(o.base, name)
	if err != nil && !o.isDir(name) {
		return nil, err
	}
	seen := map[string]int{}
	for i, e := range entries {
		seen[e.Name()] = i
	}
	prefix := name + "/"
	if name == "." {
		prefix = ""
	}
	for p, b := range o.files {
		rest, ok := strings.CutPrefix(p, prefix)
		if !ok {
			continue
		}
		child, _, isFolder := strings.Cut(rest, "/")
		var e fs.DirEntry
		if isFolder {
			e = fs.FileInfoToDirEntry(memInfo{name: child, dir: true})
		} else {
			e = fs.FileInfoToDirEntry(memInfo{name: child, size: int64(len(b))})
		}
		if i, ok := seen[child]; ok {
			if !isFolder {
				entries[i] = e
			}
			continue
		}
		seen[child] = len(entries)
		entries = append(entries, e)
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, nil
}

type memInfo struct {
	name string
	size int64
	dir  bool
}

func (i memInfo) Name() string { return i.name }
func (i memInfo) Size() int64  { return i.size }
func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o755
	}
	return 0o644
}
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return i.dir }
func (i memInfo) Sys() any           { return nil }

type memFile struct {
	name string
	r    *bytes.Reader
	size int64
}

func (f *memFile) Stat() (fs.FileInfo, error) { return memInfo{name: f.name, size: f.size}, nil }
func (f *memFile) Read(b []byte) (int, error) { return f.r.Read(b) }
func (f *memFile) Close() error               { return nil }

type memDir struct{ name string }

func (d *memDir) Stat() (fs.FileInfo, error) { return memInfo{name: d.name, dir: true}, nil }
func (d *memDir) Read([]byte) (int, error)   { return 0, io.EOF }
func (d *memDir) Close() error               { return nil }
