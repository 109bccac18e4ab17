package ui

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"mixplan/planner"
)

// optimizeModes are the optimiser's modes in the order the Maximise radio
// offers them (revenue came last, with version 2).
var optimizeModes = []string{planner.ModeContribution, planner.ModeUnits, planner.ModeRevenue}

// modeOptions are the Maximise radio's options, one per optimizeModes.
func modeOptions() []string {
	return []string{lang.L("Contribution"), lang.L("Units sold"), lang.L("Net revenue")}
}

// flightingModes are the optimiser's flighting choices in the radio's order.
var flightingModes = []string{planner.FlightingFixed, planner.FlightingFree}

// flightingOptions are the Flighting radio's options, one per flightingModes.
func flightingOptions() []string {
	return []string{lang.L("Keep each channel’s months"), lang.L("Choose the months too")}
}

// picked is the value of choices at the option selected in r: the first
// one when nothing or an unknown option is selected.
func picked(r *widget.RadioGroup, choices []string) string {
	for i, o := range r.Options {
		if o == r.Selected && i < len(choices) {
			return choices[i]
		}
	}
	return choices[0]
}

// pick selects in r the option of value v among choices.
func pick(r *widget.RadioGroup, choices []string, v string) {
	for i, c := range choices {
		if c == v && i < len(r.Options) {
			r.SetSelected(r.Options[i])
		}
	}
}

// newChoice makes a horizontal, required radio group of options with the
// first selected.
func newChoice(options []string) *widget.RadioGroup {
	r := widget.NewRadioGroup(options, nil)
	r.Horizontal = true
	r.Required = true
	r.SetSelected(options[0])
	return r
}

// request is what the optimiser is asked: the mode and flighting picked and
// the budget typed.
func (s *optimizeScreen) request() planner.OptimizeRequest {
	req := planner.OptimizeRequest{
		Scenario:  s.env.Doc.Scenario(),
		Mode:      picked(s.mode, optimizeModes),
		Flighting: picked(s.flighting, flightingModes),
	}
	if s.budgetValue != nil {
		req.Budget = planner.Float(*s.budgetValue)
	}
	return req
}

// goal says in words what a mode maximises.
func goal(mode string) string {
	switch mode {
	case planner.ModeRevenue:
		return lang.L("Maximising the net revenue the promotion brings.")
	case planner.ModeUnits:
		return lang.L("Maximising the units the promotion brings.")
	}
	return lang.L("Maximising contribution.")
}
