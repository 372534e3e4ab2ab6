#include "util/escape.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "util/text.h"

namespace iact {

std::string escape_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\n' || c == '\r' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    if (u < 0x20 || u == 0x7F) continue;
    // ASCII punctuation: ! " # $ % & ' ( ) * + , - . / : ; < = > ? @ [ \ ] ^ _ ` { | } ~
    const bool punctuation = (u >= 0x21 && u <= 0x2F) || (u >= 0x3A && u <= 0x40) ||
                             (u >= 0x5B && u <= 0x60) || (u >= 0x7B && u <= 0x7E);
    // Inside a value these mean nothing to pandoc; at its start, where a template line may
    // begin, every mark is escaped. Quotes always are, or pandoc would curl them.
    const bool harmless_inside = std::string_view(",;?/:").find(c) != std::string_view::npos;
    if (punctuation && (out.empty() || !harmless_inside)) out += '\\';
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

namespace {

// One line of a narrative: *emphasis* and **strong** pairs are kept (their text escaped),
// the rest escaped.
std::string inline_with_emphasis(std::string_view line) {
  std::string out;
  size_t i = 0;
  while (i < line.size()) {
    const size_t star = line.find('*', i);
    if (star == std::string_view::npos) break;
    const bool strong = line.substr(star, 2) == "**";
    const std::string_view mark = strong ? "**" : "*";
    const size_t open_end = star + mark.size();
    const size_t close = line.find(mark, open_end);
    const bool usable = close != std::string_view::npos && close > open_end &&
                        line[open_end] != ' ' && line[close - 1] != ' ' &&
                        line.substr(open_end, close - open_end).find('*') == std::string_view::npos;
    if (!usable) {
      out += escape_markdown(line.substr(i, open_end - i));
      i = open_end;
      continue;
    }
    std::string before = escape_markdown(line.substr(i, star - i));
    if (star > i && line[star - 1] == ' ') before += ' ';  // escape_markdown trims its end
    out += before;
    out += mark;
    out += escape_markdown(line.substr(open_end, close - open_end));
    out += mark;
    i = close + mark.size();
    if (i < line.size() && line[i] == ' ') {
      out += ' ';
      ++i;
    }
  }
  if (i < line.size()) out += escape_markdown(line.substr(i));
  return out;
}

}  // namespace

std::string escape_markdown_block(std::string_view text) {
  enum class Last { kBlank, kText, kItem };
  std::string out;
  Last last = Last::kBlank;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    start = end + 1;
    const size_t indent = line.find_first_not_of(" \t");
    if (indent == std::string_view::npos) {  // a blank line ends a paragraph or a list
      if (last != Last::kBlank) out += "\n";
      last = Last::kBlank;
      continue;
    }
    std::string_view body = line.substr(indent);
    std::string marker;
    if (body.starts_with("- ") || body.starts_with("* ") || body.starts_with("+ ")) {
      marker = "- ";
      body.remove_prefix(2);
    } else {
      size_t d = 0;
      while (d < body.size() && d < 3 && std::isdigit(static_cast<unsigned char>(body[d]))) ++d;
      if (d > 0 && d + 1 < body.size() && (body[d] == '.' || body[d] == ')') &&
          body[d + 1] == ' ') {
        marker = std::string(body.substr(0, d)) + ". ";
        body.remove_prefix(d + 2);
      }
    }
    if (!marker.empty()) {
      if (last == Last::kText) out += "\n";  // Markdown lists need a blank line before them
      out += marker + inline_with_emphasis(body) + "\n";
      last = Last::kItem;
    } else {
      // Text right after an item, indented, continues the item; otherwise a paragraph.
      const bool continues = last == Last::kItem && indent > 0;
      if (last == Last::kItem && !continues) out += "\n";
      out += (continues ? "  " : "") + inline_with_emphasis(body) + "\n";
      last = continues ? Last::kItem : Last::kText;
    }
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::string json_text(const nlohmann::json& value) {
  return value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

bool looks_like_number(std::string_view t) {
  size_t i = 0;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
  if (t.substr(i) == ".inf" || t.substr(i) == ".Inf" || t.substr(i) == ".INF") return true;
  if (t == ".nan" || t == ".NaN" || t == ".NAN") return true;
  if (t.substr(i).starts_with("0x") || t.substr(i).starts_with("0o")) return true;
  bool digits = false;
  while (i < t.size() && (std::isdigit(static_cast<unsigned char>(t[i])) || t[i] == '_')) {
    digits = true;
    ++i;
  }
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) {
      digits = true;
      ++i;
    }
  }
  if (digits && i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
  }
  return digits && i == t.size();
}

bool is_yaml_keyword(std::string_view t) {
  std::string lower;
  for (char c : t) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static constexpr std::string_view kWords[] = {"true", "false", "yes", "no", "on", "off",
                                                "null", "y",     "n",   "~",  "<<"};
  for (std::string_view w : kWords) {
    if (lower == w) return true;
  }
  return false;
}

// Characters some YAML readers (YAML 1.1) take as a line break, and the byte-order mark,
// which must not start or sit in plain text: NEL, LINE and PARAGRAPH SEPARATOR, BOM.
constexpr std::string_view kUnicodeBreaks[] = {"\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9",
                                               "\xEF\xBB\xBF"};

// Whether text may stand in YAML as it is, without escapes, on one line: UTF-8, no control
// character (no line break; a tab only if `tab`), no noncharacter, no Unicode line break.
bool fits_one_line(std::string_view t, bool tab = false) {
  if (find_text_problem(t)) return false;
  if (t.find_first_of(tab ? "\n" : "\t\n") != std::string_view::npos) return false;
  for (std::string_view b : kUnicodeBreaks) {
    if (t.find(b) != std::string_view::npos) return false;
  }
  return true;
}

bool plain_ok(std::string_view t) {
  if (t.empty() || t.front() == ' ' || t.back() == ' ' || t.back() == ':') return false;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(t.front()) != std::string_view::npos)
    return false;
  if (t.find(": ") != std::string_view::npos || t.find(" #") != std::string_view::npos)
    return false;
  if (!fits_one_line(t)) return false;
  return !looks_like_number(t) && !is_yaml_keyword(t);
}

}  // namespace

