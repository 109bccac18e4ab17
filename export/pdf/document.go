package pdf

import (
	"strings"

	"github.com/jung-kurt/gofpdf"
)

// doc wraps the gofpdf document with the report's conventions: text placed by
// the top of its line rather than its baseline, wrapping by measured width,
// and a record of every text box drawn so that a layout check can prove no
// text leaves the page's margins or sits on other text.
type doc struct {
	pdf   *gofpdf.Fpdf
	paper paper
	// The content box: everything but the header and footer lives inside it.
	left, right, top, bottom float64

	style  string  // current font style: "", "B" or "I"
	sizePt float64 // current font size

	boxes []textBox
	// fallbackAdded is set once the CJK fallback font is embedded.
	fallbackAdded bool
}

// textBox is one line of text as drawn, with the box its glyphs occupy.
type textBox struct {
	page       int
	x, y, w, h float64 // y is the top of the glyphs
	text       string
	frame      bool // in the header or footer band rather than the content box
}

func newDoc(pp paper) *doc {
	pdf := gofpdf.NewCustom(&gofpdf.InitType{
		OrientationStr: "L", UnitStr: "mm",
		Size: gofpdf.SizeType{Wd: pp.h, Ht: pp.w}, // landscape swaps them back
	})
	pdf.SetMargins(marginX, marginTop, marginX)
	pdf.SetAutoPageBreak(false, marginBot) // the report breaks pages itself
	pdf.SetCellMargin(0)                   // SplitText then wraps to the exact width
	pdf.SetLineCapStyle("butt")
	pdf.SetLineJoinStyle("miter")
	return &doc{
		pdf: pdf, paper: pp,
		left: marginX, right: pp.w - marginX, top: marginTop, bottom: pp.h - marginBot,
	}
}

// width is the content box's width.
func (d *doc) width() float64 { return d.right - d.left }

// font selects the report's typeface in a style ("", "B", "I") and size.
func (d *doc) font(style string, sizePt float64) {
	d.style, d.sizePt = style, sizePt
	d.pdf.SetFont(fontFamily, style, sizePt)
}

// mm is the current font size in millimetres.
func (d *doc) mm() float64 { return d.sizePt * mmPerPoint }

// lineH is the height of one line of text at the current size.
func (d *doc) lineH() float64 { return d.mm() * lineSpacing }

// measure is the width of s in the current font.
func (d *doc) measure(s string) float64 { return d.strWidth(clean(s)) }

// Alignment of text in its box.
const (
	alignLeft = iota
	alignRight
	alignCenter
)

// text draws one line of s with the top of its line at top, aligned in the
// box that starts at x and is w wide (w is ignored for left alignment).
func (d *doc) text(x, top, w float64, s string, align int) {
	d.textLine(x, top, w, s, align, false)
}

func (d *doc) textLine(x, top, w float64, s string, align int, frame bool) {
	s = clean(s)
	if s == "" {
		return
	}
	sw := d.strWidth(s)
	switch align {
	case alignRight:
		x += w - sw
	case alignCenter:
		x += (w - sw) / 2
	}
	size := d.mm()
	// The baseline sits so that capitals are centred in a line of lineSpacing.
	base := top + size*(lineSpacing-0.714)/2 + size*0.714
	d.drawString(x, base, s)
	// Record the ink: ascenders to descenders.
	d.boxes = append(d.boxes, textBox{
		page: d.pdf.PageNo(), x: x, y: base - 0.76*size, w: sw, h: size, text: s, frame: frame,
	})
}

// fit shortens s with an ellipsis until it fits in w.
func (d *doc) fit(s string, w float64) string {
	s = clean(s)
	if d.strWidth(s) <= w {
		return s
	}
	// Binary search on the number of runes kept: names can be long.
	r := []rune(s)
	short := func(n int) string { return strings.TrimRight(string(r[:n]), " ") + "…" }
	lo, hi := 0, len(r) // short(lo) fits or lo == 0; short(hi) does not
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if d.strWidth(short(mid)) <= w {
			lo = mid
		} else {
			hi = mid
		}
	}
	if t := short(lo); d.strWidth(t) <= w {
		return t
	}
	return ""
}

// wrap breaks s into lines no wider than w, at most maxLines (0: no limit);
// the last kept line ends with an ellipsis when text was left out.
func (d *doc) wrap(s string, w float64, maxLines int) []string {
	s = clean(s)
	if s == "" {
		return nil
	}
	var lines []string
	if segments(s) == nil {
		for _, l := range d.pdf.SplitText(s, w) {
			lines = append(lines, strings.TrimSpace(l))
		}
	} else {
		// SplitText measures in one font; a line with CJK runs needs both.
		lines = d.splitMeasured(s, w)
	}
	if maxLines > 0 && len(lines) > maxLines {
		rest := strings.Join(lines[maxLines-1:], " ")
		lines = append(lines[:maxLines-1], d.fit(rest+"…", w))
	}
	// SplitText can leave a line a hair too wide when a word is cut; fit it.
	for i, l := range lines {
		if d.strWidth(l) > w {
			lines[i] = d.fit(l, w)
		}
	}
	return lines
}

// splitMeasured breaks a cleaned s into lines no wider than w, at spaces,
// and between characters inside a word wider than a line (Chinese and
// Japanese write without spaces).
func (d *doc) splitMeasured(s string, w float64) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		try := word
		if cur != "" {
			try = cur + " " + word
		}
		if d.strWidth(try) <= w {
			cur = try
			continue
		}
		if cur != "" {
			lines = append(lines, cur)
		}
		for r := []rune(word); d.strWidth(string(r)) > w && len(r) > 1; r = []rune(word) {
			n := 1
			for n < len(r)-1 && d.strWidth(string(r[:n+1])) <= w {
				n++
			}
			lines = append(lines, string(r[:n]))
			word = string(r[n:])
		}
		cur = word
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// paragraph draws s wrapped to w from top and returns the height used.
func (d *doc) paragraph(x, top, w float64, s string, align int, maxLines int) float64 {
	lines := d.wrap(s, w, maxLines)
	for i, l := range lines {
		d.text(x, top+float64(i)*d.lineH(), w, l, align)
	}
	return float64(len(lines)) * d.lineH()
}

// Shapes.

func (d *doc) fillRect(x, y, w, h float64, c rgb) {
	if w < 0 {
		x, w = x+w, -w
	}
	if h < 0 {
		y, h = y+h, -h
	}
	setFill(d.pdf, c)
	d.pdf.Rect(x, y, w, h, "F")
}

func (d *doc) line(x1, y1, x2, y2, width float64, c rgb) {
	setDraw(d.pdf, c)
	d.pdf.SetLineWidth(width)
	d.pdf.Line(x1, y1, x2, y2)
}

func (d *doc) dashed(x1, y1, x2, y2, width float64, c rgb) {
	d.pdf.SetDashPattern([]float64{1.2, 0.9}, 0)
	d.line(x1, y1, x2, y2, width, c)
	d.pdf.SetDashPattern(nil, 0)
}

func (d *doc) ink(c rgb) { setInk(d.pdf, c) }
