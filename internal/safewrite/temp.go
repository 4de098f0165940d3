package safewrite

import (
	"os"
	"strings"
)

// IsTemp reports whether name (a file name, not a path) is that of a
// temporary file written by this package: ".NAME.DIGITS.tmp". Readers of a
// folder skip such files, and remove them once their writer is gone (see
// CleanTemp): a run killed in the middle of a write must not leave a file
// that makes the next run fail.
func IsTemp(name string) bool {
	rest, ok := strings.CutSuffix(name, ".tmp")
	if !ok || !strings.HasPrefix(rest, ".") {
		return false
	}
	dot := strings.LastIndexByte(rest, '.')
	if dot <= 1 || dot == len(rest)-1 {
		return false
	}
	for _, c := range rest[dot+1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// TempResult says what CleanTemp did with a temporary file.
type TempResult int

const (
	// TempInUse is a file whose writer is still at work: left alone.
	TempInUse TempResult = iota
	// TempRemoved is a file left by a writer that is gone: removed.
	TempRemoved
	// TempKept is a file that could not be examined or removed.
	TempKept
)

// CleanTemp removes the temporary file name of the folder root when no
// writer holds it any more. While WriteFile or Create writes, it holds an
// exclusive lock on its temporary file; the system drops the lock when the
// process ends, however it ends, so a file nobody locks is a leftover.
func CleanTemp(root *os.Root, name string) TempResult {
	info, err := root.Lstat(name)
	if err != nil || !info.Mode().IsRegular() || !IsTemp(info.Name()) {
		return TempKept
	}
	return cleanTemp(root, name, info)
}
