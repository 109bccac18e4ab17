package pdf

import (
	"fmt"
	"strings"
	"unicode"

	"mixplan/planner"
)

// Characters the report cannot print: emoji and other characters beyond
// U+FFFF (gofpdf cannot draw them), right-to-left scripts (neither font
// covers them, and gofpdf neither shapes nor reorders them), and any other
// character neither Noto Sans nor the CJK fallback has. They print as �;
// Warnings names them so the command line and the window can say so.

// maxNamedChars bounds how many characters one warning lists.
const maxNamedChars = 8

// rightToLeft are the scripts written right to left.
var rightToLeft = []*unicode.RangeTable{unicode.Arabic, unicode.Hebrew, unicode.Syriac,
	unicode.Thaana, unicode.Nko, unicode.Samaritan, unicode.Mandaic, unicode.Adlam}

// kindOf says why r cannot be printed.
func kindOf(r rune) string {
	switch {
	case unicode.IsOneOf(rightToLeft, r):
		return "right-to-left script"
	case r > 0xFFFF || unicode.Is(unicode.So, r):
		return "emoji or symbol"
	}
	return "no font covers it"
}

// Warnings lists, for every name in p the report would print with
// characters it cannot draw, the field, the name and those characters, in
// the plan's order: `promotions[0].name "Campagne 🚀…": the PDF prints
// these characters as � (emoji or symbol 🚀)`. It is empty when the report
// prints every character.
func Warnings(p *planner.Plan) []string {
	var out []string
	check := func(path, name string) {
		seen := map[rune]bool{}
		var kinds []string
		byKind := map[string][]string{}
		more := map[string]int{}
		for _, r := range name {
			if seen[r] || unicode.IsControl(r) || (r <= 0xFFFF && (r < 0x80 || printable(r))) {
				continue
			}
			seen[r] = true
			k := kindOf(r)
			if _, ok := byKind[k]; !ok {
				kinds = append(kinds, k)
			}
			if len(byKind[k]) < maxNamedChars {
				byKind[k] = append(byKind[k], string(r))
			} else {
				more[k]++
			}
		}
		if len(kinds) == 0 {
			return
		}
		parts := make([]string, len(kinds))
		for i, k := range kinds {
			parts[i] = k + " " + strings.Join(byKind[k], " ")
			if more[k] > 0 {
				parts[i] += fmt.Sprintf(" and %d more", more[k])
			}
		}
		short := []rune(name)
		if len(short) > 40 {
			short = append(short[:40], '…')
		}
		out = append(out, fmt.Sprintf("%s %q: the PDF prints these characters as � (%s)", path, string(short), strings.Join(parts, "; ")))
	}
	check("name", p.Name)
	check("company", p.Company)
	for i, x := range p.Products {
		check(fmt.Sprintf("products[%d].name", i), x.Name)
	}
	for i, x := range p.Places {
		check(fmt.Sprintf("places[%d].name", i), x.Name)
	}
	for i, x := range p.Promotions {
		check(fmt.Sprintf("promotions[%d].name", i), x.Name)
	}
	for i, x := range p.Scenarios {
		check(fmt.Sprintf("scenarios[%d].name", i), x.Name)
	}
	for i, x := range p.Groups {
		check(fmt.Sprintf("groups[%d].name", i), x.Name)
	}
	return out
}
