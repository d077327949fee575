package probe

import "time"

// ReportVersion is the version of the report's JSON shape; it changes only
// when a field is renamed or removed (fields may be added).
const ReportVersion = 1

// Report is what a probe found: render prints it as text and writes it as
// JSON. Field names in the JSON are lower case and stable (see README,
// "Probing a server").
type Report struct {
	Version    int           `json:"probe_version"`
	Target     string        `json:"target"`
	Mode       string        `json:"mode"` // ModeReadOnly or ModeWrite
	Started    time.Time     `json:"started"`
	ElapsedMS  float64       `json:"elapsed_ms"`
	Server     string        `json:"server,omitempty"` // from ID: name and version
	Connection Connection    `json:"connection"`
	Caps       Capabilities  `json:"capabilities"`
	Extensions []Extension   `json:"extensions"`
	Checks     []CheckResult `json:"checks"`
	Deviations []Deviation   `json:"deviations"`
	Latency    []Latency     `json:"latency"`
	Scratch    *Scratch      `json:"scratch,omitempty"` // write mode only
	Notes      []string      `json:"notes,omitempty"`
	Broken     []string      `json:"broken"` // announced capabilities found broken
	ExitStatus int           `json:"exit_status"`
}

// The probe's modes.
const (
	ModeReadOnly = "read-only" // EXAMINE only: nothing is stored, appended or expunged
	ModeWrite    = "write"     // --probe-write: a scratch mailbox is created and deleted
)

// Exit statuses of a probe (imapsh --probe).
const (
	ExitOK     = 0 // every announced capability that was checked works
	ExitFailed = 1 // the probe could not connect, secure the connection or log in
	ExitBroken = 4 // at least one announced capability was found broken
)

// Connection is the connection section: how the session was set up and
// how long each stage took.
type Connection struct {
	Security      string    `json:"security"` // implicit-tls, starttls, plaintext, stream or existing
	Address       string    `json:"address,omitempty"`
	Greeting      *Status   `json:"greeting,omitempty"`
	GreetingMS    float64   `json:"greeting_ms,omitempty"` // from connect to the greeting
	TLSMS         float64   `json:"tls_ms,omitempty"`      // the TLS handshake (with STARTTLS: the command, and CAPABILITY after it)
	LoginMS       float64   `json:"login_ms,omitempty"`
	TLS           *TLSInfo  `json:"tls,omitempty"`
	StartTLS      *StartTLS `json:"starttls,omitempty"` // imap:// only
	SASLBeforeTLS []string  `json:"sasl_before_tls,omitempty"`
	SASLAfterTLS  []string  `json:"sasl_after_tls,omitempty"`
	Login         *Login    `json:"login,omitempty"`
	Error         string    `json:"error,omitempty"` // what stopped the probe before its checks
}

// Status is a server status response: the greeting.
type Status struct {
	Status string `json:"status"`
	Code   string `json:"code,omitempty"`
	Text   string `json:"text"`
}

// TLSInfo describes the TLS session and the server's certificate.
type TLSInfo struct {
	Version    string    `json:"version"`
	Cipher     string    `json:"cipher"`
	Subject    string    `json:"subject"`
	Issuer     string    `json:"issuer"`
	SANs       []string  `json:"sans"`
	NotAfter   time.Time `json:"not_after"`
	DaysLeft   int       `json:"days_left"`
	Host       string    `json:"host"`       // the name checked (SNI)
	HostMatch  bool      `json:"host_match"` // the certificate is valid for Host
	Trusted    bool      `json:"trusted"`    // it chains to a trusted root (system or --cafile)
	TrustError string    `json:"trust_error,omitempty"`
	Insecure   bool      `json:"insecure,omitempty"` // --insecure: the session did not require Trusted
}

// StartTLS is what an imap:// server offers before TLS.
type StartTLS struct {
	Offered       bool `json:"offered"`
	LoginDisabled bool `json:"logindisabled_before_tls"`
}

// Login says how the probe authenticated.
type Login struct {
	User             string `json:"user,omitempty"`
	Method           string `json:"method"` // LOGIN, AUTHENTICATE <mech>, PREAUTH or existing
	OK               bool   `json:"ok"`
	CapabilitiesSent bool   `json:"capabilities_sent"` // the answer carried the new list ([CAPABILITY] or untagged)
	Error            string `json:"error,omitempty"`
}

// Capabilities are the server's lists at each stage, with the changes.
type Capabilities struct {
	BeforeTLS    []string   `json:"before_tls,omitempty"`
	AfterTLS     []string   `json:"after_tls,omitempty"`
	AfterLogin   []string   `json:"after_login,omitempty"`
	TLSChanges   *CapChange `json:"tls_changes,omitempty"`
	LoginChanges *CapChange `json:"login_changes,omitempty"`
}

// CapChange lists what appeared and disappeared between two stages.
type CapChange struct {
	Added   []string `json:"added"`
	Removed []string `json:"removed"`
}

// The statuses of an extension.
const (
	ExtVerified     = "verified"      // announced and shown to work by use
	ExtBroken       = "broken"        // announced, and a check found it broken
	ExtNotAnnounced = "not-announced" // not in the capability list
	ExtNotChecked   = "not-checked"   // announced; no check ran (Detail says why)
	ExtUnknown      = "unknown"       // announced; its check timed out or lost the connection
)

// Extension is one capability imapsh knows how to check.
type Extension struct {
	Name      string `json:"name"`
	RFC       string `json:"rfc"`
	Announced bool   `json:"announced"`
	Via       string `json:"via,omitempty"` // implied by IMAP4rev2 rather than named
	Status    string `json:"status"`
	Detail    string `json:"detail,omitempty"`
}

// The statuses of a check.
const (
	CheckRan     = "ran"
	CheckSkipped = "skipped"
	CheckTimeout = "timeout"
	CheckError   = "error"
)

// CheckResult is what became of one check.
type CheckResult struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Write     bool    `json:"write,omitempty"` // needs --probe-write
	Status    string  `json:"status"`
	Reason    string  `json:"reason,omitempty"`
	ElapsedMS float64 `json:"elapsed_ms"`
}

// The severities of a deviation.
const (
	SeverityViolation = "violation" // breaks a MUST or the grammar
	SeverityShould    = "should"    // ignores a SHOULD
	SeverityQuirk     = "quirk"     // allowed, but trips clients that assume otherwise
)

// Deviation is one way the server departs from the RFCs, with the
// exchange that shows it and what a client must do about it.
type Deviation struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Severity   string   `json:"severity"`
	RFC        string   `json:"rfc"`
	Check      string   `json:"check"`
	Breaks     string   `json:"breaks,omitempty"` // the capability whose promise it breaks
	Detail     string   `json:"detail,omitempty"`
	Sent       []string `json:"sent"`
	Received   []string `json:"received"`
	ClientMust string   `json:"client_must"`
}

// Latency summarises the round-trip times of one command.
type Latency struct {
	Command  string  `json:"command"`
	Samples  int     `json:"samples"`
	MedianMS float64 `json:"median_ms"`
	P95MS    float64 `json:"p95_ms"`
	MinMS    float64 `json:"min_ms"`
	MaxMS    float64 `json:"max_ms"`
	Error    string  `json:"error,omitempty"`
}

// Scratch is what --probe-write created, and what is left of it.
type Scratch struct {
	Mailboxes  []string `json:"mailboxes"`
	LeftBehind []string `json:"left_behind"`
	Error      string   `json:"error,omitempty"`
}
