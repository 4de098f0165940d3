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
	"testing/fstest"
	"time"
)

// ErrNotRepo is returned when the folder is not inside a git work tree.
var ErrNotRepo = errors.New("not inside a git repository")

// Repo is the git work tree that holds a folder.
type Repo struct {
	top string // absolute path of the work tree
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

// FS returns folder dir (a path on disk inside the work tree) as it was at
// commit. Files are read in one `git cat-file --batch` run.
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
	args := []string{"ls-tree", "-r", "-z", "--full-tree", commit}
	if prefix != "." {
		args = append(args, "--", prefix+"/")
	}
	out, err := git(r.top, nil, args...)
	if err != nil {
		return nil, err
	}
	type entry struct{ mode, sha, path string }
	var entries []entry
	for _, rec := range bytes.Split(out, []byte{0}) {
		if len(rec) == 0 {
			continue
		}
		meta, p, ok := strings.Cut(string(rec), "\t")
		f := strings.Fields(meta)
		if !ok || len(f) != 3 || f[1] != "blob" {
			continue // submodules (commit entries) are not plan content
		}
		if prefix != "." {
			p = strings.TrimPrefix(p, prefix+"/")
		}
		entries = append(entries, entry{f[0], f[2], p})
	}
	fsys := fstest.MapFS{}
	if len(entries) == 0 {
		return fsys, nil
	}
	var in bytes.Buffer
	for _, e := range entries {
		in.WriteString(e.sha + "\n")
	}
	blobs, err := git(r.top, &in, "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	br := bufio.NewReader(bytes.NewReader(blobs))
	for _, e := range entries {
		header, err := br.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("reading %s at %s: %w", e.path, commit, err)
		}
		f := strings.Fields(header)
		if len(f) != 3 {
			return nil, fmt.Errorf("reading %s at %s: unexpected %q", e.path, commit, header)
		}
		size, err := strconv.Atoi(f[2])
		if err != nil {
			return nil, fmt.Errorf("reading %s at %s: bad size", e.path, commit)
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
		fsys[path.Clean(e.path)] = &fstest.MapFile{Data: data, Mode: mode, ModTime: time.Unix(0, 0)}
	}
	return fsys, nil
}

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
