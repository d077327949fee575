package client

import "testing"

func TestBodyStructurePart(t *testing.T) {
	leaf := func(typ, sub string) *BodyStructure { return &BodyStructure{Type: typ, Subtype: sub} }
	inner := &BodyStructure{Type: "multipart", Subtype: "alternative", Parts: []*BodyStructure{leaf("text", "plain"), leaf("text", "html")}}
	forwarded := &BodyStructure{Type: "message", Subtype: "rfc822", Body: inner}
	forwardedPlain := &BodyStructure{Type: "message", Subtype: "rfc822", Body: leaf("text", "plain")}
	mixed := &BodyStructure{Type: "multipart", Subtype: "mixed", Parts: []*BodyStructure{
		inner, leaf("application", "pdf"), forwarded, forwardedPlain}}
	single := leaf("text", "plain")
	tests := []struct {
		root *BodyStructure
		spec string
		want *BodyStructure
	}{
		{single, "1", single},
		{single, "2", nil},
		{single, "1.1", nil},
		{mixed, "1", inner},
		{mixed, "1.2", inner.Parts[1]},
		{mixed, "2", mixed.Parts[1]},
		{mixed, "3", forwarded},
		{mixed, "3.1", inner.Parts[0]},
		{mixed, "3.2", inner.Parts[1]},
		{mixed, "4.1", forwardedPlain.Body},
		{mixed, "4.2", nil},
		{mixed, "5", nil},
		{mixed, "0", nil},
		{mixed, "", nil},
		{mixed, "1.x", nil},
		{mixed, "2.1", nil},
	}
	for _, tt := range tests {
		if got := tt.root.Part(tt.spec); got != tt.want {
			t.Errorf("Part(%q) = %+v, want %+v", tt.spec, got, tt.want)
		}
	}
}
