// Package importer reads the self-assessments landlords already have — a
// Word document, a spreadsheet, CSV, or the text of a published web page —
// into an assessment.
//
// Each reader (docx.go, xlsx.go, csv.go, text.go) turns its format into the
// same table model (table.go): lines of cells with where they came from.
// One pass over that model finds the header rows, titles and tables and
// joins the rows page breaks split; detect.go decides which Code the
// document answers, match.go finds a lost provision number from its wording
// and place, and build.go makes the answers and actions, keeping every cell
// it cannot map in the answer's commentary. What was guessed or could not be
// mapped comes back as Notes, each with its place in the document.
//
// The package knows nothing of the command line: it takes bytes and returns
// data, and its errors are sentences for a complaints manager.
package importer

import (
	"bytes"
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/docx"
	"github.com/csa-tool/csa/assessment/internal/ooxml"
	"github.com/csa-tool/csa/codes"
)

// Options are what the person importing knows better than the document.
type Options struct {
	Code             string          // chc-2024, 2022, a catalogue file; "" decides from the document
	Landlord         string          // "" takes it from the document
	Assessed         assessment.Date // zero takes it from the document
	Sheet            string          // XLSX: read only this sheet
	ActionsFromProse bool            // draft actions from promises in the evidence of no and partial answers
	// Entities are the landlords of a group the document answers for, in
	// order (--entities): a cell of their answers ("Landlord A: Yes,
	// Landlord B: Partial"), or a column of answers under each one's name,
	// becomes each one's answer (entity.go). None: one landlord's.
	Entities []string
	// Catalogues are where a catalogue file the document itself names (csa's
	// own workbook's code) may be read from; zero: the working folder.
	Catalogues codes.Resolver
}

// Note is something the import guessed, or could not map, and where.
type Note struct {
	Where     Where
	Provision string
	Message   string
}

// Format writes the note as a message line: "file:57: message" for a line,
// "file: table 3, row 5: message" otherwise.
func (n Note) Format(file string) string {
	if n.Where.File != "" {
		file = n.Where.File
	}
	w := n.Where.String()
	switch {
	case w == "":
		return file + ": " + n.Message
	case n.Where.Line > 0:
		return file + ":" + w + ": " + n.Message
	}
	return file + ": " + w + ": " + n.Message
}

// Result is an imported assessment and what was said about it.
type Result struct {
	Assessment *assessment.Assessment
	Catalogue  *codes.Catalogue
	Format     string // docx, xlsx, csv, html, mhtml, text, mixed (several files), or workbook or word (csa's own report)
	// Decision says which Code, and why: the ids, columns, tables and dates
	// that decided it, or that --code named it.
	Decision string
	Notes    []Note
	// Guessed maps a provision whose number was not in the document to how
	// it was found, for a comment in the YAML.
	Guessed map[string]string
}

// Error is a failure to import, worded for the person importing.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

func errorf(format string, args ...any) error { return &Error{fmt.Sprintf(format, args...)} }

// Stdin is the name Import is given for standard input: the bytes alone
// say what it is.
const Stdin = "<stdin>"

// Formats by file extension; any other extension is read as text.
var unsupported = map[string]string{
	".doc":     "an older Word document (.doc): open it in Word and save it as .docx",
	".xls":     "an older Excel workbook (.xls): open it in Excel and save it as .xlsx",
	".pdf":     "a PDF: csa cannot read PDF tables; copy the table into a spreadsheet or a text file, or use the Word or Excel original",
	".odt":     "an OpenDocument text (.odt): save it as .docx",
	".ods":     "an OpenDocument spreadsheet (.ods): save it as .xlsx",
	".rtf":     "a rich text file (.rtf): save it as .docx",
	".pages":   "a Pages document: export it as .docx",
	".numbers": "a Numbers spreadsheet: export it as .xlsx",
	".png":     "an image", ".jpg": "an image", ".jpeg": "an image", ".zip": "a zip archive",
	".yaml": "YAML: if it is an assessment already, there is nothing to import; run csa check on it",
	".yml":  "YAML: if it is an assessment already, there is nothing to import; run csa check on it",
	".json": "JSON: csa import reads Word (.docx), Excel (.xlsx), CSV, web pages (.html) and text files",
}