std::string yaml_scalar(std::string_view text) {
  if (plain_ok(text)) return std::string(text);
  // Double-quoted: every character that is not plain printable text is an escape, so the
  // scalar is one line that ends at its closing quote whatever the text holds. Bytes that are
  // not UTF-8 are written as U+FFFD (YAML text is UTF-8).
  std::string out = "\"";
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    switch (c) {
      case '"':
        out += "\\\"";
        ++i;
        continue;
      case '\\':
        out += "\\\\";
        ++i;
        continue;
      case '\n':
        out += "\\n";
        ++i;
        continue;
      case '\t':
        out += "\\t";
        ++i;
        continue;
      case '\r':
        out += "\\r";
        ++i;
        continue;
      default:
        break;
    }
    unsigned int cp = 0;
    const size_t len = utf8_sequence_length(text, i, &cp);
    if (len == 0) {
      out += "\\uFFFD";
      ++i;
      continue;
    }
    const std::string_view one = text.substr(i, len);
    const bool escaped = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
                         cp == 0xFEFF || find_text_problem(one);
    if (!escaped) {
      out += one;
    } else if (cp < 0x100) {
      out += fmt::format("\\x{:02X}", cp);
    } else if (cp < 0x10000) {
      out += fmt::format("\\u{:04X}", cp);
    } else {
      out += fmt::format("\\U{:08X}", cp);
    }
    i += len;
  }
  out += '"';
  return out;
}

