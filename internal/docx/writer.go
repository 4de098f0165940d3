// Package docx writes Word documents (WordprocessingML, ECMA-376) in the
// layout of Decree 30/2020/NĐ-CP: the province's signed report and the
// standing office's reminder (SPEC §10).
//
// It is a small writer of its own on encoding/xml and archive/zip rather
// than a library: the one Go library the module proxy serves for writing
// docx (github.com/gomutex/godocx) is unmaintained since 2024, and what
// the layout needs is a handful of elements (paragraphs, runs, fixed
// tables with or without borders, one section with a first-page header)
// whose every attribute must be exact. The bytes are reproducible: parts
// are written in a fixed order with a fixed time stamp, and nothing reads
// the clock.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/plan06/plan06/internal/dates"
	"github.com/plan06/plan06/internal/safetext"
)

// Lengths are in twentieths of a point (twips): 1 mm ≈ 56.7 twips.
const (
	pageWidth  = 11906 // A4, 210 mm
	pageHeight = 16838 // A4, 297 mm
	marginTop  = 1134  // 20 mm
	marginBot  = 1134  // 20 mm
	marginLeft = 1701  // 30 mm
	marginRgt  = 850   // 15 mm
	headerDist = 567   // 10 mm: the page number sits in the top margin
	// TextWidth is the width between the margins.
	TextWidth = pageWidth - marginLeft - marginRgt
	// indent1cm is the first-line indent of body paragraphs.
	indent1cm = 567
)

// Align is a paragraph's alignment.
type Align string

// The alignments; Justify is the body's.
const (
	Justify Align = "both"
	Left    Align = "left"
	Center  Align = "center"
	Right   Align = "right"
)

// Run is a piece of text with one format. Size is in points; 0 means the
// body's 14 pt.
type Run struct {
	Text         string
	Bold, Italic bool
	// Underline draws a single line under the text (the motto).
	Underline bool
	Size      float64
}

// Para is a paragraph. Body paragraphs are justified with a first-line
// indent of 1 cm; headings and table cells say otherwise.
type Para struct {
	Runs  []Run
	Align Align
	// NoIndent drops the first-line indent.
	NoIndent bool
	// Before and After are spacing in points; Keep keeps the paragraph
	// on the page of the next one (headings).
	Before, After float64
	Keep          bool
}

// Cell is a table cell: its paragraphs.
type Cell struct {
	Paras []Para
	// Span merges the cell with the next Span−1 cells of its row.
	Span int
}

// Table is a table of fixed column widths (twips). Borders draws single
// lines around every cell; without them the table only lays out columns
// (the header and the signature block).
type Table struct {
	Widths  []int
	Borders bool
	Rows    [][]Cell
	// Header repeats the first row on every page.
	Header bool
}

// Document is a document being built.
type Document struct {
	body strings.Builder
}

// P adds a paragraph.
func (d *Document) P(p Para) { writePara(&d.body, p) }

// Text adds a body paragraph of plain runs.
func (d *Document) Text(s string) { d.P(Para{Runs: []Run{{Text: s}}}) }

