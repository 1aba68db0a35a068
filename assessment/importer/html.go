package importer

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// This file reads a web page: a self-assessment published on a landlord's
// site, saved from the browser (with or without its resources folder, or
// as a single .mht file), or the page's source. golang.org/x/net/html
// parses it as a browser would. The page's chrome (navigation, the site's
// header and footer, cookie banners, breadcrumbs, forms, "was this page
// helpful?" boxes, sidebars, scripts, styles and hidden elements) is left
// out, and the main content becomes the lines every reader makes: a Line
// per table row, whose cells keep their paragraphs, list items and line
// breaks as lines of one cell; and a paragraph Line per heading, paragraph,
// list item or definition outside tables, which the stacked layout reads.
// Headings are marked, so a heading that does not start a provision ends
// the one before it instead of landing in its evidence.

const (
	maxHTML      = 8 << 20 // bytes of a web page: a page of paragraphs makes a tree some 60 times its size
	maxHTMLDepth = 256     // nesting of elements read; anything deeper is left out, and said
	maxCols      = 64      // columns of a table row read (colspan included)
	maxRowSpan   = 1000    // rows a cell's rowspan may cover
)

// readHTML reads a web page into lines.
func readHTML(data []byte) (*doc, error) {
	if len(data) > maxHTML {
		return nil, &Error{"the page is too large to read (over 8 MB)"}
	}
	src := decodeHTML(data)
	if unclosedFormatting(src) > maxUnclosed {
		src = defuse(src)
	}
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		if strings.Contains(err.Error(), "exceeds") {
			return nil, &Error{"the page nests its elements more than 512 deep, which csa cannot read"}
		}
		return nil, &Error{"it is not a web page csa can read: it may be damaged"}
	}
	p := &htmlPage{holds: map[*html.Node]uint8{}}
	p.scan(root, 0)
	d := &doc{web: true}
	head, body := findElem(root, atom.Head, 0), findElem(root, atom.Body, 0)
	if head != nil {
		if t := findElem(head, atom.Title, 0); t != nil {
			d.title = strings.Join(strings.Fields(textOf(t)), " ")
		}
		d.sites = siteNames(head)
	}
	if body == nil {
		body = root
	}
	d.sites = append(d.sites, logoNames(body)...)
	// The main content, unless the page keeps provisions outside it.
	// The main content, unless the page keeps provisions outside it: one
	// walk of the body notes where the main content's lines are.
	p.main = mainContent(body, 0)
	lines := p.lines(body, false)
	if p.main != nil && p.mainTo > p.mainFrom {
		inner := lines[p.mainFrom:p.mainTo]
		if provisionsIn(inner) >= provisionsIn(lines) {
			lines = numberFromOne(inner)
		}
	}
	d.lines = lines
	// The whole page, chrome and all, is read for its details: a footer's
	// "Page last reviewed", a heading naming the landlord.
	d.pageLines = (&htmlPage{holds: p.holds, all: true}).lines(body, false)
	for i := range d.pageLines {
		d.pageLines[i].Where = Where{} // numbered apart from the content: "on the page" says more
	}
	for _, l := range lines {
		if l.Heading && d.heading.Value == "" {
			d.heading = Meta{Value: l.Cells[0], Where: l.Where}
		}
	}
	if p.deep {
		d.notes = append(d.notes, Note{Message: "the page nests its elements more than 256 deep: what lies deeper was not read"})
	}
	for _, l := range d.pageLines {
		// A table the page showed a page at a time holds only that page.
		if m := reShowing.FindStringSubmatch(l.Cells[0]); m != nil && m[2] != m[3] {
			d.notes = append(d.notes, Note{Message: fmt.Sprintf("the page says it shows %s to %s of %s rows: a page saved as shown holds only those; choose to show all rows, or save the page as HTML only, and import again", m[1], m[2], m[3])})
			break
		}
	}
	return d, nil
}

// htmlPage is the state of reading one page.
type htmlPage struct {
	holds  map[*html.Node]uint8 // what each element holds: holdsTable, ...
	tables int
	paras  int
	deep   bool
	all    bool       // chrome included (but not menus)
	main   *html.Node // the main content, if the page marks it
	// The lines of the main content: out[mainFrom:mainTo].
	mainFrom, mainTo int
}

// numberFromOne numbers the tables and paragraphs of the main content from one.
func numberFromOne(lines []Line) []Line {
	out := make([]Line, len(lines))
	paras, tables := 0, map[int]int{}
	for i, l := range lines {
		switch {
		case l.Para:
			paras++
			l.Where.Para = paras
		case l.Table > 0:
			n, ok := tables[l.Table]
			if !ok {
				n = len(tables) + 1
				tables[l.Table] = n
			}
			l.Table, l.Where.Table = n, n
		}
		out[i] = l
	}
	return out
}

// What an element holds, worked out once so that deciding whether a
// container is chrome does not walk its subtree again.
const (
	holdsTable uint8 = 1 << iota
	holdsMain
	holdsH1
	holdsLong // 200 characters of text or more
)

