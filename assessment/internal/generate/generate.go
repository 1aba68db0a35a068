// Package generate writes the assessments the check benchmarks and the
// loader's tests read: as many as asked, shaped like real ones. It knows
// nothing of the assessment model, so the model's own tests can use it.
package generate

import (
	"fmt"
	"strings"

	"github.com/csa-tool/csa/codes"
)

// Assessments returns the YAML of n assessments against chc-2024, as the
// check benchmarks read them: every provision on the form answered, shaped
// like a real one (mostly yes with a few lines of evidence, some partial and
// no answers with an action each), clean at 2025-07-01. names[i] is the
// i-th file's name, gen/NNNN.yaml.
func Assessments(n int) (names []string, files [][]byte) {
	cat, err := codes.Lookup("chc-2024", "")
	if err != nil {
		panic(err) // the built-in catalogue is tested
	}
	onForm := cat.OnForm()
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "code: chc-2024\nlandlord: Landlord %d\nassessed: 2025-05-31\nperiod: 2024/25\n", i)
		b.WriteString("approved:\n  by: Board\n  on: 2025-06-19\nprovisions:\n")
		for j, p := range onForm {
			fmt.Fprintf(&b, "  - id: %q\n", p.ID)
			switch (i + j) % 9 {
			case 0:
				b.WriteString("    comply: partial\n")
			case 4:
				b.WriteString("    comply: no\n")
			default:
				b.WriteString("    comply: yes\n")
			}
			fmt.Fprintf(&b, "    evidence: |\n      Complaints Policy section %d.%d sets this out, and the quarterly audit of\n      twenty cases found it followed in every case; staff guidance was updated in\n      March and the Customer Services Committee reviewed the results.\n", i%9+1, j)
			if (i+j)%3 == 0 {
				b.WriteString("    commentary: Reviewed by the Head of Customer Experience each quarter.\n")
			}
			if (i+j)%9 == 0 || (i+j)%9 == 4 {
				b.WriteString("    actions:\n      - action: Update the procedure and train the team.\n        owner: Complaints Manager\n        due: 2025-09-30\n        status: open\n")
			}
		}
		names = append(names, fmt.Sprintf("gen/%04d.yaml", i))
		files = append(files, []byte(b.String()))
	}
	return names, files
}
