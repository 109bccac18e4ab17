package pdf

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font/sfnt"

	"mixplan/assets"
)

// fontFamily is the name the report registers Noto Sans under.
const fontFamily = "NotoSans"

// fallbackFamily is the name of the font that draws what Noto Sans lacks:
// Chinese, Japanese and Korean names. One style serves regular, bold and
// italic text; a CJK name in a bold title prints regular rather than as boxes.
const fallbackFamily = "DroidSansFallback"

// addFonts embeds Noto Sans, regular, bold and italic, as UTF-8 fonts: the
// PDF's core fonts are cp1252 and not embedded, so they would mangle œ, € and
// the narrow no-break space French writes between thousands. The CJK
// fallback is added on first use only (useFallback), so a plan without such
// names pays neither its parsing time nor a byte of file size.
func (d *doc) addFonts() {
	d.pdf.AddUTF8FontFromBytes(fontFamily, "", assets.NotoSansRegular)
	d.pdf.AddUTF8FontFromBytes(fontFamily, "B", assets.NotoSansBold)
	d.pdf.AddUTF8FontFromBytes(fontFamily, "I", assets.NotoSansItalic)
}

// useFallback embeds the fallback font the first time a line needs it.
// gofpdf subsets UTF-8 fonts on output, so only the glyphs drawn are written.
func (d *doc) useFallback() {
	if !d.fallbackAdded {
		d.pdf.AddUTF8FontFromBytes(fallbackFamily, "", assets.DroidSansFallback)
		d.fallbackAdded = true
	}
}

// coverage is the set of runes of the Basic Multilingual Plane a font has a
// glyph for.
type coverage [0x10000 / 64]uint64

func (c *coverage) has(r rune) bool { return r < 0x10000 && c[r/64]&(1<<(r%64)) != 0 }

func coverageOf(ttf []byte) *coverage {
	c := new(coverage)
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return c // an unreadable font covers nothing: every rune then reads as unprintable
	}
	var buf sfnt.Buffer
	for r := rune(0x20); r < 0x10000; r++ {
		if g, err := f.GlyphIndex(&buf, r); err == nil && g != 0 {
			c[r/64] |= 1 << (r % 64)
		}
	}
	return c
}

var (
	fontsOnce                sync.Once
	notoCover, fallbackCover *coverage
)

// covers reports whether Noto Sans, and else the fallback, can draw r.
func covers(r rune) (noto, fallback bool) {
	fontsOnce.Do(func() {
		notoCover = coverageOf(assets.NotoSansRegular)
		fallbackCover = coverageOf(assets.DroidSansFallback)
	})
	if r == ' ' || notoCover.has(r) {
		return true, false
	}
	return false, fallbackCover.has(r)
}

// printable reports whether the report can draw r.
func printable(r rune) bool {
	noto, fallback := covers(r)
	return noto || fallback
}

// clean makes a name safe to draw. gofpdf indexes glyph widths by rune in a
// 16-bit table and panics on runes above U+FFFF (an emoji in a campaign
// name), so those become U+FFFD, as does any character neither font can draw
// (Arabic, Hebrew, Thai…: Warnings names them); control characters (a tab
// or newline pasted into a name) become spaces so that a name stays on its line.
func clean(s string) string {
	ok := true
	for _, r := range s {
		if r > 0xFFFF || unicode.IsControl(r) || r == unicode.ReplacementChar || (r >= 0x80 && !printable(r)) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsControl(r):
			b.WriteByte(' ')
		case r > 0xFFFF || (r >= 0x80 && !printable(r)):
			b.WriteRune(unicode.ReplacementChar)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// segment is a run of text drawn in one font.
type segment struct {
	text     string
	fallback bool
}

// segments splits a cleaned line into runs of Noto Sans and of the
// fallback; nil when Noto Sans draws it all, the common case.
func segments(s string) []segment {
	need := false
	for _, r := range s {
		if r >= 0x80 {
			if noto, _ := covers(r); !noto {
				need = true
				break
			}
		}
	}
	if !need {
		return nil
	}
	var out []segment
	var cur strings.Builder
	curFallback := false
	for _, r := range s {
		noto, fallback := covers(r)
		fb := !noto && fallback
		if r == ' ' {
			fb = curFallback // a space stays in the run it sits in
		}
		if cur.Len() > 0 && fb != curFallback {
			out = append(out, segment{cur.String(), curFallback})
			cur.Reset()
		}
		curFallback = fb
		cur.WriteRune(r)
	}
	if cur.Len() > 0 {
		out = append(out, segment{cur.String(), curFallback})
	}
	return out
}

// inFont selects the font of a segment at the current size and style.
func (d *doc) inFont(fallback bool) {
	if fallback {
		d.useFallback()
		d.pdf.SetFont(fallbackFamily, "", d.sizePt)
		return
	}
	d.pdf.SetFont(fontFamily, d.style, d.sizePt)
}

// strWidth is the width of a cleaned string, each run in its own font.
func (d *doc) strWidth(s string) float64 {
	segs := segments(s)
	if segs == nil {
		return d.pdf.GetStringWidth(s)
	}
	w := 0.0
	for _, sg := range segs {
		d.inFont(sg.fallback)
		w += d.pdf.GetStringWidth(sg.text)
	}
	d.inFont(false)
	return w
}

// drawString draws a cleaned string at its baseline, each run in its own font.
func (d *doc) drawString(x, base float64, s string) {
	segs := segments(s)
	if segs == nil {
		d.pdf.Text(x, base, s)
		return
	}
	for _, sg := range segs {
		d.inFont(sg.fallback)
		d.pdf.Text(x, base, sg.text)
		x += d.pdf.GetStringWidth(sg.text)
	}
	d.inFont(false)
}
