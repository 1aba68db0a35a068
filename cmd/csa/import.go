package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/importer"
	"github.com/csa-tool/csa/internal/english"
	"github.com/csa-tool/csa/internal/safetext"
)

type importOptions struct {
	files    []string
	code     string
	landlord string
	assessed dateFlag
	sheet    string
	prose    bool
	out      string
	force    bool
	catalogs []string // --catalogues-from
	entities []string // --entities, as given
}

func newImportCmd(e *env) *cobra.Command {
	o := &importOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE... [--code C] [--landlord N] [--entities \"A; B\"] [--assessed D] [--sheet S] [--actions-from-prose] [-o OUT]",
		Short: "Turn a Word, Excel, CSV, web page or text self-assessment into assessment YAML",
		Long: `Import reads a self-assessment a landlord already has and writes it as
assessment YAML. The file's extension chooses the reader (FILE - reads
standard input, whose bytes say what it is):

  .docx        csa's own report document (report -f docx), read back whole;
               or the tables of a Word document; or, with no table csa
               knows, the stacked layout in its paragraphs
  .xlsx        csa's own report workbook, read back whole; or any sheet whose
               header row csa recognises, or that is in the stacked layout
               (--sheet to read one sheet only)
  .csv         comma-, semicolon- or tab-separated values, csa's own CSV
               form among them
  .html, .htm  a web page, saved from the browser (File > Save page as; the
               _files folder of images beside it is not needed) or as one
               file (.mht, .mhtml): the page's main content is read, and its
               navigation, header, footer, cookie banner, breadcrumbs,
               sidebars, forms and "was this page helpful?" box are left out
  .txt, other  text: tab-separated rows as copied from a published table in
               a browser (a cell's line breaks and a header split over lines
               are joined again), or the stacked layout

Several files make one assessment: "csa import section1.html section2.html
... -o a.yaml" reads a page per section (any formats) into one assessment,
in Code order. A provision answered in two files keeps the first file's
answer; the second is kept in its commentary and reported.

What is read: tables with a header row (Code provision / Provision / Ref;
Code requirement; Comply: Yes / No / Compliance / Do we comply?; Evidence;
Commentary / explanation; Evidence, commentary and any explanations; Action
required; Action owner; Completion date / Target date; Status; Date
completed), or without one (the columns are inferred from their content
and stderr says so); the stacked layout, each provision a run of labelled
lines ("Code provision 6.1", "Code requirement", "Comply", "Yes",
"Evidence", ...) or a heading per provision ("1.2 - Definition of a
complaint", then "Compliance: YES" or "Fully met", and the evidence);
definition lists and accordions on web pages. A table of provision,
action, owner and date alone is an action plan: its rows join the answers.

Answers may be written Yes, Yes., YES, Y, Compliant, Met, Fully met, No,
Not compliant, Not met, Partial, Partially compliant, Partially met, Yes -
partially, N/A, Not applicable, or as tick boxes (Yes ☒ No ☐); anything
else, and a blank, stays unanswered and is reported. Dates
may be 2025-05-31, 31 May 2025, 31/05/2025 (day first), May 2025 (the
month's end), 2025/26 (31 March 2026), Q3 2025/26 (the financial quarter's
end) or a spreadsheet's date cell; "Complete" or "Completed" in a date
column marks the action done. Lettered items and bullets stay lines of one
requirement. Rows split by page breaks are joined; a row whose number was
lost is matched to a provision by its wording and place, and reported as
guessed; a spreadsheet's 6.1 after 6.9 is read as 6.10. Numbers inside the
evidence (policy clause 3.4) are never taken for provisions.

Without --code the Code is decided from the document's content: provision
numbers only one Code has, whether the wording under each number reads
like that number's provision in the 2022 or the 2024 Code, section titles,
timescales and terms only one Code uses, the assessment's date (one dated
after 1 April 2024 is most likely against the 2024 Code, whatever columns
it kept), and more weakly the columns and must/should tables; stderr says
why. When they do not decide it, import stops and asks for --code.
Documents against the 2020 Code (its questionnaire) or the Local
Government and Social Care Ombudsman's code are refused, saying so.

Nothing is dropped: a cell with no place in an assessment is kept in the
answer's commentary under its column's header, and the landlord's own
wording of each provision is kept in requirement. Stderr lists every guess
and every cell that could not be mapped, with its line or row, then a count
of what was imported: review them.

--landlord and --assessed are needed unless the document says them:
"Landlord: ...", "Date of assessment: ..." in a paragraph or two cells; a
name in the title or first heading ("Harrowgate District Council -
Complaint Handling Code self-assessment 2024/25"); the page's "Last updated
12 June 2025" or "Page last reviewed"; a sentence saying when the
assessment was completed; the approval date. Stderr says where each came
from. A Word or Excel file's last-saved date is never used. "Approved by"
and "Date approved" (or "Approved by the Board on 26 June 2025") fill in
the approval.

An assessment for several landlords of a group answers each provision once
per entity: "Landlord A: Yes, Landlord B: Partial" in the answer cell (or a
line each), or a column of answers under each entity's name. Name the
group's entities with --entities "Landlord A; Landlord B" (separated by
semicolons, or the flag given once per entity; the document alone does not
say whether "Repairs: Yes, Lettings: No" names entities or services): the
assessment lists them under entities:, the answer most of them give is the
group's, and an entity that answers otherwise gets its own answer under the
provision's entities:. A name in the document is matched whatever its case
and spacing, or as the one entity it is a short form of ("Moorside" for
"Moorside Housing Association", reported); a name that is none of the
entities is kept in the commentary and reported, with the entity it was
probably meant to be; a provision whose answer leaves an entity out is left
unanswered for it, and reported. Evidence and actions stay the group's:
give an entity its own under entities: after the import. Without
--entities, the answer every entity gives is imported; where they differ
the provision stays unanswered; either way each one's answer is kept in the
commentary. csa's own workbook and Word document list their entities and
are read back whole.

With --actions-from-prose, the evidence of a no or partial answer that has
no action is read for work it promises ("will be", "is planned", "is to
be", "is required", "by March 2026"): each such sentence becomes a draft
action, due on the date it names, without an owner, so csa check still asks
for one.

Without -o the YAML goes to standard output. An existing file is not
overwritten unless --force is given, and no input ever is; the file is
written whole or not at all.

Exits 2 when a file cannot be read or imported (unsupported format, damaged
or empty file, no table found, Code unknown or not decidable, landlord or
date missing), with one line saying why.`,
		Example: `  csa import self-assessment.docx --landlord "Example Homes" --assessed 2025-05-31 -o assessment.yaml
  csa import "Complaints self-assessment.html" -o assessment.yaml
  csa import section-1.html section-2.html section-3.html -o assessment.yaml
  csa import copied-from-browser.txt --code 2022 --landlord "Example Council" --assessed 2023-06-30
  csa import report.xlsx -o back.yaml
  csa import group-assessment.docx --entities "Calder Vale Homes; Calder Vale Living" -o group.yaml`,
		Args: argCount(1, maxImportFiles, "import needs at least one FILE to read (.docx, .xlsx, .csv, .html or text)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.files = args
			return runImport(e, o)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&o.code, "code", "", "the Code assessed against: chc-2024, chc-2022 (or 2024, 2022) or a catalogue file (default: decided from the document)")
	fs.StringVar(&o.landlord, "landlord", "", "the landlord's name (default: from the document)")
	fs.Var(&o.assessed, "assessed", "the date the assessment was completed, YYYY-MM-DD (default: from the document)")
	fs.StringVar(&o.sheet, "sheet", "", "read only this sheet of an Excel workbook")
	fs.StringArrayVar(&o.entities, "entities", nil, "the group's entities the document answers for, separated by semicolons (or the flag once per entity): each one's answer is imported as its own")
	fs.BoolVar(&o.prose, "actions-from-prose", false, "draft actions, without owners, from the work the evidence of no and partial answers promises")
	fs.StringVarP(&o.out, "output", "o", "", "write to FILE instead of standard output")
	fs.BoolVar(&o.force, "force", false, "overwrite FILE if it exists")
	addCatalogues(fs, &o.catalogs)
	return cmd
}

// maxImportFiles caps the files one import reads: a page per section of
// the Code is a dozen.
const maxImportFiles = 200

func runImport(e *env, o *importOptions) error {
	seen := map[string]bool{}
	stdin := false
	for _, f := range o.files {
		if f == "-" {
			if stdin {
				return usagef("- (standard input) is named twice")
			}
			stdin = true
			continue
		}
		if seen[filepath.Clean(f)] {
			return usagef("%s is named twice", f)
		}
		seen[filepath.Clean(f)] = true
		if info, err := os.Stat(f); err == nil && info.IsDir() {
			if page := savedPageOf(f); page != "" {
				return usagef("%s is the folder a browser saves beside a web page (its images and styles): import %s", f, page)
			}
			return usagef("%s is a folder; name a file", f)
		}
		if _, err := importer.FormatOf(f); err != nil {
			return usagef("%s", err)
		}
	}
	entities, err := entityNames(o.entities)
	if err != nil {
		return err
	}
	// The input, and the landlord's own catalogue when --code names one, are
	// never overwritten.
	t := target{e: e, path: o.out, inputs: o.files, exclusive: !o.force}
	if o.code != "" {
		cat, err := lookupCode(o.code)
		if err != nil {
			return err
		}
		t.inputs = append(t.inputs, catalogueFiles(cat)...)
	}
	// The output is checked before the work, so a mistake costs one line.
	if err := t.check(); err != nil {
		return err
	}
	folders, err := catalogueFolders(o.catalogs, o.files...)
	if err != nil {
		return err
	}
	var srcs []importer.Source
	for _, f := range o.files {
		limit := int64(maxText)
		if format, _ := importer.FormatOf(f); format == "docx" || format == "xlsx" || f == "-" {
			limit = maxDocument
		}
		data, err := readLimited(e, f, limit)
		if err != nil {
			return err
		}
		name := f
		if name == "-" {
			name = importer.Stdin
		}
		srcs = append(srcs, importer.Source{Name: name, Data: data})
	}
	res, err := importer.ImportAll(srcs, importer.Options{
		Code: o.code, Landlord: o.landlord, Assessed: o.assessed.date, Sheet: o.sheet, ActionsFromProse: o.prose, Catalogues: folders,
		Entities: entities,
	})
	if err != nil {
		return usagef("%s", err)
	}
	names := make([]string, len(srcs))
	for i, s := range srcs {
		names[i] = s.Name
	}
	name := strings.Join(names, ", ")
	say(e.stderr, name+": "+res.Decision)
	for _, n := range res.Notes {
		say(e.stderr, n.Format(name))
	}
	a := res.Assessment
	if res.Catalogue.Source != "embedded" && o.code != "" {
		// A catalogue file is found from the assessment's folder: name it
		// from where the YAML is written.
		a.Code = catalogueRef(res.Catalogue.Source, o.out, o.code)
	}
	say(e.stderr, name+": "+summary(a))
	from := filepath.Base(names[0])
	switch n := len(names); {
	case n == 2:
		from += " and " + filepath.Base(names[1])
	case n > 2:
		from += fmt.Sprintf(" and %d other files", n-1)
	}
	header := fmt.Sprintf(`Imported by csa from %s (%s).
Review it against the document: csa import listed what it guessed and what it
kept in commentary because it had no place for it. Then run: csa check FILE`, safetext.Line(from), safetext.Line(res.Catalogue.Title))
	comment := func(id string) string {
		if why, ok := res.Guessed[id]; ok {
			return fmt.Sprintf("%s: provision number guessed (%s): check it", id, why)
		}
		return ""
	}
	t.inputs = append(t.inputs, catalogueFiles(res.Catalogue)...)
	return t.write(func(w io.Writer) error {
		return assessment.Encode(w, a, assessment.EncodeOptions{Modeline: true, Header: header, Comment: comment})
	})
}

// savedPageOf returns the web page a browser saved beside a folder of its
// resources ("Self-assessment_files" beside "Self-assessment.html"), or "".
func savedPageOf(dir string) string {
	base := strings.TrimRight(filepath.Clean(dir), string(filepath.Separator))
	for _, suffix := range []string{"_files", "-files", ".files", "_bestanden", "-Dateien"} {
		stem, ok := strings.CutSuffix(base, suffix)
		if !ok {
			continue
		}
		for _, ext := range []string{".html", ".htm", ".xhtml"} {
			if info, err := os.Stat(stem + ext); err == nil && !info.IsDir() {
				return stem + ext
			}
		}
	}
	return ""
}

// summary counts what was imported: provisions by answer, and actions.
func summary(a *assessment.Assessment) string {
	count, own := map[assessment.Comply]int{}, map[assessment.Comply]int{}
	acts, done, drafts, owns, ownProvisions := 0, 0, 0, 0, 0
	tally := func(list []assessment.Action) {
		for _, act := range list {
			acts++
			if act.Status == assessment.Done {
				done++
			}
			if act.Draft {
				drafts++
			}
		}
	}
	for _, ans := range a.Answers {
		count[ans.Comply]++
		tally(ans.Actions)
		counted := false
		for _, e := range ans.Entities {
			tally(e.Actions)
			if e.Comply != assessment.Unanswered {
				own[e.Comply]++
				owns++
				if !counted {
					ownProvisions, counted = ownProvisions+1, true
				}
			}
		}
	}
	s := fmt.Sprintf("imported %s (%d yes, %d partial, %d no, %d n/a, %d unanswered) and %s (%d done",
		english.Count(len(a.Answers), "provision"), count[assessment.Yes], count[assessment.Partial], count[assessment.No], count[assessment.NA],
		count[assessment.Unanswered], english.Count(acts, "action"), done)
	if drafts > 0 {
		s += ", " + english.Count(drafts, "draft")
	}
	s += ")"
	if owns > 0 {
		// A group's: the entities' answers of their own.
		s += fmt.Sprintf("; %s of entities' own on %s (%d yes, %d partial, %d no, %d n/a)", english.Count(owns, "answer"),
			english.Count(ownProvisions, "provision"), own[assessment.Yes], own[assessment.Partial], own[assessment.No], own[assessment.NA])
	}
	return s
}

// firstChars is s cut after its first n characters (not bytes, so a letter
// of several bytes is never split).
func firstChars(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// maxEntityName caps an entity's name given with --entities, in characters.
const maxEntityName = 200

// entityNames reads --entities: names separated by semicolons, each once
// (whatever its case), none blank or holding a line break.
// entityNameControl is what no entity's name may hold, as it would be
// written into the file: a line break (U+2028 and U+0085 too), a control
// character, or a text direction control.
func entityNameControl(r rune) bool {
	return r < ' ' || r == 0x85 || r == 0x2028 || r == 0x2029 || safetext.Unsafe(r)
}

func entityNames(flags []string) ([]string, error) {
	var out []string
	for _, f := range flags {
		for _, n := range strings.Split(f, ";") {
			raw := strings.Trim(n, " ")
			n = strings.Join(strings.Fields(n), " ")
			switch {
			case strings.ContainsFunc(raw, entityNameControl):
				return nil, usagef("--entities %q: a name holds a line break, a control character or a text direction control; separate the names with semicolons", f)
			case n == "":
				return nil, usagef("--entities %q: a name is blank; separate the names with semicolons, e.g. --entities \"Landlord A; Landlord B\"", f)
			case utf8.RuneCountInString(n) > maxEntityName:
				return nil, usagef("--entities: the name %q is longer than %d characters", firstChars(n, 40)+"...", maxEntityName)
			case assessment.SameEntity(n, assessment.AllEntities):
				return nil, usagef("--entities: an entity cannot be called %q: csa's lists and workbook say %q for what the whole group gives; give the entity's own name", n, assessment.AllEntities)
			}
			for _, m := range out {
				if assessment.SameEntity(m, n) {
					return nil, usagef("--entities names %q twice: name each entity once", n)
				}
			}
			out = append(out, n)
		}
	}
	return out, nil
}
