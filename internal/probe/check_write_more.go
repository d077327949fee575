package probe

import (
	"context"
	"fmt"
	"strconv"

	"imapsh/client"
)

// checkCondStoreStore stores with UNCHANGEDSINCE twice: with the current
// MODSEQ it must work, with the old one it must be refused per message
// with [MODIFIED] (RFC 7162 3.1.3).
func checkCondStoreStore(ctx context.Context, r *run) error {
	if err := r.needScratch(); err != nil {
		return err
	}
	if st := r.selectScratch(ctx, client.SelectOptions{CondStore: true}); !st.OK() || r.exists() == 0 {
		return stopped(st)
	}
	st := r.step(ctx, stepSpec{kind: "fetch-modseq", ext: "CONDSTORE", label: "FETCH 1 (MODSEQ)", wants: []string{"FETCH"}, rfc: "RFC 7162 3.1.4"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.Fetch(ctx, "1", "(MODSEQ)", client.FetchOptions{})
		})
	var modseq uint64
	for _, f := range client.Of[*client.FetchData](st.Result) {
		modseq = f.ModSeq
	}
	if modseq == 0 {
		return stopped(st)
	}
	for _, s := range []struct{ kind, flag string }{{"store-unchangedsince", `(\Seen)`}, {"store-unchangedsince-stale", `(\Answered)`}} {
		spec := stepSpec{kind: s.kind, ext: "CONDSTORE", label: fmt.Sprintf("STORE 1 (UNCHANGEDSINCE %d) +FLAGS %s", modseq, s.flag)}
		if s.kind == "store-unchangedsince-stale" {
			spec.wants, spec.rfc, spec.must = []string{"[MODIFIED]"}, "RFC 7162 3.1.3", "FETCH the flags after a conditional STORE to learn whether it applied"
		}
		st := r.step(ctx, spec, func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.Store(ctx, "1", "+FLAGS", s.flag, client.StoreOptions{UnchangedSince: modseq})
		})
		if err := stopped(st); err != nil {
			return err
		}
	}
	return nil
}

// uids lists the UIDs of the selected mailbox (small: the scratch one).
func (r *run) uids(ctx context.Context) []uint32 {
	res, err := r.conn.Client.Fetch(ctx, "1:*", "(UID)", client.FetchOptions{})
	if err != nil {
		return nil
	}
	var out []uint32
	for _, f := range client.Of[*client.FetchData](res) {
		out = append(out, f.UID)
	}
	return out
}

// checkCopyMove copies the first message and moves the second to the
// second scratch mailbox: COPYUID with UIDPLUS (RFC 4315 3), and MOVE's
// expunge (RFC 6851 3.3).
func checkCopyMove(ctx context.Context, r *run) error {
	if err := r.needScratch(); err != nil {
		return err
	}
	if st := r.selectScratch(ctx, client.SelectOptions{}); !st.OK() {
		return stopped(st)
	}
	for n := r.exists(); n < 2; n++ { // without MULTIAPPEND there is one message so far
		r.conn.Client.Append(ctx, r.scratchBase(), appendMessage(10+n, "", 0))
		r.conn.Client.Noop(ctx)
	}
	to := r.scratchTarget()
	ext, wants := r.uidplus("COPYUID")
	st := r.step(ctx, stepSpec{kind: "copy", ext: ext, label: "COPY 1 " + to, wants: wants, rfc: "RFC 4315 3",
		must: "find a copied message's UID with UID SEARCH HEADER Message-ID in the target"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.Copy(ctx, "1", to, false)
		})
	if err := stopped(st); err != nil {
		return err
	}
	if ok, _ := r.facts.announced("MOVE"); ok {
		uids := r.uids(ctx)
		if len(uids) < 2 {
			return nil
		}
		uid := strconv.FormatUint(uint64(uids[1]), 10)
		st := r.step(ctx, stepSpec{kind: "move", ext: "MOVE", label: "UID MOVE " + uid + " " + to, rfc: "RFC 6851 3.3",
			must: "use COPY, STORE \\Deleted and UID EXPUNGE instead of MOVE"},
			func(ctx context.Context, c *client.Client) (*client.Result, error) { return c.Move(ctx, uid, to, true) })
		st.Expected, st.Got = "the moved message expunged", "no EXPUNGE or VANISHED"
		if countOf(st.Result, "EXPUNGE")+countOf(st.Result, "VANISHED") > 0 {
			st.Got = st.Expected
		}
		if hasCode(st.Result, "COPYUID") {
			st.Note = "UID MOVE sent COPYUID"
		}
		if err := stopped(st); err != nil {
			return err
		}
	}
	return nil
}

// checkExpunge deletes messages of the scratch mailbox with EXPUNGE and,
// with UIDPLUS, UID EXPUNGE; under QRESYNC the server must report
// VANISHED instead of EXPUNGE (RFC 7162 3.2.10).
func checkExpunge(ctx context.Context, r *run) error {
	if err := r.needScratch(); err != nil {
		return err
	}
	if st := r.selectScratch(ctx, client.SelectOptions{}); !st.OK() || r.exists() == 0 {
		return stopped(st)
	}
	kind, wants := "expunge", []string{"EXPUNGE"}
	if r.facts.enabled["QRESYNC"] {
		kind, wants = "expunge-qresync", nil // judged by detectExpungeUnderQResync
	}
	r.conn.Client.Store(ctx, "1", "+FLAGS.SILENT", `(\Deleted)`, client.StoreOptions{})
	st := r.step(ctx, stepSpec{kind: kind, label: "EXPUNGE (message 1 has \\Deleted)", wants: wants, rfc: "RFC 9051 6.4.3",
		must: "after EXPUNGE, FETCH UIDs again: this server does not say what it removed"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) { return c.Expunge(ctx, "") })
	if err := stopped(st); err != nil {
		return err
	}
	if ok, _ := r.facts.announced("UIDPLUS"); !ok {
		return nil
	}
	uids := r.uids(ctx)
	if len(uids) == 0 {
		return nil
	}
	uid := strconv.FormatUint(uint64(uids[0]), 10)
	r.conn.Client.Store(ctx, uid, "+FLAGS.SILENT", `(\Deleted)`, client.StoreOptions{UID: true})
	st = r.step(ctx, stepSpec{kind: kind, ext: "UIDPLUS", label: "UID EXPUNGE " + uid, wants: wants, rfc: "RFC 4315 2.1",
		must: "use EXPUNGE (it removes every \\Deleted message)"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) { return c.Expunge(ctx, uid) })
	return stopped(st)
}
