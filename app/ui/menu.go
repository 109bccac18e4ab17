package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"mixplan/app/about"
	"mixplan/assets"
)

// Keyboard shortcuts of the file and edit actions. Ctrl is Cmd on macOS.
// Ctrl+Z is Fyne's own Undo shortcut so that the menu's Undo takes it even
// when a field has the focus: every committed change is a plan edit, and
// undoing it is what the person means.
var (
	shortcutNew    = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutOpen   = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSave   = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSaveAs = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutUndo   = &fyne.ShortcutUndo{}
	shortcutRedo   = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutRedoY  = &fyne.ShortcutRedo{}
	shortcutQuit   = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
)

// buildMenu makes the main menu: File, Edit, View, Help, with Undo and Redo
// named after the steps they would take.
func (w *Window) buildMenu() {
	item := func(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, action)
		it.Shortcut = sc
		return it
	}
	quit := item(lang.L("Quit"), shortcutQuit, w.requestClose)
	quit.IsQuit = true
	file := fyne.NewMenu(lang.L("File"),
		item(lang.L("New"), shortcutNew, w.newPlan),
		item(lang.L("Open…"), shortcutOpen, w.openDialog),
		w.recentMenu(),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Save"), shortcutSave, func() { w.save(nil) }),
		item(lang.L("Save As…"), shortcutSaveAs, func() { w.saveAsDialog(nil) }),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Export to Excel…"), nil, func() { w.exportDialog(exportExcel) }),
		item(lang.L("Export to PDF…"), nil, func() { w.exportDialog(exportPDF) }),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Import actuals…"), nil, w.importActualsDialog),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	w.undoItem = item(lang.L("Undo"), shortcutUndo, w.undo)
	w.redoItem = item(lang.L("Redo"), shortcutRedo, w.redo)
	edit := fyne.NewMenu(lang.L("Edit"), w.undoItem, w.redoItem)
	view := fyne.NewMenu(lang.L("View"), w.languageMenu(), w.themeMenu())
	help := fyne.NewMenu(lang.L("Help"), fyne.NewMenuItem(lang.L("About Mixplan"), w.showAbout))
	w.menu = fyne.NewMainMenu(file, edit, view, help)
	w.win.SetMainMenu(w.menu)
	w.updateUndo()
}

// addShortcuts binds the keyboard shortcuts on the window's canvas too: the
// menu binds them, the canvas catches them when the menu does not (and in
// tests). Ctrl+Y is a second Redo.
func (w *Window) addShortcuts() {
	c := w.win.Canvas()
	for _, s := range []struct {
		sc     fyne.Shortcut
		action func()
	}{
		{shortcutNew, w.newPlan}, {shortcutOpen, w.openDialog},
		{shortcutSave, func() { w.save(nil) }}, {shortcutSaveAs, func() { w.saveAsDialog(nil) }},
		{shortcutUndo, w.undo}, {shortcutRedo, w.redo}, {shortcutRedoY, w.redo},
		{shortcutQuit, w.requestClose},
	} {
		action := s.action
		c.RemoveShortcut(s.sc)
		c.AddShortcut(s.sc, func(fyne.Shortcut) { action() })
	}
}

// recentMenu lists the recently opened plans.
func (w *Window) recentMenu() *fyne.MenuItem {
	recent := fyne.NewMenuItem(lang.L("Recent files"), nil)
	var items []*fyne.MenuItem
	for _, path := range recentFiles(w.app.Preferences()) {
		path := path
		items = append(items, fyne.NewMenuItem(filepath.Base(path)+"  —  "+filepath.Dir(path), func() {
			w.confirmDiscard(func() { w.openPath(path) })
		}))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem(lang.L("No recent files"), nil)
		none.Disabled = true
		items = append(items, none)
	} else {
		items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem(lang.L("Clear recent files"), func() {
			clearRecentFiles(w.app.Preferences())
			w.buildMenu()
		}))
	}
	recent.ChildMenu = fyne.NewMenu("", items...)
	return recent
}

// showAbout shows the name, version and purpose of Mixplan.
func (w *Window) showAbout() {
	icon := canvas.NewImageFromResource(fyne.NewStaticResource("mixplan.png", assets.Icon))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(96))
	name := boldLabel(about.Name + " " + about.Version)
	about := widget.NewLabel(lang.L("Plan the marketing mix — product, price, place and promotion — against your budget and margin targets."))
	about.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(nil, nil, icon, nil, container.NewVBox(name, about))
	w.showDialog(func(parent fyne.Window) dialog.Dialog {
		d := dialog.NewCustom(lang.L("About Mixplan"), lang.L("Close"), content, parent)
		d.Resize(fyne.NewSize(480, 200))
		return d
	})
}
