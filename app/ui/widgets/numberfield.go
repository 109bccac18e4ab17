package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// NumberField is an entry for one number, written and read in a plan's
// locale (see Format). It checks the text as the person types and shows the
// reason under the field ("not a number", "must be greater than 0"); when the
// person presses Enter or leaves the field, a valid value that differs from
// the one shown is passed to OnCommit. Invalid text is never committed and is
// left in the field to be corrected.
//
//	f := widgets.NewNumberField(widgets.Format{Kind: widgets.Money, Locale: "en", Currency: "EUR"}, widgets.NonNegative())
//	f.OnCommit = func(x float64) error { return env.Edit(label, func(p *planner.Plan) { p.Promotions[i].Spend = x }) }
//	f.SetValue(40000) // shows "€40,000"; does not call OnCommit
type NumberField struct {
	widget.BaseWidget
	field

	format Format
	// Rules are checked in order after parsing; the first refusal is shown.
	Rules []Rule
	// Optional fields accept an empty text, meaning "not set": OnClear is
	// called instead of OnCommit. Required fields refuse it ("enter a number").
	Optional bool
	// OnCommit receives a valid, changed value. Returning an error refuses
	// it: the field shows err.Error() and keeps the text.
	OnCommit func(x float64) error
	// OnClear is called when an Optional field is emptied.
	OnClear func() error
	// OnTyping, if set, is told each valid value as it is typed, before any
	// commit (a BoundedField moves its slider with it).
	OnTyping func(x float64)

	value float64
	set   bool
}

// NewNumberField returns an empty field with the given format and rules.
func NewNumberField(f Format, rules ...Rule) *NumberField {
	n := &NumberField{format: f, Rules: rules}
	n.ExtendBaseWidget(n)
	n.field.init(n, n.commit, n.typed)
	return n
}

// CreateRenderer is part of fyne.Widget.
func (n *NumberField) CreateRenderer() fyne.WidgetRenderer { return n.renderer() }

// SetFormat changes how the number is written (the plan's locale or
// currency changed) and rewrites the value shown.
func (n *NumberField) SetFormat(f Format) {
	if f == n.format {
		return
	}
	n.format = f
	if n.set {
		n.show(f.Format(n.value))
	}
}

// Format returns how the field writes and reads its number.
func (n *NumberField) Format() Format { return n.format }

// SetValue shows x and forgets any pending text or reason. It does not call OnCommit.
func (n *NumberField) SetValue(x float64) {
	n.value, n.set = x, true
	n.show(n.format.Format(x))
}

// SetEmpty shows an empty field ("not set"). It does not call OnClear.
func (n *NumberField) SetEmpty() {
	n.value, n.set = 0, false
	n.show("")
}

// Value returns the value shown, and false when the field shows "not set".
func (n *NumberField) Value() (float64, bool) { return n.value, n.set }

// Submit commits the text as if the person pressed Enter.
func (n *NumberField) Submit() { n.commit() }

// check parses text and applies the rules; empty is "not set" (ok) for an optional field.
func (n *NumberField) check(text string) (x float64, empty bool, err error) {
	if strings.TrimSpace(text) == "" && n.Optional {
		return 0, true, nil
	}
	x, err = n.format.Parse(text)
	if err != nil {
		return 0, false, parseReason(err)
	}
	for _, r := range n.Rules {
		if err := r(x, n.format); err != nil {
			return x, false, err
		}
	}
	return x, false, nil
}

func (n *NumberField) typed(text string) {
	if text == n.shown {
		n.setReason(nil)
		return
	}
	x, empty, err := n.check(text)
	n.setReason(err)
	if err == nil && !empty && n.OnTyping != nil {
		n.OnTyping(x)
	}
}

func (n *NumberField) commit() {
	text := n.entry.Text
	if text == n.shown {
		n.setReason(nil)
		return
	}
	x, empty, err := n.check(text)
	if err != nil {
		n.setReason(err)
		return
	}
	if empty {
		if n.set && n.OnClear != nil {
			if err := n.OnClear(); err != nil {
				n.setReason(err)
				return
			}
		}
		n.SetEmpty()
		return
	}
	if n.set && x == n.value { // the same value typed another way
		n.SetValue(x)
		return
	}
	if n.OnCommit != nil {
		if err := n.OnCommit(x); err != nil {
			n.setReason(err)
			return
		}
	}
	n.SetValue(x)
}
