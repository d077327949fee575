package probe

import (
	"context"
	"fmt"
	"strings"

	"imapsh/client"
)

// checkQuota asks the quota root of INBOX and its usage (RFC 9208), then
// GETQUOTA of that root, which a server may refuse to non-admins.
func checkQuota(ctx context.Context, r *run) error {
	st := r.step(ctx, stepSpec{kind: "quota", ext: "QUOTA", label: "GETQUOTAROOT INBOX", wants: []string{"QUOTAROOT"}, rfc: "RFC 9208 4.3",
		must: "show quota as unknown for this server"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.GetQuotaRoot(ctx, "INBOX")
		})
	if err := stopped(st); err != nil {
		return err
	}
	quotas := client.Of[*client.QuotaData](st.Result)
	st.Note = describeQuotas(client.Of[*client.QuotaRootData](st.Result), quotas)
	if len(quotas) == 0 {
		return nil
	}
	root := quotas[0].Root
	st = r.step(ctx, stepSpec{kind: "getquota", ext: "QUOTA", label: "GETQUOTA " + quoted(root), expect: expectEither},
		func(ctx context.Context, c *client.Client) (*client.Result, error) { return c.GetQuota(ctx, root) })
	if strings.EqualFold(st.Status(), "NO") {
		st.Note = "GETQUOTA refused to this user (allowed: RFC 9208 4.2 leaves it to the server)"
	}
	return stopped(st)
}

// describeQuotas shows roots and their resources: "root "User quota":
// STORAGE 0 of 10485760, MESSAGE 0 of 1000000".
func describeQuotas(roots []*client.QuotaRootData, quotas []*client.QuotaData) string {
	if len(quotas) == 0 {
		if len(roots) > 0 && len(roots[0].Roots) == 0 {
			return "no quota root"
		}
		return "no QUOTA data"
	}
	var parts []string
	for _, q := range quotas {
		var res []string
		for _, x := range q.Resources {
			res = append(res, fmt.Sprintf("%s %d of %d", x.Name, x.Usage, x.Limit))
		}
		if len(res) == 0 {
			res = []string{"no resources"}
		}
		parts = append(parts, "root "+quoted(q.Root)+": "+strings.Join(res, ", "))
	}
	return strings.Join(parts, "; ")
}

// checkACL asks the user's rights on INBOX, then its ACL, which needs the
// a right (RFC 4314 4).
func checkACL(ctx context.Context, r *run) error {
	st := r.step(ctx, stepSpec{kind: "myrights", ext: "ACL", label: "MYRIGHTS INBOX", wants: []string{"MYRIGHTS"}, rfc: "RFC 4314 3.5",
		must: "assume full rights and handle NO on each command"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) { return c.MyRights(ctx, "INBOX") })
	if err := stopped(st); err != nil {
		return err
	}
	rights := ""
	for _, m := range client.Of[*client.MyRightsData](st.Result) {
		rights = m.Rights
		st.Note = "MYRIGHTS INBOX: " + rights
	}
	spec := stepSpec{kind: "getacl", ext: "ACL", label: "GETACL INBOX", expect: expectEither}
	if strings.Contains(rights, "a") {
		spec.expect, spec.wants, spec.rfc = expectOK, []string{"ACL"}, "RFC 4314 3.3"
	}
	st = r.step(ctx, spec, func(ctx context.Context, c *client.Client) (*client.Result, error) { return c.GetACL(ctx, "INBOX") })
	return stopped(st)
}

// checkMetadata reads a server annotation and, with METADATA, one of
// INBOX (RFC 5464 4.2); an absent entry may come back as NIL or not at all.
func checkMetadata(ctx context.Context, r *run) error {
	ext := "METADATA"
	if ok, _ := r.facts.announced("METADATA"); !ok {
		ext = "METADATA-SERVER"
	}
	st := r.step(ctx, stepSpec{kind: "getmetadata", ext: ext, label: `GETMETADATA "" (/shared/comment)`},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.GetMetadata(ctx, "", []string{"/shared/comment"}, "")
		})
	if err := stopped(st); err != nil || ext != "METADATA" {
		return err
	}
	st = r.step(ctx, stepSpec{kind: "getmetadata", ext: ext, label: "GETMETADATA INBOX (/private/comment)"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.GetMetadata(ctx, "INBOX", []string{"/private/comment"}, "")
		})
	return stopped(st)
}
