package render

import (
	"net/mail"
	"strings"
	"time"
)

// shortDateLayout is how a table shows a date: in the message's own zone.
const shortDateLayout = "2006-01-02 15:04"

// appendHeaderDate appends a Date header (RFC 5322 section 3.3) as
// "2006-01-02 15:04" in its own zone, or reports false when it does not
// parse (net/mail.ParseDate decides). The common form, "Mon, 2 Jan 2006
// 15:04:05 -0700" with or without the day name and a trailing "(CET)",
// is read by hand: net/mail tries up to 24 layouts with time.Parse, each
// failed one allocating its error, which made the date a fifth of a FETCH
// table's cost (issue 10).
func appendHeaderDate(b []byte, s string) ([]byte, bool) {
	if d, ok := parseCommonDate(s); ok {
		return d.appendShort(b), true
	}
	t, err := mail.ParseDate(s)
	if err != nil {
		return b, false
	}
	return t.AppendFormat(b, shortDateLayout), true
}

// appendTimeDate appends t as "2006-01-02 15:04", without the layout
// interpreter for the years that take four digits.
func appendTimeDate(b []byte, t time.Time) []byte {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return t.AppendFormat(b, shortDateLayout)
	}
	hh, mm, _ := t.Clock()
	return dateFields{year: y, month: int(m), day: d, hour: hh, min: mm}.appendShort(b)
}

// dateFields are the parts of a date a table shows.
type dateFields struct{ year, month, day, hour, min int }

// appendShort appends the fields as "2006-01-02 15:04".
func (f dateFields) appendShort(b []byte) []byte {
	b = appendPadded(b, f.year, 4)
	b = append(b, '-')
	b = appendPadded(b, f.month, 2)
	b = append(b, '-')
	b = appendPadded(b, f.day, 2)
	b = append(b, ' ')
	b = appendPadded(b, f.hour, 2)
	b = append(b, ':')
	return appendPadded(b, f.min, 2)
}

// appendPadded appends v (not negative) as n digits, zeros first.
func appendPadded(b []byte, v, n int) []byte {
	for d := pow10(n - 1); d > 0; d /= 10 {
		b = append(b, byte('0'+v/d%10))
	}
	return b
}

func pow10(n int) int {
	p := 1
	for range n {
		p *= 10
	}
	return p
}

// parseCommonDate reads the form nearly every mailer writes:
//
//	[Ddd ", "] D[D] " " Mon " " YYYY " " hh ":" mm ":" ss " " (+|-)hhmm [" (" comment ")"]
//
// with the ranges time.Parse checks (the day within its month, leap years
// included), and reports false for anything else, which then goes to
// net/mail. The day name is not checked against the date, as time.Parse
// does not check it either. FuzzHeaderShortDate compares the two.
func parseCommonDate(s string) (dateFields, bool) {
	var f dateFields
	if len(s) > 5 && s[3] == ',' && s[4] == ' ' {
		if !isDayName(s[:3]) {
			return f, false
		}
		s = s[5:]
	}
	sp := strings.IndexByte(s, ' ')
	if sp != 1 && sp != 2 {
		return f, false
	}
	var ok bool
	if f.day, ok = digits(s[:sp]); !ok {
		return f, false
	}
	if s = s[sp+1:]; len(s) < len("Jan 2006 15:04:05 -0700") {
		return f, false
	}
	if f.month = monthNumber(s[:3]); f.month == 0 || s[3] != ' ' || s[8] != ' ' || s[11] != ':' || s[14] != ':' || s[17] != ' ' {
		return f, false
	}
	year, ok1 := digits(s[4:8])
	hour, ok2 := digits(s[9:11])
	mins, ok3 := digits(s[12:14])
	secs, ok4 := digits(s[15:17])
	zh, ok5 := digits(s[19:21])
	zm, ok6 := digits(s[21:23])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || s[18] != '+' && s[18] != '-' || year < 1000 ||
		hour > 23 || mins > 59 || secs > 59 || zh > 23 || zm > 59 ||
		f.day < 1 || f.day > daysIn(f.month, year) || !isPlainComment(s[23:]) {
		return f, false
	}
	f.year, f.hour, f.min = year, hour, mins
	return f, true
}

// isDayName reports an English day name as RFC 5322 writes it.
func isDayName(s string) bool {
	switch s {
	case "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun":
		return true
	}
	return false
}

// monthNumber is 1 for "Jan" ... 12 for "Dec", else 0.
func monthNumber(s string) int {
	const names = "JanFebMarAprMayJunJulAugSepOctNovDec"
	for i := 0; i < len(names); i += 3 {
		if names[i:i+3] == s {
			return i/3 + 1
		}
	}
	return 0
}

// digits reads a run of ASCII digits.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, s != ""
}

// daysIn is the number of days of month m in year y (Gregorian).
func daysIn(m, y int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// isPlainComment reports "" or " (" letters, digits, spaces, "+-:" ")"
// after the zone, as in "+0100 (CET)".
func isPlainComment(s string) bool {
	if s == "" {
		return true
	}
	if len(s) < 3 || s[0] != ' ' || s[1] != '(' || s[len(s)-1] != ')' {
		return false
	}
	for i := 2; i < len(s)-1; i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ' || c == '+' || c == '-' || c == ':') {
			return false
		}
	}
	return true
}
