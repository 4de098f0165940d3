package gitrev

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"testing"

	"github.com/plan06/plan06/internal/planfs"
)

func sh(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@t", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@t")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func TestFSReadsRevisionWithoutCheckout(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	sh(t, repo, "init", "-q")
	plan := filepath.Join(repo, "plan")
	os.MkdirAll(filepath.Join(plan, "tasks"), 0o755)
	os.WriteFile(filepath.Join(plan, "plan.yaml"), []byte("v1\n"), 0o644)
	os.WriteFile(filepath.Join(plan, "tasks", "a.yaml"), []byte("a1\n"), 0o644)
	os.WriteFile(filepath.Join(repo, "other.txt"), []byte("x\n"), 0o644)
	sh(t, repo, "add", ".")
	sh(t, repo, "commit", "-q", "-m", "one")
	os.WriteFile(filepath.Join(plan, "plan.yaml"), []byte("v2\n"), 0o644) // uncommitted

	r, err := Open(plan)
	if err != nil {
		t.Fatal(err)
	}
	commit, err := r.Resolve("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := r.FS(commit, plan)
	if err != nil {
		t.Fatal(err)
	}
	b, err := fs.ReadFile(fsys, "plan.yaml")
	if err != nil || string(b) != "v1\n" {
		t.Errorf("plan.yaml at HEAD = %q, %v; want the committed v1", b, err)
	}
	if b, _ := fs.ReadFile(fsys, "tasks/a.yaml"); string(b) != "a1\n" {
		t.Errorf("tasks/a.yaml = %q", b)
	}
	if _, err := fs.Stat(fsys, "other.txt"); err == nil {
		t.Error("a file outside the plan folder is visible")
	}
	if _, err := r.Resolve("no-such-branch"); err == nil || err.Error() != `unknown revision "no-such-branch"` {
		t.Errorf("Resolve(unknown) = %v", err)
	}
}

func TestOpenOutsideRepo(t *testing.T) {
	if _, err := Open(t.TempDir()); err == nil {
		t.Error("Open outside a repository succeeded")
	}
}

// TestFSBigBlobFlatMemory commits a big file and removes it: reading the
// revision that holds it must cost memory for the small files only. The
// blob's size is known from git before any byte of it is read; the loader
// then refuses it by that size. The blob is made from a sparse file, never
// committed to this repository: 64 MiB by default, or
// PLAN06_TEST_BLOB_BYTES (1073741824 for the 1 GB case of issue 15).
func TestFSBigBlobFlatMemory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	size := int64(64 << 20)
	if s := os.Getenv("PLAN06_TEST_BLOB_BYTES"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		size = n
	}
	repo := t.TempDir()
	sh(t, repo, "init", "-q")
	plan := filepath.Join(repo, "plan")
	os.MkdirAll(filepath.Join(plan, "tasks"), 0o755)
	os.WriteFile(filepath.Join(plan, "plan.yaml"), []byte("v1\n"), 0o644)
	big := filepath.Join(plan, "tasks", "big.yaml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(size); err != nil { // sparse: no disk, no memory
		t.Fatal(err)
	}
	f.Close()
	sh(t, repo, "add", ".")
	sh(t, repo, "commit", "-q", "-m", "big")
	os.Remove(big)
	sh(t, repo, "commit", "-q", "-a", "-m", "gone")

	r, err := Open(plan)
	if err != nil {
		t.Fatal(err)
	}
	commit, err := r.Resolve("HEAD~1")
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fsys, err := r.FS(commit, plan)
	if err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
		t.Errorf("reading a revision with a %d-byte blob allocated %d bytes; want flat memory (< 4 MiB)", size, alloc)
	}
	info, err := fs.Stat(fsys, "tasks/big.yaml")
	if err != nil || info.Size() != size {
		t.Fatalf("Stat(big) = %v, %v; want its size %d", info, err, size)
	}
	if _, err := planfs.ReadFile(fsys, "tasks/big.yaml", planfs.MaxFileSize); err == nil {
		t.Error("the big blob was read")
	} else if big, ok := err.(*planfs.TooBigError); !ok || big.Size != size {
		t.Errorf("ReadFile(big) = %v; want a TooBigError with size %d", err, size)
	}
	if b, err := fs.ReadFile(fsys, "plan.yaml"); err != nil || string(b) != "v1\n" {
		t.Errorf("plan.yaml = %q, %v", b, err)
	}
}

