//go:build !unix

package planfs

// oNonblock is 0 where FIFOs do not exist as files.
const oNonblock = 0
