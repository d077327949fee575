package main

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files of the binary's tests")

// TestBinaryFormats runs one script against the demo in each output
// format: stdout must equal testdata/e2e/formats.<format> (go test -run
// TestBinaryFormats -update rewrites them), and what has no rows goes to
// stderr.
func TestBinaryFormats(t *testing.T) {
	for _, format := range []string{"tsv", "csv", "table"} {
		t.Run(format, func(t *testing.T) {
			r := imapsh(t, testEnv(t), "", "--demo", "--format", format, "-f", "testdata/e2e/formats.imap")
			want := check{code: 0, stderr: []string{`note: FETCH rows leave out BODY[HEADER.FIELDS ("SUBJECT")]`}}
			if format == "table" {
				want = check{code: 0, notStderr: []string{"note:"}}
			}
			want.verify(t, r)
			golden(t, filepath.Join("testdata", "e2e", "formats."+format), []byte(r.stdout))
		})
	}
}

// TestBinaryCSVParses reads the CSV back with encoding/csv (RFC 4180):
// each block (separated by an empty line) has records as wide as its
// header; --json is --format json.
func TestBinaryCSVParses(t *testing.T) {
	r := imapsh(t, testEnv(t), "", "--demo", "--format", "csv", "-f", "testdata/e2e/formats.imap")
	for _, block := range strings.Split(r.stdout, "\r\n\r\n") {
		records, err := csv.NewReader(strings.NewReader(block)).ReadAll()
		if err != nil || len(records) == 0 {
			t.Fatalf("block does not parse: %v\n%s", err, block)
		}
	}
	a := imapsh(t, testEnv(t), "", "--demo", "--format", "json", "-c", "select INBOX", "-c", "fetch 1 (UID)")
	b := imapsh(t, testEnv(t), "", "--demo", "--json", "-c", "select INBOX", "-c", "fetch 1 (UID)")
	if cut := func(s string) string { return strings.Split(s, `"elapsed_ms"`)[0] }; cut(a.stdout) != cut(b.stdout) {
		t.Errorf("--format json and --json differ:\n%s\n%s", a.stdout, b.stdout)
	}
}

// golden compares got with the file, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *updateGolden {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -run %s -update writes it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("stdout differs from %s:\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}

// TestBinaryRowsMetaOnStderr: with --format tsv or csv stdout holds only
// rows, so what a meta-command prints for reading (\echo, \set, help,
// \history, \record, the mailbox \reconnect restored) goes to stderr, as
// \format's answer does.
func TestBinaryRowsMetaOnStderr(t *testing.T) {
	script := "\\echo hello there\n\\set X y\n\\set\nhelp fetch\n\\record\n\\history\nselect INBOX\n\\reconnect\n"
	for _, format := range []string{"tsv", "csv"} {
		t.Run(format, func(t *testing.T) {
			r := imapsh(t, testEnv(t), script, "--demo", "--no-history", "--format", format)
			check{code: 0, stdout: []string{"mailbox", "INBOX"},
				stderr:    []string{"hello there", "usage: fetch", "not recording"},
				notStdout: []string{"hello there", "23 messages", "usage: fetch", "not recording", "X\n", "X\r\n"}}.verify(t, r)
			if first := strings.SplitN(r.stdout, "\n", 2)[0]; !strings.HasPrefix(first, "mailbox") {
				t.Errorf("stdout starts with %q, want the SELECT header", first)
			}
		})
	}
}