// TestLaterRevisionLeavesSeenReportsUnread: a report file read by an
// earlier FS of the same Repo, unchanged, is listed with its size and blob
// id but read from git only when opened; a changed one is read at once.
func TestLaterRevisionLeavesSeenReportsUnread(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	sh(t, repo, "init", "-q")
	plan := filepath.Join(repo, "plan")
	os.MkdirAll(filepath.Join(plan, "reports", "2024-03"), 0o755)
	os.WriteFile(filepath.Join(plan, "plan.yaml"), []byte("v1\n"), 0o644)
	os.WriteFile(filepath.Join(plan, "reports", "2024-03", "a.yaml"), []byte("same\n"), 0o644)
	os.WriteFile(filepath.Join(plan, "reports", "2024-03", "b.yaml"), []byte("old\n"), 0o644)
	sh(t, repo, "add", ".")
	sh(t, repo, "commit", "-q", "-m", "one")
	os.WriteFile(filepath.Join(plan, "reports", "2024-03", "b.yaml"), []byte("new!\n"), 0o644)
	sh(t, repo, "commit", "-q", "-am", "two")

	r, err := Open(plan)
	if err != nil {
		t.Fatal(err)
	}
	var trees []*treeFS
	for _, rev := range []string{"HEAD~1", "HEAD"} {
		commit, err := r.Resolve(rev)
		if err != nil {
			t.Fatal(err)
		}
		fsys, err := r.FS(commit, plan)
		if err != nil {
			t.Fatal(err)
		}
		trees = append(trees, fsys.(*treeFS))
	}
	first, second := trees[0], trees[1]
	lazy := func(t *treeFS) (names []string) {
		for name, n := range t.files {
			if n.kind == kindLazy {
				names = append(names, name)
			}
		}
		return names
	}
	if l := lazy(first); len(l) != 0 {
		t.Fatalf("the first revision left %v unread", l)
	}
	if l := lazy(second); len(l) != 1 || l[0] != "reports/2024-03/a.yaml" {
		t.Fatalf("unread in the second revision: %v, want the unchanged report only", l)
	}
	for name, want := range map[string]string{"reports/2024-03/a.yaml": "same\n", "reports/2024-03/b.yaml": "new!\n"} {
		info, err := fs.Stat(second, name)
		if err != nil || info.Size() != int64(len(want)) {
			t.Fatalf("%s: stat %v, %v", name, info, err)
		}
		got, err := fs.ReadFile(second, name)
		if err != nil || string(got) != want {
			t.Fatalf("%s: read %q, %v; want %q", name, got, err, want)
		}
		if id, ok := second.BlobID(name); !ok || id == "" {
			t.Fatalf("%s: no blob id", name)
		}
	}
}

