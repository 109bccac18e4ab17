// Package exporttest holds what the tests of both file formats start
// from: the plans they export (the sample, the worked example, one with
// hostile names, a bare one), a fixed date for byte-identical files, a
// writer that fails, and the command-line tools they check files with.
// Only tests import it.
package exporttest

import (
	"bytes"
	_ "embed"
	"errors"
	"os/exec"
	"strings"
	"testing"
	"time"

	"mixplan/assets"
	"mixplan/planner"
)

// FixedDate makes exports byte-identical.
var FixedDate = time.Date(2026, 11, 22, 9, 30, 0, 0, time.UTC)

// SamplePlan is the sample plan every new user sees.
func SamplePlan(t testing.TB) *planner.Plan {
	t.Helper()
	p, err := planner.Parse(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

//go:embed tea.mixplan
var teaFile []byte

// TeaPlan is the contract's worked example.
func TeaPlan(t testing.TB) *planner.Plan {
	t.Helper()
	p, err := planner.Parse(teaFile)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// HostilePlan has what users type: long names, accents, quotes, an emoji,
// a tab, and every target set.
func HostilePlan(t testing.TB) *planner.Plan {
	t.Helper()
	p := TeaPlan(t)
	p.Name = "Plan « Crème brûlée » — l’été des œufs 2027, édition spéciale pour la grande distribution et les épiceries fines de l’Île-de-France"
	p.Company = "Société Française des Desserts Glacés & Pâtissiers Réunis — Division Grande Consommation Europe"
	p.Products[0].Name = "Thé vert bio 100 g « Jardin de Kyoto » — récolte de printemps, feuilles entières, sachet kraft refermable, origine Japon 🍵"
	p.Products[1].Name = "Infusion\tdétox"
	p.Places[1].Name = "Grande distribution alimentaire et hypermarchés de périphérie (centrales d’achat nationales)"
	p.Promotions[0].Name = "Campagne 🚀 Search ads « été » — mots-clés de marque et génériques, Google et Bing"
	p.Scenarios[0].Name = "Pessimiste : récession prolongée, hausse des coûts de l’énergie et des matières premières"
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	return p
}

// BarePlan has no start month, no targets, no costs, no promotions, no scenarios.
func BarePlan() *planner.Plan {
	return &planner.Plan{
		Name: "Bare", Currency: "USD", Locale: "en", Months: 6, DiscountRate: 0.1,
		Products: []planner.Product{{ID: "a", Name: "Alpha", UnitCost: 2, ListPrice: 5, BaseVolume: 1000,
			ReferencePrice: 5, UnitsPerCustomer: 1}},
		Places: []planner.Place{{ID: "shop", Name: "Shop", Share: map[string]float64{"a": 1}}},
	}
}

// FailingWriter fails every write, as a full disk does.
type FailingWriter struct{}

func (FailingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// RequireTool returns the path of a command the test needs, failing the
// test when it is not installed.
func RequireTool(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is missing: install poppler-utils (apt-get install poppler-utils) to check the PDF report", name)
	}
	return path
}

// RunTool runs a command and returns what it printed, failing the test
// when it fails.
func RunTool(t testing.TB, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(RequireTool(t, name), args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, errb.String())
	}
	return out.String()
}
