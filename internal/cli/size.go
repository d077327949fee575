package cli

import (
	"fmt"
	"strconv"
	"strings"
)

// MinCommandMemory is the smallest --max-command-memory: below it even an
// ordinary answer (a LIST of a few thousand mailboxes) would be cut.
const MinCommandMemory = 1 << 20

// sizeFlag is a byte count given as 512K, 64M, 1G (powers of 1024; KiB,
// MiB and GiB and a trailing B are accepted too) or a plain number.
type sizeFlag int64

func (s *sizeFlag) String() string {
	if *s == 0 {
		return ""
	}
	return strconv.FormatInt(int64(*s), 10)
}

// Set parses the size and checks it is at least MinCommandMemory.
func (s *sizeFlag) Set(v string) error {
	n, err := ParseSize(v)
	if err != nil {
		return err
	}
	if n < MinCommandMemory {
		return fmt.Errorf("%q is below the minimum of 1M", v)
	}
	*s = sizeFlag(n)
	return nil
}

// ParseSize parses a byte count: a number with an optional K, M or G
// suffix (powers of 1024), also written KB, KiB, MB, MiB, GB or GiB.
func ParseSize(v string) (int64, error) {
	upper := strings.TrimSuffix(strings.TrimSuffix(strings.ToUpper(strings.TrimSpace(v)), "B"), "I")
	shift := 0
	switch {
	case strings.HasSuffix(upper, "K"):
		shift = 10
	case strings.HasSuffix(upper, "M"):
		shift = 20
	case strings.HasSuffix(upper, "G"):
		shift = 30
	}
	if shift > 0 {
		upper = upper[:len(upper)-1]
	}
	n, err := strconv.ParseInt(upper, 10, 64)
	if err != nil || n < 0 || n > (1<<62)>>shift {
		return 0, fmt.Errorf("%q is not a size like 64M or 1G", v)
	}
	return n << shift, nil
}
