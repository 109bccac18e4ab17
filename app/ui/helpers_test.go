package ui

import (
	"os"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"mixplan/app/document"
	"mixplan/assets"
	"mixplan/planner"
)

func TestMain(m *testing.M) {
	// Tests read English words; the machine's language must not change them.
	os.Setenv("LANGUAGE", "en")
	os.Exit(m.Run())
}

// samplePlan is the plan a first launch opens.
func samplePlan(t testing.TB) *planner.Plan {
	t.Helper()
	p, err := planner.Parse(assets.SamplePlan)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// openWindow opens the window on plan p (file path, "" for none) in a test
// app, with its recovery copy in dir ("" for a fresh temporary folder) and
// autosave only when a test asks.
func openWindow(t testing.TB, p *planner.Plan, path, dir string) *Window {
	t.Helper()
	a := test.NewTempApp(t)
	Setup(a)
	return openWindowIn(t, a, p, path, dir, Options{})
}

func openWindowIn(t testing.TB, a fyne.App, p *planner.Plan, path, dir string, opts Options) *Window {
	t.Helper()
	doc, err := document.New(p, path)
	if err != nil {
		t.Fatal(err)
	}
	if dir == "" {
		dir = t.TempDir()
	}
	opts.RecoveryDir = dir
	if opts.AutosaveEvery == 0 {
		opts.AutosaveEvery = time.Hour
	}
	if opts.AutosaveEdits == 0 {
		opts.AutosaveEdits = 1000
	}
	q := &uiQueue{}
	opts.RunOnUI = q.post
	w := NewWindow(a, doc, opts)
	uiQueues.Store(w, q)
	w.win.Resize(fyne.NewSize(1360, 860))
	w.Show()
	t.Cleanup(func() {
		w.rec.stop()
		w.win.Close()
	})
	return w
}

// overviewOf and promotionOf return the window's screens.
func overviewOf(w *Window) *overviewScreen { return w.Screen("overview").(*overviewScreen) }

func promotionOf(t testing.TB, w *Window) *promotionScreen {
	t.Helper()
	if !w.ShowScreen("promotion") {
		t.Fatal("no promotion screen")
	}
	return w.Screen("promotion").(*promotionScreen)
}

// enter replaces a field's text as a person would (select all, type) and presses Enter.
func enter(f interface {
	Focusable() fyne.Focusable
	Submit()
}, setText func(string), text string) {
	setText("")
	test.Type(f.Focusable(), text)
	f.Submit()
}

// tileValue is what a KPI tile of the Overview shows.
func tileValue(w *Window, key string) string { return overviewOf(w).tiles[key].KPI().Value }

// hoverAt moves the pointer over a chart as a mouse would.
func hoverAt(h desktop.Hoverable, x, y float32) {
	h.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x, y)}})
}

// uiQueue stands for the UI goroutine in tests: the window's goroutines post
// to it, and the test runs what they posted on its own goroutine (runUI).
type uiQueue struct {
	mu  sync.Mutex
	fns []func()
}

func (q *uiQueue) post(f func()) {
	q.mu.Lock()
	q.fns = append(q.fns, f)
	q.mu.Unlock()
}

var uiQueues sync.Map // *Window → *uiQueue

// runUI runs what the window's goroutines posted for the UI goroutine.
func runUI(w *Window) {
	v, _ := uiQueues.Load(w)
	q := v.(*uiQueue)
	q.mu.Lock()
	fns := q.fns
	q.fns = nil
	q.mu.Unlock()
	for _, f := range fns {
		f()
	}
}
