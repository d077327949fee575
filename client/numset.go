package client

import (
	"fmt"
	"strconv"
	"strings"
)

// NumRange is a closed range of message numbers or UIDs; Stop 0 means '*'.
type NumRange struct{ Start, Stop uint32 }

// NumSet is a sequence set or UID set (RFC 9051 sequence-set), kept as
// ranges so that 1:100000 stays small.
type NumSet []NumRange

// ParseNumSet parses 1:4,7,9:* into ranges.
func ParseNumSet(s string) (NumSet, error) {
	if s == "" {
		return nil, fmt.Errorf("client: empty sequence set")
	}
	var set NumSet
	for _, part := range strings.Split(s, ",") {
		a, b, isRange := strings.Cut(part, ":")
		start, err := parseSetNum(a)
		if err != nil {
			return nil, err
		}
		stop := start
		if isRange {
			if stop, err = parseSetNum(b); err != nil {
				return nil, err
			}
		}
		set = append(set, NumRange{start, stop})
	}
	return set, nil
}

func parseSetNum(s string) (uint32, error) {
	if s == "*" {
		return 0, nil
	}
	n, err := strconv.ParseUint(s, 10, 32)
	if err != nil || n == 0 {
		return 0, fmt.Errorf("client: bad number %q in sequence set", s)
	}
	return uint32(n), nil
}

// String formats the set in IMAP syntax.
func (s NumSet) String() string {
	var b strings.Builder
	for i, r := range s {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(setNum(r.Start))
		if r.Stop != r.Start {
			b.WriteByte(':')
			b.WriteString(setNum(r.Stop))
		}
	}
	return b.String()
}

func setNum(n uint32) string {
	if n == 0 {
		return "*"
	}
	return strconv.FormatUint(uint64(n), 10)
}

// Compact turns a list of numbers into ranges: 1,2,3,5 -> 1:3,5. The input
// order is kept (SORT results are not sorted by number).
func Compact(nums []uint32) NumSet {
	var set NumSet
	for _, n := range nums {
		if k := len(set); k > 0 && set[k-1].Stop+1 == n && set[k-1].Stop != 0 {
			set[k-1].Stop = n
			continue
		}
		set = append(set, NumRange{n, n})
	}
	return set
}

// ValidSet reports whether s is a syntactically valid sequence set, or the
// SEARCHRES marker '$' (RFC 5182).
func ValidSet(s string) bool {
	if s == "$" {
		return true
	}
	_, err := ParseNumSet(s)
	return err == nil
}
