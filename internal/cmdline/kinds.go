package cmdline

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ArgKind says what an argument of a shell command is. One table (kinds)
// says, for every kind, how the shell checks a word (Check), what
// completion offers (Completion, Words), and how redaction shows it
// (Redaction); dispatch, completion and redaction read nothing else.
type ArgKind int

// The argument kinds. Kinds marked "rest" take the remainder of the line.
const (
	Atom          ArgKind = iota // an atom; completes from Arg.Values
	Mailbox                      // a mailbox name (UTF-8), from the last LIST
	Pattern                      // a LIST pattern with * and %
	SeqSet                       // a sequence set or UID set: 1:5,7,9:*
	FetchItems                   // rest: fetch items, (UID FLAGS BODY.PEEK[HEADER])
	SearchKeys                   // rest: search criteria, SUBJECT "hello world"
	Flags                        // rest: flags for STORE, \Seen \Flagged
	FlagList                     // one token: a flag or a parenthesised flag list (APPEND)
	StoreOp                      // FLAGS, +FLAGS, -FLAGS, optionally .SILENT
	StatusItems                  // rest: STATUS items, MESSAGES UNSEEN
	Secret                       // a password or token: never shown, never saved
	User                         // a user name
	Rights                       // ACL rights (RFC 4314): lrswipkxtea
	Identifier                   // an ACL identifier: a user, group or "anyone"
	Capability                   // rest: capabilities to ENABLE
	Mechanism                    // a SASL mechanism from AUTH=
	Number                       // a decimal number
	Path                         // a local file path
	Rest                         // rest: the raw remainder of the line
	Date                         // an internal date, "04-Mar-2024 09:15:00 +0100"
	SortKeys                     // one token: a parenthesised sort criteria list
	Topic                        // a help topic: a command name or "scripts"
	Switch                       // on or off
	Variable                     // a \set variable name
	URL                          // imaps://user@host/mailbox
	SelectParams                 // rest: SELECT parameters, (CONDSTORE) or (QRESYNC (...)) (RFC 7162)
	ListSelection                // a LIST selection option list, (SUBSCRIBED) (RFC 5258, RFC 6154)
	ListReturn                   // a LIST return option list, (CHILDREN STATUS (MESSAGES)) (RFC 5258, RFC 5819)
	SearchReturn                 // a SEARCH or SORT return option list, (MIN MAX COUNT) (RFC 4731, RFC 5267, RFC 9394)
	Duration                     // a time span: seconds (30) or with a unit (90s, 5m, 1h)
	numKinds                     // the number of kinds; keep last
)

// Completion says what completion offers for a kind.
type Completion int

// The completion rules.
const (
	CompleteNothing    Completion = iota // nothing sensible, or nothing that may be shown
	CompleteValues                       // the argument's own Values
	CompleteWords                        // the kind's Words
	CompleteMailboxes                    // mailbox names from the last LIST
	CompleteFlags                        // the mailbox's permanent flags, else SystemFlags
	CompleteEnable                       // announced capabilities that ENABLE acts on
	CompleteMechanisms                   // the AUTH= mechanisms announced
	CompletePaths                        // local files
	CompleteTopics                       // the kind's Words and the command names
	CompleteVariables                    // ON_ERROR_STOP and the \set variables
)

// Redaction says how the words of a kind are shown.
type Redaction int

// The redaction rules.
const (
	RedactNone Redaction = iota // shown as typed
	RedactWord                  // the whole word is a secret
	RedactURL                   // a URL's password is a secret
)

// kind is one row of the table of kinds.
type kind struct {
	name     string
	rest     bool               // takes the rest of the line
	inner    bool               // completion works inside a group: (UID FL
	check    func(string) error // nil: free text, the server (or handler) judges
	complete Completion
	words    []string // CompleteWords, CompleteTopics
	caseless bool     // words match in any case (and answer in the typed case)
	redact   Redaction
}