// textExts are the extensions read as text without comment; a file with
// another extension is read as text too, and an error says the extension
// was not one csa knows.
var textExts = map[string]bool{"": true, ".txt": true, ".text": true, ".tsv": true, ".tab": true, ".md": true, ".markdown": true}

// FormatOf returns the reader for a file name: docx, xlsx, csv, html (a
// web page), mhtml (a page saved as one file) or text, or an error saying
// why the format cannot be read.
func FormatOf(name string) (string, error) {
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".docx", ".docm", ".dotx":
		return "docx", nil
	case ".xlsx", ".xlsm", ".xltx":
		return "xlsx", nil
	case ".csv":
		return "csv", nil
	case ".html", ".htm", ".xhtml", ".shtml", ".aspx", ".asp", ".php", ".jsp":
		return "html", nil
	case ".mht", ".mhtml":
		return "mhtml", nil
	}
	if why, ok := unsupported[ext]; ok {
		return "", errorf("%s is %s", name, why)
	}
	return "text", nil
}

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// sniff checks the bytes against the format the name promised: a Word file
// saved with another name, an old binary .doc, a spreadsheet named .docx.
func sniff(name, format string, data []byte) (string, []Note, error) {
	if bytes.HasPrefix(data, oleMagic) {
		return "", nil, errorf("%s is an older Office file (.doc or .xls) or is password-protected: save it as .docx or .xlsx without a password", name)
	}
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		if format == "docx" || format == "xlsx" {
			return "", nil, errorf("%s is not %s file: it may be damaged, or saved in another format", name, article(kindName[format]))
		}
		if bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0 && !bytes.HasPrefix(data, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
			return "", nil, errorf("%s is not a text file csa can read (it holds binary data): import .docx, .xlsx, .csv, .html or text", name)
		}
		if format == "text" && looksHTML(data) {
			// A page's source saved as .txt, or piped in.
			if name == Stdin {
				return "html", nil, nil
			}
			return "html", []Note{{Message: "the file is a web page's source whatever its name says; reading it as one"}}, nil
		}
		if format == "text" && looksMHTML(data) {
			return "mhtml", nil, nil
		}
		return format, nil, nil
	}
	inner, err := zipKind(data)
	switch {
	case err != nil:
		return "", nil, errorf("%s: it is too large to read: %s", name, err)
	case inner == "":
		if format == "docx" || format == "xlsx" {
			return "", nil, errorf("%s is not %s file: it may be damaged", name, article(kindName[format]))
		}
		return "", nil, errorf("%s is a zip archive, not a document csa can read", name)
	case inner != format && name == Stdin:
		return inner, nil, nil
	case inner != format:
		return inner, []Note{{Message: fmt.Sprintf("the file is %s file whatever its name says; reading it as one", article(kindName[inner]))}}, nil
	}
	return format, nil, nil
}

var kindName = map[string]string{"docx": "Word (.docx)", "xlsx": "Excel (.xlsx)"}

var formatName = map[string]string{"docx": "a Word document", "xlsx": "an Excel workbook", "csv": "a CSV file", "text": "a text file",
	"html": "a web page", "mhtml": "a web page"}

// Source is one document to import: its name (for messages, and to choose
// the reader by its extension) and its bytes.
type Source struct {
	Name string
	Data []byte
}

// Import reads a document into an assessment. name is used for messages and
// to choose the reader by its extension.
func Import(name string, data []byte, opts Options) (*Result, error) {
	return ImportAll([]Source{{Name: name, Data: data}}, opts)
}

// part is one document read and assembled.
type part struct {
	src    Source
	format string
	d      *doc
	asm    *assembler
	notes  []Note
	// none is why the document holds no provisions: one of several read
	// for its details alone (a landing page's date and landlord).
	none error
}

