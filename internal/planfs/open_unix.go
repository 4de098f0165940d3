//go:build unix

package planfs

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

// oNonblock opens a FIFO without waiting for a writer.
const oNonblock = syscall.O_NONBLOCK

// open opens name without blocking. A file that is not a link is opened by
// its path with O_NOFOLLOW, one system call: the walker lists no file under
// a linked folder, so its path holds no link. A link (ELOOP) is opened
// through os.Root, which follows it only inside the folder.
func (d *Dir) open(name string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(d.path, filepath.FromSlash(name)), os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW, 0)
	if err == nil || !errors.Is(err, syscall.ELOOP) {
		return f, err
	}
	return d.root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
