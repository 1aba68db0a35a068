package annual

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// This file is what the Ombudsman's submission form asks for each year,
// kept as data in forms.yaml: a new year's form is a new entry there.

//go:embed forms.yaml
var formsYAML []byte

// Form is what one year's submission form asks for.
type Form struct {
	Year    string   `yaml:"year"` // 2025-26
	Summary string   `yaml:"summary"`
	Asks    []string `yaml:"asks"`
}

// The things a form can ask for.
const (
	AskOrganisation = "organisation"
	AskDocuments    = "documents"
	AskLinks        = "links"
	AskForm         = "form"
	AskAnswers      = "answers"
)

// Forms are the forms csa knows, oldest first.
var Forms = func() []Form {
	var doc struct {
		Forms []Form `yaml:"forms"`
	}
	if err := yaml.Unmarshal(formsYAML, &doc); err != nil {
		panic("annual: forms.yaml: " + err.Error()) // compiled in; a test reads it
	}
	known := []string{AskOrganisation, AskDocuments, AskLinks, AskForm, AskAnswers}
	for i, f := range doc.Forms {
		for _, a := range f.Asks {
			if !slices.Contains(known, a) {
				panic(fmt.Sprintf("annual: forms.yaml: the %s form asks %q, which csa does not know", f.Year, a))
			}
		}
		doc.Forms[i].Summary = strings.Join(strings.Fields(f.Summary), " ")
	}
	return doc.Forms
}()

// Wants reports whether the form asks for a thing.
func (f Form) Wants(what string) bool { return slices.Contains(f.Asks, what) }

// FormFor is the form of a year, and a note when csa does not know that
// year's: a later year is taken to ask what the latest known form asked; an
// earlier one had no submission.
func FormFor(year string) (Form, string, bool) {
	for _, f := range Forms {
		if f.Year == year {
			return f, "", true
		}
	}
	if len(Forms) == 0 {
		return Form{}, "", false
	}
	first, last := Forms[0], Forms[len(Forms)-1]
	if year < first.Year {
		return Form{}, fmt.Sprintf("the Ombudsman asked for no submission before its %s form: self-assessments against the 2022 Code were discussed by the governing body but not submitted", first.Year), false
	}
	f := last
	return f, fmt.Sprintf("csa knows the forms up to %s; the %s form is taken to ask what the %s form asked: check the Ombudsman's guidance for %s", last.Year, year, last.Year, year), true
}