// kinds is the table of kinds (IMAP vocabulary from RFC 9051 unless noted).
var kinds = [numKinds]kind{
	Atom:        {name: "atom", complete: CompleteValues, caseless: true},
	Mailbox:     {name: "mailbox", complete: CompleteMailboxes},
	Pattern:     {name: "pattern", complete: CompleteMailboxes},
	SeqSet:      {name: "seqset", check: checkSeqSet},
	FetchItems:  {name: "fetch items", rest: true, inner: true, complete: CompleteWords, words: fetchItems, caseless: true},
	SearchKeys:  {name: "search keys", rest: true, inner: true, complete: CompleteWords, words: searchKeys, caseless: true},
	Flags:       {name: "flags", rest: true, inner: true, complete: CompleteFlags, caseless: true},
	FlagList:    {name: "flag list", inner: true, complete: CompleteFlags, caseless: true},
	StoreOp:     {name: "store op", check: checkStoreOp, complete: CompleteWords, words: storeOps, caseless: true},
	StatusItems: {name: "status items", rest: true, inner: true, complete: CompleteWords, words: statusItems, caseless: true},
	Secret:      {name: "secret", redact: RedactWord},
	User:        {name: "user"},
	Rights:      {name: "rights", complete: CompleteWords, words: []string{"lrswipkxtea", "lrs", "lrswi", "+", "-"}}, // RFC 4314
	Identifier:  {name: "identifier", complete: CompleteWords, words: []string{"anyone", "authenticated"}},
	Capability:  {name: "capability", rest: true, inner: true, complete: CompleteEnable, caseless: true},
	Mechanism:   {name: "mechanism", complete: CompleteMechanisms, caseless: true},
	Number:      {name: "number", check: checkNumber},
	Path:        {name: "path", complete: CompletePaths},
	Rest:        {name: "rest", rest: true, inner: true},
	Date:        {name: "date", check: checkDate},
	Duration:    {name: "duration", check: checkDuration},
	SortKeys:    {name: "sort keys", inner: true, check: checkSortKeys, complete: CompleteWords, words: sortKeys, caseless: true},
	Topic:       {name: "topic", complete: CompleteTopics, words: []string{"scripts", "all"}, caseless: true},
	Switch:      {name: "switch", check: checkSwitch, complete: CompleteWords, words: []string{"on", "off"}, caseless: true},
	Variable:    {name: "variable", complete: CompleteVariables},
	URL:         {name: "url", redact: RedactURL},
	SelectParams: {name: "select parameters", rest: true, inner: true, complete: CompleteWords,
		words: []string{"CONDSTORE", "QRESYNC"}, caseless: true},
	ListSelection: {name: "list selection", inner: true, check: checkGroup, complete: CompleteWords,
		words: []string{"SUBSCRIBED", "REMOTE", "RECURSIVEMATCH", "SPECIAL-USE"}, caseless: true},
	ListReturn: {name: "list return options", inner: true, check: checkGroup, complete: CompleteWords,
		words: append([]string{"CHILDREN", "SUBSCRIBED", "STATUS", "SPECIAL-USE", "MYRIGHTS"}, statusItems...), caseless: true},
	SearchReturn: {name: "return options", inner: true, check: checkGroup, complete: CompleteWords,
		words: []string{"MIN", "MAX", "COUNT", "ALL", "SAVE", "PARTIAL"}, caseless: true},
}

