package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/ui/charts"
	"mixplan/planner"
)

func init() { registerScreen(orderCalendar, newCalendarScreen) }

// calendarScreen is the Calendar screen: the plan month by month. Its tabs
// hold the months × channels flighting grid (when each channel's spend
// goes out), each channel's response in time (carryover, monthly cap,
// responsiveness, its spend and lift month by month: channelResponse) and
// the months × products seasonality grid (when each product's units sell),
// the grids being weightGrids; under them the monthly
// contribution with its cumulative line and payback month, and the
// marketing spend per month.
//
// Decisions where the issue is silent:
//   - Rows are the channels and the products, columns the months, so a long
//     range scrolls down and a long horizon across, and a row's presets
//     apply to a row.
//   - The month toggles ("only these months") are offered for seasonality
//     too: a product sold only in winter is the same gesture.
//   - A month turned back on weighs the average of the months on, so a
//     pattern flat over some months stays flat over the new set.
type calendarScreen struct {
	screenInfo
	env  *Env
	tabs *container.AppTabs

	flighting, seasonality *weightGrid
	flightTab, seasonTab   *container.TabItem
	// response edits the picked channel's carryover, monthly cap and
	// responsiveness beside its spend and lift month by month.
	response    *channelResponse
	responseTab *container.TabItem

	monthly *charts.Monthly
	payback *widget.Label
	spend   *charts.Bars
}

func newCalendarScreen(env *Env) Screen {
	s := &calendarScreen{screenInfo: screenInfo{id: "calendar", title: lang.L("Calendar"), icon: theme.CalendarIcon()}, env: env}
	s.flighting = newWeightGrid(env, flightingSpec())
	s.seasonality = newWeightGrid(env, seasonalitySpec())
	s.flightTab = container.NewTabItem(lang.L("Promotion flighting"), s.flighting.content)
	s.seasonTab = container.NewTabItem(lang.L("Product seasonality"), s.seasonality.content)
	s.response = newChannelResponse(env)
	s.responseTab = container.NewTabItem(lang.L("Response by month"), s.response.content)
	s.tabs = container.NewAppTabs(s.flightTab, s.responseTab, s.seasonTab)
	// The response tab opens on the channel selected in the flighting grid.
	s.tabs.OnSelected = func(tab *container.TabItem) {
		if id, _, _, ok := s.flighting.selected(); ok && tab == s.responseTab {
			s.response.id = id
			s.response.Refresh()
		}
	}

	s.monthly = charts.NewMonthly()
	s.spend = charts.NewBars()
	s.spend.Periods = true
	for _, c := range []interface{ SetMinSize(fyne.Size) }{s.monthly, s.spend} {
		c.SetMinSize(fyne.NewSize(320, 200))
	}
	s.payback = widget.NewLabel("")
	charts := newResponsiveGrid(420,
		container.NewBorder(container.NewHBox(boldLabel(lang.L("Monthly contribution")), s.payback), nil, nil, nil, s.monthly),
		container.NewBorder(boldLabel(lang.L("Marketing spend per month")), nil, nil, nil, s.spend))
	split := container.NewVSplit(s.tabs, container.NewPadded(charts))
	split.Offset = 0.66
	s.content = split
	return s
}

// Refresh shows the document: both grids (only their visible cells are
// redrawn) and the monthly charts.
func (s *calendarScreen) Refresh() {
	s.flighting.Refresh()
	s.seasonality.Refresh()
	s.response.Refresh()

	r, f := s.env.Doc.Report(), s.env.Fmt()
	months := showMonthlyContribution(s.monthly, r, f)
	spend := make([]float64, len(r.Monthly))
	for t, m := range r.Monthly {
		spend[t] = m.MarketingSpend
	}
	s.spend.SetData(months, []charts.Series{{Name: lang.L("Marketing spend"), Values: spend}}, f.Chart())
	pay := lang.L("Not paid back")
	if pb := r.Totals.PaybackMonth; pb.Valid && int(pb.Value) >= 1 && int(pb.Value) <= len(months) {
		pay = lang.L("Paid back in {{.Month}}", map[string]any{"Month": months[int(pb.Value)-1]})
	}
	setText(s.payback, pay)
}

// FocusProduct shows the Calendar screen on the seasonality of the product
// with that id, its row selected and scrolled into view. The Product
// screen's "Edit in the calendar" button calls it.
func (s *calendarScreen) FocusProduct(id string) {
	s.env.ShowScreen(s.ID())
	s.tabs.Select(s.seasonTab)
	s.seasonality.focusRow(productIndex(s.env.Doc.Plan(), id))
}

