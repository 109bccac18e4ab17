package ui

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/export/actuals"
	"mixplan/planner"
	"mixplan/planner/numfmt"
)

// File › Import actuals…: a campaign report or a finance ledger (CSV or
// xlsx) read by export/actuals, a dialog that asks which channel or
// product each unknown name stands for (closest first), then a preview of
// every figure the import changes, and Accept writes them as one undo step.

// prefActualsNames remembers the answers of the mapping dialog (a JSON
// actuals.Mapping), so next month's export of the same campaigns asks nothing.
const prefActualsNames = "actualsNames"

// actualsImport is one import in progress: the files read, the names
// mapped, the last closed month chosen and the merge it gives.
type actualsImport struct {
	w            *Window
	paths        []string // the files, in the order they were added
	tables       []*actuals.Table
	readErr      error // the problems of reading paths; tables is nil then
	mapping      actuals.Mapping
	closed       int  // last closed month (1-based)
	closedChosen bool // the person chose closed: adding a file keeps it
	result       *actuals.Result
	err          error

	// The dialogs and their widgets, for tests to press.
	mappingDialog *dialog.CustomDialog
	choices       []*widget.Select
	next          *widget.Button
	preview       *dialog.CustomDialog
	closedSelect  *widget.Select
	summary       *widget.Label
	problems      *widget.Label
	problemBox    *container.Scroll
	changes       *widget.Table
	accept        *widget.Button
	fileList      *fyne.Container
	addFile       *widget.Button
	removes       []*widget.Button // one per path
	// previewContent is laid out again, in a dialog of previewSize, when
	// the files change.
	previewContent *fyne.Container
	previewSize    fyne.Size
}

// importActualsDialog asks for an export to read.
func (w *Window) importActualsDialog() {
	w.openActualsFile(func(path string) { w.importActuals(path) })
}

// openActualsFile asks for an export and gives its path to then.
func (w *Window) openActualsFile(then func(path string)) {
	w.env.ShowDialog(func(fyne.Window) dialog.Dialog {
		return w.fileOpenDialog([]string{".csv", ".txt", ".tsv", extExcel}, then)
	})
}

// importActuals reads the export at path and goes on to the names it does
// not know, then to the preview. It returns the import, for tests.
func (w *Window) importActuals(path string) *actualsImport {
	tables, err := actuals.ReadFiles([]string{path}, actuals.Limits{})
	if err != nil {
		w.env.ShowDialog(func(parent fyne.Window) dialog.Dialog {
			return actualsProblemsDialog(lang.L("The file cannot be imported"), err, parent)
		})
		return nil
	}
	imp := &actualsImport{w: w, paths: []string{path}, tables: tables, mapping: loadActualsNames(w.app.Preferences())}
	if u := actuals.FindUnmatched(w.doc.Plan(), imp.tables, imp.mapping); len(u) > 0 {
		imp.askNames(u, imp.showPreview)
	} else {
		imp.showPreview()
	}
	return imp
}

// loadActualsNames reads the remembered answers; a damaged preference is
// forgotten rather than refused.
func loadActualsNames(p fyne.Preferences) actuals.Mapping {
	m := actuals.Mapping{}
	if s := p.String(prefActualsNames); s != "" {
		_ = json.Unmarshal([]byte(s), &m)
	}
	return m
}

func saveActualsNames(p fyne.Preferences, m actuals.Mapping) {
	if data, err := json.Marshal(m); err == nil {
		p.SetString(prefActualsNames, string(data))
	}
}