// scan fills in holds for n and everything under it, and returns n's
// flags and its text length (counted up to holdsLong's threshold).
func (p *htmlPage) scan(n *html.Node, depth int) (uint8, int) {
	if depth > maxHTMLDepth {
		return 0, 0
	}
	if n.Type == html.TextNode {
		return 0, len(strings.TrimSpace(n.Data))
	}
	var flags uint8
	text := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		f, t := p.scan(c, depth+1)
		flags |= f
		text = min(text+t, 1<<20)
	}
	if n.Type != html.ElementNode {
		return flags, text
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Template, atom.Noscript:
		return 0, 0
	case atom.Table:
		flags |= holdsTable
	case atom.Main:
		flags |= holdsMain
	case atom.H1:
		flags |= holdsH1
	}
	if strings.EqualFold(hattr(n, "role"), "main") {
		flags |= holdsMain
	}
	if text >= 200 {
		flags |= holdsLong
	}
	if flags != 0 {
		p.holds[n] = flags
	}
	return flags, text
}

// lines reads the content under n, numbering its tables and paragraphs
// from one.
func (p *htmlPage) lines(n *html.Node, inMain bool) []Line {
	p.tables, p.paras = 0, 0
	w := &walker{p: p, inMain: inMain}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, 1)
	}
	w.flush()
	return w.out
}

// walker turns elements into lines. A cell walker (cell true) gathers one
// table cell's paragraphs, which become the lines of the cell's text.
type walker struct {
	p        *htmlPage
	out      []Line
	buf      strings.Builder
	heading  int // inside a heading
	bold     int // inside strong or b
	text     int // characters in buf
	boldText int // of which in bold
	inMain   bool
	cell     bool
	lists    []listState
	font     string // a symbol font the text is in (Word's pages): its letters are ticks
}

type listState struct {
	style string // "•", "1", "a", "A", "i"
	n     int
}

var blockElems = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Header: true,
	atom.Footer: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dt: true, atom.Dd: true, atom.Blockquote: true,
	atom.Pre: true, atom.Address: true, atom.Figure: true, atom.Figcaption: true, atom.Caption: true,
	atom.Summary: true, atom.Details: true, atom.Form: true, atom.Fieldset: true, atom.Legend: true,
	atom.Center: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Body: true, atom.Html: true,
	atom.Hgroup: true, atom.Menu: true, atom.Dialog: true, atom.Button: true, atom.Label: true,
}

var headingElems = map[atom.Atom]bool{
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Summary: true, atom.Caption: true, atom.Legend: true,
}

func (w *walker) walk(n *html.Node, depth int) {
	if depth > maxHTMLDepth {
		w.p.deep = true
		return
	}
	switch n.Type {
	case html.TextNode:
		w.addText(n.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	if w.cell && n.FirstChild == nil {
		// An icon in a cell, hidden from screen readers as icons are: its
		// label, or a tick or cross by its class.
		if mark := iconAnswer(n); mark != "" {
			w.addText(" " + mark + " ")
			return
		}
	}
	if w.skip(n) {
		return
	}
	if f := fontOf(n); f != "" {
		was := w.font
		w.font = f
		if !isSymbolFont(f) {
			w.font = ""
		}
		defer func() { w.font = was }()
	}
	if n == w.p.main && !w.cell && !w.p.all {
		w.flush()
		from, was := len(w.out), w.inMain
		w.inMain = true
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c, depth+1)
		}
		w.flush()
		w.inMain = was
		w.p.mainFrom, w.p.mainTo = from, len(w.out)
		return
	}
	tag := n.DataAtom
	switch tag {
	case atom.Br, atom.Hr:
		w.flush()
		return
	case atom.Img:
		// A tick or cross drawn as an image says its answer in its alt text.
		if alt := strings.TrimSpace(hattr(n, "alt")); alt != "" {
			if _, exact, ok := parseAnswer(alt); ok && exact {
				w.addText(" " + alt + " ")
			} else if mark := markName(alt); mark != "" {
				w.addText(" " + mark + " ")
			}
		}
		return
	}
	switch tag {
	case atom.Table:
		if !w.layoutTable(n) {
			w.flush()
			w.table(n, depth)
			return
		}
	case atom.Div, atom.Section, atom.Ul, atom.Ol:
		// A table built of divs with ARIA roles (role="table", "row", "cell").
		if r := strings.ToLower(hattr(n, "role")); r == "table" || r == "grid" || r == "treegrid" {
			w.flush()
			w.table(n, depth)
			return
		}
	case atom.Dl:
		w.flush()
		w.defList(n, depth)
		return
	}
	block := blockElems[tag] || (tag == 0 && n.Data != "" && strings.Contains(n.Data, "-")) // custom elements: blocks
	heading := headingElems[tag] || (tag == atom.Button && accordionButton(n))
	if tag == atom.Button && !heading && w.heading == 0 {
		return // a button's label is not content
	}
	if block {
		w.flush()
	}
	wasMain := w.inMain
	if tag == atom.Main || tag == atom.Article || strings.EqualFold(hattr(n, "role"), "main") {
		w.inMain = true
	}
	if heading {
		w.heading++
	}
	isBold := tag == atom.Strong || tag == atom.B || tag == atom.Span && hasAttr(n, "data-csa-bold")
	if isBold {
		w.bold++
	}
	switch tag {
	case atom.Ul, atom.Menu:
		w.lists = append(w.lists, listState{style: "•"})
	case atom.Ol:
		w.lists = append(w.lists, listState{style: listStyle(n), n: max(atoi(hattr(n, "start")), 1) - 1})
	case atom.Li:
		w.addText(w.marker())
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, depth+1)
	}
	if block {
		w.flush()
	}
	switch tag {
	case atom.Ul, atom.Ol, atom.Menu:
		w.lists = w.lists[:len(w.lists)-1]
	}
	if isBold {
		w.bold--
	}
	if heading {
		w.heading--
	}
	w.inMain = wasMain
}

