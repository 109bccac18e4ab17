package pdf

import (
	"strings"
	"testing"

	"mixplan/export/internal/exporttest"
)

// FuzzPDFNames renders the worked example with whatever names people type
// (emoji, control characters, broken UTF-8, very long words) and checks that
// the report neither fails nor lets text leave its place. The seeds run in
// every `go test`.
func FuzzPDFNames(f *testing.F) {
	for _, seed := range [][2]string{
		{"Thé vert « bio » — l’été", "Search ads"},
		{"🍵🍵🍵 Matcha", "Campagne 🚀"},
		{"tab\there\nnewline", "\x00\x01 control"},
		{"bad \xff\xfe bytes", "Radio"},
		{strings.Repeat("Supercalifragilisticexpialidocious", 8), strings.Repeat("W", 200)},
		{strings.Repeat("mot ", 120), "Ünïcödé ÆØÅ ßẞ Œuvre"},
		{"中文产品名称", "עברית"},
	} {
		f.Add(seed[0], seed[1])
	}
	base := exporttest.TeaPlan(f)
	f.Fuzz(func(t *testing.T, product, channel string) {
		if len(product) > 2000 || len(channel) > 2000 {
			return
		}
		p := base.Clone()
		p.Products[2].Name = product
		p.Promotions[4].Name = channel
		if p.Validate() != nil {
			return // the engine refuses the plan before any report
		}
		d, err := render(p, Options{Generated: exporttest.FixedDate})
		if err != nil {
			t.Fatal(err)
		}
		if probs := d.layoutProblems(); len(probs) > 0 {
			t.Fatalf("%d layout problems, first: %s", len(probs), probs[0])
		}
	})
}
