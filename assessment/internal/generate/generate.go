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
func Assessments(n int) (names []string, files [][]byte) { return generate(n, false) }

// Groups returns the YAML of n group assessments, as Assessments writes
// them with three entities listed, and on about one provision in eight one
// entity answering differently: partial with an action of its own, or its
// own evidence, or its own commentary. Clean at 2025-07-01. names[i] is
// group/NNNN.yaml.
func Groups(n int) (names []string, files [][]byte) { return generate(n, true) }

func generate(n int, group bool) (names []string, files [][]byte) {
	cat, err := codes.Lookup("chc-2024", "")
	if err != nil {
		panic(err) // the built-in catalogue is tested
	}
	onForm := cat.OnForm()
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "code: chc-2024\nlandlord: Landlord %d\n", i)
		if group {
			fmt.Fprintf(&b, "entities:\n  - name: Landlord %d Homes\n    registration: \"L%04d\"\n  - name: Landlord %d Living\n  - name: Hillside Housing Association %d\n", i, i, i, i)
		}
		b.WriteString("assessed: 2025-05-31\nperiod: 2024/25\n")
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
			if !group {
				continue
			}
			switch (i + j) % 24 {
			case 5:
				fmt.Fprintf(&b, "    entities:\n      Hillside Housing Association %d:\n        comply: partial\n        commentary: |\n          Hillside joined the group in January and still follows its own\n          procedure for this until the group's is adopted in September.\n        actions:\n          - action: Adopt the group's procedure and train Hillside's team.\n            owner: Hillside Operations Director\n            due: 2025-09-30\n", i)
			case 13:
				fmt.Fprintf(&b, "    entities:\n      Landlord %d Living:\n        evidence: |\n          Supported Housing Complaints Procedure section %d sets this out; the\n          scheme managers' audit of ten cases found it followed.\n", i, j)
			case 21:
				fmt.Fprintf(&b, "    entities:\n      Landlord %d Homes:\n        commentary: Reviewed by the Homes Board each quarter.\n", i)
			}
		}
		dir := "gen"
		if group {
			dir = "group"
		}
		names = append(names, fmt.Sprintf("%s/%04d.yaml", dir, i))
		files = append(files, []byte(b.String()))
	}
	return names, files
}