// TestFSStreamed: the blobs git writes in the background are listed with
// their sizes at once, open with their content (through a link too), open
// again after the first open took them, and Wait reports no error.
func TestFSStreamed(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	sh(t, repo, "init", "-q")
	plan := filepath.Join(repo, "plan")
	os.MkdirAll(filepath.Join(plan, "tasks"), 0o755)
	os.MkdirAll(filepath.Join(plan, "reports", "2024-03"), 0o755)
	files := map[string]string{
		"plan.yaml":                 "title: x\n",
		"tasks/a.yaml":              "a: 1\n",
		"tasks.yaml":                "stray\n", // sorts before tasks/ in git, after it in a walk
		"reports/2024-03/so-a.yaml": "unit: so-a\n",
		"reports/2024-03/so-b.yaml": "unit: so-b, longer\n",
		"reports/2024-03/README.md": "notes\n",
	}
	for name, text := range files {
		os.WriteFile(filepath.Join(plan, filepath.FromSlash(name)), []byte(text), 0o644)
	}
	if err := os.Symlink("a.yaml", filepath.Join(plan, "tasks", "link.yaml")); err != nil {
		t.Skip("no symlinks here")
	}
	sh(t, repo, "add", ".")
	sh(t, repo, "commit", "-q", "-m", "one")

	r, err := Open(plan)
	if err != nil {
		t.Fatal(err)
	}
	commit, err := r.Resolve("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := r.FS(commit, plan)
	if err != nil {
		t.Fatal(err)
	}
	var walked []string
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		walked = append(walked, p)
		if d.IsDir() || d.Type()&fs.ModeSymlink != 0 {
			return nil
		}
		info, err := d.Info()
		if err != nil || info.Size() != int64(len(files[p])) {
			t.Errorf("%s listed as %v, %v; want size %d", p, info, err, len(files[p]))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{".", "plan.yaml", "reports", "reports/2024-03", "reports/2024-03/README.md",
		"reports/2024-03/so-a.yaml", "reports/2024-03/so-b.yaml", "tasks", "tasks/a.yaml", "tasks/link.yaml", "tasks.yaml"}
	if !slices.Equal(walked, want) {
		t.Errorf("walked %q, want %q", walked, want)
	}
	for range 2 { // the second read goes back to git
		for name, text := range files {
			if b, err := fs.ReadFile(fsys, name); err != nil || string(b) != text {
				t.Errorf("%s = %q, %v; want %q", name, b, err, text)
			}
		}
	}
	if b, err := fs.ReadFile(fsys, "tasks/link.yaml"); err != nil || string(b) != files["tasks/a.yaml"] {
		t.Errorf("through the link: %q, %v", b, err)
	}
	if info, err := fs.Stat(fsys, "tasks/link.yaml"); err != nil || info.Size() != int64(len(files["tasks/a.yaml"])) {
		t.Errorf("Stat through the link: %v, %v", info, err)
	}
	if _, err := fs.ReadDir(fsys, "plan.yaml"); err == nil {
		t.Error("ReadDir of a file succeeded")
	}
	if _, err := fs.ReadDir(fsys, "nothing"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadDir(nothing) = %v", err)
	}
	if err := fsys.(*treeFS).Wait(); err != nil {
		t.Errorf("Wait = %v", err)
	}
}

// TestPrefetch: a revision listed in the background by Prefetch reads as
// the same revision listed by FS alone.
func TestPrefetch(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	sh(t, repo, "init", "-q")
	plan := filepath.Join(repo, "plan")
	os.MkdirAll(filepath.Join(plan, "reports", "2024-03"), 0o755)
	os.WriteFile(filepath.Join(plan, "plan.yaml"), []byte("v1\n"), 0o644)
	os.WriteFile(filepath.Join(plan, "reports", "2024-03", "a.yaml"), []byte("same\n"), 0o644)
	sh(t, repo, "add", ".")
	sh(t, repo, "commit", "-q", "-m", "one")
	os.WriteFile(filepath.Join(plan, "plan.yaml"), []byte("v2, longer\n"), 0o644)
	os.WriteFile(filepath.Join(plan, "reports", "2024-03", "b.yaml"), []byte("new\n"), 0o644)
	sh(t, repo, "add", ".")
	sh(t, repo, "commit", "-q", "-m", "two")

	read := func(prefetch bool) map[string]string {
		r, err := Open(plan)
		if err != nil {
			t.Fatal(err)
		}
		base, _ := r.Resolve("HEAD~1")
		head, _ := r.Resolve("HEAD")
		if prefetch {
			r.Prefetch(head, plan)
		}
		if _, err := r.FS(base, plan); err != nil {
			t.Fatal(err)
		}
		fsys, err := r.FS(head, plan)
		if err != nil {
			t.Fatal(err)
		}
		if prefetch && len(r.prefetched) != 0 {
			t.Error("the prefetched listing was not taken")
		}
		got := map[string]string{}
		fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				b, err := fs.ReadFile(fsys, p)
				info, _ := d.Info()
				got[p] = fmt.Sprintf("%q %v size %d", b, err, info.Size())
			}
			return nil
		})
		return got
	}
	if alone, pre := read(false), read(true); !reflect.DeepEqual(alone, pre) {
		t.Errorf("prefetched %v, alone %v", pre, alone)
	}
}
