package annual

import (
	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/rules"
)

// rules.AnnualNoResponse warns while the governing body has not responded.
var _ = apply(rules.AnnualNoResponse, func(c *checker) {
	if c.a.Response == nil {
		c.add(assessment.Pos{Line: 1, Col: 1}, "the governing body's response is not recorded: add response: with by:, on: and text: once it has considered the report")
	}
})
