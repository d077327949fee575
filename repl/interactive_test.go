package repl

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestInteractivePromptAndInterrupt(t *testing.T) {
	h := newHarness(t, nil)
	var prompts []string
	src := &promptRecorder{scripted: scripted{interactive: true,
		lines: []string{"", "login demo demo", "examine INBOX", "select Nope"}, errs: map[int]error{0: ErrInterrupt}}, prompts: &prompts}
	if code := h.sess.Run(context.Background(), src); code != ExitOK {
		t.Errorf("interactive exit status %d, want 0", code)
	}
	want := []string{"127.0.0.1> ", "127.0.0.1> ", "demo@127.0.0.1> ", "demo@127.0.0.1 INBOX[23](ro)> ", "demo@127.0.0.1> "}
	if !reflect.DeepEqual(prompts, want) {
		t.Errorf("prompts = %q, want %q", prompts, want)
	}
	if !strings.Contains(h.stderr.String(), `(use \quit or Ctrl-D to exit)`) {
		t.Errorf("no exit hint after Ctrl-C:\n%s", h.stderr)
	}
}

// promptRecorder records the prompts it is given.
type promptRecorder struct {
	scripted
	prompts *[]string
}

func (p *promptRecorder) ReadLine(prompt string) (string, error) {
	*p.prompts = append(*p.prompts, prompt)
	return p.scripted.ReadLine(prompt)
}

func TestIncludeAndReconnect(t *testing.T) {
	h := newHarness(t, nil)
	dir := t.TempDir()
	script := filepath.Join(dir, "s.imap")
	os.WriteFile(script, []byte("# a script\nlogin demo ${PASS}\nselect Archive\n\\expect ok\n"), 0o644)
	src := &scripted{interactive: true, lines: []string{`\set PASS demo`, `\i ` + script, `\reconnect`, `\json on`, "noop"}}
	if code := h.sess.Run(context.Background(), src); code != ExitOK {
		t.Fatalf("exit status %d; stderr:\n%s", code, h.stderr)
	}
	if !strings.Contains(h.stdout.String(), `"command":"noop"`) {
		t.Errorf("no JSON after \\json on:\n%s", h.stdout)
	}
	if !strings.Contains(h.stderr.String(), "connected to") {
		t.Errorf("no reconnect note:\n%s", h.stderr)
	}
	if got := h.hist.Entries(); !reflect.DeepEqual(got[:2], []string{`\set PASS ***`, `\i ` + script}) {
		t.Errorf("history = %q", got)
	}
}

func TestReconnectReselects(t *testing.T) {
	h := newHarness(t, nil)
	var prompts []string
	src := &promptRecorder{scripted: scripted{interactive: true, lines: []string{"login demo demo", "select Archive", `\reconnect`, "noop"}}, prompts: &prompts}
	h.sess.Run(context.Background(), src)
	if last := prompts[len(prompts)-1]; !strings.Contains(last, "Archive[") {
		t.Errorf("after \\reconnect the prompt is %q, want Archive selected; stderr:\n%s", last, h.stderr)
	}
}

func TestMetaToggles(t *testing.T) {
	h := newHarness(t, nil)
	tee := filepath.Join(t.TempDir(), "out.txt")
	code := h.run(`\raw on`, "noop", `\raw off`, `\trace on`, "capability", `\trace off`,
		`\o `+tee, `\echo teed`, `\o`, `\echo not teed`, `\timing on`, "noop", `\set X 1`, `\set`)
	if code != ExitOK {
		t.Fatalf("exit status %d; stderr:\n%s", code, h.stderr)
	}
	out, errs := h.stdout.String(), h.stderr.String()
	for _, want := range []string{"A1 OK", "time: ", "\nX\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errs, "C: A2 CAPABILITY") || strings.Contains(errs, "NOOP") {
		t.Errorf("trace should show capability only:\n%s", errs)
	}
	if got, _ := os.ReadFile(tee); string(got) != "teed\n" {
		t.Errorf("\\o file = %q", got)
	}
}

// passwordSource answers ReadPassword with a fixed password.
type passwordSource struct {
	scripted
	password string
	asked    []string
}

func (p *passwordSource) ReadPassword(prompt string) (string, error) {
	p.asked = append(p.asked, prompt)
	return p.password, nil
}

func TestLoginAsksForPassword(t *testing.T) {
	h := newHarness(t, nil)
	src := &passwordSource{scripted: scripted{interactive: true, lines: []string{"login demo", "select INBOX"}}, password: "demo"}
	h.sess.Run(context.Background(), src)
	if !reflect.DeepEqual(src.asked, []string{"Password: "}) || !strings.Contains(h.stdout.String(), "OK [READ-WRITE]") {
		t.Errorf("asked %q; stdout:\n%s\nstderr:\n%s", src.asked, h.stdout, h.stderr)
	}
	if got := h.hist.Entries(); !reflect.DeepEqual(got, []string{"login demo", "select INBOX"}) {
		t.Errorf("history = %q", got)
	}
	h2 := newHarness(t, nil)
	if code := h2.run("login demo"); code != ExitFailures || !strings.Contains(h2.stderr.String(), "missing PASSWORD") {
		t.Errorf("non-interactive login without password: status %d, stderr:\n%s", code, h2.stderr)
	}
}
