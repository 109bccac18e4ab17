package ui

import (
	"context"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/ui/charts"
	"mixplan/app/ui/widgets"
	"mixplan/planner"
	"mixplan/planner/numfmt"
)

func init() { registerScreen(orderPrice, newPriceScreen) }

// maxDiscount is the highest average discount the discount field takes.
const maxDiscount = 0.95

// adviceDelay is how long the advisor waits after an edit before it starts:
// edits in quick succession (a person typing prices and pressing Enter)
// then cost one run, not one each, which on a large plan would compete
// with the edits for the processor.
const adviceDelay = 80 * time.Millisecond

// priceScreen sets each product's list price and average discount (entry
// plus slider), shows what they make (net price, unit margin, gross margin
// %) and what the price advisor says: the lowest list price for the
// gross-margin target, the list price that maximises the plan's
// contribution, a sentence saying what that means, a button that applies
// it, and a chart of the contribution against the list price.
//
// The advisor and the chart evaluate the whole plan dozens of times, which
// takes a quarter of a second on a plan of 2,000 products: they run on a
// goroutine of their own (startAdvice), a newer edit cancels an older run,
// and results reach the widgets through Env.Do. Meanwhile the last figures
// of the same product stay shown and "Apply" waits for the new ones.
//
// Prices on this screen are the plan's own. Under a scenario that scales
// prices, the advisor's answers (scenario prices) are divided by the
// scenario's factor, so that the best price compares with the field and is
// what "Apply" writes; net price and the results include the factor, like
// every figure of the window, and a note says so.
type priceScreen struct {
	screenInfo
	*productList
	env *Env

	heading      *widget.Label
	listPrice    *widgets.BoundedField
	discount     *widgets.BoundedField
	scenarioNote *widget.Label

	netPrice, unitMargin, marginPct *widget.Label
	minPrice, bestPrice, atBest     *widget.Label
	sentence                        *widget.Label
	working                         *widget.RichText
	apply                           *widget.Button
	chart                           *charts.PriceCurve

	// The advisor's runs. job is the one whose answer the screen wants;
	// advice is the last answer shown (valid when adviceFor == job).
	job       priceJob
	adviceFor priceJob
	advice    priceAdvice
	advisor   backgroundJob
}

func newPriceScreen(env *Env) Screen {
	s := &priceScreen{screenInfo: screenInfo{id: "price", title: lang.L("Price"), icon: theme.InfoIcon()}, env: env}
	s.advisor.env = env
	s.productList = newProductList(env, "€0.00 · margin 0%", func(p *planner.Plan, r *planner.Report, i int) string {
		f := s.env.Fmt()
		return lang.L("{{.Price}} · margin {{.Margin}}", map[string]any{
			"Price": f.UnitMoney(p.Products[i].ListPrice), "Margin": f.Maybe(r.Products[i].GrossMarginPct, f.Percent)})
	}, s.showSelected)
	s.content = s.panes(s.buildForm(),
		container.NewCenter(widget.NewLabel(lang.L("No products yet. Add them on the Product screen."))))
	return s
}

