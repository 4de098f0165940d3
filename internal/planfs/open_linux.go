package planfs

import (
	"strings"
	"syscall"
	"unsafe"
)

// openFD opens the folder for openat: a file is then opened by its path
// in the folder, and the kernel does not walk the folder's own path again
// for each of 100,000 files. Without it, files are opened by their full
// path.
func (d *Dir) openFD() {
	for {
		fd, err := syscall.Open(d.path, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
		if err == syscall.EINTR {
			continue
		}
		if err == nil {
			d.fd = fd
		}
		return
	}
}

func (d *Dir) closeFD() {
	if d.fd >= 0 {
		syscall.Close(d.fd)
		d.fd = -1
	}
}

// atFDCWD is AT_FDCWD: openat resolves a relative path from the current
// folder (the paths given here are absolute).
var atFDCWD = -100

// openRaw opens the file rel of the folder by its path, as open does
// (O_NOFOLLOW: a link is ELOOP), with one system call and no allocation:
// the path is written into a buffer on the stack, where syscall.Open
// would copy it to the heap.
func (d *Dir) openRaw(rel string) (int, error) {
	if strings.IndexByte(rel, 0) >= 0 {
		return -1, syscall.EINVAL // as syscall.Open says
	}
	var small [512]byte
	p := small[:0]
	at := d.fd
	if at < 0 {
		at = atFDCWD
		if n := len(d.path) + len(rel) + 2; n > len(small) {
			p = make([]byte, 0, n)
		}
		p = append(p, d.path...)
		p = append(p, '/')
	} else if len(rel)+1 > len(small) {
		p = make([]byte, 0, len(rel)+1)
	}
	p = append(p, rel...)
	p = append(p, 0)
	for {
		fd, _, errno := syscall.Syscall6(syscall.SYS_OPENAT, uintptr(at), uintptr(unsafe.Pointer(&p[0])),
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
