package client

import (
	"time"

	"imapsh/client/internal/wire"
)

// Value is a generic IMAP data item (atom, number, string, NIL or list),
// used for anything the client does not model.
type Value = wire.Value

// Generic value kinds, re-exported for renderers.
const (
	KindAtom   = wire.KindAtom
	KindNumber = wire.KindNumber
	KindString = wire.KindString
	KindNil    = wire.KindNil
	KindList   = wire.KindList
)

// Response is one untagged server response, parsed. The concrete types are
// the *XxxData types of this package, *StatusResponse and *GenericData.
type Response interface {
	// Kind names the response as on the wire: "FETCH", "LIST", "EXISTS"...
	Kind() string
}

// Code is a response code, the bracketed part of a status response
// (RFC 9051 section 7.1): ALERT, PERMANENTFLAGS, UIDVALIDITY, UIDNEXT,
// READ-ONLY, READ-WRITE, TRYCREATE, APPENDUID, COPYUID, HIGHESTMODSEQ,
// CAPABILITY, ... Args holds its data as generic values.
type Code struct {
	Name string
	Args []Value
	Raw  string // the data after the name as sent, when Args do not show it so
}

// Number returns the code's first argument as a number (UIDVALIDITY,
// UIDNEXT, HIGHESTMODSEQ, UNSEEN).
func (c *Code) Number() (uint64, bool) {
	if c == nil || len(c.Args) == 0 || c.Args[0].Kind != wire.KindNumber {
		return 0, false
	}
	return c.Args[0].Num, true
}

// Strings flattens the code's arguments to text: the flags of
// PERMANENTFLAGS, the capabilities of CAPABILITY, the charsets of BADCHARSET.
func (c *Code) Strings() []string {
	if c == nil {
		return nil
	}
	var out []string
	for _, a := range c.Args {
		if a.Kind == wire.KindList {
			for _, e := range a.List {
				out = append(out, e.AsString())
			}
			continue
		}
		out = append(out, a.AsString())
	}
	return out
}

// StatusResponse is a status response: tagged (the end of a command) or
// untagged OK/NO/BAD/BYE/PREAUTH (RFC 9051 section 7.1).
type StatusResponse struct {
	Tag    string // "" when untagged
	Status string // OK, NO, BAD, BYE, PREAUTH
	Code   *Code
	Text   string
	// notStatus holds the words after the tag when they did not start
	// with OK, NO or BAD (the line then completes its command as BAD).
	notStatus string
}

// Kind implements Response.
func (r *StatusResponse) Kind() string { return r.Status }

// CapabilityData is a CAPABILITY response (RFC 9051 section 7.2.2).
type CapabilityData struct{ Caps []string }

// Kind implements Response.
func (*CapabilityData) Kind() string { return "CAPABILITY" }

// EnabledData is an ENABLED response (RFC 5161).
type EnabledData struct{ Caps []string }

// Kind implements Response.
func (*EnabledData) Kind() string { return "ENABLED" }

// ListData is a LIST, LSUB or XLIST response (RFC 9051 section 7.3.1, RFC
// 5258 LIST-EXTENDED). Mailbox is decoded to UTF-8; Raw is as on the wire.
type ListData struct {
	Command  string // LIST, LSUB or XLIST
	Attrs    []string
	Delim    string // "" for NIL (flat namespace)
	Mailbox  string
	Raw      string
	Extended []Value // mbox-list-extended items: CHILDINFO, OLDNAME, ...
}

// Kind implements Response.
func (r *ListData) Kind() string { return r.Command }

// HasAttr reports whether the mailbox has an attribute such as \Noselect
// (compared case-insensitively, as RFC 9051 requires).
func (r *ListData) HasAttr(attr string) bool {
	for _, a := range r.Attrs {
		if equalFold(a, attr) {
			return true
		}
	}
	return false
}

// StatusItem is one attribute of a STATUS response: a number, or (Data)
// another value such as APPENDLIMIT NIL or MAILBOXID (id).
type StatusItem struct {
	Name  string
	Value uint64
	Data  *Value // non-numeric value as sent; nil for numbers
}

// StatusData is a STATUS response (RFC 9051 section 7.3.3), also sent
// within LIST-STATUS (RFC 5819).
type StatusData struct {
	Mailbox string
	Items   []StatusItem
}

// Kind implements Response.
func (*StatusData) Kind() string { return "STATUS" }

// Get returns the value of a numeric STATUS item such as MESSAGES.
func (s *StatusData) Get(name string) (uint64, bool) {
	for _, it := range s.Items {
		if equalFold(it.Name, name) && it.Data == nil {
			return it.Value, true
		}
	}
	return 0, false
}

