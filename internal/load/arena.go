package load

import (
	"unsafe"

	"github.com/plan06/plan06/internal/model"
	"go.yaml.in/yaml/v3"
)

// arena holds the nodes of one report file's tree while it is decoded, and
// the strings the fast path has met, for one worker of walkRead. At
// country scale a hundred thousand trees of a few dozen nodes each are built
// and dropped at once: building each in the nodes of the last one keeps that
// garbage (and the heap the collector lets it grow to) away, and interning
// keeps one copy per worker of each key, task id, state and target id that
// half a million report entries repeat, and of the results, obstacles and
// proposals units carry over from one month to the next (a third of a
// country's 700,000 texts are distinct; interning them all but the longest
// keeps 26 MB fewer live). A nil *arena allocates as usual.
//
// Only a tree that is dropped before the next file is read may live in an
// arena: report files are decoded by the worker that read them, and nothing
// keeps a node of theirs (the model holds strings and positions).
type arena struct {
	chunks      [][]yaml.Node
	chunk, used int
	strs        map[string]string
	// entries is where directReport gathers a report's entries before
	// it copies them into a slice of the right size.
	entries []model.Entry
	// buf holds the bytes of the last report file read, for the next one
	// to be read into: a report's model keeps no byte of its file (every
	// string is copied: see text), nor does any diagnostic.
	buf []byte
	// ints hands out the progress of report entries, a chunk at a time:
	// half a million one-word objects are as many more for the collector
	// to mark. A chunk lives as long as one of its ints is pointed to.
	ints []int
	// alias makes text return strings that point into the bytes read,
	// without a copy: for a SubsetReader, whose trees live only while
	// their bytes do.
	alias bool
}

// int returns a pointer to an int holding v.
func (a *arena) int(v int) *int {
	if a == nil {
		return &v
	}
	if len(a.ints) == 0 {
		a.ints = make([]int, 512)
	}
	p := &a.ints[0]
	a.ints = a.ints[1:]
	*p = v
	return p
}

const (
	arenaChunk = 256     // nodes per chunk; chunks never move
	internMax  = 512     // longest string interned, in bytes (a paragraph)
	internCap  = 1 << 14 // strings interned per worker at most
)

// node returns a node holding v: a fresh one, or one of the arena's,
// keeping the backing array of its Content for a mapping or sequence.
func (a *arena) node(v yaml.Node) *yaml.Node {
	if a == nil {
		n := new(yaml.Node)
		*n = v
		return n
	}
	if a.used == arenaChunk {
		a.chunk, a.used = a.chunk+1, 0
	}
	if a.chunk == len(a.chunks) {
		a.chunks = append(a.chunks, make([]yaml.Node, arenaChunk))
	}
	n := &a.chunks[a.chunk][a.used]
	a.used++
	content := n.Content[:0]
	*n = v
	if v.Kind != yaml.ScalarNode {
		n.Content = content
	}
	return n
}

// text returns v as a string, the same string each time for short ones.
func (a *arena) text(v []byte) string {
	if a != nil && a.alias {
		if len(v) == 0 {
			return ""
		}
		return unsafe.String(&v[0], len(v))
	}
	if a == nil || len(v) > internMax {
		return string(v)
	}
	if s, ok := a.strs[string(v)]; ok {
		return s
	}
	s := string(v)
	if a.strs == nil {
		a.strs = make(map[string]string)
	}
	if len(a.strs) < internCap {
		a.strs[s] = s
	}
	return s
}

// reset lets the next file's tree reuse the nodes: the last tree must no
// longer be in use.
func (a *arena) reset() {
	if a != nil {
		a.chunk, a.used = 0, 0
	}
}
