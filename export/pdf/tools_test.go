package pdf

import (
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"mixplan/export/internal/exporttest"
)

// Helpers that read a PDF back with poppler's tools, the way a reader's
// software would. A missing tool fails the test with a clear message: the
// checks they make are the point of these tests.

// writeTemp stores a PDF in a temporary file for the tools to read.
func writeTemp(t testing.TB, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// pdfLayoutText is `pdftotext -layout`, one string per page.
func pdfLayoutText(t testing.TB, pdf []byte) []string {
	t.Helper()
	text := exporttest.RunTool(t, "pdftotext", "-layout", "-enc", "UTF-8", writeTemp(t, pdf), "-")
	pages := strings.Split(text, "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// normSpace turns the no-break spaces poppler reads back as plain spaces
// into plain spaces, so an expected "1 234 €" compares with what it extracts.
func normSpace(s string) string {
	return strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(s)
}

var (
	pageRE = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	wordRE = regexp.MustCompile(`<word xMin="([0-9.-]+)" yMin="([0-9.-]+)" xMax="([0-9.-]+)" yMax="([0-9.-]+)">([^<]*)</word>`)
)

type pdfWord struct {
	x0, y0, x1, y1 float64
	text           string
}

// pdfLines reads the words of every page with `pdftotext -bbox` and puts
// them back together as the report drew them: words on one baseline whose
// gap is no wider than a space form one run (one drawn string), and the runs
// of a baseline, left to right, form a line. It returns, per page, the lines
// as lists of runs.
func pdfLines(t testing.TB, pdf []byte) [][][]string {
	t.Helper()
	out := exporttest.RunTool(t, "pdftotext", "-bbox", "-enc", "UTF-8", writeTemp(t, pdf), "-")
	var pages [][][]string
	for _, chunk := range strings.Split(out, "<page ")[1:] {
		var words []pdfWord
		for _, m := range wordRE.FindAllStringSubmatch(chunk, -1) {
			f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
			words = append(words, pdfWord{f(m[1]), f(m[2]), f(m[3]), f(m[4]), html.UnescapeString(m[5])})
		}
		pages = append(pages, groupLines(words))
	}
	return pages
}

func groupLines(words []pdfWord) [][]string {
	// Words of one drawn line share their top and height.
	type key struct{ y, h int64 }
	byLine := map[key][]pdfWord{}
	var keys []key
	for _, w := range words {
		k := key{int64(math.Round(w.y0 * 10)), int64(math.Round((w.y1 - w.y0) * 10))}
		if _, ok := byLine[k]; !ok {
			keys = append(keys, k)
		}
		byLine[k] = append(byLine[k], w)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].y != keys[j].y {
			return keys[i].y < keys[j].y
		}
		return keys[i].h < keys[j].h
	})
	var lines [][]string
	for _, k := range keys {
		ws := byLine[k]
		sort.Slice(ws, func(i, j int) bool { return ws[i].x0 < ws[j].x0 })
		h := ws[0].y1 - ws[0].y0
		var runs []string
		cur := ws[0].text
		for i := 1; i < len(ws); i++ {
			gap := ws[i].x0 - ws[i-1].x1
			switch {
			case gap < 0.05:
				cur += ws[i].text // two drawn strings that touch: one word
			case gap < 0.42*h:
				cur += " " + ws[i].text
			default:
				runs = append(runs, cur)
				cur = ws[i].text
			}
		}
		lines = append(lines, append(runs, cur))
	}
	return lines
}

// pdfPageSizes returns each page's size in points.
func pdfPageSizes(t testing.TB, pdf []byte) [][2]float64 {
	t.Helper()
	out := exporttest.RunTool(t, "pdftotext", "-bbox", writeTemp(t, pdf), "-")
	var sizes [][2]float64
	for _, m := range pageRE.FindAllStringSubmatch(out, -1) {
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		sizes = append(sizes, [2]float64{w, h})
	}
	return sizes
}

// pdfFont is one line of `pdffonts`.
type pdfFont struct {
	name, kind, encoding string
	embedded, unicode    bool
}

func pdfFonts(t testing.TB, pdf []byte) []pdfFont {
	t.Helper()
	out := exporttest.RunTool(t, "pdffonts", writeTemp(t, pdf))
	var fonts []pdfFont
	for _, l := range strings.Split(out, "\n")[2:] {
		f := strings.Fields(l)
		if len(f) < 7 {
			continue
		}
		// name type... encoding emb sub uni object ID: read from the end.
		n := len(f)
		fonts = append(fonts, pdfFont{
			name: f[0], kind: strings.Join(f[1:n-6], " "), encoding: f[n-6],
			embedded: f[n-5] == "yes", unicode: f[n-3] == "yes",
		})
	}
	return fonts
}

// pdfInfo is `pdfinfo` as a map.
func pdfInfo(t testing.TB, pdf []byte) map[string]string {
	t.Helper()
	out := exporttest.RunTool(t, "pdfinfo", writeTemp(t, pdf))
	info := map[string]string{}
	for _, l := range strings.Split(out, "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	return info
}

// bookmark is one outline entry: its title, level and page.
type bookmark struct {
	title string
	level int
	page  int
}

var outlineRE = regexp.MustCompile(`<outline>|</outline>|<item page="(\d+)">([^<]*)</item>`)

// pdfBookmarks reads the outline with `pdftohtml -xml`.
func pdfBookmarks(t testing.TB, pdf []byte) []bookmark {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out := exporttest.RunTool(t, "pdftohtml", "-xml", "-i", "-q", "-stdout", "-f", "1", "-l", "1", path)
	var marks []bookmark
	level := -1
	for _, m := range outlineRE.FindAllStringSubmatch(out, -1) {
		switch m[0] {
		case "<outline>":
			level++
		case "</outline>":
			level--
		default:
			page, _ := strconv.Atoi(m[1])
			marks = append(marks, bookmark{html.UnescapeString(m[2]), level, page})
		}
	}
	return marks
}
