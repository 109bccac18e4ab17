// Package widgets holds Mixplan's reusable input and display widgets: the
// locale-aware NumberField, the BoundedField (a NumberField with a slider for
// a value within a range) and the KPITile. Screens build their forms from
// them; the widgets know nothing of plans, only of numbers, formats and rules.
//
// Input never reaches a screen unchecked: a NumberField parses the text in
// the plan's locale, checks its Rules and shows the reason under the field
// when something is wrong; only a valid, changed value is passed to
// OnCommit, once, when the person presses Enter or leaves the field. If
// OnCommit refuses the value (the plan as a whole would be invalid), the
// field shows that reason too and keeps what was typed.
//
// All widgets must be used on the Fyne UI goroutine.
package widgets