// Static completion lists (RFC 9051 unless noted); what an extension's
// word needs is declared in client.ItemNeeds, and completion offers it
// only when the server has it.
var (
	fetchItems = []string{"ALL", "FAST", "FULL", "UID", "FLAGS", "ENVELOPE",
		"INTERNALDATE", "RFC822.SIZE", "BODYSTRUCTURE", "BODY", "BODY[", "BODY.PEEK[",
		"BODY[HEADER]", "BODY.PEEK[HEADER]", "BODY[TEXT]", "BODY.PEEK[TEXT]",
		"BODY.PEEK[HEADER.FIELDS", "BINARY[", "BINARY.PEEK[", "BINARY.SIZE[",
		"RFC822", "RFC822.HEADER", "RFC822.TEXT", "MODSEQ", "SAVEDATE", "EMAILID", "THREADID",
		"PREVIEW", "X-GM-MSGID", "X-GM-THRID", "X-GM-LABELS"}
	searchKeys = []string{"ALL", "ANSWERED", "BCC", "BEFORE", "BODY", "CC", "DELETED",
		"DRAFT", "FLAGGED", "FROM", "HEADER", "KEYWORD", "LARGER", "MODSEQ", "NEW",
		"NOT", "OLD", "ON", "OR", "RECENT", "SEEN", "SENTBEFORE", "SENTON", "SENTSINCE",
		"SINCE", "SMALLER", "SUBJECT", "TEXT", "TO", "UID", "UNANSWERED", "UNDELETED",
		"UNDRAFT", "UNFLAGGED", "UNKEYWORD", "UNSEEN", "CHARSET", "RETURN",
		"EMAILID", "THREADID", "SAVEDBEFORE", "SAVEDON", "SAVEDSINCE", "SAVEDATESUPPORTED",
		"OLDER", "YOUNGER", "FUZZY", "X-GM-RAW", "X-GM-MSGID", "X-GM-THRID", "X-GM-LABELS"}
	storeOps    = []string{"FLAGS", "+FLAGS", "-FLAGS", "FLAGS.SILENT", "+FLAGS.SILENT", "-FLAGS.SILENT"}
	statusItems = []string{"MESSAGES", "RECENT", "UIDNEXT", "UIDVALIDITY", "UNSEEN",
		"DELETED", "SIZE", "HIGHESTMODSEQ", "APPENDLIMIT", "MAILBOXID"}
	sortKeys = []string{"(ARRIVAL)", "(DATE)", "(REVERSE DATE)", "(FROM)", "(SUBJECT)", "(SIZE)", "(TO)", "(CC)"}
)

// SystemFlags are the flags of RFC 9051 section 2.3.2, offered when the
// mailbox's own are not known.
var SystemFlags = []string{`\Answered`, `\Flagged`, `\Deleted`, `\Seen`, `\Draft`}

// String names the kind as in help texts.
func (k ArgKind) String() string {
	if k < 0 || k >= numKinds {
		return "invalid"
	}
	return kinds[k].name
}

// TakesRest reports whether the kind takes the rest of the line.
func (k ArgKind) TakesRest() bool { return kinds[k].rest }

// CompletesInside reports whether completion works on the fragment after
// the last blank or "(" of the word: fetch items, flag lists, sort keys.
func (k ArgKind) CompletesInside() bool { return kinds[k].inner }

// Check reports why a word is no valid argument of the kind, or nil.
func (k ArgKind) Check(s string) error {
	if check := kinds[k].check; check != nil {
		return check(s)
	}
	return nil
}

// Completion says what completion offers for the kind.
func (k ArgKind) Completion() Completion { return kinds[k].complete }

// Words are the kind's fixed completion words; Caseless says whether they
// match in any case.
func (k ArgKind) Words() []string { return kinds[k].words }

// Caseless reports whether the kind's words match in any case.
func (k ArgKind) Caseless() bool { return kinds[k].caseless }

// Redaction says how words of the kind are shown.
func (k ArgKind) Redaction() Redaction { return kinds[k].redact }

// AllKinds lists every argument kind, for exhaustive tests.
func AllKinds() []ArgKind {
	out := make([]ArgKind, numKinds)
	for i := range out {
		out[i] = ArgKind(i)
	}
	return out
}

func checkSeqSet(s string) error {
	if !ValidSeqSet(s) {
		return fmt.Errorf("%q is not a sequence set (like 1:5,7,9:*)", s)
	}
	return nil
}

