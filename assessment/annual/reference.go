package annual

import (
	"github.com/csa-tool/csa/assessment/rules"
	"github.com/csa-tool/csa/internal/safetext"
)

// rules.AnnualReference finds the files the report names that cannot be used.
var _ = apply(rules.AnnualReference, func(c *checker) {
	for _, pr := range c.p.Problems {
		c.add(c.p.Doc.Pos(pr.Key), "%s: %s %s", pr.Key, safetext.Line(pr.File), pr.Message)
	}
})
