package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestDocComments: every exported name of the module's non-test files
// (types, functions, methods of exported types, constants and
// variables) has a doc comment that starts with its name ("A Name ...",
// "An Name ..." and "The Name ..." too), as go doc lists it. A constant
// or variable in a documented group may say more in a line comment.
// Struct fields are left to the type's comment (as in net/textproto).
func TestDocComments(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != "." && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		for _, msg := range undocumented(f) {
			t.Errorf("%s: %s", fset.Position(msg.pos), msg.text)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// finding is one name that lacks its doc comment.
type finding struct {
	pos  token.Pos
	text string
}

// undocumented lists the exported names of f without a fitting comment.
func undocumented(f *ast.File) []finding {
	var out []finding
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Name.IsExported() && exportedReceiver(d) {
				out = append(out, checkDoc(d.Name, d.Doc)...)
			}
		case *ast.GenDecl:
			out = append(out, genDeclFindings(d)...)
		}
	}
	return out
}

// genDeclFindings checks the types, constants and variables of one
// declaration; a group's comment documents its specs, which may then
// say more in a line comment of their own.
func genDeclFindings(d *ast.GenDecl) []finding {
	var out []finding
	for _, spec := range d.Specs {
		switch s := spec.(type) {
		case *ast.TypeSpec:
			if !s.Name.IsExported() {
				continue
			}
			doc := s.Doc
			if doc == nil && len(d.Specs) == 1 {
				doc = d.Doc
			}
			out = append(out, checkDoc(s.Name, doc)...)
		case *ast.ValueSpec:
			out = append(out, valueFindings(d, s)...)
		}
	}
	return out
}

// valueFindings checks one constant or variable spec.
func valueFindings(d *ast.GenDecl, s *ast.ValueSpec) []finding {
	var out []finding
	for _, name := range s.Names {
		switch {
		case !name.IsExported():
		case s.Doc != nil:
			if len(s.Names) == 1 {
				out = append(out, checkDoc(name, s.Doc)...)
			}
		case d.Lparen.IsValid() && d.Doc != nil, s.Comment != nil && d.Lparen.IsValid():
		case len(d.Specs) == 1:
			out = append(out, checkDoc(name, d.Doc)...)
		default:
			out = append(out, finding{name.Pos(), name.Name + " has no doc comment"})
		}
	}
	return out
}

// exportedReceiver reports a function, or a method whose receiver type
// is exported (a method of an unexported type is no part of go doc).
func exportedReceiver(d *ast.FuncDecl) bool {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return true
	}
	typ := d.Recv.List[0].Type
	for {
		switch x := typ.(type) {
		case *ast.StarExpr:
			typ = x.X
		case *ast.IndexExpr:
			typ = x.X
		case *ast.IndexListExpr:
			typ = x.X
		case *ast.Ident:
			return x.IsExported()
		default:
			return true
		}
	}
}

// checkDoc reports a missing comment, or one that does not start with
// the name.
func checkDoc(name *ast.Ident, doc *ast.CommentGroup) []finding {
	if doc == nil {
		return []finding{{name.Pos(), name.Name + " has no doc comment"}}
	}
	text := doc.Text()
	for _, article := range []string{"A ", "An ", "The "} {
		text = strings.TrimPrefix(text, article)
	}
	if rest, ok := strings.CutPrefix(text, name.Name); !ok || (rest != "" && !strings.ContainsAny(rest[:1], " \n,:.'")) {
		return []finding{{name.Pos(), name.Name + "'s doc comment does not start with its name: " + firstLine(doc.Text())}}
	}
	return nil
}