// fontOf is the font an element sets for its text: its style's
// font-family (the first), a symbol font Word's pages name for a symbol
// (mso-symbol-font-family), or an old <font face>; "" when it sets none.
func fontOf(n *html.Node) string {
	if n.DataAtom == atom.Font {
		if f := hattr(n, "face"); f != "" {
			return strings.TrimSpace(strings.Split(f, ",")[0])
		}
	}
	style := hattr(n, "style")
	if !strings.Contains(style, "font-family") {
		return ""
	}
	font, symbol := "", ""
	for decl := range strings.SplitSeq(style, ";") {
		k, v, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(strings.Split(v, ",")[0])
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "font-family":
			font = v
		case "mso-symbol-font-family":
			symbol = v
		}
	}
	if font == "" && isSymbolFont(symbol) && strings.Contains(style, "mso-char-type:symbol") {
		return symbol
	}
	return font
}

// listStyle is how an ordered list numbers its items: 1, a, A or i.
func listStyle(n *html.Node) string {
	switch t := hattr(n, "type"); t {
	case "a", "A", "i", "I":
		return t
	}
	style := strings.ToLower(hattr(n, "style"))
	switch {
	case strings.Contains(style, "lower-alpha"), strings.Contains(style, "lower-latin"):
		return "a"
	case strings.Contains(style, "upper-alpha"), strings.Contains(style, "upper-latin"):
		return "A"
	case strings.Contains(style, "lower-roman"):
		return "i"
	}
	return "1"
}

// marker is the next list item's bullet or number.
func (w *walker) marker() string {
	if len(w.lists) == 0 {
		return "• "
	}
	l := &w.lists[len(w.lists)-1]
	l.n++
	switch l.style {
	case "•":
		return "• "
	case "a", "A":
		if l.n <= 26 {
			s := string(rune('a' + l.n - 1))
			if l.style == "A" {
				s = strings.ToUpper(s)
			}
			return s + ". "
		}
	case "i":
		return strings.ToLower(roman(l.n)) + ". "
	case "I":
		return roman(l.n) + ". "
	}
	return strconv.Itoa(l.n) + ". "
}

func (w *walker) addText(s string) {
	if s == "" {
		return
	}
	if w.font != "" {
		s = symbolText(w.font, s)
	}
	// Source line breaks and tabs are spaces in a page; tidy collapses them.
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' || r == '\f' {
			return ' '
		}
		return r
	}, s)
	w.buf.WriteString(s)
	n := len(strings.TrimSpace(s))
	w.text += n
	if w.bold > 0 {
		w.boldText += n
	}
}

// flush ends the current block: its text becomes a paragraph line.
func (w *walker) flush() {
	if w.buf.Len() == 0 {
		return
	}
	raw := w.buf.String()
	w.buf.Reset()
	bold := w.text > 0 && w.boldText*10 >= w.text*9
	w.text, w.boldText = 0, 0
	t := tidy(raw)
	if t == "" || chromeLine(t) {
		return
	}
	// A paragraph all in bold reads as a heading, unless it is an answer
	// ("<strong>Fully met</strong>") or a label.
	l := Line{Cells: []string{t}, Para: true, Heading: w.heading > 0 || (bold && len(t) < 160 && !answerLine(t) && !isLabelLine(t))}
	if !w.cell {
		w.p.paras++
		l.Where = Where{Para: w.p.paras}
	}
	w.out = append(w.out, l)
}

// skip reports whether an element is chrome, or holds nothing to read.
func (w *walker) skip(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Title, atom.Meta, atom.Link,
		atom.Svg, atom.Math, atom.Iframe, atom.Object, atom.Embed, atom.Canvas, atom.Audio, atom.Video,
		atom.Map, atom.Select, atom.Option, atom.Input, atom.Textarea, atom.Source, atom.Track:
		return true
	}
	if w.p.all {
		// The whole page, for its details, but not its menus.
		switch n.DataAtom {
		case atom.Nav, atom.Aside:
			return true
		}
		r := strings.ToLower(hattr(n, "role"))
		return r == "navigation" || r == "menubar" || r == "menu"
	}
	holds := w.p.holds[n]
	content := holds&(holdsTable|holdsMain) != 0
	switch n.DataAtom {
	case atom.Nav, atom.Aside:
		return holds&holdsMain == 0
	case atom.Header, atom.Footer:
		if !w.inMain && !content {
			return true
		}
	case atom.Form:
		// A "was this page helpful?" form is chrome; a page built as one
		// big form (ASP.NET) is not.
		if !content && holds&holdsLong == 0 {
			return true
		}
	}
	switch strings.ToLower(hattr(n, "role")) {
	case "navigation", "search", "complementary", "dialog", "alertdialog", "menubar", "toolbar":
		return !content
	case "banner", "contentinfo":
		if !w.inMain && !content {
			return true
		}
	}
	if hidden := hiddenElem(n); hidden != "" && holds&(holdsTable|holdsLong) == 0 {
		// Text only screen readers hear may be a cell's only answer
		// ("<span class=sr-only>Yes</span>" beside a tick icon).
		if !(w.cell && hidden == "visually") {
			return true
		}
	}
	if chromeName(n, blockElems[n.DataAtom]) && !content && holds&holdsH1 == 0 {
		return true
	}
	if !w.inMain && !content && holds&holdsH1 == 0 && siteHeader(n) {
		return true
	}
	return false
}

