package repl

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/internal/cmdline"
	"imapsh/scripts"
)

// pipelineScript uses every pipelinable command the demo server offers,
// with a NO in the middle, interleaved with lines that must wait.
var pipelineScript = []string{
	"login demo demo",
	"select INBOX",
	`uid store 1 +flags \Flagged`,
	`uid store 2 +flags \Flagged`,
	"uid fetch 1:3 (FLAGS)",
	"uid search ALL",
	"uid copy 3 Archive",
	"noop",
	"check",
	"status Archive (MESSAGES)",
	`store 2 +flags \Seen`,
	"fetch 1:3 (UID FLAGS)",
	"search UNSEEN",
	"copy 1:2 Archive",
	"copy 1 NoSuchBox",
	`\expect code TRYCREATE`,
	"move 4 Archive",
	"uid move 6 Archive",
	`store 1 +flags \Deleted`,
	"uid expunge 1",
	"expunge",
	"fetch 1:2 (UID FLAGS)",
	"select Archive",
	"fetch 1:* (UID FLAGS)",
	`uid store 1:2 -flags \Seen`,
	"bogus-command",
	"uid fetch 1 (FLAGS)",
}

// runPipelineScript runs the script on a fresh demo server and returns
// stdout, stderr, the exit status and the wire trace.
func runPipelineScript(t *testing.T, pipeline, json bool) (stdout, stderr string, code int, trace string) {
	t.Helper()
	h := newHarness(t, func(c *Config) { c.Pipeline, c.JSON, c.ContinueOnError = pipeline, json, true })
	wire := &lockedBuffer{}
	h.sess.tap.setTracing(true, client.TextTrace(wire))
	code = h.run(pipelineScript...)
	return h.stdout.String(), h.stderr.String(), code, wire.String()
}

// longestWriteAhead is the most tagged commands the client wrote in a row
// without reading anything in between.
func longestWriteAhead(trace string) int {
	longest, run := 0, 0
	for _, l := range strings.Split(trace, "\n") {
		switch {
		case strings.HasPrefix(l, "C: A"):
			run++
			longest = max(longest, run)
		case strings.HasPrefix(l, "S: "):
			run = 0
		}
	}
	return longest
}

var (
	elapsedField = regexp.MustCompile(`"elapsed_ms":[0-9.e+-]+`)
	flagRun      = regexp.MustCompile(`\\{1,2}\w+(?:(?: |",")\\{1,2}\w+)+`)
)

// sortFlags puts each run of flags ("\seen \flagged" rendered, or
// "\\seen","\\flagged" in JSON) in order: the demo server's in-memory
// backend lists a message's flags in map order.
func sortFlags(out string) string {
	return flagRun.ReplaceAllStringFunc(out, func(run string) string {
		sep := " "
		if strings.Contains(run, `","`) {
			sep = `","`
		}
		flags := strings.Split(run, sep)
		sort.Strings(flags)
		return strings.Join(flags, sep)
	})
}

// TestPipelineOutputMatchesLockstep: the same script gives the same
// output, errors and exit status with and without \pipeline, rendered and
// as JSON, while the pipelined run really writes ahead.
func TestPipelineOutputMatchesLockstep(t *testing.T) {
	for _, json := range []bool{false, true} {
		name := map[bool]string{false: "rendered", true: "json"}[json]
		t.Run(name, func(t *testing.T) {
			out0, err0, code0, trace0 := runPipelineScript(t, false, json)
			out1, err1, code1, trace1 := runPipelineScript(t, true, json)
			if json {
				out0, out1 = elapsedField.ReplaceAllString(out0, ""), elapsedField.ReplaceAllString(out1, "")
			}
			out0, out1 = sortFlags(out0), sortFlags(out1)
			if out0 != out1 {
				t.Errorf("stdout differs from line %s", firstDifference(out0, out1))
			}
			if err0 != err1 || code0 != code1 {
				t.Errorf("stderr/exit differ: lockstep %d %q, pipelined %d %q", code0, err0, code1, err1)
			}
			if code0 != ExitFailures || !strings.Contains(err0, `unknown command "bogus-command"`) {
				t.Errorf("the script's one error was not reported: exit %d, stderr %q", code0, err0)
			}
			if n := longestWriteAhead(trace0); n != 1 {
				t.Errorf("lockstep run wrote %d commands ahead", n)
			}
			if n := longestWriteAhead(trace1); n < 8 {
				t.Errorf("pipelined run wrote at most %d commands ahead, want the first run of 8:\n%s", n, trace1)
			}
		})
	}
}