std::string yaml_flow_scalar(std::string_view text) {
  std::string out = yaml_scalar(text);
  if (out.front() != '"' && out.find_first_of(",[]{}") != std::string::npos) {
    out = "\"";
    for (char c : text) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out;
}

bool fits_yaml_block(std::string_view text) {
  if (text.find('\n') == std::string_view::npos) return false;
  if (text.front() == ' ' || text.front() == '\n' || text.back() == '\n') return false;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (!line.empty() && (line.back() == ' ' || line.back() == '\t')) return false;
    if (!fits_one_line(line, true)) return false;
    start = end + 1;
  }
  return true;
}

std::string yaml_field(int indent, std::string_view key, std::string_view value) {
  const std::string pad(static_cast<size_t>(indent), ' ');
  if (!fits_yaml_block(value)) return fmt::format("{}{}: {}\n", pad, key, yaml_scalar(value));
  std::string out = fmt::format("{}{}: |-\n", pad, key);
  size_t start = 0;
  while (start <= value.size()) {
    size_t end = value.find('\n', start);
    if (end == std::string_view::npos) end = value.size();
    const std::string_view line = value.substr(start, end - start);
    out += line.empty() ? "\n" : fmt::format("{}  {}\n", pad, line);
    start = end + 1;
  }
  return out;
}

std::string yaml_comment(std::string_view text) {
  // Carriage returns, as line feeds, are folded like every other line break; what is left
  // unfit for text (control characters, bad bytes) is U+FFFD.
  std::string lf(text);
  std::replace(lf.begin(), lf.end(), '\r', '\n');
  const std::string fit = replace_unfit_text(lf);
  const std::string_view t = fit;
  std::string out = "#";
  bool space = true;
  for (size_t i = 0; i < t.size();) {
    size_t len = 1;
    bool blank = t[i] == '\n' || t[i] == '\t' || t[i] == ' ';
    for (std::string_view b : kUnicodeBreaks) {
      if (t.substr(i, b.size()) == b) blank = true, len = b.size();
    }
    if (blank) {
      space = true;
    } else {
      if (space) out += ' ';
      space = false;
      out += t[i];
    }
    i += len;
  }
  return out;
}

namespace {

std::string percent_encode(std::string_view text, std::string_view also) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '%' || c == '\r' || c == '\n' || also.find(c) != std::string_view::npos) {
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string escape_github_data(std::string_view text) {
  return percent_encode(text, "");
}

std::string escape_github_property(std::string_view text) {
  return percent_encode(text, ":,");
}

std::string escape_uri_path(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    const bool unreserved = std::isalnum(u) != 0 && u < 0x80;
    if (unreserved || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return out;
}

std::string escape_roff(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    line_start = c == '\n';
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  return out;
}

std::string terminal_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (byte == '\t' || byte == '\n' || (byte >= 0x20 && byte != 0x7F)) {
        out += static_cast<char>(byte);
      } else {
        out += '^';
        out += static_cast<char>(byte == 0x7F ? '?' : byte + 0x40);
      }
      ++i;
      continue;
    }
    // The length of a well-formed UTF-8 sequence starting here, or 0.
    size_t length = 0;
    unsigned int cp = 0;
    if (byte >= 0xC2 && byte <= 0xDF)
      length = 2, cp = byte & 0x1F;
    else if (byte >= 0xE0 && byte <= 0xEF)
      length = 3, cp = byte & 0x0F;
    else if (byte >= 0xF0 && byte <= 0xF4)
      length = 4, cp = byte & 0x07;
    if (length == 0 || i + length > text.size()) length = 0;
    for (size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) {
        length = 0;
        break;
      }
      cp = (cp << 6) | (next & 0x3F);
    }
    if (length == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) length = 0;
    if (length == 4 && (cp < 0x10000 || cp > 0x10FFFF)) length = 0;
    if (length == 0) {
      out += fmt::format("<0x{:02X}>", byte);
      ++i;
      continue;
    }
    const bool hidden = (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
                        (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F;
    if (hidden) {
      out += fmt::format("<U+{:04X}>", cp);
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

}  // namespace iact
