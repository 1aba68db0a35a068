package codes

import (
	"reflect"

	"github.com/csa-tool/csa/internal/schema"
)

// Obligations are the obligations a provision can have; a blank one is must.
var Obligations = []string{"must", "should", "none"}

// Confidences are the confidences a lineage link is given. They are not
// checked when a catalogue is read; an editor offers them.
var Confidences = []string{"high", "medium", "low"}

// keyDocs says what each key of a catalogue file holds, by its path. The
// keys themselves, their order and their types are the structs the loader
// decodes a catalogue into (file, provision, Section, Timescale,
// Predecessor), strictly: schema.FromStruct reads them from there, and
// TestCatalogueKeysDescribed holds this table to them. Required keys and
// the words a key allows are the ones ParseBytes checks.
var keyDocs = map[string]schema.Key{
	"catalogue": {Required: true, Suggest: []string{"chc-2024"},
		Doc: "The catalogue's id, such as chc-2024: what an assessment's code: names."},
	"short":      {Doc: `A short name for the id, in quotes: "2024".`},
	"title":      {Doc: "The Code's title, such as Complaint Handling Code 2024 (default: the id)."},
	"publisher":  {Doc: "Who publishes the Code, such as Housing Ombudsman Service."},
	"in_force":   {Type: schema.Date, Doc: "The first day the Code applied, YYYY-MM-DD."},
	"supersedes": {Doc: "The id of the catalogue this one replaced, such as chc-2022."},
	"statutory":  {Doc: "true when the Code is statutory."},
	"note":       {Doc: "What a reader should know about the catalogue as a whole."},
	"sections":   {Doc: "The Code's numbered sections, each with number: and title:."},
	"sections.number": {
		Doc: "The section's number."},
	"sections.title": {Doc: "The section's title."},
	"provisions": {Required: true, MinItems: 1,
		Doc: `The Code's provisions, each starting - id: "1.2".`},
	"provisions.id": {Type: schema.ID, Required: true, Pattern: `^0*[0-9]{1,3}\.0*[0-9]{1,3}$`,
		Doc: `The provision's number, section and number, in quotes: "6.10".`},
	"provisions.section": {Doc: "The section it is in (default: the number before the dot)."},
	"provisions.stage":   {Suggest: []string{"stage 1", "stage 2", "stage 3"}, Doc: "The stage of the complaints process it is about, where the Code groups by stage: stage 1, stage 2."},
	"provisions.obligation": {Type: schema.Word, Enum: Obligations,
		Doc: "must, should, or none for a paragraph that asks nothing (default: must)."},
	"provisions.on_form":    {Doc: "Whether the self-assessment form asks about it (default: true)."},
	"provisions.confirmed":  {Doc: "false where no source confirms the entry yet (default: true)."},
	"provisions.source":     {Doc: "Where a confirmed entry was checked. Not with confirmed: false."},
	"provisions.note":       {Doc: "What is uncertain about the entry, or why it is unconfirmed."},
	"provisions.title":      {Doc: "A short title for lists a board member reads, such as \"Stage 1 response within 10 working days\"."},
	"provisions.summary":    {Doc: "One sentence saying what the provision asks, in your own words."},
	"provisions.text":       {Doc: "The Code's wording of the provision, if you have the right to use it."},
	"provisions.timescales": {Doc: "The time limits the provision sets."},
	"provisions.timescales.what": {
		Doc: "What must be done in time, such as respond to a stage 1 complaint."},
	"provisions.timescales.within": {Doc: "How many units."},
	"provisions.timescales.unit": {Suggest: []string{"working days", "days", "months"},
		Doc: "working days, days or months."},
	"provisions.timescales.from": {Doc: "What the time is counted from, such as receipt of the complaint."},
	"provisions.timescales.measure": {Type: schema.Word, Enum: Measures,
		Doc: "What a complaints log is counted against it as, for csa figures (with starts:)."},
	"provisions.timescales.starts": {Type: schema.Word, Enum: Starts,
		Doc: "The event in the log its clock starts at (with measure:): receipt, acknowledgement, or due date for an extension."},
	"provisions.predecessors": {Doc: "The provisions of the superseded Code this one continues."},
	"provisions.predecessors.id": {
		Doc: `The superseded Code's provision, in quotes: "4.1".`},
	"provisions.predecessors.confidence": {Suggest: Confidences,
		Doc: "How sure the link is: high, medium or low."},
	"provisions.predecessors.note": {Doc: "What changed between the two."},
}

// catalogueKeys declares the keys of a catalogue file: those of the structs
// the loader decodes into, described by keyDocs.
func catalogueKeys() (*schema.Mapping, []string) {
	return schema.FromStruct(reflect.TypeFor[file](),
		"A catalogue of the Complaint Handling Code's provisions, as csa reads it.", keyDocs)
}

// Schema returns the JSON Schema (2020-12) of a catalogue file.
func Schema() []byte {
	m, _ := catalogueKeys() // TestCatalogueKeysDescribed finds no problems
	return schema.JSON("csa catalogue", m)
}
