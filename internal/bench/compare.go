package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
)

// allPhases in the order they run in each round.
var allPhases = []string{"drain", "client", "python", "goimap"}

// compare runs every phase runs times, each in a child process, and prints
// one table row per run plus each phase's best wall time against the drain.
func compare(cfg config, runs int, only string) error {
	phases := allPhases
	if only != "" {
		phases = strings.Split(only, ",")
	}
	python := realPython() // not a wrapper such as pyenv's shim, whose own CPU time would count
	if python == "" {
		phases = without(phases, "python")
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "phase\trun\tmessages\twall s\tfetch CPU s\tprocess CPU s\tpeak RSS MiB\tpeak heap MiB\twall/drain\t")
	best := map[string]result{}
	for run := 1; run <= runs; run++ {
		for _, ph := range phases {
			res, err := runChild(self, python, ph, cfg)
			if err != nil {
				return fmt.Errorf("%s: %w", ph, err)
			}
			if b, ok := best[ph]; !ok || res.Wall < b.Wall {
				best[ph] = res
			}
			fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.1f\t%s\t%s\t\n", ph, run, res.Messages, res.Wall, res.CPU,
				res.ProcCPU, float64(res.MaxRSSKiB)/1024, heapMiB(res), ratio(res, best["drain"]))
		}
	}
	fmt.Fprintln(tw, "\t\t\t\t\t\t\t\t\t")
	for _, ph := range phases {
		res := best[ph]
		fmt.Fprintf(tw, "best %s\t\t%d\t%.3f\t%.3f\t%.3f\t%.1f\t%s\t%s\t\n", ph, res.Messages, res.Wall, res.CPU,
			res.ProcCPU, float64(res.MaxRSSKiB)/1024, heapMiB(res), ratio(res, best["drain"]))
	}
	if d := best["drain"]; d.Bytes > 0 {
		fmt.Fprintf(tw, "answer: %.1f MB\t\t\t\t\t\t\t\t\t\n", float64(d.Bytes)/1e6)
	}
	return tw.Flush()
}

func heapMiB(r result) string {
	if r.HeapPeak == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f", float64(r.HeapPeak)/(1<<20))
}

func ratio(r, drain result) string {
	if drain.Wall == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2fx", r.Wall/drain.Wall)
}

func without(list []string, drop string) []string {
	var out []string
	for _, s := range list {
		if s != drop {
			out = append(out, s)
		}
	}
	return out
}

// runChild runs one phase in a new process and adds the process's own
// CPU time and peak RSS to what it reports.
func runChild(self, python, phase string, cfg config) (result, error) {
	var cmd *exec.Cmd
	if phase == "python" {
		cmd = exec.Command(python, pythonArgs(cfg)...)
	} else {
		cmd = exec.Command(self, phaseArgs(phase, cfg)...)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, os.Stderr
	if err := cmd.Run(); err != nil {
		return result{}, err
	}
	var res result
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		return result{}, fmt.Errorf("bad phase output %q: %w", out.String(), err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		res.MaxRSSKiB = ru.Maxrss
		res.ProcCPU = (time.Duration(ru.Utime.Nano()) + time.Duration(ru.Stime.Nano())).Seconds()
	}
	return res, nil
}

// phaseArgs are the arguments that make this binary run one phase.
func phaseArgs(phase string, cfg config) []string {
	return []string{"-phase", phase, "-addr", cfg.Addr, "-user", cfg.User, "-pass", cfg.Pass, "-cafile", cfg.CAFile,
		"-mailbox", cfg.Mailbox, "-security", cfg.Security, "-items", cfg.Items, "-seq", cfg.Seq, "-command", cfg.Command}
}

// pythonArgs are python3's arguments for the imaplib FETCH contender.
func pythonArgs(cfg config) []string {
	return []string{"-c", pythonScript, cfg.Addr, cfg.User, cfg.Pass, cfg.CAFile, cfg.Mailbox, cfg.Security, cfg.Items, cfg.Seq}
}

// pythonConnect is the imaplib prelude of the Python contenders: connect
// with the bench's security mode and log in (variables addr, user, pw,
// cafile and security are set before it).
const pythonConnect = `host, port = addr.rsplit(":", 1)
ctx = ssl.create_default_context(cafile=cafile or None)
if security == "tls":
    m = imaplib.IMAP4_SSL(host, int(port), ssl_context=ctx)
else:
    m = imaplib.IMAP4(host, int(port))
    if security == "starttls":
        m.starttls(ssl_context=ctx)
m.login(user, pw)
`

// pythonScript fetches with imaplib, which splits the answer into lines
// and literals but does not parse it, and keeps the whole answer.
const pythonScript = `
import imaplib, json, resource, ssl, sys, time
addr, user, pw, cafile, mailbox, security, items, seq = sys.argv[1:9]
` + pythonConnect + `m.select(mailbox, readonly=True)
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
c0, t0 = cpu(), time.perf_counter()
typ, data = m.fetch(seq, items)
wall, used = time.perf_counter() - t0, cpu() - c0
if typ != "OK":
    sys.exit("FETCH: %s %r" % (typ, data[:1]))
print(json.dumps({"phase": "python", "wall_s": wall, "cpu_s": used, "messages": sum(1 for d in data if isinstance(d, tuple) or d[:1].isdigit())}))
`
