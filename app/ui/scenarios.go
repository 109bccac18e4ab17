package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/ui/widgets"
	"mixplan/planner"
)

func init() { registerScreen(orderScenarios, newScenariosScreen) }

// scenariosScreen edits the plan's scenarios — a list, and for the
// selected one a form of its id, name and four factors — above a
// side-by-side comparison of the key totals of the base plan and every
// scenario, the best value of each row marked. The comparison is computed
// in the background (a few milliseconds per scenario on a large plan) and
// only for a plan it has not seen.
type scenariosScreen struct {
	screenInfo
	*listEditor[planner.Scenario]
	env *Env

	heading  *widget.Label
	id, name *widgets.TextField
	factors  []*widgets.NumberField // volume, unit cost, response, price
	show     *widget.Button
	showNote *widget.RichText

	table   *widget.Table
	cmp     *comparison // the comparison shown; nil before the first
	cmpJob  backgroundJob
	cmpNote *widget.Label
}

// scenarioFactors are the factors of a scenario the form edits, in order.
var scenarioFactors = []struct {
	label func() string
	undo  string
	ptr   func(sc *planner.Scenario) *float64
}{
	{func() string { return lang.L("Volume ×") }, "volume", func(sc *planner.Scenario) *float64 { return &sc.Volume }},
	{func() string { return lang.L("Unit cost ×") }, "unitCost", func(sc *planner.Scenario) *float64 { return &sc.UnitCost }},
	{func() string { return lang.L("Response ×") }, "response", func(sc *planner.Scenario) *float64 { return &sc.Response }},
	{func() string { return lang.L("Price ×") }, "price", func(sc *planner.Scenario) *float64 { return &sc.Price }},
}

func newScenariosScreen(env *Env) Screen {
	s := &scenariosScreen{screenInfo: screenInfo{id: "scenarios", title: lang.L("Scenarios"), icon: theme.ViewRestoreIcon()}, env: env}
	s.cmpJob.env = env
	s.listEditor = newListEditor(env, listSpec[planner.Scenario]{
		rows: func(p *planner.Plan) *[]planner.Scenario { return &p.Scenarios },
		key:  func(sc planner.Scenario) (string, string) { return sc.ID, sc.Name },
		info: func(p *planner.Plan, _ *planner.Report, i int) string {
			sc, f := p.Scenarios[i], s.env.Fmt()
			return lang.L("volume ×{{.Volume}} · cost ×{{.Cost}} · response ×{{.Response}} · price ×{{.Price}}",
				map[string]any{"Volume": f.Ratio(sc.Volume), "Cost": f.Ratio(sc.UnitCost), "Response": f.Ratio(sc.Response), "Price": f.Ratio(sc.Price)})
		},
		sample: "volume ×1.00 · price ×1.00",
	}, s.showSelected)
	s.withActions(s.addScenario, s.duplicateScenario, s.deleteScenario, func(d int) string {
		return upOrDown(d, lang.L("Move scenario “{{.Name}}” up", s.named()), lang.L("Move scenario “{{.Name}}” down", s.named()))
	})

	s.buildTable()
	title := subheading(lang.L("Comparison"))
	s.cmpNote = widget.NewLabel(lang.L("Key totals of the plan as it is now under each scenario. The best value of each row is marked with a tick. Tap a scenario’s column to edit it."))
	s.cmpNote.Wrapping = fyne.TextWrapWord
	s.cmpNote.SizeName = theme.SizeNameCaptionText
	compare := container.NewBorder(container.NewVBox(widget.NewSeparator(), title, s.cmpNote), nil, nil, nil, s.table)

	split := s.panes(s.buildForm(),
		container.NewPadded(widget.NewLabel(lang.L("No scenarios yet. Add one to see the plan with other volumes, costs, responses or prices."))))
	split.Trailing = container.NewBorder(split.Trailing, nil, nil, nil, compare) // the comparison under the form
	split.Offset = 0.25
	s.content = split
	return s
}

