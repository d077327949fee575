package repl

import (
	"encoding/json"
	"strings"
	"testing"

	"imapsh/internal/probe"
)

// TestProbeCommand: \probe on the shell's connection to the demo server
// finds what the demo is known to do, selects the mailbox again and
// leaves the \trace switch as it was.
func TestProbeCommand(t *testing.T) {
	h := newHarness(t, nil)
	if code := h.run("login demo demo", "examine Sent", `\probe`, "noop"); code != ExitOK {
		t.Fatalf("exit %d, stderr %s", code, h.stderr.String())
	}
	out := h.stdout.String()
	for _, want := range []string{"imapsh probe of imap://", "— read-only", "EXTENSIONS", "✗ literal-after-refused-command",
		"LATENCY", "selected Sent again, as before the probe", "RESULT 2 announced capabilities broken: LITERAL+, LIST-EXTENDED; 3 deviations"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if m := h.sess.c.Mailbox(); m == nil || m.Name != "Sent" || !m.ReadOnly {
		t.Errorf("mailbox after \\probe: %+v", m)
	}
	if h.sess.tap.on {
		t.Error(`\probe left the trace on`)
	}
}

// TestProbeCommandWriteJSON: \probe write in JSON mode prints the report
// as one JSON line, and the scratch mailboxes are gone.
func TestProbeCommandWriteJSON(t *testing.T) {
	h := newHarness(t, nil)
	h.run("login demo demo", `\json on`, `\probe write`)
	lines := strings.Split(strings.TrimSpace(h.stdout.String()), "\n")
	var rep probe.Report
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &rep); err != nil {
		t.Fatalf("last line is not the report: %v\n%s", err, h.stdout.String())
	}
	if rep.Mode != probe.ModeWrite || rep.Scratch == nil || len(rep.Scratch.Mailboxes) < 2 || len(rep.Scratch.LeftBehind) != 0 {
		t.Fatalf("report %+v scratch %+v", rep.Mode, rep.Scratch)
	}
	before := len(h.stdout.String())
	h.run(`\json off`, `list "" imapsh-probe-*`)
	if listed := h.stdout.String()[before:]; strings.Contains(listed, "imapsh-probe-") {
		t.Errorf("left behind:\n%s", listed)
	}
}

// TestProbeCommandUsage: \probe takes write or nothing, and needs a login.
func TestProbeCommandUsage(t *testing.T) {
	h := newHarness(t, nil)
	if code := h.run(`\probe`); code != ExitFailures || !strings.Contains(h.stderr.String(), "needs a logged-in session") {
		t.Errorf("before login: exit %d, %s", code, h.stderr.String())
	}
	h = newHarness(t, nil)
	if code := h.run("login demo demo", `\probe everything`); code != ExitFailures || !strings.Contains(h.stderr.String(), `say \probe or \probe write`) {
		t.Errorf("bad argument: exit %d, %s", code, h.stderr.String())
	}
}
