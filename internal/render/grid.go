package render

import (
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// grid draws b, a table without heading rows, with tablewriter, in the
// style of box.render: light box lines, the header as written (no upper
// case), a rule under the header and none between rows.
//
// The layout stays ours: box.widths fits the columns to width by their
// weights, and every cell is wrapped with wrap before tablewriter sees it.
// tablewriter's own fitting (Config.MaxWidth, Widths.Global) shares the
// width out evenly or by content, without weights, and its word wrap
// (twwarp) widens a column to a word longer than the column instead of
// cutting the word. So tablewriter is given each column's width
// (Widths.PerColumn, content plus the padding of one space a side) and
// lines that already fit, with wrapping off; it draws the borders, pads
// and aligns each line, measuring with ANSI escapes stripped.
//
// Ambiguous letters (box drawing, "—") are measured narrow whatever the
// locale: see eastAsianOff.
func (b *box) grid(w io.Writer, width int, color bool) error {
	ws := b.widths(width)
	n := len(b.cols)
	header := make([]any, n)
	align := make(tw.Alignment, n)
	perCol := tw.NewMapper[int, int]()
	for i, c := range b.cols {
		header[i] = strings.Join(wrap(c.header, ws[i]), "\n")
		align[i] = tw.AlignLeft
		if c.right {
			align[i] = tw.AlignRight
		}
		perCol.Set(i, ws[i]+2)
	}
	t := tablewriter.NewTable(w,
		eastAsianOff,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Borders: tw.Border{Left: tw.On, Right: tw.On, Top: tw.On, Bottom: tw.On},
			Symbols: tw.NewSymbols(tw.StyleLight),
			Settings: tw.Settings{
				Separators: tw.Separators{ShowHeader: tw.On, BetweenRows: tw.Off, BetweenColumns: tw.On},
				Lines:      tw.Lines{ShowTop: tw.On, ShowBottom: tw.On, ShowHeaderLine: tw.On},
			},
		})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithPadding(tw.PaddingDefault),
		tablewriter.WithAlignment(align),
		tablewriter.WithColumnWidths(perCol),
	)
	t.Header(header...)
	for _, r := range b.rows {
		row := make([]any, n)
		for i := range n {
			var c boxCell
			if i < len(r.cells) {
				c = r.cells[i]
			}
			lines := wrap(c.text, ws[i])
			if color && c.color != "" {
				// Colour each line, not the padding, so that a terminal
				// that shows the background shows no band, and a colour
				// never runs over a border.
				for k, l := range lines {
					if l != "" {
						lines[k] = sgr(c.color, l)
					}
				}
			}
			row[i] = strings.Join(lines, "\n")
		}
		if err := t.Append(row...); err != nil {
			return err
		}
	}
	return t.Render()
}

// eastAsianOff measures East Asian ambiguous letters (box drawing, "—",
// "…") as one column, as textWidth does.
//
// tablewriter measures with pkg/twwidth, which decides at start-up from
// RUNEWIDTH_EASTASIAN, then the terminal, then a CJK $LANG / $LC_ALL /
// $LC_CTYPE, whether ambiguous letters take two columns; its
// EastAsianForceLegacy only changes how the environment is read, and
// RUNEWIDTH_EASTASIAN wins over it. WithEastAsian(tw.Off) is the option
// that sets the measure itself (twwidth.SetEastAsian(false), which also
// clears ForceNarrowBorders and empties the width cache): it is global to
// the process, so every table sets it again before it measures anything,
// and the output is the same on every machine.
var eastAsianOff = tablewriter.WithEastAsian(tw.Off)
