package servers

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

func TestParseProcStat(t *testing.T) {
	tests := []struct {
		stat      string
		state     string
		pgrp      int
		wantParse bool
	}{
		{"42 (dovecot) S 1 42 42 0 -1", "S", 42, true},
		{"43 (imap (x) y) Z 42 42 42 0", "Z", 42, true},
		{"44 (a b) R 1", "", 0, false},
		{"garbage", "", 0, false},
	}
	for _, tt := range tests {
		state, pgrp, ok := parseProcStat(tt.stat)
		if ok != tt.wantParse || (ok && (state != tt.state || pgrp != tt.pgrp)) {
			t.Errorf("parseProcStat(%q) = %q, %d, %v; want %q, %d, %v",
				tt.stat, state, pgrp, ok, tt.state, tt.pgrp, tt.wantParse)
		}
	}
}

func TestQuote(t *testing.T) {
	tests := map[string]string{
		"INBOX":       `"INBOX"`,
		`a "b" \c`:    `"a \"b\" \\c"`,
		"INBOX.Work":  `"INBOX.Work"`,
		"&AMQ-rger":   `"&AMQ-rger"`,
		"":            `""`,
		"Work/Report": `"Work/Report"`,
	}
	for in, want := range tests {
		if got := quote(in); got != want {
			t.Errorf("quote(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestReservePortsAreExclusive(t *testing.T) {
	ports := reservePorts(t, 4)
	seen := map[int]bool{}
	for _, p := range ports {
		if p < portMin || p >= portMax || seen[p] {
			t.Fatalf("bad or duplicate port %d in %v", p, ports)
		}
		seen[p] = true
		if lock, err := claimPort(p); err == nil {
			lock.Close()
			t.Errorf("port %d could be claimed twice", p)
		}
	}
}

// recordingTB captures Skip and Fatalf instead of ending a real test.
type recordingTB struct {
	testing.TB
	skipped, failed string
}

func (r *recordingTB) Helper() {}

func (r *recordingTB) Skip(args ...any) {
	r.skipped = fmt.Sprint(args...)
	runtime.Goexit()
}

func (r *recordingTB) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func TestMissingSkipsUnlessRequired(t *testing.T) {
	tests := []struct {
		env                   string
		wantSkip, wantFailure bool
	}{
		{"", true, false},
		{"0", true, false},
		{"1", false, true},
	}
	for _, tt := range tests {
		t.Setenv(RequireEnv, tt.env)
		rec := &recordingTB{}
		done := make(chan struct{})
		go func() {
			defer close(done)
			missing(rec, "dovecot not installed: run .ci/install-servers.sh")
		}()
		<-done
		if (rec.skipped != "") != tt.wantSkip || (rec.failed != "") != tt.wantFailure {
			t.Errorf("%s=%q: skipped %q, failed %q", RequireEnv, tt.env, rec.skipped, rec.failed)
		}
		if msg := rec.skipped + rec.failed; !strings.Contains(msg, ".ci/install-servers.sh") {
			t.Errorf("message %q does not say how to install", msg)
		}
	}
}
