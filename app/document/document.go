// Package document is the plan being edited in the window: its current
// state, the scenario shown, the undo and redo history and whether it has
// unsaved changes. Every change goes through Document.Edit, which
// validates the changed copy, makes it one undo step and recomputes the
// report, then tells the listeners what changed (Change). It imports no
// Fyne: the window listens to it, and it is tested without a GUI.
package document

import (
	"slices"
	"sync"

	"mixplan/planner"
)

// maxUndo bounds the undo history; each step holds a copy of the plan.
const maxUndo = 200

// Document is the plan being edited: its current state, the scenario the
// window shows, the undo and redo history, and whether it has unsaved
// changes. Every screen edits the plan only through Edit, so every change is
// validated, recomputed and undoable; screens listen with OnChange and
// refresh from Report.
//
// Document is used on the UI goroutine only, except Snapshot, which the
// autosave goroutine may call.
type Document struct {
	mu       sync.Mutex // guards plan for Snapshot
	plan     *planner.Plan
	scenario string
	report   *planner.Report
	path     string // file the plan was opened from or saved to; "" when new
	// saved is the plan as it is in path (or as it was opened, for a plan
	// with no file), nil when that is none of the plans in memory. Plans
	// are never changed in place, so undoing back to the saved plan makes
	// the document clean again.
	saved *planner.Plan

	model      *planner.Model
	undo, redo []step
	listeners  []func(Change)
	version    int // counts plan changes, for autosave
}

// Change says what a Document change touched, so listeners redo only what
// depends on it.
type Change int

// What can change; a change may combine several.
const (
	// PlanChanged: the plan's content (an edit, undo, redo, or another plan loaded).
	PlanChanged Change = 1 << iota
	// ScenarioChanged: the scenario the window shows.
	ScenarioChanged
	// FileChanged: the file the plan belongs to or its unsaved-changes state.
	FileChanged
	// Replaced: another plan was loaded (New, Open, restore); selections should reset.
	Replaced
)

// Report reports whether the change alters the figures: the plan or the scenario.
func (c Change) Report() bool { return c&(PlanChanged|ScenarioChanged) != 0 }

// step is one undoable change: the plan before it and what it was.
type step struct {
	label string
	plan  *planner.Plan
}

// New starts a document on a valid plan.
func New(p *planner.Plan, path string) (*Document, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	d := &Document{plan: p, path: path, scenario: planner.BaseScenario, saved: p}
	d.recompute()
	return d, nil
}

// Plan returns the current plan. Callers must not modify it: use Edit.
func (d *Document) Plan() *planner.Plan { return d.plan }

// Report returns the current plan's report under the chosen scenario.
func (d *Document) Report() *planner.Report { return d.report }

// Model returns the current plan compiled under the chosen scenario: per-unit
// figures and each channel's response curve (Model.ResponseCurve).
func (d *Document) Model() *planner.Model { return d.model }

// Version counts the changes of plan since the document was made; autosave
// uses it to know whether the copy it wrote is current.
func (d *Document) Version() int { return d.version }

// Scenario returns the id of the scenario the window shows ("base" for the plan as written).
func (d *Document) Scenario() string { return d.scenario }

// Path returns the plan's file, or "" for a plan never saved.
func (d *Document) Path() string { return d.path }

// Dirty reports whether the plan has changes not saved to Path.
func (d *Document) Dirty() bool { return d.plan != d.saved }

// OnChange registers f to run after every change of plan, scenario, path or
// dirty state, with what changed.
func (d *Document) OnChange(f func(Change)) { d.listeners = append(d.listeners, f) }

// Edit applies change to a copy of the plan. If the result is valid it becomes
// the plan as one undo step labelled label; otherwise nothing changes and the
// *planner.ValidationError is returned for the screen to show.
func (d *Document) Edit(label string, change func(p *planner.Plan)) error {
	next := d.plan.Clone()
	change(next)
	if err := next.Validate(); err != nil {
		return err
	}
	d.undo = append(d.undo, step{label, d.plan})
	if len(d.undo) > maxUndo {
		d.undo = d.undo[1:]
	}
	d.redo = nil
	d.setPlan(next)
	d.changed(PlanChanged | FileChanged)
	return nil
}

