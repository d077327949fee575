package render

import (
	"net/mail"
	"strconv"
	"strings"
	"time"

	"imapsh/client"
)

// The fixed headers of the kinds of responses that have rows in --format
// tsv and csv (README.md lists them). A header never depends on what the
// server sent: a column stays, empty, when its item was not asked for.
var (
	fetchRowHeader  = []string{"seq", "uid", "flags", "internaldate", "size", "modseq", "date", "from", "from_name", "to", "subject", "message_id"}
	listHeader      = []string{"mailbox", "delimiter", "attributes"}
	statusHeader    = []string{"mailbox", "messages", "recent", "uidnext", "uidvalidity", "unseen", "deleted", "size", "highestmodseq", "appendlimit", "mailboxid"}
	esearchHeader   = []string{"tag", "uid", "min", "max", "count", "all", "modseq"}
	threadHeader    = []string{"thread", "num", "parent"}
	namespaceHeader = []string{"type", "prefix", "delimiter"}
	quotaHeader     = []string{"root", "resource", "usage", "limit"}
	quotaRootHeader = []string{"mailbox", "root"}
	aclHeader       = []string{"mailbox", "identifier", "rights"}
	listRightsHdr   = []string{"mailbox", "identifier", "required", "optional"}
	myRightsHeader  = []string{"mailbox", "rights"}
	metadataHeader  = []string{"mailbox", "entry", "value"}
	annotationHdr   = []string{"mailbox", "entry", "attribute", "value"}
	idHeader        = []string{"name", "value"}
	vanishedHeader  = []string{"earlier", "uids"}
	mailboxHeader   = []string{"mailbox", "mode", "exists", "recent", "unseen", "uidvalidity", "uidnext", "highestmodseq", "flags", "permanentflags"}
)

// rowsOf returns the kind, header and rows of a response, or a nil header
// when it has none; note says what the rows leave out, for stderr.
func rowsOf(resp client.Response, opt RowOptions) (kind string, header []string, rows [][]string, note string) {
	switch d := resp.(type) {
	case *client.FetchData:
		return "FETCH", fetchRowHeader, [][]string{fetchRowFields(d)}, fetchNote(d)
	case *client.ListData:
		return d.Command, listHeader, [][]string{{Safe(d.Mailbox), Safe(d.Delim), Safe(strings.Join(d.Attrs, " "))}}, ""
	case *client.StatusData:
		row, note := statusRowFields(d)
		return "STATUS", statusHeader, [][]string{row}, note
	case *client.SearchData:
		return searchRows(d, opt)
	case *client.ESearchData:
		return "ESEARCH", esearchHeader, [][]string{esearchRowFields(d)}, ""
	case *client.ThreadData:
		return "THREAD", threadHeader, threadRows(d.Threads, "", nil, 0), ""
	case *client.NumberData:
		if d.Name == "EXPUNGE" {
			return "EXPUNGE", []string{"expunged"}, [][]string{{num(d.N)}}, ""
		}
		return "", nil, nil, "" // EXISTS, RECENT: the mailbox's state, not rows
	case *client.VanishedData:
		return "VANISHED", vanishedHeader, [][]string{{strconv.FormatBool(d.Earlier), d.UIDs.String()}}, ""
	}
	return adminRows(resp)
}

// adminRows are the rows of the access control, quota, metadata and
// server information responses.
func adminRows(resp client.Response) (string, []string, [][]string, string) {
	switch d := resp.(type) {
	case *client.QuotaData:
		return "QUOTA", quotaHeader, quotaRows(d), ""
	case *client.QuotaRootData:
		return "QUOTAROOT", quotaRootHeader, pairs(d.Mailbox, d.Roots), ""
	case *client.ACLData:
		rows := make([][]string, len(d.Entries))
		for i, e := range d.Entries {
			rows[i] = safeFields(d.Mailbox, e.Identifier, e.Rights)
		}
		return "ACL", aclHeader, rows, ""
	case *client.ListRightsData:
		return "LISTRIGHTS", listRightsHdr, [][]string{safeFields(d.Mailbox, d.Identifier, d.Required, strings.Join(d.Optional, " "))}, ""
	case *client.MyRightsData:
		return "MYRIGHTS", myRightsHeader, [][]string{safeFields(d.Mailbox, d.Rights)}, ""
	case *client.MetadataData:
		return "METADATA", metadataHeader, entryRows([]string{d.Mailbox}, d.Entries), ""
	case *client.AnnotationData:
		return "ANNOTATION", annotationHdr, entryRows([]string{d.Mailbox, d.Entry}, d.Attributes), ""
	case *client.IDData:
		return "ID", idHeader, entryRows(nil, d.Params), ""
	case *client.NamespaceData:
		return "NAMESPACE", namespaceHeader, namespaceRows(d), ""
	case *client.CapabilityData:
		return "CAPABILITY", []string{"capability"}, singles(d.Caps), ""
	case *client.EnabledData:
		return "ENABLED", []string{"enabled"}, singles(d.Caps), ""
	}
	return "", nil, nil, noRowsNote(resp)
}

