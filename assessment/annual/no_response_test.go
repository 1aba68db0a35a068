package annual

import "testing"

func TestNoResponse(t *testing.T) {
	checkCases(t, NoResponse, []ruleCase{
		{name: "a response", yaml: full},
		{name: "none", yaml: without(full, "response"), want: []string{
			"1:1: the governing body's response is not recorded: add response: with by:, on: and text: once it has considered the report"}},
	})
}
