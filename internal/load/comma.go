package load

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// Clerks type the decimal comma (97,5) as they write numbers in Vietnamese.
// YAML reads it three ways, none of them a number: "97,5" in a block
// mapping is text; in a flow mapping ({x: 97,5}) the comma ends the value,
// so x is 97 and a second key "5" has no value. decimalComma catches each
// and gives one error that says what to write instead.

// decimalComma checks the value at pairs[i+1] of a values mapping (pairs
// holds keys and values in turn). It returns how many pairs the error
// covers: 0 when the value has no decimal comma, 1 for "97,5" written
// whole, 2 for the flow form, whose second pair ("5": null) is the
// fraction and must not be read as a target of its own.
func (d *decoder) decimalComma(pairs []*yaml.Node, i int) int {
	v := pairs[i+1]
	if v.Kind != yaml.ScalarNode {
		return 0
	}
	if commaNumber(v.Value) {
		d.diags.Errorf(d.pos(v), "decimal-comma", v.Value, strings.Replace(v.Value, ",", ".", 1))
		return 1
	}
	if v.Style != 0 || v.ShortTag() != "!!int" || i+3 >= len(pairs) {
		return 0
	}
	k2, v2 := pairs[i+2], pairs[i+3]
	if k2.Kind != yaml.ScalarNode || k2.Style != 0 || !allDigits(k2.Value) ||
		k2.Line != v.Line || k2.Column != v.Column+len(v.Value)+1 ||
		v2.Kind != yaml.ScalarNode || v2.ShortTag() != "!!null" || v2.Value != "" {
		return 0
	}
	typed := v.Value + "," + k2.Value
	d.diags.Errorf(d.pos(v), "decimal-comma", typed, v.Value+"."+k2.Value)
	return 2
}

// commaNumber reports whether s is digits, one comma, digits, with an
// optional sign: a number written with the decimal comma.
func commaNumber(s string) bool {
	s = strings.TrimLeft(s, "+-")
	whole, frac, ok := strings.Cut(s, ",")
	return ok && allDigits(whole) && allDigits(frac)
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
