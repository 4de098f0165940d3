package safewrite

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

func TestIsTemp(t *testing.T) {
	for name, want := range map[string]bool{
		".chung.yaml.123456.tmp": true,
		".a.1.tmp":               true,
		"chung.yaml.123.tmp":     false, // not hidden: not ours
		".chung.yaml.tmp":        false, // no digits
		".chung.yaml.12a.tmp":    false,
		"..1.tmp":                false,
		".chung.yaml.123.tmp2":   false,
		".chung.yaml.123.":       false,
	} {
		if got := IsTemp(name); got != want {
			t.Errorf("IsTemp(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestKilledWriterLeavesNothingBehind kills a process in the middle of a
// write, as a SIGKILL during `plan06 fmt -w` would: the temporary file it
// leaves is recognised, held by nobody, and removed; the target is intact.
func TestKilledWriterLeavesNothingBehind(t *testing.T) {
	if dir := os.Getenv("SAFEWRITE_HELPER_DIR"); dir != "" {
		// The helper: write half a file, then wait to be killed.
		WriteFile(filepath.Join(dir, "a.yaml"), nil, 0o644)
		write(filepath.Join(dir, "a.yaml"), 0o644, true, func(w io.Writer) error {
			w.Write([]byte("half"))
			os.WriteFile(filepath.Join(dir, "ready"), nil, 0o644)
			time.Sleep(time.Minute)
			return nil
		})
		os.Exit(0)
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledWriterLeavesNothingBehind$")
	cmd.Env = append(os.Environ(), "SAFEWRITE_HELPER_DIR="+dir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, err := os.Stat(filepath.Join(dir, "ready")); err == nil {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the writer never started")
		}
		time.Sleep(10 * time.Millisecond)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	temp := ""
	for _, name := range entries(t, dir) {
		if IsTemp(name) {
			temp = name
		}
	}
	if temp == "" {
		t.Fatalf("no temporary file among %v", entries(t, dir))
	}
	if got := CleanTemp(root, temp); got != TempInUse {
		t.Errorf("while the writer lives, CleanTemp = %v, want TempInUse", got)
	}
	cmd.Process.Kill() // SIGKILL: no deferred cleanup runs
	cmd.Wait()
	if got := CleanTemp(root, temp); got != TempRemoved {
		t.Errorf("after the kill, CleanTemp = %v, want TempRemoved", got)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "a.yaml")); err != nil || len(b) != 0 {
		t.Errorf("the target = %q, %v; want it as it was (empty)", b, err)
	}
}
