package planfs

import (
	"strings"
	"syscall"
	"unsafe"
)

// atFDCWD is AT_FDCWD: openat resolves a relative path from the current
// folder (the paths given here are absolute).
var atFDCWD = -100

// openRaw opens the file rel of the folder by its path, as open does, with
// one system call and no allocation: the path is written into a buffer on
// the stack, where syscall.Open would copy it to the heap, after
// filepath.Join did once already.
func (d *Dir) openRaw(rel string) (int, error) {
	if strings.IndexByte(rel, 0) >= 0 {
		return -1, syscall.EINVAL // as syscall.Open says
	}
	var small [512]byte
	p := small[:0]
	if n := len(d.path) + len(rel) + 2; n > len(small) {
		p = make([]byte, 0, n)
	}
	p = append(p, d.path...)
	p = append(p, '/')
	p = append(p, rel...)
	p = append(p, 0)
	for {
		fd, _, errno := syscall.Syscall6(syscall.SYS_OPENAT, uintptr(atFDCWD), uintptr(unsafe.Pointer(&p[0])),
			rawFlags|syscall.O_LARGEFILE, 0, 0, 0)
		switch errno {
		case 0:
			return int(fd), nil
		case syscall.EINTR:
			continue
		}
		return -1, errno
	}
}
