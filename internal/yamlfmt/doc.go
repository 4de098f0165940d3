// Package yamlfmt writes plan files in their canonical form (SPEC §6):
// two-space indents, block sequences indented under their key, keys in the
// order SPEC §2 shows for the file's Kind (unknown keys after the known ones,
// in their own order), LF line endings, exactly one final newline, no
// trailing blanks, text in NFC, long strings never folded, and the user's
// comments, flow or block collection styles and scalar styles kept.
//
// Format is idempotent and value-preserving: it formats its own output until
// it is a fixed point, and refuses (with an error) to return text that does
// not decode to the values of its input, strings in NFC, or that lost a
// comment line.
//
// # Comments
//
// Comments are parsed and written by yaml.v3, which attaches each comment to
// a node: a comment directly above a key (no blank line between) belongs to
// that key and moves with it when keys are reordered; a comment followed by a
// blank line at the top of the file belongs to the file; a comment at the end
// of a line belongs to that line's node; a comment after the last entry of a
// mapping stays at the end of that mapping, and the comment at the end of the
// file stays at the end of the file.
//
// # Limitations
//
// These follow from how yaml.v3 reads and writes comments and scalars; each
// keeps the values and every comment line, but not always the exact place:
//
//   - The first comment of a file that is not separated from the first key
//     by a blank line is yaml.v3's comment of that key; when the key moves
//     down (keys in another order), the comment stays at the top of the file
//     as its header, above the key now first (a blank line between them
//     when that key has a comment of its own). A comment above any other
//     key moves with its key.
//   - A comment written after a nested block at the indentation of an outer
//     key is read by yaml.v3 as the foot of the innermost last node of that
//     block, and is written at that node's indentation.
//   - Blank lines are not kept, except one after the file's head comment and
//     one before the comment at the end of the file; blank lines inside a
//     comment block are dropped.
//   - Comments inside a flow collection ("[a, # x" newline "b]") move above
//     the collection, which is written on one line. A comment between a key
//     and its value ("key:" newline "# x" newline "value") moves above the key.
//   - A folded scalar (">") keeps its value, not its line breaks: each
//     paragraph is written on one line. One with a more-indented line or a
//     leading blank, which yaml.v3's folded writer would change, is written as
//     a literal ("|"). A plain scalar over several lines is written on one.
//   - A block scalar that keeps its final line breaks ("|+", ">+") and ends
//     the file is written double-quoted, so that the file ends with one
//     newline.
//   - A value that cannot be written in its style is written in one that
//     can, as yaml.v3 decides: a literal with a line ending in a blank
//     becomes double-quoted; escapes in double-quoted strings are spelled
//     anew ("\u00e9" becomes "é").
//   - A null written as nothing becomes "~" inside flow collections, as a
//     key, as a sequence item and as a whole document; the empty value of a
//     key ("note:") stays empty.
//   - A key longer than 128 bytes is written as an explicit key ("? key"
//     newline ": value"), as yaml.v3 does.
//   - Directives (%YAML, %TAG), the "---" before the first document and
//     document end markers ("...") are dropped; documents after the first
//     are separated by "---".
//   - Keys are not moved in a mapping where moving them would put an alias
//     before its anchor (or after another anchor of the same name).
//
// Format does not format a document it cannot read (a duplicate key,
// "!!int abc"): it returns a *SyntaxError, with the line and column where a
// reader going from the top meets the problem.
package yamlfmt