// ImportAll reads documents that each hold part of one assessment (a web
// page per section of the Code, say) into one assessment, in Code order.
// A provision answered in two of them keeps the first answer; the second
// is kept in its commentary and reported, never silently dropped.
func ImportAll(srcs []Source, opts Options) (*Result, error) {
	if len(srcs) == 0 {
		return nil, errorf("nothing to import")
	}
	multi := len(srcs) > 1
	name := srcs[0].Name
	if multi {
		names := make([]string, len(srcs))
		for i, s := range srcs {
			names[i] = s.Name
		}
		name = strings.Join(names, ", ")
		if opts.Sheet != "" {
			xlsx := false
			for _, s := range srcs {
				f, _ := FormatOf(s.Name)
				xlsx = xlsx || f == "xlsx"
			}
			if !xlsx {
				return nil, errorf("--sheet chooses a sheet of an Excel (.xlsx) workbook, and none of %s is one", name)
			}
		}
	}
	var parts []*part
	for k, src := range srcs {
		p, res, err := readSource(src, opts, multi, k)
		if err != nil {
			return nil, err
		}
		if res != nil {
			if multi {
				return nil, errorf("%s is csa's own report, a whole assessment: import it on its own", src.Name)
			}
			return res, nil
		}
		parts = append(parts, p)
	}
	var notes []Note
	held := 0
	for _, p := range parts {
		if p.none == nil {
			held++
		}
	}
	if held == 0 {
		return nil, parts[0].none
	}
	for _, p := range parts {
		if p.none != nil {
			notes = append(notes, Note{Where: Where{File: p.src.Name, seq: p.d.seq0}, Message: "it holds no provisions: read only for the landlord and the date it gives"})
		}
	}
	var recs []*record
	var docs []*doc
	numeric := false
	for _, p := range parts {
		notes = append(notes, p.notes...)
		recs = append(recs, p.asm.records...)
		docs = append(docs, p.d)
		numeric = numeric || p.format == "xlsx" || p.format == "csv"
	}
	recs, more := sameAgain(recs)
	notes = append(notes, more...)
	notes = append(notes, tickColumns(recs)...)
	notes = append(notes, entityColumns(recs, opts.Entities)...)
	cat, decision, more, err := chooseCode(name, opts, parts)
	if err != nil {
		return nil, err
	}
	notes = append(notes, more...)
	b := &builder{cat: cat, opts: opts, guessed: map[string]string{}, numeric: numeric}
	b.place(recs)
	a := &assessment.Assessment{Code: cat.ID}
	if cat.Source != "embedded" {
		a.Code = opts.Code
	}
	for _, e := range opts.Entities {
		a.Entities = append(a.Entities, assessment.Entity{Name: e})
	}
	for _, rec := range recs {
		if rec.id == "" {
			continue
		}
		a.Answers = append(a.Answers, b.answer(rec))
	}
	if len(a.Answers) == 0 {
		return nil, errorf("%s: its table has no provision numbers, and no row's wording matched a provision of %s: add a Code provision column", name, cat.ID)
	}
	slices.SortStableFunc(a.Answers, func(x, y assessment.Answer) int { return codes.CompareID(x.ID, y.ID) })
	notes = append(notes, b.notes...)
	if err := b.details(name, a, docs, opts); err != nil {
		return nil, err
	}
	notes = append(notes, b.detailNotes...)
	sortNotes(notes)
	format := parts[0].format
	for _, p := range parts[1:] {
		if p.format != format {
			format = "mixed"
		}
	}
	return &Result{Assessment: a, Catalogue: cat, Format: format, Decision: decision, Notes: notes, Guessed: b.guessed}, nil
}

