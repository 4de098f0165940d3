// Package gitrev reads a folder as it stood at a git revision, through the
// git command line and without a checkout, as an fs.FS: the loader then
// reads a revision exactly as it reads a folder.
package gitrev

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing/fstest"
	"time"

	"github.com/plan06/plan06/internal/planfs"
)

// ErrNotRepo is returned when the folder is not inside a git work tree.
var ErrNotRepo = errors.New("not inside a git repository")

// Repo is the git work tree that holds a folder.
type Repo struct {
	top string // absolute path of the work tree
	// decoded holds the reports the loader decoded from this repository's
	// revisions, shared by every FS of the Repo (see FS.DecodedReports).
	decoded sync.Map
	// read lists the report files (path NUL blob id) an earlier FS of the
	// Repo read: a later FS leaves them unread until opened (see lazy).
	mu   sync.Mutex
	read map[string]bool
	// sizes holds the size of every blob an earlier FS listed, by id: a
	// later revision asks git only the sizes of the others.
	sizes map[string]int64
}

// Open finds the repository that contains dir.
func Open(dir string) (*Repo, error) {
	out, err := git(dir, nil, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("%w (%s)", ErrNotRepo, dir)
	}
	return &Repo{top: strings.TrimSpace(string(out))}, nil
}

// Resolve returns the commit id of rev, or a clear error for an unknown
// revision.
func (r *Repo) Resolve(rev string) (string, error) {
	if strings.HasPrefix(rev, "-") {
		return "", fmt.Errorf("unknown revision %q", rev)
	}
	out, err := git(r.top, nil, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return "", fmt.Errorf("unknown revision %q", rev)
	}
	return strings.TrimSpace(string(out)), nil
}

// MaxBlob is the largest blob FS reads: the loader's cap on a plan file.
// A bigger blob is listed with its size and never read, so that the
// loader refuses it as it refuses a big file on disk.
const MaxBlob = planfs.MaxFileSize

