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
	// trees are the files of every revision an earlier FS of the Repo
	// listed, by path: a later FS knows the size of a blob they share, and
	// leaves a report file they read unread until opened (see kindLazy).
	mu    sync.Mutex
	trees []map[string]*node
	// prefetched are the listings Prefetch started, by git arguments.
	prefetched map[string]*prefetch
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

// kind says how a revision's file is read.
type kind uint8

const (
	// kindBlob is read by the one `git cat-file --batch` of the revision,
	// in the background.
	kindBlob kind = iota
	// kindLazy is a report file an earlier revision of the Repo read: the
	// loader has its report already and opens it only if it has not; it
	// is read from git then.
	kindLazy
	// kindBig is a blob larger than MaxBlob: listed with its size, never
	// read.
	kindBig
	// kindLink is a symbolic link, its blob the name of its target: read
	// before FS returns.
	kindLink
)

// node is one file of a revision. For kindBlob, ready is closed once data
// (or err) is set; the first Open takes data, later ones read the blob
// from git again.
type node struct {
	path, sha string
	size      int64
	kind      kind
	regular   bool // mode 100644 or 100755
	ready     chan struct{}
	mu        sync.Mutex
	data      []byte
	err       error
	taken     bool
}

// FS returns folder dir (a path on disk inside the work tree) as it was at
// commit. Sizes come from git before any blob is read (`git ls-tree -l`,
// or for a later revision of the Repo the sizes of the blobs it shares
// with those listed before and `git cat-file --batch-check` for the
// others); the blobs up to MaxBlob are then read in one
// `git cat-file --batch` run, streamed in the background in the order the
// loader walks the folder: FS returns once the folder is listed, and
// opening a file not read yet waits for it, so that the loader decodes
// while git still writes. A blob is handed over once (the FS keeps no
// copy; a second open reads it from git again), so that memory holds only
// the blobs git wrote and the loader did not take yet. Wait says whether
// git failed meanwhile.
func (r *Repo) FS(commit, dir string) (fs.FS, error) {
	prefix, err := r.prefix(dir)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	earlier := slices.Clone(r.trees)
	r.mu.Unlock()
	sized := len(earlier) == 0 // the first revision: ls-tree gives the sizes
	args := lsTree(commit, prefix, sized)
	key := strings.Join(args, "\x00")
	r.mu.Lock()
	pre := r.prefetched[key]
	delete(r.prefetched, key)
	r.mu.Unlock()
	// before finds the file p with blob id sha in a revision listed before.
	before := func(p, sha string) *node {
		for _, t := range earlier {
			if n := t[p]; n != nil && n.sha == sha {
				return n
			}
		}
		return nil
	}
	var nodes []*node
	var unknown []string // blob ids whose size git has not told yet
	var seen []bool      // by node: a report file an earlier revision read
	each := func(rec []byte) error {
		meta, p, ok := bytes.Cut(rec, []byte{'\t'})
		var f [4][]byte
		n := 0
		for field := range bytes.FieldsSeq(meta) {
			if n == len(f) {
				n++
				break
			}
			f[n] = field
			n++
		}
		if !ok || n != 3+btoi(sized) || string(f[1]) != "blob" {
			return nil // submodules (commit entries) are not plan content
		}
		name := string(p)
		if prefix != "." {
			name = strings.TrimPrefix(name, prefix+"/")
		}
		nd := &node{path: path.Clean(name), sha: string(f[2]), size: -1}
		mode := string(f[0])
		nd.regular = mode == "100644" || mode == "100755"
		if mode == "120000" {
			nd.kind = kindLink
		}
		prior := before(nd.path, nd.sha)
		switch {
		case sized:
			size, err := strconv.ParseInt(string(f[3]), 10, 64)
			if err != nil {
				return fmt.Errorf("reading %s at %s: bad size %q", name, commit, f[3])
			}
			nd.size = size
		case prior != nil:
			nd.size = prior.size
		default:
			unknown = append(unknown, nd.sha)
		}
		nodes = append(nodes, nd)
		seen = append(seen, prior != nil && prior.regular && nd.regular && isReport(nd.path))
		return nil
	}
	if pre != nil {
		<-pre.done
		err = pre.err
		for rec := range bytes.SplitSeq(pre.out, []byte{0}) {
			if err != nil {
				break
			}
			if len(rec) > 0 {
				err = each(rec)
			}
		}
	} else {
		err = gitRecords(r.top, args, each)
	}
	if err != nil {
		return nil, err
	}
	if len(unknown) > 0 {
		sizes, err := r.sizesOf(unknown)
		if err != nil {
			return nil, fmt.Errorf("reading %s at %s: %w", prefix, commit, err)
		}
		for _, nd := range nodes {
			if nd.size < 0 {
				nd.size = sizes[nd.sha]
			}
		}
	}
	fsys := &treeFS{files: make(map[string]*node, len(nodes)), decoded: &r.decoded, top: r.top, done: make(chan struct{})}
	var links, blobs []*node
	for i, nd := range nodes {
		fsys.files[nd.path] = nd
		switch {
		case nd.size > MaxBlob:
			nd.kind = kindBig // listed, never read: the loader sees its size and refuses it
		case nd.kind == kindLink:
			links = append(links, nd)
		case seen[i]:
			nd.kind = kindLazy
		default:
			nd.ready = make(chan struct{})
			blobs = append(blobs, nd)
		}
	}
	fsys.index(nodes)
	r.mu.Lock()
	r.trees = append(r.trees, fsys.files)
	r.mu.Unlock()
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
	for _, nd := range all {
		in.WriteString(nd.sha + "\n")
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
	next := func(nd *node) error {
		header, err := br.ReadSlice('\n')
		if err != nil {
			return fmt.Errorf("reading %s at %s: %w %s", nd.path, commit, err, strings.TrimSpace(stderr.String()))
		}
		f := bytes.Fields(header)
		if len(f) != 3 {
			return fmt.Errorf("reading %s at %s: unexpected %q", nd.path, commit, header)
		}
		size, err := strconv.ParseInt(string(f[2]), 10, 64)
		if err != nil || size != nd.size {
			return fmt.Errorf("reading %s at %s: size %q, listed as %d", nd.path, commit, f[2], nd.size)
		}
		data := make([]byte, size)
		if _, err := io.ReadFull(br, data); err != nil {
			return fmt.Errorf("reading %s at %s: %w", nd.path, commit, err)
		}
		br.ReadByte() // the newline after each object
		nd.data = data
		return nil
	}
	finish := func(rest []*node, err error) {
		pipe.Close() // on an early stop, git stops on a closed pipe
		cmd.Wait()
		for _, nd := range rest {
			nd.err = err
			if nd.ready != nil {
				close(nd.ready)
			}
		}
		fsys.err = err
		close(fsys.done)
	}
	// The links first, at once: they are resolved without waiting.
	for i, nd := range links {
		if err := next(nd); err != nil {
			finish(all[i:], err)
			return nil, err
		}
	}
	go func() {
		for i, nd := range blobs {
			if err := next(nd); err != nil {
				finish(blobs[i:], err)
				return
			}
			close(nd.ready)
		}
		finish(nil, nil)
	}()
	return fsys, nil
}

// prefix is folder dir's path inside the work tree, "." for the top.
func (r *Repo) prefix(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	top, err := filepath.EvalSymlinks(r.top)
	if err != nil {
		return "", err
	}
	if resolved, err := filepath.EvalSymlinks(abs); err == nil {
		abs = resolved
	}
	rel, err := filepath.Rel(top, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", fmt.Errorf("%s is outside the repository %s", dir, r.top)
	}
	return filepath.ToSlash(rel), nil
}

// lsTree is the git command that lists folder prefix at commit, with the
// sizes of the blobs when sized.
func lsTree(commit, prefix string, sized bool) []string {
	args := []string{"ls-tree", "-r", "-z", "--full-tree", commit}
	if sized {
		args = []string{"ls-tree", "-r", "-z", "-l", "--full-tree", commit}
	}
	if prefix != "." {
		args = append(args, "--", prefix+"/")
	}
	return args
}

// Prefetch lists folder dir at commit in the background, as FS lists a
// revision after the first (without sizes), for a later FS of the same
// commit and folder to take: diff lists its head while git lists its base.
func (r *Repo) Prefetch(commit, dir string) {
	prefix, err := r.prefix(dir)
	if err != nil {
		return // FS says why
	}
	args := lsTree(commit, prefix, false)
	p := &prefetch{done: make(chan struct{})}
	r.mu.Lock()
	if r.prefetched == nil {
		r.prefetched = map[string]*prefetch{}
	}
	r.prefetched[strings.Join(args, "\x00")] = p
	r.mu.Unlock()
	go func() {
		defer close(p.done)
		p.out, p.err = git(r.top, nil, args...)
	}()
}

// prefetch is a listing Prefetch started: out and err are set once done
// is closed.
type prefetch struct {
	done chan struct{}
	out  []byte
	err  error
}

// gitRecords runs git with args and calls each with every NUL-terminated
// record it writes, as it writes them (the record is valid during the
// call only).
func gitRecords(dir string, args []string, each func(rec []byte) error) error {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("cannot run git: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("cannot run git: %w", err)
	}
	br := bufio.NewReaderSize(pipe, 64<<10)
	var long []byte // a record longer than the buffer
	var stop error
	for stop == nil {
		rec, err := br.ReadSlice(0)
		if err == bufio.ErrBufferFull {
			long = append(long, rec...)
			continue
		}
		if long != nil {
			rec = append(long, rec...)
			long = nil
		}
		if len(rec) > 0 && rec[len(rec)-1] == 0 {
			if err := each(rec[:len(rec)-1]); err != nil {
				stop = err
			}
		}
		if err != nil {
			break
		}
	}
	if stop != nil {
		pipe.Close()
		cmd.Wait()
		return stop
	}
	if err := cmd.Wait(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			msg := strings.TrimSpace(stderr.String())
			if msg == "" {
				msg = ee.Error()
			}
			return fmt.Errorf("git %s: %s", args[0], msg)
		}
		return fmt.Errorf("cannot run git: %w", err)
	}
	return nil
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
func walkOrder(a, b *node) int {
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

// treeFS is a revision's folder.
type treeFS struct {
	files   map[string]*node
	dirs    map[string][]fs.DirEntry // each folder's listing, by name
	decoded *sync.Map
	top     string
	done    chan struct{} // closed when git has written every blob, or failed
	err     error         // why git failed, once done is closed
}

// Wait waits until git has written every blob of the revision, and returns
// the error that stopped it, if any: a file it could not write opens with
// that error meanwhile.
func (t *treeFS) Wait() error {
	<-t.done
	return t.err
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
	if n := t.files[name]; n != nil && n.regular && n.kind != kindBig {
		return n.sha, true
	}
	return "", false
}

// DecodedReports is the store, shared by every revision of the same Repo,
// where the loader keeps the reports it decoded, by blob id: diff decodes
// a report that did not change between its two revisions once.
func (t *treeFS) DecodedReports() *sync.Map { return t.decoded }

// index lists every folder of the tree once. A blob too big to read or
// left unread is listed with size 0 (the loader sums the sizes listed to
// bound its memory: those it does not hold).
func (t *treeFS) index(nodes []*node) {
	t.dirs = map[string][]fs.DirEntry{}
	known := map[string]bool{".": true}
	for _, nd := range nodes {
		e := dirEntry{name: path.Base(nd.path), mode: 0o644}
		switch nd.kind {
		case kindBlob:
			e.size = nd.size
		case kindLink:
			e.mode, e.size = fs.ModeSymlink|0o777, nd.size
		}
		dir := parent(nd.path)
		t.dirs[dir] = append(t.dirs[dir], e)
		for d := dir; !known[d]; d = parent(d) {
			known[d] = true
			up := parent(d)
			t.dirs[up] = append(t.dirs[up], dirEntry{name: path.Base(d), mode: fs.ModeDir | 0o555})
		}
	}
	for _, es := range t.dirs {
		if !slices.IsSortedFunc(es, byName) {
			slices.SortFunc(es, byName)
		}
	}
}

func byName(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) }

// parent is the folder of p: "." at the top.
func parent(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return "."
}

// resolve follows the links name is, as a last element (the walker refuses
// links to folders), to the file they name inside the tree.
func (t *treeFS) resolve(name string) (*node, bool) {
	for range 40 {
		n := t.files[name]
		if n == nil || n.kind != kindLink {
			return n, n != nil
		}
		next := path.Join(path.Dir(name), string(n.data))
		if next == ".." || strings.HasPrefix(next, "../") || path.IsAbs(next) {
			return nil, false
		}
		name = next
	}
	return nil, false
}

// isDir reports whether name is a folder of the tree.
func (t *treeFS) isDir(name string) bool {
	_, ok := t.dirs[name]
	return ok || name == "."
}

// Open opens name; a blob too big to read opens with its size and fails
// on Read; one git has not written yet waits for it.
func (t *treeFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	n, ok := t.resolve(name)
	switch {
	case !ok && t.isDir(name):
		return &dirFile{info: dirEntry{name: path.Base(name), mode: fs.ModeDir | 0o555}, entries: t.dirs[name]}, nil
	case !ok:
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	info := dirEntry{name: path.Base(name), mode: 0o644, size: n.size}
	switch n.kind {
	case kindBig:
		return &bigBlob{info: info}, nil
	case kindLazy:
		return t.fetch(name, n.sha)
	}
	<-n.ready
	if n.err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: n.err}
	}
	n.mu.Lock()
	data, taken := n.data, n.taken
	n.data, n.taken = nil, true
	n.mu.Unlock()
	if taken {
		return t.fetch(name, n.sha)
	}
	return &memFile{info: info, data: data, r: bytes.NewReader(data)}, nil
}

