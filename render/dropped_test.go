package render

import (
	"bytes"
	"testing"

	"imapsh/client"
)

func TestDropped(t *testing.T) {
	tests := []struct {
		d    client.Dropped
		want string
	}{
		{client.Dropped{Kind: "EXISTS", Reason: client.DropCollapsed, Count: 1999999},
			"note: folded into the mailbox state: 1999999 more EXISTS responses (the last is shown)\n"},
		{client.Dropped{Kind: "OK", Reason: client.DropUnsolicited, Count: 1, Bytes: 1280},
			"note: not kept: 1 more unsolicited OK response (1.2 KiB); the first 1000 are shown\n"},
		{client.Dropped{Kind: "FETCH", Reason: client.DropBudget, Count: 1200, Bytes: 820 << 20},
			"warning: not kept: 1200 FETCH responses (820 MiB), over the command's memory budget\n"},
		{client.Dropped{Kind: "FETCH", Reason: client.DropBodyData, Count: 6, Bytes: 600 << 20},
			"note: discarded: 6 body sections (600 MiB) that no command asked for\n"},
		{client.Dropped{Kind: "X\x1b[31m", Reason: client.DropBudget, Count: 2, Bytes: 10},
			"warning: not kept: 2 X\\x1b[31m responses (10 B), over the command's memory budget\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := Dropped(&b, []client.Dropped{tt.d}, Options{}); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("Dropped(%+v)\n got %q\nwant %q", tt.d, b.String(), tt.want)
		}
	}
}

func TestDiscardedSection(t *testing.T) {
	f := &client.FetchData{Seq: 1, Sections: []client.BodySection{{Name: "BODY[1]", Section: "1", Streamed: 100 << 20, Dropped: true}}}
	var b bytes.Buffer
	if err := Result(&b, &client.Result{Responses: []client.Response{f}}, Options{}); err != nil {
		t.Fatal(err)
	}
	if want := "(100 MiB discarded: no command asked for it)"; !bytes.Contains(b.Bytes(), []byte(want)) {
		t.Errorf("got\n%s\nwant %q", b.String(), want)
	}
}