// firstLine is the first line of s.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// TestDocCommentsCheck: the check itself finds a missing comment, one
// that names something else, and an undocumented method of an exported
// type, and passes documented names, groups and unexported types' methods.
func TestDocCommentsCheck(t *testing.T) {
	const src = `package p

// Good is documented.
type Good int

type Bare int

// Something else, not the name.
func Wrong() {}

func (Good) Method() {}

// String names the value.
func (Good) String() string { return "" }

func (bare) Method() {}

type bare int

// Kinds of things.
const (
	KindA = 1
	KindB = 2 // the second
)

var Loose, Other = 1, 2

// An Item has an article before its name.
type Item struct{}
`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, msg := range undocumented(f) {
		got = append(got, strings.Fields(msg.text)[0])
	}
	want := "Bare Wrong's Method Loose Other"
	if strings.Join(got, " ") != want {
		t.Errorf("findings %q, want %s", got, want)
	}
}

// commandOfCaller are the client methods that send whatever command their
// caller gives, so that no one RFC is theirs to cite.
var commandOfCaller = map[string]bool{"Xatom": true, "Start": true, "Defer": true}

// TestClientMethodsCiteSpec: every exported method of *client.Client that
// takes a context (it talks to the server) names the specification of its
// command in its doc comment: an RFC, an Internet-Draft, or "no RFC" for
// a vendor command.
func TestClientMethodsCiteSpec(t *testing.T) {
	fset := token.NewFileSet()
	paths, _ := filepath.Glob("client/*.go")
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || !isClientMethod(fd) || !takesContext(fd) || commandOfCaller[fd.Name.Name] {
				continue
			}
			doc := fd.Doc.Text()
			if !strings.Contains(doc, "RFC ") && !strings.Contains(doc, "draft-") && !strings.Contains(doc, "no RFC") {
				t.Errorf("%s: Client.%s's doc cites no RFC or draft for its command", fset.Position(fd.Pos()), fd.Name.Name)
			}
		}
	}
}

// notProtocol are the client's Response types that stand for no one
// response of a specification: any unknown response, a malformed one.
var notProtocol = map[string]bool{"GenericData": true, "MalformedData": true}

// TestResponseTypesCiteSpec: every Response type of the client (one with
// a Kind method) names the RFC or draft of its response in its doc.
func TestResponseTypesCiteSpec(t *testing.T) {
	fset := token.NewFileSet()
	docs, kinds := map[string]string{}, map[string]bool{}
	paths, _ := filepath.Glob("client/*.go")
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		collectTypeDocs(f, docs, kinds)
	}
	if len(kinds) < 20 {
		t.Fatalf("found %d Response types; the walk is broken", len(kinds))
	}
	for name := range kinds {
		doc := docs[name]
		if !notProtocol[name] && !strings.Contains(doc, "RFC ") && !strings.Contains(doc, "draft-") {
			t.Errorf("client.%s's doc cites no RFC or draft: %s", name, firstLine(doc))
		}
	}
}

// collectTypeDocs notes the doc comment of every type of f, and the
// types that have a Kind method.
func collectTypeDocs(f *ast.File, docs map[string]string, kinds map[string]bool) {
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				if ts, ok := spec.(*ast.TypeSpec); ok {
					doc := ts.Doc
					if doc == nil {
						doc = d.Doc
					}
					docs[ts.Name.Name] = doc.Text()
				}
			}
		case *ast.FuncDecl:
			if d.Recv != nil && d.Name.Name == "Kind" {
				if star, ok := d.Recv.List[0].Type.(*ast.StarExpr); ok {
					if id, ok := star.X.(*ast.Ident); ok {
						kinds[id.Name] = true
					}
				}
			}
		}
	}
}

// isClientMethod reports an exported method of *Client.
func isClientMethod(fd *ast.FuncDecl) bool {
	if fd.Recv == nil || !fd.Name.IsExported() {
		return false
	}
	star, ok := fd.Recv.List[0].Type.(*ast.StarExpr)
	if !ok {
		return false
	}
	id, ok := star.X.(*ast.Ident)
	return ok && id.Name == "Client"
}

// takesContext reports a function whose first parameter is a
// context.Context.
func takesContext(fd *ast.FuncDecl) bool {
	params := fd.Type.Params.List
	if len(params) == 0 {
		return false
	}
	sel, ok := params[0].Type.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Context"
}
