package ui

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/document"
	"mixplan/assets"
)

// Options tune a Window; the zero value is what the application uses.
type Options struct {
	// RecoveryDir is where the recovery copy is written; "" is the app's storage.
	RecoveryDir string
	// AutosaveEvery is how often unsaved changes are copied; 0 is 30 s.
	AutosaveEvery time.Duration
	// AutosaveEdits copies the plan after that many edits even sooner; 0 is 20.
	AutosaveEdits int
	// RunOnUI runs a function on the UI goroutine for the window's own
	// goroutines (autosave); nil is fyne.Do. Tests pass a queue they drain
	// on their own goroutine, which is their UI goroutine.
	RunOnUI func(func())
}

// Window is Mixplan's main window: it owns the fyne.Window, the Document and
// the screens, and routes every change of the document to what shows it.
type Window struct {
	app  fyne.App
	win  fyne.Window
	doc  *document.Document
	env  *Env
	opts Options

	screens []Screen
	current int
	stale   []bool // screens that missed changes while hidden

	nav         *widget.List
	body        *fyne.Container
	scenario    *widget.Select
	scenarioIDs []string
	syncing     bool // true while the window sets the picker itself
	status      *widget.Label
	fileStatus  *widget.Label

	menu               *fyne.MainMenu
	undoItem, redoItem *fyne.MenuItem

	rec           *recovery
	editsUnsaved  int // edits since the last recovery copy
	copiedVersion int // the document version the recovery copy holds
	// lastDialog is the dialog the window showed last, for tests.
	lastDialog dialog.Dialog
	prompt     *unsavedPrompt
}

// NewWindow makes the window for doc in application a, builds every screen
// and starts the autosave; Show it to open it.
func NewWindow(a fyne.App, doc *document.Document, opts Options) *Window {
	if opts.AutosaveEvery <= 0 {
		opts.AutosaveEvery = 30 * time.Second
	}
	if opts.AutosaveEdits <= 0 {
		opts.AutosaveEdits = 20
	}
	if opts.RecoveryDir == "" {
		opts.RecoveryDir = a.Storage().RootURI().Path()
	}
	if opts.RunOnUI == nil {
		opts.RunOnUI = fyne.Do
	}
	w := &Window{app: a, doc: doc, opts: opts, win: a.NewWindow("Mixplan")}
	w.win.SetIcon(fyne.NewStaticResource("mixplan.png", assets.Icon))
	w.win.SetMaster()
	w.win.Resize(fyne.NewSize(1360, 860))
	w.win.SetCloseIntercept(w.requestClose)
	w.copiedVersion = doc.Version()
	doc.OnChange(w.changed)
	w.build()
	w.rec = startRecovery(opts.RecoveryDir, doc.Snapshot, func(at time.Time, err error) {
		opts.RunOnUI(func() { w.recoverySaved(at, err) })
	})
	go w.autosaveTicker()
	return w
}

// Show opens the window.
func (w *Window) Show() { w.win.Show() }

// FyneWindow is the window itself.
func (w *Window) FyneWindow() fyne.Window { return w.win }

// Document is the plan the window edits.
func (w *Window) Document() *document.Document { return w.doc }

// build makes every widget of the window in the current language: the
// screens, the navigation, the toolbar, the status line and the menus. It
// runs again when the language changes.
func (w *Window) build() {
	w.env = &Env{Doc: w.doc, w: w}
	old := w.screens
	w.screens = make([]Screen, 0, len(screenFactories))
	for i, f := range screenFactories {
		s := f.make(w.env)
		if c, ok := s.(carrier); ok && i < len(old) && old[i].ID() == s.ID() {
			c.carryFrom(old[i])
		}
		w.screens = append(w.screens, s)
	}
	w.stale = make([]bool, len(w.screens))
	if w.current >= len(w.screens) {
		w.current = 0
	}

	longest := "" // the navigation is as wide as its longest title in this language
	for _, s := range w.screens {
		if t := s.Title(); fyne.MeasureText(t, theme.TextSize(), fyne.TextStyle{}).Width > fyne.MeasureText(longest, theme.TextSize(), fyne.TextStyle{}).Width {
			longest = t
		}
	}
	w.nav = widget.NewList(
		func() int { return len(w.screens) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel(longest))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(w.screens[i].Icon())
			row.Objects[1].(*widget.Label).SetText(w.screens[i].Title())
		})
	w.nav.OnSelected = func(i widget.ListItemID) { w.showScreenAt(i) }

	w.scenario = widget.NewSelect(nil, func(string) {
		if !w.syncing {
			w.pickScenario()
		}
	})
	toolbar := widget.NewToolbar(
		widget.NewToolbarAction(theme.DocumentCreateIcon(), w.newPlan),
		widget.NewToolbarAction(theme.FolderOpenIcon(), w.openDialog),
		widget.NewToolbarAction(theme.DocumentSaveIcon(), func() { w.save(nil) }),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.ContentUndoIcon(), w.undo),
		widget.NewToolbarAction(theme.ContentRedoIcon(), w.redo),
	)
	picker := container.NewHBox(widget.NewLabel(lang.L("Scenario")), w.scenario)
	top := container.NewBorder(nil, nil, toolbar, picker)

	w.status = widget.NewLabel("")
	w.status.SizeName = theme.SizeNameCaptionText
	w.fileStatus = widget.NewLabel("")
	w.fileStatus.SizeName = theme.SizeNameCaptionText
	w.fileStatus.Truncation = fyne.TextTruncateEllipsis
	bottom := container.NewBorder(nil, nil, nil, w.status, w.fileStatus)

	w.body = container.NewStack()
	navPane := container.NewBorder(nil, nil, nil, widget.NewSeparator(), w.nav)
	w.win.SetContent(container.NewBorder(
		container.NewVBox(top, widget.NewSeparator()),
		container.NewVBox(widget.NewSeparator(), bottom),
		navPane, nil, w.body))
	w.buildMenu()
	w.addShortcuts()
	w.syncScenarios()
	w.updateTitle()
	w.nav.Select(w.current)
	w.showScreenAt(w.current)
}

