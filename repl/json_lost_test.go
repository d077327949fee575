package repl

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// TestJSONLostMidCommand: a command whose connection ended before its
// tagged answer (an untagged BYE, then the close) gets status ERROR and
// the error in its object, beside the responses that came ("ERROR when
// no tagged answer came"). Before, its status was "" and no error said
// why.
func TestJSONLostMidCommand(t *testing.T) {
	transcript := "S: * PREAUTH [CAPABILITY IMAP4rev1] ready\n" +
		"C: A1 NOOP\nS: * BYE shutting down\n!close\n"
	s, _, out := fakeSession(t, transcript, func(c *Config) { c.JSON = true; c.ContinueOnError = false })
	s.Run(context.Background(), &scripted{lines: []string{"noop"}})
	line, _, _ := strings.Cut(out.String(), "\n")
	var obj struct {
		Status, Error string
		Responses     []map[string]any
	}
	if err := json.Unmarshal([]byte(line), &obj); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if obj.Status != "ERROR" || !strings.Contains(obj.Error, "BYE") || len(obj.Responses) != 1 {
		t.Errorf("object %+v, want status ERROR, the error and the BYE:\n%s", obj, out)
	}
}
