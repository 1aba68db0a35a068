package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/annual"
	"github.com/csa-tool/csa/assessment/figures"
	"github.com/csa-tool/csa/assessment/load"
	"github.com/csa-tool/csa/assessment/report"
	"github.com/csa-tool/csa/internal/english"
	"github.com/csa-tool/csa/internal/safetext"
)

type annualOptions struct {
	file       string
	format     *enumFlag
	out        string
	asOf       dateFlag
	allow      []string // --catalogues-from
	final      bool
	submission bool
	form       string
}

func newAnnualCmd(e *env) *cobra.Command {
	o := &annualOptions{format: newEnum(annualFormatNames()...)}
	cmd := &cobra.Command{
		Use: "annual FILE [-f " + strings.Join(annual.Formats.Names(), "|") + "] [-o OUT] [--final] | annual FILE --submission [--form YEAR] [-f " +
			strings.Join(annual.SubmissionFormats.Names(), "|") + "]",
		Short: "Render the annual complaints report with the self-assessment, or list what the Ombudsman's form asks",
		Long: `Annual renders the annual complaints performance and service improvement
report (section 8 of the Code) from its file (kind: annual; csa init --annual
writes one), with the files it names: the self-assessment, the year's figures
(csa figures) and last year's figures, from previous: or found beside them by
their period.

The report has the facts (the year, the homes, the member responsible for
complaints, the date, the governing body's response); the year's figures
beside last year's; charts of the complaints received each month by stage,
of timeliness against the Code's timescales and of the year on year, each
with a text alternative and its numbers in a table; the analysis; the
complaints not accepted and why; the categories and outcomes; the
Ombudsman's determinations and orders, and its reports about the landlord;
the service improvements; the governing body's response; and the
self-assessment, as csa report lays it out.

  markdown  (the default) for a board paper: each chart as its text
            alternative and its numbers
  html      one page to publish, with the self-assessment's stylesheet and
            print layout; charts as inline SVG (a narrower drawing on a
            phone), no scripts, nothing fetched
  docx      a Word document: the report on portrait pages with the charts
            as pictures (alt text set), the self-assessment on the form's
            landscape pages

A report is a DRAFT while a part of section 8 is missing, the governing body
has not responded, the self-assessment is itself a draft, or csa check finds
the report wrong in what it says (a self-assessment or figures of another
year, a response dated before the report, an order with no status): every
format says so, and so does stderr; --final refuses a draft (exit 2, nothing
written).

--submission lists instead what the Ombudsman's submission form asks for in
the year the report is due (the form's year runs April to March; --form YEAR
chooses another, like 2025-26): the organisation's details, the documents to
send and how to get them, the web address of each (checked for being given
and being a web address, never fetched), and for the 2025-26 form a Yes or
No for each provision, from the self-assessment (partial is No). -f text (the
default with --submission) or markdown.

csa check checks the report file: the parts of section 8, the files it
names, the period, the response, the Ombudsman's orders and the submission
deadline (30 September after the financial year end with more than 1,000
homes, else six months after it).

-o replaces OUT whole or not at all and never overwrites an input; docx
refuses a terminal. The same files and --as-of give the same bytes.`,
		Example: `  csa annual annual-2024-25.yaml -f html -o annual-report.html
  csa annual annual-2024-25.yaml -f docx --final -o annual-report.docx
  csa annual annual-2024-25.yaml --submission
  csa annual annual-2024-25.yaml --submission --form 2026-27 -f markdown`,
		Args: argCount(1, 1, "annual needs one annual report FILE (kind: annual): csa annual FILE -f html -o OUT"),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.file = args[0]
			formatGiven := cmd.Flags().Changed("format")
			_, report := annual.Formats.Named(o.format.value)
			_, submission := annual.SubmissionFormats.Named(o.format.value)
			switch {
			case o.submission && formatGiven && !submission:
				return usagef("--submission lists the form as %s, not %s", english.Or(annual.SubmissionFormats.Names()), o.format.value)
			case o.submission && !formatGiven:
				o.format.value = annual.SubmissionFormats[0].Name
			case !o.submission && !report:
				return usagef("-f %s is for --submission; the report is %s", o.format.value, english.Or(annual.Formats.Names()))
			case !o.submission && cmd.Flags().Changed("form"):
				return usagef("--form goes with --submission")
			}
			if o.form != "" && !formYearFlag(o.form) {
				return usagef("--form %q is not a form's year like 2025-26", o.form)
			}
			return runAnnual(e, o)
		},
	}
	fs := cmd.Flags()
	fs.VarP(o.format, "format", "f", "output format: "+english.Or(annual.Formats.Names())+
		" (with --submission: "+english.Or(annual.SubmissionFormats.Names())+")")
	fs.StringVarP(&o.out, "output", "o", "", "write to `FILE` instead of standard output (atomically; - is standard output)")
	fs.BoolVar(&o.final, "final", false, "refuse a draft (a part missing, no response, a draft self-assessment, an error csa check finds in what it says): exit 2, for a release job")
	fs.BoolVar(&o.submission, "submission", false, "list what the Ombudsman's submission form asks for, filled in from the report")
	fs.StringVar(&o.form, "form", "", "with --submission: the form's `YEAR` (like 2025-26; default: the year the report is due)")
	addAsOf(fs, &o.asOf)
	addCatalogues(fs, &o.allow)
	return cmd
}

