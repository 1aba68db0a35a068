package annual

import (
	"strconv"
	"strings"

	"github.com/csa-tool/csa/assessment"
)

// SkeletonOptions fill in what csa init --annual knows.
type SkeletonOptions struct {
	Landlord string
	Period   string // 2024/25
	Homes    int    // 0: left blank
	Dated    assessment.Date
}

// Skeleton is a new annual report file: every key, each with a comment
// saying what goes in it, the parts left empty so that csa check lists
// each one still to write.
func Skeleton(o SkeletonOptions) string {
	period := o.Period
	yearEnd, last, short := "", "", strings.ReplaceAll(period, "/", "-")
	if p := NormalPeriod(period); len(p) == 7 && p[4] == '/' {
		if y, err := strconv.Atoi(p[:4]); err == nil {
			yearEnd = strconv.Itoa(y+1) + "-03-31"
		}
		if l, ok := PeriodBefore(p); ok {
			last = strings.ReplaceAll(l, "/", "-")
		}
	}
	homes := ""
	if o.Homes > 0 {
		homes = strconv.Itoa(o.Homes)
	}
	sp := func(s string) string { // a value after its key's colon, or nothing
		if s == "" {
			return ""
		}
		return " " + s
	}
	r := strings.NewReplacer("{LANDLORD}", sp(scalar(o.Landlord)), "{PERIOD}", sp(scalar(period)), "{SHORT}", short, "{LAST}", last,
		"{YEAR_END}", sp(yearEnd), "{HOMES}", sp(homes), "{DATED}", sp(o.Dated.String()), "{TITLE_PERIOD}", strings.TrimSpace(period))
	return r.Replace(skeleton)
}

// scalar quotes text that YAML would read as something else.
func scalar(s string) string {
	if s == "" {
		return ""
	}
	if strings.ContainsAny(s, ":#'\"{}[],&*!|>%@`\n") || strings.TrimSpace(s) != s {
		return strconv.Quote(s)
	}
	return s
}

const skeleton = `# Annual complaints performance and service improvement report {TITLE_PERIOD}
#
# The Complaint Handling Code (section 8) asks for this report each year. It
# contains the self-assessment; an analysis of complaint handling, in figures
# and in words, with the types of complaint refused; the Ombudsman's findings
# of non-compliance with the Code; the service improvements made from what
# complaints taught; and the Ombudsman's reports about the landlord. It goes
# to the governing body, whose response is published alongside it, and the
# three (report, response, self-assessment) are submitted to the Ombudsman.
#
#   csa check FILE                 lists what is still missing, and the deadline
#   csa annual FILE -f html        renders the report (markdown, html or docx)
#   csa annual FILE --submission   lists what the Ombudsman's form asks for
#
# Paths are relative to this file. Dates are YYYY-MM-DD.
kind: annual
landlord:{LANDLORD}
period:{PERIOD}
year_end:{YEAR_END}  # the last day of the financial year the report covers
homes:{HOMES}  # homes owned: more than 1,000 submit by 30 September after the year end, others within six months of it
dated:{DATED}  # the day the report is finished: change it when it is
self_assessment: self-assessment-{SHORT}.yaml  # the year's self-assessment (csa init --from last year's)
figures: figures-{SHORT}.yaml  # csa figures LOG --code 2024 --homes N -o figures-{SHORT}.yaml
# previous: annual-{LAST}.yaml  # last year's report (or figures), for last year's figures beside this year's; found by its period when left out
# member_responsible:  # the member of the governing body responsible for complaints
#   name:
#   role:

# The qualitative analysis: what the year's complaints say about the service,
# what went well and what did not. Plain paragraphs, a blank line between.
analysis:

# The types of complaint not accepted, and why (the figures count them by
# reason when the log has a refusal reason column).
refusals:

# What complaints taught, what changed because of it, and when.
improvements:
#  - learned: Residents did not know who was handling their complaint.
#    changed: Every acknowledgement now names the case officer and a direct line.
#    when: 2024-10-01

ombudsman:
  # Each case the Housing Ombudsman determined in the year; write [] when there were none.
  determinations:
  #  - case: "202412345"  # the Ombudsman's reference, in quotes
  #    date: 2024-11-20  # the day of the determination
  #    about: The repair of a leaking roof, and how the complaint was handled
  #    finding: Maladministration in the repairs; service failure in the complaint handling
  #    non_compliance: no  # yes when the Ombudsman found the Complaint Handling Code not complied with
  #    orders:
  #      - order: Apologise to the resident in writing.
  #        due: 2024-12-18
  #        complied: yes  # yes, no, or pending while it is not yet due
  #        on: 2024-12-10  # the day it was complied with
  # The Ombudsman's annual report about the landlord's performance: title: and
  # link:, or none when there was none for the year.
  annual_report:
  # Other Ombudsman reports about the landlord (a special report, say), each
  # with title: and link:; write [] when there are none.
  other_reports:

# The governing body's response, once it has considered the report.
# response:
#   by: Board
#   on: 2025-06-26
#   text: |
#     What the governing body said.
#   published: https://...  # only if not published with the report

# Where the report is published (the complaints page).
published:

# Each submission to the Ombudsman, as it is made: more than one when the
# self-assessment is submitted again after an investigation or a merger.
submitted:
#  - on: 2025-09-15
#    form: 2025-26  # the year of the Ombudsman's form
#    what: The annual report, the governing body's response and the self-assessment.
`
