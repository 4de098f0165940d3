package yamlfmt

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

// normalize rewrites a parsed document in place into the shape the encoder
// should write: text in NFC, keys in canonical order, comments where the
// encoder keeps them.
func normalize(doc *yaml.Node, kind Kind) {
	nfcNodes(doc)
	if orders := keyOrders[kind]; orders != nil {
		// Moving a key can put an alias before its anchor, or after another
		// anchor of the same name, and change what the document says. When
		// there are aliases, each mapping's new order is checked, and a
		// mapping whose order would do that keeps the order it had.
		var safe func() bool
		if hasAlias(doc) {
			safe = func() bool { return aliasesResolve(doc) }
		}
		for _, root := range doc.Content {
			reorder(root, "", orders, safe)
		}
	}
	fixComments(doc)
	foldedStyles(doc)
	for _, c := range doc.Content {
		// A document that is only an empty null would be written as
		// nothing at all, which reads back as no document.
		spellNulls(c, false, true)
	}
}

// spellNulls writes "~" for a null that has no text ({a: }, {a}, "? : b", a
// lone "-") where an empty null goes wrong: inside a flow collection and as a
// key, yaml.v3 writes it as an empty quoted string, which is not a null; as a
// sequence item, the parser hands the comments around it to the wrong nodes,
// so that they move each time the file is formatted; as a whole document, it
// would be written as nothing. The empty value of a key ("note:") stays
// empty.
func spellNulls(n *yaml.Node, inFlow, spell bool) {
	if spell && n.Kind == yaml.ScalarNode && n.Value == "" && n.ShortTag() == "!!null" &&
		n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
		n.Value = "~"
	}
	inFlow = inFlow || isFlow(n)
	for i, c := range n.Content {
		spellNulls(c, inFlow, inFlow || n.Kind == yaml.SequenceNode || n.Kind == yaml.MappingNode && i%2 == 0)
	}
}

// nfcNodes puts the text of every scalar and every comment in NFC (anchors
// and tags too, so that the whole file is NFC), and drops blanks at the ends
// of comment lines.
func nfcNodes(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode || n.Kind == yaml.AliasNode {
		n.Value = norm.NFC.String(n.Value)
	}
	n.Anchor = norm.NFC.String(n.Anchor)
	n.Tag = norm.NFC.String(n.Tag)
	n.HeadComment = cleanComment(n.HeadComment, n.Kind != yaml.DocumentNode)
	n.LineComment = cleanComment(n.LineComment, true)
	n.FootComment = cleanComment(n.FootComment, n.Kind != yaml.DocumentNode)
	for _, c := range n.Content {
		nfcNodes(c)
	}
}

// cleanComment puts a comment in NFC and drops the blanks at the ends of its
// lines. With compact set it also drops the blank lines inside it: the
// parser splits a comment block at a blank line and gives the part above to
// the node before, so a head comment with a blank line in it would move a
// little each time the file is formatted.
func cleanComment(c string, compact bool) string {
	if c == "" {
		return c
	}
	lines := strings.Split(norm.NFC.String(c), "\n")
	kept := lines[:0]
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if compact && l == "" {
			continue
		}
		kept = append(kept, l)
	}
	return strings.Join(kept, "\n")
}

// reorder sorts the keys of every mapping under n that has a canonical order.
// path names n as keyOrders does.
// safe, when not nil, says whether the document still reads the same.
func reorder(n *yaml.Node, path string, orders map[string][]string, safe func() bool) {
	switch n.Kind {
	case yaml.SequenceNode:
		for _, c := range n.Content {
			reorder(c, path+"[]", orders, safe)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if name, ok := keyName(k); ok {
				reorder(n.Content[i+1], join(path, name), orders, safe)
			}
		}
		if order, ok := orders[path]; ok {
			sortPairs(n, order, safe)
		}
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// keyName returns the text of a key that can name a known field: a scalar
// string, plain or quoted.
func keyName(k *yaml.Node) (string, bool) {
	if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
		return "", false
	}
	return k.Value, true
}

// sortPairs puts the pairs of mapping m in the order given; keys not in it
// follow, in the order the user wrote them. The sort is stable, so a
// duplicate key (which decoding rejects anyway) keeps its place. When safe
// says the new order changes the document, m keeps its old order.
func sortPairs(m *yaml.Node, order []string, safe func() bool) {
	type pair struct {
		rank int
		k, v *yaml.Node
	}
	pairs := make([]pair, 0, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		rank := len(order)
		if name, ok := keyName(m.Content[i]); ok {
			if r := slices.Index(order, name); r >= 0 {
				rank = r
			}
		}
		pairs = append(pairs, pair{rank, m.Content[i], m.Content[i+1]})
	}
	if len(pairs) == 0 {
		return
	}
	if slices.IsSortedFunc(pairs, func(a, b pair) int { return a.rank - b.rank }) {
		return
	}
	old := slices.Clone(m.Content)
	slices.SortStableFunc(pairs, func(a, b pair) int { return a.rank - b.rank })
	for i, p := range pairs {
		m.Content[2*i], m.Content[2*i+1] = p.k, p.v
	}
	if safe != nil && !safe() {
		copy(m.Content, old)
		return
	}
	keepMappingFoot(m, old[len(old)-2])
	keepFileHeader(m, old[0])
}

// hasAlias reports whether n or a node under it is an alias.
func hasAlias(n *yaml.Node) bool {
	return n.Kind == yaml.AliasNode || slices.ContainsFunc(n.Content, hasAlias)
}

// aliasesResolve reports whether, reading the document in its current order,
// every alias names the node it named when the document was parsed.
func aliasesResolve(doc *yaml.Node) bool {
	defined := map[string]*yaml.Node{}
	ok := true
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if !ok {
			return
		}
		if n.Kind == yaml.AliasNode {
			if defined[n.Value] != n.Alias {
				ok = false
			}
			return
		}
		if n.Anchor != "" {
			defined[n.Anchor] = n
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(doc)
	return ok
}