// TestPipelineScriptCoversTable: every command marked Pipe is exercised
// by pipelineScript, unless the demo server lacks its capability.
func TestPipelineScriptCoversTable(t *testing.T) {
	used := map[*Command]bool{}
	for _, line := range pipelineScript {
		toks, err := cmdline.Lex(line)
		if err != nil {
			t.Fatal(err)
		}
		if cmd, _ := lookupCommand(toks); cmd != nil {
			used[cmd] = true
		}
	}
	demoLacks := map[string]bool{"SORT": true, "THREAD=REFERENCES": true}
	for _, cmd := range Commands() {
		if !cmd.Pipe || used[cmd] || (cmd.Need != nil && len(cmd.Need.Caps) > 0 && demoLacks[string(cmd.Need.Caps[0])]) {
			continue
		}
		t.Errorf("%s is marked Pipe but pipelineScript does not use it", cmd.Name)
	}
	for _, cmd := range Commands() {
		if cmd.Pipe && (cmd.IsMeta() || cmd.Raw) {
			t.Errorf("%s: only IMAP commands can be pipelined", cmd.Name)
		}
	}
}

// TestPipelineStopsAtFailure: with ON_ERROR_STOP a failed command ends the
// run; commands already sent after it are read but not shown, and a note
// says so. An \expect right after the failure still excuses it.
func TestPipelineStopsAtFailure(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.Pipeline = true })
	code := h.run("login demo demo", "select INBOX",
		"uid fetch 1 (FLAGS)", "copy 1 NoSuchBox", `\expect no`,
		"uid fetch 2 (FLAGS)", "copy 2 NoSuchBox", "uid fetch 3 (FLAGS)", "uid fetch 4 (FLAGS)", "noop")
	if code != ExitFailures {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitFailures, h.stderr)
	}
	out := h.stdout.String()
	if !strings.Contains(out, "#2 uid 2") || strings.Contains(out, "uid 3") {
		t.Errorf("want results up to the failure and none after it:\n%s", out)
	}
	if want := "note: 3 more pipelined command(s) had already been sent"; !strings.Contains(h.stderr.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, h.stderr)
	}
}

// firstDifference shows where two outputs part, with the lines around it.
func firstDifference(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	i := 0
	for i < len(la) && i < len(lb) && la[i] == lb[i] {
		i++
	}
	around := func(l []string) string { return strings.Join(l[max(0, i-3):min(len(l), i+4)], "\n") }
	return fmt.Sprintf("%d.\nlockstep:\n%s\npipelined:\n%s", i+1, around(la), around(lb))
}

// TestPipelineKeepsMailAfterFailure: with errors stopping the script, a
// line that deletes mail waits for the answers before it, so a failed
// COPY stops the run before the STORE \Deleted and EXPUNGE go out.
func TestPipelineKeepsMailAfterFailure(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.Pipeline = true })
	code := h.run("login demo demo", "select INBOX",
		"uid copy 1 NoSuchBox", `uid store 1 +flags \Deleted`, "expunge", "uid move 2 NoSuchBox")
	if code != ExitFailures {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitFailures, h.stderr)
	}
	c, err := demoConnector(h.srv, nil)(context.Background(), &Target{User: h.srv.User, Mailbox: "INBOX"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	res, err := c.Fetch(context.Background(), "1", "(FLAGS)", client.FetchOptions{UID: true})
	msgs := client.Of[*client.FetchData](res)
	if err != nil || len(msgs) != 1 {
		t.Fatalf("message uid 1 is gone: %v %v", msgs, err)
	}
	for _, f := range msgs[0].Flags {
		if strings.EqualFold(f, `\Deleted`) {
			t.Errorf("message uid 1 was marked \\Deleted after the failed copy: %v", msgs[0].Flags)
		}
	}
}

// TestPipelineErrorNamesItsLine: a pipelined command's NO names the line
// it came from, not the line the reader had reached when the answer was
// shown (copy on line 3 was reported as check.imap:4, the next line).
func TestPipelineErrorNamesItsLine(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.Pipeline = true })
	script := "login demo demo\nselect INBOX\ncopy 1 NoSuchBox\nuid fetch 1 (FLAGS)\nnoop\n"
	src := NewScriptSource(scripts.NewReader("check.imap", strings.NewReader(script), scripts.Options{}))
	if code := h.sess.Run(context.Background(), src); code != ExitFailures {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitFailures, h.stderr)
	}
	if want := "error: check.imap:3: copy 1 NoSuchBox: COPY: NO"; !strings.Contains(h.stderr.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, h.stderr)
	}
}
