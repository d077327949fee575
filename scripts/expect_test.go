package scripts

import (
	"strings"
	"testing"
)

// fakeOutcome is an Outcome built from fields.
type fakeOutcome struct {
	status, code string
	counts       map[string]int
	exists       uint32
	known        bool
	raw          []string
}

func (o fakeOutcome) Status() string         { return o.status }
func (o fakeOutcome) Code() string           { return o.code }
func (o fakeOutcome) Count(kind string) int  { return o.counts[kind] }
func (o fakeOutcome) Exists() (uint32, bool) { return o.exists, o.known }
func (o fakeOutcome) RawLines() []string     { return o.raw }

func TestExpectationCheck(t *testing.T) {
	appendOK := fakeOutcome{
		status: "OK", code: "APPENDUID",
		counts: map[string]int{"FETCH": 5, "EXISTS": 1},
		exists: 3, known: true,
		raw: []string{"* 3 EXISTS", "A4 OK [APPENDUID 1 5] Append completed."},
	}
	createNo := fakeOutcome{status: "NO", code: "TRYCREATE", raw: []string{"A5 NO [TRYCREATE] Mailbox doesn't exist: Nope"}}
	nothing := fakeOutcome{}
	tests := []struct {
		args    string
		outcome fakeOutcome
		wantErr string // "" when the expectation is met
	}{
		{"ok", appendOK, ""},
		{"OK", appendOK, ""},
		{"no", appendOK, "expected NO, got OK"},
		{"bad", createNo, "expected BAD, got NO"},
		{"ok", nothing, "expected OK, got no tagged answer"},
		{"code TRYCREATE", createNo, ""},
		{"code trycreate", createNo, ""},
		{"code TRYCREATE", appendOK, "expected code TRYCREATE, got code APPENDUID"},
		{"code NONEXISTENT", nothing, "expected code NONEXISTENT, got no response code"},
		{"count FETCH 5", appendOK, ""},
		{"count fetch 5", appendOK, ""},
		{"count FETCH 4", appendOK, "expected 4 FETCH responses, got 5"},
		{"count LIST 0", appendOK, ""},
		{"count list 2", appendOK, "expected 2 LIST responses, got 0"},
		{"exists 3", appendOK, ""},
		{"exists 4", appendOK, "expected EXISTS 4, got 3"},
		{"exists 0", nothing, "expected EXISTS 0, but no mailbox is selected"},
		{`match ^A\d+ OK \[APPENDUID 1 \d+\]`, appendOK, ""},
		{"match Mailbox doesn't exist", createNo, ""},
		{"match ^\\* \\d+ RECENT$", appendOK, `no server line matches /^\* \d+ RECENT$/ (2 lines)`},
		{"match .", nothing, "no server line matches /./ (0 lines)"},
	}
	for _, tt := range tests {
		e, err := ParseExpect(tt.args)
		if err != nil {
			t.Errorf("ParseExpect(%q): %v", tt.args, err)
			continue
		}
		err = e.Check(tt.outcome)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("%q: unexpected failure %v", tt.args, err)
		case tt.wantErr != "" && (err == nil || err.Error() != tt.wantErr):
			t.Errorf("%q: err = %v, want %q", tt.args, err, tt.wantErr)
		}
	}
}

func TestZeroExpectationFails(t *testing.T) {
	if err := (Expectation{}).Check(fakeOutcome{status: "OK"}); err == nil {
		t.Fatal("the zero Expectation passed a check")
	}
}

func TestParseExpectErrors(t *testing.T) {
	tests := []struct{ args, want string }{
		{"", `\expect needs an argument`},
		{"   ", `\expect needs an argument`},
		{"maybe", `unknown expectation "maybe"`},
		{"ok now", `\expect ok takes no argument`},
		{"code", `\expect code needs one response code`},
		{"code A B", `\expect code needs one response code`},
		{"count FETCH", `\expect count needs a response kind and a number`},
		{"count FETCH x", `\expect count: "x" is not a count`},
		{"count FETCH -1", `\expect count: "-1" is not a count`},
		{"exists", `\expect exists needs one number`},
		{"exists 4294967296", `\expect exists: "4294967296" is not a message count`},
		{"match", `\expect match needs a regular expression`},
		{"match (", `\expect match: error parsing regexp`},
	}
	for _, tt := range tests {
		_, err := ParseExpect(tt.args)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("ParseExpect(%q) = %v, want prefix %q", tt.args, err, tt.want)
		}
	}
}

func TestExpectationString(t *testing.T) {
	tests := []struct{ args, want string }{
		{"OK", `\expect ok`},
		{" no ", `\expect no`},
		{"Bad", `\expect bad`},
		{"code trycreate", `\expect code TRYCREATE`},
		{"count fetch  05", `\expect count FETCH 5`},
		{"exists 3", `\expect exists 3`},
		{"match\t A1 OK  (done)", `\expect match A1 OK  (done)`},
	}
	for _, tt := range tests {
		e, err := ParseExpect(tt.args)
		if err != nil {
			t.Fatalf("ParseExpect(%q): %v", tt.args, err)
		}
		if got := e.String(); got != tt.want {
			t.Errorf("ParseExpect(%q).String() = %q, want %q", tt.args, got, tt.want)
		}
		again, err := ParseExpect(strings.TrimPrefix(e.String(), `\expect `))
		if err != nil || again.String() != e.String() {
			t.Errorf("%q does not parse back: %v, %v", e.String(), again, err)
		}
	}
}
