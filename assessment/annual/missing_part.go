package annual

import (
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/figures"
	"github.com/csa-tool/csa/assessment/rules"
)

// Part is one of the parts of the annual report the Code (8.1) asks for,
// and the key of the report file that gives it.
type Part struct {
	Name string // as a finding and the report name it
	Key  string // where the file gives it
	Hint string // how to give it
}

// Parts are the parts of the annual report, in the order the Code lists
// them.
var Parts = []Part{
	{"the self-assessment", "self_assessment", "name the year's self-assessment file with self_assessment:"},
	{"a quantitative analysis of complaint handling performance", "figures", "name the year's figures file (csa figures writes it) with figures:"},
	{"a qualitative analysis of complaint handling performance", "analysis", "write it under analysis:"},
	{"the types of complaints refused", "refusals", "write them under refusals:, or count the log with a refusal reason column (csa figures)"},
	{"the Ombudsman's findings of non-compliance with the Code", "ombudsman.determinations", "list the Ombudsman's determinations under ombudsman: determinations: (an empty list, [], when there were none)"},
	{"the service improvements made from learning", "improvements", "list them under improvements:, each with learned:, changed: and when:"},
	{"the Ombudsman's annual report about the landlord's performance", "ombudsman.annual_report", "give its title: and link: under ombudsman: annual_report:, or write annual_report: none"},
	{"other relevant Ombudsman reports about the landlord", "ombudsman.other_reports", "list them under ombudsman: other_reports: (an empty list, [], when there are none)"},
}

// rules.AnnualMissingPart names each part of section 8 the report does not give.
var _ = apply(rules.AnnualMissingPart, func(c *checker) {
	for _, part := range Parts {
		if !c.hasPart(part.Key) {
			at := c.p.Doc.KeyPos("ombudsman")
			if !strings.HasPrefix(part.Key, "ombudsman.") || !c.a.Given("ombudsman") {
				at = assessment.Pos{Line: 1, Col: 1}
			}
			c.add(at, "the report lacks %s, which the Code (8.1) asks for: %s", part.Name, part.Hint)
		}
	}
})

// hasPart reports whether the report gives a part.
func (c *checker) hasPart(key string) bool {
	a := c.a
	switch key {
	case "self_assessment":
		return a.SelfAssessment != ""
	case "figures":
		return a.Figures != ""
	case "analysis":
		return a.Analysis != ""
	case "refusals":
		if a.Refusals != "" {
			return true
		}
		if a.Figures != "" && c.p.Figures == nil {
			return true // annual-reference says why the figures cannot be read
		}
		return c.p.Figures != nil && refusalsCounted(c.p.Figures)
	case "improvements":
		return len(a.Improvements) > 0
	case "ombudsman.determinations":
		return a.Ombudsman.Given("determinations")
	case "ombudsman.annual_report":
		return a.Ombudsman.Given("annual_report")
	case "ombudsman.other_reports":
		return a.Ombudsman.Given("other_reports")
	}
	return true
}

// refusalsCounted reports whether figures say what kinds of complaint were
// refused: a breakdown of reasons at a stage, or none refused at any stage
// they count.
func refusalsCounted(f *figures.Figures) bool {
	counted, none := false, true
	for _, st := range f.Stages {
		if st == nil {
			continue
		}
		if len(st.Refusals) > 0 {
			return true
		}
		if st.Refused != nil {
			counted = true
			none = none && *st.Refused == 0
		}
	}
	return counted && none
}