// flightingSpec is the flighting grid: a row per promotion channel, its
// spend spread over the months.
func flightingSpec() weightSpec {
	return weightSpec{
		rows: func(p *planner.Plan) int { return len(p.Promotions) },
		row: func(p *planner.Plan, i int) (string, string, []float64) {
			pm := &p.Promotions[i]
			return pm.ID, pm.Name, pm.Flighting
		},
		index: promotionIndex,
		set: func(p *planner.Plan, id string, w []float64) {
			if i := promotionIndex(p, id); i >= 0 {
				p.Promotions[i].Flighting = w
			}
		},
		amount: func(_ *planner.Report, p *planner.Plan, i int) float64 { return p.Promotions[i].Spend },
		monthTotals: func(_ *planner.Report, p *planner.Plan) []float64 {
			out := make([]float64, p.Months)
			for _, pm := range p.Promotions {
				for t := range out {
					out[t] += pm.Spend * planner.MonthShare(pm.Flighting, p.Months, t)
				}
			}
			return out
		},
		format: func(f Fmt, x float64) string { return f.Money(x) },
		words: weightWords{
			rowInfo: func(amount string, flat bool) string {
				if flat {
					return lang.L("{{.Spend}} spend · flat", map[string]any{"Spend": amount})
				}
				return lang.L("{{.Spend}} spend · flighted", map[string]any{"Spend": amount})
			},
			cellTitle: func(name, month string) string {
				return lang.L("Spend of “{{.Name}}” in {{.Month}}", map[string]any{"Name": name, "Month": month})
			},
			shareOf: func(share, amount string) string {
				return lang.L("{{.Share}} of the channel’s spend · {{.Amount}}", map[string]any{"Share": share, "Amount": amount})
			},
			change: func(name, month string) string {
				return lang.L("Change the flighting of “{{.Name}}” in {{.Month}}", map[string]any{"Name": name, "Month": month})
			},
			makeFlat: func(name string) string {
				return lang.L("Flatten the flighting of “{{.Name}}”", map[string]any{"Name": name})
			},
			copyFrom: func(from, to string) string {
				return lang.L("Copy the flighting of “{{.From}}” to “{{.Name}}”", map[string]any{"From": from, "Name": to})
			},
			monthOn: func(name, month string) string {
				return lang.L("Run “{{.Name}}” in {{.Month}}", map[string]any{"Name": name, "Month": month})
			},
			monthOff: func(name, month string) string {
				return lang.L("Pause “{{.Name}}” in {{.Month}}", map[string]any{"Name": name, "Month": month})
			},
			copyTitle:  lang.L("Copy the flighting of another channel"),
			emptyGrid:  lang.L("No promotion channels yet. Add one on the Promotion screen to plan its months."),
			helpText:   lang.L("Weights are relative: a month weighing 2 gets twice the spend of a month weighing 1. Flat spends the same every month."),
			monthsHelp: lang.L("Untick a month to spend nothing in it; tick it to run the channel again."),
		},
	}
}

// seasonalitySpec is the seasonality grid: a row per product, its units
// spread over the months.
func seasonalitySpec() weightSpec {
	return weightSpec{
		rows: func(p *planner.Plan) int { return len(p.Products) },
		row: func(p *planner.Plan, i int) (string, string, []float64) {
			pr := &p.Products[i]
			return pr.ID, pr.Name, pr.Seasonality
		},
		index: productIndex,
		set: func(p *planner.Plan, id string, w []float64) {
			if i := productIndex(p, id); i >= 0 {
				p.Products[i].Seasonality = w
			}
		},
		amount: func(r *planner.Report, _ *planner.Plan, i int) float64 {
			if i < len(r.Products) {
				return r.Products[i].Units
			}
			return 0
		},
		monthTotals: func(r *planner.Report, _ *planner.Plan) []float64 {
			out := make([]float64, len(r.Monthly))
			for t, m := range r.Monthly {
				out[t] = m.Units
			}
			return out
		},
		format: func(f Fmt, x float64) string { return f.Units(x) },
		words: weightWords{
			rowInfo: func(amount string, flat bool) string {
				if flat {
					return lang.L("{{.Units}} units · flat", map[string]any{"Units": amount})
				}
				return lang.L("{{.Units}} units · seasonal", map[string]any{"Units": amount})
			},
			cellTitle: func(name, month string) string {
				return lang.L("Sales of “{{.Name}}” in {{.Month}}", map[string]any{"Name": name, "Month": month})
			},
			shareOf: func(share, amount string) string {
				return lang.L("{{.Share}} of the product’s units · {{.Amount}} units", map[string]any{"Share": share, "Amount": amount})
			},
			change: func(name, month string) string {
				return lang.L("Change the seasonality of “{{.Name}}” in {{.Month}}", map[string]any{"Name": name, "Month": month})
			},
			makeFlat: func(name string) string {
				return lang.L("Flatten the seasonality of “{{.Name}}”", map[string]any{"Name": name})
			},
			copyFrom: func(from, to string) string {
				return lang.L("Copy the seasonality of “{{.From}}” to “{{.Name}}”", map[string]any{"From": from, "Name": to})
			},
			monthOn: func(name, month string) string {
				return lang.L("Sell “{{.Name}}” in {{.Month}}", map[string]any{"Name": name, "Month": month})
			},
			monthOff: func(name, month string) string {
				return lang.L("Stop selling “{{.Name}}” in {{.Month}}", map[string]any{"Name": name, "Month": month})
			},
			copyTitle:  lang.L("Copy the seasonality of another product"),
			emptyGrid:  lang.L("No products yet. Add one on the Product screen to plan its months."),
			helpText:   lang.L("Weights are relative: a month weighing 2 sells twice the units of a month weighing 1. Flat sells the same every month."),
			monthsHelp: lang.L("Untick a month to sell nothing in it; tick it to sell again."),
		},
	}
}
