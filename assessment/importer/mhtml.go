package importer

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"net/textproto"
	"strings"
)

// This file reads a web page saved as one file (.mht, .mhtml: "Webpage,
// single file" in a browser's Save as): a MIME message whose first
// text/html part is the page; the images and styles beside it are not
// needed.

const maxMHTML = 128 << 20 // bytes of a saved page with its images

var errNoPage = &Error{"it is a saved web page (.mht) with no page in it csa can read: it may be damaged"}

// looksMHTML reports text that opens with a MIME message's headers
// announcing a saved page.
func looksMHTML(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 2048)])
	return bytes.Contains(head, []byte("mime-version:")) && bytes.Contains(head, []byte("content-type: multipart/related"))
}

// mhtmlPage returns the HTML of a saved page's first text/html part.
func mhtmlPage(data []byte) ([]byte, error) {
	if len(data) > maxMHTML {
		return nil, &Error{"the saved page is too large to read (over 128 MB)"}
	}
	tp := textproto.NewReader(bufio.NewReader(bytes.NewReader(data)))
	hdr, err := tp.ReadMIMEHeader()
	if err != nil && len(hdr) == 0 {
		return nil, errNoPage
	}
	body := io.Reader(tp.R)
	mt, params, err := mime.ParseMediaType(hdr.Get("Content-Type"))
	if err != nil {
		return nil, errNoPage
	}
	if strings.HasPrefix(mt, "text/html") {
		return partBody(body, hdr.Get("Content-Transfer-Encoding"), params["charset"])
	}
	if !strings.HasPrefix(mt, "multipart/") || params["boundary"] == "" {
		return nil, errNoPage
	}
	mr := multipart.NewReader(body, params["boundary"])
	for range 10000 {
		p, err := mr.NextPart()
		if err != nil {
			return nil, errNoPage
		}
		pt, pp, err := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if err != nil || pt != "text/html" {
			continue
		}
		return partBody(p, p.Header.Get("Content-Transfer-Encoding"), pp["charset"])
	}
	return nil, errNoPage
}

// partBody reads a part (quoted-printable is already decoded by
// multipart) as UTF-8 HTML.
func partBody(r io.Reader, encoding, charset string) ([]byte, error) {
	if strings.EqualFold(strings.TrimSpace(encoding), "base64") {
		r = base64.NewDecoder(base64.StdEncoding, &newlineSkipper{r})
	}
	b, err := io.ReadAll(io.LimitReader(r, maxHTML+1))
	if err != nil {
		return nil, errNoPage
	}
	if len(b) > maxHTML {
		return nil, &Error{"the page is too large to read (over 8 MB)"}
	}
	switch strings.ToLower(charset) {
	case "windows-1252", "iso-8859-1", "latin1", "us-ascii", "iso-8859-15":
		var out strings.Builder
		for _, c := range b {
			if c < 0x80 {
				out.WriteByte(c)
			} else {
				out.WriteRune(cp1252(c))
			}
		}
		return []byte(out.String()), nil
	}
	return b, nil
}

// newlineSkipper drops line breaks from base64 text.
type newlineSkipper struct{ r io.Reader }

func (n *newlineSkipper) Read(p []byte) (int, error) {
	for {
		k, err := n.r.Read(p)
		j := 0
		for _, c := range p[:k] {
			if c != '\r' && c != '\n' {
				p[j] = c
				j++
			}
		}
		if j > 0 || err != nil {
			return j, err
		}
	}
}
