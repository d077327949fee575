package client

import "strings"

// The capabilities of items that extensions add to FETCH, SEARCH and
// STATUS (ItemNeeds).
const (
	CapBinary      Cap = "BINARY"       // RFC 3516; part of IMAP4rev2
	CapObjectID    Cap = "OBJECTID"     // RFC 8474
	CapSaveDate    Cap = "SAVEDATE"     // RFC 8514
	CapPreview     Cap = "PREVIEW"      // RFC 8970
	CapWithin      Cap = "WITHIN"       // RFC 5032
	CapFuzzy       Cap = "SEARCH=FUZZY" // RFC 6203
	CapAppendLimit Cap = "APPENDLIMIT"  // RFC 7889
	CapGmail       Cap = "X-GM-EXT-1"   // Gmail's IMAP extensions (developers.google.com/gmail/imap/imap-extensions)
)

// ItemNeeds declares, once, what the FETCH items, SEARCH keys and STATUS
// items of the extensions need: any one of the capabilities, as CapSet.Has
// sees them (so IMAP4rev2 counts for BINARY and ESEARCH). An item not
// listed is base IMAP4rev1. The client sends items as typed and the
// server judges them; the shell's completion offers only those the server
// has (ItemAvailable).
var ItemNeeds = struct {
	Fetch, Search, Status map[string][]Cap
	// List holds LIST's selection and return options (and the RETURN
	// keyword), SearchReturn SEARCH's and SORT's return options, Select
	// SELECT's parameters: what List, Search, Sort and Select check.
	List, SearchReturn, Select map[string][]Cap
}{
	Fetch: map[string][]Cap{
		"MODSEQ":  {CapCondStore, CapQResync},               // RFC 7162 3.1.5; QRESYNC implies CONDSTORE (3.2.3)
		"EMAILID": {CapObjectID}, "THREADID": {CapObjectID}, // RFC 8474 5.1, 5.2
		"SAVEDATE": {CapSaveDate},                                                         // RFC 8514 4.3
		"PREVIEW":  {CapPreview},                                                          // RFC 8970 3
		"BINARY[":  {CapBinary}, "BINARY.PEEK[": {CapBinary}, "BINARY.SIZE[": {CapBinary}, // RFC 3516 4.2
		"X-GM-MSGID": {CapGmail}, "X-GM-THRID": {CapGmail}, "X-GM-LABELS": {CapGmail},
	},
	Search: map[string][]Cap{
		"MODSEQ":  {CapCondStore, CapQResync},               // RFC 7162 3.1.5
		"EMAILID": {CapObjectID}, "THREADID": {CapObjectID}, // RFC 8474 6
		"SAVEDBEFORE": {CapSaveDate}, "SAVEDON": {CapSaveDate}, "SAVEDSINCE": {CapSaveDate}, "SAVEDATESUPPORTED": {CapSaveDate}, // RFC 8514 4.2
		"OLDER": {CapWithin}, "YOUNGER": {CapWithin}, // RFC 5032
		"FUZZY":    {CapFuzzy},   // RFC 6203
		"RETURN":   {CapESearch}, // RFC 4731 3.1; IMAP4rev2
		"X-GM-RAW": {CapGmail}, "X-GM-MSGID": {CapGmail}, "X-GM-THRID": {CapGmail}, "X-GM-LABELS": {CapGmail},
	},
	Status: map[string][]Cap{
		"SIZE":          {CapStatusSize},            // RFC 8438; IMAP4rev2
		"HIGHESTMODSEQ": {CapCondStore, CapQResync}, // RFC 7162 3.1.6
		"DELETED":       {CapIMAP4rev2},             // RFC 9051 6.3.11
		"APPENDLIMIT":   {CapAppendLimit},           // RFC 7889 3
		"MAILBOXID":     {CapObjectID},              // RFC 8474 4
	},
	List: listItemNeeds(),
	SearchReturn: map[string][]Cap{
		"RETURN": {CapESearch, CapESort}, "MIN": {CapESearch, CapESort}, "MAX": {CapESearch, CapESort},
		"COUNT": {CapESearch, CapESort}, "ALL": {CapESearch, CapESort}, // RFC 4731, RFC 5267
		"SAVE": {CapSearchRes}, "PARTIAL": {CapPartial}, // as returnCaps
		"UPDATE": {CapContextSearch, CapContextSort}, "CONTEXT": {CapContextSearch, CapContextSort},
	},
	Select: map[string][]Cap{"CONDSTORE": {CapCondStore}, "QRESYNC": {CapQResync}}, // RFC 7162 3.1.8, 3.2.5
}

// listItemNeeds are LIST's options: LIST-EXTENDED's own (RFC 5258), and
// those of listOptionCaps, which List checks; RETURN is there with any of
// the extensions that define return options.
func listItemNeeds() map[string][]Cap {
	m := map[string][]Cap{
		"RETURN":     {CapListExtended, CapListStatus, CapSpecialUse},
		"SUBSCRIBED": {CapListExtended}, "REMOTE": {CapListExtended},
		"RECURSIVEMATCH": {CapListExtended}, "CHILDREN": {CapListExtended},
	}
	for name, c := range listOptionCaps {
		m[name] = []Cap{c}
	}
	return m
}

// ItemAvailable reports whether a server announcing caps has the item of
// needs (one of ItemNeeds' maps), compared without regard to case; nil
// caps (not known yet) allow every item.
func ItemAvailable(needs map[string][]Cap, item string, caps CapSet) bool {
	return Need{Caps: needs[strings.ToUpper(item)]}.CapsOK(caps)
}
