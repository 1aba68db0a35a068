package rules

import "github.com/csa-tool/csa/assessment"

// AnnualReference finds the files the report names that cannot be used.
// Package annual applies it: it reads annual reports and the files they name.
var AnnualReference = add(&Rule{
	Name:     "annual-reference",
	Severity: assessment.Error,
	Reads:    Annual,
	order:    310,
	Summary:  "`self_assessment`, `figures` or `previous` names a file that does not exist, cannot be read, is not of its kind or is not valid",
	What: "A file the annual report names (the self-assessment, the year's figures, or last year's annual " +
		"report or figures under previous:) does not exist where the path says (paths are taken from the " +
		"annual report's folder), cannot be read, is another kind of file, or has errors of its own. The " +
		"finding says which; csa check on that file lists its errors. The file's contents are never quoted.",
	Why: "The annual report contains the self-assessment and the year's figures (Code 8.1). A report " +
		"naming a file that is not there would be published and submitted without them.",
	Fix: "Correct the path (relative to the annual report file), or fix the file: csa check FILE lists " +
		"what is wrong with it.",
})
