package i18n

import (
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// A collator is not safe for concurrent use; one per goroutine would be
// wasteful for the few sorts plan06 does, so a mutex guards one.
var (
	collMu sync.Mutex
	coll   = collate.New(language.Vietnamese)
)

// Compare orders two names by Vietnamese collation ("Đ" after "D", "Ă" and
// "Â" after "A"), not by bytes.
func Compare(a, b string) int {
	collMu.Lock()
	defer collMu.Unlock()
	return coll.CompareString(a, b)
}
