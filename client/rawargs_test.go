package client

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"imapsh/client/clienttest"
)

// TestXatomHidesCredentials: LOGIN and AUTHENTICATE typed verbatim go on
// the wire as typed but show *** in the trace.
func TestXatomHidesCredentials(t *testing.T) {
	tests := []struct{ name, args, wire, traced string }{
		{"LOGIN", `alice hunter2`, `A1 LOGIN alice hunter2`, `A1 LOGIN alice ***`},
		{"login", `"al ice" "hunter 2"`, `A1 login "al ice" "hunter 2"`, `A1 login "al ice" ***`},
		{"AUTHENTICATE", `PLAIN AGFsaWNlAGh1bnRlcjI=`, `A1 AUTHENTICATE PLAIN AGFsaWNlAGh1bnRlcjI=`, `A1 AUTHENTICATE PLAIN ***`},
		{"NOOP", ``, `A1 NOOP`, `A1 NOOP`},
		{"SEARCH", `SUBJECT hunter2`, `A1 SEARCH SUBJECT hunter2`, `A1 SEARCH SUBJECT hunter2`},
		{"X1", `LOGIN alice hunter2`, `A1 X1 LOGIN alice hunter2`, `A1 X1 LOGIN alice ***`},
		{"X1", `authenticate PLAIN AGFsaWNlAGh1bnRlcjI=`, `A1 X1 authenticate PLAIN AGFsaWNlAGh1bnRlcjI=`, `A1 X1 authenticate PLAIN ***`},
		// Any blank the shell's lexer accepts separates the words (issue 8).
		{"LOGIN", "alice\thunter2", "A1 LOGIN alice\thunter2", "A1 LOGIN alice\t***"},
		{"LOGIN", "\"alice\"\thunter 2", "A1 LOGIN \"alice\"\thunter 2", "A1 LOGIN \"alice\"\t***"},
		{"X1", "LOGIN\talice\thunter2", "A1 X1 LOGIN\talice\thunter2", "A1 X1 LOGIN\talice\t***"},
		{"AUTHENTICATE", "PLAIN\tAGFsaWNlAGh1bnRlcjI=", "A1 AUTHENTICATE PLAIN\tAGFsaWNlAGh1bnRlcjI=", "A1 AUTHENTICATE PLAIN\t***"},
	}
	for _, tt := range tests {
		t.Run(tt.wire, func(t *testing.T) {
			conn := clienttest.Serve(t, "S: * OK ready\nC: "+tt.wire+"\nS: A1 OK done\n")
			var trace bytes.Buffer
			c, err := New(conn, &Options{Trace: TextTrace(&trace)})
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			if _, err := c.Xatom(context.Background(), tt.name, tt.args); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(trace.String(), "C: "+tt.traced+"\n") {
				t.Errorf("trace:\n%s\nwant the line C: %s", trace.String(), tt.traced)
			}
			if tt.traced != tt.wire && (strings.Contains(trace.String(), "hunter") || strings.Contains(trace.String(), "AGFsaWNl")) {
				t.Errorf("trace leaks the credential:\n%s", trace.String())
			}
		})
	}
}