// NumberData is a message-number response: EXISTS (RFC 9051 section
// 7.4.1), EXPUNGE (section 7.5.1) or RECENT (RFC 3501 section 7.3.2).
type NumberData struct {
	Name string // EXISTS, RECENT or EXPUNGE
	N    uint32
}

// Kind implements Response.
func (r *NumberData) Kind() string { return r.Name }

// FlagsData is a FLAGS response (RFC 9051 section 7.3.5).
type FlagsData struct{ Flags []string }

// Kind implements Response.
func (*FlagsData) Kind() string { return "FLAGS" }

// SearchData is a SEARCH or SORT response (RFC 3501 section 7.2.5, RFC
// 5256; IMAP4rev2 answers with ESEARCH); ModSeq is set with CONDSTORE
// (RFC 7162).
type SearchData struct {
	Command string // SEARCH or SORT
	Nums    []uint32
	ModSeq  uint64
}

// Kind implements Response.
func (r *SearchData) Kind() string { return r.Command }

// ESearchData is an ESEARCH response (RFC 4731, RFC 9051 section 7.3.4).
// Ranges are kept as ranges.
type ESearchData struct {
	Tag         string         // the correlator's command tag
	Mailbox     string         // the correlator's mailbox (RFC 7377 MULTISEARCH)
	UIDValidity uint32         // and its UIDVALIDITY
	UID         bool           // the numbers are UIDs (the UID indicator)
	Min         *uint32        // MIN; nil when not returned
	Max         *uint32        // MAX; nil when not returned
	Count       *uint32        // COUNT; nil when not returned
	All         NumSet         // ALL, as ranges; nil when not returned
	ModSeq      uint64         // MODSEQ (RFC 7162); 0 when not returned
	Partial     *PartialResult // PARTIAL (RFC 9394)
	Other       []Value        // unknown return items, as name/value pairs
}

// PartialResult is the PARTIAL return data of an ESEARCH response (RFC
// 9394): the range asked for, as sent ("1:100", "-1:-100"), and the
// messages found in it, in the server's order (nil for NIL: none).
type PartialResult struct {
	Range string
	Set   NumSet
}

// Kind implements Response.
func (*ESearchData) Kind() string { return "ESEARCH" }

// ThreadNode is one message of a THREAD tree (RFC 5256): Num is 0 for the
// dummy parent of siblings that have no common message.
type ThreadNode struct {
	Num      uint32
	Children []*ThreadNode
}

// ThreadData is a THREAD response (RFC 5256 section 4): a forest of
// threads.
type ThreadData struct{ Threads []*ThreadNode }

// Kind implements Response.
func (*ThreadData) Kind() string { return "THREAD" }

// NamespaceDescr is one namespace of a NAMESPACE response.
type NamespaceDescr struct {
	Prefix string
	Delim  string
	Ext    []Value
}

// NamespaceData is a NAMESPACE response (RFC 2342).
type NamespaceData struct {
	Personal, Other, Shared []NamespaceDescr
}

// Kind implements Response.
func (*NamespaceData) Kind() string { return "NAMESPACE" }

// QuotaResource is a resource of a QUOTA response: usage and limit.
type QuotaResource struct {
	Name  string
	Usage uint64
	Limit uint64
}

// QuotaData is a QUOTA response (RFC 9208).
type QuotaData struct {
	Root      string
	Resources []QuotaResource
}

// Kind implements Response.
func (*QuotaData) Kind() string { return "QUOTA" }

// QuotaRootData is a QUOTAROOT response (RFC 9208).
type QuotaRootData struct {
	Mailbox string
	Roots   []string
}

// Kind implements Response.
func (*QuotaRootData) Kind() string { return "QUOTAROOT" }

// ACLEntry is an identifier and its rights.
type ACLEntry struct {
	Identifier string
	Rights     string
}

// ACLData is an ACL response (RFC 4314).
type ACLData struct {
	Mailbox string
	Entries []ACLEntry
}

// Kind implements Response.
func (*ACLData) Kind() string { return "ACL" }

// ListRightsData is a LISTRIGHTS response (RFC 4314).
type ListRightsData struct {
	Mailbox    string
	Identifier string
	Required   string
	Optional   []string
}

// Kind implements Response.
func (*ListRightsData) Kind() string { return "LISTRIGHTS" }

// MyRightsData is a MYRIGHTS response (RFC 4314).
type MyRightsData struct {
	Mailbox string
	Rights  string
}

// Kind implements Response.
func (*MyRightsData) Kind() string { return "MYRIGHTS" }

// MetadataEntry is one entry of a METADATA response; Value is nil for NIL.
type MetadataEntry struct {
	Name  string
	Value *string
}

