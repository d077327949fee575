package repl

import (
	"errors"
	"testing"
)

// TestRunStateStopRules: failures count and stop only a non-interactive
// run, and only with ON_ERROR_STOP; a pending failure waits for \expect.
func TestRunStateStopRules(t *testing.T) {
	script := &scripted{}
	terminal := &scripted{interactive: true}
	r := runState{src: terminal, stopOnError: true}
	if r.afterFailure() || r.failures != 0 {
		t.Error("an interactive failure counted or stopped the run")
	}
	r = runState{src: script, stopOnError: true}
	r.markPending(errors.New("A1 NO"))
	if r.stopAfterResult() {
		t.Error("a pending failure stopped the run before \\expect could excuse it")
	}
	report, stop := r.settlePending()
	if report == nil || !stop || r.failures != 1 || r.pending {
		t.Errorf("settlePending = %v, %v (failures %d, pending %v)", report, stop, r.failures, r.pending)
	}
	r = runState{src: script}
	if r.afterFailure() || r.failures != 1 {
		t.Error("without ON_ERROR_STOP a failure counts but goes on")
	}
	r.markPending(nil)
	r.excuse()
	if report, _ := r.settlePending(); report != nil || r.failures != 1 {
		t.Error("an excused failure still counted")
	}
	r.lost = true
	if !r.lostStop() || !r.stopAfterResult() {
		t.Error("a lost connection must end a script")
	}
}
