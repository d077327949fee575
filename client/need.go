package client

import "strings"

// Cap is a capability name as servers announce it (RFC 9051 section
// 7.2.2); capabilities compare without regard to case.
type Cap string

// The capabilities the client's commands and options need.
const (
	CapIMAP4rev2        Cap = "IMAP4rev2"          // RFC 9051
	CapStartTLS         Cap = "STARTTLS"           // RFC 9051 section 6.2.1
	CapID               Cap = "ID"                 // RFC 2971
	CapEnable           Cap = "ENABLE"             // RFC 5161
	CapIdle             Cap = "IDLE"               // RFC 2177
	CapCompress         Cap = "COMPRESS=DEFLATE"   // RFC 4978
	CapNamespace        Cap = "NAMESPACE"          // RFC 2342
	CapUnselect         Cap = "UNSELECT"           // RFC 3691
	CapUIDPlus          Cap = "UIDPLUS"            // RFC 4315
	CapMove             Cap = "MOVE"               // RFC 6851
	CapESearch          Cap = "ESEARCH"            // RFC 4731
	CapSearchRes        Cap = "SEARCHRES"          // RFC 5182
	CapSASLIR           Cap = "SASL-IR"            // RFC 4959
	CapListExtended     Cap = "LIST-EXTENDED"      // RFC 5258
	CapListStatus       Cap = "LIST-STATUS"        // RFC 5819
	CapListMyRights     Cap = "LIST-MYRIGHTS"      // RFC 8440
	CapListMetadata     Cap = "LIST-METADATA"      // RFC 9590
	CapSpecialUse       Cap = "SPECIAL-USE"        // RFC 6154
	CapESort            Cap = "ESORT"              // RFC 5267
	CapPartial          Cap = "PARTIAL"            // RFC 9394
	CapContextSearch    Cap = "CONTEXT=SEARCH"     // RFC 5267
	CapContextSort      Cap = "CONTEXT=SORT"       // RFC 5267
	CapLiteralPlus      Cap = "LITERAL+"           // RFC 7888
	CapLiteralMinus     Cap = "LITERAL-"           // RFC 7888
	CapStatusSize       Cap = "STATUS=SIZE"        // RFC 8438
	CapSort             Cap = "SORT"               // RFC 5256
	CapCondStore        Cap = "CONDSTORE"          // RFC 7162
	CapQResync          Cap = "QRESYNC"            // RFC 7162
	CapCreateSpecialUse Cap = "CREATE-SPECIAL-USE" // RFC 6154
	CapMultiAppend      Cap = "MULTIAPPEND"        // RFC 3502
	CapACL              Cap = "ACL"                // RFC 4314
	CapQuota            Cap = "QUOTA"              // RFC 9208
	CapMetadata         Cap = "METADATA"           // RFC 5464
	CapMetadataServer   Cap = "METADATA-SERVER"    // RFC 5464
	CapAnnotateMore     Cap = "ANNOTATEMORE"       // draft-daboo-imap-annotatemore (Cyrus)
)

// foldedIntoRev2 are the extensions IMAP4rev2 makes part of the protocol
// (RFC 9051 appendix E): a server announcing IMAP4rev2 has them whether
// it lists them or not.
var foldedIntoRev2 = map[Cap]bool{
	CapNamespace: true, CapUnselect: true, CapUIDPlus: true, CapESearch: true,
	CapSearchRes: true, CapEnable: true, CapIdle: true, CapSASLIR: true,
	CapListExtended: true, CapListStatus: true, CapMove: true,
	CapLiteralMinus: true, CapStatusSize: true,
	CapBinary:     true, // FETCH BINARY[], BINARY.SIZE[] and APPEND's literal8 are in RFC 9051's grammar
	CapSpecialUse: true, // its LIST options and attributes, not CREATE-SPECIAL-USE
}

// CapSet is the set of capabilities a server announced, upper-cased.
type CapSet map[string]bool

// NewCapSet returns the set of caps as announced.
func NewCapSet(caps []string) CapSet {
	set := make(CapSet, len(caps))
	for _, c := range caps {
		set[strings.ToUpper(c)] = true
	}
	return set
}

// announced reports whether the server listed c itself.
func (s CapSet) announced(c Cap) bool { return s[strings.ToUpper(string(c))] }

// Has reports whether a server announcing s supports c: it listed c, or
// IMAP4rev2 when RFC 9051 folds c into the protocol, or LITERAL+ for
// LITERAL- (RFC 7888 section 5: LITERAL+ is a superset).
func (s CapSet) Has(c Cap) bool {
	switch {
	case s.announced(c):
		return true
	case foldedIntoRev2[c] && s.announced(CapIMAP4rev2):
		return true
	}
	return c == CapLiteralMinus && s.announced(CapLiteralPlus)
}

// Need is what an IMAP command needs before the client sends it: one of
// the States, and, when Caps is not empty, one of its capabilities (as
// CapSet.Has sees them, so IMAP4rev2 counts for what it includes). The
// client checks it; the shell's command table refers to the same value
// for availability, help and completion.
type Need struct {
	States State
	Caps   []Cap // any one; empty means base IMAP4rev1
}

