package ooxml

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// decodeAll reads every token of the XML through a guard that allows
// pieces of max bytes and limit bytes in all.
func decodeAll(src string, max int, limit int64) error {
	d := xml.NewDecoder(&guard{r: strings.NewReader(src), part: "p.xml", limit: limit, left: limit, max: max})
	for {
		_, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func TestGuard(t *testing.T) {
	long := strings.Repeat("x", 200)
	lts := strings.Repeat("a<b ", 50) // '<' inside, so not a tag's start
	for _, tc := range []struct {
		name, xml string
		want      string // "" no error, "limit", "damaged"
	}{
		{"short pieces", `<?xml version="1.0"?><a b="1"><c>text</c><!-- note --><![CDATA[x<y]]></a>`, ""},
		{"long text", `<a>` + long + `</a>`, "limit"},
		{"long attribute", `<a b="` + long + `"/>`, "limit"},
		{"long comment holding <", `<a><!--` + lts + `--></a>`, "limit"},
		{"long CDATA holding <", `<a><![CDATA[` + lts + `]]></a>`, "limit"},
		{"long processing instruction", `<?pi ` + lts + `?><a/>`, "limit"},
		{"a comment ends at -->, not <!-->", `<a><!-->` + lts + `--></a>`, "limit"},
		{"short comment, then long text in pieces", `<a><!-- x -->` + strings.Repeat("<b>tiny</b>", 50) + `</a>`, ""},
		{"a DOCTYPE", `<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`, "damaged"},
	} {
		err := decodeAll(tc.xml, 100, 1<<20)
		var le *LimitError
		var de *DamagedError
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want == "limit" && !errors.As(err, &le):
			t.Errorf("%s: want a limit, got %v", tc.name, err)
		case tc.want == "damaged" && !errors.As(err, &de):
			t.Errorf("%s: want damaged, got %v", tc.name, err)
		}
	}
	// The stream as a whole.
	err := decodeAll(strings.Repeat("<b>tiny</b>", 100), 100, 500)
	if err == nil || !strings.Contains(err.Error(), "p.xml unpacks to more than") {
		t.Errorf("over the part's limit: %v", err)
	}
}

func zipOf(t *testing.T, files map[string]string, extra int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, body); err != nil {
			t.Fatal(err)
		}
	}
	for i := range extra {
		if _, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprint(i), Method: zip.Store}); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestOpen(t *testing.T) {
	if _, err := Open([]byte("not a zip")); !errors.Is(err, ErrNotZip) {
		t.Errorf("not a zip: %v", err)
	}
	if _, err := Open(zipOf(t, nil, MaxParts+1)); !IsLimit(err) || !strings.Contains(err.Error(), "more than 10000 files") {
		t.Errorf("too many parts: %v", err)
	}
	p, err := Open(zipOf(t, map[string]string{"Dir\\Part.xml": "<a/>", "big.xml": strings.Repeat(" ", 1000)}, 0))
	if err != nil {
		t.Fatal(err)
	}
	// Names as Office writes them, in either case, with either slash.
	if data, ok, err := p.ReadAll("dir/part.xml", 10); err != nil || !ok || string(data) != "<a/>" {
		t.Errorf("dir/part.xml: %q %v %v", data, ok, err)
	}
	if _, ok, err := p.ReadAll("missing.xml", 10); ok || err != nil {
		t.Errorf("missing: %v %v", ok, err)
	}
	// Over its limit: refused from its header, before it is unpacked.
	if _, _, err := p.ReadAll("big.xml", 999); !IsLimit(err) || err.Error() != "its part big.xml unpacks to more than 0 MB" {
		t.Errorf("big: %v", err)
	}
	if _, _, err := p.Stream("big.xml", 999); !IsLimit(err) {
		t.Errorf("big, as a stream: %v", err)
	}
}

// TestHeaderUnderstated: a part whose header says it is smaller than it
// unpacks to is damaged, not read past what it claimed.
func TestHeaderUnderstated(t *testing.T) {
	data := zipOf(t, map[string]string{"a.xml": strings.Repeat("a", 5000)}, 0)
	// The uncompressed size sits at offset 24 of the local header and 24
	// of the directory entry: claim 10 bytes in both.
	for _, sig := range [][]byte{[]byte("PK\x03\x04"), []byte("PK\x01\x02")} {
		i := bytes.Index(data, sig)
		off := 22
		if sig[2] == 1 {
			off = 24
		}
		copy(data[i+off:], []byte{10, 0, 0, 0})
	}
	p, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := p.ReadAll("a.xml", 100)
	var de *DamagedError
	if !errors.As(err, &de) || len(got) > 10 {
		t.Errorf("read %d bytes: %v", len(got), err)
	}
}