// buildForm makes the price form, the results and the advisor's panel.
func (s *priceScreen) buildForm() fyne.CanvasObject {
	f := s.env.Fmt()
	s.heading = newTitle()

	s.listPrice = widgets.NewBoundedField(f.Field(widgets.Money), 0, 1, widgets.Positive())
	s.listPrice.Field.OnCommit = func(x float64) error {
		return s.edit(lang.L("Change the list price of “{{.Name}}”", s.named()), func(pr *planner.Product) { pr.ListPrice = x })
	}
	s.discount = widgets.NewBoundedField(f.Field(widgets.Percent), 0, maxDiscount, widgets.NonNegative(), widgets.AtMost(maxDiscount))
	s.discount.Field.OnCommit = func(x float64) error {
		return s.edit(lang.L("Change the discount of “{{.Name}}”", s.named()), func(pr *planner.Product) { pr.DiscountPct = x })
	}
	s.scenarioNote = widget.NewLabel("")
	s.scenarioNote.Wrapping = fyne.TextWrapWord
	s.scenarioNote.Importance = widget.WarningImportance
	s.scenarioNote.SizeName = theme.SizeNameCaptionText

	s.netPrice, s.unitMargin, s.marginPct = boldLabel(""), boldLabel(""), boldLabel("")
	form := widget.NewForm(
		heading(lang.L("Price")),
		widget.NewFormItem(lang.L("List price"), s.listPrice),
		widget.NewFormItem(lang.L("Average discount"), s.discount),
		help(lang.L("Customers pay the list price less the average discount. The slider goes from a fifth of today’s list price to five times it, the range the price advisor searches.")),
		widget.NewFormItem(lang.L("Net price"), s.netPrice),
		widget.NewFormItem(lang.L("Unit margin"), s.unitMargin),
		widget.NewFormItem(lang.L("Gross margin %"), s.marginPct),
		help(lang.L("Unit margin is what one unit leaves after the places’ margins, its cost of goods and logistics, averaged over the places that sell it.")),
	)

	s.minPrice, s.bestPrice, s.atBest = boldLabel(""), boldLabel(""), boldLabel("")
	s.sentence = widget.NewLabel("")
	s.sentence.Wrapping = fyne.TextWrapWord
	s.working = newNote(lang.L("Working out the best price…"))
	s.working.Wrapping = fyne.TextWrapOff
	s.working.Hide()
	s.apply = widget.NewButtonWithIcon(lang.L("Apply the best price"), theme.ConfirmIcon(), s.applyBest)
	s.apply.Importance = widget.HighImportance
	s.chart = charts.NewPriceCurve()
	advisorTitle := boldLabel(lang.L("Price advisor"))
	advice := widget.NewForm(
		widget.NewFormItem(lang.L("Lowest price for the margin target"), s.minPrice),
		widget.NewFormItem(lang.L("Best price for contribution"), s.bestPrice),
		widget.NewFormItem(lang.L("Contribution at the best price"), s.atBest))
	panel := container.NewVBox(advisorTitle, advice, s.sentence, container.NewHBox(s.apply, s.working))

	chartTitle := boldLabel(lang.L("The plan’s contribution against this list price, other prices unchanged"))
	chartTitle.Truncation = fyne.TextTruncateEllipsis
	return newPage(s.heading, s.scenarioNote, newSideBySide(320, form, panel), chartTitle, s.chart)
}

// Refresh shows the document: the list, and the selected product's prices,
// results and advice.
func (s *priceScreen) Refresh() { s.refresh() }

// showSelected writes the selected product's prices and results, and asks
// the advisor about it.
func (s *priceScreen) showSelected() {
	doc := s.env.Doc
	p, r := doc.Plan(), doc.Report()
	pr, ok := s.selected()
	if !ok {
		s.stopAdvice()
		return
	}
	res := r.Products[s.sel]
	f := s.env.Fmt()
	setText(s.heading, pr.Name)
	s.listPrice.Field.SetFormat(f.Field(widgets.Money))
	s.discount.Field.SetFormat(f.Field(widgets.Percent))
	s.listPrice.SetRange(planner.PriceRangeLow*pr.ListPrice, planner.PriceRangeHigh*pr.ListPrice)
	s.listPrice.SetValue(pr.ListPrice)
	s.discount.SetValue(pr.DiscountPct)

	sc, _ := p.ScenarioByID(doc.Scenario())
	if sc.Price != 1 {
		setText(s.scenarioNote, lang.L("The scenario “{{.Name}}” multiplies list prices by {{.Factor}}. Prices on this screen are the plan’s own; the net price and the results include the factor.",
			map[string]any{"Name": sc.Name, "Factor": times(f, sc.Price)}))
		s.scenarioNote.Show()
	} else {
		s.scenarioNote.Hide()
	}

	setText(s.netPrice, f.UnitMoney(res.NetPrice))
	setText(s.unitMargin, f.UnitMoney(res.UnitContribution))
	setText(s.marginPct, f.Maybe(res.GrossMarginPct, f.Percent))
	importance := widget.MediumImportance
	if t := p.Targets.GrossMarginPct; t != nil {
		importance = widget.DangerImportance
		if res.GrossMarginPct.Valid && res.GrossMarginPct.Value >= *t {
			importance = widget.SuccessImportance
		}
	}
	if s.marginPct.Importance != importance {
		s.marginPct.Importance = importance
		s.marginPct.Refresh()
	}
	s.startAdvice(priceJob{plan: p, scenario: doc.Scenario(), product: pr.ID})
}

