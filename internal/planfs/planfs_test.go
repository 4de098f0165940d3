package planfs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

func write(t *testing.T, dir, rel, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func link(t *testing.T, target, at string) {
	t.Helper()
	if err := os.Symlink(target, at); err != nil {
		t.Fatal(err)
	}
}

// hostile lays out every kind of path a hostile checkout may hold, and
// returns the plan folder.
func hostile(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	plan := filepath.Join(root, "plan")
	write(t, plan, "plan.yaml", "id: x\n")
	write(t, plan, "tasks/a.yaml", "tasks: []\n")
	write(t, plan, ".git/config", "[core]\n")
	write(t, root, "outside.yaml", "secret: 1\n")
	write(t, root, "elsewhere/b.yaml", "secret: 2\n")
	link(t, "a.yaml", filepath.Join(plan, "tasks", "inside.yaml"))
	link(t, "../../outside.yaml", filepath.Join(plan, "tasks", "out.yaml"))
	link(t, "/dev/zero", filepath.Join(plan, "tasks", "zero.yaml"))
	link(t, "nothing.yaml", filepath.Join(plan, "tasks", "gone.yaml"))
	link(t, "../tasks", filepath.Join(plan, "reports"))
	// A link that reads as inside but resolves outside, through a link to
	// a folder outside: os.Root refuses it.
	link(t, "../elsewhere", filepath.Join(plan, "via"))
	link(t, "via/b.yaml", filepath.Join(plan, "sneaky.yaml"))
	if err := syscall.Mkfifo(filepath.Join(plan, "tasks", "fifo.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	link(t, "fifo.yaml", filepath.Join(plan, "tasks", "to-fifo.yaml"))
	write(t, plan, "tasks/.a.yaml.123.tmp", "left by a killed run\n")
	return plan
}

// TestWalkRefusesBeforeOpening lays out every kind of path a hostile
// checkout may hold and checks what the walker lists and refuses. The
// FIFOs would hang an open; the walk must finish at once.
func TestWalkRefusesBeforeOpening(t *testing.T) {
	plan := hostile(t)
	d, err := OpenDir(plan)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	done := make(chan struct{})
	var files []File
	var refused []Refusal
	go func() {
		defer close(done)
		files, refused, err = Walk(d)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Walk hangs")
	}
	if err != nil {
		t.Fatal(err)
	}
	wantFiles := []File{{Rel: "plan.yaml", Size: 6}, {Rel: "tasks/a.yaml", Size: 10}, {Rel: "tasks/inside.yaml", Size: 10, Link: true}}
	for i := range files {
		if !files[i].Mode.IsRegular() {
			t.Errorf("%s: mode %v, want a regular file's", files[i].Rel, files[i].Mode)
		}
		files[i].Mode = 0
	}
	if !reflect.DeepEqual(files, wantFiles) {
		t.Errorf("files = %v, want %v", files, wantFiles)
	}
	got := map[string]Reason{}
	for _, r := range refused {
		got[r.Rel] = r.Reason
	}
	want := map[string]Reason{
		"reports":            LinkOutside, // ../tasks climbs out of plan/ before coming back
		"sneaky.yaml":        LinkOutside,
		"tasks/fifo.yaml":    NotRegular,
		"tasks/gone.yaml":    Dangling,
		"tasks/out.yaml":     LinkOutside,
		"tasks/to-fifo.yaml": NotRegular,
		"tasks/zero.yaml":    LinkOutside,
		"via":                LinkOutside,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("refused = %v\nwant      %v", got, want)
	}
	if _, err := os.Lstat(filepath.Join(plan, "tasks", ".a.yaml.123.tmp")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the leftover temporary file is still there (%v)", err)
	}
	if _, err := ReadFile(d, "tasks/fifo.yaml", MaxFileSize); !errors.Is(err, ErrNotRegular) {
		t.Errorf("ReadFile(fifo) = %v, want ErrNotRegular", err)
	}
	if _, err := d.Open("tasks/fifo.yaml"); !errors.Is(err, ErrNotRegular) {
		t.Errorf("Open(fifo) = %v, want ErrNotRegular without blocking", err)
	}
	if _, err := d.Open("sneaky.yaml"); err == nil {
		t.Error("Open followed a link out of the folder")
	}
}

// TestDeviceNode needs the right to make a device node (root); a link to a
// device is refused by TestWalkRefusesBeforeOpening everywhere.
func TestDeviceNode(t *testing.T) {
	plan := t.TempDir()
	write(t, plan, "plan.yaml", "id: x\n")
	// /dev/zero's numbers (1, 5): reading it never ends.
	if err := syscall.Mknod(filepath.Join(plan, "units.yaml"), syscall.S_IFCHR|0o644, 1<<8|5); err != nil {
		t.Skipf("cannot make a device node: %v", err)
	}
	d, err := OpenDir(plan)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	_, refused, err := Walk(d)
	if err != nil || len(refused) != 1 || refused[0].Reason != NotRegular {
		t.Errorf("Walk = %v, %v; want units.yaml refused as not regular", refused, err)
	}
	if _, err := ReadFile(d, "units.yaml", MaxFileSize); !errors.Is(err, ErrNotRegular) {
		t.Errorf("ReadFile(device) = %v", err)
	}
}

func TestHasPlanLooksNoFurther(t *testing.T) {
	if HasPlan(os.DirFS("/")) {
		t.Skip("/ holds a plan.yaml")
	}
	if !HasPlan(fstest.MapFS{"plan.yml": {Data: []byte("x")}}) {
		t.Error("plan.yml not recognised")
	}
}

func TestReadFileCaps(t *testing.T) {
	fsys := fstest.MapFS{
		"small.yaml": {Data: []byte("a: 1\n")},
		"big.yaml":   {Data: make([]byte, 101)},
	}
	if b, err := ReadFile(fsys, "small.yaml", 100); err != nil || string(b) != "a: 1\n" {
		t.Errorf("ReadFile(small) = %q, %v", b, err)
	}
	_, err := ReadFile(fsys, "big.yaml", 100)
	var big *TooBigError
	if !errors.As(err, &big) || big.Size != 101 || big.AtLeast {
		t.Errorf("ReadFile(big) = %v; want the real size, 101 bytes", err)
	}
}

// growing says it is small and then holds more: the cap holds while
// reading too.
type growing struct{ fstest.MapFS }

func (g growing) Open(name string) (fs.File, error) {
	f, err := g.MapFS.Open(name)
	return growingFile{f}, err
}

type growingFile struct{ fs.File }

func (growingFile) Stat() (fs.FileInfo, error) {
	return fstest.MapFS{"f.yaml": {Data: []byte("x")}}.Stat("f.yaml")
}

func TestReadFileCapsWhileReading(t *testing.T) {
	fsys := growing{fstest.MapFS{"f.yaml": {Data: make([]byte, 1000)}}}
	_, err := ReadFile(fsys, "f.yaml", 100)
	var big *TooBigError
	if !errors.As(err, &big) || !big.AtLeast || big.Size != 101 {
		t.Errorf("ReadFile(growing) = %v; want too big, stopped at 101 bytes", err)
	}
}
