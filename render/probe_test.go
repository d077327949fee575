package render

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"imapsh/internal/probe"
)

// probeGolden renders a report kept as JSON in testdata (recorded from a
// real run, times and names fixed) into a golden file.
var probeGolden = []struct {
	golden, report string
	opt            Options
}{
	{"probe_dovecot", "probe_dovecot", Options{}},
	{"probe_dovecot_narrow", "probe_dovecot", Options{Width: 60}},
	{"probe_dovecot_color", "probe_dovecot", Options{Color: true}},
	{"probe_demo", "probe_demo", Options{}},
	{"probe_tls_refused", "probe_tls_refused", Options{}},
}

func loadReport(t *testing.T, name string) *probe.Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var rep probe.Report
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	return &rep
}

func TestProbeGolden(t *testing.T) {
	for _, c := range probeGolden {
		t.Run(c.golden, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Probe(&buf, loadReport(t, c.report), c.opt); err != nil {
				t.Fatal(err)
			}
			compareGolden(t, c.golden, buf.Bytes())
		})
	}
}

// TestProbeJSON: the JSON writer gives back the recorded report byte for
// byte: the field names and their order are what the README documents.
func TestProbeJSON(t *testing.T) {
	for _, name := range []string{"probe_dovecot", "probe_demo", "probe_tls_refused"} {
		var buf bytes.Buffer
		if err := ProbeJSON(&buf, loadReport(t, name), true); err != nil {
			t.Fatal(err)
		}
		compareGolden(t, name+"_json", buf.Bytes())
	}
}

// compareGolden compares output with testdata/NAME.golden (-update
// rewrites it).
func compareGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./render -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s:\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}
