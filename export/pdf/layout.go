package pdf

import (
	"fmt"
	"sort"
)

// The layout check: every line of text the report drew must lie inside the
// content box (the header and footer inside the page's outer margin), and
// no two lines on a page may overlap. The tests run it on small, worked and
// large plans; it is cheap enough to keep in the code rather than in a tool.

// layoutTolerance absorbs rounding in glyph metrics, in mm.
const layoutTolerance = 0.05

// layoutProblems lists every text box out of bounds or overlapping another.
func (d *doc) layoutProblems() []string {
	var out []string
	pageW, pageH := d.paper.w, d.paper.h
	byPage := map[int][]textBox{}
	for _, b := range d.boxes {
		x0, y0, x1, y1 := d.left, d.top, d.right, d.bottom
		if b.frame {
			x0, y0, x1, y1 = marginX, 3, pageW-marginX, pageH-3
		}
		if b.x < x0-layoutTolerance || b.x+b.w > x1+layoutTolerance || b.y < y0-layoutTolerance || b.y+b.h > y1+layoutTolerance {
			out = append(out, fmt.Sprintf("page %d: %q at (%.1f, %.1f) size %.1f×%.1f leaves the box (%.1f, %.1f)-(%.1f, %.1f)",
				b.page, b.text, b.x, b.y, b.w, b.h, x0, y0, x1, y1))
		}
		byPage[b.page] = append(byPage[b.page], b)
	}
	pages := make([]int, 0, len(byPage))
	for p := range byPage {
		pages = append(pages, p)
	}
	sort.Ints(pages)
	for _, p := range pages {
		bs := byPage[p]
		// Sweep by x so pages with thousands of table cells stay fast.
		sort.Slice(bs, func(i, j int) bool { return bs[i].x < bs[j].x })
		for i := range bs {
			a := bs[i]
			for j := i + 1; j < len(bs) && bs[j].x < a.x+a.w-layoutTolerance; j++ {
				if overlap(a, bs[j]) {
					out = append(out, fmt.Sprintf("page %d: %q and %q overlap", p, a.text, bs[j].text))
				}
			}
		}
	}
	return out
}

func overlap(a, b textBox) bool {
	const t = layoutTolerance
	return a.x+t < b.x+b.w && b.x+t < a.x+a.w && a.y+t < b.y+b.h && b.y+t < a.y+a.h
}
