// Checks on raw file bytes before they reach the YAML parser.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iact {

struct EncodingProblem {
  int line = 1;  // 1-based position of the first bad byte
  int column = 1;
  std::string message;
  std::string hint;
};

// Finds the first reason the bytes are not UTF-8 text: a UTF-16/32 byte-order mark, a NUL
// byte (binary data, or UTF-16 without a mark), or an invalid UTF-8 sequence.
std::optional<EncodingProblem> find_encoding_problem(std::string_view bytes);

// Drops a UTF-8 byte-order mark, which editors on Windows add and YAML allows.
std::string_view strip_utf8_bom(std::string_view bytes);

// Whether `bytes` is valid UTF-8 (NUL bytes allowed).
bool is_utf8(std::string_view bytes);

// Length of the UTF-8 sequence starting at s[i] (its code point in `code_point`), or 0 if it
// is not a valid one (overlong, a surrogate, past U+10FFFF, cut short).
size_t utf8_sequence_length(std::string_view s, size_t i, unsigned int* code_point = nullptr);

// The first thing in decoded text (a plan's value) that no output can carry: a byte that is
// not UTF-8, a control character other than tab and line feed (C0, DEL, C1), or a
// noncharacter (U+FDD0-U+FDEF, and U+FFFE and U+FFFF of every plane). `offset` is its byte.
struct TextProblem {
  size_t offset = 0;
  std::string what;  // "the control character U+001B"
};
std::optional<TextProblem> find_text_problem(std::string_view text);

// The text with each of those (each bad byte, each unfit character) written U+FFFD.
std::string replace_unfit_text(std::string_view text);

// Appends the UTF-8 encoding of code point `cp` to `out`.
void append_utf8(std::string& out, unsigned int cp);

// Windows-1252 (what Excel on Windows saves as "CSV") to UTF-8. Returns nothing if a byte
// has no character in Windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D); `bad_at` is its offset.
std::optional<std::string> windows1252_to_utf8(std::string_view bytes, size_t& bad_at);

// UTF-16 with a byte-order mark (Excel's "Unicode text") to UTF-8; nothing if it is not
// well formed.
std::optional<std::string> utf16_to_utf8(std::string_view bytes);

// The number of characters (code points) of UTF-8 text.
size_t utf8_length(std::string_view s);

// Without spaces, tabs and line breaks at either end.
std::string_view trim(std::string_view s);

// The first line of `text`, cut at a word's end to at most `max_chars` characters with "…"
// when it is longer (or has more lines): a note in a one-line summary.
std::string shortened(std::string_view text, size_t max_chars);

// ASCII lower case, for comparing words people type ("TBC", "In Progress").
std::string lowercase(std::string_view s);

// The text with its first letter upper case: "approve" -> "Approve".
std::string capitalised(std::string_view s);
// The text with its first letter lower case, to run on in a sentence: "Secure funding" ->
// "secure funding".
std::string uncapitalised(std::string_view s);

// "a, b, c".
template <typename Range>
std::string join(const Range& words, std::string_view separator = ", ") {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += separator;
    out += w;
  }
  return out;
}

// The lines of a text, found once, so that looking up a line costs the same wherever it is
// (a file with twenty thousand problems shows twenty thousand lines).
class TextLines {
 public:
  TextLines() = default;
  explicit TextLines(std::string text);
  // The 1-based line `line` without its line ending, or "" if there is none.
  std::string_view line(int line) const;

 private:
  std::string text_;
  std::vector<size_t> starts_;  // where each line starts
};

// "1 action", "3 actions", "no actions".
std::string count_of(int n, const std::string& singular, const std::string& plural = "");

// A stable hash of text (64-bit FNV-1a) as 16 hex digits: the same on every machine and in
// every run, so a CI system can recognise one problem from run to run. Not for security.
std::string stable_hash(std::string_view text);

}  // namespace iact
