package lineage

// Views of a map the tests read it by: diff and carry walk the links
// themselves.

// New returns the To catalogue's provisions with no predecessor, in order.
func (m *Map) New() []string {
	var ids []string
	for _, p := range m.To.Provisions {
		if len(m.into[p.ID]) == 0 {
			ids = append(ids, p.ID)
		}
	}
	return ids
}

// Retired returns the From catalogue's provisions with no successor, in order.
func (m *Map) Retired() []string {
	var ids []string
	for _, p := range m.From.Provisions {
		if len(m.out[p.ID]) == 0 {
			ids = append(ids, p.ID)
		}
	}
	return ids
}
