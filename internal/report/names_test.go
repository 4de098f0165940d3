package report

import (
	"slices"
	"testing"

	"github.com/plan06/plan06/internal/model"
)

// TestSortByNameAgreesWithCollation checks that sorting by collation keys
// gives the order byName gives, comparison by comparison: Vietnamese
// letters (Đ after D, Ă and Â after A, tones), equal names told apart by
// id, a unit without a name (its id stands for it) and the same unit twice.
func TestSortByNameAgreesWithCollation(t *testing.T) {
	unit := func(id, name string) *model.Unit {
		return &model.Unit{ID: model.Text{Value: id}, Name: model.Text{Value: name}}
	}
	same := unit("so-tp", "Sở Tư pháp")
	units := []*model.Unit{
		unit("ubnd-dh", "UBND huyện Đông Hà"), unit("ubnd-dt", "UBND huyện Dầu Tiếng"),
		unit("so-yt", "Sở Y tế"), same, unit("so-tc", "Sở Tài chính"), unit("ca", "Công an tỉnh"),
		unit("b", "Ấp Bắc"), unit("a", "Ấp Bắc"), unit("anh", "Ánh Dương"), unit("an", "An Giang"),
		unit("zz", ""), unit("ao", "Ao Sen"), unit("ăn", "Ăn Uống"), same, unit("d", "đội 1"), unit("D", "Đội 1"),
	}
	want := slices.Clone(units)
	slices.SortStableFunc(want, byName)
	got := slices.Clone(units)
	sortByName(got, func(u **model.Unit) *model.Unit { return *u })
	if !slices.Equal(got, want) {
		for i := range got {
			t.Errorf("%d: got %s (%s), want %s (%s)", i, got[i].ID.Value, UnitName(got[i]), want[i].ID.Value, UnitName(want[i]))
		}
	}
	// The sort is stable: rows of one unit keep their order.
	type row struct {
		u *model.Unit
		n int
	}
	rows := []row{{units[1], 0}, {same, 1}, {units[0], 2}, {same, 3}, {units[1], 4}}
	sortByName(rows, func(r *row) *model.Unit { return r.u })
	var order []int
	for _, r := range rows {
		order = append(order, r.n)
	}
	if !slices.Equal(order, []int{1, 3, 0, 4, 2}) {
		t.Errorf("rows in order %v, want [1 3 0 4 2]", order)
	}
}
