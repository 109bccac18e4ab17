package widgets

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/ui/internal/textfit"
)

// Status is how a figure stands against its target.
type Status int

// Statuses of a KPI.
const (
	// Neutral: no target is set; the value is shown in the normal colour.
	Neutral Status = iota
	// Met: the target is met; green.
	Met
	// Missed: the target is missed; red.
	Missed
)

// KPI is what a KPITile shows.
type KPI struct {
	// Value is the figure, formatted ("€5,412,300", "61.2%", "n/a").
	Value string
	// Detail is the line under it: the target and the gap
	// ("Target €5,400,000 · gap +€12,300"), or a note when no target is set.
	Detail string
	Status Status
	// Gauge, when HasGauge, draws a bar filled to Gauge (0 to 1; more than
	// 1 is drawn full): marketing spend against the budget.
	Gauge    float64
	HasGauge bool
}

// KPITile shows one key figure: a title, the value in large type coloured
// by its Status (green met, red missed, plain when no target is set), a
// status mark for people who do not see colours, the detail line and an
// optional gauge. Set only redraws when the KPI changed.
type KPITile struct {
	widget.BaseWidget
	title string
	kpi   KPI
}

// NewKPITile returns a tile with a title ("Net revenue") and no value yet.
func NewKPITile(title string) *KPITile {
	t := &KPITile{title: title}
	t.ExtendBaseWidget(t)
	return t
}

// Set shows k; nothing is redrawn if k is what the tile already shows.
func (t *KPITile) Set(k KPI) {
	if k == t.kpi {
		return
	}
	t.kpi = k
	t.Refresh()
}

// KPI returns what the tile shows.
func (t *KPITile) KPI() KPI { return t.kpi }

// Title returns the tile's title.
func (t *KPITile) Title() string { return t.title }

// SetTitle changes the title.
func (t *KPITile) SetTitle(s string) {
	if s != t.title {
		t.title = s
		t.Refresh()
	}
}

// ValueColor is the colour the value is drawn in under the current theme.
func (t *KPITile) ValueColor() fyne.ThemeColorName {
	switch t.kpi.Status {
	case Met:
		return theme.ColorNameSuccess
	case Missed:
		return theme.ColorNameError
	}
	return theme.ColorNameForeground
}

// CreateRenderer is part of fyne.Widget.
func (t *KPITile) CreateRenderer() fyne.WidgetRenderer {
	r := &kpiRenderer{
		tile:   t,
		bg:     canvas.NewRectangle(nil),
		stripe: canvas.NewRectangle(nil),
		title:  canvas.NewText("", nil),
		value:  canvas.NewText("", nil),
		detail: canvas.NewText("", nil),
		mark:   canvas.NewImageFromResource(nil),
		track:  canvas.NewRectangle(nil),
		fill:   canvas.NewRectangle(nil),
	}
	r.value.TextStyle.Bold = true
	r.mark.FillMode = canvas.ImageFillContain
	r.bg.CornerRadius = 6
	r.track.CornerRadius = 3
	r.fill.CornerRadius = 3
	r.Refresh()
	return r
}

type kpiRenderer struct {
	tile                 *KPITile
	bg, stripe           *canvas.Rectangle
	title, value, detail *canvas.Text
	mark                 *canvas.Image
	track, fill          *canvas.Rectangle
}

const (
	tilePad    = 10
	stripeW    = 4
	markSize   = 16
	gaugeH     = 6
	valueScale = 1.9 // value text size against the theme's text size
)

func (r *kpiRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.stripe, r.title, r.value, r.detail, r.mark, r.track, r.fill}
}

func (r *kpiRenderer) Destroy() {}

// MinSize fits the title and the value; the detail line is shortened with
// an ellipsis when the tile is narrower than it, so a long detail does not
// take a column from every row of tiles.
func (r *kpiRenderer) MinSize() fyne.Size {
	w := fyne.Max(r.title.MinSize().Width+markSize+4, r.value.MinSize().Width)
	h := r.title.MinSize().Height + r.value.MinSize().Height + r.detail.MinSize().Height
	if r.tile.kpi.HasGauge {
		h += gaugeH + 4
	}
	return fyne.NewSize(fyne.Max(w, 150)+2*tilePad+stripeW, h+2*tilePad)
}

func (r *kpiRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.stripe.Move(fyne.NewPos(0, 0))
	r.stripe.Resize(fyne.NewSize(stripeW, size.Height))
	x := float32(tilePad + stripeW)
	w := size.Width - x - tilePad
	y := float32(tilePad)
	r.title.Move(fyne.NewPos(x, y))
	r.mark.Move(fyne.NewPos(size.Width-tilePad-markSize, y))
	r.mark.Resize(fyne.NewSquareSize(markSize))
	y += r.title.MinSize().Height
	r.value.Move(fyne.NewPos(x, y))
	y += r.value.MinSize().Height
	if r.tile.kpi.HasGauge {
		r.track.Move(fyne.NewPos(x, y+2))
		r.track.Resize(fyne.NewSize(w, gaugeH))
		r.fill.Move(fyne.NewPos(x, y+2))
		r.fill.Resize(fyne.NewSize(w*float32(math.Max(0, math.Min(1, r.tile.kpi.Gauge))), gaugeH))
		y += gaugeH + 4
	}
	r.detail.Text = textfit.Fit(r.tile.kpi.Detail, w, r.detail.TextSize, fyne.TextStyle{})
	r.detail.Move(fyne.NewPos(x, y))
}

func (r *kpiRenderer) Refresh() {
	t := r.tile
	th := t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	size := th.Size(theme.SizeNameText)
	r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	accent := th.Color(t.ValueColor(), v)
	r.stripe.FillColor = accent
	if t.kpi.Status == Neutral {
		r.stripe.FillColor = th.Color(theme.ColorNameSeparator, v)
	}
	r.title.Text = t.title
	r.title.TextSize = size
	r.title.Color = th.Color(theme.ColorNamePlaceHolder, v)
	r.value.Text = t.kpi.Value
	r.value.TextSize = size * valueScale
	r.value.Color = accent
	r.detail.TextSize = th.Size(theme.SizeNameCaptionText)
	r.detail.Color = th.Color(theme.ColorNameForeground, v)
	switch t.kpi.Status {
	case Met:
		r.mark.Resource = theme.NewSuccessThemedResource(theme.ConfirmIcon())
		r.mark.Show()
	case Missed:
		r.mark.Resource = theme.NewErrorThemedResource(theme.WarningIcon())
		r.mark.Show()
	default:
		r.mark.Hide()
	}
	r.track.FillColor = th.Color(theme.ColorNameSeparator, v)
	r.fill.FillColor = accent
	r.track.Hidden = !t.kpi.HasGauge
	r.fill.Hidden = !t.kpi.HasGauge
	r.Layout(t.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}
