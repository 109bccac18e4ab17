package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/ui/widgets"
	"mixplan/planner"
)

// estimateKPIs are the figures the Overview's "Latest estimate" row shows:
// the ones a target can be set on, in the tiles' order.
var estimateKPIs = []string{kpiRevenue, kpiMargin, kpiContribution, kpiSpend, kpiROMI, kpiCAC}

// estimatePanel is the Overview's "Latest estimate" row: once months are
// closed (the plan has actuals), the year as it now looks (planner.Track:
// the closed months as they happened, the open ones with the re-fitted
// curves) beside the plan's figure and the target. It is hidden while no
// month is closed.
//
// Decisions where the issue is silent:
//   - Tracking works on the plan as written, so under another scenario the
//     heading says the estimate is the base plan's rather than hiding it.
//   - A plan Track refuses (it should not, once validated) hides the row
//     rather than showing figures that may be wrong.
type estimatePanel struct {
	box     *fyne.Container
	heading *widget.Label
	note    *widget.Label
	tiles   map[string]*widgets.KPITile

	plan *planner.Plan // the plan last tracked, so an unchanged plan is not tracked again
	tk   *planner.Tracking
}

func newEstimatePanel(titles map[string]string) *estimatePanel {
	e := &estimatePanel{tiles: map[string]*widgets.KPITile{}}
	e.heading = boldLabel("")
	e.note = widget.NewLabel("")
	e.note.TextStyle.Italic = true
	var tiles []fyne.CanvasObject
	for _, k := range estimateKPIs {
		e.tiles[k] = widgets.NewKPITile(titles[k])
		tiles = append(tiles, e.tiles[k])
	}
	e.box = container.NewVBox(widget.NewSeparator(), container.NewHBox(e.heading, e.note), newResponsiveGrid(230, tiles...))
	e.box.Hide()
	return e
}

// tracking returns the plan's tracking, computed again only when the plan changed.
func (e *estimatePanel) tracking(p *planner.Plan) *planner.Tracking {
	if p != e.plan {
		e.plan, e.tk = p, nil
		if p.Actuals != nil && p.Actuals.Through > 0 {
			if tk, err := planner.Track(p); err == nil {
				e.tk = tk
			}
		}
	}
	return e.tk
}

// refresh shows the latest estimate of plan p (viewed under scenario id).
func (e *estimatePanel) refresh(p *planner.Plan, scenario string, f Fmt) {
	tk := e.tracking(p)
	if tk == nil {
		e.box.Hide()
		return
	}
	setText(e.heading, lang.N("Latest estimate: {{.Closed}} of {{.Months}} months closed", tk.Months,
		map[string]any{"Closed": tk.Through, "Months": tk.Months}))
	note := ""
	if scenario != planner.BaseScenario {
		note = lang.L("(for the base plan)")
	}
	setText(e.note, note)
	e.note.Hidden = note == ""
	for k, kpi := range estimateTiles(tk, f) {
		e.tiles[k].Set(kpi)
	}
	e.box.Show()
}

// estimateTiles is what each "Latest estimate" tile shows: the estimate,
// green or red against the target when one is set, with the plan's figure
// and the target under it.
func estimateTiles(tk *planner.Tracking, f Fmt) map[string]widgets.KPI {
	out := map[string]widgets.KPI{}
	for _, name := range estimateKPIs {
		value, _ := f.Target(name)
		le, plan := tk.LatestEstimate.Actual(name), tk.Plan.Actual(name)
		k := widgets.KPI{Value: f.Maybe(le, value)}
		k.Detail = lang.L("Plan {{.Plan}} · no target", map[string]any{"Plan": f.Maybe(plan, value)})
		for _, t := range tk.Targets {
			if t.Name != name {
				continue
			}
			k.Status = widgets.Missed
			if t.MetLatestEstimate {
				k.Status = widgets.Met
			}
			k.Detail = lang.L("Plan {{.Plan}} · target {{.Target}}", map[string]any{"Plan": f.Maybe(plan, value), "Target": value(t.Target)})
		}
		out[name] = k
	}
	return out
}