// buildForm makes the form of the selected scenario: who it is on the left,
// what it changes on the right.
func (s *scenariosScreen) buildForm() fyne.CanvasObject {
	s.heading = newTitle()

	s.name = widgets.NewTextField(widgets.NotEmpty)
	s.name.OnCommit = func(v string) error {
		return s.edit(lang.L("Rename scenario “{{.Name}}”", s.named()), func(sc *planner.Scenario) { sc.Name = v })
	}
	s.id = widgets.NewTextField(s.idRule)
	s.id.OnCommit = s.changeID
	s.show = widget.NewButtonWithIcon(lang.L("Show it in every screen"), theme.VisibilityIcon(), func() {
		if id := s.selectedID(); id != "" {
			s.env.SetScenario(id)
		}
	})
	s.showNote = newNote("")
	who := widget.NewForm(
		widget.NewFormItem(lang.L("Name"), s.name),
		widget.NewFormItem(lang.L("Scenario id"), s.id),
		help(lang.L("The id names the scenario in plan files and on the command line: letters, digits, “_”, “.” or “-”.")),
		widget.NewFormItem("", container.NewVBox(container.NewHBox(s.show), s.showNote)),
	)

	what := widget.NewForm()
	for _, fc := range scenarioFactors {
		fc := fc
		nf := widgets.NewNumberField(s.factorFormat(), widgets.Positive())
		nf.OnCommit = func(x float64) error {
			return s.edit(factorUndoLabel(fc.undo, s.named()), func(sc *planner.Scenario) { *fc.ptr(sc) = x })
		}
		s.factors = append(s.factors, nf)
		what.AppendItem(widget.NewFormItem(fc.label(), nf))
	}
	what.AppendItem(help(lang.L("Each factor multiplies the plan’s figures under this scenario: base volumes, unit costs, the most extra units of every channel, list prices. 1 leaves them as they are, 0.85 takes 15 % off.")))

	return container.NewPadded(container.NewVBox(s.heading, newSideBySide(300, who, what)))
}

// factorUndoLabel names the undo step of a factor's change.
func factorUndoLabel(factor string, named map[string]any) string {
	switch factor {
	case "volume":
		return lang.L("Change the volume factor of “{{.Name}}”", named)
	case "unitCost":
		return lang.L("Change the unit cost factor of “{{.Name}}”", named)
	case "response":
		return lang.L("Change the response factor of “{{.Name}}”", named)
	}
	return lang.L("Change the price factor of “{{.Name}}”", named)
}

// factorFormat writes factors with up to four decimals (1.045, not 1.05).
func (s *scenariosScreen) factorFormat() widgets.Format {
	f := s.env.Fmt().Field(widgets.Plain)
	f.Decimals = 4
	return f
}

// buildTable makes the comparison: one row per key total, the base plan and
// each scenario in columns, the names of the totals in a column that stays
// in view when the scenarios scroll sideways.
func (s *scenariosScreen) buildTable() {
	s.table = widget.NewTable(
		func() (int, int) {
			if s.cmp == nil {
				return 0, 0
			}
			return len(s.cmp.metrics), 1 + len(s.cmp.ids)
		},
		func() fyne.CanvasObject {
			l := widget.NewLabel("€10,000,000")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, l)
		},
		s.updateCell)
	s.table.ShowHeaderRow = true
	s.table.StickyColumnCount = 1
	s.table.CreateHeader = tableHeader
	s.table.UpdateHeader = s.updateHeader
	s.table.OnSelected = func(id widget.TableCellID) {
		s.table.UnselectAll()
		if i := id.Col - 2; i >= 0 && i < len(s.env.Doc.Plan().Scenarios) && s.cmp != nil && s.cmp.plan == s.env.Doc.Plan() {
			s.list.Select(i)
			s.list.ScrollTo(i)
		}
	}
	names := float32(0) // the totals' names are bold, as headings are
	for _, m := range compareMetrics() {
		names = max(names, headingWidth(m.name))
	}
	s.table.SetColumnWidth(0, names)
	for c := 1; c <= planner.MaxScenarios+1; c++ {
		s.table.SetColumnWidth(c, 180)
	}
}

// updateHeader names a column: the base plan or a scenario, marked when the
// window shows it.
func (s *scenariosScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	text := ""
	l.Importance = widget.MediumImportance
	if c := id.Col - 1; s.cmp != nil && c >= 0 && c < len(s.cmp.names) {
		text = s.cmp.names[c]
		if s.cmp.ids[c] == s.env.Doc.Scenario() {
			text = lang.L("{{.Name}} (shown)", map[string]any{"Name": text})
			l.Importance = widget.HighImportance
		}
	}
	setText(l, text)
	l.Refresh()
}

// updateCell writes a total of a column, bold and ticked when it is the row's best.
func (s *scenariosScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	l, icon := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Icon)
	c := s.cmp
	if c == nil || id.Row >= len(c.metrics) || id.Col > len(c.ids) {
		return
	}
	if id.Col == 0 {
		l.TextStyle.Bold = true
		l.Importance = widget.MediumImportance
		setText(l, c.metrics[id.Row].name)
		icon.SetResource(nil)
		icon.Hide()
		l.Refresh()
		return
	}
	text, best := s.cellText(id.Row, id.Col-1)
	l.TextStyle.Bold = best
	l.Importance = widget.MediumImportance
	icon.Show()
	icon.SetResource(nil)
	if best {
		l.Importance = widget.SuccessImportance
		icon.SetResource(statusIcon(widgets.Met))
	}
	setText(l, text)
	l.Refresh()
}

