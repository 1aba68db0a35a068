package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/csa-tool/csa/assessment/calendar"
	"github.com/csa-tool/csa/assessment/figures"
	"github.com/csa-tool/csa/codes"
	"github.com/csa-tool/csa/internal/english"
)

type figuresOptions struct {
	log        string
	code       string
	homes      int
	homesLCRA  int
	homesLCHO  int
	period     string
	landlord   string
	calendar   string
	closed     string
	sheet      string
	assessment string
	out        string
	format     *enumFlag
	asOf       dateFlag
}

func newFiguresCmd(e *env) *cobra.Command {
	o := &figuresOptions{}
	cmd := &cobra.Command{
		Use:   "figures LOG.csv|LOG.xlsx --code 2024 --homes N [--period 2024/25] [-o figures.yaml]",
		Short: "Count a complaints log: timescales met, CH01 and CH02, outcomes",
		Long: `Figures reads a complaints log exported from a CRM (CSV, or an Excel workbook)
and counts, for a financial year, the complaints received, acknowledged and
responded to at each stage, how many within the Code's timescales (read from
the catalogue --code names, in working days), the working days to respond
(median and 90th percentile), refusals by reason, outcomes, categories, the
escalation rate, and the regulator's CH01 (complaints per 1,000 homes) and
CH02 (responses within the Code's timescales), for each tenure the log names.

The log is one row per complaint or one row per stage (with a Stage column).
Columns are found by their headers: reference, stage, received (Date
received, Date raised), acknowledged, responded (Response date, Date closed),
extension (yes, no, or working days), extended due date, escalation requested,
outcome, category, refused, refusal reason, tenure; "Stage 2 response date"
and the like in a log of one row per complaint. Only those columns are read:
names, addresses and the complaint's own words stay in the log and are never
copied into any output. Dates are 2024-04-03, 03/04/2024 (day first), 3 April
2024, or spreadsheet dates.

Working days: Monday to Friday, less the bank holidays of --calendar
(england-and-wales, scotland, northern-ireland, or a calendar file) and the
closure days of --closed FILE (closed: - 2024-12-27 to 2024-12-31). The day
a clock starts is day 0 and the next working day day 1; a complaint received
on a day that is not a working day is taken as received on the next one.

What counts in the year: the stage figures count the complaints received in
it (at stage 2, the requests to escalate) and what became of them, as far as
the log knows; CH02 counts the responses sent in it. An extension within the
Code's limit counts as within, and apart. Refused complaints are counted apart
and left out of CH01 and CH02.

Rows that cannot be used (a response before the receipt, a date missing or
unreadable, an unknown stage, a date after --as-of) are listed on standard
error with their line (CSV) or sheet and row (Excel), and left out: never
guessed. Rows with no date in the year are skipped.

Formats (-f): table (the default: a summary for the terminal), yaml (the
figures file: csa check validates it and cross-checks it with the year's
assessment beside it), json (with the rows left out), markdown, csv (one row
per figure: Tenure, Stage, Figure, Label, Value). Without -f, -o FILE.yaml
writes yaml (.json json, .md markdown, .csv csv). -o replaces OUT whole or
not at all, and never overwrites the log.

Exits 0 when it has counted the log, rows left out or not; 2 when it cannot
(the log unreadable, no header row it knows, a bad flag).`,
		Example: `  csa figures complaints-2024-25.csv --code 2024 --homes 4180
  csa figures complaints.xlsx --code 2024 --homes 4180 --homes-lcra 3900 --homes-lcho 280 -o figures-2024-25.yaml
  csa figures complaints.csv --code 2024 --homes 950 --calendar scotland --closed closures.yaml -f markdown`,
		Args: argCount(1, 1, "figures needs one complaints LOG (CSV or XLSX): csa figures LOG --code 2024 --homes N"),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.log = args[0]
			if f, ok := figures.Formats.ForFile(o.out); ok && !cmd.Flags().Changed("format") {
				o.format.value = f.Name
			}
			return runFigures(e, o)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&o.code, "code", "", "the Code whose timescales to count against: 2024, 2022, or a catalogue file")
	fs.IntVar(&o.homes, "homes", 0, "homes owned, for CH01 (complaints per 1,000 homes)")
	fs.IntVar(&o.homesLCRA, "homes-lcra", 0, "low-cost rental homes, for CH01 of that tenure")
	fs.IntVar(&o.homesLCHO, "homes-lcho", 0, "low-cost home ownership homes, for CH01 of that tenure")
	fs.StringVar(&o.period, "period", "", "the financial year, like 2024/25 (default: the last to end before --as-of)")
	fs.StringVar(&o.landlord, "landlord", "", "the landlord's name, for the figures file (csa check matches it to the assessment)")
	fs.StringVar(&o.calendar, "calendar", calendar.Default, "bank holidays: england-and-wales, scotland, northern-ireland, or a calendar `FILE`")
	fs.StringVar(&o.closed, "closed", "", "a `FILE` of the landlord's own closure days, which are not working days")
	fs.StringVar(&o.sheet, "sheet", "", "the sheet of a workbook to read (default: the first with a header row csa knows)")
	fs.StringVar(&o.assessment, "assessment", "", "the assessment `FILE` the figures file names for csa check's cross-check")
	fs.StringVarP(&o.out, "output", "o", "", "write to `FILE` instead of standard output (atomically; - is standard output)")
	o.format = addFormat(fs, figures.Formats.Names())
	addAsOf(fs, &o.asOf)
	return cmd
}

