package i18n

import "golang.org/x/text/collate"

// CollationKeys returns the Vietnamese collation key of each of names: comparing two
// keys byte by byte orders the names as Compare does, so that a long list
// can be sorted with one key per name instead of a collation per
// comparison.
func CollationKeys(names []string) []string {
	collMu.Lock()
	defer collMu.Unlock()
	var buf collate.Buffer
	keys := make([]string, len(names))
	for i, s := range names {
		keys[i] = string(coll.KeyFromString(&buf, s))
		buf.Reset()
	}
	return keys
}
