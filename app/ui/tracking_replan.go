package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"mixplan/planner"
)

// replanner is the Tracking screen's "Re-plan the rest of the year": the
// exact optimiser on the open months only (docs/model.md §3.1, "Rest of the
// year": the closed months are facts, committed spend is honoured, the
// curves are the re-fitted ones), run in the background, its proposal shown
// in a dialog channel by channel, and Accept writing every channel's spend
// and monthly flighting as one undo step.
//
// Decisions where the issue is silent: the mode is contribution with the
// plan's budget target and each channel's flighting kept over the open
// months (the optimiser's defaults, as the CLI's `optimize --rest-of-year`);
// a proposal made for a plan that changed meanwhile is not applied.
type replanner struct {
	env    *Env
	job    backgroundJob
	button *widget.Button
	status *widget.Label
	// plan is what the proposal shown is for.
	plan *planner.Plan
	opt  *planner.Optimization
}

func newReplanner(env *Env) *replanner {
	r := &replanner{env: env}
	r.job.env = env
	r.button = widget.NewButton(lang.L("Re-plan the rest of the year"), r.start)
	r.button.Importance = widget.HighImportance
	r.status = widget.NewLabel("")
	r.status.Wrapping = fyne.TextWrapWord
	return r
}

// refresh offers re-planning when some months are closed and some open.
func (r *replanner) refresh(p *planner.Plan) {
	t := through(p)
	enable(r.button, t > 0 && t < p.Months && len(p.Promotions) > 0 && !r.job.running())
}

// start runs the rest-of-year optimiser on the plan as it is now.
func (r *replanner) start() {
	p := r.env.Doc.Plan()
	r.button.Disable()
	setText(r.status, lang.L("Re-planning the open months…"))
	startJob(&r.job, func(ctx context.Context) (*planner.Optimization, error) {
		return planner.Optimize(ctx, p, planner.OptimizeRequest{RestOfYear: true})
	}, func(o *planner.Optimization, err error) {
		r.refresh(r.env.Doc.Plan())
		var unproven *planner.UnprovenError
		if err != nil && !errors.As(err, &unproven) {
			setText(r.status, refusal(err, p, planner.ModeContribution))
			return
		}
		setText(r.status, "")
		r.plan, r.opt = p, o
		r.show(p, o, unproven != nil)
	})
}

// proposalRows are the dialog's table: each channel's spend for the year
// and in the open months, as now estimated and as proposed.
func proposalRows(p *planner.Plan, tk *planner.Tracking, o *planner.Optimization, f Fmt) [][]figureCell {
	rows := make([][]figureCell, 0, len(o.Allocation)+1)
	var now, proposed float64
	for c, a := range o.Allocation {
		if c >= len(p.Promotions) || c >= len(tk.Promotions) {
			break
		}
		closed := 0.0
		if c < len(tk.ClosedSpends) {
			for _, x := range tk.ClosedSpends[c] {
				closed += x
			}
		}
		before := tk.Promotions[c].LatestEstimateSpend
		now, proposed = now+before, proposed+a.Spend
		row := []figureCell{plain(p.Promotions[c].Name), plain(f.Money(closed)), plain(f.Money(before - closed)),
			plain(f.Money(a.Spend - closed)), {f.Signed(a.Spend-before, true), varianceImportance(a.Spend-before, true)},
			plain(f.Money(a.Spend))}
		rows = append(rows, row)
	}
	rows = append(rows, []figureCell{plain(lang.L("Total")), {}, {}, {},
		{f.Signed(proposed-now, true), varianceImportance(proposed-now, true)}, plain(f.Money(proposed))})
	return rows
}

// show shows the proposal o for plan p, with Accept and Cancel.
func (r *replanner) show(p *planner.Plan, o *planner.Optimization, unproven bool) {
	f := r.env.Fmt()
	tk, err := planner.Track(p)
	if err != nil {
		r.env.ShowError(err)
		return
	}
	table := newFigureTable([]string{lang.L("Channel"), lang.L("Spent (closed months)"), lang.L("Open months now"),
		lang.L("Open months proposed"), lang.L("Change"), lang.L("Year proposed")},
		[]float32{170, 120, 120, 130, 100, 110})
	rows := proposalRows(p, tk, o, f)
	table.setRows(rows)
	sum := lang.L("Contribution for the year, latest estimate: {{.Before}} → {{.After}} ({{.Gap}}).", map[string]any{
		"Before": f.Money(o.Before.Contribution), "After": f.Money(o.After.Contribution),
		"Gap": f.Signed(o.After.Contribution-o.Before.Contribution, true)})
	notes := []fyne.CanvasObject{boldLabel(sum)}
	if o.Unspent > 0.5 {
		notes = append(notes, newNote(lang.L("{{.Unspent}} of the budget is left unspent: spending more on any channel would lose money.",
			map[string]any{"Unspent": f.Money(o.Unspent)})))
	}
	if unproven {
		notes = append(notes, newNote(lang.L("The best allocation found could not be proven optimal in the time allowed.")))
	}
	notes = append(notes, newNote(lang.L("The closed months keep what was spent; Accept sets each channel’s spend for the year and its months as proposed, as one change that Undo takes back.")))
	content := container.NewBorder(container.NewVBox(notes...), nil, nil, nil, table.table)
	r.env.ShowDialog(func(parent fyne.Window) dialog.Dialog {
		d := dialog.NewCustomConfirm(lang.L("Re-plan the rest of the year"), lang.L("Accept"), lang.L("Cancel"), content,
			func(ok bool) {
				if ok {
					r.accept()
				}
			}, parent)
		d.Resize(fyne.NewSize(1040, table.minHeight(len(rows))+260))
		return d
	})
}

// accept writes the proposal into the plan as one undo step, unless the
// plan changed since it was made.
func (r *replanner) accept() {
	o, made := r.opt, r.plan
	r.opt, r.plan = nil, nil
	if o == nil {
		return
	}
	if made != r.env.Doc.Plan() {
		setText(r.status, lang.L("The plan changed while the proposal was shown: re-plan again."))
		return
	}
	err := r.env.Edit(lang.L("Re-plan the rest of the year"), func(p *planner.Plan) { *p = *o.Apply(p) })
	if err != nil {
		r.env.ShowError(err)
		return
	}
	setText(r.status, lang.L("Accepted: the open months are re-planned. Undo takes it back."))
}
