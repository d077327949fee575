package repl

import (
	"strings"
	"testing"

	"imapsh/render"
)

// TestFormatSwitch: \format switches between rows, tables and JSON; in
// rows mode stdout holds only rows (blocks separated by an empty line),
// and answers to questions and timings go to stderr. (Messages 3 and 4:
// the demo sends two flags in no fixed order.)
func TestFormatSwitch(t *testing.T) {
	h := newHarness(t, nil)
	h.runInteractive("login demo demo", `\format tsv`, `\timing on`, "select NoSuchBox", `\timing off`,
		"select INBOX", "fetch 3:4 (UID FLAGS)", `\format`, `\format table`, "fetch 1:2 (UID)", `\format json`, `\format`, `\format yaml`)
	out := h.stdout.String()
	want := "mailbox\tmode\texists\trecent\tunseen\tuidvalidity\tuidnext\thighestmodseq\tflags\tpermanentflags\n" +
		"INBOX\tread-write\t23\t0\t3\t1\t24\t\t\\answered \\flagged \\seen\t\\answered \\flagged \\seen \\*\n" +
		"\n" +
		"seq\tuid\tflags\tinternaldate\tsize\tmodseq\tdate\tfrom\tfrom_name\tto\tsubject\tmessage_id\n" +
		"3\t3\t\t\t\t\t\t\t\t\t\t\n" +
		"4\t4\t\\seen\t\t\t\t\t\t\t\t\t\n" +
		"#  UID\n1    1\n"
	if !strings.Contains(out, want) {
		t.Errorf("stdout:\n%s\nwant it to hold:\n%s", out, want)
	}
	errs := h.stderr.String()
	for _, w := range []string{"format: tsv\n", "time: ", "NO [NONEXISTENT]", `unknown format "yaml"`} {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errs)
		}
	}
	if !strings.Contains(out, `{"command":"\\format","responses":[],"status":"OK","elapsed_ms":`) || !strings.Contains(out, `"format":"json"}`) {
		t.Errorf("\\format in JSON mode: no object with the format:\n%s", out)
	}
	if strings.Contains(out, "time:") || strings.Contains(out, "NO [") {
		t.Errorf("stdout holds more than rows and tables:\n%s", out)
	}
	if h.sess.currentFormat() != render.FormatJSON || !h.sess.json {
		t.Errorf("\\format json: format %v, json %v", h.sess.currentFormat(), h.sess.json)
	}
}

// TestFormatConfig: Config.Format json is --json; \json off goes back to
// the text format there was.
func TestFormatConfig(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.Format = render.FormatJSON })
	if !h.sess.json {
		t.Fatal("Format json did not turn JSON on")
	}
	h = newHarness(t, func(c *Config) { c.Format = render.FormatCSV })
	h.runInteractive(`\json on`, `\json off`, `\format`)
	if got := h.stderr.String(); !strings.HasSuffix(got, "\nformat: csv\n") {
		t.Errorf("after \\json on and off: %q", got)
	}
}