// hiddenElem reports an element the browser does not show: "hidden", or
// "visually" for text kept for screen readers only. Collapsed accordion
// panels are hidden too, so a hidden element that holds a table or much
// text is read all the same (see skip).
func hiddenElem(n *html.Node) string {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return "hidden"
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return "hidden"
			}
		case "style":
			s := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return "hidden"
			}
		case "class":
			for c := range strings.FieldsSeq(strings.ToLower(a.Val)) {
				switch c {
				case "hidden", "d-none", "hide", "is-hidden", "js-hidden", "invisible", "u-hidden":
					return "hidden"
				case "visually-hidden", "visuallyhidden", "sr-only", "screen-reader-text", "screen-reader-only",
					"govuk-visually-hidden", "element-invisible", "u-visually-hidden", "offscreen", "nhsuk-u-visually-hidden", "show-for-sr":
					return "visually"
				}
			}
		}
	}
	return ""
}

// chromeWords are the words of class and id names that mark an element as
// the site's furniture rather than the page's content.
var chromeWords = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "megamenu": true, "breadcrumb": true,
	"breadcrumbs": true, "cookie": true, "cookies": true, "consent": true, "gdpr": true, "skiplink": true,
	"skiplinks": true, "sidebar": true, "share": true, "sharing": true, "social": true, "feedback": true,
	"helpful": true, "newsletter": true, "masthead": true, "toolbar": true, "popup": true, "modal": true,
	"print": true, "noprint": true, "search": true, "advert": true, "advertisement": true, "promo": true,
	"banner": true, "related": true, "translate": true, "footer": true, "toc": true, "pagination": true,
	"pager": true, "signup": true, "subscribe": true, "rating": true, "chatbot": true, "webchat": true,
}

// chromePhrases are class and id names run together ("back-to-top" is
// "backtotop") that mark chrome.
var chromePhrases = []string{"backtotop", "totop", "scrolltop", "skipto", "skiplink", "siteheader", "globalheader",
	"headerbar", "tableofcontents", "onthispage", "contentslist", "jumplinks", "inpagenav", "pagenav",
	"wasthishelpful", "pagefeedback", "reportaproblem", "lastupdated",
	// A responsive table's label repeated in each cell; a DataTables
	// table's search box, page length and page links.
	"celllabel", "datatablesfilter", "datatableslength", "datatablesinfo", "datatablespaginate", "paginate"}

// inlineChrome are the words of an inline element's class that mark an
// accordion's "Show"/"Hide" toggle or an icon inside a heading.
var inlineChrome = map[string]bool{"toggle": true, "chevron": true, "caret": true}

func chromeName(n *html.Node, block bool) bool {
	for _, key := range []string{"class", "id"} {
		v := strings.ToLower(hattr(n, key))
		if v == "" {
			continue
		}
		for name := range strings.FieldsSeq(v) {
			words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == '.' || r == ':' })
			joined := strings.Join(words, "")
			for _, p := range chromePhrases {
				if strings.Contains(joined, p) {
					// "lastupdated" is a page's date: chrome for the
					// content, read all the same for the details.
					return true
				}
			}
			for _, word := range words {
				if chromeWords[word] || (!block && inlineChrome[word]) {
					return true
				}
			}
		}
	}
	return false
}

// accordionButton reports a button that opens an accordion section: its
// label is the section's heading.
func accordionButton(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "aria-expanded", "aria-controls", "data-toggle", "data-bs-toggle", "data-target", "data-bs-target":
			return true
		case "class":
			v := strings.ToLower(a.Val)
			if strings.Contains(v, "accordion") || strings.Contains(v, "collaps") || strings.Contains(v, "expand") {
				return true
			}
		}
	}
	return false
}

// layoutTable reports a table used to lay out a page rather than to hold
// data: marked so, or a few rows around another table.
func (w *walker) layoutTable(t *html.Node) bool {
	switch strings.ToLower(hattr(t, "role")) {
	case "presentation", "none":
		return true
	}
	rows := tableRows(t)
	if len(rows) > 3 {
		return false
	}
	for _, r := range rows {
		for c := r.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
				// A row that starts with a provision number holds data.
				if _, _, ok := parseID(strings.TrimSpace(ownText(c))); ok {
					return false
				}
				break
			}
		}
	}
	for _, r := range rows {
		for c := r.FirstChild; c != nil; c = c.NextSibling {
			if w.p.holds[c]&(holdsTable|holdsMain) != 0 {
				return true
			}
		}
	}
	return false
}

// tableRows are a table's own rows, in order, not those of tables inside it.
func tableRows(t *html.Node) []*html.Node {
	if t.DataAtom != atom.Table {
		return ariaRows(t, 0)
	}
	var rows []*html.Node
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.Tr:
			rows = append(rows, c)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.DataAtom == atom.Tr {
					rows = append(rows, r)
				}
			}
		}
	}
	return rows
}

var cellRoles = map[string]bool{"cell": true, "gridcell": true, "columnheader": true, "rowheader": true}

// ariaRows are the role="row" elements of a table built of divs.
func ariaRows(n *html.Node, depth int) []*html.Node {
	var rows []*html.Node
	for c := n.FirstChild; c != nil && depth < maxHTMLDepth; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch strings.ToLower(hattr(c, "role")) {
		case "row":
			rows = append(rows, c)
		case "table", "grid", "treegrid":
		default:
			rows = append(rows, ariaRows(c, depth+1)...)
		}
	}
	return rows
}

