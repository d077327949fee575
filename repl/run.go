package repl

import "errors"

// runState is where a run stands: the line source, the failures counted
// and the rules that stop a non-interactive run (ON_ERROR_STOP, a lost
// connection, \quit), and the last IMAP command, which \expect checks.
type runState struct {
	src         LineSource // the source being read; nil before Run
	stopOnError bool       // ON_ERROR_STOP (--continue-on-error turns it off)
	failures    int        // counted in non-interactive mode: exit status 3
	lost        bool       // the connection closed without LOGOUT
	quit        bool       // \quit
	last        *outcome   // the last IMAP command, for \expect
	lastLine    string     // and its line as shown
	pending     bool       // a failed command whose \expect may excuse it
	pendingErr  error      // its NO/BAD with the script location, shown if not excused
	at          string     // the location of the pipelined line being shown ("" = the source's)
}

// interactive reports whether lines come from a terminal (or nothing yet):
// errors neither count nor stop.
func (r *runState) interactive() bool { return r.src == nil || r.src.Interactive() }

// afterFailure records a failure: in non-interactive mode it counts (exit
// status 3) and may stop the run. It reports whether to stop.
func (r *runState) afterFailure() bool {
	if r.interactive() {
		return false
	}
	r.failures++
	return r.failedStop()
}

// failedStop reports whether failures stop a non-interactive run.
func (r *runState) failedStop() bool {
	return r.failures > 0 && r.stopOnError && !r.interactive()
}

// lostStop reports whether a lost connection ends a non-interactive run.
func (r *runState) lostStop() bool { return r.lost && !r.interactive() }

// stopAfterResult is the loop's stop condition after a command: a failure
// stops only once no \expect can excuse it.
func (r *runState) stopAfterResult() bool {
	return r.quit || r.lostStop() || (!r.pending && r.failedStop())
}

// markPending notes a failed command that a following \expect may excuse;
// shown is its NO or BAD as it will be reported when not excused (nil
// when the failure was shown already).
func (r *runState) markPending(shown error) {
	r.pending, r.pendingErr = true, shown
}

// settlePending turns a pending failure that no \expect excused into a
// failure: it returns the error to report now (nil: none) and whether the
// run must stop.
func (r *runState) settlePending() (report error, stop bool) {
	if !r.pending {
		return nil, false
	}
	r.pending = false
	if r.pendingErr != nil && !r.interactive() {
		report = r.pendingErr
	}
	return report, r.afterFailure()
}

// excuse forgets a pending failure (an \expect held, or reported its own).
func (r *runState) excuse() { r.pending = false }

// location is "file:line: " for a script source that knows it: of the
// line read last, or of the pipelined line being shown.
func (r *runState) location() string {
	at := r.at
	if at == "" {
		at = r.sourceAt()
	}
	if at == "" {
		return ""
	}
	return at + ": "
}

// sourceAt is the source's "file:line" now ("" when it does not know).
func (r *runState) sourceAt() string {
	if l, ok := r.src.(interface{ Location() string }); ok {
		return l.Location()
	}
	return ""
}

// errLost is what a connection closed without LOGOUT is reported as.
var errLost = errors.New("the connection was lost")
