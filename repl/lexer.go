package repl

import (
	"errors"
	"strings"
)

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
		case isBlank(c):
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

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// scanWord reads one word starting at i.
func scanWord(line string, i int) Token {
	start, depth, quoted := i, 0, false
	for ; i < len(line); i++ {
		c := line[i]
		switch {
		case quoted && c == '\\' && i+1 < len(line):
			i++
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '(' || c == '[':
			depth++
		case (c == ')' || c == ']') && depth > 0:
			depth--
		case isBlank(c) && depth == 0:
			return makeWord(line[start:i], start, false)
		}
	}
	return makeWord(line[start:], start, quoted || depth > 0)
}

// makeWord fills Text: a word that is exactly one quoted string is unquoted.
func makeWord(raw string, start int, open bool) Token {
	tok := Token{Kind: TokWord, Text: raw, Raw: raw, Start: start, Open: open}
	if text, ok := unquote(raw); ok && !open {
		tok.Text, tok.Quoted = text, true
	}
	return tok
}

// unquote returns the contents of a word that is one quoted string.
func unquote(raw string) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	var b strings.Builder
	body := raw[1 : len(raw)-1]
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '"' {
			return "", false // "a"b"c": several segments
		}
		if c == '\\' && i+1 < len(body) {
			i++
			c = body[i]
		} else if c == '\\' {
			return "", false // the closing quote was escaped
		}
		b.WriteByte(c)
	}
	return b.String(), true
}

// inQuote reports whether s ends inside a double-quoted string.
func inQuote(s string) bool {
	quoted := false
	for i := 0; i < len(s); i++ {
		switch {
		case quoted && s[i] == '\\':
			i++
		case s[i] == '"':
			quoted = !quoted
		}
	}
	return quoted
}

// Quote returns text as a word the lexer reads back as text: bare when
// that is safe, else double-quoted with \ and " escaped.
func Quote(text string) string {
	if text != "" && !strings.ContainsAny(text, " \t\r\n\"()[]") && text[0] != '<' && text[0] != '>' {
		return text // a backslash is literal outside quotes: \Seen
	}
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	return `"` + r.Replace(text) + `"`
}
