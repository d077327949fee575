package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// table is a result table, printed aligned for a terminal or as Markdown
// for the README.
type table struct {
	Title  string
	Header []string
	Rows   [][]string
	Notes  []string // lines after the table
}

func (t *table) add(cells ...string) { t.Rows = append(t.Rows, cells) }

// writeText prints the table aligned, for a terminal.
func (t *table) writeText(w io.Writer) error {
	if t.Title != "" {
		fmt.Fprintf(w, "\n%s\n\n", t.Title)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(t.Header, "\t"))
	for _, r := range t.Rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, n := range t.Notes {
		fmt.Fprintln(w, n)
	}
	return nil
}

// writeMarkdown prints the table as GitHub Markdown.
func (t *table) writeMarkdown(w io.Writer) error {
	if t.Title != "" {
		fmt.Fprintf(w, "%s\n\n", t.Title)
	}
	fmt.Fprintf(w, "| %s |\n|%s\n", strings.Join(t.Header, " | "), strings.Repeat("---|", len(t.Header)))
	for _, r := range t.Rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = strings.ReplaceAll(c, "|", `\|`)
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
	}
	if len(t.Notes) > 0 {
		fmt.Fprintln(w)
	}
	for _, n := range t.Notes {
		fmt.Fprintln(w, n)
	}
	_, err := fmt.Fprintln(w)
	return err
}

// report is what a mode prints: a heading line about the machine and the
// run, then tables.
type report struct {
	Intro  []string
	Tables []*table
	Series []*series // the measurements behind the tables
}

// write prints the report as Markdown or as text.
func (r *report) write(w io.Writer, markdown bool) error {
	for _, line := range r.Intro {
		fmt.Fprintln(w, line)
	}
	if markdown && len(r.Intro) > 0 {
		fmt.Fprintln(w) // a Markdown table cannot interrupt a paragraph
	}
	for _, t := range r.Tables {
		var err error
		if markdown {
			err = t.writeMarkdown(w)
		} else {
			err = t.writeText(w)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// Cell formats.

func secs(d interface{ Seconds() float64 }) string { return fmt.Sprintf("%.3f s", d.Seconds()) }

func millis(d interface{ Seconds() float64 }) string { return fmt.Sprintf("%.1f ms", d.Seconds()*1000) }

func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

func times(x float64) string {
	if x == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2fx", x)
}

// ratioTo is a/b, or 0 when b is 0.
func ratioTo(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}
