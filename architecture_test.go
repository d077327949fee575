package main

import (
	"bufio"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// arrows reads the allowed imports of ARCHITECTURE.md (the ```arrows
// block): package directory -> the imapsh packages it may import.
func arrows(t *testing.T) map[string]map[string]bool {
	t.Helper()
	f, err := os.Open("ARCHITECTURE.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	allowed := map[string]map[string]bool{}
	in := false
	for sc := bufio.NewScanner(f); sc.Scan(); {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "```arrows":
			in = true
		case in && line == "```":
			return allowed
		case in:
			pkg, deps, ok := strings.Cut(line, "->")
			if !ok {
				t.Fatalf("ARCHITECTURE.md: %q is no arrow", line)
			}
			set := map[string]bool{}
			for _, d := range strings.Fields(deps) {
				set[d] = true
			}
			allowed[strings.TrimSpace(pkg)] = set
		}
	}
	t.Fatal("ARCHITECTURE.md has no ```arrows block")
	return nil
}

// packages returns every Go package directory of the module (relative,
// "." for the root) with the imapsh packages its non-test files import.
func packages(t *testing.T) map[string]map[string]bool {
	t.Helper()
	pkgs := map[string]map[string]bool{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		dir := filepath.Dir(path)
		if pkgs[dir] == nil {
			pkgs[dir] = map[string]bool{}
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if rest, ok := strings.CutPrefix(p, "imapsh/"); ok {
				pkgs[dir][rest] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

// TestArchitectureMap: every package ARCHITECTURE.md names exists, every
// package is on the map, and no package imports one of ours the map does
// not allow (the client only leaves, nothing but main imports repl, ...).
func TestArchitectureMap(t *testing.T) {
	allowed, pkgs := arrows(t), packages(t)
	for pkg := range allowed {
		if pkgs[pkg] == nil {
			t.Errorf("ARCHITECTURE.md names %s, which is no package", pkg)
		}
	}
	for pkg, imports := range pkgs {
		ok, mapped := allowed[pkg]
		if !mapped {
			t.Errorf("package %s is not on ARCHITECTURE.md's map", pkg)
			continue
		}
		for imp := range imports {
			if !ok[imp] {
				t.Errorf("%s imports %s: an arrow ARCHITECTURE.md does not allow", pkg, imp)
			}
		}
	}
}

// TestReadlineInOneFile: one file of the program imports readline, so a
// switch to a maintained fork stays a one-file change (its test aside).
func TestReadlineInOneFile(t *testing.T) {
	var importers []string
	fset := token.NewFileSet()
	filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			if strings.Contains(imp.Path.Value, "chzyer/readline") {
				importers = append(importers, path)
			}
		}
		return nil
	})
	if len(importers) != 1 || importers[0] != "readline.go" {
		t.Errorf("readline is imported by %q, want readline.go alone", importers)
	}
}

// maxFuncLines bounds a function that is not a table (most of its lines
// inside composite literals: the command table, the demo's messages).
const maxFuncLines = 50

// TestFunctionLength: no function outside the tables reaches
// maxFuncLines; the longest are logged.
func TestFunctionLength(t *testing.T) {
	type fn struct {
		name  string
		lines int
	}
	var fns []fn
	fset := token.NewFileSet()
	filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || strings.Contains(path, "testdata") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Body != nil && !isTable(fset, fd) {
				fns = append(fns, fn{path + ":" + fd.Name.Name, fset.Position(fd.End()).Line - fset.Position(fd.Pos()).Line + 1})
			}
		}
		return nil
	})
	sort.Slice(fns, func(i, j int) bool { return fns[i].lines > fns[j].lines })
	for _, f := range fns[:3] {
		t.Logf("%d lines: %s", f.lines, f.name)
	}
	for _, f := range fns {
		if f.lines >= maxFuncLines {
			t.Errorf("%s has %d lines; split it (at most %d outside the tables)", f.name, f.lines, maxFuncLines-1)
		}
	}
}

// isTable reports a function whose lines are mostly composite literals.
func isTable(fset *token.FileSet, fd *ast.FuncDecl) bool {
	lit := map[int]bool{}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if cl, ok := n.(*ast.CompositeLit); ok {
			for l := fset.Position(cl.Pos()).Line; l <= fset.Position(cl.End()).Line; l++ {
				lit[l] = true
			}
			return false
		}
		return true
	})
	total := fset.Position(fd.End()).Line - fset.Position(fd.Pos()).Line + 1
	return len(lit)*2 > total
}
