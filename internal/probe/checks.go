package probe

import "context"

// Check is one entry of the probe's fixed list: it runs commands as
// steps (step.go) and returns an error only when it could not go on (a
// lost connection); what the server answered is judged by the detectors.
type Check struct {
	ID      string   // stable, lower case: shown in the report and the JSON
	Title   string   // what it exercises, for the report
	Caps    []string // runs only when one of them is announced; empty: always
	Write   bool     // needs --probe-write (a scratch mailbox)
	Mailbox bool     // needs a mailbox with messages, EXAMINEd (or the scratch one)
	OwnConn bool     // needs a connection of its own (not the shell's)
	Run     func(ctx context.Context, r *run) error
}

// checks is the probe's list, in the order it runs: read-only checks on
// the session, the write checks on the scratch mailbox, then the checks
// on a mailbox with messages (EXAMINE only), then COMPRESS on a connection
// of its own. The README lists them.
var checks = []*Check{
	{ID: "id", Title: "ID: the server's name and version (RFC 2971)", Caps: []string{"ID"}, Run: checkID},
	{ID: "namespace", Title: "NAMESPACE (RFC 2342)", Caps: []string{"NAMESPACE"}, Run: checkNamespace},
	{ID: "enable", Title: "ENABLE CONDSTORE, QRESYNC, UTF8=ACCEPT (RFC 5161)", Caps: []string{"ENABLE"}, Run: checkEnable},
	{ID: "list", Title: "LIST, LIST-EXTENDED, LIST-STATUS (RFC 9051, 5258, 5819)", Run: checkList},
	{ID: "special-use", Title: "LIST (SPECIAL-USE) (RFC 6154)", Caps: []string{"SPECIAL-USE"}, Run: checkSpecialUse},
	{ID: "status", Title: "STATUS with every item announced, and one unknown (RFC 9051 6.3.11)", Run: checkStatus},
	{ID: "unknown-command", Title: "an unknown command and extra arguments get BAD (RFC 9051 7.1.3)", Run: checkUnknownCommand},
	{ID: "quota", Title: "GETQUOTAROOT and GETQUOTA (RFC 9208)", Caps: []string{"QUOTA"}, Run: checkQuota},
	{ID: "acl", Title: "MYRIGHTS and GETACL (RFC 4314)", Caps: []string{"ACL"}, Run: checkACL},
	{ID: "metadata", Title: "GETMETADATA on the server and INBOX (RFC 5464)", Caps: []string{"METADATA", "METADATA-SERVER"}, Run: checkMetadata},

	{ID: "scratch", Title: "CREATE the scratch mailboxes, twice (RFC 9051 6.3.4, RFC 5530)", Write: true, Run: checkScratch},
	{ID: "append", Title: "APPEND to the selected mailbox: EXISTS, APPENDUID (RFC 9051 6.3.12, RFC 4315)", Write: true, Run: checkAppend},
	{ID: "multiappend", Title: "MULTIAPPEND (RFC 3502)", Write: true, Caps: []string{"MULTIAPPEND"}, Run: checkMultiAppend},
	{ID: "store-examine", Title: "STORE after EXAMINE is refused (RFC 9051 6.3.3)", Write: true, Run: checkStoreExamine},
	{ID: "condstore-store", Title: "STORE UNCHANGEDSINCE and MODIFIED (RFC 7162)", Write: true, Caps: []string{"CONDSTORE"}, Run: checkCondStoreStore},
	{ID: "copy-move", Title: "COPY and MOVE with COPYUID (RFC 4315, RFC 6851)", Write: true, Run: checkCopyMove},
	{ID: "expunge", Title: "EXPUNGE, UID EXPUNGE, VANISHED under QRESYNC (RFC 9051, 4315, 7162)", Write: true, Run: checkExpunge},
	{ID: "utf8", Title: "UTF8=ACCEPT: a UTF-8 mailbox name and header round trip (RFC 6855)", Write: true, Caps: []string{"UTF8=ACCEPT"}, Run: checkUTF8},
	{ID: "quota-usage", Title: "quota usage follows APPEND; SETQUOTA with the same limits (RFC 9208)", Write: true, Caps: []string{"QUOTA"}, Run: checkQuotaUsage},

	{ID: "examine", Title: "EXAMINE: READ-ONLY, required data, HIGHESTMODSEQ (RFC 9051 6.3.3, RFC 7162)", Mailbox: true, Run: checkExamine},
	{ID: "fetch", Title: "FETCH of one message: BINARY, MODSEQ, PREVIEW, SAVEDATE, OBJECTID items", Mailbox: true, Run: checkFetch},
	{ID: "search", Title: "SEARCH, ESEARCH, an unknown CHARSET (RFC 9051 6.4.4, RFC 4731)", Mailbox: true, Run: checkSearch},
	{ID: "literal", Title: "non-synchronizing literals (RFC 7888), also after a refused command", Mailbox: true, Caps: []string{"LITERAL+", "LITERAL-"}, Run: checkLiteral},
	{ID: "sort", Title: "SORT (RFC 5256)", Mailbox: true, Caps: []string{"SORT"}, Run: checkSort},
	{ID: "thread", Title: "THREAD (RFC 5256)", Mailbox: true, Caps: []string{"THREAD"}, Run: checkThread},
	{ID: "idle", Title: "IDLE: +, DONE, OK (RFC 2177)", Mailbox: true, Caps: []string{"IDLE"}, Run: checkIdle},
	{ID: "unselect", Title: "UNSELECT (RFC 3691)", Mailbox: true, Caps: []string{"UNSELECT"}, Run: checkUnselect},
	{ID: "compress", Title: "COMPRESS=DEFLATE on a new connection, and the ratio seen (RFC 4978)", OwnConn: true, Caps: []string{"COMPRESS=DEFLATE"}, Run: checkCompress},
}

// checkByID returns the check with an ID, or nil.
func checkByID(id string) *Check {
	for _, c := range checks {
		if c.ID == id {
			return c
		}
	}
	return nil
}
