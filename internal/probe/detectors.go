package probe

// Detector finds one kind of deviation in the observed exchange. Find is
// a small function over the steps; each finding becomes a Deviation with
// the step's wire as evidence. Every detector has two transcript tests
// (detectors_test.go): one that shows it firing, one silent.
type Detector struct {
	ID       string // stable, lower case: the deviation's id in the report
	Title    string // what the server does, one line
	Severity string // SeverityViolation, SeverityShould or SeverityQuirk
	RFC      string // the rule and its section ("" when each finding names it)
	Breaks   string // the capability a violation breaks; "" = the step's Ext, else IMAP4rev1
	Must     string // what a client must do about it ("" when each finding says)
	Find     func(steps []*Step) []Finding
}

// Finding is one occurrence: the step that shows it (and any other
// steps whose wire belongs in the evidence), with details.
type Finding struct {
	Step   *Step
	Also   []*Step // more evidence, after Step
	Detail string  // what exactly happened
	RFC    string  // overrides the detector's
	Must   string  // overrides the detector's
	Breaks string  // overrides the detector's
}

// detectors is the list of everything the probe looks for, in the order
// the report lists what they find. Generic ones (detect_generic.go) judge
// the expectations checks put on their steps; the others know one
// behaviour each.
var detectors = []*Detector{
	detectCommandRefused,
	detectBadForValidCommand,
	detectExpectedDataMissing,
	detectValueMismatch,
	detectLiteralAfterRefusal,
	detectUnknownCharsetAccepted,
	detectStatusItemMissing,
	detectStatusUnknownItemAccepted,
	detectStoreAfterExamine,
	detectStoreAfterExamineOK,
	detectNoExistsAfterAppend,
	detectExamineNotReadOnly,
	detectSelectDataMissing,
	detectHighestModSeqMissing,
	detectEnableIgnored,
	detectExpungeUnderQResync,
	detectQuotaWithoutResources,
	detectSpecialUseCase,
	detectLoginWithoutCapability,
	detectStaleCapabilities,
	detectEmptyResultTrailingSpace,
	detectUnknownCommandNotBad,
	detectExtraArgumentsAccepted,
	detectCreateExistingWithoutCode,
}

// detect runs every detector over the steps. A detector that finds the
// same thing in several steps (Courier's empty QUOTA list, on each
// GETQUOTAROOT) is reported once, with the first step's evidence.
func detect(steps []*Step) []Deviation {
	out := []Deviation{}
	for _, d := range detectors {
		seen := map[string]bool{}
		for _, f := range d.Find(steps) {
			if !seen[f.Detail] {
				seen[f.Detail] = true
				out = append(out, d.deviation(f))
			}
		}
	}
	return out
}

// deviation turns a finding into the report's form.
func (d *Detector) deviation(f Finding) Deviation {
	dev := Deviation{ID: d.ID, Title: d.Title, Severity: d.Severity, RFC: first(f.RFC, d.RFC),
		Check: f.Step.Check, Detail: f.Detail, ClientMust: first(f.Must, d.Must)}
	if d.Severity == SeverityViolation {
		dev.Breaks = first(f.Breaks, d.Breaks, f.Step.Ext, "IMAP4rev1")
	}
	for _, st := range append([]*Step{f.Step}, f.Also...) {
		sent, received := evidence(st)
		dev.Sent = append(dev.Sent, sent...)
		dev.Received = append(dev.Received, received...)
	}
	return dev
}

// first returns the first non-empty string.
func first(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// stepsOf returns the steps of the given kinds, in order.
func stepsOf(steps []*Step, kinds ...string) []*Step {
	var out []*Step
	for _, st := range steps {
		for _, k := range kinds {
			if st.Kind == k {
				out = append(out, st)
				break
			}
		}
	}
	return out
}

// each makes a Find function from a per-step test over steps of kinds.
func each(test func(st *Step) (Finding, bool), kinds ...string) func([]*Step) []Finding {
	return func(steps []*Step) []Finding {
		var out []Finding
		pool := steps
		if len(kinds) > 0 {
			pool = stepsOf(steps, kinds...)
		}
		for _, st := range pool {
			if f, ok := test(st); ok {
				if f.Step == nil {
					f.Step = st
				}
				out = append(out, f)
			}
		}
		return out
	}
}
