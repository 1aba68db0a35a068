package annual

import (
	"fmt"

	"github.com/csa-tool/csa/internal/safetext"
)

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// safeText makes text from a file safe for a page by csa's output policy:
// line ends normalised, control and direction characters shown as escapes.
func safeText(s string) string { return safetext.Text(s) }
