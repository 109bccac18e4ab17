package pdf

import (
	"strings"
	"unicode"

	"mixplan/assets"
)

// fontFamily is the name the report registers Noto Sans under.
const fontFamily = "NotoSans"

// addFonts embeds Noto Sans, regular, bold and italic, as UTF-8 fonts: the
// PDF's core fonts are cp1252 and not embedded, so they would mangle œ, € and
// the narrow no-break space French writes between thousands.
func (d *doc) addFonts() {
	d.pdf.AddUTF8FontFromBytes(fontFamily, "", assets.NotoSansRegular)
	d.pdf.AddUTF8FontFromBytes(fontFamily, "B", assets.NotoSansBold)
	d.pdf.AddUTF8FontFromBytes(fontFamily, "I", assets.NotoSansItalic)
}

// clean makes a name safe to draw. gofpdf indexes glyph widths by rune in a
// 16-bit table and panics on runes above U+FFFF (an emoji in a campaign
// name), so those become U+FFFD; control characters (a tab or newline pasted
// into a name) become spaces so that a name stays on its line.
func clean(s string) string {
	ok := true
	for _, r := range s {
		if r > 0xFFFF || unicode.IsControl(r) || r == unicode.ReplacementChar {
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
		case r > 0xFFFF:
			b.WriteRune(unicode.ReplacementChar)
		case unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
