package probe

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"imapsh/client"
)

// exists is the message count of the selected mailbox.
func (r *run) exists() int {
	if m := r.conn.Client.Mailbox(); m != nil {
		return int(m.Exists)
	}
	return 0
}

// checkExamine opens the sample mailbox again with EXAMINE, with
// (CONDSTORE) when announced, as a step the detectors judge.
func checkExamine(ctx context.Context, r *run) error {
	opts := client.SelectOptions{ReadOnly: true}
	spec := stepSpec{kind: "examine", label: "EXAMINE " + r.facts.sample}
	if ok, _ := r.facts.announced("CONDSTORE"); ok {
		opts.CondStore = true
		spec.ext, spec.asked, spec.label = "CONDSTORE", []string{"CONDSTORE"}, spec.label+" (CONDSTORE)"
	}
	st := r.step(ctx, spec, func(ctx context.Context, c *client.Client) (*client.Result, error) {
		return c.Select(ctx, r.facts.sample, opts)
	})
	r.facts.examined = ""
	if st.OK() {
		r.facts.examined = r.facts.sample
	}
	if m := r.conn.Client.Mailbox(); m != nil && st.OK() && m.HighestModSeq > 0 {
		st.Note = fmt.Sprintf("EXAMINE HIGHESTMODSEQ %d", m.HighestModSeq)
	}
	return stopped(st)
}

// fetchProbe is one FETCH of the first message for an extension's items.
type fetchProbe struct {
	ext, items, want string
	has              func(f *client.FetchData) (string, bool)
}

// fetchProbes are the FETCH items the probe tries, each when its
// extension is announced ("" = always).
var fetchProbes = []fetchProbe{
	{"", "(UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE)", "UID, ENVELOPE and BODYSTRUCTURE", func(f *client.FetchData) (string, bool) {
		return "", f.UID > 0 && f.Envelope != nil && f.BodyStructure != nil
	}},
	{"BINARY", "(BINARY.SIZE[1] BINARY.PEEK[1]<0.64>)", "a BINARY[1] section", func(f *client.FetchData) (string, bool) {
		for _, s := range f.Sections {
			if strings.HasPrefix(strings.ToUpper(s.Name), "BINARY[") {
				return fmt.Sprintf("FETCH BINARY[1]: %d bytes", len(s.Data)), true
			}
		}
		return "", false
	}},
	{"CONDSTORE", "(MODSEQ)", "MODSEQ", func(f *client.FetchData) (string, bool) {
		return "FETCH MODSEQ " + strconv.FormatUint(f.ModSeq, 10), f.ModSeq > 0
	}},
	{"PREVIEW", "(PREVIEW)", "PREVIEW", otherItem("PREVIEW")},
	{"SAVEDATE", "(SAVEDATE)", "SAVEDATE", otherItem("SAVEDATE")},
	{"OBJECTID", "(EMAILID THREADID)", "EMAILID", otherItem("EMAILID")},
}

// otherItem finds an item the client keeps as a generic value.
func otherItem(name string) func(f *client.FetchData) (string, bool) {
	return func(f *client.FetchData) (string, bool) {
		for _, o := range f.Other {
			if strings.EqualFold(o.Name, name) {
				v := o.Value
				if len(v.List) > 0 { // EMAILID (M1234)
					v = v.List[0]
				}
				text := v.AsString()
				if len(text) > 40 {
					text = text[:40] + "..."
				}
				return "FETCH " + name + " " + strconv.Quote(text), true
			}
		}
		return "", false
	}
}

// checkFetch fetches the first message of the sample mailbox, once for
// the base items and once per announced extension's items.
func checkFetch(ctx context.Context, r *run) error {
	for _, fp := range fetchProbes {
		if ok, _ := r.facts.announced(fp.ext); fp.ext != "" && !ok {
			continue
		}
		st := r.step(ctx, stepSpec{kind: "fetch", ext: fp.ext, label: "FETCH 1 " + fp.items, wants: []string{"FETCH"},
			rfc: "RFC 9051 6.4.5", must: "do not ask this server for these items"},
			func(ctx context.Context, c *client.Client) (*client.Result, error) {
				return c.Fetch(ctx, "1", fp.items, client.FetchOptions{})
			})
		st.Expected, st.Got = fp.want, "no "+fp.want
		for _, f := range client.Of[*client.FetchData](st.Result) {
			if note, ok := fp.has(f); ok {
				st.Got, st.Note = fp.want, note
			}
		}
		if err := stopped(st); err != nil {
			return err
		}
	}
	return nil
}
