// Package gitrev reads a folder as it stood at a git revision, through the
// git command line and without a checkout, as an fs.FS: the loader then
// reads a revision exactly as it reads a folder.
package gitrev

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os/exec"
	"path"
	"path/filepath"
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
// commit. Sizes come from `git ls-tree -l` before any blob is read; the
// blobs up to MaxBlob are then read in one `git cat-file --batch` run,
// streamed, so that memory never holds more than those.
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
	args := []string{"ls-tree", "-r", "-z", "-l", "--full-tree", commit}
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
	fsys := &treeFS{MapFS: fstest.MapFS{}, big: map[string]int64{}, ids: map[string]string{}, decoded: &r.decoded,
		lazy: map[string]lazyBlob{}, top: r.top}
	for _, rec := range bytes.Split(out, []byte{0}) {
		if len(rec) == 0 {
			continue
		}
		meta, p, ok := strings.Cut(string(rec), "\t")
		f := strings.Fields(meta)
		if !ok || len(f) != 4 || f[1] != "blob" {
			continue // submodules (commit entries) are not plan content
		}
		size, err := strconv.ParseInt(f[3], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("reading %s at %s: bad size %q", p, commit, f[3])
		}
		if prefix != "." {
			p = strings.TrimPrefix(p, prefix+"/")
		}
		p = path.Clean(p)
		if size > MaxBlob {
			// Listed, never read: the loader sees its size and refuses it.
			fsys.MapFS[p] = &fstest.MapFile{Mode: 0o644, ModTime: time.Unix(0, 0)}
			fsys.big[p] = size
			continue
		}
		regular := f[0] == "100644" || f[0] == "100755"
		if regular && isReport(p) {
			key := p + "\x00" + f[2]
			r.mu.Lock()
			seen := r.read[key]
			if r.read == nil {
				r.read = map[string]bool{}
			}
			r.read[key] = true
			r.mu.Unlock()
			if seen {
				// Read by an earlier revision: the loader has its report
				// already, and opens it only if it has not.
				fsys.MapFS[p] = &fstest.MapFile{Mode: 0o644, ModTime: time.Unix(0, 0)}
				fsys.lazy[p] = lazyBlob{sha: f[2], size: size}
				fsys.ids[p] = f[2]
				continue
			}
		}
		entries = append(entries, entry{f[0], f[2], p, size})
	}
	if len(entries) == 0 {
		return fsys, nil
	}
	var in bytes.Buffer
	for _, e := range entries {
		in.WriteString(e.sha + "\n")
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
	defer func() {
		pipe.Close() // on an early return, git stops on a closed pipe
		cmd.Wait()
	}()
	br := bufio.NewReader(pipe)
	for _, e := range entries {
		header, err := br.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("reading %s at %s: %w %s", e.path, commit, err, strings.TrimSpace(stderr.String()))
		}
		f := strings.Fields(header)
		if len(f) != 3 {
			return nil, fmt.Errorf("reading %s at %s: unexpected %q", e.path, commit, header)
		}
		size, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil || size != e.size {
			return nil, fmt.Errorf("reading %s at %s: size %q, listed as %d", e.path, commit, f[2], e.size)
		}
		data := make([]byte, size)
		if _, err := io.ReadFull(br, data); err != nil {
			return nil, fmt.Errorf("reading %s at %s: %w", e.path, commit, err)
		}
		br.ReadByte() // the newline after each object
		mode := fs.FileMode(0o644)
		if e.mode == "120000" {
			mode = fs.ModeSymlink | 0o777
		}
		fsys.MapFS[e.path] = &fstest.MapFile{Data: data, Mode: mode, ModTime: time.Unix(0, 0)}
		if e.mode == "100644" || e.mode == "100755" {
			fsys.ids[e.path] = e.sha // a link's blob is its target's name, not the content read
		}
	}
	return fsys, nil
}

// treeFS is a revision's folder: the blobs read, and the sizes of those
// too big to read.
type treeFS struct {
	fstest.MapFS
	big     map[string]int64
	ids     map[string]string // the blob id of each regular file
	decoded *sync.Map
	lazy    map[string]lazyBlob
	top     string
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

// Open opens name; a blob too big to read opens with its size and fails
// on Read.
func (t *treeFS) Open(name string) (fs.File, error) {
	if size, ok := t.big[name]; ok {
		return &bigBlob{info: bigInfo{name: path.Base(name), size: size}}, nil
	}
	if b, ok := t.lazy[name]; ok {
		data, err := git(t.top, nil, "cat-file", "blob", b.sha)
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		return fstest.MapFS{name: &fstest.MapFile{Data: data, Mode: 0o644, ModTime: time.Unix(0, 0)}}.Open(name)
	}
	return t.MapFS.Open(name)
}

// ReadFile reads name through Open: a blob too big to read fails, one not
// read yet is read now.
func (t *treeFS) ReadFile(name string) ([]byte, error) {
	_, big := t.big[name]
	if _, lazy := t.lazy[name]; !big && !lazy {
		return t.MapFS.ReadFile(name)
	}
	f, err := t.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// Stat describes name, with the real size of a blob too big to read or
// not read yet.
func (t *treeFS) Stat(name string) (fs.FileInfo, error) {
	if size, ok := t.big[name]; ok {
		return bigInfo{name: path.Base(name), size: size}, nil
	}
	if b, ok := t.lazy[name]; ok {
		return bigInfo{name: path.Base(name), size: b.size}, nil
	}
	return t.MapFS.Stat(name)
}

// Lstat is Stat without following links.
func (t *treeFS) Lstat(name string) (fs.FileInfo, error) {
	if size, ok := t.big[name]; ok {
		return bigInfo{name: path.Base(name), size: size}, nil
	}
	if b, ok := t.lazy[name]; ok {
		return bigInfo{name: path.Base(name), size: b.size}, nil
	}
	return t.MapFS.Lstat(name)
}

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