// FS returns folder dir (a path on disk inside the work tree) as it was at
// commit. Sizes come from git before any blob is read (`git ls-tree -l`,
// or for a later revision of the Repo the sizes of the blobs it listed
// before and `git cat-file --batch-check` for the others); the blobs up to
// MaxBlob are then read in one `git cat-file --batch` run, streamed in the
// background in the order the loader walks the folder: FS returns once the
// folder is listed, and opening a file not read yet waits for it, so that
// the loader decodes while git still writes. A blob is handed over once
// (the FS keeps no copy; a second open reads it from git again), so that
// memory holds only the blobs git wrote and the loader did not take yet.
// Wait says whether git failed meanwhile.
func (r *Repo) FS(commit, dir string) (fs.FS, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	top, err := filepath.EvalSymlinks(r.top)
	if err != nil {
		return nil, err
	}
	if resolved, err := filepath.EvalSymlinks(abs); err == nil {
		abs = resolved
	}
	rel, err := filepath.Rel(top, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return nil, fmt.Errorf("%s is outside the repository %s", dir, r.top)
	}
	prefix := filepath.ToSlash(rel)
	r.mu.Lock()
	sized := len(r.sizes) == 0 // the first revision: ls-tree gives the sizes
	r.mu.Unlock()
	args := []string{"ls-tree", "-r", "-z", "--full-tree", commit}
	if sized {
		args = []string{"ls-tree", "-r", "-z", "-l", "--full-tree", commit}
	}
	if prefix != "." {
		args = append(args, "--", prefix+"/")
	}
	out, err := git(r.top, nil, args...)
	if err != nil {
		return nil, err
	}
	type entry struct {
		mode, sha, path string
		size            int64
	}
	var entries []entry
	var unknown []string // blob ids whose size git has not told yet
	r.mu.Lock()
	for rec := range bytes.SplitSeq(out, []byte{0}) {
		if len(rec) == 0 {
			continue
		}
		meta, p, ok := strings.Cut(string(rec), "\t")
		f := strings.Fields(meta)
		if want := 3 + btoi(sized); !ok || len(f) != want || f[1] != "blob" {
			continue // submodules (commit entries) are not plan content
		}
		size := int64(-1)
		if sized {
			if size, err = strconv.ParseInt(f[3], 10, 64); err != nil {
				r.mu.Unlock()
				return nil, fmt.Errorf("reading %s at %s: bad size %q", p, commit, f[3])
			}
		} else if known, ok := r.sizes[f[2]]; ok {
			size = known
		} else {
			unknown = append(unknown, f[2])
		}
		if prefix != "." {
			p = strings.TrimPrefix(p, prefix+"/")
		}
		entries = append(entries, entry{f[0], f[2], path.Clean(p), size})
	}
	r.mu.Unlock()
	if len(unknown) > 0 {
		sizes, err := r.sizesOf(unknown)
		if err != nil {
			return nil, fmt.Errorf("reading %s at %s: %w", prefix, commit, err)
		}
		for i := range entries {
			if entries[i].size < 0 {
				entries[i].size = sizes[entries[i].sha]
			}
		}
	}
	fsys := &treeFS{MapFS: fstest.MapFS{}, big: map[string]int64{}, ids: map[string]string{}, decoded: &r.decoded,
		lazy: map[string]lazyBlob{}, pending: map[string]*blob{}, top: r.top, done: make(chan struct{})}
	var links, blobs []*blob
	r.mu.Lock()
	if r.sizes == nil {
		r.sizes = map[string]int64{}
	}
	if r.read == nil {
		r.read = map[string]bool{}
	}
	for _, e := range entries {
		p, size := e.path, e.size
		r.sizes[e.sha] = size
		if size > MaxBlob {
			// Listed, never read: the loader sees its size and refuses it.
			fsys.MapFS[p] = &fstest.MapFile{Mode: 0o644, ModTime: time.Unix(0, 0)}
			fsys.big[p] = size
			continue
		}
		regular := e.mode == "100644" || e.mode == "100755"
		if regular && isReport(p) {
			key := p + "\x00" + e.sha
			seen := r.read[key]
			r.read[key] = true
			if seen {
				// Read by an earlier revision: the loader has its report
				// already, and opens it only if it has not.
				fsys.MapFS[p] = &fstest.MapFile{Mode: 0o644, ModTime: time.Unix(0, 0)}
				fsys.lazy[p] = lazyBlob{sha: e.sha, size: size}
				fsys.ids[p] = e.sha
				continue
			}
		}
		b := &blob{path: p, sha: e.sha, size: size, ready: make(chan struct{})}
		if e.mode == "120000" {
			// A link's blob is its target's name, not the content read: the
			// MapFS holds it, so that it resolves links.
			links = append(links, b)
			continue
		}
		fsys.MapFS[p] = &fstest.MapFile{Mode: 0o644, ModTime: time.Unix(0, 0)}
		fsys.pending[p] = b
		if regular {
			fsys.ids[p] = e.sha
		}
		blobs = append(blobs, b)
	}
	r.mu.Unlock()
	fsys.index(links)
	// The loader walks the folder in lexical order, folder by folder: git
	// writes the blobs in that order (ls-tree's differs where a name
	// sorts before "/", "a.yaml" before "a/").
	if !slices.IsSortedFunc(blobs, walkOrder) {
		slices.SortFunc(blobs, walkOrder)
	}
	all := append(links, blobs...)
	if len(all) == 0 {
		close(fsys.done)
		return fsys, nil
	}
	var in bytes.Buffer
	for _, b := range all {
		in.WriteString(b.sha + "\n")
	}
	cmd := exec.Command("git", "cat-file", "--batch")
	cmd.Dir = r.top
	cmd.Stdin = &in
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("cannot run git: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("cannot run git: %w", err)
	}
	br := bufio.NewReaderSize(pipe, 256<<10)
	next := func(b *blob) error {
		header, err := br.ReadString('\n')
		if err != nil {
			return fmt.Errorf("reading %s at %s: %w %s", b.path, commit, err, strings.TrimSpace(stderr.String()))
		}
		f := strings.Fields(header)
		if len(f) != 3 {
			return fmt.Errorf("reading %s at %s: unexpected %q", b.path, commit, header)
		}
		size, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil || size != b.size {
			return fmt.Errorf("reading %s at %s: size %q, listed as %d", b.path, commit, f[2], b.size)
		}
		data := make([]byte, size)
		if _, err := io.ReadFull(br, data); err != nil {
			return fmt.Errorf("reading %s at %s: %w", b.path, commit, err)
		}
		br.ReadByte() // the newline after each object
		b.data = data
		close(b.ready)
		return nil
	}
	finish := func(i int, err error) {
		pipe.Close() // on an early stop, git stops on a closed pipe
		cmd.Wait()
		for _, b := range all[i:] {
			b.err = err
			close(b.ready)
		}
		fsys.err = err
		close(fsys.done)
	}
	// The links first, at once: the MapFS resolves them by their content.
	for i, b := range links {
		if err := next(b); err != nil {
			finish(i, err)
			return nil, err
		}
		fsys.MapFS[b.path] = &fstest.MapFile{Data: b.data, Mode: fs.ModeSymlink | 0o777, ModTime: time.Unix(0, 0)}
	}
	go func() {
		for i, b := range blobs {
			if err := next(b); err != nil {
				finish(len(links)+i, err)
				return
			}
		}
		finish(len(all), nil)
	}()
	return fsys, nil
}

