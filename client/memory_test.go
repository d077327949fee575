package client_test

import (
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// The floods of issue 8 at sizes that cost the client 70 to 140 MiB
// before it had a memory budget; each must now stay far below, keep
// little, say what it dropped, and leave the session in sync.
func TestFloodMemoryBounded(t *testing.T) {
	tests := []struct {
		flood flood
		scale int
		count string // a kind Result.Count must still count in full
		total int
		want  client.Dropped // Bytes is only checked to be > 0 when set
	}{
		{floods[0], 4, "EXISTS", 800_000, client.Dropped{Kind: "EXISTS", Reason: client.DropCollapsed, Count: 799_999}},
		{floods[1], 2, "OK", 40_000, client.Dropped{Kind: "OK", Reason: client.DropUnsolicited, Count: 39_000, Bytes: 1}},
		{floods[2], 2, "FETCH", 1, client.Dropped{Kind: "FETCH", Reason: client.DropBodyData, Count: 6, Bytes: 6 * 20 << 20}},
		{floods[3], 2, "OK", 40_000, client.Dropped{Kind: "OK", Reason: client.DropUnsolicited, Count: 39_000, Bytes: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.flood.name, func(t *testing.T) {
			tt.flood.level = flate.BestSpeed // the client's memory is the same, the server's CPU less
			run := runFlood(t, tt.flood, tt.scale, nil)
			t.Logf("peak %.1f MiB, retained %.1f MiB", float64(run.peak)/(1<<20), float64(run.retained)/(1<<20))
			checkInSync(t, run)
			if run.retained > 8<<20 {
				t.Errorf("the Result keeps %.1f MiB, want under 8 MiB", float64(run.retained)/(1<<20))
			}
			if run.peak > 32<<20 {
				t.Errorf("peak heap %.1f MiB, want under 32 MiB", float64(run.peak)/(1<<20))
			}
			if got := run.res.Count(tt.count); got != tt.total {
				t.Errorf("Count(%s) = %d, want %d: dropped responses still count", tt.count, got, tt.total)
			}
			checkDropped(t, run.res, tt.want)
		})
	}
}

// checkInSync fails unless the flooded command ended with its OK and the
// next command got its own answer.
func checkInSync(t *testing.T, run floodRun) {
	t.Helper()
	if run.err != nil || !run.res.OK() {
		t.Fatalf("flooded NOOP: %v, %v", run.res, run.err)
	}
	if !run.after.OK() || len(run.after.Responses) != 0 {
		t.Fatalf("the NOOP after the flood got %+v: the session is out of sync", run.after)
	}
}

// checkDropped fails unless res.Dropped has an entry like want.
func checkDropped(t *testing.T, res *client.Result, want client.Dropped) {
	t.Helper()
	for _, d := range res.Dropped {
		if d.Kind != want.Kind || d.Reason != want.Reason {
			continue
		}
		if d.Count != want.Count || (want.Bytes > 1 && d.Bytes != want.Bytes) || (want.Bytes > 0 && d.Bytes <= 0) {
			t.Errorf("dropped %+v, want %+v", d, want)
		}
		return
	}
	t.Errorf("Dropped %+v has no %s %s entry", res.Dropped, want.Kind, want.Reason)
}

// floodClient connects to a Flood server answering the first commands of
// a name as given.
func floodClient(t *testing.T, answers map[string][]clienttest.Answer, opts *client.Options) *client.Client {
	t.Helper()
	srv := &clienttest.Flood{Answers: answers}
	c, err := client.New(srv.Serve(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// answerSelect is the answer to SELECT that FETCH needs first.
func answerSelect(w io.Writer, tag string) error {
	_, err := io.WriteString(w, "* 3 EXISTS\r\n"+tag+" OK [READ-WRITE] selected\r\n")
	return err
}

// fetchBodies answers with n FETCH responses, each with a BODY[] literal
// of size bytes, then the tagged OK.
func fetchBodies(n int, size int64) clienttest.Answer {
	return func(w io.Writer, tag string) error {
		for i := 1; i <= n; i++ {
			fmt.Fprintf(w, "* %d FETCH (UID %d BODY[] {%d}\r\n", i, i, size)
			if _, err := io.CopyN(w, zeros{}, size); err != nil {
				return err
			}
			io.WriteString(w, ")\r\n")
		}
		_, err := io.WriteString(w, tag+" OK fetched\r\n")
		return err
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// letters reads as an endless run of 'a'.
type letters struct{}

func (letters) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

// noopThen checks that the session answers a NOOP with nothing but OK.
func noopThen(t *testing.T, c *client.Client) {
	t.Helper()
	res, err := c.Noop(context.Background())
	if err != nil || !res.OK() || len(res.Responses) != 0 {
		t.Fatalf("NOOP after: %+v, %v: the session is out of sync", res, err)
	}
}

// One FETCH response with six literals of 24 MiB, all asked for and none
// streamed: before, all 144 MiB were held; now the response stops at the
// per-response bound (64 MiB by default), is skipped, and is an error.
func TestFetchResponseBound(t *testing.T) {
	c := floodClient(t, map[string][]clienttest.Answer{
		"SELECT": {answerSelect},
		"FETCH":  {clienttest.FetchLiterals(1, 6, 24<<20)},
	}, nil)
	ctx := context.Background()
	if _, err := c.Select(ctx, "INBOX", client.SelectOptions{}); err != nil {
		t.Fatal(err)
	}
	var res *client.Result
	var err error
	peak, _ := measureHeap(func() { res, err = c.Fetch(ctx, "1", "BODY[]", client.FetchOptions{}) })
	t.Logf("peak %.1f MiB", float64(peak)/(1<<20))
	var le *client.LimitError
	if !errors.As(err, &le) || le.Budget || !strings.Contains(le.What, "response") {
		t.Fatalf("err %v, want the response-size limit", err)
	}
	if !res.OK() {
		t.Errorf("status %+v, want the server's OK", res.Status)
	}
	if peak > 80<<20 {
		t.Errorf("peak heap %.1f MiB, want under 80 MiB (the 64 MiB bound and a little)", float64(peak)/(1<<20))
	}
	noopThen(t, c)
}

// Past the budget a command stops keeping its answer, keeps reading, and
// says so; a response that does not fit what is left is not even held.
func TestBudgetDropsWhatDoesNotFit(t *testing.T) {
	c := floodClient(t, map[string][]clienttest.Answer{
		"SELECT": {answerSelect},
		"FETCH":  {fetchBodies(3, 3<<20)},
		"LIST":   {clienttest.Lines(`* LIST () "/" "`+strings.Repeat("m", 200)+`"`, 20_000)},
	}, &client.Options{MaxCommandMemory: 4 << 20})
	ctx := context.Background()
	if _, err := c.Select(ctx, "INBOX", client.SelectOptions{}); err != nil {
		t.Fatal(err)
	}
	var res *client.Result
	var err error
	peak, _ := measureHeap(func() { res, err = c.Fetch(ctx, "1:3", "BODY[]", client.FetchOptions{}) })
	if err != nil || !res.OK() {
		t.Fatalf("FETCH: %v, %v", res, err)
	}
	if got := len(client.Of[*client.FetchData](res)); got != 1 {
		t.Errorf("%d FETCH responses kept, want the 1 that fits 4 MiB", got)
	}
	checkDropped(t, res, client.Dropped{Kind: "FETCH", Reason: client.DropBudget, Count: 2, Bytes: 1})
	if res.Count("FETCH") != 3 {
		t.Errorf("Count(FETCH) = %d, want 3", res.Count("FETCH"))
	}
	if peak > 12<<20 {
		t.Errorf("peak heap %.1f MiB: the responses over the budget were held", float64(peak)/(1<<20))
	}

	res, err = c.List(ctx, "", "*", client.ListOptions{})
	if err != nil || !res.OK() {
		t.Fatalf("LIST: %v, %v", res, err)
	}
	kept := len(client.Of[*client.ListData](res))
	if kept == 0 || kept >= 20_000 || res.Count("LIST") != 20_000 {
		t.Errorf("LIST kept %d of %d", kept, res.Count("LIST"))
	}
	checkDropped(t, res, client.Dropped{Kind: "LIST", Reason: client.DropBudget, Count: 20_000 - kept, Bytes: 1})
	noopThen(t, c)
}

// Streaming keeps nothing, so the budget does not cut it: FETCH through
// Each and body sections through a Sink see everything.
func TestBudgetLeavesStreamingAlone(t *testing.T) {
	c := floodClient(t, map[string][]clienttest.Answer{
		"SELECT": {answerSelect},
		"FETCH": {
			clienttest.Lines(`* 1 FETCH (FLAGS (\Seen) UID 7)`, 50_000),
			fetchBodies(1, 16<<20),
		},
	}, &client.Options{MaxCommandMemory: 1 << 20})
	ctx := context.Background()
	if _, err := c.Select(ctx, "INBOX", client.SelectOptions{}); err != nil {
		t.Fatal(err)
	}
	seen := 0
	res, err := c.Fetch(ctx, "1:*", "(FLAGS UID)", client.FetchOptions{Each: func(*client.FetchData) { seen++ }})
	if err != nil || seen != 50_000 || len(res.Responses) != 0 || res.Dropped != nil {
		t.Fatalf("Each saw %d of 50000; result %+v, %v", seen, res, err)
	}
	var streamed countingSink
	res, err = c.Fetch(ctx, "1", "BODY[]", client.FetchOptions{Sink: func(uint32, string, int64) interface{ Write([]byte) (int, error) } { return &streamed }})
	if err != nil || streamed != 16<<20 || res.Dropped != nil {
		t.Fatalf("sink got %d of %d bytes; result %+v, %v", streamed, 16<<20, res, err)
	}
	noopThen(t, c)
}

type countingSink int64

func (s *countingSink) Write(p []byte) (int, error) { *s += countingSink(len(p)); return len(p), nil }

// A command keeps its own answer in full (within the budget) and only the
// first client.MaxUnsolicited of a kind it did not ask for.
func TestUnsolicitedDataIsCapped(t *testing.T) {
	expunges := clienttest.Lines("* 1 EXPUNGE", 1500)
	c := floodClient(t, map[string][]clienttest.Answer{
		"SELECT": {answerSelect}, "NOOP": {expunges}, "EXPUNGE": {expunges},
	}, nil)
	ctx := context.Background()
	if _, err := c.Select(ctx, "INBOX", client.SelectOptions{}); err != nil {
		t.Fatal(err)
	}
	res, err := c.Noop(ctx)
	if err != nil || len(res.Responses) != client.MaxUnsolicited || res.Count("EXPUNGE") != 1500 {
		t.Fatalf("NOOP kept %d of %d EXPUNGE: %v", len(res.Responses), res.Count("EXPUNGE"), err)
	}
	checkDropped(t, res, client.Dropped{Kind: "EXPUNGE", Reason: client.DropUnsolicited, Count: 500, Bytes: 1})
	res, err = c.Expunge(ctx, "")
	if err != nil || len(res.Responses) != 1500 || res.Dropped != nil {
		t.Fatalf("EXPUNGE kept %d of 1500 EXPUNGE (dropped %+v): %v", len(res.Responses), res.Dropped, err)
	}
}

// Inflated bytes count like socket bytes: a 16 MiB literal sent as a few
// dozen kilobytes of deflate is refused by the literal limit (4 MiB under
// this budget) before any of it is held, and the session stays in sync.
func TestDeflatedLiteralMeetsTheLimits(t *testing.T) {
	srv := &clienttest.Flood{Answers: map[string][]clienttest.Answer{
		"SELECT": {answerSelect},
		"FETCH":  {fetchBodies(1, 16<<20)},
	}}
	c, err := client.New(srv.Serve(t), &client.Options{MaxCommandMemory: 4 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	if _, err := c.Compress(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Select(ctx, "INBOX", client.SelectOptions{}); err != nil {
		t.Fatal(err)
	}
	var res *client.Result
	peak, _ := measureHeap(func() { res, err = c.Fetch(ctx, "1", "BODY[]", client.FetchOptions{}) })
	t.Logf("peak %.1f MiB; %d KiB on the wire", float64(peak)/(1<<20), srv.Sent()>>10)
	var le *client.LimitError
	if !errors.As(err, &le) || !strings.Contains(le.What, "literal") || !res.OK() {
		t.Fatalf("err %v, status %+v; want the literal limit and the server's OK", err, res.Status)
	}
	if peak > 16<<20 {
		t.Errorf("peak heap %.1f MiB: the refused literal was held", float64(peak)/(1<<20))
	}
	noopThen(t, c)
}

// A response of many tiny list elements is bounded like one of big
// literals: each element counts 64 bytes against the response bound, and
// the values built stay within the documented 2*MaxResponse + MaxLine.
func TestElementHeavyResponseBound(t *testing.T) {
	line := "* 1 XFOO (" + strings.Repeat("(1 2) ", 600_000) + ")"
	c := floodClient(t, map[string][]clienttest.Answer{"NOOP": {clienttest.Lines(line, 1)}}, nil)
	var res *client.Result
	var err error
	peak, _ := measureHeap(func() { res, err = c.Noop(context.Background()) })
	t.Logf("peak %.1f MiB for a %.1f MiB line", float64(peak)/(1<<20), float64(len(line))/(1<<20))
	var le *client.LimitError
	if !errors.As(err, &le) || !res.OK() {
		t.Fatalf("err %v, status %+v; want a limit and the server's OK", err, res.Status)
	}
	const bound = 2*64<<20 + 16<<20 // 2*MaxResponse + MaxLine, by default
	if peak > bound {
		t.Errorf("peak heap %.1f MiB, over the bound of %d MiB", float64(peak)/(1<<20), bound>>20)
	}
	noopThen(t, c)
}

// Every limit sees the inflated bytes: a line of 16 MiB sent as a few
// dozen kilobytes of deflate stops at MaxLine (4 MiB here) like a line
// read from the socket, and the client closes the connection, as for any
// line it cannot read.
func TestDeflatedLineMeetsTheLimits(t *testing.T) {
	long := func(w io.Writer, tag string) error {
		io.WriteString(w, "* OK [ALERT] ")
		if _, err := io.CopyN(w, letters{}, 16<<20); err != nil {
			return err
		}
		_, err := io.WriteString(w, "\r\n"+tag+" OK done\r\n")
		return err
	}
	srv := &clienttest.Flood{Answers: map[string][]clienttest.Answer{"NOOP": {long}}}
	c, err := client.New(srv.Serve(t), &client.Options{Limits: client.Limits{MaxLine: 4 << 20}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	if _, err := c.Compress(ctx); err != nil {
		t.Fatal(err)
	}
	peak, _ := measureHeap(func() { _, err = c.Noop(ctx) })
	t.Logf("peak %.1f MiB; %d KiB on the wire", float64(peak)/(1<<20), srv.Sent()>>10)
	var le *client.LimitError
	if !errors.As(err, &le) || le.What != "response line" {
		t.Fatalf("err %v, want the line limit", err)
	}
	if c.State() != client.StateLogout {
		t.Errorf("state %v: the connection should be closed", c.State())
	}
	if peak > 16<<20 { // the 4 MiB line buffer, and as much again while it grew
		t.Errorf("peak heap %.1f MiB, want under 16 MiB", float64(peak)/(1<<20))
	}
}
