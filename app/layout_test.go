package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

func TestResponsiveGrid(t *testing.T) {
	test.NewTempApp(t)
	box := func(w, h float32) fyne.CanvasObject {
		r := canvas.NewRectangle(nil)
		r.SetMinSize(fyne.NewSize(w, h))
		return r
	}
	for _, tc := range []struct {
		name     string
		minWidth float32
		uneven   bool
		objs     []fyne.CanvasObject
		width    float32
		wantCols int
	}{
		{"five tiles fit a wide window", 230, false, []fyne.CanvasObject{box(200, 90), box(200, 90), box(200, 90), box(200, 90), box(200, 90), box(200, 90)}, 1200, 5},
		{"wrap in a narrow one", 230, false, []fyne.CanvasObject{box(200, 90), box(200, 90), box(200, 90)}, 500, 2},
		{"never fewer than one", 230, false, []fyne.CanvasObject{box(200, 90), box(200, 90)}, 210, 1},
		{"a wide form and a narrow chart side by side", 320, true, []fyne.CanvasObject{box(540, 600), box(320, 300)}, 880, 2},
		{"too narrow for both", 320, true, []fyne.CanvasObject{box(540, 600), box(320, 300)}, 850, 1},
		{"equal columns for tiles of different widths", 230, false, []fyne.CanvasObject{box(200, 90), box(300, 90), box(200, 90)}, 700, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newResponsiveGrid(tc.minWidth, tc.objs...)
			if tc.uneven {
				c = newSideBySide(tc.minWidth, tc.objs...)
			}
			c.Resize(fyne.NewSize(tc.width, 1000))
			cols := 0
			for _, o := range tc.objs {
				if o.Position().Y == 0 {
					cols++
				}
				if o.Size().Width < o.MinSize().Width {
					t.Errorf("object squeezed to %v, below its %v", o.Size().Width, o.MinSize().Width)
				}
			}
			if cols != tc.wantCols {
				t.Errorf("%d columns, want %d", cols, tc.wantCols)
			}
			if !tc.uneven && cols > 1 && tc.objs[0].Size().Width != tc.objs[1].Size().Width {
				t.Errorf("columns of %v and %v: tiles must line up", tc.objs[0].Size().Width, tc.objs[1].Size().Width)
			}
			rows := (len(tc.objs) + cols - 1) / cols
			if h := c.MinSize().Height; h < float32(rows)*90 {
				t.Errorf("min height %v for %d rows", h, rows)
			}
		})
	}
}
