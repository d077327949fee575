package redact

import "testing"

func TestRaw(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"tagged login", "A1 LOGIN alice secret", "A1 LOGIN alice ***"},
		{"untagged login", "LOGIN alice secret", "LOGIN alice ***"},
		{"raw quoted", `raw a LOGIN "alice" "s e c"`, `raw a LOGIN "alice" ***`},
		{"xatom lower case", "xatom login alice secret", "xatom login alice ***"},
		{"mixed case", "rAw t1 LoGiN Alice S3cret", "rAw t1 LoGiN Alice ***"},
		{"escaped quotes", `raw a LOGIN "al\"ice" "p\"w \\ x"`, `raw a LOGIN "al\"ice" ***`},
		{"password literal header", "A1 LOGIN alice {6}", "A1 LOGIN alice ***"},
		{"password literal content", "A1 LOGIN alice {6}\r\nsecret", "A1 LOGIN alice ***"},
		{"non-sync literal", "A1 LOGIN alice {6+}\nsecret", "A1 LOGIN alice ***"},
		{"user literal", "A1 LOGIN {5}\r\nalice {6}\r\nsecret", "A1 LOGIN {5}\r\nalice ***"},
		{"truncated user literal", "A1 LOGIN {50}\r\nalice secret", "A1 LOGIN ***"},
		{"unterminated user quote", `A1 LOGIN "alice secret`, "A1 LOGIN ***"},
		{"garbage after user quote", `A1 LOGIN "alice"secret`, "A1 LOGIN ***"},
		{"password with spaces", "login alice my secret pass", "login alice ***"},
		{"tabs", "A1\tLOGIN\talice\tsecret", "A1\tLOGIN\talice ***"},
		{"login without password", "login alice", "login alice"},
		{"login alone", "LOGIN", "LOGIN"},
		{"user on next line", "A1 LOGIN\nalice secret", "A1 LOGIN ***"},
		{"keeps CRLF", "A1 LOGIN alice secret\r\n", "A1 LOGIN alice ***\r\n"},
		{"trace prefix", "C: A1 LOGIN alice secret", "C: A1 LOGIN alice ***"},
		{"second line", "raw A1 NOOP\nraw A2 LOGIN alice secret", "raw A1 NOOP\nraw A2 LOGIN alice ***"},
		{"sasl-ir", "AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==", "AUTHENTICATE PLAIN ***"},
		{"sasl-ir empty", "A1 authenticate plain =", "A1 authenticate plain ***"},
		{"xoauth2", "raw A1 AUTHENTICATE XOAUTH2 dXNlcj1hbGljZQFhdXRoPUJlYXJlciB5YTI5", "raw A1 AUTHENTICATE XOAUTH2 ***"},
		{"shell authenticate", "authenticate plain alice secret", "authenticate plain ***"},
		{"mechanism only", "A1 AUTHENTICATE SCRAM-SHA-256", "A1 AUTHENTICATE SCRAM-SHA-256"},
		{"sasl continuation", "A1 AUTHENTICATE PLAIN\r\nAGFsaWNlAHNlY3JldA==", "A1 AUTHENTICATE PLAIN ***"},
		{"bad mechanism", `A1 AUTHENTICATE "PLAIN" AGFs`, "A1 AUTHENTICATE ***"},
		{"proxyauth", "A1 PROXYAUTH alice", "A1 PROXYAUTH alice"},
		{"other command", `A1 SELECT "INBOX"`, `A1 SELECT "INBOX"`},
		{"login as mailbox word", "select LOGIN", "select LOGIN"},
		{"over-masks a search", "search text login failed since x", "search text login failed ***"},
		{"too deep", "a b c d e LOGIN alice secret", "a b c d e LOGIN alice secret"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Raw(tt.in); got != tt.want {
				t.Errorf("Raw(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestURL(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"password", "imaps://alice:secret@mail.example.org", "imaps://alice:***@mail.example.org"},
		{"port and path", "connect imaps://alice:pw@host:993/INBOX", "connect imaps://alice:***@host:993/INBOX"},
		{"at in password", "imap://alice:p@ss@host/", "imap://alice:***@host/"},
		{"slash in password", "imap://alice:p/w@host", "imap://alice:***@host"},
		{"at in path", "imap://alice:pw@host/a@b", "imap://alice:***@host/a@b"},
		{"no password", "imaps://alice@host", "imaps://alice@host"},
		{"empty password", "imaps://alice:@host", "imaps://alice:@host"},
		{"rfc 5092 auth", "imap://alice;AUTH=*@host/INBOX", "imap://alice;AUTH=*@host/INBOX"},
		{"no userinfo", "imaps://host:993", "imaps://host:993"},
		{"two urls", "a://u:p@h b://v:q@i", "a://u:***@h b://v:***@i"},
		{"no url", "select INBOX", "select INBOX"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := URL(tt.in); got != tt.want {
				t.Errorf("URL(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