// rowCells are a row's cells: its td and th, or its role="cell" elements.
func rowCells(r *html.Node) []*html.Node {
	var cells []*html.Node
	var visit func(n *html.Node, depth int)
	visit = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil && depth < 8; c = c.NextSibling {
			switch {
			case c.Type != html.ElementNode:
			case c.DataAtom == atom.Td || c.DataAtom == atom.Th || cellRoles[strings.ToLower(hattr(c, "role"))]:
				cells = append(cells, c)
			case r.DataAtom != atom.Tr:
				visit(c, depth+1)
			}
		}
	}
	visit(r, 0)
	return cells
}

type rowSpan struct {
	text string
	left int
}

// table reads a table: a Line per row. colspan pads a row with empty
// cells; rowspan repeats a cell's text in the rows below, marked Merged,
// as Word's vertical merges are.
func (w *walker) table(t *html.Node, depth int) {
	rows := tableRows(t)
	if w.cell {
		// A table inside a cell: each row a line of the cell.
		for _, r := range rows {
			var cells []string
			for _, c := range rowCells(r) {
				if s := strings.ReplaceAll(w.cellText(c, depth+1), "\n", " "); s != "" {
					cells = append(cells, s)
				}
			}
			if len(cells) > 0 {
				w.out = append(w.out, Line{Cells: []string{strings.Join(cells, "; ")}, Para: true})
			}
		}
		return
	}
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Caption {
			w.walk(c, depth+1)
			w.flush()
		}
	}
	w.p.tables++
	no := w.p.tables
	spans := map[int]*rowSpan{}
	for i, r := range rows {
		var cells []string
		var merged []bool
		carry := func() {
			for len(cells) < maxCols {
				s, ok := spans[len(cells)]
				if !ok {
					return
				}
				cells, merged = append(cells, s.text), append(merged, true)
				if s.left--; s.left <= 0 {
					delete(spans, len(cells)-1)
				}
			}
		}
		for _, c := range rowCells(r) {
			if len(cells) >= maxCols {
				break
			}
			if w.skip(c) {
				continue
			}
			carry()
			text := w.cellText(c, depth+1)
			cs := min(max(atoi(hattr(c, "colspan")), 1), maxCols)
			rs := min(max(atoi(hattr(c, "rowspan")), 1), maxRowSpan)
			for k := 0; k < cs && len(cells) < maxCols; k++ {
				v := text
				if k > 0 {
					v = ""
				}
				if rs > 1 {
					spans[len(cells)] = &rowSpan{text: v, left: rs - 1}
				}
				cells, merged = append(cells, v), append(merged, false)
			}
		}
		carry()
		if len(nonEmpty(cells)) == 0 {
			continue
		}
		l := Line{Cells: cells, Table: no, Where: Where{Table: no, Row: i + 1}}
		for _, m := range merged {
			if m {
				l.Merged = merged
				break
			}
		}
		w.out = append(w.out, l)
	}
}

// cellText is a cell's text: its paragraphs, list items and line breaks
// become lines.
func (w *walker) cellText(c *html.Node, depth int) string {
	cw := &walker{p: w.p, cell: true, inMain: w.inMain}
	for n := c.FirstChild; n != nil; n = n.NextSibling {
		cw.walk(n, depth+1)
	}
	cw.flush()
	parts := make([]string, 0, len(cw.out))
	for _, l := range cw.out {
		parts = append(parts, l.Cells[0])
	}
	return strings.Join(parts, "\n")
}

