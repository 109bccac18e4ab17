package pdf

import (
	"math"
	"sort"
)

// Ranked horizontal bars: the chart under a short detail table, so a reader
// sees the order before reading the figures.

type hbar struct {
	label string
	value float64
}

const (
	hbarLabelW = 62.0 // names
	hbarValueW = 24.0 // the value beyond each bar's end
	hbarMinRow = 4.4
	hbarMaxRow = 6.5
)

// hbarsHeight is the height the chart needs for n bars at the smallest rows.
func hbarsHeight(n int) float64 { return 13 + float64(n)*hbarMinRow }

// hbars draws items sorted by value, largest first, in the box; bars below
// zero grow to the left of the zero line in red.
func (d *doc) hbars(b plotBox, title, sub string, items []hbar, format func(float64) string) {
	sort.SliceStable(items, func(i, j int) bool { return items[i].value > items[j].value })
	y := d.chartHeading(b.x, b.y, b.w, title, sub)
	rowH := math.Min(hbarMaxRow, (b.bottom()-y)/float64(max(len(items), 1)))
	lo, hi := 0.0, 0.0
	for _, it := range items {
		lo, hi = math.Min(lo, it.value), math.Max(hi, it.value)
	}
	if hi-lo <= 0 {
		hi = lo + 1
	}
	// Room for value labels on the side where bars end.
	x0, x1 := b.x+hbarLabelW, b.right()-hbarValueW
	if lo < 0 {
		x0 += hbarValueW
	}
	at := func(v float64) float64 { return x0 + (v-lo)/(hi-lo)*(x1-x0) }
	zero := at(0)
	for i, it := range items {
		ry := y + float64(i)*rowH
		d.font("", ptSmall)
		d.ink(colInk)
		mid := ry + (rowH-d.lineH())/2
		d.text(b.x, mid, 0, d.fit(it.label, hbarLabelW-3), alignLeft)
		c := colNavy
		if it.value < 0 {
			c = colBad
		}
		bh := math.Min(rowH*0.62, 3.6)
		d.fillRect(zero, ry+(rowH-bh)/2, at(it.value)-zero, bh, c)
		d.font("B", ptTiny)
		d.ink(c)
		s := format(it.value)
		if it.value < 0 {
			d.text(at(it.value)-1.2-hbarValueW, ry+(rowH-d.lineH())/2, hbarValueW, s, alignRight)
		} else {
			d.text(at(it.value)+1.2, ry+(rowH-d.lineH())/2, 0, s, alignLeft)
		}
	}
	d.line(zero, y-0.5, zero, y+float64(len(items))*rowH+0.5, 0.3, colFaint)
}