// sizesOf asks git the sizes of the blobs ids, in one
// `git cat-file --batch-check` run.
func (r *Repo) sizesOf(ids []string) (map[string]int64, error) {
	var in bytes.Buffer
	for _, id := range ids {
		in.WriteString(id + "\n")
	}
	out, err := git(r.top, &in, "cat-file", "--batch-check")
	if err != nil {
		return nil, err
	}
	sizes := make(map[string]int64, len(ids))
	for line := range strings.SplitSeq(strings.TrimSuffix(string(out), "\n"), "\n") {
		f := strings.Fields(line)
		if len(f) != 3 {
			return nil, fmt.Errorf("unexpected %q", line)
		}
		size, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("unexpected %q", line)
		}
		sizes[f[0]] = size
	}
	for _, id := range ids {
		if _, ok := sizes[id]; !ok {
			return nil, fmt.Errorf("no size for blob %s", id)
		}
	}
	return sizes, nil
}

// walkOrder orders paths as fs.WalkDir visits them: by name, folder by
// folder ("/" sorts before any other byte).
func walkOrder(a, b *blob) int {
	x, y := a.path, b.path
	for i := 0; i < len(x) && i < len(y); i++ {
		if x[i] != y[i] {
			c, d := x[i], y[i]
			if c == '/' {
				c = 0
			}
			if d == '/' {
				d = 0
			}
			return cmp.Compare(c, d)
		}
	}
	return cmp.Compare(len(x), len(y))
}

// treeFS is a revision's folder: the blobs read or being read, and the
// sizes of those too big to read or left unread.
type treeFS struct {
	fstest.MapFS
	big     map[string]int64
	ids     map[string]string // the blob id of each regular file
	decoded *sync.Map
	lazy    map[string]lazyBlob
	pending map[string]*blob         // the blobs git writes in the background
	dirs    map[string][]fs.DirEntry // each folder's listing, by name
	top     string
	done    chan struct{} // closed when git has written every blob, or failed
	err     error         // why git failed, once done is closed
}

// blob is a file git writes in the background: ready is closed once data
// (or err) is set. The first Open takes data; later ones read it again.
type blob struct {
	path, sha string
	size      int64
	ready     chan struct{}
	data      []byte
	err       error
	mu        sync.Mutex
	taken     bool
}