// askNames shows one dropdown per unknown name, the closest ids first and
// the closest chosen, and "Leave out" last; Continue goes on to then.
func (imp *actualsImport) askNames(unmatched []actuals.Unmatched, then func()) {
	plan := imp.w.doc.Plan()
	names := map[string]string{}
	for _, p := range plan.Promotions {
		names["c:"+p.ID] = p.Name
	}
	for _, p := range plan.Products {
		names["p:"+p.ID] = p.Name
	}
	leaveOut := lang.L("Leave out")
	form := container.New(layout.NewFormLayout())
	imp.choices = nil
	answers := make([][]string, len(unmatched)) // option label → id, per name
	for i, u := range unmatched {
		prefix := "c:"
		if u.Kind == actuals.Products {
			prefix = "p:"
		}
		var options []string
		for _, id := range u.Suggestions {
			options = append(options, id+" — "+names[prefix+id])
			answers[i] = append(answers[i], id)
		}
		options = append(options, leaveOut)
		answers[i] = append(answers[i], "")
		sel := widget.NewSelect(options, nil)
		sel.SetSelectedIndex(0)
		imp.choices = append(imp.choices, sel)
		where := widget.NewLabel(u.File + " " + linesLabel(u.Lines))
		where.SizeName = theme.SizeNameCaptionText
		form.Add(container.NewVBox(boldLabel(u.Name), where))
		form.Add(container.NewVBox(sel))
	}
	intro := widget.NewLabel(lang.N("{{.Count}} name of the file is no channel or product of the plan: say which one it stands for. Mixplan remembers the answers.",
		len(unmatched), map[string]any{"Count": len(unmatched)}))
	intro.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(form)
	scroll.SetMinSize(fyne.NewSize(760, min(90*float32(len(unmatched)), 420)))
	content := container.NewBorder(intro, nil, nil, nil, scroll)
	imp.w.env.ShowDialog(func(parent fyne.Window) dialog.Dialog {
		d := dialog.NewCustom(lang.L("Which channel or product is it?"), lang.L("Cancel"), content, parent)
		next := widget.NewButton(lang.L("Continue"), func() {
			for i, u := range unmatched {
				imp.mapping.Set(u.Name, answers[i][imp.choices[i].SelectedIndex()])
			}
			saveActualsNames(imp.w.app.Preferences(), imp.mapping)
			d.Hide()
			then()
		})
		next.Importance = widget.HighImportance
		imp.next = next
		d.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), d.Hide), next})
		d.Resize(fyne.NewSize(820, 0))
		imp.mappingDialog = d
		return d
	})
}

// closedChoices are the months the person may close: from the plan's last
// closed month (or its first) to the last month that is over.
func (imp *actualsImport) closedChoices(now time.Time) (first, last int) {
	plan := imp.w.doc.Plan()
	first = 1
	if plan.Actuals != nil && plan.Actuals.Through > 0 {
		first = plan.Actuals.Through
	}
	start, ok := actuals.ParseMonth(plan.Start)
	if !ok {
		return first, first - 1
	}
	over := (now.Year()*12 + int(now.Month()) - 1) - (start.Year*12 + start.Month - 1) // months over
	last = min(over, plan.Months)
	if plan.Actuals != nil && plan.Actuals.Through > 0 {
		last = max(last, first) // the months the plan closed stay closed, whatever the clock says
	}
	return first, last
}

// defaultClosed is the plan's last closed month, or later when the file
// has rows of later months that are over.
func (imp *actualsImport) defaultClosed(now time.Time) int {
	first, last := imp.closedChoices(now)
	closed := 0
	if p := imp.w.doc.Plan(); p.Actuals != nil {
		closed = p.Actuals.Through
	}
	if start, ok := actuals.ParseMonth(imp.w.doc.Plan().Start); ok {
		for _, t := range imp.tables {
			_, lastRow := t.Months()
			closed = max(closed, (lastRow.Year*12+lastRow.Month)-(start.Year*12+start.Month)+1)
		}
	}
	return max(first, min(closed, last))
}

// showPreview merges with the closed month chosen and shows what Accept
// would write, or every problem that stops it.
func (imp *actualsImport) showPreview() {
	now := imp.w.now()
	imp.closed = imp.defaultClosed(now)
	plan := imp.w.doc.Plan()
	labels := planner.MonthLabels(plan.Start, plan.Months)
	first, last := imp.closedChoices(now)
	var months []string
	for t := first; t <= last; t++ {
		months = append(months, labels[t-1])
	}
	imp.summary = widget.NewLabel("")
	imp.summary.Wrapping = fyne.TextWrapWord
	imp.problems = widget.NewLabel("")
	imp.problems.Wrapping = fyne.TextWrapWord
	imp.problems.Importance = widget.DangerImportance
	imp.changes = widget.NewTable(imp.changeCount, func() fyne.CanvasObject { return widget.NewLabel("") }, imp.updateChange)
	for c, wd := range []float32{140, 130, 90, 130, 130} {
		imp.changes.SetColumnWidth(c, wd)
	}
	imp.changes.ShowHeaderRow = true
	imp.changes.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	imp.changes.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		heads := []string{lang.L("Channel or product"), lang.L("Figure"), lang.L("Month"), lang.L("Before"), lang.L("After")}
		if id.Col >= 0 && id.Col < len(heads) {
			o.(*widget.Label).SetText(heads[id.Col])
		}
	}
	imp.closedSelect = widget.NewSelect(months, func(s string) {
		for t, l := range labels {
			if l == s && t+1 != imp.closed {
				imp.closed = t + 1
				imp.closedChosen = true
				imp.merge()
			}
		}
	})
	if imp.closed >= 1 && imp.closed <= len(labels) {
		imp.closedSelect.SetSelected(labels[imp.closed-1])
	}
	imp.accept = widget.NewButton(lang.L("Accept"), imp.apply)
	imp.accept.Importance = widget.HighImportance
	problems := container.NewVScroll(imp.problems)
	problems.SetMinSize(fyne.NewSize(0, 160))
	imp.problemBox = problems
	top := container.NewVBox(imp.filesBox(), imp.summary,
		container.NewHBox(widget.NewLabel(lang.L("Closed through")), imp.closedSelect), problems)
	tableBox := container.NewStack(imp.changes)
	content := container.NewBorder(top, nil, nil, nil, container.NewGridWrap(fyne.NewSize(660, 320), tableBox))
	imp.previewContent = content
	imp.merge()
	imp.w.env.ShowDialog(func(parent fyne.Window) dialog.Dialog {
		d := dialog.NewCustom(lang.L("Import actuals"), lang.L("Cancel"), content, parent)
		d.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), d.Hide), imp.accept})
		imp.previewSize = fyne.NewSize(720, 560)
		d.Resize(imp.previewSize)
		imp.preview = d
		return d
	})
}

