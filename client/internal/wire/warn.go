package wire

import (
	"fmt"
	"strconv"
)

// maxWarnings bounds the warnings kept for one response: a hostile line
// of a million out-of-range numbers costs one warning's worth of memory
// per entry only up to here.
const maxWarnings = 16

// RangeError reports a number that the grammar allows in its place but
// that does not fit the field it is for: a UID of 2^32, a mod-sequence of
// 2^63 (RFC 9051 number, nz-number, number64; RFC 7162
// mod-sequence-value). The response is kept; the field is left out (or
// kept as a generic value) rather than silently wrapped.
type RangeError struct {
	Offset int64
	Digits string // as sent, shortened when very long
	Max    uint64
}

// Error names the number, where it was and the largest allowed.
func (e *RangeError) Error() string {
	return fmt.Sprintf("wire: number %s at byte %d is out of range (at most %d); the response was kept without it", e.Digits, e.Offset, e.Max)
}

// Warn records a problem in the current response that does not stop
// its parsing (a number out of range, a field that is not what the
// grammar says): the response is kept and the warning reported with it.
func (d *Decoder) Warn(err error) {
	if len(d.warnings) < maxWarnings {
		d.warnings = append(d.warnings, err)
	}
}

// Warnings returns the warnings recorded for the current response; the
// slice is reused by the next Begin.
func (d *Decoder) Warnings() []error { return d.warnings }

// rangeWarning records a RangeError for the digits at start..end.
func (d *Decoder) rangeWarning(start, end int, max uint64) {
	digits := string(d.frag[start:end])
	if len(digits) > 40 {
		digits = digits[:20] + "…(" + strconv.Itoa(len(digits)) + " digits)"
	}
	d.Warn(&RangeError{Offset: d.offset + int64(start), Digits: digits, Max: max})
}