// readSource reads and assembles one document. res is set, and nothing else,
// when the document is csa's own report workbook.
func readSource(src Source, opts Options, multi bool, k int) (p *part, res *Result, err error) {
	name, data := src.Name, src.Data
	format, err := FormatOf(name)
	if err != nil {
		return nil, nil, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, errorf("%s is empty: there is nothing to import", name)
	}
	if len(data) > MaxFile {
		return nil, nil, errorf("%s: it is too large to read: it is over %d MB", name, MaxFile>>20)
	}
	format, notes, err := sniff(name, format, data)
	if err != nil {
		return nil, nil, err
	}
	if opts.Sheet != "" && format != "xlsx" && !multi {
		return nil, nil, errorf("--sheet chooses a sheet of an Excel (.xlsx) workbook, and %s is %s", name, formatName[format])
	}
	var d *doc
	switch format {
	case "docx":
		own, isOwn, ownErr := docx.Read(data, func(code string) (*codes.Catalogue, error) { return opts.Catalogues.Lookup(code, "") })
		switch {
		case ooxml.IsLimit(ownErr):
			return nil, nil, errorf("%s: it is too large to read: %s", name, ownErr)
		case isOwn && ownErr != nil:
			return nil, nil, errorf("%s: it is csa's own Word document, but %s", name, ownErr)
		case isOwn:
			res, err := fromOwn(name, own, opts, notes, "word")
			return nil, res, err
		}
		d, err = readDocx(data)
	case "xlsx":
		var own *assessment.Assessment
		d, own, err = readXLSX(data, opts.Sheet)
		if err == nil && own != nil {
			res, err := fromOwn(name, own, opts, notes, "workbook")
			return nil, res, err
		}
	case "csv":
		d, err = readCSV(data)
	case "html":
		d, err = readHTML(data)
	case "mhtml":
		var page []byte
		if page, err = mhtmlPage(data); err == nil {
			d, err = readHTML(page)
		}
	default:
		d, err = readText(data)
	}
	if err != nil {
		if e, ok := err.(*Error); ok {
			return nil, nil, errorf("%s: %s", name, e.Msg)
		}
		return nil, nil, errorf("%s cannot be read: it may be damaged", name)
	}
	if err := checkSize(d); err != nil {
		return nil, nil, errorf("%s: %s", name, err.(*Error).Msg)
	}
	if !d.stack {
		contentColumns(d.lines)
	}
	if !d.stack && !hasHeader(d.lines) {
		// No header row: a table whose columns its content tells apart,
		// else the stacked layout.
		if lines, ok := inferColumns(d.lines); ok {
			d.lines = lines
		} else if lines, ok := unstack(d.lines); ok {
			d.lines, d.stack = lines, true
		}
	}
	if !d.stack {
		// A page with tables for some sections and headings for others.
		d.lines = unstackRuns(d.lines)
	}
	if multi {
		d.mark(name, k)
		for i := range notes {
			notes[i].Where.File = name
		}
	}
	notes = append(notes, d.notes...)
	asm := assemble(d)
	d.preamble = asm.preamble
	notes = append(notes, asm.notes...)
	if len(asm.records) == 0 {
		if why := otherCode(d, asm); why != "" {
			return nil, nil, errorf("%s %s", name, why)
		}
		if ext := strings.ToLower(filepath.Ext(name)); format == "text" && !textExts[ext] && name != Stdin {
			return nil, nil, errorf("%s: csa does not know the %s extension; read as text, it holds no table of provisions: import a Word (.docx), Excel (.xlsx), CSV (.csv), web page (.html) or text (.txt) file", name, ext)
		}
		none := errorf("%s: no table of provisions found: csa looks for a header row naming the provision (Code provision, Code section or Provision) and the answer or evidence (Comply, Evidence), for rows that start with provision numbers, or for the stacked layout (\"Code provision 1.2\" or a heading \"1.2 Definition of a complaint\", then \"Comply\" or \"Compliance: Yes\", \"Evidence\")", name)
		if !multi {
			return nil, nil, none
		}
		// One of several pages (the landing page of a self-assessment
		// split by section): read for its details alone.
		return &part{src: src, format: format, d: d, asm: asm, notes: notes, none: none}, nil, nil
	}
	return &part{src: src, format: format, d: d, asm: asm, notes: notes}, nil, nil
}

// mark names the file on every place in a document read with others, and
// orders its notes after the files before it.
func (d *doc) mark(name string, k int) {
	d.seq0, d.name = k<<24, name
	for i := range d.lines {
		d.lines[i].Where.File = name
	}
	for i := range d.pageLines {
		d.pageLines[i].Where.File = name
	}
	for i := range d.notes {
		d.notes[i].Where.File = name
		d.notes[i].Where.seq = d.seq0
	}
	d.heading.Where.File = name
}

