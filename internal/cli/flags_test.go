package cli

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want func(*Options) // edits the defaults into the expected value
	}{
		{"nothing", nil, func(o *Options) {}},
		{"url", []string{"imaps://alice@h/INBOX"}, func(o *Options) { o.URL = "imaps://alice@h/INBOX" }},
		{"double dash and order of -c", []string{"--demo", "-c", "select INBOX", "--c", "fetch 1 flags"},
			func(o *Options) { o.Demo = true; o.Commands = []string{"select INBOX", "fetch 1 flags"} }},
		{"trace to stderr", []string{"--trace", "imap://h"}, func(o *Options) { o.Trace = TraceStderr; o.URL = "imap://h" }},
		{"trace to file", []string{"--trace=/tmp/t"}, func(o *Options) { o.Trace = "/tmp/t" }},
		{"trace-file", []string{"--trace-file", "/tmp/t"}, func(o *Options) { o.Trace = "/tmp/t" }},
		{"tls flags", []string{"--cafile", "ca.pem", "--pin", "sha256//a", "--pin", "sha256//b", "--insecure", "--cert", "c", "--key", "k"},
			func(o *Options) {
				o.CAFile, o.Pins, o.Insecure, o.CertFile, o.KeyFile = "ca.pem", []string{"sha256//a", "sha256//b"}, true, "c", "k"
			}},
		{"output flags", []string{"--json", "--raw", "--color=never", "--no-history", "--pipeline", "--continue-on-error", "--record", "r.imap"},
			func(o *Options) {
				o.JSON, o.Raw, o.Color, o.NoHistory, o.Pipeline, o.ContinueOnError, o.Record = true, true, "never", true, true, true, "r.imap"
			}},
		{"script and stream", []string{"-f", "-", "--stream", "doveadm exec imap", "--password-command", "pass imap"},
			func(o *Options) { o.File, o.Stream, o.PasswordCommand = "-", "doveadm exec imap", "pass imap" }},
		{"flags after the URL", []string{"--cafile", "ca", "imap://h/INBOX", "-c", "fetch 1 flags", "--json"},
			func(o *Options) {
				o.CAFile, o.URL, o.Commands, o.JSON = "ca", "imap://h/INBOX", []string{"fetch 1 flags"}, true
			}},
		{"double dash ends flags", []string{"--json", "--", "-weird-url"}, func(o *Options) { o.JSON, o.URL = true, "-weird-url" }},
		{"echo", []string{"-e", "-f", "s.imap"}, func(o *Options) { o.Echo, o.File = true, "s.imap" }},
		{"echo long", []string{"--echo", "-c", "noop"}, func(o *Options) { o.Echo, o.Commands = true, []string{"noop"} }},
		{"plaintext", []string{"--plaintext", "imap://h"}, func(o *Options) { o.Plaintext, o.URL = true, "imap://h" }},
		{"connect timeout", []string{"--connect-timeout", "2s", "h:143"}, func(o *Options) { o.ConnectTimeout, o.URL = 2*time.Second, "h:143" }},
		{"command timeout", []string{"--command-timeout", "10m"}, func(o *Options) { o.CommandTimeout = 10 * time.Minute }},
		{"format tsv", []string{"--format", "tsv"}, func(o *Options) { o.Format = "tsv" }},
		{"format json is --json", []string{"--format=JSON", "--no-pager"}, func(o *Options) { o.Format, o.JSON, o.NoPager = "JSON", true, true }},
		{"json and format json", []string{"--json", "--format", "json"}, func(o *Options) { o.Format, o.JSON = "json", true }},
		{"probe", []string{"--probe", "--json", "imaps://h"}, func(o *Options) { o.Probe, o.JSON, o.URL = true, true, "imaps://h" }},
		{"probe-write implies probe", []string{"--probe-write", "--demo"}, func(o *Options) { o.Probe, o.ProbeWrite, o.Demo = true, true, true }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.args, &bytes.Buffer{})
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.args, err)
			}
			want := &Options{Color: "auto", ConnectTimeout: 30 * time.Second, CommandTimeout: 2 * time.Minute}
			tt.want(want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Parse(%q)\n got %+v\nwant %+v", tt.args, got, want)
			}
		})
	}
}

func TestParseUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{"--bogus"}, "bogus"},
		{[]string{"a", "b"}, "one URL at most"},
		{[]string{"a", "--json", "b"}, "one URL at most"},
		{[]string{"--", "a", "-c"}, "one URL at most"},
		{[]string{"--color", "pink"}, "--color"},
		{[]string{"-c", "noop", "-f", "x.imap"}, "not both"},
		{[]string{"--demo", "imap://h"}, "--demo"},
		{[]string{"--stream", "cat", "imap://h"}, "--stream"},
		{[]string{"--cert", "c"}, "--key"},
		{[]string{"-c"}, "argument"},
		{[]string{"--connect-timeout", "0s"}, "--connect-timeout"},
		{[]string{"--connect-timeout", "soon"}, "connect-timeout"},
		{[]string{"--command-timeout", "0"}, "--command-timeout"},
		{[]string{"--probe"}, "needs a URL"},
		{[]string{"--format", "yaml"}, "table, tsv, csv, json"},
		{[]string{"--json", "--format", "csv"}, "give one format"},
		{[]string{"--raw", "--format", "tsv"}, "--raw"},
		{[]string{"--probe", "--format", "csv", "imap://h"}, "--probe"},
		{[]string{"--probe-write", "-c", "noop", "imap://h"}, "prints a report and exits"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.args, &bytes.Buffer{})
		if !errors.Is(err, ErrUsage) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("Parse(%q) = %v, want a usage error mentioning %q", tt.args, err, tt.msg)
		}
	}
}

func TestParseHelp(t *testing.T) {
	var out bytes.Buffer
	_, err := Parse([]string{"--help"}, &out)
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("err = %v, want flag.ErrHelp", err)
	}
	for _, want := range []string{"usage: imapsh", "-password-command", "-trace", "NO_COLOR", "imaps://"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("help lacks %q:\n%s", want, out.String())
		}
	}
}

func TestBatch(t *testing.T) {
	for _, tt := range []struct {
		o    Options
		want bool
	}{{Options{}, false}, {Options{Commands: []string{"noop"}}, true}, {Options{File: "-"}, true}} {
		if got := tt.o.Batch(); got != tt.want {
			t.Errorf("%+v.Batch() = %v", tt.o, got)
		}
	}
}

// TestExtraArgumentHidesPassword: the "one URL at most" error does not
// repeat a password given in a URL.
func TestExtraArgumentHidesPassword(t *testing.T) {
	_, err := Parse([]string{"imap://alice:S3cretPW@host/INBOX", "extra"}, io.Discard)
	if err == nil || strings.Contains(err.Error(), "S3cretPW") {
		t.Errorf("Parse error %v", err)
	}
}

// TestScriptFlagOnce: a second -f is an error, not a silent replacement.
func TestScriptFlagOnce(t *testing.T) {
	if _, err := Parse([]string{"-f", "a.imap", "-f", "b.imap"}, io.Discard); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("Parse(-f a -f b) = %v, want an error", err)
	}
}