// merge recomputes the import for the closed month chosen and refreshes
// the preview.
func (imp *actualsImport) merge() {
	plan := imp.w.doc.Plan()
	if imp.readErr != nil {
		imp.result, imp.err = nil, imp.readErr
	} else {
		imp.result, imp.err = actuals.Merge(plan, imp.tables, actuals.Options{Closed: imp.closed, Today: imp.w.now(), Mapping: imp.mapping})
	}
	var lines []string
	for _, t := range imp.tables {
		first, last := t.Months()
		lines = append(lines, lang.L("{{.File}}: {{.Rows}} rows from {{.First}} to {{.Last}} ({{.Columns}})", map[string]any{
			"File": t.File, "Rows": t.Rows, "First": first.String(), "Last": last.String(), "Columns": strings.Join(t.Columns, ", ")}))
	}
	if imp.result != nil {
		lines = append(lines, lang.N("{{.Count}} figure changes.", len(imp.result.Changes), map[string]any{"Count": len(imp.result.Changes)}))
		if len(imp.result.Planned) > 0 {
			lines = append(lines, lang.L("Spend as planned in the newly closed months (no file gives it): {{.IDs}}",
				map[string]any{"IDs": strings.Join(imp.result.Planned, ", ")}))
		}
		imp.problems.SetText("")
		imp.problemBox.Hide()
		imp.accept.Enable()
	} else {
		imp.problems.SetText(strings.Join(actualsProblemLines(imp.err), "\n"))
		imp.problemBox.Show()
		imp.accept.Disable()
	}
	imp.summary.SetText(strings.Join(lines, "\n"))
	imp.changes.Refresh()
	imp.relayout()
}

// relayout lays the preview out again when its files, summary or
// problems changed height: a dialog does not follow its content's size.
func (imp *actualsImport) relayout() {
	if imp.preview == nil {
		return
	}
	imp.previewContent.Refresh()
	imp.preview.Resize(imp.previewSize)
}

func (imp *actualsImport) changeCount() (int, int) {
	if imp.result == nil {
		return 0, 5
	}
	return len(imp.result.Changes), 5
}

func (imp *actualsImport) updateChange(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Alignment = fyne.TextAlignLeading
	if imp.result == nil || id.Row >= len(imp.result.Changes) {
		l.SetText("")
		return
	}
	c := imp.result.Changes[id.Row]
	plan := imp.w.doc.Plan()
	loc := numfmt.Locale(plan.Locale)
	var text string
	switch id.Col {
	case 0:
		text = displayName(plan, c.Kind, c.ID)
	case 1:
		text = fieldLabel(c.Field)
	case 2:
		text = planner.MonthLabels(plan.Start, plan.Months)[c.Month-1]
	case 3:
		text = "—"
		if c.Old != nil {
			text = importedFigure(*c.Old, loc)
		}
		l.Alignment = fyne.TextAlignTrailing
	case 4:
		text = importedFigure(c.New, loc)
		l.Alignment = fyne.TextAlignTrailing
	}
	l.SetText(text)
}

// displayName is the name of the channel or product id, as screens show it.
func displayName(p *planner.Plan, k actuals.Kind, id string) string {
	if k == actuals.Products {
		for _, x := range p.Products {
			if x.ID == id {
				return x.Name
			}
		}
		return id
	}
	for _, x := range p.Promotions {
		if x.ID == id {
			return x.Name
		}
	}
	return id
}

// importedFigure writes an imported figure: whole numbers without decimals.
func importedFigure(x float64, loc numfmt.Locale) string {
	if x == math.Trunc(x) {
		return numfmt.Number(x, loc, 0)
	}
	return numfmt.Number(x, loc, 2)
}

