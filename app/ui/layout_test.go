package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
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

// TestPageMeasuresWrappedText: a page put into a window that already has
// its size (as a screen is when it is shown) lays its forms out with their
// wrapped help at the height it needs at the page's width: nothing is
// drawn over the help's last lines, and the page scrolls to its end. A
// page measured before its text knew its width drew what follows the form
// over the help until the window was resized.
func TestPageMeasuresWrappedText(t *testing.T) {
	test.NewTempApp(t)
	long := "Base volume is the units sold over the plan at the reference price, without promotion. " +
		"Elasticity, from −20 to 0, is how volume follows the net price: −1.5 sells 1.5% fewer units for each 1% dearer."
	for _, width := range []float32{500, 700, 900, 1200} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			form := widget.NewForm(widget.NewFormItem("Name", widget.NewEntry()), help(long),
				widget.NewFormItem("Elasticity", widget.NewEntry()), help(long))
			results := container.NewVBox(widget.NewLabel("Results"), newNote(long))
			sides := newSideBySide(320, form, results)
			below := widget.NewLabel("What follows the form")
			page := newPage(widget.NewLabel("Heading"), sides, below)
			w := test.NewTempWindow(t, widget.NewLabel("another screen"))
			w.Resize(fyne.NewSize(width, 600))
			w.SetContent(page)

			for _, short := range tooShort(page.Content) {
				t.Errorf("%s is drawn shorter than it needs", short)
			}
			if end := sides.Position().Y + sides.MinSize().Height; below.Position().Y < end {
				t.Errorf("what follows the form starts at %v, over the form, which ends at %v", below.Position().Y, end)
			}
			if end := below.Position().Y + below.Size().Height; page.Content.Size().Height < end {
				t.Errorf("the page scrolls to %v, short of its end at %v", page.Content.Size().Height, end)
			}
		})
	}
}

// tooShort names the visible objects under o (through containers and forms)
// laid out shorter than their minimum height.
func tooShort(o fyne.CanvasObject) []string {
	if !o.Visible() {
		return nil
	}
	var out []string
	if o.Size().Height+0.5 < o.MinSize().Height {
		out = append(out, fmt.Sprintf("%T (%v tall, needs %v)", o, o.Size().Height, o.MinSize().Height))
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, tooShort(c)...)
		}
	case *widget.Form:
		for _, it := range x.Items {
			out = append(out, tooShort(it.Widget)...)
		}
	case *container.ThemeOverride:
		out = append(out, tooShort(x.Content)...)
	}
	return out
}
