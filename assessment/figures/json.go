package figures

import (
	"encoding/json"
	"io"
)

// The JSON form of figures: the figures file's keys and shape, breakdowns
// as lists of label and count, and the rows left out. A figure not given is
// absent.

type jsonFigures struct {
	Kind           string        `json:"kind"`
	Landlord       string        `json:"landlord,omitempty"`
	Period         string        `json:"period,omitempty"`
	From           string        `json:"from,omitempty"`
	To             string        `json:"to,omitempty"`
	Timescales     string        `json:"timescales,omitempty"`
	Assessment     string        `json:"assessment,omitempty"`
	Calendar       string        `json:"calendar,omitempty"`
	Closed         *int          `json:"closed,omitempty"`
	Log            string        `json:"log,omitempty"`
	Rows           *jsonRows     `json:"rows,omitempty"`
	Homes          *int          `json:"homes,omitempty"`
	Stage1         *jsonStage    `json:"stage_1,omitempty"`
	Stage2         *jsonStage    `json:"stage_2,omitempty"`
	EscalationRate *float64      `json:"escalation_rate,omitempty"`
	CH01           *jsonCH01     `json:"ch01,omitempty"`
	CH02           *jsonCH02     `json:"ch02,omitempty"`
	Tenures        []jsonTenure  `json:"tenures,omitempty"`
	LeftOut        []jsonProblem `json:"left_out"`
}

type jsonRows struct {
	Read          int `json:"read"`
	Used          int `json:"used"`
	OutsidePeriod int `json:"outside_period"`
	LeftOut       int `json:"left_out"`
}

type jsonStage struct {
	Received             *int        `json:"received,omitempty"`
	Refused              *int        `json:"refused,omitempty"`
	Acknowledged         *int        `json:"acknowledged,omitempty"`
	AcknowledgedWithin   *int        `json:"acknowledged_within,omitempty"`
	Responded            *int        `json:"responded,omitempty"`
	RespondedWithin      *int        `json:"responded_within,omitempty"`
	WithinByExtension    *int        `json:"within_by_extension,omitempty"`
	Extended             *int        `json:"extended,omitempty"`
	ExtensionBeyondLimit *int        `json:"extension_beyond_limit,omitempty"`
	MedianDays           *float64    `json:"median_days,omitempty"`
	P90Days              *int        `json:"p90_days,omitempty"`
	Refusals             []jsonCount `json:"refusals,omitempty"`
	Outcomes             []jsonCount `json:"outcomes,omitempty"`
	Categories           []jsonCount `json:"categories,omitempty"`
}

type jsonCount struct {
	Label string `json:"label"`
	Count int    `json:"count"`
}

type jsonCH01 struct {
	Stage1 *float64 `json:"stage_1,omitempty"`
	Stage2 *float64 `json:"stage_2,omitempty"`
}

type jsonCH02 struct {
	Stage1 *jsonShare `json:"stage_1,omitempty"`
	Stage2 *jsonShare `json:"stage_2,omitempty"`
}

type jsonShare struct {
	Responded *int     `json:"responded,omitempty"`
	Within    *int     `json:"within,omitempty"`
	Percent   *float64 `json:"percent,omitempty"`
}

type jsonTenure struct {
	Tenure string     `json:"tenure"`
	Homes  *int       `json:"homes,omitempty"`
	Stage1 *jsonStage `json:"stage_1,omitempty"`
	Stage2 *jsonStage `json:"stage_2,omitempty"`
	CH01   *jsonCH01  `json:"ch01,omitempty"`
	CH02   *jsonCH02  `json:"ch02,omitempty"`
}

type jsonProblem struct {
	Line      int    `json:"line,omitempty"`
	Sheet     string `json:"sheet,omitempty"`
	Row       int    `json:"row,omitempty"`
	Reference string `json:"reference,omitempty"`
	Message   string `json:"message"`
}

// WriteJSON writes the figures as JSON, with the rows left out.
func WriteJSON(w io.Writer, f *Figures, leftOut []Problem) error {
	j := jsonFigures{Kind: Kind, Landlord: f.Landlord, Period: f.Period, Timescales: f.Timescales,
		Assessment: f.Assessment, Calendar: f.Calendar, Closed: f.Closed, Log: f.Log, Homes: f.Homes,
		Stage1: toJSONStage(f.Stages[0]), Stage2: toJSONStage(f.Stages[1]), EscalationRate: f.Escalation,
		CH01: toJSONCH01(f.CH01), CH02: toJSONCH02(f.CH02), LeftOut: []jsonProblem{}}
	if f.From != 0 {
		j.From, j.To = f.From.String(), f.To.String()
	}
	if r := f.Rows; r != nil {
		j.Rows = &jsonRows{r.Read, r.Used, r.Outside, r.LeftOut}
	}
	for _, t := range f.Tenures {
		j.Tenures = append(j.Tenures, jsonTenure{Tenure: t.Name, Homes: t.Homes, Stage1: toJSONStage(t.Stages[0]),
			Stage2: toJSONStage(t.Stages[1]), CH01: toJSONCH01(t.CH01), CH02: toJSONCH02(t.CH02)})
	}
	for _, p := range leftOut {
		j.LeftOut = append(j.LeftOut, jsonProblem{Line: p.Where.Line, Sheet: p.Where.Sheet, Row: p.Where.Row, Reference: p.Ref, Message: p.Message})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(j)
}

func toJSONStage(s *Stage) *jsonStage {
	if s == nil {
		return nil
	}
	counts := func(cs []Count) []jsonCount {
		var out []jsonCount
		for _, c := range cs {
			out = append(out, jsonCount{c.Label, c.N})
		}
		return out
	}
	return &jsonStage{s.Received, s.Refused, s.Acknowledged, s.AcknowledgedWithin, s.Responded, s.RespondedWithin,
		s.WithinByExtension, s.Extended, s.ExtensionBeyondLimit, s.MedianDays, s.P90Days,
		counts(s.Refusals), counts(s.Outcomes), counts(s.Categories)}
}

func toJSONCH01(ch [2]*float64) *jsonCH01 {
	if ch[0] == nil && ch[1] == nil {
		return nil
	}
	return &jsonCH01{ch[0], ch[1]}
}

func toJSONCH02(ch [2]*Share) *jsonCH02 {
	if ch[0] == nil && ch[1] == nil {
		return nil
	}
	share := func(s *Share) *jsonShare {
		if s == nil {
			return nil
		}
		return &jsonShare{s.Responded, s.Within, s.Percent}
	}
	return &jsonCH02{share(ch[0]), share(ch[1])}
}
