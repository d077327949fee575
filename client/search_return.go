package client

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"

	"imapsh/client/internal/wire"
)

// ErrBadPartial is a PARTIAL return option without a range RFC 9394
// allows: 1:100 (the first hundred) or -1:-100 (the last hundred).
var ErrBadPartial = errors.New("client: PARTIAL takes a range like 1:100 or -1:-100 (RFC 9394)")

// partialRangeRE is RFC 9394's partial-range: both ends positive, or both
// negative (counted from the end).
var partialRangeRE = regexp.MustCompile(`^(-?)([1-9][0-9]*):(-?)([1-9][0-9]*)$`)

// validPartialRange reports whether s is a partial-range whose numbers fit
// in 32 bits.
func validPartialRange(s string) bool {
	m := partialRangeRE.FindStringSubmatch(s)
	if m == nil || m[1] != m[3] {
		return false
	}
	_, err1 := strconv.ParseUint(m[2], 10, 32)
	_, err2 := strconv.ParseUint(m[4], 10, 32)
	return err1 == nil && err2 == nil
}

// returnCaps are the capabilities RETURN options need beyond the command:
// SAVE needs SEARCHRES (RFC 5182), PARTIAL its own (RFC 9394), UPDATE and
// CONTEXT CONTEXT=SEARCH or CONTEXT=SORT (RFC 5267). A PARTIAL without a
// valid range is ErrBadPartial.
func returnCaps(ret string, sort bool) ([]Cap, error) {
	context := CapContextSearch
	if sort {
		context = CapContextSort
	}
	names := optionNames(ret)
	var caps []Cap
	for i, n := range names {
		switch n {
		case "SAVE":
			caps = append(caps, CapSearchRes)
		case "UPDATE", "CONTEXT":
			caps = append(caps, context)
		case "PARTIAL":
			if i+1 == len(names) || !validPartialRange(names[i+1]) {
				return nil, ErrBadPartial
			}
			caps = append(caps, CapPartial)
		}
	}
	return caps, nil
}

// checkSearch checks a SEARCH or SORT: its Need, then with RETURN the
// command's extension (ESEARCH, or ESORT for SORT) and what the options
// need (returnCaps).
func (c *Client) checkSearch(name string, need Need, ret string, sort bool) error {
	if ret == "" {
		return c.check(name, need, "")
	}
	caps, err := returnCaps(ret, sort)
	if err != nil {
		return err
	}
	ext := CapESearch
	if sort {
		ext = CapESort
	}
	return c.checkOptions(name, need, append([]Cap{ext}, caps...)...)
}

// returnArg writes "RETURN (...) " when options were given.
func returnArg(a *wire.Command, ret string) {
	if ret != "" {
		a.Raw("RETURN ")
		groupArg(a, ret)
		a.SP()
	}
}

// SortOptions select the SORT variant.
type SortOptions struct {
	UID bool
	// Return are ESORT return options (RFC 5267) as for SearchOptions:
	// "MIN MAX COUNT", "(ALL)", "(PARTIAL 1:50)" (RFC 9394); the answer is
	// an ESEARCH response whose ALL keeps the sort order.
	Return string
}

// SortWith is Sort (RFC 5256 SORT, UID SORT) with options: RETURN (...)
// needs ESORT (RFC 5267), and what the options need (returnCaps) is
// checked as for Search.
func (c *Client) SortWith(ctx context.Context, criteria, charset, search string, opts SortOptions) (*Result, error) {
	name := uidName(opts.UID, "SORT")
	if err := c.checkSearch(name, Needs.Sort, opts.Return, true); err != nil {
		return nil, err
	}
	if err := c.checkSortCharset(name, Needs.Sort, charset); err != nil {
		return nil, err
	}
	return c.run(ctx, name, Needs.Sort, "", func(a *wire.Command) {
		returnArg(a, opts.Return)
		groupArg(a, criteria)
		a.SP().Atom(charset).SP().SearchArgs(search)
	})
}

// String shows a PARTIAL result as sent: "1:100 5,7" or "-1:-10 NIL".
func (p *PartialResult) String() string {
	if len(p.Set) == 0 {
		return fmt.Sprintf("%s NIL", p.Range)
	}
	return fmt.Sprintf("%s %s", p.Range, p.Set)
}
