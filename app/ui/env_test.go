package ui

import "testing"

// TestEnvDoRunsOnTheUIGoroutine: work a screen finishes in the background
// reaches the widgets only when the UI goroutine runs it.
func TestEnvDoRunsOnTheUIGoroutine(t *testing.T) {
	w := openWindow(t, samplePlan(t), "", "")
	ran := make(chan bool, 1)
	done := make(chan struct{})
	go func() {
		w.env.Do(func() { ran <- true })
		close(done)
	}()
	<-done
	select {
	case <-ran:
		t.Fatal("ran on the background goroutine")
	default:
	}
	runUI(w)
	if len(ran) != 1 {
		t.Error("runUI did not run it")
	}
}
