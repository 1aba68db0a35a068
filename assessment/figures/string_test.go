package figures

import (
	"fmt"
	"strings"
)

// String renders figures as a figures file, for tests.
func (f *Figures) String() string {
	var b strings.Builder
	if err := Encode(&b, f); err != nil {
		return fmt.Sprintf("figures: %v", err)
	}
	return b.String()
}