// ValidSeqSet reports whether s is an RFC 9051 sequence-set (numbers from
// 1 to 2^32-1 or *, ranges with ":", joined by ","), or the SEARCHRES
// marker "$" (RFC 5182).
func ValidSeqSet(s string) bool {
	if s == "$" {
		return true
	}
	for _, part := range strings.Split(s, ",") {
		a, b, isRange := strings.Cut(part, ":")
		if !seqNumber(a) || (isRange && !seqNumber(b)) {
			return false
		}
	}
	return true
}

func seqNumber(s string) bool {
	if s == "*" {
		return true
	}
	n, err := strconv.ParseUint(s, 10, 32)
	return err == nil && n > 0
}

func checkNumber(s string) error {
	if _, err := strconv.ParseUint(s, 10, 32); err != nil {
		return fmt.Errorf("%q is not a number", s)
	}
	return nil
}

func checkDuration(s string) error {
	_, err := ParseDuration(s)
	return err
}

// ParseDuration reads a Duration argument: a number of seconds (30) or a
// Go duration (90s, 5m, 1h30m), more than zero.
func ParseDuration(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if n, nerr := strconv.ParseUint(s, 10, 32); nerr == nil {
		d, err = time.Duration(n)*time.Second, nil
	}
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q is not a duration (seconds, or with a unit: 90s, 5m, 1h)", s)
	}
	return d, nil
}

var storeOpRE = regexp.MustCompile(`(?i)^[+-]?FLAGS(\.SILENT)?$`)

// unchangedSinceRE matches the STORE modifier (UNCHANGEDSINCE n) of RFC 7162.
var unchangedSinceRE = regexp.MustCompile(`(?i)^\(UNCHANGEDSINCE ([0-9]+)\)$`)

// IsStoreOp reports FLAGS, +FLAGS or -FLAGS, optionally with .SILENT.
func IsStoreOp(s string) bool { return storeOpRE.MatchString(s) }

// UnchangedSince returns n of the STORE modifier (UNCHANGEDSINCE n).
func UnchangedSince(s string) (uint64, bool) {
	m := unchangedSinceRE.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	n, err := strconv.ParseUint(m[1], 10, 64)
	return n, err == nil
}

func checkStoreOp(s string) error {
	if _, ok := UnchangedSince(s); !IsStoreOp(s) && !ok {
		return fmt.Errorf("%q is not FLAGS, +FLAGS or -FLAGS (optionally .SILENT), nor (UNCHANGEDSINCE n)", s)
	}
	return nil
}

// dateLayout is RFC 9051's date-time: "04-Mar-2024 09:15:00 +0100".
const dateLayout = "_2-Jan-2006 15:04:05 -0700"

func checkDate(s string) error {
	if _, err := time.Parse(dateLayout, strings.TrimSpace(s)); err != nil {
		return fmt.Errorf("%q is not a date like \"04-Mar-2024 09:15:00 +0100\"", s)
	}
	return nil
}

func checkSortKeys(s string) error {
	if !strings.HasPrefix(s, "(") || !strings.HasSuffix(s, ")") {
		return fmt.Errorf("%q is not a parenthesised sort list like (REVERSE DATE)", s)
	}
	return nil
}

// checkGroup accepts one parenthesised list, (MIN MAX) or ().
func checkGroup(s string) error {
	if !IsGroup(s) {
		return fmt.Errorf("%q is not a parenthesised list like (MIN MAX)", s)
	}
	return nil
}

func checkSwitch(s string) error {
	_, err := ParseSwitch(s)
	return err
}

// ParseSwitch reads on|off (true, 1, yes; false, 0, no).
func ParseSwitch(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "on", "true", "1", "yes":
		return true, nil
	case "off", "false", "0", "no":
		return false, nil
	}
	return false, fmt.Errorf("%q is not on or off", s)
}
