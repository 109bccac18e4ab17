package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"mixplan/planner"
)

func recoveryExists(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, recoveryPlanFile))
	return err == nil
}

// editSpends commits n spend edits on the promotion screen.
func editSpends(t *testing.T, w *Window, n int) {
	t.Helper()
	ps := promotionOf(t, w)
	ps.list.Select(0)
	for i := 0; i < n; i++ {
		enter(ps.spend.Field, ps.spend.Field.Entry().SetText, strconv.Itoa(100000+i*1000))
	}
}

// TestRecoveryAfterACrash: a window copies its unsaved plan every few edits;
// a window opened later on the same folder offers it back, and restoring
// gives the plan, its file and its unsaved state.
func TestRecoveryAfterACrash(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(t.TempDir(), "plan.mixplan")
	if err := planner.Save(samplePlan(t), path); err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	Setup(a)
	w := openWindowIn(t, a, samplePlan(t), path, dir, Options{AutosaveEdits: 3})

	editSpends(t, w, 2)
	w.rec.flush()
	if recoveryExists(dir) {
		t.Fatal("copied before the third edit")
	}
	editSpends(t, w, 1)
	w.rec.flush()
	if !recoveryExists(dir) {
		t.Fatal("no recovery copy after three edits")
	}
	runUI(w)
	if !strings.HasPrefix(w.status.Text, "Recovery copy saved at ") {
		t.Errorf("status %q does not tell about the copy", w.status.Text)
	}
	want, _ := planner.Marshal(w.doc.Plan())
	// The window "crashes": it never clears its copy.
	w.rec.stop()

	w2 := openWindowIn(t, a, samplePlan(t), "", dir, Options{})
	w2.offerRecovery()
	d, ok := w2.lastDialog.(*dialog.ConfirmDialog)
	if !ok {
		t.Fatal("no offer to restore")
	}
	d.Confirm()
	got, _ := planner.Marshal(w2.doc.Plan())
	if !bytes.Equal(got, want) {
		t.Error("the restored plan is not the one being edited")
	}
	if !w2.doc.Dirty() || w2.doc.Path() != path || !strings.HasPrefix(w2.win.Title(), "• ") {
		t.Errorf("restored: dirty %v, path %q, title %q; want unsaved changes to %s", w2.doc.Dirty(), w2.doc.Path(), w2.win.Title(), path)
	}
	// Saving makes the copy useless: it is deleted.
	if !w2.saveTo(path) {
		t.Fatal("save failed")
	}
	w2.rec.flush()
	if recoveryExists(dir) {
		t.Error("the recovery copy outlived a clean save")
	}
}

func TestRecoveryDeclined(t *testing.T) {
	dir := t.TempDir()
	a := test.NewTempApp(t)
	Setup(a)
	w := openWindowIn(t, a, samplePlan(t), "", dir, Options{AutosaveEdits: 1})
	editSpends(t, w, 1)
	w.rec.flush()
	w.rec.stop()
	w2 := openWindowIn(t, a, samplePlan(t), "", dir, Options{})
	w2.offerRecovery()
	w2.lastDialog.(*dialog.ConfirmDialog).Dismiss()
	w2.rec.flush()
	if recoveryExists(dir) || w2.doc.Dirty() {
		t.Error("a declined copy stays, or was restored")
	}
}

func TestRecoveryOnTheTicker(t *testing.T) {
	dir := t.TempDir()
	a := test.NewTempApp(t)
	Setup(a)
	w := openWindowIn(t, a, samplePlan(t), "", dir, Options{AutosaveEvery: 20 * time.Millisecond})
	editSpends(t, w, 1)
	deadline := time.Now().Add(5 * time.Second)
	for !recoveryExists(dir) && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
		runUI(w) // the ticker asks the UI goroutine to copy
	}
	if !recoveryExists(dir) {
		t.Fatal("the ticker did not copy the unsaved plan")
	}
	// Undoing back to the opened plan leaves nothing to recover.
	w.doc.Undo()
	w.rec.flush()
	if recoveryExists(dir) {
		t.Error("copy kept for a plan with no unsaved changes")
	}
}

func TestNoRecoveryOfferWhenClean(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	w.offerRecovery()
	if w.lastDialog != nil {
		t.Error("offered to restore with no copy on disk")
	}
}

func TestProcessRunning(t *testing.T) {
	for _, tc := range []struct {
		name string
		pid  int
		want bool
	}{
		{"this process", os.Getpid(), true},
		{"no process", 0, false},
		{"a pid no process has", 1 << 30, false},
	} {
		if got := processRunning(tc.pid); got != tc.want {
			t.Errorf("%s: processRunning(%d) = %v, want %v", tc.name, tc.pid, got, tc.want)
		}
	}
	// Another program's pid is not a Mixplan: pid 1 is init.
	if _, err := os.Stat("/proc/1/comm"); err == nil && processRunning(1) {
		t.Error("pid 1 counted as a running Mixplan")
	}
}
