package ui

import (
	"context"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// advisedPrices is the price advisor's answer for every product of one plan
// under one scenario.
type advisedPrices struct {
	plan     *planner.Plan
	scenario string
	factor   float64 // the scenario's price factor
	products []planner.PriceAdvice
	// contribution is the plan's contribution at today's prices.
	contribution float64
}

// Columns of the price table.
const (
	priceColProduct = iota
	priceColList
	priceColLowest
	priceColBest
	priceColContribution
	priceColChange
	priceColApply
	priceCols
)

// buildPrices makes the price advisor's tab: one row per product with its
// list price, the lowest price for the margin target, the best price and the
// contribution there, and a button that applies the best price.
func (s *optimizeScreen) buildPrices() fyne.CanvasObject {
	s.prices = widget.NewTable(
		func() (int, int) { return len(s.env.Doc.Plan().Products), priceCols },
		func() fyne.CanvasObject {
			l := widget.NewLabel("€1,000,000.00 (edge)")
			l.Truncation = fyne.TextTruncateEllipsis
			b := widget.NewButtonWithIcon(lang.L("Apply"), theme.ConfirmIcon(), nil)
			return container.NewStack(l, container.NewCenter(b))
		},
		s.updatePriceCell)
	s.prices.ShowHeaderRow = true
	s.prices.StickyColumnCount = 1
	s.prices.CreateHeader = tableHeader
	s.prices.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if cols := priceColumns(); id.Col >= 0 && id.Col < len(cols) {
			setText(o.(*widget.Label), cols[id.Col])
		}
	}
	apply := widget.NewButtonWithIcon(lang.L("Apply"), theme.ConfirmIcon(), nil).MinSize().Width + 4*theme.Padding()
	fitColumns(s.prices, priceColumns(), []float32{200, 100, 100, 100, 120, 100, apply})
	s.prices.OnSelected = func(widget.TableCellID) { s.prices.UnselectAll() }
	s.priceNote = widget.NewLabel("")
	s.priceNote.Wrapping = fyne.TextWrapWord
	s.priceNote.SizeName = theme.SizeNameCaptionText
	s.priceStatus = widget.NewLabel("")
	s.priceStatus.Wrapping = fyne.TextWrapWord
	s.priceStatus.Hide()
	return container.NewPadded(container.NewBorder(container.NewVBox(s.priceNote, s.priceStatus), nil, nil, nil, s.prices))
}

// priceColumns are the headings of the price table.
func priceColumns() []string {
	return []string{lang.L("Products"), lang.L("List price now"), lang.L("Lowest for the margin target"), lang.L("Best list price"),
		lang.L("Contribution at best"), lang.L("Gain"), ""}
}

// refreshPrices shows the advice for the plan as it is, asking the advisor
// again in the background when the plan or the scenario changed. It only
// asks while the price tab is shown: on the large plan the advice takes
// about 80 ms.
func (s *optimizeScreen) refreshPrices() {
	doc := s.env.Doc
	p, sc, f := doc.Plan(), doc.Scenario(), s.env.Fmt()
	note := lang.L("Best price: the list price, from 0.2× to 5× today’s, that brings the plan the most contribution, other prices unchanged. At the edge of that range, demand barely reacts to price and the constant elasticity is unlikely to hold that far: test a smaller change.")
	if t := p.Targets.GrossMarginPct; t != nil {
		note = lang.L("Lowest price: the lowest list price at which the product’s gross margin meets the {{.Target}} target; a list price in red is below it.", map[string]any{"Target": f.Percent(*t)}) + " " + note
	} else {
		note = lang.L("Set a gross margin target to see the lowest price that meets it.") + " " + note
	}
	if sc != planner.BaseScenario {
		note += " " + lang.L("Prices are as the scenario shown sees them; Apply writes the plan’s list price, divided by the scenario’s price factor.")
	}
	setText(s.priceNote, note)
	s.prices.Refresh()
	if s.tabs == nil || s.tabs.Selected() != s.priceTab || s.adviceCurrent() {
		return
	}
	if s.priceJob.running() && s.pricePlan == p && s.priceScenario == sc {
		return // already asked
	}
	s.pricePlan, s.priceScenario = p, sc
	s.setPriceStatus(lang.L("Computing the best prices…"))
	// The document has p compiled under sc already: the factor and today's
	// contribution come from it, not from compiling p again in the job.
	factor, contribution := doc.Model().Scenario.Price, doc.Report().Totals.Contribution
	startJob(&s.priceJob, func(ctx context.Context) (*advisedPrices, error) {
		list, err := planner.AdvisePrices(ctx, p, sc)
		if err != nil {
			return nil, err
		}
		return &advisedPrices{plan: p, scenario: sc, factor: factor, products: list, contribution: contribution}, nil
	}, func(a *advisedPrices, err error) {
		s.setPriceStatus("")
		if err != nil {
			s.setPriceStatus(err.Error())
			return
		}
		s.advice = a
		s.prices.Refresh()
	})
}