// fieldLabel names a figure in the window's language.
func fieldLabel(f actuals.Field) string {
	switch f {
	case actuals.Spend:
		return lang.L("Spend")
	case actuals.Impressions:
		return lang.L("Impressions")
	case actuals.Clicks:
		return lang.L("Clicks")
	case actuals.Conversions:
		return lang.L("Conversions")
	case actuals.LiftUnits:
		return lang.L("Measured lift")
	case actuals.Units:
		return lang.L("Units")
	}
	return lang.L("Net revenue")
}

// apply writes the merged actuals as one undo step.
func (imp *actualsImport) apply() {
	if imp.result == nil {
		return
	}
	merged := imp.result.Plan.Actuals
	files := actualsFilesWords(imp.paths)
	label := lang.L("Import actuals from {{.File}}", map[string]any{"File": files})
	if err := imp.w.env.Edit(label, func(p *planner.Plan) { p.Actuals = merged }); err != nil {
		imp.problems.SetText(err.Error())
		imp.problemBox.Show()
		return
	}
	if imp.preview != nil {
		imp.preview.Hide()
	}
	imp.w.setStatus(lang.L("Imported actuals from {{.File}}", map[string]any{"File": files}))
}

// actualsProblemsDialog lists why an export was refused.
func actualsProblemsDialog(title string, err error, parent fyne.Window) dialog.Dialog {
	text := widget.NewLabel(strings.Join(actualsProblemLines(err), "\n"))
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(600, 240))
	d := dialog.NewCustom(title, lang.L("OK"), scroll, parent)
	d.Resize(fyne.NewSize(660, 0))
	return d
}

// actualsProblemLines words an import's problems in the window's
// language, each with its file and lines.
func actualsProblemLines(err error) []string {
	var e *actuals.Error
	if !errors.As(err, &e) {
		return []string{err.Error()}
	}
	out := []string{lang.N("The import was refused, {{.Count}} problem:", len(e.Problems), map[string]any{"Count": len(e.Problems)})}
	for _, p := range e.Problems {
		where := p.File
		if len(p.Lines) > 0 {
			where = strings.TrimSpace(where + " " + linesLabel(p.Lines))
		}
		msg := actualsProblemText(p)
		if where != "" {
			msg = where + " — " + msg
		}
		out = append(out, "• "+msg)
	}
	return out
}

// linesLabel is "line 14" or "lines 14–20, 31" in the window's language.
func linesLabel(l actuals.Lines) string {
	return lang.N("line {{.Lines}}", l.Count(), map[string]any{"Lines": l.String()})
}

// actualsProblemText words one problem from its code and data; codes
// without a wording of their own keep the English message.
func actualsProblemText(p actuals.Problem) string {
	d := p.Data
	switch p.Code {
	case actuals.CodeUnknownName:
		return lang.L("“{{.Name}}” is no channel or product of the plan (closest: {{.Suggestions}})", d)
	case actuals.CodeNotClosed:
		return lang.L("{{.Month}} is not closed (the last closed month is {{.Closed}}): close it first or leave these rows out", d)
	case actuals.CodeFuture:
		return lang.L("{{.Month}} is not over yet", d)
	case actuals.CodeBeforeStart:
		return lang.L("{{.Month}} is before the plan's first month ({{.Start}})", d)
	case actuals.CodeAfterEnd:
		return lang.L("{{.Month}} is after the plan's last month ({{.End}})", d)
	case actuals.CodeMissing:
		for f := actuals.Spend; f <= actuals.Revenue; f++ {
			if f.String() == d["Field"] {
				d = map[string]any{"ID": d["ID"], "Months": d["Months"], "Field": strings.ToLower(fieldLabel(f))}
			}
		}
		return lang.L("“{{.ID}}” has {{.Field}} for some closed months but none for {{.Months}}: import those months too, or close fewer months", d)
	case actuals.CodeBadNumber:
		return lang.L("{{.Column}}: “{{.Value}}” is not a number", d)
	case actuals.CodeBadDate:
		return lang.L("“{{.Value}}” is not a date (write 2027-01-31, 31/01/2027 or January 2027)", d)
	case actuals.CodeNoHeader:
		return lang.L("no row names the columns: a date (Day, Month, Jour…), a name (Campaign, Product, Campagne, Produit…) and figures (Cost, Clicks, Units, Revenue, Coût, Unités, CA…)")
	case actuals.CodeNoClosed:
		return lang.L("the plan has no closed month yet: choose the last closed month")
	case actuals.CodeReopen:
		return lang.L("the plan is closed through {{.Through}}; closing through {{.Closed}} would drop the actuals of the months between", d)
	}
	return p.Message
}

// actualsClock says which months are over; tests set it.
var actualsClock = time.Now

// now is the import's clock.
func (w *Window) now() time.Time { return actualsClock() }
