package rules

import (
	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

// UnknownCode reports why the catalogue code: names could not be had; the
// loader resolves the code and hands the reason to Check.
var UnknownCode = add(&Rule{
	Name:     "unknown-code",
	Severity: assessment.Error,
	order:    40,
	Summary:  "`code:` names no known catalogue",
	What: "code: must name a Code csa knows (chc-2024, chc-2022, or 2024, 2022) or a catalogue file " +
		"of the landlord's own, ending .yaml, relative to the assessment. The finding says what is " +
		"wrong: an unknown name, a catalogue file that does not exist, cannot be read, is not a " +
		"catalogue, or lies outside the folders csa may read it from.",
	Why: "Every other rule measures the answers against the Code's provisions: without the catalogue " +
		"csa cannot tell which provisions the form asks about, which are missing, or whether the " +
		"Code was replaced.",
	Fix: "Write code: chc-2024 for the 2024 Code (chc-2022 for the 2022 Code), or the path to your " +
		"catalogue file from the assessment's folder. A catalogue file named in a file is read only " +
		"from the working folder and the folders being read: give --catalogues-from FOLDER to allow " +
		"another.",
	check: func(c *checker) {
		if c.catErr == nil {
			return
		}
		c.add(c.a.CodePos, "", "%s", codes.Reason(c.catErr))
	},
})
