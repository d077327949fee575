// Package probe finds out what an IMAP server really does, as testssl.sh
// does for TLS: imapsh --probe URL and the shell's \probe.
//
// # Shape
//
// A probe is a run over one connection (run.go): the connection section
// (connect.go: greeting, TLS and the certificate, STARTTLS and what the
// server offers before it, login, the capabilities at each stage), then
// the checks, then the latency samples (latency.go), then the clean-up of
// the scratch mailboxes (scratch.go). Everything goes into a Report,
// which render prints as text (render.Probe) or JSON (render.ProbeJSON).
//
// The checks are one list in one place (checks.go). A check runs
// commands through imapsh's client as steps (step.go); each step keeps
// its parsed result and its wire lines, which the Recorder (wire.go, the
// one adapter between the client's trace and the probe) hands over. A
// check does not judge: it states on its steps what the RFC expects
// (Expect, Wants, Expected/Got) and records context (ReadOnly, Asked).
//
// The detectors are one list in one place (detectors.go). Each is a small
// function over the steps that returns findings; a finding becomes a
// Deviation with the RFC section, what was sent, what came back
// (evidence.go) and what a client must do. A violation names the
// capability it breaks; an announced capability with a violation is
// broken (extensions.go), and a broken one makes the exit status
// ExitBroken. Every detector has a transcript test that shows it firing
// and one that shows it silent (detectors_test.go).
//
// # Rules
//
// Read-only unless Options.Write: the probe EXAMINEs, never SELECTs,
// STOREs, APPENDs or EXPUNGEs outside the two scratch mailboxes
// (imapsh-probe-SUFFIX and imapsh-probe-SUFFIX-to under the personal
// namespace) that the write checks create and the clean-up deletes,
// reporting what is left if that fails. ENABLE cannot be undone: on the
// shell's connection what it enabled stays on, and the report says so.
//
// Every check runs on its own goroutine within Options.CheckTimeout; one
// that outlives it is cut off by closing its connection, and the probe
// goes on with a new one (or, on the shell's connection, skips the rest
// and says why). Literals the probe sends hold tagged NOOPs, so a server
// that misreads one as commands answers harmlessly and visibly.
package probe
