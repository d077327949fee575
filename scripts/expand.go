package scripts

// ChainLookup returns a Lookup that asks each lookup in turn and uses the first
// that defines the name, e.g. ChainLookup(setVars, os.LookupEnv) for the REPL's
// \set variables first, then the environment. Nil lookups are skipped.
func ChainLookup(lookups ...func(name string) (string, bool)) func(name string) (string, bool) {
	return func(name string) (string, bool) {
		for _, look := range lookups {
			if look == nil {
				continue
			}
			if v, ok := look(name); ok {
				return v, true
			}
		}
		return "", false
	}
}
