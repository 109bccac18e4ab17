package pdf

import (
	"fmt"
	"math"

	"github.com/jung-kurt/gofpdf"

	"mixplan/planner"
)

// One response curve per promotion channel, as small multiples: extra units
// against spend, the allowed range shaded, the current spend and the
// optimiser's spend marked.

const (
	curveCols    = 4
	curveRows    = 2
	curvePoints  = 64
	curveHeadH   = 9.5 // channel name and its returns
	curveFootH   = 8.0 // x ticks and the spends
	curveYLabelW = 11.0
)

func (d *doc) curvesPages(data *reportData) {
	chans := data.model.Channels
	if len(chans) == 0 {
		return
	}
	title := "Each channel’s extra units flatten as spend grows; the recommended spend is where the next " +
		data.fig.currencyUnit() + " earns no more elsewhere"
	if data.rec == nil {
		title = "Each channel’s extra units flatten as spend grows"
	}
	perPage := curveCols * curveRows
	for start := 0; start < len(chans); start += perPage {
		var y float64
		if start == 0 {
			y = d.section("Response curves", title)
		} else {
			y = d.continued("Response curves")
		}
		y = d.curvesLegend(data, y)
		cellW := (d.width() - float64(curveCols-1)*gutter) / curveCols
		cellH := (d.bottom - y - float64(curveRows-1)*6) / curveRows
		for i := start; i < min(start+perPage, len(chans)); i++ {
			k := i - start
			x := d.left + float64(k%curveCols)*(cellW+gutter)
			cy := y + float64(k/curveCols)*(cellH+6)
			d.curve(data, i, plotBox{x, cy, cellW, cellH})
		}
	}
}

func (d *doc) curvesLegend(data *reportData, y float64) float64 {
	x := d.left
	x = d.swatch(x, y, colNavy, "Extra units sold at each spend", keyLine)
	x = d.swatch(x, y, shade(colAccent, 0.85), "Spend allowed (min to max)", keyBox)
	x = d.swatch(x, y, colMuted, "Current spend", keyDot)
	if data.rec != nil {
		d.swatch(x, y, colAccent, "Recommended spend", keyDot)
	}
	return y + 7
}

// curve draws channel c's panel.
func (d *doc) curve(data *reportData, c int, b plotBox) {
	f := data.fig
	ch := &data.model.Channels[c]
	pm := data.plan.Promotions[c]
	pr := data.rep.Promotions[c]
	rec := -1.0
	if data.rec != nil {
		rec = data.rec.spend[c]
	}
	upTo := planner.CurveRange(ch)
	if rec*1.15 > upTo {
		upTo = rec * 1.15
	}
	if upTo <= 0 {
		upTo = 1
	}
	pts := data.model.ResponseCurve(c, curvePoints, upTo)

	d.font("B", ptSmall+0.5)
	d.ink(colInk)
	d.text(b.x, b.y, 0, d.fit(pm.Name, b.w), alignLeft)
	d.font("", ptTiny)
	d.ink(colMuted)
	d.text(b.x, b.y+3.7, 0, d.fit("ROI "+pr.ROI.Format(f.Percent)+" · marginal ROI "+pr.MarginalROI.Format(f.Percent), b.w), alignLeft)

	pb := plotBox{b.x + curveYLabelW, b.y + curveHeadH + 2, b.w - curveYLabelW - 2, b.h - curveHeadH - 2 - curveFootH}
	maxUnits := 0.0
	for _, p := range pts {
		maxUnits = math.Max(maxUnits, p.LiftUnits)
	}
	ya := niceAxis(0, maxUnits, 4)
	usc := scaleFor(ya.maxAbs())
	xa := niceAxis(0, upTo, 4)
	xa.hi = upTo // the curve ends at its range; ticks stay round
	msc := scaleFor(xa.maxAbs())

	// The allowed range, then the grid, then the curve on top.
	lo, hi := math.Min(ch.Min, upTo), math.Min(ch.Max, upTo)
	d.fillRect(xa.at(lo, pb.x, pb.right()), pb.y, xa.at(hi, pb.x, pb.right())-xa.at(lo, pb.x, pb.right()), pb.h, shade(colAccent, 0.9))
	d.font("", ptTiny)
	for _, t := range ya.ticks {
		y := ya.at(t, pb.bottom(), pb.y)
		if y < pb.y-0.01 {
			continue
		}
		d.line(pb.x, y, pb.right(), y, 0.15, colRule)
		d.ink(colMuted)
		d.text(b.x, y-d.lineH()/2, curveYLabelW-1.5, f.compactUnits(t, usc, ya.decimals(usc)), alignRight)
	}
	d.line(pb.x, pb.bottom(), pb.right(), pb.bottom(), 0.3, colFaint)
	lastRight := -1e9
	for _, t := range xa.ticks {
		if t > upTo+1e-9 {
			continue
		}
		x := xa.at(t, pb.x, pb.right())
		s := f.compactMoney(t, msc, xa.decimals(msc))
		w := d.measure(s)
		if x-w/2 < lastRight+1.5 || x+w/2 > b.right() {
			continue
		}
		d.ink(colMuted)
		d.text(x-w/2, pb.bottom()+0.8, w, s, alignCenter)
		lastRight = x + w/2
	}

	line := make([]gofpdf.PointType, len(pts))
	for i, p := range pts {
		line[i] = gofpdf.PointType{X: xa.at(p.Spend, pb.x, pb.right()), Y: ya.at(p.LiftUnits, pb.bottom(), pb.y)}
	}
	d.polyline(line, 0.6, colNavy)

	mark := func(s float64, c rgb) {
		x := xa.at(s, pb.x, pb.right())
		y := ya.at(ch.Lift(s)*ch.UnitsPerLift, pb.bottom(), pb.y)
		d.dashed(x, y, x, pb.bottom(), 0.25, c)
		d.dot(x, y, 1.15, c)
	}
	mark(ch.Spend, colMuted)
	if rec >= 0 {
		mark(rec, colAccent)
	}

	// Below the axis: the spends in words, so close markers stay readable.
	d.font("", ptTiny)
	fy := pb.bottom() + 4.2
	d.ink(colMuted)
	now := "Current " + f.short(ch.Spend)
	d.text(pb.x, fy, 0, now, alignLeft)
	if rec >= 0 {
		d.font("B", ptTiny)
		d.ink(colAccent)
		d.text(pb.x, fy, pb.w, fmt.Sprintf("Recommended %s", f.short(rec)), alignRight)
	}
}
