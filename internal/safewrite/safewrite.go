// Package safewrite writes files so that an interrupted run never leaves
// half a file: data goes to a temporary file in the target's folder, is
// synced, and is then renamed (or linked) into place. A run killed in the
// middle of a write may leave the temporary file behind; IsTemp names such
// files and CleanTemp removes them once their writer is gone.
package safewrite

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned by Create when the target already exists.
var ErrExists = fs.ErrExist

// WriteFile replaces path with data.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	return write(path, perm, true, func(w io.Writer) error { _, err := w.Write(data); return err })
}

// Create writes a new file at path with what fill writes, refusing to
// replace an existing file (ErrExists).
func Create(path string, perm fs.FileMode, fill func(io.Writer) error) error {
	return write(path, perm, false, fill)
}

func write(path string, perm fs.FileMode, overwrite bool, fill func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if info, statErr := os.Stat(dir); statErr != nil || !info.IsDir() {
		return fmt.Errorf("folder %s does not exist", dir)
	}
	if !overwrite {
		if _, statErr := os.Lstat(path); statErr == nil {
			return fmt.Errorf("%s: %w", path, ErrExists)
		}
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, unwrapPath(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	// The lock tells readers of the folder that a writer is at work; the
	// system drops it when the process ends, so a file that nobody locks is
	// a leftover that CleanTemp removes.
	if err = lock(tmp); err != nil {
		return fmt.Errorf("cannot lock a temporary file in %s: %w", dir, err)
	}
	if err = fill(tmp); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if overwrite {
		if err = os.Rename(tmp.Name(), path); err != nil {
			return err
		}
		syncDir(dir)
		return nil
	}
	// A hard link fails if the target appeared meanwhile: no race can make
	// us replace a file we promised to keep.
	if err = os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: %w", path, ErrExists)
		}
		return err
	}
	os.Remove(tmp.Name())
	syncDir(dir)
	return nil
}

// syncDir makes a rename durable where the system allows syncing a folder;
// failures are ignored (the file itself is already synced).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// unwrapPath drops the temporary file's name from an error: the user never
// asked for that file and should not see its name.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
