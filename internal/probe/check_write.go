package probe

import (
	"context"
	"strconv"

	"imapsh/client"
)

// The write checks (--probe-write) work in two scratch mailboxes, created
// by checkScratch and deleted by cleanup (scratch.go), and never touch
// another mailbox.

// checkScratch creates the scratch mailboxes, the first one twice: the
// second CREATE must be refused with [ALREADYEXISTS].
func checkScratch(ctx context.Context, r *run) error {
	for _, name := range []string{r.scratchBase(), r.scratchTarget()} {
		st := r.step(ctx, stepSpec{kind: "create-scratch", label: "CREATE " + name},
			func(ctx context.Context, c *client.Client) (*client.Result, error) { return c.Create(ctx, name) })
		if st.OK() {
			r.facts.scratch = append(r.facts.scratch, name)
		}
		if err := stopped(st); err != nil {
			return err
		}
	}
	if len(r.facts.scratch) == 0 {
		return nil
	}
	st := r.step(ctx, stepSpec{kind: "create-duplicate", label: "CREATE " + r.scratchBase() + " (again)", expect: expectRefusal},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.Create(ctx, r.scratchBase())
		})
	return stopped(st)
}

// needScratch refuses to go on without the scratch mailboxes.
func (r *run) needScratch() error {
	if len(r.facts.scratch) < 2 {
		return skipError("the scratch mailboxes could not be created")
	}
	return nil
}

// uidplus returns the ext and wants of a step that should carry a UIDPLUS
// code when UIDPLUS is announced.
func (r *run) uidplus(code string) (string, []string) {
	if ok, _ := r.facts.announced("UIDPLUS"); ok {
		return "UIDPLUS", []string{"[" + code + "]"}
	}
	return "", nil
}

// checkAppend appends to the selected scratch mailbox: EXISTS should
// come at once (RFC 9051 6.3.12), APPENDUID with UIDPLUS (RFC 4315 3).
func checkAppend(ctx context.Context, r *run) error {
	if err := r.needScratch(); err != nil {
		return err
	}
	if st := r.selectScratch(ctx, client.SelectOptions{}); !st.OK() {
		return stopped(st)
	}
	ext, wants := r.uidplus("APPENDUID")
	name := r.scratchBase()
	st := r.step(ctx, stepSpec{kind: "append-selected", ext: ext, label: "APPEND " + name + " (the selected mailbox)", wants: wants,
		rfc: "RFC 4315 3", must: "find an appended message's UID with UID SEARCH HEADER Message-ID"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.Append(ctx, name, appendMessage(1, "", 0))
		})
	if err := stopped(st); err != nil || countOf(st.Result, "EXISTS") > 0 {
		return err
	}
	st = r.step(ctx, stepSpec{kind: "noop-after-append", label: "NOOP (after the APPEND)"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) { return c.Noop(ctx) })
	return stopped(st)
}

// checkMultiAppend appends two messages in one command (RFC 3502): with
// UIDPLUS, APPENDUID names two UIDs.
func checkMultiAppend(ctx context.Context, r *run) error {
	if err := r.needScratch(); err != nil {
		return err
	}
	_, wants := r.uidplus("APPENDUID")
	name := r.scratchBase()
	st := r.step(ctx, stepSpec{kind: "multiappend", ext: "MULTIAPPEND", label: "APPEND " + name + " with two messages", wants: wants,
		rfc: "RFC 3502 3, RFC 4315 3", must: "append one message per command"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.Append(ctx, name, appendMessage(2, "", 0), appendMessage(3, "", 0))
		})
	if d, ok := codeOf(st.Result, "APPENDUID").UIDPlus(); ok {
		st.Expected, st.Got = "2 UIDs in APPENDUID", strconv.Itoa(setSize(d.Dest))+" UIDs in APPENDUID"
	}
	return stopped(st)
}

// checkStoreExamine opens the scratch mailbox with EXAMINE and tries to
// set a flag, which must be refused; then reads the flags back.
func checkStoreExamine(ctx context.Context, r *run) error {
	if err := r.needScratch(); err != nil {
		return err
	}
	if st := r.selectScratch(ctx, client.SelectOptions{ReadOnly: true}); !st.OK() || r.exists() == 0 {
		return stopped(st)
	}
	st := r.step(ctx, stepSpec{kind: "store-examined", label: `STORE 1 +FLAGS (\Flagged) after EXAMINE`, expect: expectRefusal},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.Store(ctx, "1", "+FLAGS", `(\Flagged)`, client.StoreOptions{})
		})
	if err := stopped(st); err != nil {
		return err
	}
	st = r.step(ctx, stepSpec{kind: "flags-after-store-examined", label: "FETCH 1 (FLAGS)"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.Fetch(ctx, "1", "(FLAGS)", client.FetchOptions{})
		})
	st.Got = "not kept"
	for _, f := range client.Of[*client.FetchData](st.Result) {
		if containsFold(f.Flags, `\Flagged`) {
			st.Got = "kept"
		}
	}
	return stopped(st)
}
