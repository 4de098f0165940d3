//go:build unix

package planfs

import (
	"errors"
	"io"
	"io/fs"
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

// rawFlags open a file as open does, by its path: no blocking on a FIFO,
// no link followed, and the descriptor closed on exec.
const rawFlags = syscall.O_RDONLY | syscall.O_NONBLOCK | syscall.O_NOFOLLOW | syscall.O_CLOEXEC

// readFile is ReadFileBuf for a file of the folder that is not a link,
// with system calls alone: open, fstat, read, close. An os.File would
// cost more for each of the 100,000 files of a country plan: a
// registration with the poller (refused for a regular file, one more
// system call), a finalizer, and a read more to be told the file ends
// (see readAll). done is false for a link (ELOOP): the caller then opens
// it through os.Root, which follows it only inside the folder.
func (d *Dir) readFile(rel string, limit int64, buf []byte) (b []byte, done bool, err error) {
	if !fs.ValidPath(rel) {
		return nil, true, fs.ErrInvalid
	}
	fd, err := d.openRaw(rel)
	if err == syscall.ELOOP {
		return nil, false, nil
	}
	if err != nil {
		return nil, true, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	for {
		if err = syscall.Fstat(fd, &st); err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, true, err
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		// A FIFO, socket or device (open did not wait for it), or a
		// folder: never read.
		return nil, true, ErrNotRegular
	}
	if testHookOpened != nil {
		testHookOpened(rel)
	}
	if st.Size > limit {
		return nil, true, &TooBigError{Size: st.Size}
	}
	b, err = readAll(func(p []byte) (int, error) {
		for {
			n, err := syscall.Read(fd, p)
			switch {
			case err == syscall.EINTR:
				continue
			case err != nil:
				return 0, err
			case n == 0:
				return 0, io.EOF
			}
			return n, nil
		}
	}, st.Size, limit, buf, true)
	return b, true, err
}

// readDir lists the folder name, opened through os.Root as f, with the
// types the listing gives (getdents) and nothing more. A folder opened
// through os.Root describes each of its entries as it lists them (one
// lstat each), which the walker needs only for a file it does not leave
// to the reader (see WalkEachUnsized): f is listed through a copy of its
// descriptor, as a file os.Root did not open, whose entries are described
// only when asked (fs.DirEntry.Info, an lstat of the entry's path).
//
// A folder whose entries cannot be described (one that may be listed but
// not searched: mode r without x) fails as a whole when listed through
// os.Root: one entry is described to find out, and such a folder is
// listed through os.Root again, so that it fails as it always did.
func (d *Dir) readDir(name string, f *os.File) ([]fs.DirEntry, error) {
	sc, err := f.SyscallConn()
	if err != nil {
		return f.ReadDir(-1)
	}
	fd := -1
	var dupErr error
	if err := sc.Control(func(raw uintptr) {
		syscall.ForkLock.RLock()
		defer syscall.ForkLock.RUnlock()
		if fd, dupErr = syscall.Dup(int(raw)); dupErr == nil {
			syscall.CloseOnExec(fd)
		}
	}); err != nil || dupErr != nil {
		return f.ReadDir(-1)
	}
	g := os.NewFile(uintptr(fd), f.Name())
	defer g.Close()
	list, err := g.ReadDir(-1)
	if err != nil || len(list) == 0 {
		return list, err
	}
	if _, err := list[0].Info(); err != nil && !errors.Is(err, fs.ErrNotExist) {
		again, err := d.root.Open(name)
		if err != nil {
			return nil, err
		}
		defer again.Close()
		return again.ReadDir(-1)
	}
	return list, nil
}
