package rules

import "github.com/csa-tool/csa/assessment"

// Schema is found by the loader (assessment.Parse) while it reads the file.
var Schema = add(&Rule{
	Name:     assessment.RuleSchema,
	Severity: assessment.Error,
	order:    20,
	Summary:  "an unknown key, a wrong type, a bad date, a bad value, a missing required key",
	What: "The file is YAML but not an assessment as csa reads it: a key csa does not know " +
		"(evidnce: instead of evidence:, with a suggestion), a key given twice, a list where text " +
		"belongs, a date not written YYYY-MM-DD, an answer that is not yes, no, partial or n/a, an " +
		"unquoted provision id, an action without its text, or code:, landlord:, assessed: or " +
		"provisions: missing.",
	Why: "Reading is strict so that a typing slip cannot pass silently: a misspelt evidence key " +
		"would otherwise leave a provision looking unevidenced, and an unquoted 6.10 is read by YAML " +
		"as the number 6.1, another provision.",
	Fix: "Correct the key or value at the line the finding names, as its message says: use the " +
		"suggested key, write dates as 2025-05-31, answer yes, no, partial or n/a, and quote every " +
		"provision id (id: \"6.10\").",
})