// cellText is what the comparison shows in row (a total) and column col
// (0 the base plan), "" when it does not show that cell.
func (s *scenariosScreen) cellText(row, col int) (text string, best bool) {
	c := s.cmp
	if c == nil || row < 0 || row >= len(c.metrics) || col < 0 || col >= len(c.ids) {
		return "", false
	}
	return c.text(s.env.Fmt(), row, col), c.best[row][col]
}

// idRule refuses an id the plan would refuse: malformed, "base", or another
// scenario's.
func (s *scenariosScreen) idRule(v string) error {
	switch {
	case !planner.ValidID(v):
		return errors.New(lang.L("use 1 to 64 letters, digits, “_”, “.” or “-”"))
	case v == planner.BaseScenario:
		return errors.New(lang.L("“base” is the plan as written: choose another id"))
	}
	for i, sc := range s.env.Doc.Plan().Scenarios {
		if sc.ID == v && i != s.sel {
			return errors.New(lang.L("scenario “{{.Name}}” already has this id", map[string]any{"Name": sc.Name}))
		}
	}
	return nil
}

// changeID renames the selected scenario's id. If the window shows that
// scenario it goes on showing it under the new id, and under the old one
// after Undo: the Document follows a renamed scenario.
func (s *scenariosScreen) changeID(v string) error {
	return s.edit(lang.L("Change the id of scenario “{{.Name}}”", s.named()), func(sc *planner.Scenario) { sc.ID = v })
}

// Refresh shows the document: the list, the selected scenario's form and
// the comparison, recomputed in the background when the plan changed.
func (s *scenariosScreen) Refresh() {
	s.refresh()
	s.refreshComparison()
}

// refreshComparison redraws the comparison (which scenario is shown may
// have changed) and recomputes it if the plan changed.
func (s *scenariosScreen) refreshComparison() {
	p := s.env.Doc.Plan()
	s.table.Refresh()
	if s.cmp != nil && s.cmp.plan == p {
		return
	}
	metrics, base := compareMetrics(), lang.L("Base plan")
	startJob(&s.cmpJob, func(ctx context.Context) (*comparison, error) { return compareScenarios(ctx, p, metrics, base) },
		func(c *comparison, err error) {
			if err != nil {
				s.env.ShowError(err)
				return
			}
			s.cmp = c
			s.table.Refresh()
		})
}

// showSelected writes the selected scenario into the form.
func (s *scenariosScreen) showSelected() {
	p := s.env.Doc.Plan()
	if len(p.Scenarios) >= planner.MaxScenarios { // the plan would refuse one more
		s.actions.add.Disable()
		s.actions.duplicate.Disable()
	} else {
		s.actions.add.Enable()
	}
	sc, ok := s.selected()
	if !ok {
		return
	}
	setText(s.heading, sc.Name)
	s.name.SetValue(sc.Name)
	s.id.SetValue(sc.ID)
	for i, fc := range scenarioFactors {
		s.factors[i].SetFormat(s.factorFormat())
		s.factors[i].SetValue(*fc.ptr(&sc))
	}
	if s.env.Doc.Scenario() == sc.ID {
		s.show.Disable()
		setNote(s.showNote, lang.L("Every screen shows this scenario now. Pick another in the toolbar to leave it."))
	} else {
		s.show.Enable()
		setNote(s.showNote, "")
	}
}

// addScenario appends a scenario that changes nothing yet and selects it.
func (s *scenariosScreen) addScenario() {
	name := lang.L("New scenario")
	s.add(lang.L("Add scenario “{{.Name}}”", map[string]any{"Name": name}), "scenario", func(p *planner.Plan, id string) {
		p.Scenarios = append(p.Scenarios, planner.Scenario{ID: id, Name: name, Volume: 1, UnitCost: 1, Response: 1, Price: 1})
	})
}

// duplicateScenario inserts a copy of the selected scenario after it.
func (s *scenariosScreen) duplicateScenario() {
	s.duplicate(lang.L("Duplicate scenario “{{.Name}}”", s.named()), func(p *planner.Plan, i int, id, name string) {
		c := p.Scenarios[i]
		c.ID, c.Name = id, name
		insertAfter(&p.Scenarios, i, c)
	})
}

// deleteScenario removes the selected scenario after asking. If the window
// shows it, the Document falls back to the base plan, and the question says so.
func (s *scenariosScreen) deleteScenario() {
	sc, ok := s.selected()
	if !ok {
		return
	}
	msg := lang.L("Delete the scenario “{{.Name}}”? You can undo this.", map[string]any{"Name": sc.Name})
	if s.env.Doc.Scenario() == sc.ID {
		msg += "\n" + lang.L("The window shows this scenario now: it will show the base plan.")
	}
	s.remove(lang.L("Delete scenario?"), msg, lang.L("Delete scenario “{{.Name}}”", map[string]any{"Name": sc.Name}), nil)
}
