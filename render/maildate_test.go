package render

import (
	"net/mail"
	"testing"
	"time"
)

// headerShortDate is appendHeaderDate's text.
func headerShortDate(s string) (string, bool) {
	b, ok := appendHeaderDate(nil, s)
	return string(b), ok
}

// netMailShortDate is the definition headerShortDate keeps: net/mail's
// parse, formatted in the date's own zone.
func netMailShortDate(s string) (string, bool) {
	t, err := mail.ParseDate(s)
	if err != nil {
		return "", false
	}
	return t.Format(shortDateLayout), true
}

var dateSamples = []string{
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Tue, 25 Nov 2025 10:35:52 +0000",
	"25 Nov 2025 10:35:52 +0000",
	"Thu, 29 Feb 2024 23:59:59 +0100 (CET)",
	"Thu, 29 Feb 2023 23:59:59 +0100", // no 29 February in 2023
	"Sat, 29 Feb 2000 00:00:00 -1200", // 2000 is a leap year
	"Mon, 29 Feb 1900 00:00:00 +0000", // 1900 is not
	"Mon, 31 Apr 2024 10:00:00 +0000",
	"Mon, 02 Jan 2006 15:04:05 -0700",
	"Fri, 1 Mar 2024 24:00:00 +0000",
	"Fri, 1 Mar 2024 10:60:00 +0000",
	"Fri, 1 Mar 2024 10:00:60 +0000",
	"Fri, 1 Mar 2024 10:00:00 +2400",
	"Fri, 1 Mar 2024 10:00:00 +0060",
	"Fri, 1 Mar 2024 10:00 +0000",       // no seconds: net/mail
	"Fri, 1 Mar 24 10:00:00 +0000",      // two-digit year: net/mail
	"Fri, 1 Mar 2024 10:00:00 GMT",      // obsolete zone: net/mail
	"fri, 1 mar 2024 10:00:00 +0000",    // lower case: net/mail
	"Fri, 1 Mar 2024 10:00:00 +0000 x",  // trailing text: net/mail ignores it
	"Fri, 1 Mar 2024 10:00:00 +0000 (a", // unclosed comment
	"Fri, 1 Mar 2024 10:00:00 +0000 (Pacific (Standard) Time)",
	"Fri,  1 Mar 2024 10:00:00 +0000",
	"  Fri, 1 Mar 2024 10:00:00 +0000",
	"Xyz, 1 Mar 2024 10:00:00 +0000",
	"Fri, 0 Mar 2024 10:00:00 +0000",
	"Fri, 1 Mar 0999 10:00:00 +0000",
	"Fri, 1 Mar 2024 10:00:00\r\n +0000",
	"not a date",
	"",
}

func TestHeaderShortDate(t *testing.T) {
	for _, s := range dateSamples {
		got, gotOK := headerShortDate(s)
		want, wantOK := netMailShortDate(s)
		if got != want || gotOK != wantOK {
			t.Errorf("headerShortDate(%q) = %q, %v; net/mail gives %q, %v", s, got, gotOK, want, wantOK)
		}
	}
	if _, ok := parseCommonDate("Tue, 25 Nov 2025 10:35:52 +0000"); !ok {
		t.Error("the common form does not take the fast path")
	}
}

func TestAppendTimeDate(t *testing.T) {
	for _, tm := range []time.Time{
		time.Date(2024, 3, 1, 10, 22, 5, 0, time.FixedZone("", 3600)),
		time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-5, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		if got, want := string(appendTimeDate(nil, tm)), tm.Format(shortDateLayout); got != want {
			t.Errorf("appendTimeDate(%v) = %q, want %q", tm, got, want)
		}
	}
}

// FuzzHeaderShortDate checks that the hand-written parse agrees with
// net/mail on everything it accepts, and defers to it otherwise.
func FuzzHeaderShortDate(f *testing.F) {
	for _, s := range dateSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, gotOK := headerShortDate(s)
		want, wantOK := netMailShortDate(s)
		if got != want || gotOK != wantOK {
			t.Errorf("headerShortDate(%q) = %q, %v; net/mail gives %q, %v", s, got, gotOK, want, wantOK)
		}
	})
}