// Wait waits until git has written every blob of the revision, and returns
// the error that stopped it, if any: a file it could not write opens with
// that error meanwhile.
func (t *treeFS) Wait() error {
	<-t.done
	return t.err
}

// lazyBlob is a report file an earlier revision read: it is read from git
// only if opened.
type lazyBlob struct {
	sha  string
	size int64
}

// isReport reports whether p (relative to the plan folder) has the shape
// of a report file, reports/MONTH/UNIT.yaml: the files diff's two
// revisions mostly share.
func isReport(p string) bool {
	parts := strings.Split(p, "/")
	return len(parts) == 3 && parts[0] == "reports" && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml"))
}

// BlobID returns the git blob id of regular file name, whose content it
// names: two revisions give the same id to the same bytes.
func (t *treeFS) BlobID(name string) (string, bool) {
	id, ok := t.ids[name]
	return id, ok
}

// DecodedReports is the store, shared by every revision of the same Repo,
// where the loader keeps the reports it decoded, by blob id: diff decodes
// a report that did not change between its two revisions once.
func (t *treeFS) DecodedReports() *sync.Map { return t.decoded }

// resolve follows the links name goes through as a last element (links
// to folders are refused by the walker): a link to a blob held outside the
// MapFS names that blob.
func (t *treeFS) resolve(name string) string {
	for range 40 {
		f, ok := t.MapFS[name]
		if !ok || f.Mode&fs.ModeSymlink == 0 {
			return name
		}
		next := path.Join(path.Dir(name), string(f.Data))
		if next == ".." || strings.HasPrefix(next, "../") || path.IsAbs(next) {
			return name
		}
		name = next
	}
	return name
}

// Open opens name; a blob too big to read opens with its size and fails
// on Read; one git has not written yet waits for it.
func (t *treeFS) Open(name string) (fs.File, error) {
	return t.open(t.resolve(name), name)
}

func (t *treeFS) open(name, as string) (fs.File, error) {
	if size, ok := t.big[name]; ok {
		return &bigBlob{info: bigInfo{name: path.Base(name), size: size}}, nil
	}
	if b, ok := t.lazy[name]; ok {
		return t.fetch(as, b.sha)
	}
	if b, ok := t.pending[name]; ok {
		<-b.ready
		if b.err != nil {
			return nil, &fs.PathError{Op: "open", Path: as, Err: b.err}
		}
		b.mu.Lock()
		data, taken := b.data, b.taken
		b.data, b.taken = nil, true
		b.mu.Unlock()
		if taken {
			return t.fetch(as, b.sha)
		}
		return &memFile{info: bigInfo{name: path.Base(as), size: int64(len(data))}, r: bytes.NewReader(data)}, nil
	}
	return t.MapFS.Open(as)
}

// fetch reads blob sha from git now.
func (t *treeFS) fetch(name, sha string) (fs.File, error) {
	data, err := git(t.top, nil, "cat-file", "blob", sha)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return &memFile{info: bigInfo{name: path.Base(name), size: int64(len(data))}, r: bytes.NewReader(data)}, nil
}

