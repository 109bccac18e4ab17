package planner

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// The file shapes: field order and names as in docs/model.md section 1.
type (
	filePlan struct {
		Format       string          `json:"format"`
		Version      int             `json:"version"`
		Name         string          `json:"name"`
		Company      string          `json:"company"`
		Currency     string          `json:"currency"`
		Locale       string          `json:"locale"`
		Start        string          `json:"start,omitempty"`
		Months       int             `json:"months"`
		RetentionPct float64         `json:"retentionPct"`
		DiscountRate float64         `json:"discountRate"`
		Targets      fileTargets     `json:"targets"`
		Products     []fileProduct   `json:"products"`
		Places       []filePlace     `json:"places"`
		Promotions   []filePromotion `json:"promotions"`
		Scenarios    []fileScenario  `json:"scenarios"`
		Groups       []fileGroup     `json:"groups,omitempty"`
		Actuals      *fileActuals    `json:"actuals,omitempty"`
		Ranges       []fileRange     `json:"ranges,omitempty"`
	}
	fileTargets struct {
		Revenue        *float64 `json:"revenue,omitempty"`
		GrossMarginPct *float64 `json:"grossMarginPct,omitempty"`
		Contribution   *float64 `json:"contribution,omitempty"`
		Budget         *float64 `json:"budget,omitempty"`
		ROMI           *float64 `json:"romi,omitempty"`
		CAC            *float64 `json:"cac,omitempty"`
	}
	fileProduct struct {
		ID               string    `json:"id"`
		Name             string    `json:"name"`
		UnitCost         float64   `json:"unitCost"`
		ListPrice        float64   `json:"listPrice"`
		DiscountPct      float64   `json:"discountPct"`
		BaseVolume       float64   `json:"baseVolume"`
		ReferencePrice   float64   `json:"referencePrice"`
		Elasticity       float64   `json:"elasticity"`
		LaunchCost       float64   `json:"launchCost"`
		UnitsPerCustomer float64   `json:"unitsPerCustomer"`
		Seasonality      []float64 `json:"seasonality,omitempty"`
	}
	filePlace struct {
		ID        string             `json:"id"`
		Name      string             `json:"name"`
		MarginPct float64            `json:"marginPct"`
		UnitCost  float64            `json:"unitCost"`
		FixedCost float64            `json:"fixedCost"`
		Share     map[string]float64 `json:"share"`
	}
	filePromotion struct {
		ID             string             `json:"id"`
		Name           string             `json:"name"`
		Kind           string             `json:"kind"`
		Spend          float64            `json:"spend"`
		Min            float64            `json:"min"`
		Max            *float64           `json:"max"`
		Response       fileResponse       `json:"response"`
		Split          map[string]float64 `json:"split,omitempty"`
		Flighting      []float64          `json:"flighting,omitempty"`
		Responsiveness []float64          `json:"responsiveness,omitempty"`
		MaxPerMonth    *float64           `json:"maxPerMonth,omitempty"`
	}
	fileResponse struct {
		MaxUnits  float64 `json:"maxUnits"`
		HalfSpend float64 `json:"halfSpend"`
		Shape     float64 `json:"shape"`
		Carryover float64 `json:"carryover"`
	}
	fileScenario struct {
		ID       string  `json:"id"`
		Name     string  `json:"name"`
		Volume   float64 `json:"volume"`
		UnitCost float64 `json:"unitCost"`
		Response float64 `json:"response"`
		Price    float64 `json:"price"`
	}
)

// Marshal encodes a plan as a plan file: indented UTF-8 JSON with every
// default written out, so the file reads the same in any version.
func Marshal(p *Plan) ([]byte, error) {
	f := filePlan{
		Format: FormatName, Version: FormatVersion, Name: p.Name, Company: p.Company,
		Currency: p.Currency, Locale: p.Locale, Start: p.Start, Months: p.Months,
		RetentionPct: p.RetentionPct, DiscountRate: p.DiscountRate,
		Targets: fileTargets{p.Targets.Revenue, p.Targets.GrossMarginPct, p.Targets.Contribution,
			p.Targets.Budget, p.Targets.ROMI, p.Targets.CAC},
		Products:   make([]fileProduct, len(p.Products)),
		Places:     make([]filePlace, len(p.Places)),
		Promotions: make([]filePromotion, len(p.Promotions)),
		Scenarios:  make([]fileScenario, len(p.Scenarios)),
	}
	for i, x := range p.Products {
		f.Products[i] = fileProduct(x)
	}
	for i, x := range p.Places {
		f.Places[i] = filePlace(x)
		if x.Share == nil {
			f.Places[i].Share = map[string]float64{}
		}
	}
	for i, x := range p.Promotions {
		f.Promotions[i] = filePromotion{x.ID, x.Name, x.Kind, x.Spend, x.Min, x.Max,
			fileResponse(x.Response), x.Split, x.Flighting, x.Responsiveness, x.MaxPerMonth}
	}
	for i, x := range p.Scenarios {
		f.Scenarios[i] = fileScenario(x)
	}
	encodeV2(p, &f)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Save writes the plan to path safely: it validates the plan, writes a
// temporary file in the same folder, syncs it and renames it over path, so an
// interrupted save leaves the previous file intact.
func Save(p *Plan, path string) error {
	if err := p.Validate(); err != nil {
		return err
	}
	data, err := Marshal(p)
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, data)
}

// WriteFileAtomic writes data to a temporary file beside path, syncs it and
// renames it over path.
func WriteFileAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("saving %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("saving %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("saving %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("saving %s: %w", path, err)
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("saving %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("saving %s: %w", path, err)
	}
	if d, derr := os.Open(dir); derr == nil {
		d.Sync() // make the rename durable; not all systems support it
		d.Close()
	}
	return nil
}
