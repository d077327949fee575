package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"imapsh/internal/demo"
	"imapsh/repl"
)

// jsonScript exercises every meta-command (TestBinaryJSONOnly checks the
// list against the command table) between IMAP commands; %s are the
// included script, the \o file, the recording and the demo's URL.
const jsonScript = `\help
help all
help fetch
\? scripts
\timing on
noop
\timing off
\format
\format json
\pager
\pager off
\echo hello ${NAME}
\set BOX INBOX
\set TOKEN abc
\set
\unset BOX
\trace on
noop
\trace off
\raw on
noop
\raw off
\pipeline on
noop
\pipeline off
\o %[2]s
\echo teed
\o
\record
\record %[3]s
\record off
\history
\i %[1]s
select INBOX
\expect ok
\expect no
\probe
examine INBOX
\reconnect
\connect %[4]s/Archive
\connect imap://demo@127.0.0.1:1
\json off
\json on
\quit
`

// TestBinaryJSONOnly: under --json every line on stdout is one JSON
// object, whatever the commands, meta-commands included (issue 11,
// defect 5).
func TestBinaryJSONOnly(t *testing.T) {
	checkScriptCoversMetaCommands(t, jsonScript)
	srv, err := demo.Start(demo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	dir := t.TempDir()
	include := filepath.Join(dir, "inc.imap")
	os.WriteFile(include, []byte("noop\n\\echo included\n"), 0o600)
	url := "imap://demo@" + srv.Addr
	script := filepath.Join(dir, "all.imap")
	text := strings.NewReplacer("%[1]s", include, "%[2]s", filepath.Join(dir, "out.txt"),
		"%[3]s", filepath.Join(dir, "rec.imap"), "%[4]s", url).Replace(jsonScript)
	os.WriteFile(script, []byte(text), 0o600)
	r := imapsh(t, testEnv(t, "IMAPSH_PASSWORD="+srv.Password, "NAME=world"), "", "--plaintext", "--json", "--continue-on-error", url, "-f", script)
	if r.code != 3 { // \expect no and the unreachable \connect fail
		t.Errorf("exit status %d, want 3\n%s", r.code, r)
	}
	seen := map[string]map[string]any{}
	for i, line := range strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n") {
		var obj map[string]any
		if err := json.Unmarshal([]byte(line), &obj); err != nil {
			t.Fatalf("stdout line %d is not a JSON object: %v\n%s", i+1, err, line)
		}
		if cmd, ok := obj["command"].(string); ok {
			seen[cmd] = obj
		}
	}
	checkMetaObjects(t, seen)
	if t.Failed() {
		t.Logf("%s", r)
	}
}

// checkMetaObjects checks the fields a few meta-commands add.
func checkMetaObjects(t *testing.T, seen map[string]map[string]any) {
	t.Helper()
	want := map[string]string{
		`\echo hello ${NAME}`: `"output":"hello ${NAME}"`,
		`\set`:                `"variables":[{"name":"BOX","secret":false},{"name":"TOKEN","secret":true}]`,
		`\record`:             `"recording":{"active":false}`,
		`\reconnect`:          `"restored":{"mailbox":"INBOX","mode":"EXAMINE"}`,
		`help fetch`:          `"name":"fetch"`,
		`\echo included`:      `"output":"included"`, // \i in a script is the reader's: its lines, no object of its own
		`\history`:            `"status":"OK"`,
		`\expect no`:          `"status":"ERROR"`,
		`\json on`:            `"status":"OK"`,
		`\format`:             `"format":"json"`,
		`\pager`:              `"pager":{"command":"less -FRX","on":true}`,
		`\pager off`:          `"status":"OK"`,
	}
	for cmd, field := range want {
		obj := seen[cmd]
		b, _ := json.Marshal(obj)
		if obj == nil || !strings.Contains(string(b), strings.TrimSuffix(field, "}")) {
			t.Errorf("%s: object lacks %s:\n%s", cmd, field, b)
		}
	}
	if obj := seen[`\connect imap://demo@127.0.0.1:1`]; obj == nil || obj["status"] != "ERROR" {
		t.Errorf("the failed \\connect: %v", obj)
	}
}

// checkScriptCoversMetaCommands fails when a meta-command of the table is
// missing from the script, so that a new one is checked too.
func checkScriptCoversMetaCommands(t *testing.T, script string) {
	t.Helper()
	for _, cmd := range repl.Commands() {
		if !cmd.IsMeta() {
			continue
		}
		names := append([]string{cmd.Name}, cmd.Aliases...)
		found := false
		for _, n := range names {
			for _, line := range strings.Split(script, "\n") {
				found = found || line == n || strings.HasPrefix(line, n+" ")
			}
		}
		if !found {
			t.Errorf("the script does not run %s", cmd.Name)
		}
	}
}
