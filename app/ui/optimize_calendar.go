package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/ui/charts"
	"mixplan/planner"
)

// buildCalendar makes the Calendar view beside the response curve: the
// channels × months spends today and, with a free-flighting proposal, the
// months the optimiser proposes, as a heat map on one colour scale.
func (s *optimizeScreen) buildCalendar() fyne.CanvasObject {
	s.calendarNote = widget.NewLabel("")
	s.calendarNote.Wrapping = fyne.TextWrapWord
	s.calendarNote.SizeName = theme.SizeNameCaptionText
	s.calendar = charts.NewHeatMap()
	s.calendar.SetMinSize(fyne.NewSize(320, 200))
	return container.NewPadded(container.NewBorder(s.calendarNote, nil, nil, nil, container.NewVScroll(s.calendar)))
}

// calendarPanels are the grids the Calendar view shows: today's monthly
// spends, and the proposal's when it chose the months.
func calendarPanels(r *planner.Report, o *planner.Optimization) []charts.HeatPanel {
	today := make([][]float64, len(r.Promotions))
	for i, pr := range r.Promotions {
		today[i] = slices.Clone(pr.MonthlySpend)
	}
	panels := []charts.HeatPanel{{Title: lang.L("Today"), Values: today}}
	if o == nil || o.Flighting != planner.FlightingFree {
		return panels
	}
	proposed := make([][]float64, len(o.Allocation))
	for i, a := range o.Allocation {
		proposed[i] = slices.Clone(a.MonthlySpend)
	}
	return append(panels, charts.HeatPanel{Title: lang.L("Proposed"), Values: proposed})
}

// showCalendar draws the calendar of the plan shown, with the proposal's
// months beside it when it chose them.
func (s *optimizeScreen) showCalendar() {
	doc := s.env.Doc
	p, r, f := doc.Plan(), doc.Report(), s.env.Fmt()
	var o *planner.Optimization
	if s.prop != nil {
		o = s.prop.opt
		r = s.prop.before
	}
	rows := make([]string, len(p.Promotions))
	for i, pm := range p.Promotions {
		rows[i] = pm.Name
	}
	switch {
	case o != nil && o.Flighting == planner.FlightingFree:
		setText(s.calendarNote, lang.L("Each channel’s spend month by month, today and as proposed, on one scale. Hover a month to read both."))
	case o != nil:
		setText(s.calendarNote, lang.L("This proposal keeps each channel’s months. Choose the months too and optimise again to see the months it would choose."))
	default:
		setText(s.calendarNote, lang.L("Each channel’s spend month by month today. With “Choose the months too”, the proposed months appear beside it."))
	}
	s.calendar.SetData(rows, shortMonths(planner.MonthLabels(p.Start, p.Months)), calendarPanels(r, o), lang.L("Spend per month"), f.Chart())
}