// sameAgain drops a provision's second record when it says exactly what
// the first did (the same page given twice, a summary repeated), and says
// so; records that differ are left for place, which keeps the second in
// the commentary.
func sameAgain(recs []*record) ([]*record, []Note) {
	var notes []Note
	first := map[string]*record{}
	out := recs[:0:0]
	for _, r := range recs {
		if r.id == "" {
			out = append(out, r)
			continue
		}
		if f, ok := first[r.id]; ok && f.hdr.actionsOnly == r.hdr.actionsOnly && f.dump() == r.dump() && r.where.File != f.where.File {
			notes = append(notes, Note{Where: r.where, Provision: r.id, Message: fmt.Sprintf("provision %s appears again, the same word for word (first at %s): read once", r.id, whereText(f.where))})
			continue
		}
		if _, ok := first[r.id]; !ok {
			first[r.id] = r
		}
		out = append(out, r)
	}
	return out, notes
}

// sortNotes puts notes in document order; notes about the whole file first.
func sortNotes(notes []Note) {
	slices.SortStableFunc(notes, func(x, y Note) int {
		return cmp.Compare(x.Where.seq, y.Where.seq)
	})
}

// fromOwn takes csa's own report workbook (format "workbook") or Word
// document ("word") as it is; flags that say otherwise win, and say so.
func fromOwn(name string, a *assessment.Assessment, opts Options, notes []Note, format string) (*Result, error) {
	what := map[string]string{"workbook": "workbook", "word": "Word document"}[format]
	set := func(field, flag, was, now string) {
		if was != "" && was != now {
			notes = append(notes, Note{Message: fmt.Sprintf("%s %q from %s replaces %q in the %s", field, now, flag, was, what)})
		}
	}
	if opts.Sheet != "" {
		notes = append(notes, Note{Message: "csa's own report workbook is read whole, whatever --sheet says: its sheets belong together"})
	}
	if len(opts.Entities) > 0 && !slices.Equal(opts.Entities, a.EntityNames()) {
		// Its answers are each entity's already, under the names it lists.
		if a.IsGroup() {
			notes = append(notes, Note{Message: fmt.Sprintf("the %s lists its own entities (%s): --entities is not used", what, strings.Join(a.EntityNames(), "; "))})
		} else {
			notes = append(notes, Note{Message: fmt.Sprintf("the %s is one landlord's assessment, with no entities: --entities is not used", what)})
		}
	}
	if opts.Landlord != "" {
		set("landlord", "--landlord", a.Landlord, opts.Landlord)
		a.Landlord = opts.Landlord
	}
	if !opts.Assessed.IsZero() {
		set("assessed", "--assessed", a.Assessed.String(), opts.Assessed.String())
		a.Assessed = opts.Assessed
	}
	var cat *codes.Catalogue
	var err error
	if opts.Code != "" {
		cat, err = codes.Lookup(opts.Code, "")
		if err != nil {
			return nil, &Error{err.Error()}
		}
		id := cat.ID
		if cat.Source != "embedded" {
			id = opts.Code
		}
		set("code", "--code", a.Code, id)
		a.Code = id
	} else {
		// The workbook's own code may come from anyone: a catalogue file only
		// from where the person allows.
		cat, err = opts.Catalogues.Lookup(a.Code, "")
	}
	if err != nil {
		return nil, errorf("%s names the code %q, which csa does not know: give --code", name, a.Code)
	}
	if a.Landlord == "" || a.Assessed.IsZero() {
		return nil, missingDetails(name, a.Landlord == "", a.Assessed.IsZero())
	}
	return &Result{Assessment: a, Catalogue: cat, Format: format, Notes: notes,
		Decision: fmt.Sprintf("%s, as csa's own report %s says", a.Code, what), Guessed: map[string]string{}}, nil
}

func missingDetails(name string, landlord, assessed bool) error {
	switch {
	case landlord && assessed:
		return errorf("%s does not say which landlord it is for or when the assessment was completed: give --landlord NAME and --assessed YYYY-MM-DD", name)
	case landlord:
		return errorf("%s does not say which landlord it is for: give --landlord NAME", name)
	}
	return errorf("%s does not say when the assessment was completed: give --assessed YYYY-MM-DD", name)
}

func article(s string) string {
	if strings.HasPrefix(s, "E") {
		return "an " + s
	}
	return "a " + s
}