// showScreenAt puts screen i in the window, refreshed if it missed changes.
func (w *Window) showScreenAt(i int) {
	if i < 0 || i >= len(w.screens) {
		return
	}
	w.current = i
	s := w.screens[i]
	if w.stale[i] || len(w.body.Objects) == 0 || w.body.Objects[0] != s.Content() {
		s.Refresh()
		w.stale[i] = false
	}
	w.body.Objects = []fyne.CanvasObject{s.Content()}
	w.body.Refresh()
}

// ShowScreen shows the screen with that ID; it reports false for an unknown one.
func (w *Window) ShowScreen(id string) bool {
	for i, s := range w.screens {
		if s.ID() == id {
			w.nav.Select(i)
			w.showScreenAt(i)
			return true
		}
	}
	return false
}

// Screen returns the screen with that ID, or nil.
func (w *Window) Screen(id string) Screen {
	for _, s := range w.screens {
		if s.ID() == id {
			return s
		}
	}
	return nil
}

// changed routes a change of the document to what shows it.
func (w *Window) changed(c document.Change) {
	if c.Report() {
		for i, s := range w.screens {
			if i == w.current {
				s.Refresh()
			} else {
				w.stale[i] = true
			}
		}
	}
	if c&(document.PlanChanged|document.ScenarioChanged) != 0 {
		w.syncScenarios()
	}
	if c&document.PlanChanged != 0 {
		w.updateUndo()
		w.planChangedForRecovery(c&document.Replaced != 0)
	}
	w.updateTitle()
}

// updateTitle writes "• Plan name — Mixplan", the dot when there are unsaved changes.
func (w *Window) updateTitle() {
	title := w.doc.Plan().Name + " — Mixplan"
	if w.doc.Dirty() {
		title = "• " + title
	}
	if w.win.Title() != title {
		w.win.SetTitle(title)
	}
	file := w.doc.Path()
	if file == "" {
		file = lang.L("Not saved to a file yet")
	}
	if w.doc.Dirty() {
		file = lang.L("Unsaved changes") + " · " + file
	}
	setText(w.fileStatus, file)
}

// syncScenarios lists the plan's scenarios in the picker and selects the one shown.
func (w *Window) syncScenarios() {
	p := w.doc.Plan()
	names := []string{lang.L("Base plan")}
	ids := p.ScenarioIDs()
	seen := map[string]bool{names[0]: true}
	for _, s := range p.Scenarios {
		n := s.Name
		if seen[n] {
			n += " (" + s.ID + ")"
		}
		seen[n] = true
		names = append(names, n)
	}
	w.syncing = true
	defer func() { w.syncing = false }()
	w.scenarioIDs = ids
	if !slices.Equal(names, w.scenario.Options) {
		w.scenario.SetOptions(names)
	}
	for i, id := range ids {
		if id == w.doc.Scenario() && w.scenario.SelectedIndex() != i {
			w.scenario.SetSelectedIndex(i)
		}
	}
}

// pickScenario shows the scenario chosen in the picker everywhere.
func (w *Window) pickScenario() {
	i := w.scenario.SelectedIndex()
	if i < 0 || i >= len(w.scenarioIDs) {
		return
	}
	if err := w.doc.SetScenario(w.scenarioIDs[i]); err != nil {
		w.env.ShowError(err)
	}
}

// SetScenario shows scenario id, as picking it in the toolbar does.
func (w *Window) SetScenario(id string) {
	for i, sid := range w.scenarioIDs {
		if sid == id {
			w.scenario.SetSelectedIndex(i)
		}
	}
}

func (w *Window) undo() {
	w.doc.Undo()
}

func (w *Window) redo() {
	w.doc.Redo()
}

// updateUndo names the steps Undo and Redo would take in the Edit menu.
func (w *Window) updateUndo() {
	if w.undoItem == nil {
		return
	}
	w.undoItem.Label, w.undoItem.Disabled = lang.L("Undo"), true
	if step := w.doc.UndoLabel(); step != "" {
		w.undoItem.Label, w.undoItem.Disabled = lang.L("Undo {{.Step}}", map[string]any{"Step": step}), false
	}
	w.redoItem.Label, w.redoItem.Disabled = lang.L("Redo"), true
	if step := w.doc.RedoLabel(); step != "" {
		w.redoItem.Label, w.redoItem.Disabled = lang.L("Redo {{.Step}}", map[string]any{"Step": step}), false
	}
	w.menu.Refresh()
}

// setStatus shows a short message at the bottom right ("Saved", "Recovery copy at 14:32").
func (w *Window) setStatus(s string) { w.status.SetText(s) }

// What the window does for its screens (shell), through Env.

func (w *Window) showDialog(make func(parent fyne.Window) dialog.Dialog) dialog.Dialog {
	d := make(w.win)
	w.lastDialog = d
	d.Show()
	return d
}

func (w *Window) screen(id string) Screen   { return w.Screen(id) }
func (w *Window) showScreen(id string) bool { return w.ShowScreen(id) }
func (w *Window) setScenario(id string)     { w.SetScenario(id) }
func (w *Window) runOnUI(f func())          { w.opts.RunOnUI(f) }
