package repl

import (
	"slices"
	"sort"
	"sync"

	"imapsh/client"
	"imapsh/internal/cmdline"
)

// compCache is what completion reads (completion.Source): copies of the
// session's state, capabilities, mailbox names, flags and variables, made
// after each command, so that the completer (called from readline's
// goroutine) does not touch the client or the network; the one exception
// is the LIST its lister runs on the first Tab that needs mailbox names,
// at the prompt only (complist.go).
type compCache struct {
	mu        sync.Mutex
	state     client.State
	caps      []string
	capSet    client.CapSet // caps as announced, nil when not known
	mailboxes []string
	flags     []string
	vars      []string
	// listed says the names are those of a complete LIST on this
	// connection (conn), or that the lister tried; lister, set by the
	// session, runs that LIST on the first Tab that needs names
	// (complist.go). mayList: logged in on a connection.
	listed  bool
	conn    *client.Client
	mayList bool
	lister  func()
}

// update replaces what the session's connection and variables say.
func (c *compCache) update(k *conn, vars map[string]string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.state = k.currentState()
	if k.c != c.conn { // names of another connection (\connect) may not hold here
		c.conn, c.mailboxes, c.listed = k.c, nil, false
	}
	c.mayList = client.Needs.Mailbox.StateOK(c.state)
	c.caps, c.capSet, c.flags = nil, nil, nil
	if k.connected() {
		c.caps = k.c.Caps()
		if k.c.HasCapsKnown() {
			c.capSet = client.NewCapSet(c.caps)
		}
		if m := k.c.Mailbox(); m != nil {
			c.flags = append(append([]string(nil), m.PermanentFlags...), m.Flags...)
		}
	}
	c.vars = c.vars[:0]
	for name := range vars {
		c.vars = append(c.vars, name)
	}
	sort.Strings(c.vars)
}

// setMailboxes replaces the mailbox names (from a complete LIST).
func (c *compCache) setMailboxes(names []string) {
	c.mu.Lock()
	c.mailboxes = append([]string(nil), names...)
	c.listed = true
	c.mu.Unlock()
}

// addMailbox adds a name (CREATE, RENAME, a partial LIST).
func (c *compCache) addMailbox(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !slices.Contains(c.mailboxes, name) {
		c.mailboxes = append(slices.Clone(c.mailboxes), name) // a reader may hold the old slice
	}
}

// removeMailbox drops a name (DELETE, RENAME).
func (c *compCache) removeMailbox(name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.mailboxes = slices.DeleteFunc(slices.Clone(c.mailboxes), func(m string) bool { return m == name })
}

// learnMailboxes puts the names of a LIST result into the cache; a
// complete listing replaces it.
func (c *compCache) learnMailboxes(res *client.Result, complete bool) {
	var names []string
	for _, l := range client.Of[*client.ListData](res) {
		names = append(names, l.Mailbox)
	}
	if complete {
		c.setMailboxes(names)
		return
	}
	for _, n := range names {
		c.addMailbox(n)
	}
}

// Available implements completion.Source: the dispatcher's rule
// (availability) on the cached state and capabilities.
func (c *compCache) Available(name string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return CommandAvailable(name, c.state, c.capSet)
}

// Caps implements completion.Source.
func (c *compCache) Caps() []string { c.mu.Lock(); defer c.mu.Unlock(); return c.caps }

// Mailboxes implements completion.Source: the names of the last LIST,
// after running one (once per connection, complist.go) when there was
// none.
func (c *compCache) Mailboxes() []string {
	c.mu.Lock()
	lister := c.lister
	run := !c.listed && c.mayList && lister != nil
	c.listed = c.listed || run // tried: not again on this connection
	c.mu.Unlock()
	if run {
		lister()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.mailboxes
}

// Flags implements completion.Source.
func (c *compCache) Flags() []string { c.mu.Lock(); defer c.mu.Unlock(); return c.flags }

// Variables implements completion.Source.
func (c *compCache) Variables() []string { c.mu.Lock(); defer c.mu.Unlock(); return c.vars }

// itemNeeds are the client's declarations of what the words of an
// argument kind need (client.ItemNeeds), nil for kinds whose words are
// all base IMAP.
func itemNeeds(kind cmdline.ArgKind) map[string][]client.Cap {
	switch kind {
	case cmdline.FetchItems:
		return client.ItemNeeds.Fetch
	case cmdline.SearchKeys:
		return client.ItemNeeds.Search
	case cmdline.StatusItems:
		return client.ItemNeeds.Status
	case cmdline.ListSelection, cmdline.ListReturn:
		return client.ItemNeeds.List
	case cmdline.SearchReturn:
		return client.ItemNeeds.SearchReturn
	case cmdline.SelectParams:
		return client.ItemNeeds.Select
	}
	return nil
}

// Offers implements completion.Source: the server has the word (a FETCH
// item, SEARCH key or STATUS item) as client.ItemNeeds declares it.
func (c *compCache) Offers(kind cmdline.ArgKind, word string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return WordOffered(kind, word, c.capSet)
}

// WordOffered reports whether completion offers word of kind to a server
// announcing caps (nil: not known, which offers every word).
func WordOffered(kind cmdline.ArgKind, word string, caps client.CapSet) bool {
	needs := itemNeeds(kind)
	return needs == nil || client.ItemAvailable(needs, word, caps)
}

// CommandAvailable reports whether the shell lets the named command run
// in state (StateLogout: not connected) with a server announcing caps
// (nil: not known).
func CommandAvailable(name string, state client.State, caps client.CapSet) bool {
	cmd := commandNamed(name)
	if cmd == nil {
		return false
	}
	reason, _ := availability(cmd.need(), state, caps)
	return reason == ""
}
