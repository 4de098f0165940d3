package load

import (
	"reflect"
	"testing"

	"github.com/plan06/plan06/internal/model"
)

// TestArenaReuse: report trees built one after another in the same arena
// decode to the models the same files give without one, and a model
// decoded before the arena was reused is left as it was.
func TestArenaReuse(t *testing.T) {
	files := []string{
		"submitted: 2024-01-09\ntasks:\n  - task: \"2.7\"\n    state: in-progress\n    progress: 35\n    values: {ti-le-06: 70}\n    result: Đã ban hành 3 văn bản.\n",
		"submitted: 2024-02-09\ntasks:\n  - task: \"3.1\"\n    state: done\n    done: 2024-02-01\n  - task: '4.2'\n    state: blocked\n    obstacles: thiếu kinh phí\n    proposals: bổ sung\n",
		"tasks:\n  - {task: x}\n  - task: [a, b]\n    state: nope\n",
	}
	decode := func(src string, a *arena) (*model.Report, []string) {
		root := readSubsetIn([]byte(src), a)
		if root == nil {
			t.Fatalf("not in the subset:\n%s", src)
		}
		r := &model.Report{}
		d := &decoder{file: "r.yaml"}
		d.reportFile(root, r)
		var msgs []string
		for _, x := range d.diags {
			msgs = append(msgs, x.Key)
		}
		return r, msgs
	}
	a := new(arena)
	var kept []*model.Report
	for round := range 3 {
		for i, src := range files {
			want, wantDiags := decode(src, nil)
			got, gotDiags := decode(src, a)
			a.reset()
			if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotDiags, wantDiags) {
				t.Fatalf("round %d, file %d: with the arena\n%+v %v\nwithout\n%+v %v", round, i, got, gotDiags, want, wantDiags)
			}
			if round == 0 {
				kept = append(kept, got)
			}
		}
	}
	for i, src := range files {
		if want, _ := decode(src, nil); !reflect.DeepEqual(kept[i], want) {
			t.Fatalf("file %d: a model changed when the arena was reused", i)
		}
	}
}
