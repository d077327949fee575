package repl

import (
	"fmt"
	"sort"
	"strings"

	"imapsh/internal/cmdline"
	"imapsh/render"
)

// \set alone lists the variables' names and which are secret, never their
// values (issue 11): a variable is secret when its name is a credential's
// (PASS, TOKEN, ...: secretName) or its value was written as a reference
// to a secret one (\set COPY ${PW}).

// listVariables shows the \set variables' names, sorted, and which are
// secret: on stdout, or as the variables field of the JSON object.
func (s *Session) listVariables() {
	names := make([]string, 0, len(s.vars))
	for k := range s.vars {
		names = append(names, k)
	}
	sort.Strings(names)
	vars := make([]render.VariableJSON, len(names))
	for i, k := range names {
		vars[i] = render.VariableJSON{Name: k, Secret: s.secretVars[k]}
	}
	switch {
	case s.json:
		s.shellJSON().Variables = vars
	case len(vars) == 0 && s.src.Interactive():
		s.note(`no variables; \set NAME VALUE sets one`)
	default:
		for _, v := range vars {
			line := render.Safe(v.Name)
			if v.Secret {
				line += "  (secret)"
			}
			fmt.Fprintln(s.infoWriter(), line)
		}
	}
}

// setFromSecret reports whether the value of a \set line, as written,
// uses a variable that is secret: by its name, or set as one here.
func (s *Session) setFromSecret(in *Input) bool {
	toks := cmdline.LexTolerant(in.Written)
	_, n := lookupCommand(toks)
	words := cmdline.ArgWords(toks[n:])
	if len(words) < 2 {
		return false
	}
	rest := in.Written[words[1].Start:]
	for {
		i := strings.Index(rest, "${")
		if i < 0 {
			return false
		}
		name, width, err := cmdline.ParseRef(rest[i:])
		if err != nil {
			return false
		}
		if secretName(name) || s.secretVars[name] {
			return true
		}
		rest = rest[i+width:]
	}
}
