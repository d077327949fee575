package wire

// Limits bound what a (possibly hostile) server can make the client hold in
// memory for one response. Zero fields take the DefaultLimits value, except
// MaxLiteral, which defaults to MaxResponse.
//
// Together they are one bound: a response holds at most MaxResponse bytes,
// counting its lines, the literals held in memory (not those streamed to a
// writer) and itemCost (64) bytes for each list element. The typed values
// built from it take about as much again (strings are copied out of the
// line, slices grow by doubling), and the line being read sits in a buffer
// of up to MaxLine bytes: so one response costs at most about
// 2*MaxResponse + MaxLine, whatever its literals and lines claim. Bytes
// inflated by COMPRESS=DEFLATE are counted the same, since the decoder
// reads the inflated stream.
type Limits struct {
	// MaxLine is the longest response line, literals excluded.
	MaxLine int
	// MaxLiteral is the largest literal held in memory; larger ones must be
	// streamed to a writer.
	MaxLiteral int64
	// MaxResponse bounds the bytes one response holds in memory: its
	// lines, its in-memory literals and 64 bytes per list element.
	MaxResponse int64
	// MaxDepth is the deepest nesting of parenthesised lists.
	MaxDepth int
	// MaxItems is the largest number of list elements in one response,
	// nested lists included.
	MaxItems int
}

// DefaultLimits are generous for real servers (a SEARCH ALL of a million
// messages is about 7 MB on one line; a message of 64 MiB can be held)
// and small against hostile ones: a response costs at most about 144 MiB
// (2*MaxResponse + MaxLine), however many literals it announces.
var DefaultLimits = Limits{
	MaxLine:     16 << 20,
	MaxLiteral:  64 << 20,
	MaxResponse: 64 << 20,
	MaxDepth:    64,
	MaxItems:    1 << 20,
}

// itemCost is what one list element counts against MaxResponse: about the
// size of a generic Value (56 bytes) or an address (64), so that a
// response of many tiny elements is bounded like one of long strings.
const itemCost = 64

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	if l.MaxLine > 0 {
		d.MaxLine = l.MaxLine
	}
	if l.MaxResponse > 0 {
		d.MaxResponse = l.MaxResponse
	}
	d.MaxLiteral = d.MaxResponse
	if l.MaxLiteral > 0 {
		d.MaxLiteral = l.MaxLiteral
	}
	if l.MaxDepth > 0 {
		d.MaxDepth = l.MaxDepth
	}
	if l.MaxItems > 0 {
		d.MaxItems = l.MaxItems
	}
	return d
}
