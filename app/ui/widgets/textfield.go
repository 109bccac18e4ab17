package widgets

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// TextField is an entry for a name or a label. Like NumberField it checks
// its Rules as the person types, shows the reason under the field, and
// passes a valid, changed text to OnCommit on Enter or when the person
// leaves the field. Leading and trailing spaces are trimmed.
type TextField struct {
	widget.BaseWidget
	field

	// Rules are checked in order; the first refusal is shown.
	Rules []func(string) error
	// OnCommit receives a valid, changed text; an error refuses it.
	OnCommit func(s string) error
}

// NewTextField returns an empty field with the given rules.
func NewTextField(rules ...func(string) error) *TextField {
	t := &TextField{Rules: rules}
	t.ExtendBaseWidget(t)
	t.field.init(t, t.commit, t.typed)
	return t
}

// NotEmpty refuses a blank text: "must not be empty".
func NotEmpty(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New(lang.L("must not be empty"))
	}
	return nil
}

// CreateRenderer is part of fyne.Widget.
func (t *TextField) CreateRenderer() fyne.WidgetRenderer { return t.renderer() }

// SetValue shows s without committing it.
func (t *TextField) SetValue(s string) { t.show(s) }

// Submit commits the text as if the person pressed Enter.
func (t *TextField) Submit() { t.commit() }

func (t *TextField) check(s string) error {
	for _, r := range t.Rules {
		if err := r(s); err != nil {
			return err
		}
	}
	return nil
}

func (t *TextField) typed(s string) {
	if s == t.shown {
		t.setReason(nil)
		return
	}
	t.setReason(t.check(s))
}

func (t *TextField) commit() {
	s := strings.TrimSpace(t.entry.Text)
	if s == t.shown {
		t.show(s)
		return
	}
	if err := t.check(s); err != nil {
		t.setReason(err)
		return
	}
	if t.OnCommit != nil {
		if err := t.OnCommit(s); err != nil {
			t.setReason(err)
			return
		}
	}
	t.show(s)
}
