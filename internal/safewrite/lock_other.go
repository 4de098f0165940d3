//go:build !unix

package safewrite

import (
	"io/fs"
	"os"
	"time"
)

func lock(*os.File) error { return nil }

// cleanTemp, without file locks, takes a temporary file untouched for an
// hour for a leftover.
func cleanTemp(root *os.Root, name string, info fs.FileInfo) TempResult {
	if time.Since(info.ModTime()) < time.Hour {
		return TempInUse
	}
	if root.Remove(name) != nil {
		return TempKept
	}
	return TempRemoved
}
