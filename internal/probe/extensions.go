package probe

import (
	"sort"
	"strings"
)

// extSpec is an extension the report has a line for.
type extSpec struct {
	name, rfc string
	kinds     []string // step kinds that exercise it besides steps with Ext == name
}

// extensions are the report's lines, in its order: the base protocol,
// then what every session uses, then the mailbox, search, message,
// administration and write extensions.
var extensions = []extSpec{
	{"IMAP4rev1", "RFC 3501", nil}, {"IMAP4rev2", "RFC 9051", nil}, {"STARTTLS", "RFC 9051 6.2.1", nil},
	{"LITERAL+", "RFC 7888", nil}, {"LITERAL-", "RFC 7888", nil}, {"ID", "RFC 2971", nil},
	{"ENABLE", "RFC 5161", []string{"enable"}}, {"NAMESPACE", "RFC 2342", nil},
	{"LIST-EXTENDED", "RFC 5258", nil}, {"LIST-STATUS", "RFC 5819", nil}, {"SPECIAL-USE", "RFC 6154", nil},
	{"STATUS=SIZE", "RFC 8438", nil}, {"CONDSTORE", "RFC 7162", nil}, {"QRESYNC", "RFC 7162", nil},
	{"OBJECTID", "RFC 8474", nil}, {"UNSELECT", "RFC 3691", nil}, {"IDLE", "RFC 2177", nil},
	{"ESEARCH", "RFC 4731", nil}, {"SORT", "RFC 5256", nil}, {"THREAD", "RFC 5256", nil},
	{"BINARY", "RFC 3516", nil}, {"PREVIEW", "RFC 8970", nil}, {"SAVEDATE", "RFC 8514", nil},
	{"UTF8=ACCEPT", "RFC 6855", nil}, {"COMPRESS=DEFLATE", "RFC 4978", nil},
	{"QUOTA", "RFC 9208", nil}, {"ACL", "RFC 4314", nil}, {"METADATA", "RFC 5464", nil},
	{"METADATA-SERVER", "RFC 5464", nil},
	{"UIDPLUS", "RFC 4315", nil}, {"MULTIAPPEND", "RFC 3502", nil}, {"MOVE", "RFC 6851", nil},
}

// extensions builds the extension lines from the capabilities, the steps
// and the deviations.
func (r *run) extensions(devs []Deviation) []Extension {
	caps := r.report.Caps.AfterLogin
	if caps == nil {
		caps = r.facts.caps()
	}
	out := make([]Extension, 0, len(extensions))
	for _, spec := range extensions {
		e := Extension{Name: spec.name, RFC: spec.rfc}
		e.Announced, e.Via = announcedIn(caps, spec.name)
		e.Status, e.Detail = r.extStatus(spec, e.Announced, devs)
		if spec.name == "STARTTLS" {
			e.Announced, e.Via, e.Status, e.Detail = r.startTLSLine(devs)
		}
		out = append(out, e)
	}
	return out
}

// startTLSLine judges STARTTLS, which only an imap:// connection sees.
func (r *run) startTLSLine(devs []Deviation) (bool, string, string, string) {
	switch r.report.Connection.Security {
	case "implicit-tls":
		return false, "", ExtNotChecked, "the connection used implicit TLS (imaps://)"
	case "existing", "stream":
		return false, "", ExtNotChecked, "not observed on this connection"
	}
	announced := containsFold(r.report.Caps.BeforeTLS, "STARTTLS")
	status, detail := r.extStatus(extSpec{name: "STARTTLS"}, announced, devs)
	return announced, "", status, detail
}

// extStatus judges one extension.
func (r *run) extStatus(spec extSpec, announced bool, devs []Deviation) (string, string) {
	if !announced {
		return ExtNotAnnounced, ""
	}
	var broken []string
	for _, d := range devs {
		if d.Breaks != "" && extMatches(spec.name, d.Breaks) {
			broken = append(broken, d.ID)
		}
	}
	if len(broken) > 0 {
		return ExtBroken, "see " + strings.Join(dedupe(broken), ", ")
	}
	ok, lost, notes := r.stepsFor(spec)
	switch {
	case ok > 0 || isBase(spec.name) && r.baseWorked():
		return ExtVerified, strings.Join(notes, "; ")
	case lost > 0:
		return ExtUnknown, "its check did not finish"
	}
	return ExtNotChecked, r.whyNotChecked(spec.name)
}

// stepsFor counts the steps exercising an extension that got OK and those
// that ended without an answer, and collects their notes.
func (r *run) stepsFor(spec extSpec) (ok, lost int, notes []string) {
	for _, st := range r.steps {
		if !extMatches(spec.name, st.Ext) && !contains(spec.kinds, st.Kind) {
			continue
		}
		switch {
		case st.refused():
		case st.lost():
			lost++
		case st.OK() && st.Expect != expectRefusal:
			ok++
			if st.Note != "" && !contains(notes, st.Note) {
				notes = append(notes, st.Note)
			}
		}
	}
	return ok, lost, notes
}

// extMatches compares an extension name with a capability a step or a
// deviation names ("THREAD" covers THREAD=REFERENCES).
func extMatches(name, cap string) bool {
	return strings.EqualFold(name, cap) || strings.HasPrefix(strings.ToUpper(cap), strings.ToUpper(name)+"=")
}

// isBase reports the base protocol's names.
func isBase(name string) bool { return name == "IMAP4rev1" || name == "IMAP4rev2" }

// baseWorked reports whether any base command got OK after login.
func (r *run) baseWorked() bool {
	for _, st := range r.steps {
		if st.Ext == "" && st.Check != "connection" && st.OK() && st.Result != nil {
			return true
		}
	}
	return false
}

// whyNotChecked explains an announced extension no step exercised.
func (r *run) whyNotChecked(name string) string {
	for _, res := range r.results {
		chk := checkByID(res.ID)
		if chk != nil && containsFold(chk.Caps, name) && res.Status != CheckRan {
			return res.Reason
		}
	}
	switch name {
	case "LITERAL-":
		if ok, _ := r.facts.announced("LITERAL+"); ok {
			return "LITERAL+ is announced too, and the client uses it"
		}
	case "UIDPLUS", "MULTIAPPEND", "MOVE":
		if !r.opts.Write {
			return "needs --probe-write"
		}
	}
	return "no check exercised it"
}

// brokenOf lists the announced extensions found broken.
func brokenOf(exts []Extension) []string {
	out := []string{}
	for _, e := range exts {
		if e.Status == ExtBroken {
			out = append(out, e.Name)
		}
	}
	return out
}

// dedupe returns the strings once each, sorted.
func dedupe(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}
