package rules

import "github.com/csa-tool/csa/assessment"

// Syntax is found by the loader (assessment.Parse), which reads no further.
var Syntax = add(&Rule{
	Name:     assessment.RuleSyntax,
	Severity: assessment.Error,
	order:    10,
	Summary:  "the file is not valid YAML",
	What: "The file cannot be read as YAML at all: a quote or a bracket left open, a line indented " +
		"with a tab or out of line with the one before, a colon and a space inside text that is not " +
		"quoted, a character that is not text, or a file that is not saved as UTF-8. Nothing else in " +
		"the file is checked until it can be read.",
	Why: "csa cannot check, publish or compare what it cannot read, and a guess at what a broken " +
		"file meant could publish an answer the landlord never gave.",
	Fix: "Go to the line and column the finding names (the problem is there or just before it) and " +
		"mend the YAML: close the quote or bracket, indent with spaces to match the lines around it, " +
		"put text holding \": \" in quotes or a | block, and save the file as UTF-8.",
})
