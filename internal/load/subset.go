package load

import "go.yaml.in/yaml/v3"

// ParseSubset reads src with the plain-subset reader (see fastParse) and
// returns the root node of its document, or nil when src is outside the
// subset. Comments are skipped, not attached to the tree: a caller that
// cares about them (plan06 fmt's canonical check) compares bytes itself.
func ParseSubset(src []byte) *yaml.Node { return fastParse(src, nil) }

// A SubsetReader is ParseSubset for a caller that reads many files one
// after another and drops each tree before reading the next (plan06 fmt's
// canonical check): each tree is built in the nodes of the last one (see
// arena), and its strings are not copies but point into src, so a tree it
// returned is valid only until the next Read, and only while src is
// neither changed nor reused.
type SubsetReader struct{ a arena }

// Read is ParseSubset, building the tree in the reader's nodes, its
// strings in src.
func (r *SubsetReader) Read(src []byte) *yaml.Node {
	r.a.reset()
	r.a.alias = true
	return fastParse(src, &r.a)
}