// fetch reads blob sha from git now.
func (t *treeFS) fetch(name, sha string) (fs.File, error) {
	data, err := git(t.top, nil, "cat-file", "blob", sha)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	info := dirEntry{name: path.Base(name), mode: 0o644, size: int64(len(data))}
	return &memFile{info: info, data: data, r: bytes.NewReader(data)}, nil
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

// Stat describes name, following links, with the real size of a blob too
// big to read or not read yet.
func (t *treeFS) Stat(name string) (fs.FileInfo, error) {
	n, ok := t.resolve(name)
	switch {
	case ok:
		return dirEntry{name: path.Base(name), mode: 0o644, size: n.size}, nil
	case t.isDir(name):
		return dirEntry{name: path.Base(name), mode: fs.ModeDir | 0o555}, nil
	}
	return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
}

// Lstat is Stat without following links.
func (t *treeFS) Lstat(name string) (fs.FileInfo, error) {
	if n := t.files[name]; n != nil {
		if n.kind == kindLink {
			return dirEntry{name: path.Base(name), mode: fs.ModeSymlink | 0o777, size: n.size}, nil
		}
		return dirEntry{name: path.Base(name), mode: 0o644, size: n.size}, nil
	}
	if t.isDir(name) {
		return dirEntry{name: path.Base(name), mode: fs.ModeDir | 0o555}, nil
	}
	return nil, &fs.PathError{Op: "lstat", Path: name, Err: fs.ErrNotExist}
}

// ReadLink returns the target of link name.
func (t *treeFS) ReadLink(name string) (string, error) {
	n := t.files[name]
	switch {
	case n == nil && !t.isDir(name):
		return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrNotExist}
	case n == nil || n.kind != kindLink:
		return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrInvalid}
	}
	return string(n.data), nil
}

