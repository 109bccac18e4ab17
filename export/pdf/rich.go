package pdf

import "strings"

// Rich text: a sentence with **bold** figures, wrapped word by word. Words
// break at ordinary spaces only, so "1 234 €" with its narrow no-break spaces
// stays on one line, and a comma right after a bold figure stays with it.

// richSeg is a run of one style inside a word.
type richSeg struct {
	text string
	bold bool
}

// richWord is a word, made of one or more runs, and its place on its line.
type richWord struct {
	segs []richSeg
	x, w float64
}

func richWords(s string) []richWord {
	var words []richWord
	var cur richWord
	flush := func() {
		if len(cur.segs) > 0 {
			words = append(words, cur)
			cur = richWord{}
		}
	}
	for i, part := range strings.Split(clean(s), "**") {
		for j, w := range strings.Split(part, " ") {
			if j > 0 {
				flush()
			}
			if w != "" {
				cur.segs = append(cur.segs, richSeg{w, i%2 == 1})
			}
		}
	}
	flush()
	return words
}

func richStyle(bold bool) string {
	if bold {
		return "B"
	}
	return ""
}

// richLayout breaks s into lines no wider than w at the current size.
func (d *doc) richLayout(w float64, s string) [][]richWord {
	size := d.sizePt
	d.font("", size)
	space := d.measure(" ")
	var lines [][]richWord
	var cur []richWord
	cx := 0.0
	for _, wd := range richWords(s) {
		for _, sg := range wd.segs {
			d.font(richStyle(sg.bold), size)
			wd.w += d.measure(sg.text)
		}
		if wd.w > w { // a single word wider than the box: shorten it
			var all strings.Builder
			for _, sg := range wd.segs {
				all.WriteString(sg.text)
			}
			d.font("", size)
			wd.segs = []richSeg{{d.fit(all.String(), w), false}}
			wd.w = d.measure(wd.segs[0].text)
		}
		if len(cur) > 0 && cx+space+wd.w > w {
			lines = append(lines, cur)
			cur, cx = nil, 0
		}
		if len(cur) > 0 {
			cx += space
		}
		wd.x = cx
		cur = append(cur, wd)
		cx += wd.w
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	d.font("", size)
	return lines
}

// richHeight is the height rich would use, without drawing.
func (d *doc) richHeight(w float64, s string) float64 {
	return float64(len(d.richLayout(w, s))) * d.lineH()
}

// rich draws s wrapped to w at the current size, bold runs in navy, and
// returns the height used.
func (d *doc) rich(x, top, w float64, s string, ink rgb) float64 {
	size := d.sizePt
	lines := d.richLayout(w, s)
	lh := d.lineH()
	for i, l := range lines {
		for _, wd := range l {
			sx := x + wd.x
			for _, sg := range wd.segs {
				d.font(richStyle(sg.bold), size)
				if sg.bold {
					d.ink(colNavy)
				} else {
					d.ink(ink)
				}
				d.text(sx, top+float64(i)*lh, 0, sg.text, alignLeft)
				sx += d.measure(sg.text)
			}
		}
	}
	d.font("", size)
	return float64(len(lines)) * lh
}
