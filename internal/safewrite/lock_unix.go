//go:build unix

package safewrite

import (
	"io/fs"
	"os"
	"syscall"
)

// lock takes the writer's lock on its temporary file.
func lock(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

func cleanTemp(root *os.Root, name string, _ fs.FileInfo) TempResult {
	f, err := root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW, 0)
	if err != nil {
		return TempKept
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		if err == syscall.EWOULDBLOCK {
			return TempInUse
		}
		return TempKept
	}
	if root.Remove(name) != nil {
		return TempKept
	}
	return TempRemoved
}