// ReadFile reads name through Open: a blob too big to read fails, one not
// read yet is read now.
func (t *treeFS) ReadFile(name string) ([]byte, error) {
	f, err := t.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// size is the size of a blob held outside the MapFS.
func (t *treeFS) size(name string) (int64, bool) {
	if size, ok := t.big[name]; ok {
		return size, true
	}
	if b, ok := t.lazy[name]; ok {
		return b.size, true
	}
	if b, ok := t.pending[name]; ok {
		return b.size, true
	}
	return 0, false
}

// Stat describes name, with the real size of a blob too big to read or
// not read yet.
func (t *treeFS) Stat(name string) (fs.FileInfo, error) {
	if size, ok := t.size(t.resolve(name)); ok {
		return bigInfo{name: path.Base(name), size: size}, nil
	}
	return t.MapFS.Stat(name)
}

// Lstat is Stat without following links.
func (t *treeFS) Lstat(name string) (fs.FileInfo, error) {
	if size, ok := t.size(name); ok {
		return bigInfo{name: path.Base(name), size: size}, nil
	}
	return t.MapFS.Lstat(name)
}

// index lists every folder of the tree once (the MapFS would list a
// folder by going through every file of the tree, 96,597 of them at
// country scale, each time). A blob git writes in the background is listed
// with its real size: the loader sums them to bound its memory. One too
// big or left unread is listed with size 0, as the MapFS lists it.
func (t *treeFS) index(links []*blob) {
	t.dirs = map[string][]fs.DirEntry{}
	known := map[string]bool{".": true}
	add := func(p string, e fs.DirEntry) {
		dir := path.Dir(p)
		t.dirs[dir] = append(t.dirs[dir], e)
		for d := dir; !known[d]; d = path.Dir(d) {
			known[d] = true
			parent := path.Dir(d)
			t.dirs[parent] = append(t.dirs[parent], dirEntry{name: path.Base(d), mode: fs.ModeDir | 0o555})
		}
	}
	for p := range t.MapFS {
		var size int64
		if b, ok := t.pending[p]; ok {
			size = b.size
		}
		add(p, dirEntry{name: path.Base(p), mode: 0o644, size: size})
	}
	for _, b := range links {
		add(b.path, dirEntry{name: path.Base(b.path), mode: fs.ModeSymlink | 0o777, size: b.size})
	}
	for _, es := range t.dirs {
		slices.SortFunc(es, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	}
}

// ReadDir lists folder name, by name.
func (t *treeFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if es, ok := t.dirs[name]; ok {
		return slices.Clone(es), nil
	}
	if name == "." {
		return []fs.DirEntry{}, nil
	}
	if info, err := t.Lstat(name); err == nil && !info.IsDir() {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a directory")}
	}
	return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
}

// dirEntry is a file or folder of a folder's listing.
type dirEntry struct {
	name string
	mode fs.FileMode
	size int64
}

func (e dirEntry) Name() string               { return e.name }
func (e dirEntry) IsDir() bool                { return e.mode.IsDir() }
func (e dirEntry) Type() fs.FileMode          { return e.mode.Type() }
func (e dirEntry) Info() (fs.FileInfo, error) { return e, nil }
func (e dirEntry) Size() int64                { return e.size }
func (e dirEntry) Mode() fs.FileMode          { return e.mode }
func (e dirEntry) ModTime() time.Time         { return time.Unix(0, 0) }
func (e dirEntry) Sys() any                   { return nil }
func (e dirEntry) String() string             { return fs.FormatDirEntry(e) }

// memFile is a blob read, open.
type memFile struct {
	info bigInfo
	r    *bytes.Reader
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Read(b []byte) (int, error) { return f.r.Read(b) }
func (f *memFile) Close() error               { return nil }

// ErrBlobTooBig is the error of reading a blob larger than MaxBlob.
var ErrBlobTooBig = errors.New("blob too big to read")

type bigBlob struct{ info bigInfo }

func (b *bigBlob) Stat() (fs.FileInfo, error) { return b.info, nil }
func (b *bigBlob) Read([]byte) (int, error)   { return 0, ErrBlobTooBig }
func (b *bigBlob) Close() error               { return nil }

type bigInfo struct {
	name string
	size int64
}

func (i bigInfo) Name() string       { return i.name }
func (i bigInfo) Size() int64        { return i.size }
func (i bigInfo) Mode() fs.FileMode  { return 0o644 }
func (i bigInfo) ModTime() time.Time { return time.Unix(0, 0) }
func (i bigInfo) IsDir() bool        { return false }
func (i bigInfo) Sys() any           { return nil }

func git(dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			msg := strings.TrimSpace(stderr.String())
			if msg == "" {
				msg = ee.Error()
			}
			return nil, fmt.Errorf("git %s: %s", args[0], msg)
		}
		return nil, fmt.Errorf("cannot run git: %w", err)
	}
	return out, nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