// annualFormatNames are the values of annual's --format: the report's
// formats, then the submission view's not among them.
func annualFormatNames() []string {
	names := annual.Formats.Names()
	for _, n := range annual.SubmissionFormats.Names() {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return names
}

func formYearFlag(s string) bool {
	if len(s) != 7 || s[4] != '-' {
		return false
	}
	for i, c := range s {
		if i != 4 && (c < '0' || c > '9') {
			return false
		}
	}
	return (int(s[2]-'0')*10+int(s[3]-'0')+1)%100 == int(s[5]-'0')*10+int(s[6]-'0')
}

func runAnnual(e *env, o *annualOptions) error {
	f, _ := annual.Formats.Named(o.format.value)
	t := target{e: e, path: o.out, inputs: []string{o.file}}
	if !o.submission {
		t.binary = f.Binary
	}
	if err := t.check(); err != nil {
		return err
	}
	data, err := readInput(e, o.file)
	if err != nil {
		return err
	}
	in := &input{arg: o.file, data: data}
	name := in.name()
	if !annual.IsAnnual(data) {
		return usagef("%s is not an annual report file (no kind: annual at the top): csa init --annual writes one", safetext.Line(name))
	}
	asOf := o.asOf.or(e)
	// The files the report names are read as csa check reads them: the
	// self-assessment through the loader, its catalogue from the folders
	// of the report and of the self-assessment (and --catalogues-from).
	var foldersErr error
	pack, fs := annual.Load(name, data, annual.Options{AsOf: asOf, ReadFile: load.ReadFile,
		Assessment: func(path string) figures.Found {
			folders, err := catalogueFolders(o.allow, o.file, path)
			if err != nil {
				foldersErr = err
				return figures.Found{Err: err}
			}
			return load.Find(path, folders)
		}})
	assessment.SortFindings(fs)
	if u := load.FirstError("annual report", fs); u != nil {
		return unreadable(u, in)
	}
	if foldersErr != nil {
		return foldersErr
	}
	for _, p := range pack.Problems {
		msg := fmt.Sprintf("%s: %s: %s %s", safetext.Line(name), p.Key, safetext.Line(p.File), p.Message)
		if p.Key == "previous" {
			e.notef("%s; last year's figures are left out", msg)
			continue
		}
		return usagef("%s", msg)
	}
	t.inputs = append(t.inputs, pack.AssessmentFile, pack.FiguresFile, pack.PreviousFile, pack.PreviousAnnual)
	var self *report.Report
	if pack.Assessment != nil {
		t.inputs = append(t.inputs, catalogueFiles(pack.Catalogue)...)
		self = report.New(pack.Assessment, pack.Catalogue, asOf)
	}
	r := annual.New(pack, self, asOf)
	if o.submission {
		v := r.Submission(o.form)
		if links, answers := v.Gaps(); links > 0 || answers > 0 {
			e.notef("%s: the form is not complete: %s not given, %s not answered", safetext.Line(name),
				english.Count(links, "web address", "web addresses"), english.Count(answers, "provision"))
		}
		sf, _ := annual.SubmissionFormats.Named(o.format.value)
		return outputError(t.write(func(w io.Writer) error { return sf.Write(w, v) }))
	}
	if why := r.DraftReasons(); len(why) > 0 {
		reasons := strings.Join(why, "; ")
		if o.final {
			return usagef("%s is a draft: %s; --final renders only a complete report with the governing body's response", safetext.Line(name), reasons)
		}
		e.notef("%s is a draft: %s; the report is marked DRAFT", safetext.Line(name), reasons)
	}
	return outputError(t.write(func(w io.Writer) error { return f.Write(w, r) }))
}