// ReadDir lists folder name, by name.
func (t *treeFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if es, ok := t.dirs[name]; ok {
		return slices.Clone(es), nil
	}
	if name == "." {
		return []fs.DirEntry{}, nil
	}
	if _, ok := t.files[name]; ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a directory")}
	}
	return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
}

// dirEntry describes a file or folder.
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

// memFile is a blob read, open. Content hands the blob over without a
// copy (see planfs.ReadFile).
type memFile struct {
	info dirEntry
	data []byte
	r    *bytes.Reader
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Read(b []byte) (int, error) { return f.r.Read(b) }
func (f *memFile) Close() error               { return nil }
func (f *memFile) Content() []byte            { return f.data }

// dirFile is a folder, open.
type dirFile struct {
	info    dirEntry
	entries []fs.DirEntry
	off     int
}

func (d *dirFile) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *dirFile) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.name, Err: errors.New("is a directory")}
}
func (d *dirFile) Close() error { return nil }
func (d *dirFile) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return slices.Clone(rest), nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	rest = rest[:min(n, len(rest))]
	d.off += len(rest)
	return slices.Clone(rest), nil
}

// ErrBlobTooBig is the error of reading a blob larger than MaxBlob.
var ErrBlobTooBig = errors.New("blob too big to read")

type bigBlob struct{ info dirEntry }

func (b *bigBlob) Stat() (fs.FileInfo, error) { return b.info, nil }
func (b *bigBlob) Read([]byte) (int, error)   { return 0, ErrBlobTooBig }
func (b *bigBlob) Close() error               { return nil }

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
