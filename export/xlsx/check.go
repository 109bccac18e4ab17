package xlsx

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Data validation on every input, with the contract's ranges and an input
// message; conditional formats that flag what needs attention; protection
// without a password that locks the formulas and leaves the inputs free.

// rule is a data-validation rule. Custom formulas are written for the
// top-left cell of the range ("@" stands for it) and Excel shifts them.
type rule struct {
	kind     string // decimal, textLength, custom, list, or "" for a message only
	operator string
	f1, f2   string
	title    string // at most 32 characters
	prompt   string // at most 255 characters
}

var (
	ruleID = rule{kind: "custom", f1: "AND(LEN(@)>=1,LEN(@)<=64)", title: "ID",
		prompt: "A stable key: 1 to 64 letters, digits, '_', '.' or '-', unique in its list. Other sheets refer to it."}
	ruleName = rule{kind: "textLength", operator: "greaterThanOrEqual", f1: "1", title: "Name",
		prompt: "The name shown in reports; any text."}
)

func ruleNonNegative(title, prompt string) rule {
	return rule{kind: "decimal", operator: "greaterThanOrEqual", f1: "0", title: title, prompt: prompt + " At least 0."}
}

func rulePositive(title, prompt string) rule {
	return rule{kind: "decimal", operator: "greaterThan", f1: "0", title: title, prompt: prompt + " Greater than 0."}
}

func ruleFraction(title, prompt string) rule {
	return rule{kind: "custom", f1: "AND(ISNUMBER(@),@>=0,@<1)", title: title, prompt: prompt}
}

func ruleBetween(title, prompt string, lo, hi float64) rule {
	return rule{kind: "decimal", operator: "between", f1: strconv.FormatFloat(lo, 'g', -1, 64),
		f2: strconv.FormatFloat(hi, 'g', -1, 64), title: title, prompt: prompt}
}

// validate adds a rule to a range of a sheet.
func (b *book) validate(sheet, sqref string, r rule) error {
	first := strings.ReplaceAll(strings.SplitN(sqref, ":", 2)[0], "$", "")
	// excelize writes the formulas as raw XML: escape them, or a "<" breaks
	// the sheet (LibreOffice then drops all its formats).
	formula := func(f string) string { return xmlText.Replace(strings.ReplaceAll(f, "@", first)) }
	dv := &excelize.DataValidation{
		AllowBlank: true, Sqref: sqref, Type: r.kind, Operator: r.operator,
		Formula1: formula(r.f1), Formula2: formula(r.f2),
	}
	dv.SetInput(r.title, r.prompt)
	if r.kind != "" {
		dv.SetError(excelize.DataValidationErrorStyleStop, r.title, r.prompt)
	}
	return b.f.AddDataValidation(sheet, dv)
}

var xmlText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// columnRule is the rule of one input column of a table.
type columnRule struct {
	col  int
	rule rule
}

// validateColumns adds each column's rule to rows first…last of a table;
// nothing for an empty table.
func (b *book) validateColumns(sheet string, first, last int, rules []columnRule) error {
	if last < first {
		return nil
	}
	for _, c := range rules {
		if err := b.validate(sheet, localRange(c.col, first, c.col, last), c.rule); err != nil {
			return err
		}
	}
	return nil
}

// flagNotOne paints red the cells of a range that are not 100 % (± 1e-6,
// the contract's tolerance on shares).
func (b *book) flagNotOne(sheet, sqref string) error {
	first := strings.SplitN(sqref, ":", 2)[0]
	return b.f.SetConditionalFormat(sheet, sqref, []excelize.ConditionalFormatOptions{
		{Type: "formula", Criteria: "ABS(" + first + "-1)>0.000001", Format: &b.st.warn},
	})
}

// flagStatus paints "met" green and "missed" red.
func (b *book) flagStatus(sheet, sqref string) error {
	return b.f.SetConditionalFormat(sheet, sqref, []excelize.ConditionalFormatOptions{
		{Type: "cell", Criteria: "==", Format: &b.st.met, Value: `"met"`},
		{Type: "cell", Criteria: "==", Format: &b.st.missed, Value: `"missed"`},
	})
}

// protect locks the formulas of a sheet, without a password: a reader can
// change the inputs, resize columns and select anything, and can lift the
// protection (Review › Unprotect) to go further.
func (b *book) protect(sheet string) error {
	return b.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
	})
}
