// Escaping plan text for the languages iact writes, so that text from a plan always reads
// literally: one escaper per output language.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace iact {

// Pandoc Markdown, inline: ASCII punctuation is backslash-escaped (so `|` cannot end a table
// cell, `*` cannot start emphasis, `<` cannot open HTML, `$` cannot start maths, `{=openxml}`
// cannot become a raw block), except , ; ? / : inside the text, which are inert there;
// line breaks become spaces (a table row is one line) and control characters are dropped.
std::string escape_markdown(std::string_view text);

// Pandoc Markdown, a block a lead wrote (a plan's narrative): paragraphs, bullet and
// numbered lists, and *emphasis* and **strong** are kept; everything else is escaped as by
// escape_markdown(), so headings, tables, links, HTML and raw blocks cannot be made.
std::string escape_markdown_block(std::string_view text);

// JSON, as iact prints it (indented by two): text that is not UTF-8 is written with U+FFFD
// rather than making nlohmann::json throw (which would end the command).
std::string json_text(const nlohmann::json& value);

// XML and HTML text and attribute values: & < > " '.
std::string escape_xml(std::string_view text);

// Every piece of text iact writes into a plan goes through one of the four below, so that
// text from a tracker, a form or the command line can never end a scalar or a comment and
// write YAML of its own.

// A YAML scalar on one line: plain where YAML reads it back as the same text (and as text,
// not a number, boolean or null), else double-quoted with every line break (\n, \r, U+0085,
// U+2028, U+2029), control character and noncharacter escaped; bytes that are not UTF-8
// become U+FFFD.
std::string yaml_scalar(std::string_view text);

// The same, for an item inside a one-line list ([a, b]): also quoted if it holds , [ ] { }.
std::string yaml_flow_scalar(std::string_view text);

// Whether text may be written as a YAML literal block (`|-`) and read back unchanged: more
// than one line, no trailing spaces or tabs on a line, no control character but tab, no
// Unicode line break, and a first line that does not start with a space.
bool fits_yaml_block(std::string_view text);

// `key: value` at `indent` spaces, ending in a line break: text of several lines that
// fits_yaml_block() as a literal block beneath the key, anything else as yaml_scalar().
std::string yaml_field(int indent, std::string_view key, std::string_view value);

// A comment: "# " and the text on one line, every line break (and tab) folded to a space and
// anything unfit for text written U+FFFD; "#" alone for no text. No line break at its end.
std::string yaml_comment(std::string_view text);

// GitHub Actions workflow commands (`::error file=F,line=L::message`): the message, with
// % CR LF written %25 %0D %0A, as GitHub reads them back.
std::string escape_github_data(std::string_view text);

// A property value of a workflow command (file=, title=): as the message, and also : and ,
// (which would end the value) written %3A and %2C.
std::string escape_github_property(std::string_view text);

// A file path as a URI reference (RFC 3986): letters, digits, - . _ ~ and / stay, every
// other byte is percent-encoded ("plan é.yaml" -> "plan%20%C3%A9.yaml").
std::string escape_uri_path(std::string_view path);

// Text in a man page (roff): a backslash is written \e, a hyphen \- (so options read and
// search as typed), and a line that would start with . or ' (a request) starts with \&.
std::string escape_roff(std::string_view text);

// Text for a terminal (status, diff, collect's summary, error messages): control characters
// other than tab and line break are shown in caret notation (ESC as ^[, so an escape sequence
// in a plan cannot clear the screen or write the clipboard), C1 controls and bidirectional
// overrides as <U+XXXX>, and bytes that are not UTF-8 as <0xXX>.
std::string terminal_text(std::string_view text);

}  // namespace iact
