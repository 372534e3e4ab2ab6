#include "util/text.h"

#include <cctype>

#include <fmt/format.h>

namespace iact {

namespace {
bool starts_with_bytes(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Length of the UTF-8 sequence starting at s[i], or 0 if it is not a valid one.
size_t utf8_sequence_length(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t len = 0;
  unsigned int min = 0;
  unsigned int cp = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2, min = 0x80, cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, min = 0x800, cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, min = 0x10000, cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}
}  // namespace

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view strip_utf8_bom(std::string_view bytes) {
  return starts_with_bytes(bytes, "\xEF\xBB\xBF") ? bytes.substr(3) : bytes;
}

std::optional<EncodingProblem> find_encoding_problem(std::string_view bytes) {
  const std::string save_hint = "save the file as UTF-8 (in VS Code: 'Save with Encoding' > UTF-8)";
  if (starts_with_bytes(bytes, std::string_view("\xFF\xFE\0\0", 4)) ||
      starts_with_bytes(bytes, std::string_view("\0\0\xFE\xFF", 4))) {
    return EncodingProblem{1, 1, "the file is UTF-32 encoded, not UTF-8", save_hint};
  }
  if (starts_with_bytes(bytes, "\xFF\xFE") || starts_with_bytes(bytes, "\xFE\xFF")) {
    return EncodingProblem{1, 1, "the file is UTF-16 encoded, not UTF-8", save_hint};
  }
  int line = 1;
  int column = 1;
  for (size_t i = 0; i < bytes.size();) {
    const char c = bytes[i];
    if (c == '\0') {
      return EncodingProblem{line, column,
                             "the file contains NUL bytes: it is binary data or UTF-16 text, "
                             "not a YAML plan",
                             "a plan is a text file saved as UTF-8"};
    }
    size_t len = utf8_sequence_length(bytes, i);
    if (len == 0) {
      return EncodingProblem{
          line, column,
          fmt::format("the file is not valid UTF-8 (byte 0x{:02X})", static_cast<unsigned char>(c)),
          save_hint};
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += len;
  }
  return std::nullopt;
}

std::string_view line_of(std::string_view text, int line) {
  size_t start = 0;
  for (int l = 1; l < line; ++l) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  std::string_view result =
      text.substr(start, end == std::string_view::npos ? text.npos : end - start);
  if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
  return result;
}

}  // namespace iact
