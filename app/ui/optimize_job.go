package ui

import "context"

// backgroundJob runs one computation at a time off the UI goroutine: the
// budget optimiser, the price advisor and the scenario comparison take tens
// of milliseconds on a large plan, too long to block typing. Starting a run
// cancels the one before; only the latest run's result reaches the widgets,
// on the UI goroutine, through Env.Do. A job is used on the UI goroutine only.
type backgroundJob struct {
	env    *Env
	cancel context.CancelFunc
	run    int // counts runs; a result from an older run is dropped
}

// running reports whether a run was started and has not yet delivered.
func (j *backgroundJob) running() bool { return j.cancel != nil }

// stop cancels the run under way, if any; its result will be dropped.
func (j *backgroundJob) stop() {
	if j.cancel != nil {
		j.cancel()
		j.cancel = nil
	}
	j.run++
}

// startJob cancels j's run under way and calls work on a new goroutine; done
// gets its answer on the UI goroutine unless another run was started or the
// job stopped meanwhile. work must not touch widgets or the Document: give
// it what it needs (a plan, which is never changed in place) up front.
func startJob[T any](j *backgroundJob, work func(ctx context.Context) (T, error), done func(T, error)) {
	j.stop()
	ctx, cancel := context.WithCancel(context.Background())
	j.cancel = cancel
	run := j.run
	go func() {
		v, err := work(ctx)
		j.env.Do(func() {
			if run != j.run {
				return // superseded or stopped
			}
			j.cancel = nil
			cancel()
			done(v, err)
		})
	}()
}
