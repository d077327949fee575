package render

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

func TestHumanSize(t *testing.T) {
	tests := []struct {
		in   uint64
		want string
	}{
		{0, "0 B"}, {1023, "1023 B"}, {1024, "1 KiB"}, {12595, "12.3 KiB"},
		{122880, "120 KiB"}, {1258291, "1.2 MiB"}, {10 << 30, "10 GiB"}, {5 << 40, "5 TiB"}, {1<<64 - 1, "16 EiB"},
	}
	for _, tt := range tests {
		if got := humanSize(tt.in); got != tt.want {
			t.Errorf("humanSize(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestQuotaAmountAndBar(t *testing.T) {
	th := NewTheme(false)
	tests := []struct {
		resource     string
		usage, limit uint64
		amount, bar  string
	}{
		{"STORAGE", 1229, 10485760, "1.2 MiB", "[..........] 0%"},
		{"storage", 0, 1, "0 B", "[..........] 0%"},
		{"MESSAGE", 910, 1000, "910", "[#########.] 91%"},
		{"ANNOTATION-STORAGE", 1<<64 - 1, 1, "16 ZiB", "[##########] >999%"},
		{"MAILBOX", 12, 0, "12", "(no limit)"},
	}
	for _, tt := range tests {
		if got := quotaAmount(tt.resource, tt.usage); got != tt.amount {
			t.Errorf("quotaAmount(%s, %d) = %q, want %q", tt.resource, tt.usage, got, tt.amount)
		}
		if got := usageBar(th, tt.usage, tt.limit).text; got != tt.bar {
			t.Errorf("usageBar(%d, %d) = %q, want %q", tt.usage, tt.limit, got, tt.bar)
		}
	}
}

func TestWidthAndTruncate(t *testing.T) {
	tests := []struct {
		in    string
		w     int
		width int
		want  string
	}{
		{"INBOX", 10, 5, "INBOX"},
		{"INBOX", 4, 5, "INB…"},
		{"日本語です", 5, 10, "日本…"},
		{"e\u0301te\u0301", 3, 3, "e\u0301te\u0301"}, // combining acute accents
		{"abc", 0, 3, ""},
		{"Emoji test 🎉🚀", 20, 15, "Emoji test 🎉🚀"},
		{"Kaffee ☕ um drei", 20, 17, "Kaffee ☕ um drei"},
		{"a🚀b", 3, 4, "a…"},    // the rocket does not fit in 2 columns
		{"⭐⌚🀄🈀", 8, 8, "⭐⌚🀄🈀"}, // emoji presentation below U+1F300
		{"🫩🪉", 4, 4, "🫩🪉"},     // Unicode 16 emoji, newer than x/text's tables
		{"🌡❤☺✓", 4, 4, "🌡❤☺✓"}, // text presentation stays narrow
		{"🇩🇪", 2, 2, "🇩🇪"},     // a flag: two regional indicators
	}
	for _, tt := range tests {
		if got := textWidth(tt.in); got != tt.width {
			t.Errorf("textWidth(%q) = %d, want %d", tt.in, got, tt.width)
		}
		if got := truncate(tt.in, tt.w); got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.w, got, tt.want)
		}
	}
}

func TestDecodeWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain subject", "plain subject"},
		{"=?UTF-8?B?R3LDvMOfZQ==?=", "Grüße"},
		{"=?iso-8859-1?Q?J=F6rg_M=FCller?=", "Jörg Müller"},
		{"=?ISO-8859-1?q?caf=E9?=", "café"},
		{"=?us-ascii?Q?plain?=", "plain"},
		{"=?windows-1252?Q?=93hi=94_=80?=", "“hi” €"},
		{"=?latin1?Q?=E9?=", "é"},
		{"=?UTF-8?Q?a?= =?UTF-8?Q?b?=", "ab"},                          // space between words dropped
		{"Re: =?UTF-8?Q?caf=C3=A9?= ok", "Re: café ok"},                // text around words kept
		{"=?x-unknown?Q?abc?= =?UTF-8?Q?d?=", "=?x-unknown?Q?abc?= d"}, // unknown charset stays raw
		{"=?UTF-8?B?8J+T?= =?UTF-8?B?iA==?=", "📈"},                     // a character split across words
		{"=?UTF-8?X?bad?=", "=?UTF-8?X?bad?="},
		{"=?KOI8-R?B?8NLJ18XU?=", "Привет"},
		{"=?iso-2022-jp?B?GyRCRnxLXDhsGyhC?=", "日本語"},
		{"=?ISO-8859-2?Q?Pawe=B3?=", "Paweł"},
		{"=?ISO-8859-15?Q?Preis_=A4_100?=", "Preis € 100"},
		{"=?GB2312?B?xOO6ww==?=", "你好"},
		{"=?Shift_JIS?B?g2WDWINn?=", "テスト"},
		{"=?windows-1251?B?z/Do4uXy?=", "Привет"},
		{"=?x-klingon?Q?Qapla=27?=", "=?x-klingon?Q?Qapla=27?="},
	}
	for _, tt := range tests {
		if got := decodeWords(tt.in); got != tt.want {
			t.Errorf("decodeWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// fmtScaled is scaled as first written, with fmt.
func fmtScaled(v float64) string {
	units := []string{"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB"}
	i := 0
	for v >= 1024 && i < len(units)-1 {
		v /= 1024
		i++
	}
	if v >= 100 {
		return fmt.Sprintf("%.0f %s", v, units[i])
	}
	return strings.TrimSuffix(fmt.Sprintf("%.1f", v), ".0") + " " + units[i]
}

// TestScaledMatchesFmt checks the strconv formatting of sizes against
// fmt's on the edges of every unit and on a spread of values.
func TestScaledMatchesFmt(t *testing.T) {
	var ns []uint64
	for shift := 0; shift < 64; shift++ {
		for _, d := range []int64{-2, -1, 0, 1, 51, 52, 53} {
			ns = append(ns, uint64(int64(1)<<shift+d))
		}
	}
	for n := uint64(1000); n < 200000; n += 97 {
		ns = append(ns, n)
	}
	ns = append(ns, ^uint64(0), 102348, 104806, 1048063)
	for _, n := range ns {
		if got, want := scaled(float64(n)/1024), fmtScaled(float64(n)/1024); got != want {
			t.Errorf("scaled(%d/1024) = %q, want %q", n, got, want)
		}
		if got, want := humanKiB(n), fmtScaled(float64(n)); n != 0 && got != want {
			t.Errorf("humanKiB(%d) = %q, want %q", n, got, want)
		}
	}
}

// encodedWordRE is the regexp nextEncodedWord replaced.
var encodedWordRE = regexp.MustCompile(`=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=`)

// FuzzNextEncodedWord checks that the scan finds the words the regexp
// finds, in the same places.
func FuzzNextEncodedWord(f *testing.F) {
	for _, s := range []string{"=?UTF-8?Q?a?= =?UTF-8?Q?b?=", "=?=?x?q?y?=", "=??Q?a?=", "=?a?Q??=", "=?a b?Q?c?=", "=?a?X?b?=", "==?a?b?c?=?="} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var got [][]int
		for last := 0; ; {
			start, end := nextEncodedWord(s, last)
			if start < 0 {
				break
			}
			got = append(got, []int{start, end})
			last = end
		}
		want := encodedWordRE.FindAllStringIndex(s, -1)
		if fmt.Sprint(got) != fmt.Sprint(want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("words of %q at %v, the regexp finds %v", s, got, want)
		}
	})
}

// refDecodeWords is decodeWords as it was: every word through mime's
// WordDecoder, found by the regexp.
func refDecodeWords(s string) string {
	if !strings.Contains(s, "=?") {
		return s
	}
	var b strings.Builder
	last, prevDecoded := 0, false
	for _, m := range encodedWordRE.FindAllStringIndex(s, -1) {
		gap := s[last:m[0]]
		dec, err := wordDecoder.Decode(s[m[0]:m[1]])
		if !(prevDecoded && err == nil && strings.TrimSpace(gap) == "") {
			b.WriteString(gap)
		}
		if err != nil {
			dec = s[m[0]:m[1]]
		}
		b.WriteString(dec)
		last, prevDecoded = m[1], err == nil
	}
	b.WriteString(s[last:])
	return b.String()
}

// FuzzDecodeWords checks the UTF-8 fast path and the whole decoding
// against mime's decoder for any header value.
func FuzzDecodeWords(f *testing.F) {
	for _, s := range []string{"=?UTF-8?B?R3LDvMOfZQ==?= x", "=?utf-8?q?a_b=3D=c3=a9?= =?UTF-8?Q?=?=",
		"=?UTF-8?B?R3LDvMOfZQ?=", "=?UTF-8?Q?\x01?=", "=?iso-8859-1?Q?J=F6rg?= =?UTF-8?B?8J+T?= =?UTF-8?B?iA==?="} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := decodeWords(s), refDecodeWords(s); got != want {
			t.Errorf("decodeWords(%q) = %q, want %q", s, got, want)
		}
	})
}
