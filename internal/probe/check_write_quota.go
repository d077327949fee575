package probe

import (
	"context"
	"fmt"
	"strings"

	"imapsh/client"
)

// quotaPad makes the quota check's message big enough (about 20 KiB) for
// STORAGE, counted in units of 1024 octets, to grow visibly.
const quotaPad = 20 << 10

// checkQuotaUsage reads the scratch mailbox's quota, appends a message
// and reads it again: MESSAGE must grow by one and STORAGE must not
// shrink (RFC 9208 5). Then SETQUOTA with the limits it already has,
// which changes nothing whether it is allowed (an admin) or refused.
func checkQuotaUsage(ctx context.Context, r *run) error {
	if err := r.needScratch(); err != nil {
		return err
	}
	name := r.scratchBase()
	before := r.quotaStep(ctx, "quota-scratch", name)
	q := firstQuota(before.Result)
	if q == nil || len(q.Resources) == 0 {
		return stopped(before)
	}
	if res, err := r.conn.Client.Append(ctx, name, appendMessage(5, "", quotaPad)); err != nil || !res.OK() {
		return nil
	}
	after := r.quotaStep(ctx, "quota-after-append", name)
	after.RFC, after.Must = "RFC 9208 5", "do not trust this server's quota usage figures"
	if q2 := firstQuota(after.Result); q2 != nil {
		after.Expected, after.Got = usageChange(q, q2)
	}
	if err := stopped(after); err != nil {
		return err
	}
	return r.setSameQuota(ctx, q)
}

// quotaStep asks GETQUOTAROOT of a mailbox as a step.
func (r *run) quotaStep(ctx context.Context, kind, mailbox string) *Step {
	return r.step(ctx, stepSpec{kind: kind, ext: "QUOTA", label: "GETQUOTAROOT " + mailbox, wants: []string{"QUOTAROOT"}, rfc: "RFC 9208 4.3"},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.GetQuotaRoot(ctx, mailbox)
		})
}

// firstQuota returns the first QUOTA response of a result, or nil.
func firstQuota(res *client.Result) *client.QuotaData {
	if q := client.Of[*client.QuotaData](res); len(q) > 0 {
		return q[0]
	}
	return nil
}

// usageChange describes what one APPEND should do to each resource, and
// what it did.
func usageChange(before, after *client.QuotaData) (expected, got string) {
	var want, saw []string
	for _, b := range before.Resources {
		a, ok := resource(after, b.Name)
		if !ok {
			continue
		}
		switch strings.ToUpper(b.Name) {
		case "MESSAGE":
			want = append(want, fmt.Sprintf("MESSAGE %d", b.Usage+1))
			saw = append(saw, fmt.Sprintf("MESSAGE %d", a.Usage))
		case "STORAGE":
			want = append(want, "STORAGE grown")
			saw = append(saw, map[bool]string{true: "STORAGE grown", false: fmt.Sprintf("STORAGE %d (was %d)", a.Usage, b.Usage)}[a.Usage > b.Usage])
		}
	}
	return strings.Join(want, ", "), strings.Join(saw, ", ")
}

// resource finds a quota resource by name.
func resource(q *client.QuotaData, name string) (client.QuotaResource, bool) {
	for _, x := range q.Resources {
		if strings.EqualFold(x.Name, name) {
			return x, true
		}
	}
	return client.QuotaResource{}, false
}

// setSameQuota sends SETQUOTA with the root's present limits: OK for an
// admin, NO for a user; never BAD (detectBadForValidCommand).
func (r *run) setSameQuota(ctx context.Context, q *client.QuotaData) error {
	limits := make([]client.QuotaResource, len(q.Resources))
	for i, x := range q.Resources {
		limits[i] = client.QuotaResource{Name: x.Name, Limit: x.Limit}
	}
	st := r.step(ctx, stepSpec{kind: "setquota", ext: "QUOTA", label: "SETQUOTA " + quoted(q.Root) + " (the limits it has)", expect: expectEither},
		func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.SetQuota(ctx, q.Root, limits)
		})
	return stopped(st)
}