// defList reads a definition list. A term that is a label ("Compliance",
// "Evidence") and its definition become one "Label: value" line, as the
// stacked layout writes them; any other term is a heading.
func (w *walker) defList(n *html.Node, depth int) {
	label := ""
	var visit func(c *html.Node, depth int)
	visit = func(c *html.Node, depth int) {
		if depth > maxHTMLDepth || c.Type != html.ElementNode || w.skip(c) {
			return
		}
		switch c.DataAtom {
		case atom.Dt:
			term := strings.ReplaceAll(w.cellText(c, depth), "\n", " ")
			label = ""
			if term == "" {
				return
			}
			if termIsLabel(term) {
				label = term
				return
			}
			w.heading++
			w.addText(term)
			w.flush()
			w.heading--
		case atom.Dd:
			start := len(w.out)
			w.walk(c, depth)
			w.flush()
			if label != "" {
				name := strings.TrimRight(label, ": ")
				if len(w.out) > start && w.out[start].Para {
					w.out[start].Cells[0] = name + ": " + w.out[start].Cells[0]
					w.out[start].Heading = false
				} else {
					w.addText(name + ":")
					w.flush()
				}
			}
			label = ""
		default:
			// <div> groups a term and its definitions.
			for g := c.FirstChild; g != nil; g = g.NextSibling {
				visit(g, depth+1)
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		visit(c, depth+1)
	}
}

// termIsLabel reports a definition term that labels its definition: a
// stacked layout's label, a document detail, or a short name before an
// answer ("Fenwick Vale Homes").
func termIsLabel(term string) bool {
	if lb, ok := parseLabel(term); ok && lb.value == "" {
		return true
	}
	if _, ok := metaLabels[labelKey(term)]; ok {
		return true
	}
	if _, _, ok := pageDateLabel(term + " 1 January 2025"); ok {
		return true
	}
	_, _, isID := parseID(term)
	return !isID && len(term) <= 60 && !strings.ContainsAny(term, ".?!")
}

// mainContent finds the element holding the page's main content: <main>,
// role="main", or a container named for it, else a lone <article>.
func mainContent(n *html.Node, depth int) *html.Node {
	var named, article *html.Node
	articles := 0
	var visit func(n *html.Node, depth int) *html.Node
	visit = func(n *html.Node, depth int) *html.Node {
		if depth > maxHTMLDepth || n.Type != html.ElementNode && n.Type != html.DocumentNode {
			return nil
		}
		if n.Type == html.ElementNode {
			if n.DataAtom == atom.Main || strings.EqualFold(hattr(n, "role"), "main") {
				return n
			}
			if n.DataAtom == atom.Article {
				articles++
				if article == nil {
					article = n
				}
			}
			if named == nil && mainName(n) {
				named = n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if m := visit(c, depth+1); m != nil {
				return m
			}
		}
		return nil
	}
	if m := visit(n, depth); m != nil {
		return m
	}
	if named != nil {
		return named
	}
	if articles == 1 {
		return article
	}
	return nil
}

var mainNames = map[string]bool{
	"main-content": true, "maincontent": true, "main": true, "content": true, "page-content": true,
	"pagecontent": true, "primary": true, "content-main": true, "main-area": true, "region-content": true,
	"site-content": true, "body-content": true, "article-body": true, "main-body": true, "mainbody": true,
}

func mainName(n *html.Node) bool {
	if mainNames[strings.ToLower(hattr(n, "id"))] {
		return true
	}
	for c := range strings.FieldsSeq(strings.ToLower(hattr(n, "class"))) {
		if mainNames[c] {
			return true
		}
	}
	return false
}

// provisionsIn counts the provision numbers that start table cells or
// headings: how much of an assessment a set of lines holds.
func provisionsIn(lines []Line) int {
	n := 0
	for _, l := range lines {
		if l.Para && !l.Heading {
			continue
		}
		for _, c := range l.Cells {
			if _, _, ok := parseID(c); ok {
				n++
				break
			}
		}
	}
	return n
}

// ownText is the text directly in an element, not in its children.
func ownText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// siteNames are the names the page's metadata gives its site or author:
// og:site_name, application-name, author, and an organisation's name in
// its JSON-LD.
func siteNames(head *html.Node) []string {
	var names []string
	var visit func(n *html.Node, depth int)
	visit = func(n *html.Node, depth int) {
		if depth > 16 || len(names) > 8 {
			return
		}
		switch n.DataAtom {
		case atom.Meta:
			switch strings.ToLower(hattr(n, "property") + hattr(n, "name")) {
			case "og:site_name", "application-name", "author", "dc.publisher", "dcterms.publisher", "dc.creator", "dcterms.creator":
				names = append(names, strings.Join(strings.Fields(hattr(n, "content")), " "))
			}
		case atom.Script:
			if strings.Contains(hattr(n, "type"), "ld+json") && n.FirstChild != nil {
				names = append(names, ldOrgNames(n.FirstChild.Data)...)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, depth+1)
		}
	}
	visit(head, 0)
	return names
}

var reLDOrg = regexp.MustCompile(`"@type"\s*:\s*"(?:Organization|GovernmentOrganization|Corporation|LocalBusiness|NGO)"[^{}]{0,400}?"name"\s*:\s*"([^"]{2,80})"|"name"\s*:\s*"([^"]{2,80})"[^{}]{0,400}?"@type"\s*:\s*"(?:Organization|GovernmentOrganization|Corporation|LocalBusiness|NGO)"`)

// ldOrgNames reads organisations' names from JSON-LD, without parsing it
// whole: a page's structured data is often invalid JSON.
func ldOrgNames(s string) []string {
	if len(s) > 64<<10 {
		s = s[:64<<10]
	}
	var out []string
	for _, m := range reLDOrg.FindAllStringSubmatch(s, 4) {
		out = append(out, m[1]+m[2])
	}
	return out
}

var reLogoWords = regexp.MustCompile(`(?i)^(?:(?:go to|return to|back to|link to)\s+(?:the\s+)?)|\s*[-–|:(]?\s*(?:logo|home\s*page|homepage|home|website|link to home page|\(opens in a new window\))\s*\)?\s*$`)

// logoNames are the alt texts of the site's logo ("Harrowgate District
// Council home page"), without the words around the name.
func logoNames(body *html.Node) []string {
	var names []string
	var visit func(n *html.Node, depth int, logo bool)
	visit = func(n *html.Node, depth int, logo bool) {
		if depth > 24 || len(names) > 4 {
			return
		}
		if n.Type == html.ElementNode {
			cls := strings.ToLower(hattr(n, "class") + " " + hattr(n, "id"))
			logo = logo || strings.Contains(cls, "logo") || strings.Contains(cls, "brand") || n.DataAtom == atom.A && (hattr(n, "href") == "/" || strings.Contains(hattr(n, "rel"), "home"))
			if n.DataAtom == atom.Img && (logo || strings.Contains(strings.ToLower(hattr(n, "src")), "logo")) {
				alt := strings.Join(strings.Fields(hattr(n, "alt")), " ")
				for range 3 {
					alt = strings.TrimSpace(reLogoWords.ReplaceAllString(alt, ""))
				}
				if alt != "" {
					names = append(names, alt)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, depth+1, logo)
		}
	}
	visit(body, 0, false)
	return names
}

func findElem(n *html.Node, a atom.Atom, depth int) *html.Node {
	if depth > maxHTMLDepth {
		return nil
	}
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElem(c, a, depth+1); f != nil {
			return f
		}
	}
	return nil
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var visit func(n *html.Node, depth int)
	visit = func(n *html.Node, depth int) {
		if depth > maxHTMLDepth {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, depth+1)
		}
	}
	visit(n, 0)
	return b.String()
}

func hattr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// chromeLine reports a line that is a site's furniture, whatever element
// holds it: "Back to top", "Was this page helpful?", "Show all sections".
func chromeLine(t string) bool {
	if len(t) > 80 {
		return false
	}
	k := labelKey(t)
	if chromeLines[k] {
		return true
	}
	for _, p := range chromePrefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return strings.HasPrefix(t, "©") || rePager.MatchString(t)
}

// rePager is a link to the page before or after: "Previous: Section 5 –
// The complaint handling process", "Next page", "« Previous".
var rePager = regexp.MustCompile(`(?i)^[«‹<]?\s*(?:previous|next)(?:\s+(?:page|section|part))?\s*(?:$|[»›>]|:\s*[^.]*$)`)

var chromeLines = map[string]bool{}

var chromePrefixes = []string{"was this page helpful", "is this page useful", "did this page help", "was this information helpful",
	"did you find what you were looking for", "skip to main content", "skip to content", "skip to navigation",
	"we use cookies", "this website uses cookies", "this site uses cookies", "cookies on ", "copyright ",
	"report a problem with this page", "report an issue with this page", "help us improve", "rate this page"}

func init() {
	for _, s := range []string{"back to top", "return to top", "top of page", "back to the top", "go to top",
		"scroll to top", "to top", "top", "share this page", "share", "print this page", "print", "show all sections",
		"hide all sections", "show all", "hide all", "open all", "close all", "expand all", "collapse all",
		"open all sections", "close all sections", "expand all sections", "collapse all sections",
		"show this section", "hide this section", "show", "hide", "accept all cookies", "reject all cookies",
		"accept additional cookies", "reject additional cookies", "cookie settings", "manage cookies",
		"view cookies", "hide this message", "you are here", "menu", "search", "close", "home",
		"opens in a new window", "opens in new window", "opens in a new tab", "listen", "translate",
		"contents", "on this page", "in this section", "related pages", "related content", "related links",
		"useful links", "contact us", "follow us",
		// What a page puts after its content: other formats of it, and
		// documents to download.
		"other formats", "alternative formats", "accessible formats", "other formats and languages",
		"this page in another format", "related documents", "related information", "downloads"} {
		chromeLines[s] = true
	}
}

// decodeHTML returns the page as UTF-8: as its <meta charset> says when
// that is Windows-1252 or Latin-1 (what older sites and Word's "Save as
// web page" write), else as decodeText reads any text.
func decodeHTML(data []byte) string {
	if utf8.Valid(data) || bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return decodeText(data)
	}
	if m := reCharset.FindSubmatch(data[:min(len(data), 4096)]); m != nil {
		switch strings.ToLower(string(m[1])) {
		case "windows-1252", "cp1252", "iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso-8859-15":
			var b strings.Builder
			b.Grow(len(data) + len(data)/8)
			for _, c := range data {
				if c < 0x80 {
					b.WriteByte(c)
				} else {
					b.WriteRune(cp1252(c))
				}
			}
			return b.String()
		}
	}
	return decodeText(data)
}

var reShowing = regexp.MustCompile(`(?i)^showing (\d+) to (\d+) of (\d+) (?:entries|rows|results)`)

var reCharset = regexp.MustCompile(`(?i)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_\-]+)`)

// looksHTML reports whether text is a web page's source: it opens with a
// doctype or an <html>, <head> or <body> tag.
func looksHTML(data []byte) bool {
	head := bytes.TrimLeft(data[:min(len(data), 2048)], "\xef\xbb\xbf \t\r\n")
	for bytes.HasPrefix(head, []byte("<!--")) {
		end := bytes.Index(head, []byte("-->"))
		if end < 0 {
			return false
		}
		head = bytes.TrimLeft(head[end+3:], " \t\r\n")
	}
	lower := bytes.ToLower(head[:min(len(head), 16)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<?xml"} {
		if bytes.HasPrefix(lower, []byte(p)) {
			return p != "<?xml" || bytes.Contains(bytes.ToLower(head), []byte("<html"))
		}
	}
	return false
}

// iconAnswer is the answer an empty element in a cell shows: its
// aria-label or title when that is an answer, else a tick or a cross by
// its icon's class (fa-check, tick, cross).
func iconAnswer(n *html.Node) string {
	for _, key := range []string{"aria-label", "title", "data-answer"} {
		if v := strings.TrimSpace(hattr(n, key)); v != "" && answerLine(v) {
			return v
		} else if mark := markName(v); mark != "" {
			return mark
		}
	}
	for c := range strings.FieldsSeq(strings.ToLower(hattr(n, "class"))) {
		switch c {
		case "fa-check", "fa-check-circle", "fa-circle-check", "fa-square-check", "fa-check-square", "tick", "icon-tick",
			"icon-check", "glyphicon-ok", "bi-check", "bi-check-circle", "bi-check-lg", "checkmark", "icon-yes":
			return "✓"
		case "fa-times", "fa-xmark", "fa-times-circle", "fa-circle-xmark", "cross", "icon-cross", "icon-no",
			"glyphicon-remove", "bi-x", "bi-x-circle", "bi-x-lg":
			return "✗"
		}
	}
	return ""
}

// markName reads the name a picture of a tick or a cross is given: "tick",
// "Green tick", "Red cross icon", "Check mark". "" for anything else.
func markName(alt string) string {
	words := strings.Fields(labelKey(alt))
	if len(words) == 0 || len(words) > 4 {
		return ""
	}
	mark := ""
	for _, w := range words {
		switch w {
		case "tick", "ticked", "checkmark", "tickmark":
			mark = "✓"
		case "check":
			if slices.Contains(words, "mark") || len(words) == 1 {
				mark = "✓"
			}
		case "cross", "crossed", "cross-mark":
			mark = "✗"
		case "icon", "image", "mark", "green", "red", "symbol", "a", "big", "small":
		default:
			return "" // "no tick", "tick box", a name
		}
	}
	return mark
}

// isLabelLine reports a line that is a stacked layout's label, alone or
// with its value: "Evidence", "Compliance: Yes".
func isLabelLine(t string) bool {
	_, ok := parseLabel(t)
	return ok
}

// siteHeader reports an element named as the site's header ("header",
// "top-bar"), outside the main content: inside it, a "header" class is an
// accordion's or a card's heading.
func siteHeader(n *html.Node) bool {
	for _, key := range []string{"class", "id"} {
		for name := range strings.FieldsSeq(strings.ToLower(hattr(n, key))) {
			switch name {
			case "header", "site-header", "page-header-bar", "topbar", "top-bar", "global-header", "masthead", "banner":
				return true
			}
		}
	}
	return false
}

// formatting are the elements the HTML parser reopens, in every block
// after them, for as long as they are left unclosed: a few hundred
// unclosed <b>s before many paragraphs make hundreds of elements of each.
var formatting = map[atom.Atom]bool{atom.A: true, atom.B: true, atom.Big: true, atom.Code: true, atom.Em: true,
	atom.Font: true, atom.I: true, atom.Nobr: true, atom.S: true, atom.Small: true, atom.Strike: true,
	atom.Strong: true, atom.Tt: true, atom.U: true}

var formattingNames = map[string]bool{"a": true, "b": true, "big": true, "code": true, "em": true, "font": true, "i": true,
	"nobr": true, "s": true, "small": true, "strike": true, "strong": true, "tt": true, "u": true}

// maxUnclosed is how many formatting elements may be open at once before
// defuse rewrites them: real pages leave a few unclosed, not dozens.
const maxUnclosed = 16

var rawText = map[string]bool{"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
	"noembed": true, "noframes": true, "iframe": true, "noscript": true}

// unclosedFormatting is the most formatting elements (<b>, <font>, <a>...)
// open at once in a page, scanning its tags as the parser would, outside
// comments, scripts and styles: what the parser reopens in every block.
func unclosedFormatting(src string) int {
	open := map[string]int{}
	total, most := 0, 0
	for i := 0; i < len(src); {
		j := strings.IndexByte(src[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		if strings.HasPrefix(src[i:], "!--") {
			if k := strings.Index(src[i+3:], "-->"); k >= 0 {
				i += 3 + k + 3
				continue
			}
			break
		}
		end := i < len(src) && src[i] == '/'
		if end {
			i++
		}
		k := i
		for k < len(src) && k-i < 10 && isASCIILetter(src[k]) {
			k++
		}
		if k == i || k < len(src) && k-i < 10 && !strings.ContainsRune(" \t\n\r\f/>", rune(src[k])) {
			continue
		}
		var buf [10]byte
		for n := i; n < k; n++ {
			buf[n-i] = src[n] | 0x20 // lower case: the name is ASCII letters
		}
		name := buf[:k-i]
		if !end && rawText[string(name)] {
			// Skip to its end tag: what is inside is not markup.
			at := indexFold(src[k:], "</"+string(name))
			if at < 0 {
				break
			}
			i = k + at
			continue
		}
		if !formattingNames[string(name)] {
			continue
		}
		if end {
			if open[string(name)] > 0 {
				open[string(name)]--
				total--
			}
			continue
		}
		open[string(name)]++
		total++
		most = max(most, total)
	}
	return most
}

// indexFold finds sub (ASCII, lower case) in s whatever its case.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		if i+len(sub) <= len(s) && strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
		i++
	}
	return -1
}

// defuse rewrites the formatting elements as spans, which the parser never
// reopens, so a page cannot make the parser build more elements than it
// has tags; bold is kept as a span marked data-csa-bold, for the headings
// a paragraph in bold makes. Everything else passes through as it was.
func defuse(src string) string {
	z := html.NewTokenizerFragment(strings.NewReader(src), "")
	var b strings.Builder
	b.Grow(len(src))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		if tt != html.StartTagToken && tt != html.EndTagToken && tt != html.SelfClosingTagToken {
			b.Write(raw)
			continue
		}
		name, _ := z.TagName()
		a := atom.Lookup(name)
		if !formatting[a] {
			b.Write(raw)
			continue
		}
		switch {
		case tt == html.EndTagToken:
			b.WriteString("</span>")
		case a == atom.B || a == atom.Strong:
			b.WriteString("<span data-csa-bold>")
		default:
			b.WriteString("<span>")
		}
	}
	return b.String()
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}
