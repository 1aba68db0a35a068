package assessment

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/csa-tool/csa/assessment/internal/fastyaml"
)

// Kind is what a YAML file is, as far as its keys tell before it is read
// as an assessment: csa's one policy for "is this an assessment?".
type Kind int

// The kinds of file. Only a file proven not to be an assessment is another
// kind; a file that might be one, or cannot be read, is MaybeAssessment.
const (
	MaybeAssessment Kind = iota // an assessment, or a file that might be one: read it as one
	CatalogueFile               // a catalogue: a catalogue key and none only an assessment has
	FiguresFile                 // complaint figures: kind: figures
	AnnualFile                  // an annual complaints report: kind: annual
	OtherFile                   // keys none of which an assessment has (a CI workflow), or text
)

// Why says what a file of kind k is, for a note or a refusal: "a
// catalogue, not an assessment"; "" for MaybeAssessment.
func (k Kind) Why() string {
	switch k {
	case CatalogueFile:
		return "a catalogue, not an assessment"
	case FiguresFile:
		return "complaint figures (kind: figures), not an assessment"
	case AnnualFile:
		return "an annual complaints report (kind: annual), not an assessment"
	case OtherFile:
		return "not an assessment (no code: or provisions:)"
	}
	return ""
}

// KindOf says what data is. A folder walk skips only files proven not to be
// an assessment: YAML that reads cleanly as a set of keys with none an
// assessment has (a CI workflow), a catalogue by its keys, or a figures file
// or an annual report by its kind. Anything else might be one, so that a file csa cannot read is
// a finding rather than a skip: "code :" with a syntax error, a quoted
// landlord whose next line starts "catalogue:", an assessment with a
// catalogue key added, an empty file, a byte order mark. A document that is
// text, not keys, is not one.
// A file with a line starting "code:" answers without being parsed, so a
// folder walk does not parse every assessment twice.
func KindOf(data []byte) Kind {
	for line := range bytes.Lines(data) {
		if bytes.HasPrefix(line, []byte("code:")) {
			return MaybeAssessment
		}
	}
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return MaybeAssessment // UTF-16: the loader says what is wrong with it
	}
	top, ok := onlyDocument(data)
	if !ok {
		return MaybeAssessment // not YAML, or more than one document: the loader says what is wrong
	}
	switch top.Kind {
	case yaml.MappingNode:
		return keysSay(top)
	case yaml.SequenceNode:
		for _, item := range top.Content {
			if item.Kind == yaml.MappingNode && keysSay(item) == MaybeAssessment {
				return MaybeAssessment
			}
		}
		return OtherFile
	case yaml.ScalarNode:
		if top.Tag != "!!null" {
			return OtherFile // text: a CSV file, say
		}
	}
	return MaybeAssessment // nothing in it, or an alias: the loader says what is wrong
}

// onlyDocument returns the top node of data's one document, or ok=false when
// data is not YAML, holds no document or more than one.
func onlyDocument(data []byte) (*yaml.Node, bool) {
	if doc, ok := fastyaml.Parse(data); ok {
		return doc.Content[0], true
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc, extra yaml.Node
	if dec.Decode(&doc) != nil || len(doc.Content) == 0 || !errors.Is(dec.Decode(&extra), io.EOF) {
		return nil, false
	}
	return doc.Content[0], true
}

// assessmentOnly are the top-level keys of an assessment that a catalogue
// does not have (both have provisions).
var assessmentOnly = []string{"code", "landlord", "assessed", "period", "approved", "published"}

// kinds are the other kinds of csa file, by their kind: key.
var kinds = map[string]Kind{"figures": FiguresFile, "annual": AnnualFile}

// keysSay reads a mapping's keys: another kind of csa file says so (kind:
// figures, kind: annual; an assessment has no kind key); a catalogue has a
// catalogue key and none only an assessment has; anything with a key of an
// assessment (in any case) might be one; the rest is not.
func keysSay(m *yaml.Node) Kind {
	for i := 0; i+1 < len(m.Content); i += 2 {
		key := strings.ToLower(strings.TrimSpace(m.Content[i].Value))
		if v := m.Content[i+1]; key == "kind" && v.Kind == yaml.ScalarNode {
			if k, ok := kinds[strings.TrimSpace(v.Value)]; ok {
				return k
			}
		}
	}
	catalogue, assessment := false, false
	for i := 0; i+1 < len(m.Content); i += 2 {
		key := strings.ToLower(strings.TrimSpace(m.Content[i].Value))
		switch {
		case key == "catalogue":
			catalogue = true
		case slices.Contains(assessmentOnly, key):
			return MaybeAssessment
		case key == "provisions":
			assessment = true
		}
	}
	switch {
	case catalogue:
		return CatalogueFile
	case assessment:
		return MaybeAssessment
	}
	return OtherFile
}