// Table adds a table.
func (d *Document) Table(t Table) {
	b := &d.body
	total := 0
	for _, w := range t.Widths {
		total += w
	}
	b.WriteString(`<w:tbl><w:tblPr>`)
	fmt.Fprintf(b, `<w:tblW w:w="%d" w:type="dxa"/>`, total)
	if t.Borders {
		b.WriteString(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			fmt.Fprintf(b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
		}
		b.WriteString(`</w:tblBorders>`)
	} else {
		b.WriteString(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			fmt.Fprintf(b, `<w:%s w:val="nil"/>`, side)
		}
		b.WriteString(`</w:tblBorders>`)
	}
	b.WriteString(`<w:tblLayout w:type="fixed"/>`)
	b.WriteString(`<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>`)
	b.WriteString(`<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`)
	for _, w := range t.Widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
	for ri, row := range t.Rows {
		b.WriteString(`<w:tr>`)
		if ri == 0 && t.Header {
			b.WriteString(`<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>`)
		} else {
			b.WriteString(`<w:trPr><w:cantSplit/></w:trPr>`)
		}
		col := 0
		for _, c := range row {
			span := max(c.Span, 1)
			w := 0
			for k := col; k < col+span && k < len(t.Widths); k++ {
				w += t.Widths[k]
			}
			col += span
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, w)
			if span > 1 {
				fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, span)
			}
			b.WriteString(`</w:tcPr>`)
			if len(c.Paras) == 0 {
				c.Paras = []Para{{NoIndent: true}}
			}
			for _, p := range c.Paras {
				writePara(b, p)
			}
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

// pt converts points to twips.
func pt(x float64) int { return int(x*20 + 0.5) }

func writePara(b *strings.Builder, p Para) {
	b.WriteString(`<w:p><w:pPr>`)
	if p.Keep {
		b.WriteString(`<w:keepNext/>`)
	}
	fmt.Fprintf(b, `<w:spacing w:before="%d" w:after="%d"/>`, pt(p.Before), pt(p.After))
	if p.NoIndent {
		b.WriteString(`<w:ind w:firstLine="0"/>`)
	}
	if p.Align != "" {
		fmt.Fprintf(b, `<w:jc w:val="%s"/>`, p.Align)
	}
	b.WriteString(`</w:pPr>`)
	for _, r := range p.Runs {
		writeRun(b, r)
	}
	b.WriteString(`</w:p>`)
}

func writeRun(b *strings.Builder, r Run) {
	text := Clean(r.Text)
	if text == "" {
		return
	}
	b.WriteString(`<w:r>`)
	if r.Bold || r.Italic || r.Underline || (r.Size != 0 && r.Size != 14) {
		b.WriteString(`<w:rPr>`)
		if r.Bold {
			b.WriteString(`<w:b/><w:bCs/>`)
		}
		if r.Italic {
			b.WriteString(`<w:i/><w:iCs/>`)
		}
		// The schema's order: b, i, sz, u (Word refuses another).
		if r.Size != 0 && r.Size != 14 {
			hp := int(r.Size*2 + 0.5)
			fmt.Fprintf(b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, hp, hp)
		}
		if r.Underline {
			b.WriteString(`<w:u w:val="single"/>`)
		}
		b.WriteString(`</w:rPr>`)
	}
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		for j, part := range strings.Split(line, "\t") {
			if j > 0 {
				b.WriteString(`<w:tab/>`)
			}
			if part == "" {
				continue
			}
			b.WriteString(`<w:t xml:space="preserve">`)
			_ = xml.EscapeText(b, []byte(part))
			b.WriteString(`</w:t>`)
		}
	}
	b.WriteString(`</w:r>`)
}

// Clean makes text from the files safe to write: invalid UTF-8 and the
// characters internal/safetext forbids (control characters, which XML 1.0
// cannot hold or which would hide text from a reader, the bidirectional
// overrides, U+FFFE and U+FFFF) are dropped, carriage returns with them,
// so that only line feeds and tabs remain to break lines and align.
func Clean(s string) string {
	bad := func(c rune) bool { return c == utf8.RuneError || safetext.Forbidden(c) }
	if utf8.ValidString(s) && strings.IndexFunc(s, bad) < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if !bad(c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// Meta are the document properties.
type Meta struct {
	Title, Subject, Language string
	// Day stamps the properties and the zip entries; the zero day stands
	// for 01/01/1980.
	Day dates.Date
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// Bytes returns the package: the body built so far in an A4 portrait
// section with the Decree 30 margins and the page number at the top centre
// from page 2.
func (d *Document) Bytes(m Meta) ([]byte, error) {
	day := m.Day
	if day.IsZero() || day.Year() < 1980 || day.Year() > 2107 {
		day = dates.MustNew(1980, 1, 1)
	}
	lang := "vi-VN"
	if m.Language == "en" {
		lang = "en-GB"
	}
	var doc strings.Builder
	doc.WriteString(xml.Header)
	doc.WriteString(`<w:document ` + wNS + `><w:body>`)
	doc.WriteString(d.body.String())
	// Word wants a paragraph, not a table, last before the section.
	doc.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:ind w:firstLine="0"/></w:pPr></w:p>`)
	fmt.Fprintf(&doc, `<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:headerReference w:type="first" r:id="rId4"/>`+
		`<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`+
		`<w:titlePg/></w:sectPr></w:body></w:document>`,
		pageWidth, pageHeight, marginTop, marginRgt, marginBot, marginLeft, headerDist, headerDist)

	stamp := day.String() + "T00:00:00Z"
	var core strings.Builder
	core.WriteString(xml.Header)
	core.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	core.WriteString(`<dc:title>`)
	_ = xml.EscapeText(&core, []byte(Clean(m.Title)))
	core.WriteString(`</dc:title><dc:subject>`)
	_ = xml.EscapeText(&core, []byte(Clean(m.Subject)))
	core.WriteString(`</dc:subject><dc:creator>plan06</dc:creator><cp:lastModifiedBy>plan06</cp:lastModifiedBy>`)
	fmt.Fprintf(&core, `<dc:language>%s</dc:language>`, lang)
	fmt.Fprintf(&core, `<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>`, stamp, stamp)
	core.WriteString(`</cp:coreProperties>`)

	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/app.xml", appProps},
		{"docProps/core.xml", core.String()},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/document.xml", doc.String()},
		{"word/header1.xml", pageNumberHeader},
		{"word/header2.xml", emptyHeader},
		{"word/settings.xml", settings},
		{"word/styles.xml", strings.ReplaceAll(styles, "LANG", lang)},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	y, mo, dd := day.YMD()
	when := time.Date(y, mo, dd, 0, 0, 0, 0, time.UTC)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: when})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

const contentTypes = xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const rootRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const documentRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
	`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>` +
	`</Relationships>`

const appProps = xml.Header + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>plan06</Application></Properties>`

// The page number, centred at the top, 13 pt, on every page but the first
// (the section's titlePg gives page 1 the empty header).
const pageNumberHeader = xml.Header + `<w:hdr ` + wNS + `><w:p><w:pPr><w:ind w:firstLine="0"/><w:jc w:val="center"/></w:pPr>` +
	`<w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>` +
	`<w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
	`<w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>` +
	`<w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:t>2</w:t></w:r>` +
	`<w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>`

const emptyHeader = xml.Header + `<w:hdr ` + wNS + `><w:p><w:pPr><w:ind w:firstLine="0"/></w:pPr></w:p></w:hdr>`

const settings = xml.Header + `<w:settings ` + wNS + `><w:defaultTabStop w:val="720"/>` +
	`<w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`</w:settings>`

// The defaults carry the Decree 30 body: Times New Roman 14 pt, justified,
// first line indented 1 cm, 6 pt between paragraphs, lines at 1.15.
const styles = xml.Header + `<w:styles ` + wNS + `>` +
	`<w:docDefaults><w:rPrDefault><w:rPr>` +
	`<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>` +
	`<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="LANG" w:eastAsia="LANG" w:bidi="ar-SA"/>` +
	`</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>` +
	`<w:spacing w:before="0" w:after="0" w:line="276" w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="both"/>` +
	`</w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
	`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`</w:styles>`
