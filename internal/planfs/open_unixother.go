//go:build unix && !linux

package planfs

import "syscall"

// openRaw opens the file rel of the folder by its path, as open does.
func (d *Dir) openRaw(rel string) (int, error) {
	for {
		fd, err := syscall.Open(d.path+"/"+rel, rawFlags, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

func (d *Dir) openFD()  {}
func (d *Dir) closeFD() {}