// StateOK reports whether a session in state s may send the command.
func (n Need) StateOK(s State) bool { return s&n.States != 0 }

// CapsOK reports whether a server announcing caps supports the command;
// nil caps (not known yet) allow it.
func (n Need) CapsOK(caps CapSet) bool {
	if len(n.Caps) == 0 || caps == nil {
		return true
	}
	for _, c := range n.Caps {
		if caps.Has(c) {
			return true
		}
	}
	return false
}

// CapNames lists the capabilities that allow the command, IMAP4rev2 last
// when it includes all of them: [MOVE IMAP4rev2].
func (n Need) CapNames() []string {
	var names []string
	rev2 := len(n.Caps) > 0
	for _, c := range n.Caps {
		names = append(names, string(c))
		rev2 = rev2 && foldedIntoRev2[c]
	}
	if rev2 {
		names = append(names, string(CapIMAP4rev2))
	}
	return names
}

// Needs declares, once, what each IMAP command needs (RFC 9051 section 6
// and the extensions' RFCs). The Client methods named in each comment
// check it before sending; an option that needs a capability of its own
// (CHANGEDSINCE, RETURN, USE, ...) is checked on top.
var Needs = struct {
	Capability, Noop, Logout Need // Capability, Noop, Logout
	ID                       Need // ID (RFC 2971)
	Enable                   Need // Enable (RFC 5161)
	Xatom                    Need // Xatom: the server judges the state
	Stored                   Need // Responses, Codes: what arrived, no command
	StartTLS                 Need // StartTLS (refused with ErrTLSRequired without the capability)
	Login, Authenticate      Need // Login; Authenticate
	LoginCRAMMD5             Need // LoginCRAMMD5 (RFC 2195)
	ProxyAuth                Need // ProxyAuth
	Idle                     Need // Idle (RFC 2177)
	Compress                 Need // Compress (RFC 4978)
	Select                   Need // Select (and EXAMINE)
	Mailbox                  Need // Create, Delete, Rename, Subscribe, Unsubscribe, List, Lsub, Status, Append
	Namespace                Need // Namespace (RFC 2342)
	Unselect                 Need // Unselect (RFC 3691)
	Message                  Need // Check, CloseMailbox, Expunge, Search, Fetch, Store, Copy, Partial, Recent
	UIDExpunge               Need // Expunge with UIDs (RFC 4315)
	Move                     Need // Move (RFC 6851)
	Sort                     Need // Sort (RFC 5256)
	Thread                   Need // Thread (RFC 5256): the shell's algorithms; the client checks the one asked for
	ACL                      Need // GetACL, SetACL, DeleteACL, ListRights, MyRights (RFC 4314)
	Quota                    Need // GetQuota, GetQuotaRoot, SetQuota (RFC 9208)
	Metadata                 Need // GetMetadata, SetMetadata (RFC 5464)
	AnnotateMore             Need // GetAnnotation, SetAnnotation (draft ANNOTATEMORE)
}{
	Capability: Need{States: AnyState}, Noop: Need{States: AnyState}, Logout: Need{States: AnyState},
	ID:           Need{States: AnyState, Caps: []Cap{CapID}},
	Enable:       Need{States: StateAuthenticated, Caps: []Cap{CapEnable}},
	Xatom:        Need{States: AnyState | StateLogout},
	Stored:       Need{States: AnyState},
	StartTLS:     Need{States: NotAuthOnly, Caps: []Cap{CapStartTLS}},
	Login:        Need{States: NotAuthOnly},
	Authenticate: Need{States: NotAuthOnly},
	LoginCRAMMD5: Need{States: NotAuthOnly, Caps: []Cap{"AUTH=CRAM-MD5"}},
	ProxyAuth:    Need{States: StateAuthenticated},
	Idle:         Need{States: AuthOrSelect, Caps: []Cap{CapIdle}},
	Compress:     Need{States: AuthOrSelect, Caps: []Cap{CapCompress}},
	Select:       Need{States: AuthOrSelect},
	Mailbox:      Need{States: AuthOrSelect},
	Namespace:    Need{States: AuthOrSelect, Caps: []Cap{CapNamespace}},
	Unselect:     Need{States: SelectedState, Caps: []Cap{CapUnselect}},
	Message:      Need{States: SelectedState},
	UIDExpunge:   Need{States: SelectedState, Caps: []Cap{CapUIDPlus}},
	Move:         Need{States: SelectedState, Caps: []Cap{CapMove}},
	Sort:         Need{States: SelectedState, Caps: []Cap{CapSort}},
	Thread:       Need{States: SelectedState, Caps: []Cap{"THREAD=REFERENCES", "THREAD=ORDEREDSUBJECT"}},
	ACL:          Need{States: AuthOrSelect, Caps: []Cap{CapACL}},
	Quota:        Need{States: AuthOrSelect, Caps: []Cap{CapQuota}},
	Metadata:     Need{States: AuthOrSelect, Caps: []Cap{CapMetadata, CapMetadataServer}},
	AnnotateMore: Need{States: AuthOrSelect, Caps: []Cap{CapAnnotateMore}},
}
