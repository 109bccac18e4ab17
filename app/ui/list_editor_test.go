package ui

import (
	"testing"

	"fyne.io/fyne/v2/widget"

	"mixplan/planner/plangen"
)

// listOf returns a list-plus-form screen's list and selected row.
func listOf(t *testing.T, s Screen) (*widget.List, int) {
	t.Helper()
	switch s := s.(type) {
	case *productScreen:
		return s.list, s.sel
	case *priceScreen:
		return s.list, s.sel
	case *placeScreen:
		return s.list, s.sel
	case *promotionScreen:
		return s.list, s.sel
	case *scenariosScreen:
		return s.list, s.sel
	}
	t.Fatalf("%T has no list", s)
	return nil, 0
}

// TestListScreensOpenAtTheTop: every list-plus-form screen shown for the
// first time on a large plan has its first row selected and in view.
// Selecting a row before the list has a size used to scroll the list by a
// row, hiding the first one (the Promotion and Scenarios lists).
func TestListScreensOpenAtTheTop(t *testing.T) {
	w := openWindow(t, plangen.Generate(plangen.Large, 1), "", "")
	for _, id := range []string{"product", "price", "place", "promotion", "scenarios"} {
		t.Run(id, func(t *testing.T) {
			w.ShowScreen(id)
			list, sel := listOf(t, w.Screen(id))
			if sel != 0 || list.GetScrollOffset() != 0 {
				t.Errorf("row %d selected, list scrolled by %v", sel, list.GetScrollOffset())
			}
		})
	}
}
