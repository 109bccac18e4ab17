package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestWidgetsRender draws a KPI tile met and missed, and a number field
// showing why it refuses what was typed, and compares each with a picture
// looked at and kept in testdata (Fyne's test theme, software painter).
// A difference writes what was drawn to testdata/failed/ to look at; if the
// change is meant, that file becomes the new golden.
func TestWidgetsRender(t *testing.T) {
	for _, tc := range []struct {
		name, golden string
		size         fyne.Size
		object       func() fyne.CanvasObject
	}{
		{"a KPI tile, met", "kpitile-met.png", fyne.NewSize(260, 120), func() fyne.CanvasObject {
			tile := NewKPITile("Gross margin %")
			tile.Set(KPI{Value: "61.5%", Detail: "Target 60.0% · gap +1.5 pts", Status: Met})
			return tile
		}},
		{"a KPI tile, missed, with its gauge", "kpitile-missed.png", fyne.NewSize(260, 120), func() fyne.CanvasObject {
			tile := NewKPITile("Marketing spend")
			tile.Set(KPI{Value: "€700,000", Detail: "Budget €600,000 · €100,000 over", Status: Missed, HasGauge: true, Gauge: 1.17})
			return tile
		}},
		{"a number field showing its error", "numberfield-error.png", fyne.NewSize(260, 80), func() fyne.CanvasObject {
			f := NewNumberField(euros, NonNegative())
			f.SetValue(40000)
			f.OnCommit = func(float64) error { return nil }
			typeAndEnter(f, f.Entry().SetText, "-5")
			if f.Reason() != "must be €0 or more" {
				t.Errorf("the field refuses -5 with %q", f.Reason())
			}
			return f
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			test.NewTempApp(t)
			w := test.NewTempWindow(t, tc.object())
			w.SetPadded(false)
			w.Resize(tc.size)
			test.AssertRendersToImage(t, tc.golden, w.Canvas())
		})
	}
}
