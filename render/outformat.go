package render

import (
	"fmt"
	"strings"
)

// Format is how the shell prints command results (--format, \format).
type Format int

// The output formats.
const (
	FormatTable Format = iota // tables and trees for reading (the default)
	FormatTSV                 // tab-separated rows under a fixed header (RowWriter)
	FormatCSV                 // comma-separated rows, RFC 4180 (RowWriter)
	FormatJSON                // one JSON object per command (OpenJSON)
)

var formatNames = [...]string{FormatTable: "table", FormatTSV: "tsv", FormatCSV: "csv", FormatJSON: "json"}

// String is the format's name as --format takes it.
func (f Format) String() string {
	if f < 0 || int(f) >= len(formatNames) {
		return "invalid"
	}
	return formatNames[f]
}

// Rows reports whether the format prints delimited rows (TSV, CSV).
func (f Format) Rows() bool { return f == FormatTSV || f == FormatCSV }

// FormatNames are the names ParseFormat accepts, in order.
func FormatNames() []string { return formatNames[:] }

// ParseFormat reads a format name (any case).
func ParseFormat(s string) (Format, error) {
	for i, name := range formatNames {
		if strings.EqualFold(s, name) {
			return Format(i), nil
		}
	}
	return FormatTable, fmt.Errorf("unknown format %q: say %s", s, strings.Join(formatNames[:], ", "))
}