// MetadataData is a METADATA response (RFC 5464). An unsolicited one lists
// only entry names (no values).
type MetadataData struct {
	Mailbox string
	Entries []MetadataEntry
}

// Kind implements Response.
func (*MetadataData) Kind() string { return "METADATA" }

// AnnotationData is an ANNOTATION response (draft-daboo-imap-annotatemore,
// imaplib's getannotation).
type AnnotationData struct {
	Mailbox    string
	Entry      string
	Attributes []MetadataEntry
}

// Kind implements Response.
func (*AnnotationData) Kind() string { return "ANNOTATION" }

// IDData is an ID response (RFC 2971); nil Params for NIL.
type IDData struct{ Params []MetadataEntry }

// Kind implements Response.
func (*IDData) Kind() string { return "ID" }

// VanishedData is a VANISHED response (RFC 7162 QRESYNC).
type VanishedData struct {
	Earlier bool
	UIDs    NumSet
}

// Kind implements Response.
func (*VanishedData) Kind() string { return "VANISHED" }

// GenericData is any untagged response the client does not model, kept as
// a tree: "* 3 XFOO (a b)" has Num 3, Name XFOO and the list as Fields.
type GenericData struct {
	Num    *uint32
	Name   string
	Fields []Value
}

// Kind implements Response.
func (r *GenericData) Kind() string { return r.Name }

// ContinuationData is a command continuation request ("+ text", RFC 9051
// section 7.6).
type ContinuationData struct{ Text string }

// Kind implements Response.
func (*ContinuationData) Kind() string { return "+" }

// Address is an ENVELOPE address (RFC 9051 section 7.5.2). A group start
// has Mailbox set and Host empty; a group end has both empty.
type Address struct {
	Name, ADL, Mailbox, Host string
}

// Envelope is the ENVELOPE fetch item. Subject and names are as sent
// (RFC 2047 words undecoded); render decodes them for display.
type Envelope struct {
	Date                               string
	Subject                            string
	From, Sender, ReplyTo, To, Cc, Bcc []Address
	InReplyTo, MessageID               string
}

// BodyStructure is the BODYSTRUCTURE or BODY fetch item as a tree (RFC 9051
// section 7.5.2). Multipart parts have Parts and Subtype; others Type.
type BodyStructure struct {
	Type, Subtype string
	Params        []Param
	ID            string
	Description   string
	Encoding      string
	Size          uint64 // body-fld-octets (number; wider values are shown as sent)
	Lines         uint64 // body-fld-lines (number64 in RFC 9051)
	MD5           string
	Disposition   string
	DispParams    []Param
	Language      []string
	Location      string
	Parts         []*BodyStructure // multipart children
	Envelope      *Envelope        // message/rfc822
	Body          *BodyStructure   // message/rfc822 inner structure
	Ext           []Value          // extension data beyond what is modelled
}

// Param is a body parameter (name, value).
type Param struct{ Name, Value string }

// BodySection is one BODY[section]<origin> or BINARY[section] fetch item.
// Data is nil when the section was streamed to a writer (then Streamed
// bytes went there), when no command in flight asked for body data (then
// Dropped is set and Streamed bytes were discarded, see Result.Dropped)
// or when the server sent NIL.
type BodySection struct {
	Name     string  // as sent by the server, e.g. BODY[HEADER.FIELDS (SUBJECT)]
	Section  string  // the part inside the brackets
	Origin   *uint32 // the <origin> of a partial fetch; nil for none
	Data     []byte
	Nil      bool  // the server sent NIL
	Streamed int64 // bytes written to the stream or discarded (Dropped)
	Dropped  bool
}

// FetchData is a FETCH response (RFC 9051 section 7.5.2) with the modelled
// items typed and any other (X-GM-LABELS, SNIPPET, ...) kept in Other.
type FetchData struct {
	Seq           uint32 // the message sequence number
	UID           uint32 // 0 when UID was not sent
	Flags         []string
	HasFlags      bool      // FLAGS was sent (Flags may still be empty)
	InternalDate  time.Time // zero when absent or when RawDate does not parse
	RawDate       string    // INTERNALDATE as sent
	Size          uint64    // RFC822.SIZE
	HasSize       bool      // RFC822.SIZE was sent and fits
	Envelope      *Envelope
	BodyStructure *BodyStructure
	Sections      []BodySection
	ModSeq        uint64
	Other         []NamedValue
}

// Kind implements Response.
func (*FetchData) Kind() string { return "FETCH" }

// NamedValue is an item name and its generic value.
type NamedValue struct {
	Name  string
	Value Value
}
