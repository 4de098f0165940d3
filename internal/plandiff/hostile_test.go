package plandiff

import (
	"testing"

	"github.com/plan06/plan06/internal/i18n"
	"github.com/plan06/plan06/internal/safetext"
)

// A title that validate refuses (a git revision is compared whether it
// validates or not) reaches neither the terminal nor the pull request
// comment with its escapes, bidirectional override or new line.
func TestControlCharactersDropped(t *testing.T) {
	d := compare(t, edit{"tasks/chung.yaml", "title: Xây dựng kế hoạch năm 2024",
		`title: "Xây dựng\e[2J\e]52;c;ZXZpbA==\a kế hoạch\u202E năm\n2024\u009b"`})
	txt, md := text(t, d, i18n.VI), markdown(t, d, i18n.VI)
	for _, out := range []string{txt, md} {
		if r, at, bad := safetext.Find(out, true); bad {
			t.Errorf("output holds %U at character %d:\n%q", r, at, out)
		}
	}
	wantContains(t, txt, "“Xây dựng[2J]52;c;ZXZpbA== kế hoạch năm 2024”")
	wantContains(t, md, `“Xây dựng\[2J\]52;c;ZXZpbA== kế hoạch năm 2024”`)
}
