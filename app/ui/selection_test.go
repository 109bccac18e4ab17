package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"mixplan/planner/plangen"
)

// TestOptimizeTableShowsItsChannel: the Optimise screen's channel table
// opens at its first rows with the channel whose curve is drawn selected
// (it selected nothing: Table.Select before the first layout left the
// first rows undrawn), and keeps a channel the person picked.
func TestOptimizeTableShowsItsChannel(t *testing.T) {
	w := openWindow(t, plangen.Generate(plangen.Large, 1), "", "")
	s := optimizeOf(t, w)
	p := w.doc.Plan()
	if s.chSel.cell != (widget.TableCellID{Row: 0, Col: 0}) || s.ch != 0 {
		t.Errorf("cell %v selected, curve of channel %d; want the first", s.chSel.cell, s.ch)
	}
	shown := strings.Join(labelTexts(s.channels), "|")
	for _, want := range []string{p.Promotions[0].Name, p.Promotions[1].Name} {
		if !strings.Contains(shown, want) {
			t.Errorf("the table does not show %q: %s", want, shown)
		}
	}
	s.channels.Select(widget.TableCellID{Row: 150, Col: 1})
	w.doc.SetScenario(p.Scenarios[0].ID) // every screen refreshes
	if s.chSel.cell != (widget.TableCellID{Row: 150, Col: 1}) || s.ch != 150 {
		t.Errorf("after a refresh cell %v selected, curve of channel %d; want row 150", s.chSel.cell, s.ch)
	}
}
