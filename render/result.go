package render

import (
	"io"
	"strings"

	"imapsh/client"
)

// Result renders a completed command: every untagged response in order,
// consecutive responses of one kind grouped into one table or view (LIST
// with its LIST-STATUS data, STATUS, FETCH, QUOTA, METADATA, ANNOTATION),
// then the tagged status line with its response code. Elapsed time is not
// shown; the caller adds timing if it wants it.
func Result(w io.Writer, r *client.Result, opt Options) error {
	p := newPrinter(w, opt)
	if r == nil {
		return nil
	}
	p.capsSummed = r.Command != "" && !strings.EqualFold(r.Command, "CAPABILITY")
	for _, g := range groupResponses(r.Responses) {
		renderGroup(p, g)
	}
	if r.Status != nil {
		statusLine(p, r.Status)
	}
	return p.finish()
}

// Response renders one response on its own: live IDLE updates and
// unsolicited data.
func Response(w io.Writer, resp client.Response, opt Options) error {
	p := newPrinter(w, opt)
	if resp != nil {
		renderGroup(p, []client.Response{resp})
	}
	return p.finish()
}

// groupResponses splits responses into runs rendered together.
func groupResponses(rs []client.Response) [][]client.Response {
	var groups [][]client.Response
	for _, r := range rs {
		if k := len(groups); k > 0 && joins(groups[k-1], r) {
			groups[k-1] = append(groups[k-1], r)
			continue
		}
		groups = append(groups, []client.Response{r})
	}
	return groups
}

// joins reports whether r continues group g.
func joins(g []client.Response, r client.Response) bool {
	switch first := g[0].(type) {
	case *client.ListData:
		if l, ok := r.(*client.ListData); ok {
			return l.Command == first.Command
		}
		_, ok := r.(*client.StatusData) // LIST-STATUS (RFC 5819)
		return ok
	case *client.StatusData, *client.FetchData, *client.QuotaData,
		*client.MetadataData, *client.AnnotationData:
		return sameType(first, r)
	}
	return false
}

func sameType(a, b client.Response) bool {
	switch a.(type) {
	case *client.StatusData:
		_, ok := b.(*client.StatusData)
		return ok
	case *client.FetchData:
		_, ok := b.(*client.FetchData)
		return ok
	case *client.QuotaData:
		_, ok := b.(*client.QuotaData)
		return ok
	case *client.MetadataData:
		_, ok := b.(*client.MetadataData)
		return ok
	case *client.AnnotationData:
		_, ok := b.(*client.AnnotationData)
		return ok
	}
	return false
}

// renderGroup renders a run of responses of one kind.
func renderGroup(p *printer, g []client.Response) {
	switch g[0].(type) {
	case *client.ListData:
		listGroup(p, g)
	case *client.StatusData:
		statusTable(p, only[*client.StatusData](g))
	case *client.FetchData:
		fetchGroup(p, only[*client.FetchData](g))
	case *client.QuotaData:
		quotaTable(p, only[*client.QuotaData](g))
	case *client.MetadataData:
		metadataTable(p, only[*client.MetadataData](g))
	case *client.AnnotationData:
		annotationTable(p, only[*client.AnnotationData](g))
	default:
		single(p, g[0])
	}
}

// single renders a response that is never grouped.
func single(p *printer, r client.Response) {
	switch d := r.(type) {
	case *client.StatusResponse:
		statusLine(p, d)
	case *client.CapabilityData:
		if p.capsSummed && (p.opt.CapsBefore != nil || len(d.Caps) > capsShownWhole) {
			p.line(paint(p.th.Heading, "CAPABILITY"), CapsChange(p.opt.CapsBefore, d.Caps, "")+"; capability lists them")
			return
		}
		capabilities(p, d)
	case *client.EnabledData:
		enabled(p, d)
	case *client.NumberData:
		numberLine(p, d)
	case *client.FlagsData:
		p.line(paint(p.th.Heading, "FLAGS"), flagList(p.th, d.Flags))
	case *client.SearchData:
		searchLine(p, d)
	case *client.ESearchData:
		esearchLine(p, d)
	case *client.ThreadData:
		threads(p, d)
	case *client.NamespaceData:
		namespaces(p, d)
	case *client.QuotaRootData:
		quotaRoot(p, d)
	case *client.ACLData:
		acl(p, d)
	case *client.ListRightsData:
		listRights(p, d)
	case *client.MyRightsData:
		myRights(p, d)
	case *client.IDData:
		id(p, d)
	case *client.VanishedData:
		vanished(p, d)
	case *client.ContinuationData:
		p.line(paint(p.th.Dim, "+ "+Safe(d.Text)))
	case *client.GenericData:
		generic(p, d)
	case *client.MalformedData:
		malformed(p, d)
	default:
		p.line(paint(p.th.Heading, Safe(r.Kind())))
	}
}

// only returns the responses of type T in g.
func only[T client.Response](g []client.Response) []T {
	var out []T
	for _, r := range g {
		if t, ok := r.(T); ok {
			out = append(out, t)
		}
	}
	return out
}
