package cli

import (
	"errors"
	"io"
	"reflect"
	"testing"
)

func TestCommandSource(t *testing.T) {
	src := &CommandSource{Commands: []string{"select INBOX", "fetch 1 flags"}}
	var got []string
	for {
		l, err := src.ReadLine("> ")
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, l)
	}
	if !reflect.DeepEqual(got, src.Commands) || src.Interactive() {
		t.Errorf("got %q", got)
	}
}
