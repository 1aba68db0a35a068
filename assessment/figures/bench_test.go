package figures

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment/calendar"
)

// genLog writes a complaints log of n rows, one per stage, as a CRM exports
// it: names, addresses and notes beside the columns csa reads, every date
// in 2024/25, a stage 2 row after about one stage 1 in seven.
func genLog(n int) []byte {
	r := rand.New(rand.NewPCG(7, 11))
	var b bytes.Buffer
	b.WriteString("Reference,Resident name,Address,Tenure,Stage,Date received,Date acknowledged,Response date,Extension agreed,Escalation requested,Category,Outcome,Refused,Refusal reason,Case notes\r\n")
	start := calendar.DayOf(2024, 4, 1)
	cats := []string{"Repairs", "Damp and mould", "Anti-social behaviour", "Staff conduct", "Estate services"}
	outs := []string{"Upheld", "Partly upheld", "Not upheld"}
	tenures := []string{"General needs", "Supported housing", "Shared ownership"}
	uk := func(d calendar.Day) string {
		y, m, dd := d.Date()
		return fmt.Sprintf("%02d/%02d/%d", dd, int(m), y)
	}
	for i := 0; i < n; i++ {
		rec := start + calendar.Day(r.IntN(330))
		ack := rec + calendar.Day(r.IntN(8))
		resp := ack + calendar.Day(5+r.IntN(25))
		stage, esc := "Stage 1", ""
		if i%8 == 7 {
			stage, esc = "Stage 2", uk(rec)
		}
		ext := ""
		if r.IntN(12) == 0 {
			ext = "10"
		}
		refused, reason := "", ""
		if r.IntN(40) == 0 {
			refused, reason = "Yes", "Outside the 12-month limit"
		}
		fmt.Fprintf(&b, "MB-%06d,Resident %d Sampleton,\"%d Example Street, Millbrook\",%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,\"Says the repair was not done, again (%d).\"\r\n",
			i, i, i%200, tenures[i%3], stage, uk(rec), uk(ack), uk(resp), ext, esc, cats[i%5], outs[i%3], refused, reason, i)
	}
	return b.Bytes()
}

// BenchmarkFromLog100k counts a log of 100,000 rows (about 16 MB of CSV).
func BenchmarkFromLog100k(b *testing.B) {
	data := genLog(100_000)
	opts := testOptions(b, "2024")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := FromLog(bytes.NewReader(data), opts)
		if err != nil || res.Figures.Rows.Used != 100_000 {
			b.Fatalf("%v, %+v", err, res.Figures.Rows)
		}
	}
}

// probe reads through to r, and at each mark (a count of bytes read) notes
// the memory in use after a collection: what the counting keeps, not what
// it has finished with.
type probe struct {
	r     io.Reader
	read  int
	marks []int
	heap  []uint64
}

func (p *probe) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.read += n
	for len(p.marks) > 0 && p.read >= p.marks[0] {
		p.marks = p.marks[1:]
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		p.heap = append(p.heap, ms.HeapAlloc)
	}
	return n, err
}

// TestMemoryFlat: the memory the counting keeps does not grow with the rows
// read. Between a tenth of a 100,000-row log and nine tenths of it, the
// heap in use may grow by the few counts that meet a new value, never by
// anything kept per row (at 4 bytes a row, 80,000 rows would be 320 KB).
func TestMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a 100,000-row log")
	}
	data := genLog(100_000)
	opts := testOptions(t, "2024")
	p := &probe{r: bytes.NewReader(data), marks: []int{len(data) / 10, len(data) * 9 / 10}}
	res, err := FromLog(p, opts)
	if err != nil || res.Figures.Rows.Used != 100_000 {
		t.Fatalf("%v, %+v", err, res.Figures.Rows)
	}
	if len(p.heap) != 2 {
		t.Fatalf("probed %d times", len(p.heap))
	}
	grew := int64(p.heap[1]) - int64(p.heap[0])
	t.Logf("heap in use: %d KB at a tenth, %d KB at nine tenths", p.heap[0]>>10, p.heap[1]>>10)
	if grew > 64<<10 {
		t.Errorf("the heap grew by %d KB while 80,000 rows were read: something is kept per row", grew>>10)
	}
	// And nothing of the columns csa does not read is kept.
	if out := res.Figures.String(); strings.Contains(out, "Sampleton") || strings.Contains(out, "Street") || strings.Contains(out, "again") {
		t.Error("a name, an address or a note reached the figures")
	}
}
