package cmdline

import (
	"reflect"
	"strings"
	"testing"
)

// texts returns each token's Text, with < and > kept as they are.
func texts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestLex(t *testing.T) {
	tests := []struct {
		name string
		line string
		want []string
	}{
		{"plain", "select INBOX", []string{"select", "INBOX"}},
		{"quoted list", `fetch 1:5 "(UID BODY[TEXT])"`, []string{"fetch", "1:5", "(UID BODY[TEXT])"}},
		{"bare list", `fetch 1:5 (UID BODY[TEXT])`, []string{"fetch", "1:5", "(UID BODY[TEXT])"}},
		{"nested groups", `fetch 7 BODY.PEEK[HEADER.FIELDS (FROM TO)]`, []string{"fetch", "7", "BODY.PEEK[HEADER.FIELDS (FROM TO)]"}},
		{"quoted mailbox", `select "Sent Items"`, []string{"select", "Sent Items"}},
		{"flag backslash", `store 1 +flags \Seen`, []string{"store", "1", "+flags", `\Seen`}},
		{"escapes in quotes", `login a "p\"w\\d"`, []string{"login", "a", `p"w\d`}},
		{"mixed word keeps raw", `x a"b c"d`, []string{"x", `a"b c"d`}},
		{"redirect out", `fetch 7 BODY[] > msg.eml`, []string{"fetch", "7", "BODY[]", ">", "msg.eml"}},
		{"redirect glued", `append Archive <msg.eml`, []string{"append", "Archive", "<", "msg.eml"}},
		{"partial fetch is no redirect", `fetch 1 BODY[]<0.100>`, []string{"fetch", "1", "BODY[]<0.100>"}},
		{"tabs and spaces", "  noop\t ", []string{"noop"}},
		{"empty quoted", `list "" *`, []string{"list", "", "*"}},
		{"quoted paren in list", `search (SUBJECT "a)b") ALL`, []string{"search", `(SUBJECT "a)b")`, "ALL"}},
		{"stray close", `x a)b`, []string{"x", "a)b"}},
		{"utf8 mailbox", `select Ünïcødé`, []string{"select", "Ünïcødé"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks, err := Lex(tt.line)
			if err != nil {
				t.Fatal(err)
			}
			if got := texts(toks); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Lex(%q) = %q, want %q", tt.line, got, tt.want)
			}
			for _, tok := range toks {
				if tt.line[tok.Start:tok.End()] != tok.Raw {
					t.Errorf("token %q: offsets %d..%d do not give Raw", tok.Raw, tok.Start, tok.End())
				}
			}
		})
	}
}

func TestLexErrors(t *testing.T) {
	tests := []struct {
		line string
		want error
	}{
		{`select "Sent`, ErrUnterminatedQuote},
		{`fetch 1 (UID FLAGS`, ErrUnbalanced},
		{`fetch 1 BODY[HEADER`, ErrUnbalanced},
		{`login a "x\"`, ErrUnterminatedQuote},
	}
	for _, tt := range tests {
		if _, err := Lex(tt.line); err != tt.want {
			t.Errorf("Lex(%q) error = %v, want %v", tt.line, err, tt.want)
		}
		toks := LexTolerant(tt.line)
		if last := toks[len(toks)-1]; !last.Open || last.End() != len(tt.line) {
			t.Errorf("LexTolerant(%q): last token %+v should be open and run to the end", tt.line, last)
		}
	}
}

func TestLexRedirectKinds(t *testing.T) {
	toks, _ := Lex(`fetch 1 BODY[] >out < in`)
	var kinds []TokenKind
	for _, t := range toks {
		kinds = append(kinds, t.Kind)
	}
	want := []TokenKind{TokWord, TokWord, TokWord, TokRedirOut, TokWord, TokRedirIn, TokWord}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("kinds = %v, want %v", kinds, want)
	}
}

// requote joins tokens back into a line: words quoted as needed.
func requote(toks []Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		if t.Kind == TokWord {
			parts[i] = Quote(t.Text)
		} else {
			parts[i] = t.Raw
		}
	}
	return strings.Join(parts, " ")
}

func FuzzLex(f *testing.F) {
	for _, seed := range []string{`fetch 1:5 "(UID BODY[TEXT])"`, `select "Sent Items"`, `store 1 +flags \Seen`,
		`a"b c"d`, `fetch 7 BODY[] > x`, `"\\"`, `(("a"`, `x ] y )`, `"a\"b"`, "\t\"\n\""} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		LexTolerant(line) // must not panic
		toks, err := Lex(line)
		if err != nil {
			return
		}
		again, err := Lex(requote(toks))
		if err != nil {
			t.Fatalf("re-lexing %q (from %q): %v", requote(toks), line, err)
		}
		if len(again) != len(toks) {
			t.Fatalf("re-lexing %q gave %d tokens, want %d", requote(toks), len(again), len(toks))
		}
		for i := range toks {
			if again[i].Text != toks[i].Text || again[i].Kind != toks[i].Kind {
				t.Fatalf("token %d: %q (%v) became %q (%v) via %q", i, toks[i].Text, toks[i].Kind, again[i].Text, again[i].Kind, requote(toks))
			}
		}
	})
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{"INBOX": "INBOX", "Sent Items": `"Sent Items"`, `a"b`: `"a\"b"`, "": `""`, ">x": `">x"`} {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzPending: Pending reads a line as Lex does, whole or in parts.
func FuzzPending(f *testing.F) {
	for _, seed := range []string{`search (OR "a) b`, `fetch 1 BODY[`, `x "\"`, `a) (b`, `"a\\" (`, `<(`, `"\`} {
		f.Add(seed, 3)
	}
	f.Fuzz(func(t *testing.T, s string, cut int) {
		_, err := Lex(s)
		whole := Pending{}.After(s)
		if whole.Open() != (err != nil) {
			t.Fatalf("%q: Pending %+v, Lex %v", s, whole, err)
		}
		if cut = max(0, min(cut, len(s))); (Pending{}).After(s[:cut]).After(s[cut:]) != whole {
			t.Fatalf("%q read in two parts at %d differs", s, cut)
		}
	})
}
