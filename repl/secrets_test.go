package repl

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// fakeSession is a session on a transcript server (clienttest), whose
// wire trace goes to the returned buffer through a WireTap.
func fakeSession(t *testing.T, transcript string, configure func(*Config)) (*Session, *bytes.Buffer, *clienttest.Buffer) {
	t.Helper()
	trace := &bytes.Buffer{}
	tap := NewWireTap(client.TextTrace(trace))
	c, err := client.Dial(context.Background(), clienttest.Listen(t, transcript), client.DialOptions{
		Security: client.Plaintext, Options: client.Options{AllowPlaintextAuth: true, Trace: tap}})
	if err != nil {
		t.Fatal(err)
	}
	out := &clienttest.Buffer{}
	cfg := Config{Stdout: out, Stderr: out, Tap: tap, ContinueOnError: true}
	if configure != nil {
		configure(&cfg)
	}
	return NewSession(cfg, c, &Target{Host: "127.0.0.1"}), trace, out
}

// TestVariablesAreData: a ${VAR} value is sent as exactly its bytes,
// written quoted or bare, whatever it holds: a backslash, a quote, leading
// blanks, a literal marker, CR and LF (issue 8). Before, a\b went as ab
// and " lead" as lead.
func TestVariablesAreData(t *testing.T) {
	tests := []struct {
		value, wire string
		rawBare     bool // raw LOGIN bob ${P} sends it as well: a bare value that is a plain word goes as typed
	}{
		{`a\b`, `"a\\b"`, false},
		{`a"b`, `"a\"b"`, true},
		{" lead", `" lead"`, true},
		{"{5}", `"{5}"`, true},
		{"two words", `"two words"`, true},
		{"", `""`, true},
		{"a\r\nb", "{4}\nS: + go on\nCx: a\\r\\nb", true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.value), func(t *testing.T) {
			lines := []string{`login bob "${P}"`, `login bob ${P}`, `raw LOGIN bob "${P}"`}
			if tt.rawBare {
				lines = append(lines, `raw LOGIN bob ${P}`)
			}
			transcript := "S: * OK [CAPABILITY IMAP4rev1] ready\n"
			for i := range lines {
				tag := fmt.Sprintf("A%d", i+1)
				transcript += "C: " + tag + " LOGIN bob " + tt.wire + "\nS: " + tag + " NO [AUTHENTICATIONFAILED] no\n"
			}
			transcript += fmt.Sprintf("C: A%d LOGOUT\nS: * BYE\nS: A%[1]d OK bye\n", len(lines)+1)
			s, trace, out := fakeSession(t, transcript, nil)
			vars := map[string]string{"P": tt.value}
			s.Run(context.Background(), CommandSource(lines, func(n string) (string, bool) { v, ok := vars[n]; return v, ok }))
			if tt.value != "" && strings.Contains(trace.String(), tt.value) {
				t.Errorf("the trace shows the value:\n%s", trace)
			}
			if tt.value != "" && strings.Contains(out.String(), tt.value) {
				t.Errorf("the output shows the value:\n%s", out)
			}
		})
	}
}

// tracers hands each event to several tracers.
type tracers []client.Tracer

func (ts tracers) Trace(e client.TraceEvent) {
	for _, t := range ts {
		t.Trace(e)
	}
}

// TestRawLoginWithTabsMasked: a raw LOGIN or AUTHENTICATE whose words are
// separated by tabs goes out as typed, and the trace (--trace, and a
// --trace-file transcript) masks its credentials (issue 8).
func TestRawLoginWithTabsMasked(t *testing.T) {
	transcript := "S: * OK [CAPABILITY IMAP4rev1] ready\n" +
		"Cx: A1 LOGIN bob\\thunter2\nS: A1 NO no\n" +
		"Cx: A2 X1 LOGIN\\tbob\\thunter2\nS: A2 NO no\n" +
		"Cx: A3 AUTHENTICATE PLAIN\\tAGJvYgBodW50ZXIy\nS: A3 NO no\n" +
		"C: A4 LOGOUT\nS: A4 OK bye\n"
	lines := []string{"raw LOGIN bob\thunter2", "raw\tX1\tLOGIN\tbob\thunter2", "raw AUTHENTICATE PLAIN\tAGJvYgBodW50ZXIy"}
	var file bytes.Buffer
	s, trace, out := fakeSession(t, transcript, nil)
	s.tap.sink = tracers{client.TextTrace(trace), NewTranscriptWriter(&file)}
	s.Run(context.Background(), &scripted{lines: lines})
	for where, text := range map[string]string{"trace": trace.String(), "trace file": file.String(), "output": out.String()} {
		if strings.Contains(text, "hunter2") || strings.Contains(text, "AGJvYgBodW50ZXIy") {
			t.Errorf("the %s shows the credentials:\n%s", where, text)
		}
	}
	for _, want := range []string{"C: A1 LOGIN bob\t***\n", "C: A2 X1 LOGIN\tbob\t***\n", "C: A3 AUTHENTICATE PLAIN\t***\n"} {
		if !strings.Contains(trace.String(), want) {
			t.Errorf("trace:\n%s\nwant the line %q", trace, want)
		}
	}
}

// TestJSONNeverShowsURLPassword: --json with \connect URL-WITH-PASSWORD
// shows the URL's password in no field (issue 8).
func TestJSONNeverShowsURLPassword(t *testing.T) {
	s := NewSession(Config{JSON: true, Connect: func(context.Context, *Target) (*client.Client, error) {
		t.Fatal("a URL with a password must not be dialled")
		return nil, nil
	}}, nil, nil)
	var out clienttest.Buffer
	s.stdout, s.stderr, s.out = &out, &out, &out
	lines := []string{`\connect imaps://bob:s3cr3tpw@host`, `\connect imaps://bob:s3cr3tpw@host extra`, `\connect imaps://bob:s3cr3t pw@host`}
	s.Run(context.Background(), &scripted{lines: lines})
	if strings.Contains(out.String(), "s3cr3t") {
		t.Errorf("the output shows the password:\n%s", out.String())
	}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if strings.HasPrefix(line, "{") && json.Valid([]byte(line)) == false {
			t.Errorf("not JSON: %s", line)
		}
	}
}

// TestJSONEscapesControls: --json escapes the C1 controls and bidi
// characters a server sends (\u009b, \u202e, ...), as the text output
// neutralises them, so that a terminal showing the JSON is safe (issue 8).
func TestJSONEscapesControls(t *testing.T) {
	hostile := "\u009b2J \u202eevil\u202c \u2066x\u2069 \u0085"
	transcript := "S: * OK [CAPABILITY IMAP4rev1] ready\nC: A1 NOOP\nS: * 3 EXISTS\nS: A1 OK " + hostile + "\n" +
		"C: A2 LOGOUT\nS: A2 OK bye\n"
	s, _, out := fakeSession(t, transcript, func(c *Config) { c.JSON = true })
	s.Run(context.Background(), &scripted{lines: []string{"noop"}})
	got := out.String()
	for _, r := range hostile {
		if r > 0x7f && strings.ContainsRune(got, r) {
			t.Errorf("the JSON holds %U raw:\n%s", r, got)
		}
	}
	var obj struct{ Text string }
	if err := json.Unmarshal([]byte(strings.TrimSpace(got)), &obj); err != nil || obj.Text != hostile {
		t.Errorf("the JSON does not decode to the server's text: %q, %v\n%s", obj.Text, err, got)
	}
}
