package widgets

import (
	"errors"

	"fyne.io/fyne/v2/lang"

	"mixplan/planner/numfmt"
)

// Rule checks a parsed value and returns the reason it is refused, in the
// user's language, or nil. Rules get the field's Format to write limits the
// way the field writes numbers ("must be 95 % or less").
type Rule func(x float64, f Format) error

// Positive refuses 0 and below: "must be greater than 0".
func Positive() Rule {
	return func(x float64, f Format) error {
		if x > 0 {
			return nil
		}
		return errors.New(lang.L("must be greater than {{.Limit}}", map[string]any{"Limit": f.Format(0)}))
	}
}

// NonNegative refuses negative values: "must be 0 or more".
func NonNegative() Rule { return AtLeast(0) }

// AtLeast refuses values below lo: "must be 5 or more".
func AtLeast(lo float64) Rule {
	return func(x float64, f Format) error {
		if x >= lo {
			return nil
		}
		return errors.New(lang.L("must be {{.Limit}} or more", map[string]any{"Limit": f.Format(lo)}))
	}
}

// AtMost refuses values above hi: "must be 95 % or less".
func AtMost(hi float64) Rule {
	return func(x float64, f Format) error {
		if x <= hi {
			return nil
		}
		return errors.New(lang.L("must be {{.Limit}} or less", map[string]any{"Limit": f.Format(hi)}))
	}
}

// Below refuses hi and above: "must be less than 100 %".
func Below(hi float64) Rule {
	return func(x float64, f Format) error {
		if x < hi {
			return nil
		}
		return errors.New(lang.L("must be less than {{.Limit}}", map[string]any{"Limit": f.Format(hi)}))
	}
}

// Whole refuses numbers with decimals: "must be a whole number".
func Whole() Rule {
	return func(x float64, f Format) error {
		if x == float64(int64(x)) {
			return nil
		}
		return errors.New(lang.L("must be a whole number"))
	}
}

// parseReason turns a numfmt parsing error into words for the person typing.
func parseReason(err error) error {
	switch {
	case errors.Is(err, numfmt.ErrEmpty):
		return errors.New(lang.L("enter a number"))
	case errors.Is(err, numfmt.ErrLetters):
		return errors.New(lang.L("not a number: letters are not allowed"))
	case errors.Is(err, numfmt.ErrSign):
		return errors.New(lang.L("not a number: a sign can only come first"))
	case errors.Is(err, numfmt.ErrDecimalMarks):
		return errors.New(lang.L("not a number: more than one decimal mark"))
	case errors.Is(err, numfmt.ErrGrouping), errors.Is(err, numfmt.ErrComma):
		return errors.New(lang.L("not a number: digits after a thousands comma come in threes"))
	}
	return errors.New(lang.L("not a number"))
}
