package load

import "go.yaml.in/yaml/v3"

// ParseSubset reads src with the plain-subset reader (see fastParse) and
// returns the root node of its document, or nil when src is outside the
// subset. Comments are skipped, not attached to the tree: a caller that
// cares about them (plan06 fmt's canonical check) compares bytes itself.
func ParseSubset(src []byte) *yaml.Node { return fastParse(src, nil) }
