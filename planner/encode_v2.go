package planner

// The file shapes of the parts version 2 adds, in the order of
// docs/model.md. Lists of actuals are written when recorded, even empty, so
// a plan reads back exactly as it was saved.
type (
	fileGroup struct {
		ID         string   `json:"id"`
		Name       string   `json:"name"`
		Promotions []string `json:"promotions"`
		Min        float64  `json:"min"`
		Max        *float64 `json:"max"`
		MinShare   float64  `json:"minShare"`
		MaxShare   float64  `json:"maxShare"`
	}
	fileActuals struct {
		Through     int                                 `json:"through"`
		Credibility float64                             `json:"credibility"`
		Promotions  map[string]filePromotionActuals     `json:"promotions,omitzero"`
		Products    map[string]fileProductActualsRecord `json:"products,omitzero"`
	}
	filePromotionActuals struct {
		Spend       []float64 `json:"spend,omitzero"`
		Committed   float64   `json:"committed,omitzero"`
		LiftUnits   []float64 `json:"liftUnits,omitzero"`
		Impressions []float64 `json:"impressions,omitzero"`
		Clicks      []float64 `json:"clicks,omitzero"`
		Conversions []float64 `json:"conversions,omitzero"`
	}
	fileProductActualsRecord struct {
		Units      []float64 `json:"units,omitzero"`
		NetRevenue []float64 `json:"netRevenue,omitzero"`
	}
	fileRange struct {
		Of   string  `json:"of"`
		Low  float64 `json:"low"`
		High float64 `json:"high"`
	}
)

// encodeV2 fills the version-2 parts of the file shape.
func encodeV2(p *Plan, f *filePlan) {
	for _, g := range p.Groups {
		promotions := g.Promotions
		if promotions == nil {
			promotions = []string{}
		}
		f.Groups = append(f.Groups, fileGroup{g.ID, g.Name, promotions, g.Min, g.Max, g.MinShare, g.MaxShare})
	}
	if a := p.Actuals; a != nil {
		fa := &fileActuals{Through: a.Through, Credibility: a.Credibility}
		if a.Promotions != nil {
			fa.Promotions = make(map[string]filePromotionActuals, len(a.Promotions))
			for id, x := range a.Promotions {
				fa.Promotions[id] = filePromotionActuals(x)
			}
		}
		if a.Products != nil {
			fa.Products = make(map[string]fileProductActualsRecord, len(a.Products))
			for id, x := range a.Products {
				fa.Products[id] = fileProductActualsRecord(x)
			}
		}
		f.Actuals = fa
	}
	for _, r := range p.Ranges {
		f.Ranges = append(f.Ranges, fileRange(r))
	}
}
