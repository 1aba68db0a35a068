package rules

import "github.com/csa-tool/csa/assessment"

// FiguresAssessment is package figures' (it reads figures files).
var FiguresAssessment = add(&Rule{
	Name:         "figures-assessment",
	Severity:     assessment.Error,
	SeverityNote: "warning when several match",
	Reads:        Figures,
	order:        220,
	Summary: "`assessment:` names a file that does not exist or is not an assessment; or several assessments " +
		"beside the figures match and none is named",
	What: "The assessment to cross-check the figures with cannot be had: assessment: names a file that " +
		"does not exist or is not an assessment (an error); or, with no assessment: key, more than one " +
		"assessment in the figures file's folder has the same period (and landlord), so csa cannot " +
		"tell which (a warning).",
	Why: "The cross-check is what tells a landlord that a yes in the self-assessment is contradicted by " +
		"its own complaint figures. It needs the right assessment; a wrong one would compare the " +
		"figures with another year or another landlord.",
	Fix: "Write assessment: with the path of the period's self-assessment, from the figures file's " +
		"folder (csa figures --assessment FILE writes it).",
})
