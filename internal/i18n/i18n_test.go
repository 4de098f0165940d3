package i18n

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Every entry exists in both languages and both take the same arguments, so
// a message can never print half-translated or with %!v(MISSING).
func TestCatalogueComplete(t *testing.T) {
	for _, k := range Keys() {
		e, _ := Lookup(k)
		if strings.TrimSpace(e.VI) == "" || strings.TrimSpace(e.EN) == "" {
			t.Errorf("%s: missing a language: vi=%q en=%q", k, e.VI, e.EN)
		}
		if v, n := verbs(e.VI), verbs(e.EN); v != n {
			t.Errorf("%s: vi has verbs %q, en has %q", k, v, n)
		}
	}
}

// verbs describes which argument each fmt verb of f prints, sorted, e.g.
// "1:q 2:d"; explicit indexes (%[2]q) are followed as fmt does.
func verbs(f string) string {
	var out []string
	arg := 1
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		if i+1 < len(f) && f[i+1] == '%' {
			i++
			continue
		}
		j := i + 1
		for j < len(f) && strings.IndexByte("+-# 0123456789.", f[j]) >= 0 {
			j++
		}
		if j < len(f) && f[j] == '[' {
			k := strings.IndexByte(f[j:], ']')
			if k < 0 {
				return "bad index in " + f
			}
			n, err := strconv.Atoi(f[j+1 : j+k])
			if err != nil {
				return "bad index in " + f
			}
			arg = n
			j += k + 1
		}
		if j < len(f) {
			out = append(out, fmt.Sprintf("%d:%c", arg, f[j]))
			arg++
		}
		i = j
	}
	slices.Sort(out)
	out = slices.Compact(out)
	return strings.Join(out, " ")
}
