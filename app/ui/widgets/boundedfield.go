package widgets

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// BoundedField is a NumberField with a slider beside it, for a value that
// lives in a range: a channel's spend between its minimum and maximum, a
// discount between 0 and 95 %. Typing moves the slider; dragging the slider
// writes the number and commits once, when the drag ends; either way one
// change is one OnCommit.
//
// The slider's range (SetRange) is where the value usually lives; the field's
// Rules say what is allowed. They may differ: a channel with no maximum has a
// slider up to a useful spend and no upper rule.
type BoundedField struct {
	widget.BaseWidget

	// Field is the number entry; set its Rules, OnCommit and so on.
	Field  *NumberField
	slider *widget.Slider
	lo, hi float64
	// syncing is true while the slider is moved by SetValue, so that moving
	// it does not commit the value it was given.
	syncing bool
}

// NewBoundedField returns a field and slider for values in [lo, hi].
func NewBoundedField(f Format, lo, hi float64, rules ...Rule) *BoundedField {
	b := &BoundedField{Field: NewNumberField(f, rules...)}
	b.ExtendBaseWidget(b)
	b.slider = widget.NewSlider(0, 1)
	b.SetRange(lo, hi)
	b.slider.OnChanged = func(x float64) {
		if !b.syncing {
			b.Field.entry.SetText(b.Field.format.Format(x))
		}
	}
	b.slider.OnChangeEnded = func(x float64) {
		if !b.syncing {
			b.Field.Submit()
		}
	}
	b.Field.OnTyping = func(x float64) { b.moveSlider(x) }
	return b
}

// CreateRenderer is part of fyne.Widget.
func (b *BoundedField) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(newSplit(b.Field, b.slider))
}

// SetRange sets the slider's range; the step is a round number about a
// two-hundredth of it, so dragging lands on values a person would type.
func (b *BoundedField) SetRange(lo, hi float64) {
	if !(hi > lo) {
		hi = lo + 1
	}
	if lo == b.lo && hi == b.hi {
		return
	}
	b.lo, b.hi = lo, hi
	b.syncing = true
	b.slider.Min, b.slider.Max = lo, hi
	b.slider.Step = NiceStep((hi - lo) / 200)
	b.slider.Refresh()
	b.syncing = false
}

// Range returns the slider's range.
func (b *BoundedField) Range() (lo, hi float64) { return b.lo, b.hi }

// SetValue shows x in the field and on the slider without committing it.
func (b *BoundedField) SetValue(x float64) {
	b.Field.SetValue(x)
	b.moveSlider(x)
}

// Value returns the value shown.
func (b *BoundedField) Value() float64 { v, _ := b.Field.Value(); return v }

// Slider is the slider, for tests.
func (b *BoundedField) Slider() *widget.Slider { return b.slider }

// Drag moves the slider to x as a person dragging it would, ending the drag there.
func (b *BoundedField) Drag(x float64) {
	b.slider.Value = math.Max(b.lo, math.Min(b.hi, x))
	b.slider.Refresh()
	b.slider.OnChanged(b.slider.Value)
	b.slider.OnChangeEnded(b.slider.Value)
}

func (b *BoundedField) moveSlider(x float64) {
	b.syncing = true
	b.slider.SetValue(math.Max(b.lo, math.Min(b.hi, x)))
	b.syncing = false
}

// NiceStep rounds a step up to 1, 2 or 5 times a power of ten.
func NiceStep(raw float64) float64 {
	if !(raw > 0) || math.IsInf(raw, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if raw <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// newSplit lays out a field and its slider side by side: the field a third
// of the width (at least its minimum), the slider the rest.
func newSplit(field, slider fyne.CanvasObject) *fyne.Container {
	return &fyne.Container{Layout: splitLayout{}, Objects: []fyne.CanvasObject{field, slider}}
}

type splitLayout struct{}

func (splitLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := float32(8)
	fw := fyne.Max(objs[0].MinSize().Width, size.Width/3)
	fh := objs[0].MinSize().Height
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(fw, fyne.Max(fh, size.Height)))
	sh := objs[1].MinSize().Height
	eh := objs[0].(*NumberField).entry.MinSize().Height
	objs[1].Move(fyne.NewPos(fw+pad, (eh-sh)/2))
	objs[1].Resize(fyne.NewSize(fyne.Max(0, size.Width-fw-pad), sh))
}

func (splitLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	f, s := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(f.Width+8+s.Width, fyne.Max(f.Height, s.Height))
}
