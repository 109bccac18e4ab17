package ui

import (
	"sort"

	"fyne.io/fyne/v2"
)

// Screen is one page of the window, listed in the navigation: Overview,
// Product, Price, Place, Promotion, Calendar, Targets & settings, Scenarios,
// Optimise. A screen is one struct owning its widgets, built once by its
// factory with the window's Env. It edits the plan only through Env.Edit and
// redraws in Refresh from Env.Doc (Plan, Report, Model).
//
// Adding a screen is one file: the struct (embedding screenInfo), its
// factory, and
//
//	func init() { registerScreen(orderPromotion, newPromotionScreen) }
//
// where the number places it in the navigation (see the order constants).
type Screen interface {
	// ID is a stable key ("promotion"), used in tests and preferences.
	ID() string
	// Title is the screen's name in the navigation, in the user's language.
	Title() string
	// Icon is the navigation icon.
	Icon() fyne.Resource
	// Content is the screen's root object, built once by the factory.
	Content() fyne.CanvasObject
	// Refresh shows the document as it is now. The window calls it on the
	// UI goroutine after every change of plan or scenario while the screen
	// is shown, and when the screen is shown after such changes: a screen
	// never refreshes in the background. It must be cheap when nothing it
	// shows changed (set widgets that compare before redrawing).
	Refresh()
}

// screenInfo is what every screen says of itself: a stable ID, its title
// and icon in the navigation (the title in the user's language, as the
// screens are built again when it changes) and its root object. A screen
// embeds it, fills it in its factory, and so has ID, Title, Icon and
// Content; it writes only Refresh.
type screenInfo struct {
	id, title string
	icon      fyne.Resource
	content   fyne.CanvasObject
}

func (s *screenInfo) ID() string                 { return s.id }
func (s *screenInfo) Title() string              { return s.title }
func (s *screenInfo) Icon() fyne.Resource        { return s.icon }
func (s *screenInfo) Content() fyne.CanvasObject { return s.content }

// carrier is a screen that keeps what the person was doing (the row
// selected, shares typed but not applied yet) when the window builds its
// screens again in another language: carryFrom takes it from the screen it
// replaces.
type carrier interface{ carryFrom(old Screen) }

// Navigation order of the screens: registerScreen's first argument.
const (
	orderOverview  = 10
	orderProduct   = 20
	orderPrice     = 30
	orderPlace     = 40
	orderPromotion = 50
	orderCalendar  = 60
	orderTargets   = 70
	orderScenarios = 80
	orderOptimize  = 90
)

type screenFactory struct {
	order int
	make  func(*Env) Screen
}

var screenFactories []screenFactory

// registerScreen adds a screen to the navigation at position order. Call it
// from the screen file's init.
func registerScreen(order int, make func(*Env) Screen) {
	screenFactories = append(screenFactories, screenFactory{order, make})
	sort.SliceStable(screenFactories, func(i, j int) bool { return screenFactories[i].order < screenFactories[j].order })
}
