//go:build !unix

package planfs

import "os"

// open opens name through os.Root, which follows links only inside the
// folder. FIFOs do not exist as files here.
func (d *Dir) open(name string) (*os.File, error) {
	return d.root.OpenFile(name, os.O_RDONLY, 0)
}
