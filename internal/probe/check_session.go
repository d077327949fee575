package probe

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"imapsh/client"
)

// skipError ends a check that found it cannot run after all; the report
// shows it as skipped with the reason.
type skipError string

func (e skipError) Error() string { return string(e) }

// stopped returns the step's error when the check cannot go on (a lost
// connection, a timeout), else nil: a NO, a BAD, a local refusal or an
// answer the client could not read on a live connection let it go on.
func stopped(st *Step) error {
	var pe *client.ProtocolError
	switch {
	case !st.lost() || st.refused():
		return nil
	case errors.As(st.Err, &pe) && !st.Closed:
		return nil
	}
	return st.Err
}

// checkID sends ID NIL and notes the server's name and version.
func checkID(ctx context.Context, r *run) error {
	st := r.step(ctx, stepSpec{kind: "id", ext: "ID", label: "ID NIL", wants: []string{"ID"}, rfc: "RFC 2971 3.1",
		must: "do not expect ID data from this server"}, func(ctx context.Context, c *client.Client) (*client.Result, error) {
		return c.ID(ctx, nil)
	})
	for _, d := range client.Of[*client.IDData](st.Result) {
		var name, version string
		for _, p := range d.Params {
			switch {
			case strings.EqualFold(p.Name, "name") && p.Value != nil:
				name = *p.Value
			case strings.EqualFold(p.Name, "version") && p.Value != nil:
				version = *p.Value
			}
		}
		r.report.Server = strings.TrimSpace(name + " " + version)
		st.Note = r.report.Server
	}
	return stopped(st)
}

// checkNamespace learns the personal namespace, where scratch mailboxes go.
func checkNamespace(ctx context.Context, r *run) error {
	st := r.step(ctx, stepSpec{kind: "namespace", ext: "NAMESPACE", label: "NAMESPACE", wants: []string{"NAMESPACE"}, rfc: "RFC 2342 5",
		must: "find the hierarchy separator with LIST \"\" \"\" instead"}, func(ctx context.Context, c *client.Client) (*client.Result, error) {
		return c.Namespace(ctx)
	})
	for _, ns := range client.Of[*client.NamespaceData](st.Result) {
		if len(ns.Personal) > 0 {
			r.facts.prefix, r.facts.delim = ns.Personal[0].Prefix, ns.Personal[0].Delim
		}
		st.Note = fmt.Sprintf("personal %s, other users %s, shared %s", describeNS(ns.Personal), describeNS(ns.Other), describeNS(ns.Shared))
	}
	return stopped(st)
}

// describeNS shows namespaces as "INBOX." (delimiter .), or "none".
func describeNS(list []client.NamespaceDescr) string {
	if len(list) == 0 {
		return "none"
	}
	var parts []string
	for _, n := range list {
		parts = append(parts, quoted(n.Prefix))
	}
	return strings.Join(parts, " ")
}

// enableable are the extensions the probe switches on, in this order.
var enableable = []string{"CONDSTORE", "QRESYNC", "UTF8=ACCEPT"}

// checkEnable enables each announced extension of enableable, one ENABLE
// per extension so that each is judged on its own. ENABLE cannot be
// undone: on the shell's connection they stay on.
func checkEnable(ctx context.Context, r *run) error {
	if r.conn.Client.State() != client.StateAuthenticated {
		return skipError("ENABLE is only allowed before a mailbox is selected (RFC 5161 3.1); UNSELECT or run imapsh --probe")
	}
	for _, ext := range enableable {
		if ok, _ := r.facts.announced(ext); !ok {
			continue
		}
		st := r.step(ctx, stepSpec{kind: "enable", ext: ext, label: "ENABLE " + ext, asked: []string{ext}},
			func(ctx context.Context, c *client.Client) (*client.Result, error) { return c.Enable(ctx, ext) })
		if containsFold(enabledIn(st.Result), ext) {
			r.facts.enabled[ext] = true
			st.Note = "ENABLE " + ext + ": enabled"
		}
		if err := stopped(st); err != nil {
			return err
		}
	}
	if r.dial == nil && len(r.facts.enabled) > 0 {
		r.note("ENABLE cannot be undone: this session keeps " + strings.Join(r.facts.enabledList(), ", ") + " on")
	}
	return nil
}

// checkUnknownCommand sends a command no server knows, and NOOP with an
// argument NOOP does not take: both should get BAD.
func checkUnknownCommand(ctx context.Context, r *run) error {
	st := r.step(ctx, stepSpec{kind: "unknown-command", label: "IMAPSH-PROBE-UNKNOWN (a command no server has)", expect: expectRefusal},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.Xatom(ctx, "IMAPSH-PROBE-UNKNOWN", "")
		})
	if err := stopped(st); err != nil {
		return err
	}
	st = r.step(ctx, stepSpec{kind: "extra-arguments", label: "NOOP IMAPSH-PROBE-EXTRA (NOOP takes no argument)", expect: expectRefusal},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.Xatom(ctx, "NOOP", "IMAPSH-PROBE-EXTRA")
		})
	return stopped(st)
}
