package cmdline

import "errors"

// TokenKind tells words from redirection operators.
type TokenKind int

// The token kinds.
const (
	TokWord     TokenKind = iota // an argument
	TokRedirIn                   // <: read the message from a file (append)
	TokRedirOut                  // >: write body data to a file (fetch)
)

// Token is one shell word. The lexer is shell-like but IMAP-aware:
//
//   - blanks separate words, except inside double quotes, parentheses or
//     brackets: (UID BODY[HEADER.FIELDS (FROM TO)]) is one word;
//   - a word that is one double-quoted string has its quotes removed and
//     \" and \\ unescaped in Text, so "(UID BODY[TEXT])" and
//     (UID BODY[TEXT]) give the same Text, and "Sent Items" is one mailbox;
//   - a backslash outside quotes is an ordinary character: \Seen is a flag;
//   - < and > at the start of a word are redirections, separate tokens.
type Token struct {
	Kind   TokenKind
	Text   string // the value: unquoted for a quoted word, else as typed
	Raw    string // exactly as typed
	Start  int    // byte offset of Raw in the line
	Quoted bool   // the whole word was one quoted string
	Open   bool   // tolerant mode: an unterminated quote or group ran to the end
}

// End returns the byte offset just after the token.
func (t Token) End() int { return t.Start + len(t.Raw) }

// Lexer errors.
var (
	ErrUnterminatedQuote = errors.New("unterminated quoted string")
	ErrUnbalanced        = errors.New("unbalanced parenthesis or bracket")
)

// Lex splits a command line into tokens. An unterminated quote or an
// unclosed parenthesis or bracket is an error.
func Lex(line string) ([]Token, error) {
	toks := LexTolerant(line)
	if n := len(toks); n > 0 && toks[n-1].Open {
		if inQuote(toks[n-1].Raw) {
			return nil, ErrUnterminatedQuote
		}
		return nil, ErrUnbalanced
	}
	return toks, nil
}

// LexTolerant is Lex for completion: an unterminated quote or group makes
// the last token run to the end of the line, marked Open.
func LexTolerant(line string) []Token {
	var toks []Token
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case IsBlank(c):
			i++
		case c == '<' || c == '>':
			kind := TokRedirIn
			if c == '>' {
				kind = TokRedirOut
			}
			toks = append(toks, Token{Kind: kind, Text: line[i : i+1], Raw: line[i : i+1], Start: i})
			i++
		default:
			tok := scanWord(line, i)
			toks = append(toks, tok)
			i = tok.End()
		}
	}
	return toks
}

// IsBlank reports the bytes that separate words: space, tab, CR and LF,
// the IMAP whitespace a typed or scripted line may hold. Every reader of
// a line (the lexer, redaction, raw commands) splits words on these.
func IsBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// scanWord reads one word starting at i: a quoted string is skipped whole
// (ScanQuoted), parentheses and brackets nest.
func scanWord(line string, i int) Token {
	start, depth := i, 0
	for i < len(line) {
		switch c := line[i]; {
		case c == '"':
			end, closed := ScanQuoted(line, i)
			if !closed {
				return makeWord(line[start:], start, true)
			}
			i = end
			continue
		case c == '(' || c == '[':
			depth++
		case (c == ')' || c == ']') && depth > 0:
			depth--
		case IsBlank(c) && depth == 0:
			return makeWord(line[start:i], start, false)
		}
		i++
	}
	return makeWord(line[start:], start, depth > 0)
}

// makeWord fills Text: a word that is exactly one quoted string is unquoted.
func makeWord(raw string, start int, open bool) Token {
	tok := Token{Kind: TokWord, Text: raw, Raw: raw, Start: start, Open: open}
	if text, ok := Unquote(raw); ok && !open {
		tok.Text, tok.Quoted = text, true
	}
	return tok
}

// Pending is what the end of a line leaves open, read as Lex reads it: a
// double-quoted string (with an escape waiting for its byte), and how
// many parentheses or brackets. The zero value is a fresh line.
// Pending{}.After(s).Open() is true exactly when Lex(s) fails with
// ErrUnterminatedQuote or ErrUnbalanced; reading a line in parts
// (p.After(a).After(b)) reads it whole, so continuation lines are read
// once each.
type Pending struct {
	Depth  int  // parentheses and brackets open
	Quote  bool // inside a quoted string
	Escape bool // a backslash inside the string waits for its byte
}

// After returns what is open after s follows what p left open.
func (p Pending) After(s string) Pending {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case p.Escape:
			p.Escape = false
		case p.Quote && c == '\\':
			p.Escape = true
		case c == '"':
			p.Quote = !p.Quote
		case p.Quote:
		case c == '(' || c == '[':
			p.Depth++
		case (c == ')' || c == ']') && p.Depth > 0:
			p.Depth--
		}
	}
	return p
}

// Open reports whether a quote, parenthesis or bracket is open.
func (p Pending) Open() bool { return p.Quote || p.Depth > 0 }
