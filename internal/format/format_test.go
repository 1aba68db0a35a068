package format

import (
	"io"
	"slices"
	"testing"
)

func TestList(t *testing.T) {
	write := func(io.Writer, int) error { return nil }
	l := List[int]{{Name: "table", Write: write}, {Name: "yaml", Ext: []string{".yaml", ".yml"}, Write: write}, {Name: "xlsx", Binary: "a workbook", Ext: []string{".xlsx"}, Write: write}}
	if got := l.Names(); !slices.Equal(got, []string{"table", "yaml", "xlsx"}) {
		t.Errorf("Names = %v", got)
	}
	if f, ok := l.Named("xlsx"); !ok || f.Binary != "a workbook" {
		t.Errorf("Named(xlsx) = %v, %v", f, ok)
	}
	if _, ok := l.Named("pdf"); ok {
		t.Error("Named found pdf")
	}
	for path, want := range map[string]string{"out/f.YML": "yaml", "f.yaml": "yaml", "book.xlsx": "xlsx", "f.txt": "", "yaml": "", "": ""} {
		f, ok := l.ForFile(path)
		if ok != (want != "") || f.Name != want {
			t.Errorf("ForFile(%q) = %q, %v; want %q", path, f.Name, ok, want)
		}
	}
}
