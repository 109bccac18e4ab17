// Package ui is Mixplan's desktop window. main.go makes the fyne.App and
// calls Run; tests make a test app and call NewWindow, then drive the
// screens' widgets with fyne.io/fyne/v2/test.
//
// # The shell
//
// Window (window.go) owns the fyne.Window, the document and the screens. The
// document (package mixplan/app/document, no Fyne) is the plan being
// edited: every change goes through Document.Edit, which validates the
// changed copy, makes it one undo step and recomputes the report, then
// tells the window what changed (document.Change). The window refreshes the screen shown and marks the others
// stale; a stale screen refreshes when it is next shown. Around the screens:
// the navigation list, the toolbar with the scenario picker (which switches
// the whole window), the status line, the menus and shortcuts (menu.go),
// files (files.go, prompts.go), the recovery copy (recovery.go), the theme
// and the language (settings.go, i18n.go).
//
// # Adding a screen
//
// A screen is one file: a struct owning its widgets, named xxxScreen and
// built once by its factory newXxxScreen, registered in init with its place
// in the navigation. It embeds screenInfo, which gives it ID, Title, Icon
// and Content, and writes Refresh:
//
//	func init() { registerScreen(orderPrice, newPriceScreen) }
//
//	type priceScreen struct{ screenInfo; env *Env; … }
//
//	func newPriceScreen(env *Env) Screen {
//		s := &priceScreen{screenInfo: screenInfo{id: "price", title: lang.L("Price"), icon: theme.…}, env: env}
//		…
//		s.content = newPage(…)
//		return s
//	}
//	func (s *priceScreen) Refresh() { /* write Doc's plan and report into the widgets */ }
//
// The screen reads env.Doc.Plan(), Report() and Model(), formats figures
// with env.Fmt() (the plan's locale and currency), and changes the plan only
// with env.Edit(label, func(p *planner.Plan)), one call per committed field,
// returning Edit's error from the field's OnCommit so the field shows it.
// It reaches the window only through Env: ShowDialog (and ShowError,
// Confirm), Screen and ShowScreen, SetScenario, and Do for results of its
// own goroutines.
//
// A list-plus-form screen (Product, Price, Place, Promotion, Scenarios)
// embeds a listEditor (list_editor.go): the virtual list of the plan's rows
// of one kind, the selected row, edits of it found by id (edit), and the
// add, duplicate, delete (asked with Env.Confirm) and move buttons
// (withActions), each one undo step after which the row it leaves is
// selected; the screen gives the rows, its words and show, which writes the
// selection into its form. The form is a widget.Form of app/ui/widgets fields
// (NumberField, BoundedField, TextField) with heading and help rows, in a
// newPage (layout.go), which lays wrapped help out at its width; notes are
// newNote, in a muted colour that reads in both themes. Selecting a row or
// a cell from code goes through selection.go (Fyne 2.7 scrolls a list or
// table selected before its first layout out of sight). A screen that
// holds work in progress (a draft) implements carrier to keep it when the
// window is built again in another language.
//
// # Words
//
// Every word shown goes through lang.L("English text") (lang.N for counts);
// add the key to assets/translation/en.json and fr.json, or to a screen's own
// pair, assets/translation/<screen>.en.json and <screen>.fr.json (Fyne loads
// every [prefix.]lang.json). TestEveryWordIsTranslated merges the files of
// each language and lists what is missing, unused or in two files.
package ui
