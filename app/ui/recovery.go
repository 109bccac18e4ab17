package ui

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"mixplan/planner"
)

// The recovery copy: while a plan has unsaved changes, a copy of it is
// written every AutosaveEvery and every AutosaveEdits edits into the
// recovery folder, by a goroutine of its own so the window never waits for
// the disk. A clean save, Don't save or a clean close deletes it; if Mixplan
// stops without doing so (a crash, a power cut), the next launch finds it
// and offers to restore it.
const (
	recoveryPlanFile = "recovery.mixplan"
	recoveryMetaFile = "recovery.json"
)

// recoveryMeta says what a recovery copy is a copy of.
type recoveryMeta struct {
	Path  string    `json:"path"` // the plan's file, "" if it had none
	Name  string    `json:"name"`
	Saved time.Time `json:"saved"`
	PID   int       `json:"pid"` // the process that wrote it
}

// recovery writes and deletes the recovery copy, in order, on its own goroutine.
type recovery struct {
	dir      string
	snapshot func() *planner.Plan
	onSaved  func(time.Time, error) // called on the writer's goroutine
	jobs     chan recoveryJob
	stopOnce sync.Once
	done     chan struct{}
}

type recoveryJob struct {
	meta    *recoveryMeta // write a copy with this meta; nil with clear
	clear   bool
	flushed chan struct{} // closed when every earlier job is done
}

// startRecovery starts the writer for folder dir.
func startRecovery(dir string, snapshot func() *planner.Plan, onSaved func(time.Time, error)) *recovery {
	r := &recovery{dir: dir, snapshot: snapshot, onSaved: onSaved, jobs: make(chan recoveryJob, 16), done: make(chan struct{})}
	go r.run()
	return r
}

func (r *recovery) run() {
	defer close(r.done)
	for job := range r.jobs {
		switch {
		case job.flushed != nil:
			close(job.flushed)
		case job.clear:
			os.Remove(filepath.Join(r.dir, recoveryMetaFile))
			os.Remove(filepath.Join(r.dir, recoveryPlanFile))
		default:
			err := r.write(job.meta)
			if r.onSaved != nil {
				r.onSaved(job.meta.Saved, err)
			}
		}
	}
}

// write takes a snapshot of the plan now and writes it, then its meta.
func (r *recovery) write(meta *recoveryMeta) error {
	if err := os.MkdirAll(r.dir, 0o755); err != nil {
		return err
	}
	data, err := planner.Marshal(r.snapshot())
	if err != nil {
		return err
	}
	if err := planner.WriteFileAtomic(filepath.Join(r.dir, recoveryPlanFile), data); err != nil {
		return err
	}
	m, err := json.Marshal(meta)
	if err != nil {
		return err
	}
	return planner.WriteFileAtomic(filepath.Join(r.dir, recoveryMetaFile), m)
}

// save queues a copy of the plan as it will be when the writer gets to it.
func (r *recovery) save(path, name string) {
	r.send(recoveryJob{meta: &recoveryMeta{Path: path, Name: name, Saved: time.Now(), PID: os.Getpid()}})
}

// clear queues the deletion of the copy.
func (r *recovery) clear() { r.send(recoveryJob{clear: true}) }

// flush waits until every queued job is done.
func (r *recovery) flush() {
	f := make(chan struct{})
	if r.send(recoveryJob{flushed: f}) {
		<-f
	}
}

// send queues a job; it reports false once the writer is stopped.
func (r *recovery) send(j recoveryJob) (sent bool) {
	select {
	case <-r.done:
		return false
	default:
	}
	defer func() {
		if recover() != nil { // stopped between the check and the send
			sent = false
		}
	}()
	r.jobs <- j
	return true
}

// stop finishes the queued jobs and ends the writer.
func (r *recovery) stop() {
	r.stopOnce.Do(func() { close(r.jobs) })
	<-r.done
}

// findRecovery returns the copy left in dir by a Mixplan that did not
// close cleanly, or nil. A copy written by a Mixplan still running (another
// window) is not offered.
func findRecovery(dir string) (*planner.Plan, *recoveryMeta, error) {
	data, err := os.ReadFile(filepath.Join(dir, recoveryMetaFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	var meta recoveryMeta
	if err := json.Unmarshal(data, &meta); err != nil {
		return nil, nil, err
	}
	if meta.PID != os.Getpid() && processRunning(meta.PID) {
		return nil, nil, nil
	}
	p, err := planner.Load(filepath.Join(dir, recoveryPlanFile))
	if err != nil {
		return nil, &meta, err
	}
	return p, &meta, nil
}

// offerRecovery asks whether to restore a copy left by a crash, if there is one.
func (w *Window) offerRecovery() {
	p, meta, err := findRecovery(w.opts.RecoveryDir)
	if err != nil || p == nil {
		if err != nil { // a damaged copy cannot be restored: drop it
			w.rec.clear()
		}
		return
	}
	msg := lang.L("Mixplan closed without saving your changes to “{{.Name}}” ({{.Time}}). Restore them?",
		map[string]any{"Name": meta.Name, "Time": meta.Saved.Local().Format("2006-01-02 15:04")})
	d := dialog.NewConfirm(lang.L("Restore unsaved changes?"), msg, func(restore bool) {
		if !restore {
			w.rec.clear()
			return
		}
		if err := w.doc.Replace(p, meta.Path, true); err != nil {
			w.env.ShowError(err)
			return
		}
		w.setStatus(lang.L("Unsaved changes restored"))
	}, w.win)
	d.SetConfirmText(lang.L("Restore"))
	d.SetDismissText(lang.L("Discard"))
	w.lastDialog = d
	d.Show()
}

// planChangedForRecovery copies the plan after every AutosaveEdits edits;
// the ticker copies it sooner if it stays dirty. A plan back to its saved
// state needs no copy.
func (w *Window) planChangedForRecovery(replaced bool) {
	if replaced {
		w.editsUnsaved = 0
		w.copiedVersion = w.doc.Version()
		if w.doc.Dirty() { // a restored copy stays on disk until saved
			return
		}
	}
	if !w.doc.Dirty() {
		w.editsUnsaved = 0
		w.copiedVersion = w.doc.Version()
		w.rec.clear()
		return
	}
	w.editsUnsaved++
	if w.editsUnsaved >= w.opts.AutosaveEdits {
		w.autosave()
	}
}

// autosave queues a recovery copy if the plan changed since the last one.
func (w *Window) autosave() {
	if !w.doc.Dirty() || w.doc.Version() == w.copiedVersion {
		return
	}
	w.editsUnsaved = 0
	w.copiedVersion = w.doc.Version()
	w.rec.save(w.doc.Path(), w.doc.Plan().Name)
}

// autosaveTicker copies the plan every AutosaveEvery while it has unsaved
// changes, until the recovery writer stops.
func (w *Window) autosaveTicker() {
	t := time.NewTicker(w.opts.AutosaveEvery)
	defer t.Stop()
	for {
		select {
		case <-w.rec.done:
			return
		case <-t.C:
			w.opts.RunOnUI(w.autosave)
		}
	}
}

// recoverySaved reports the copy in the status line.
func (w *Window) recoverySaved(at time.Time, err error) {
	if err != nil {
		w.setStatus(lang.L("Could not write the recovery copy: {{.Error}}", map[string]any{"Error": err.Error()}))
		return
	}
	w.setStatus(lang.L("Recovery copy saved at {{.Time}}", map[string]any{"Time": at.Format("15:04:05")}))
}