// Replace makes p the document's plan, as opening a file does: the history
// is cleared, the scenario is reset to the base plan and path is the file p
// belongs to ("" for none). dirty says whether p differs from that file (a
// restored recovery copy does).
func (d *Document) Replace(p *planner.Plan, path string, dirty bool) error {
	if err := p.Validate(); err != nil {
		return err
	}
	d.undo, d.redo = nil, nil
	d.scenario = planner.BaseScenario
	d.setPlan(p)
	d.path, d.saved = path, p
	if dirty {
		d.saved = nil
	}
	d.changed(PlanChanged | ScenarioChanged | FileChanged | Replaced)
	return nil
}

// Undo reverts the last edit; it reports false when there is nothing to undo.
func (d *Document) Undo() bool { return d.travel(&d.undo, &d.redo) }

// Redo re-applies the last undone edit; it reports false when there is nothing to redo.
func (d *Document) Redo() bool { return d.travel(&d.redo, &d.undo) }

func (d *Document) travel(from, to *[]step) bool {
	if len(*from) == 0 {
		return false
	}
	s := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	*to = append(*to, step{s.label, d.plan})
	d.setPlan(s.plan)
	d.changed(PlanChanged | FileChanged)
	return true
}

// UndoLabel and RedoLabel name the step Undo and Redo would take, or "".
func (d *Document) UndoLabel() string { return lastLabel(d.undo) }

// RedoLabel names the step Redo would take, or "".
func (d *Document) RedoLabel() string { return lastLabel(d.redo) }

func lastLabel(s []step) string {
	if len(s) == 0 {
		return ""
	}
	return s[len(s)-1].label
}

// SetScenario switches the scenario the window shows; it is not an edit.
func (d *Document) SetScenario(id string) error {
	if err := d.plan.CheckScenario(id); err != nil {
		return err
	}
	if id == "" {
		id = planner.BaseScenario
	}
	if id == d.scenario {
		return nil
	}
	d.scenario = id
	d.recompute()
	d.changed(ScenarioChanged)
	return nil
}

// MarkSaved records that the plan is now in the file at path.
func (d *Document) MarkSaved(path string) {
	d.path = path
	d.saved = d.plan
	d.changed(FileChanged)
}

// Snapshot returns a copy of the plan, safe to use from another goroutine.
func (d *Document) Snapshot() *planner.Plan {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.plan.Clone()
}

func (d *Document) setPlan(p *planner.Plan) {
	d.mu.Lock()
	old := d.plan
	d.plan = p
	d.mu.Unlock()
	d.version++
	if _, ok := p.ScenarioByID(d.scenario); !ok {
		d.scenario = renamedScenario(old, p, d.scenario)
	}
	d.recompute()
}

// renamedScenario is the id in plan next of the scenario shown as id in
// plan prev, which next no longer has: the scenario in its place when its
// id is new (an edit or an undo changed the id), else the base plan (the
// scenario was deleted).
func renamedScenario(prev, next *planner.Plan, id string) string {
	i := slices.IndexFunc(prev.Scenarios, func(sc planner.Scenario) bool { return sc.ID == id })
	if i < 0 || i >= len(next.Scenarios) || len(prev.Scenarios) != len(next.Scenarios) {
		return planner.BaseScenario
	}
	if _, taken := prev.ScenarioByID(next.Scenarios[i].ID); taken {
		return planner.BaseScenario
	}
	return next.Scenarios[i].ID
}

func (d *Document) recompute() {
	m, err := planner.Compile(d.plan, d.scenario)
	if err != nil { // cannot happen: the scenario is checked on every change
		d.scenario = planner.BaseScenario
		m, _ = planner.Compile(d.plan, planner.BaseScenario)
	}
	d.model, d.report = m, m.Report()
}

func (d *Document) changed(c Change) {
	for _, f := range d.listeners {
		f(c)
	}
}
