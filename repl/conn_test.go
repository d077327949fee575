package repl

import (
	"testing"

	"imapsh/client"
)

// TestConnWithoutClient: with no connection the state is logout, nothing
// is known of capabilities, the prompt says so and the budget is the
// default.
func TestConnWithoutClient(t *testing.T) {
	k := &conn{target: &Target{Host: "h", User: "u"}}
	if k.connected() || k.currentState() != client.StateLogout || k.capSet() != nil {
		t.Error("no client: not connected, logout state, no capabilities")
	}
	if got := k.prompt(); got != "(not connected)> " {
		t.Errorf("prompt %q", got)
	}
	if k.commandBudget() != client.DefaultCommandMemory || k.takeAlerts() != nil {
		t.Error("budget and alerts without a client")
	}
	reason, hint := k.availability(commandNamed("fetch"))
	if reason != "needs a connection" || hint == "" {
		t.Errorf("fetch without a connection: %q, %q", reason, hint)
	}
}
