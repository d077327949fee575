package wire

// Limits bound what a (possibly hostile) server can make the client hold in
// memory. Zero fields take the DefaultLimits value.
type Limits struct {
	// MaxLine is the longest response line, literals excluded.
	MaxLine int
	// MaxLiteral is the largest literal held in memory; larger ones must be
	// streamed to a writer.
	MaxLiteral int64
	// MaxDepth is the deepest nesting of parenthesised lists.
	MaxDepth int
	// MaxItems is the largest number of list elements in one response,
	// nested lists included.
	MaxItems int
}

// DefaultLimits are generous for real servers (a SEARCH ALL of a million
// messages is about 7 MB on one line) and small against hostile ones: a
// response holds at most a million list elements (about 60 MB of values).
var DefaultLimits = Limits{
	MaxLine:    16 << 20,
	MaxLiteral: 256 << 20,
	MaxDepth:   64,
	MaxItems:   1 << 20,
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	if l.MaxLine > 0 {
		d.MaxLine = l.MaxLine
	}
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
