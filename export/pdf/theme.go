package pdf

import (
	"fmt"

	"github.com/jung-kurt/gofpdf"
)

// The report's look: page geometry, palette and type scale in one place, so
// every page and chart agrees. Units are millimetres, font sizes points.

// rgb is a colour.
type rgb struct{ r, g, b int }

// The palette: a dark navy for the story, one accent, green and red reserved
// for met and missed, greys for structure.
var (
	colInk    = rgb{28, 36, 48}    // body text
	colMuted  = rgb{96, 107, 122}  // secondary text, axis labels
	colFaint  = rgb{150, 160, 172} // tertiary marks
	colRule   = rgb{214, 220, 228} // rules and gridlines
	colPanel  = rgb{243, 246, 249} // tile and panel backgrounds
	colZebra  = rgb{247, 249, 251} // alternate table rows
	colNavy   = rgb{17, 45, 78}    // titles, totals
	colAccent = rgb{0, 112, 192}   // the recommended, the highlighted
	colGood   = rgb{30, 132, 73}   // met, positive
	colBad    = rgb{196, 48, 43}   // missed, negative
	colWhite  = rgb{255, 255, 255}
	colGoodBg = rgb{226, 242, 232}
	colBadBg  = rgb{251, 231, 229}
)

// Series colours of the 4Ps in the budget split: one hue per P, shades per item.
var (
	hueProduct   = rgb{42, 157, 143} // teal
	huePlace     = rgb{233, 161, 60} // amber
	huePromotion = rgb{0, 112, 192}  // blue
)

// Type scale, in points.
const (
	ptTitle    = 22.0 // the plan's name on page 1
	ptAction   = 15.0 // a page's action title
	ptKicker   = 8.0  // the section label above an action title
	ptLead     = 10.5 // the key sentences
	ptBody     = 9.0
	ptTable    = 7.6
	ptSmall    = 7.0 // chart labels
	ptTiny     = 6.3 // axis ticks, footnotes
	ptTileBig  = 15.0
	ptFrame    = 7.0 // header and footer
	mmPerPoint = 25.4 / 72
)

// Page geometry. Pages are landscape, like a deck.
const (
	marginX     = 14.0 // left and right
	marginTop   = 17.0 // content starts below the header band
	marginBot   = 15.0 // content ends above the footer band
	frameInset  = 8.0  // header and footer baselines sit this far from the edge
	gutter      = 8.0  // between side-by-side panels
	lineSpacing = 1.28 // line height as a multiple of the font size
)

// paper is a page size in landscape.
type paper struct {
	name string
	w, h float64
}

func paperFor(name string) (paper, error) {
	switch name {
	case "", "a4":
		return paper{"A4", 297, 210}, nil
	case "letter":
		return paper{"Letter", 279.4, 215.9}, nil
	}
	return paper{}, fmt.Errorf("unknown paper size %q: use a4 or letter", name)
}

// shade mixes c with white: t = 0 is c, t = 1 is white.
func shade(c rgb, t float64) rgb {
	mix := func(v int) int { return v + int(float64(255-v)*t+0.5) }
	return rgb{mix(c.r), mix(c.g), mix(c.b)}
}

// seriesShade returns the i-th of n shades of a hue, darkest first, light
// enough at the end to tell neighbours apart and dark enough to hold white text.
func seriesShade(c rgb, i, n int) rgb {
	if n <= 1 {
		return c
	}
	return shade(c, 0.55*float64(i%8)/float64(min(n, 8)))
}

func setFill(pdf *gofpdf.Fpdf, c rgb) { pdf.SetFillColor(c.r, c.g, c.b) }
func setDraw(pdf *gofpdf.Fpdf, c rgb) { pdf.SetDrawColor(c.r, c.g, c.b) }
func setInk(pdf *gofpdf.Fpdf, c rgb)  { pdf.SetTextColor(c.r, c.g, c.b) }

// luminance tells whether white or dark text reads better on c.
func luminance(c rgb) float64 {
	return (0.299*float64(c.r) + 0.587*float64(c.g) + 0.114*float64(c.b)) / 255
}

// inkOn returns the text colour that reads on a background.
func inkOn(bg rgb) rgb {
	if luminance(bg) < 0.6 {
		return colWhite
	}
	return colInk
}