// startAdvice asks the advisor about job on a goroutine (backgroundJob),
// cancelling the run of an older job. An answer already shown for this very
// job is kept.
func (s *priceScreen) startAdvice(job priceJob) {
	if job == s.job {
		return
	}
	s.job = job
	if s.adviceFor.product != job.product {
		s.clearAdvice() // another product: the old figures would mislead
	}
	s.apply.Disable()
	s.working.Show()
	startJob(&s.advisor, func(ctx context.Context) (priceAdvice, error) {
		select {
		case <-ctx.Done():
			return priceAdvice{}, ctx.Err()
		case <-time.After(adviceDelay):
		}
		return advise(ctx, job)
	}, func(a priceAdvice, err error) {
		s.working.Hide()
		if err != nil {
			setText(s.sentence, err.Error())
			return
		}
		s.showAdvice(job, a)
	})
}

// stopAdvice cancels the advisor's run, if any, and forgets its job.
func (s *priceScreen) stopAdvice() {
	s.advisor.stop()
	s.job = priceJob{}
}

// clearAdvice empties the advisor's panel while it works on another product.
func (s *priceScreen) clearAdvice() {
	for _, l := range []*widget.Label{s.minPrice, s.bestPrice, s.atBest, s.sentence} {
		setText(l, "…")
	}
	s.chart.SetData(charts.PriceCurveData{Current: math.NaN(), Best: math.NaN(), Floor: math.NaN()})
}

// showAdvice writes the advisor's answer for job into the panel.
func (s *priceScreen) showAdvice(job priceJob, a priceAdvice) {
	s.adviceFor, s.advice = job, a
	p := job.plan
	i := productIndex(p, job.product)
	f := fmtFor(p)
	target := p.Targets.GrossMarginPct
	switch {
	case target == nil:
		setText(s.minPrice, lang.L("no gross-margin target set"))
	case !a.MinListPrice.Valid:
		setText(s.minPrice, lang.L("no price meets the target"))
	default:
		setText(s.minPrice, f.UnitMoney(a.MinListPrice.Value))
	}
	best := f.UnitMoney(a.BestListPrice)
	if a.AtBound {
		best = lang.L("{{.Price}} (edge of the range)", map[string]any{"Price": best})
	}
	setText(s.bestPrice, best)
	setText(s.atBest, lang.L("{{.Contribution}} ({{.Change}})", map[string]any{
		"Contribution": f.Money(a.ContributionAtBest), "Change": numfmt.Signed(a.Gain(), f.Money(a.Gain()))}))
	setText(s.sentence, priceSentence(f, p.Products[i].Name, a, target))
	if roundCents(a.BestListPrice) != p.Products[i].ListPrice {
		s.apply.Enable()
	} else {
		s.apply.Disable()
	}
	minPrice := math.NaN()
	if a.MinListPrice.Valid {
		minPrice = a.MinListPrice.Value
	}
	prices, totals := make([]float64, len(a.Curve)), make([]float64, len(a.Curve))
	for j, pt := range a.Curve {
		prices[j], totals[j] = pt.Price, pt.Contribution
	}
	s.chart.SetData(charts.PriceCurveData{
		Prices: prices, Totals: totals, Today: a.Today, Current: a.ListPrice, Best: a.BestListPrice, Floor: minPrice,
		ChangeName: lang.L("Change in contribution"), CurrentName: lang.L("Today’s price"),
		BestName: lang.L("Best price"), FloorName: lang.L("Below the margin target"),
		TotalName: lang.L("Contribution"), Money: f.Chart(),
	})
}

// applyBest writes the best price, rounded to the cent, as the list price.
func (s *priceScreen) applyBest() {
	if s.adviceFor != s.job || s.job.plan == nil {
		return
	}
	price := roundCents(s.advice.BestListPrice)
	err := s.edit(lang.L("Apply the best price to “{{.Name}}”", s.named()), func(pr *planner.Product) { pr.ListPrice = price })
	if err != nil {
		s.env.ShowError(err)
	}
}

// roundCents rounds a price to the cent.
func roundCents(x float64) float64 { return math.Round(x*100) / 100 }
