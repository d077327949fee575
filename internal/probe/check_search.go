package probe

import (
	"context"
	"strconv"

	"imapsh/client"
)

// checkSearch: SEARCH ALL and ESEARCH's COUNT must both count every
// message; SEARCH with an unknown CHARSET must get NO [BADCHARSET].
func checkSearch(ctx context.Context, r *run) error {
	want := strconv.Itoa(r.exists())
	st := r.step(ctx, stepSpec{kind: "search", label: "SEARCH ALL", rfc: "RFC 9051 6.4.4",
		must: "do not trust SEARCH results from this server: FETCH what you need and filter locally"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.Search(ctx, "ALL", client.SearchOptions{})
		})
	st.Expected, st.Got = want+" messages", strconv.Itoa(searchCount(st.Result))+" messages"
	if err := stopped(st); err != nil {
		return err
	}
	if ok, _ := r.facts.announced("ESEARCH"); ok {
		st := r.step(ctx, stepSpec{kind: "esearch", ext: "ESEARCH", label: "SEARCH RETURN (MIN MAX COUNT) ALL", wants: []string{"ESEARCH"},
			rfc: "RFC 4731 3.1", must: "use plain SEARCH on this server"},
			func(ctx context.Context, c *client.Client) (*client.Result, error) {
				return c.Search(ctx, "ALL", client.SearchOptions{Return: "MIN MAX COUNT"})
			})
		st.Expected, st.Got = "COUNT "+want, "no COUNT"
		for _, e := range client.Of[*client.ESearchData](st.Result) {
			if e.Count != nil {
				st.Got = "COUNT " + strconv.FormatUint(uint64(*e.Count), 10)
			}
		}
		if err := stopped(st); err != nil {
			return err
		}
	}
	if r.facts.utf8() {
		return nil // RFC 6855 3: after ENABLE UTF8=ACCEPT, SEARCH takes no CHARSET
	}
	for _, key := range []struct{ label, criteria string }{
		{"SUBJECT probe", "SUBJECT probe"},
		{"SUBJECT {24} (a string as a literal)", "SUBJECT \"" + noopLiteral(5) + "\""},
	} {
		st = r.step(ctx, stepSpec{kind: "search-unknown-charset", label: "SEARCH CHARSET X-IMAPSH-PROBE " + key.label, expect: expectRefusal},
			func(ctx context.Context, c *client.Client) (*client.Result, error) {
				return c.Search(ctx, key.criteria, client.SearchOptions{Charset: "X-IMAPSH-PROBE"})
			})
		if err := stopped(st); err != nil {
			return err
		}
	}
	return nil
}

// searchCount is how many messages a SEARCH answer names (SEARCH or, on
// IMAP4rev2 servers, ESEARCH ALL).
func searchCount(res *client.Result) int {
	n := 0
	for _, s := range client.Of[*client.SearchData](res) {
		n += len(s.Nums)
	}
	for _, e := range client.Of[*client.ESearchData](res) {
		n += setSize(e.All)
	}
	return n
}

// setSize counts the numbers of a set without '*'.
func setSize(set client.NumSet) int {
	n := 0
	for _, r := range set {
		if r.Stop >= r.Start {
			n += int(r.Stop-r.Start) + 1
		}
	}
	return n
}

// noMatch is a search key no message matches: SORT and THREAD are asked
// once for everything and once for nothing (an empty answer's shape).
const noMatch = "SUBJECT imapsh-probe-matches-nothing"

// checkSort sorts every message by arrival, then none (RFC 5256).
func checkSort(ctx context.Context, r *run) error {
	for _, q := range []struct{ search, want string }{{"ALL", strconv.Itoa(r.exists())}, {noMatch, "0"}} {
		st := r.step(ctx, stepSpec{kind: "sort", ext: "SORT", label: "SORT (ARRIVAL) UTF-8 " + q.search, wants: []string{"SORT"}, rfc: "RFC 5256 4",
			must: "sort on the client (FETCH the sort keys)"},
			func(ctx context.Context, c *client.Client) (*client.Result, error) {
				return c.Sort(ctx, "ARRIVAL", "UTF-8", q.search, false)
			})
		n := 0
		for _, s := range client.Of[*client.SearchData](st.Result) {
			n += len(s.Nums)
		}
		st.Expected, st.Got = q.want+" messages", strconv.Itoa(n)+" messages"
		if err := stopped(st); err != nil {
			return err
		}
	}
	return nil
}

// checkThread threads every message with the first algorithm announced.
func checkThread(ctx context.Context, r *run) error {
	algo := "REFERENCES"
	if ok, _ := r.facts.announced("THREAD=REFERENCES"); !ok {
		algo = "ORDEREDSUBJECT"
	}
	if ok, _ := r.facts.announced("THREAD=" + algo); !ok {
		return skipError("neither THREAD=REFERENCES nor THREAD=ORDEREDSUBJECT is announced")
	}
	for _, q := range []struct{ search, want string }{{"ALL", strconv.Itoa(r.exists())}, {noMatch, "0"}} {
		st := r.step(ctx, stepSpec{kind: "thread", ext: "THREAD", label: "THREAD " + algo + " UTF-8 " + q.search, wants: []string{"THREAD"}, rfc: "RFC 5256 4",
			must: "thread on the client (FETCH Message-ID, In-Reply-To and References)"},
			func(ctx context.Context, c *client.Client) (*client.Result, error) {
				return c.Thread(ctx, algo, "UTF-8", q.search, false)
			})
		n := 0
		for _, t := range client.Of[*client.ThreadData](st.Result) {
			n += threadCount(t.Threads)
		}
		st.Expected, st.Got = q.want+" messages", strconv.Itoa(n)+" messages"
		if err := stopped(st); err != nil {
			return err
		}
	}
	return nil
}

// threadCount counts the messages of a thread forest (dummy parents,
// number 0, left out).
func threadCount(nodes []*client.ThreadNode) int {
	n := 0
	for _, t := range nodes {
		if t.Num > 0 {
			n++
		}
		n += threadCount(t.Children)
	}
	return n
}

// checkIdle enters IDLE and ends it at once: the server must answer "+"
// and, after DONE, a tagged OK (RFC 2177 3).
func checkIdle(ctx context.Context, r *run) error {
	done, cancel := context.WithCancel(ctx)
	cancel() // DONE goes as soon as the server's "+" arrives
	st := r.step(ctx, stepSpec{kind: "idle", ext: "IDLE", label: "IDLE, then DONE", rfc: "RFC 2177 3", must: "poll with NOOP instead of IDLE"},
		func(_ context.Context, c *client.Client) (*client.Result, error) {
			return c.Idle(done, func(client.Response) {})
		})
	return stopped(st)
}

// checkUnselect leaves the mailbox without expunging (RFC 3691).
func checkUnselect(ctx context.Context, r *run) error {
	st := r.step(ctx, stepSpec{kind: "unselect", ext: "UNSELECT", label: "UNSELECT", rfc: "RFC 3691 2", must: "leave a mailbox with EXAMINE of another one"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) { return c.Unselect(ctx) })
	if st.OK() {
		r.facts.examined = ""
	}
	return stopped(st)
}