// adviceCurrent reports whether the advice shown is for the plan and scenario shown.
func (s *optimizeScreen) adviceCurrent() bool {
	a, doc := s.advice, s.env.Doc
	return a != nil && a.plan == doc.Plan() && a.scenario == doc.Scenario()
}

// updatePriceCell writes product id.Row's advice in a cell, or its Apply button.
func (s *optimizeScreen) updatePriceCell(id widget.TableCellID, o fyne.CanvasObject) {
	stack := o.(*fyne.Container)
	l := stack.Objects[0].(*widget.Label)
	b := stack.Objects[1].(*fyne.Container).Objects[0].(*widget.Button)
	if id.Col == priceColApply {
		l.Hide()
		stack.Objects[1].Show()
		row := id.Row
		b.OnTapped = func() { s.applyPrice(row) }
		if s.canApply(row) {
			b.Enable()
		} else {
			b.Disable()
		}
		return
	}
	stack.Objects[1].Hide()
	l.Show()
	text, warn := s.priceCell(id.Row, id.Col)
	l.Importance = widget.MediumImportance
	if warn {
		l.Importance = widget.DangerImportance
	}
	l.TextStyle.Bold = id.Col == priceColProduct
	setText(l, text)
	l.Refresh()
}

// priceCell is the text of the price table at row i, column col; warn is
// true for a list price below the lowest price for the margin target.
func (s *optimizeScreen) priceCell(i, col int) (text string, warn bool) {
	p, f := s.env.Doc.Plan(), s.env.Fmt()
	if i < 0 || i >= len(p.Products) {
		return "", false
	}
	if col == priceColProduct {
		return p.Products[i].Name, false
	}
	a := s.advice
	if a == nil || a.plan != p || i >= len(a.products) {
		return "…", false
	}
	pa := a.products[i]
	switch col {
	case priceColList:
		return f.UnitMoney(pa.ListPrice), pa.MinListPrice.Valid && pa.ListPrice < pa.MinListPrice.Value
	case priceColLowest:
		if !pa.MinListPrice.Valid {
			return lang.L("n/a"), false
		}
		return f.UnitMoney(pa.MinListPrice.Value), false
	case priceColBest:
		if pa.AtBound {
			return lang.L("{{.Price}} (edge)", map[string]any{"Price": f.UnitMoney(pa.BestListPrice)}), false
		}
		return f.UnitMoney(pa.BestListPrice), false
	case priceColContribution:
		return f.Money(pa.ContributionAtBest), false
	case priceColChange:
		d := pa.ContributionAtBest - a.contribution
		return numfmt.Signed(d, f.Money(d)), false
	}
	return "", false
}

// canApply reports whether product i has current advice whose best price,
// written to the cent, differs from its list price.
func (s *optimizeScreen) canApply(i int) bool {
	if !s.adviceCurrent() || i < 0 || i >= len(s.advice.products) || i >= len(s.env.Doc.Plan().Products) {
		return false
	}
	return s.advisedPrice(i) != s.env.Doc.Plan().Products[i].ListPrice
}

// advisedPrice is the plan's list price that gives product i its best price
// under the scenario shown: the scenario multiplies list prices by its
// factor, so the best price is divided by it, and written to the cent.
func (s *optimizeScreen) advisedPrice(i int) float64 {
	return math.Round(s.advice.products[i].BestListPrice/s.advice.factor*100) / 100
}

// applyPrice writes product i's best price into the plan as one undo step.
func (s *optimizeScreen) applyPrice(i int) {
	if !s.canApply(i) {
		return
	}
	pr := s.env.Doc.Plan().Products[i]
	price := s.advisedPrice(i)
	err := s.env.Edit(lang.L("Set the best price of “{{.Name}}”", map[string]any{"Name": pr.Name}), func(p *planner.Plan) {
		for j := range p.Products {
			if p.Products[j].ID == pr.ID {
				p.Products[j].ListPrice = price
			}
		}
	})
	if err != nil {
		s.env.ShowError(err)
	}
}

// setPriceStatus shows a line above the price table, or hides it for "".
func (s *optimizeScreen) setPriceStatus(text string) {
	setText(s.priceStatus, text)
	s.priceStatus.Hidden = text == ""
	s.priceStatus.Refresh()
}
