package yamlfmt

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// repair undoes the two slips of the encoder that no change to the node tree
// avoids: the extra blank line after a folded scalar (see folded.go) and the
// comma it writes before the closing brace of a flow mapping that has a foot
// comment ("{a: 1,}"). The line each such node starts on is only known by
// reading the output back; docs are the documents that were encoded.
func repair(out []byte, docs []*yaml.Node) []byte {
	if !slices.ContainsFunc(docs, needsRepair) {
		return out
	}
	got, err := parseRaw(out)
	if err != nil || len(got) != len(docs) {
		return out // the value check that follows reports it
	}
	lines := strings.Split(string(out), "\n")
	drop := map[int]bool{}
	var walk func(want, got *yaml.Node)
	walk = func(want, got *yaml.Node) {
		if l := spareFoldedLine(want, got, lines); l > 0 {
			drop[l] = true
		}
		if want.Kind == yaml.MappingNode && isFlow(want) && want.FootComment != "" &&
			got.Kind == yaml.MappingNode && got.Line >= 1 && got.Line <= len(lines) {
			lines[got.Line-1] = dropStrayComma(lines[got.Line-1], want.LineComment)
		}
		if len(want.Content) != len(got.Content) {
			return
		}
		for i := range want.Content {
			walk(want.Content[i], got.Content[i])
		}
	}
	for i := range docs {
		walk(docs[i], got[i])
	}
	kept := lines[:0]
	for i, l := range lines {
		if !drop[i+1] {
			kept = append(kept, l)
		}
	}
	return []byte(strings.Join(kept, "\n"))
}

// dropStrayComma removes the comma before the final brace of a line that
// ends with a flow mapping, and then with the line comment comment, if any.
// (The flow mapping is on one line: hoistFlow moved every comment inside it
// out.)
func dropStrayComma(line, comment string) string {
	tail := ""
	if comment != "" {
		if !strings.HasSuffix(line, " "+comment) {
			return line
		}
		tail = " " + comment
	}
	body := strings.TrimSuffix(line, tail)
	if !strings.HasSuffix(body, ",}") {
		return line
	}
	return strings.TrimSuffix(body, ",}") + "}" + tail
}

// needsRepair reports whether n holds a node repair fixes, so that most files
// skip the extra parse.
func needsRepair(n *yaml.Node) bool {
	switch {
	case n.Kind == yaml.ScalarNode && n.Style&yaml.FoldedStyle != 0 && strings.HasSuffix(n.Value, "\n"):
		return true
	case n.Kind == yaml.MappingNode && isFlow(n) && n.FootComment != "":
		return true
	}
	return slices.ContainsFunc(n.Content, needsRepair)
}
