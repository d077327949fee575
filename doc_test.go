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