func runFigures(e *env, o *figuresOptions) error {
	if o.code == "" {
		return usagef("--code: name the Code whose timescales to count against (--code 2024, or 2022)")
	}
	if o.homes <= 0 {
		return usagef("--homes: give the number of homes you own (CH01 is complaints per 1,000 homes)")
	}
	if o.homesLCRA < 0 || o.homesLCHO < 0 || o.homesLCRA+o.homesLCHO > o.homes {
		return usagef("--homes-lcra and --homes-lcho: each 0 or more, and together no more than --homes (%d)", o.homes)
	}
	cat, err := codes.Lookup(o.code, "")
	if err != nil {
		return usagef("--code: %s", codes.Reason(err))
	}
	cal, err := calendar.Lookup(o.calendar, "")
	if err != nil {
		return usagef("--calendar: %s", err)
	}
	inputs := append([]string{o.log}, catalogueFiles(cat)...)
	if cal.Source != "embedded" {
		inputs = append(inputs, cal.Source)
	}
	if o.closed != "" {
		if cal, err = calendar.LoadClosed(cal, o.closed); err != nil {
			return usagef("--closed: %s", err)
		}
		inputs = append(inputs, o.closed)
	}
	asOf := o.asOf.or(e)
	today, _ := calendar.ParseDay(asOf.String())
	period := o.period
	if period == "" {
		period = figures.PeriodBefore(today)
		fmt.Fprintf(e.stderr, "csa: counting %s, the last financial year to end before %s (--period chooses another)\n", period, asOf)
	} else if _, _, ok := figures.PeriodDays(period); !ok {
		return usagef("--period %q is not a financial year like 2024/25", period)
	}
	name, r, closeLog, err := openLog(e, o.log)
	if err != nil {
		return err
	}
	defer closeLog()
	logName := ""
	if o.log != "-" {
		logName = filepath.Base(o.log)
	}
	res, err := figures.FromLog(r, figures.Options{
		Catalogue: cat, Calendar: cal, Period: period, AsOf: today, Homes: o.homes,
		TenureHomes: tenureHomes(o), Landlord: o.landlord, Log: logName, Sheet: o.sheet,
	})
	if err != nil {
		var fe *figures.Error
		if errors.As(err, &fe) {
			return usagef("%s: %s", name, fe.Msg)
		}
		return usagef("%s: %s", name, err)
	}
	f := res.Figures
	if o.assessment != "" {
		f.Assessment = catalogueRef(o.assessment, o.out, o.assessment)
	}
	for _, n := range res.Notes {
		fmt.Fprintf(e.stderr, "csa: %s: %s\n", name, n)
	}
	for _, p := range res.LeftOut {
		ref := ""
		if p.Ref != "" {
			ref = " (" + p.Ref + ")"
		}
		fmt.Fprintf(e.stderr, "csa: %s%s%s: left out: %s\n", name, whereSep(p.Where), ref, p.Message)
	}
	rows := f.Rows
	fmt.Fprintf(e.stderr, "csa: %s: %s: %d used, %d with no date in %s, %d left out\n", name, english.Count(rows.Read, "row"), rows.Used, rows.Outside, period, rows.LeftOut)
	t := target{e: e, path: o.out, inputs: inputs}
	format, _ := figures.Formats.Named(o.format.value)
	return outputError(t.write(func(w io.Writer) error { return format.Write(w, res) }))
}

// whereSep places a row in a message after the log's name: "log.csv:45",
// or `log.xlsx: sheet "Log", row 45`.
func whereSep(w figures.Where) string {
	if w.Sheet != "" {
		return ": " + w.String()
	}
	return ":" + w.String()
}

func tenureHomes(o *figuresOptions) map[string]int {
	m := map[string]int{}
	if o.homesLCRA > 0 {
		m[figures.TenureRental] = o.homesLCRA
	}
	if o.homesLCHO > 0 {
		m[figures.TenureOwnership] = o.homesLCHO
	}
	return m
}

// openLog opens the log for reading, as a stream: a CSV log is never held
// whole in memory.
func openLog(e *env, path string) (name string, r io.Reader, closeLog func(), err error) {
	if path == "-" {
		return "<stdin>", e.stdin, func() {}, nil
	}
	info, err := os.Stat(path)
	if err != nil {
		return "", nil, nil, pathError(path, err)
	}
	if info.IsDir() {
		return "", nil, nil, usagef("%s is a folder; name the complaints log", path)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xls":
		return "", nil, nil, usagef("%s: an old Excel file (.xls): save it as .xlsx or .csv", path)
	case ".yaml", ".yml":
		return "", nil, nil, usagef("%s: csa figures reads a complaints log (CSV or XLSX); csa check reads figures files", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return "", nil, nil, pathError(path, err)
	}
	return path, f, func() { f.Close() }, nil
}