// noRowsNote says what a response without rows means for the reader, or
// nothing for what only updates the session (EXISTS, FLAGS, untagged OK).
func noRowsNote(resp client.Response) string {
	switch d := resp.(type) {
	case *client.StatusResponse:
		if d.Status != "NO" && d.Status != "BAD" || d.Code != nil && d.Code.Name == "ALERT" {
			return "" // OK and PREAUTH update the session; BYE and alerts reach stderr anyway
		}
		return "server: " + statusText(d)
	case *client.FlagsData, *client.ContinuationData, *client.NumberData:
		return ""
	case *client.MalformedData:
		return "MALFORMED: " + Safe(d.Err.Error())
	}
	return "no rows for " + Safe(resp.Kind()) + " responses: --format table or json shows them"
}

// statusText is "NO [CODE args] text", safe.
func statusText(st *client.StatusResponse) string {
	parts := []string{st.Status}
	if st.Code != nil {
		parts = append(parts, "["+Safe(strings.TrimSpace(st.Code.Name+" "+strings.Join(st.Code.Strings(), " ")))+"]")
	}
	return strings.Join(append(parts, Safe(st.Text)), " ")
}

// safeFields makes each text safe.
func safeFields(texts ...string) []string {
	for i, t := range texts {
		texts[i] = Safe(t)
	}
	return texts
}

// pairs is one row per value after the first column: QUOTAROOT's roots.
func pairs(first string, values []string) [][]string {
	rows := make([][]string, len(values))
	for i, v := range values {
		rows[i] = safeFields(first, v)
	}
	return rows
}

// singles is one row per value: CAPABILITY's and ENABLED's names.
func singles(values []string) [][]string {
	rows := make([][]string, len(values))
	for i, v := range values {
		rows[i] = []string{Safe(v)}
	}
	return rows
}

// entryRows are name/value rows after the given leading columns; a NIL
// value is an empty field.
func entryRows(lead []string, entries []client.MetadataEntry) [][]string {
	rows := make([][]string, len(entries))
	for i, e := range entries {
		value := ""
		if e.Value != nil {
			value = *e.Value
		}
		rows[i] = safeFields(append(append([]string(nil), lead...), e.Name, value)...)
	}
	return rows
}

// quotaRows are a root's resources; STORAGE, counted in units of 1024
// octets (RFC 9208 section 5.1), is given in bytes like every size.
func quotaRows(d *client.QuotaData) [][]string {
	rows := make([][]string, len(d.Resources))
	for i, res := range d.Resources {
		usage, limit := res.Usage, res.Limit
		if strings.EqualFold(res.Name, "STORAGE") {
			usage, limit = usage*1024, limit*1024
		}
		rows[i] = []string{Safe(d.Root), Safe(res.Name), num(usage), num(limit)}
	}
	return rows
}

func namespaceRows(d *client.NamespaceData) [][]string {
	var rows [][]string
	for _, kind := range []struct {
		name  string
		descr []client.NamespaceDescr
	}{{"personal", d.Personal}, {"other", d.Other}, {"shared", d.Shared}} {
		for _, ns := range kind.descr {
			rows = append(rows, []string{kind.name, Safe(ns.Prefix), Safe(ns.Delim)})
		}
	}
	return rows
}

// mailboxRow is the summary of a selected mailbox.
func mailboxRow(m *client.Mailbox) []string {
	mode := "read-write"
	if m.ReadOnly {
		mode = "read-only"
	}
	return []string{Safe(m.Name), mode, num(m.Exists), num(m.Recent), numOrEmpty(uint64(m.Unseen)),
		numOrEmpty(uint64(m.UIDValidity)), numOrEmpty(uint64(m.UIDNext)), numOrEmpty(m.HighestModSeq),
		Safe(strings.Join(m.Flags, " ")), Safe(strings.Join(m.PermanentFlags, " "))}
}

// numOrEmpty is n, or "" for 0 (an item not sent).
func numOrEmpty(n uint64) string {
	if n == 0 {
		return ""
	}
	return num(n)
}

// rfc3339 formats a time for rows: sortable, read by spreadsheets.
func rfc3339(t time.Time) string { return t.Format(time.RFC3339) }

// headerDate is an envelope's Date as RFC 3339 when it parses, else as
// sent.
func headerDate(s string) string {
	if s == "" {
		return ""
	}
	if t, err := time.Parse(time.RFC1123Z, s); err == nil { // the common form, in one try: mail.ParseDate
		return rfc3339(t) // tries its layouts one by one, and failing ones cost an error each
	}
	if t, err := mail.ParseDate(s); err == nil {
		return rfc3339(t)
	}
	return Safe(s)
}
