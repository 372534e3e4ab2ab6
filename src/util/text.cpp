#include "util/text.h"

#include <cctype>
#include <cstdint>

#include <fmt/format.h>

#include "util/work_count.h"

namespace iact {

namespace {
bool starts_with_bytes(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Why a plan's text may not hold this character, or "" if it may.
std::string unfit_character(unsigned int cp) {
  if (cp == '\t' || cp == '\n') return "";
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
    return fmt::format("the control character U+{:04X}", cp);
  if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
    return fmt::format("the noncharacter U+{:04X}", cp);
  return "";
}
}  // namespace

// Length of the UTF-8 sequence starting at s[i], or 0 if it is not a valid one.
size_t utf8_sequence_length(std::string_view s, size_t i, unsigned int* code_point) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (code_point) *code_point = c;
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
  if (code_point) *code_point = cp;
  return len;
}

std::optional<TextProblem> find_text_problem(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    unsigned int cp = 0;
    const size_t len = utf8_sequence_length(text, i, &cp);
    if (len == 0) {
      return TextProblem{i, fmt::format("the byte 0x{:02X}, which is not UTF-8",
                                        static_cast<unsigned char>(text[i]))};
    }
    if (std::string what = unfit_character(cp); !what.empty()) return TextProblem{i, what};
    i += len;
  }
  return std::nullopt;
}

std::string replace_unfit_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    unsigned int cp = 0;
    const size_t len = utf8_sequence_length(text, i, &cp);
    if (len == 0 || !unfit_character(cp).empty()) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      i += len == 0 ? 1 : len;
      continue;
    }
    out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

bool is_utf8(std::string_view bytes) {
  for (size_t i = 0; i < bytes.size();) {
    const size_t len = utf8_sequence_length(bytes, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

void append_utf8(std::string& out, unsigned int cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::optional<std::string> windows1252_to_utf8(std::string_view bytes, size_t& bad_at) {
  // 0x80-0x9F; 0 where Windows-1252 has no character.
  static constexpr unsigned short kHigh[32] = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    unsigned int cp = b;
    if (b >= 0x80 && b < 0xA0) {
      cp = kHigh[b - 0x80];
      if (cp == 0) {
        bad_at = i;
        return std::nullopt;
      }
    }
    append_utf8(out, cp);
  }
  return out;
}

std::optional<std::string> utf16_to_utf8(std::string_view bytes) {
  bool big_endian;
  if (starts_with_bytes(bytes, "\xFF\xFE")) {
    big_endian = false;
  } else if (starts_with_bytes(bytes, "\xFE\xFF")) {
    big_endian = true;
  } else {
    return std::nullopt;
  }
  if (bytes.size() % 2 != 0) return std::nullopt;
  auto unit = [&](size_t i) -> unsigned int {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? (a << 8) | b : (b << 8) | a;
  };
  std::string out;
  for (size_t i = 2; i < bytes.size(); i += 2) {
    unsigned int cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (i + 3 >= bytes.size()) return std::nullopt;
      const unsigned int low = unit(i + 2);
      if (low < 0xDC00 || low > 0xDFFF) return std::nullopt;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return std::nullopt;
    }
    append_utf8(out, cp);
  }
  return out;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string shortened(std::string_view text, size_t max_chars) {
  std::string_view first = trim(text);
  const size_t nl = first.find('\n');
  const bool more_lines = nl != std::string_view::npos;
  if (more_lines) first = trim(first.substr(0, nl));
  if (utf8_length(first) <= max_chars) return std::string(first) + (more_lines ? " …" : "");
  // The byte where character max_chars begins, then back to the last space before it.
  size_t chars = 0, end = 0;
  for (; end < first.size(); ++end) {
    if ((static_cast<unsigned char>(first[end]) & 0xC0) == 0x80) continue;
    if (chars++ == max_chars) break;
  }
  const size_t space = first.rfind(' ', end);
  if (space != std::string_view::npos && space > 0) end = space;
  return std::string(trim(first.substr(0, end))) + "…";
}

std::string_view trim(std::string_view s) {
  const char* ws = " \t\r\n";
  const size_t first = s.find_first_not_of(ws);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(ws) - first + 1);
}

std::string capitalised(std::string_view s) {
  std::string out(s);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string uncapitalised(std::string_view s) {
  std::string out(s);
  if (!out.empty()) out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  return out;
}

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

TextLines::TextLines(std::string text) : text_(std::move(text)) {
  starts_.push_back(0);
  for (size_t nl = text_.find('\n'); nl != std::string::npos; nl = text_.find('\n', nl + 1))
    starts_.push_back(nl + 1);
  count_work(Work::kSourceLines, starts_.size());
}

std::string_view TextLines::line(int line) const {
  count_work(Work::kSourceLines);
  if (line < 1 || static_cast<size_t>(line) > starts_.size()) return {};
  const size_t start = starts_[static_cast<size_t>(line) - 1];
  if (start > text_.size()) return {};
  const size_t end = text_.find('\n', start);
  std::string_view result = std::string_view(text_).substr(
      start, end == std::string::npos ? std::string::npos : end - start);
  if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
  return result;
}

std::string count_of(int n, const std::string& singular, const std::string& plural) {
  const std::string word = n == 1 ? singular : (plural.empty() ? singular + "s" : plural);
  if (n == 0) return "no " + word;
  return std::to_string(n) + " " + word;
}

std::string stable_hash(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // the FNV offset basis
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;  // the FNV prime
  }
  return fmt::format("{:016x}", hash);
}

}  // namespace iact
