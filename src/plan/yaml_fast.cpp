#include "plan/yaml_fast.h"

#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "util/text.h"

namespace iact {

namespace {

// Thrown to decline the text: yaml-cpp reads it instead. Caught in parse_yaml_fast.
struct Decline {};

[[noreturn]] void decline() {
  throw Decline{};
}

struct Line {
  size_t begin = 0;   // offset of the line's first byte
  size_t end = 0;     // offset of its line break (or of the end of the text)
  int indent = 0;     // leading spaces
  bool blank = true;  // only spaces, or a comment
  bool empty = true;  // only spaces
};

// The characters a plain scalar may not start with, in any context.
bool is_indicator(char c) {
  switch (c) {
    case '-':
    case '?':
    case ':':
    case ',':
    case '[':
    case ']':
    case '{':
    case '}':
    case '#':
    case '&':
    case '*':
    case '!':
    case '|':
    case '>':
    case '\'':
    case '"':
    case '%':
    case '@':
    case '`':
      return true;
    default:
      return false;
  }
}

bool is_null_word(std::string_view s) {
  return s == "~" || s == "null" || s == "Null" || s == "NULL";
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A code point as UTF-8; surrogates and values past U+10FFFF are left to yaml-cpp.
void append_code_point(std::string& out, unsigned long cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) decline();
  append_utf8(out, static_cast<unsigned int>(cp));
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) { split_lines(); }

  YamlNode document() {
    size_t li = next_content(0);
    if (li >= lines_.size()) decline();  // no content: yaml-cpp says so
    const Line& first = lines_[li];
    const size_t at = first.begin + first.indent;
    YamlNode root;
    if (starts_entry(at, first.end)) {
      root = block_sequence(li, first.indent);
    } else if (key_end(at, first.end) != std::string_view::npos) {
      root = block_mapping(li, first.indent);
    } else {
      decline();
    }
    if (next_content(li_) < lines_.size()) decline();  // more content at a lower indentation
    return root;
  }

 private:
  void split_lines() {
    size_t begin = 0;
    while (begin <= text_.size()) {
      size_t end = text_.find('\n', begin);
      if (end == std::string_view::npos) end = text_.size();
      Line line{begin, end, 0, true, true};
      size_t i = begin;
      while (i < end && text_[i] == ' ') ++i;
      line.indent = static_cast<int>(i - begin);
      line.empty = i == end;
      line.blank = line.empty || text_[i] == '#';
      for (size_t j = begin; j < end; ++j) {
        const auto c = static_cast<unsigned char>(text_[j]);
        // Tabs, carriage returns and other control characters; C1 controls, byte-order
        // marks and the Unicode line and paragraph separators, which YAML readers treat
        // in different ways: all left to yaml-cpp.
        if (c < 0x20 || c == 0x7F) decline();
        if (c == 0xC2 && j + 1 < end && static_cast<unsigned char>(text_[j + 1]) < 0xA0) decline();
        if (c == 0xEF && text_.substr(j, 3) == "\xEF\xBB\xBF") decline();
        if (c == 0xE2 &&
            (text_.substr(j, 3) == "\xE2\x80\xA8" || text_.substr(j, 3) == "\xE2\x80\xA9"))
          decline();
      }
      // Document markers and directives.
      if (end - begin >= 3 &&
          (text_.substr(begin, 3) == "---" || text_.substr(begin, 3) == "...") &&
          (end - begin == 3 || text_[begin + 3] == ' '))
        decline();
      if (end > begin && text_[begin] == '%') decline();
      // Spaces at the very end, with no line break after them: yaml-cpp may keep them in a
      // block scalar's value.
      if (end == text_.size() && line.empty && end > begin) decline();
      lines_.push_back(line);
      if (end == text_.size()) break;
      begin = end + 1;
    }
  }

  // The first line at or after `li` with content (not blank, not a comment).
  size_t next_content(size_t li) const {
    while (li < lines_.size() && lines_[li].blank) ++li;
    return li;
  }

  Pos pos_of(size_t li, size_t offset) const {
    return Pos{static_cast<int>(li) + 1, static_cast<int>(offset - lines_[li].begin) + 1};
  }

  // Whether a block sequence entry ("-" then a space or the end of the line) starts at `at`.
  bool starts_entry(size_t at, size_t end) const {
    return at < end && text_[at] == '-' && (at + 1 == end || text_[at + 1] == ' ');
  }

  // If a mapping key starts at `at` on a line ending at `end`: the offset of its ':'.
  size_t key_end(size_t at, size_t end) const {
    if (at >= end) return std::string_view::npos;
    const char c = text_[at];
    if (c == '"' || c == '\'') {
      const size_t close = quoted_end(at, end);
      if (close == std::string_view::npos) return std::string_view::npos;
      const size_t colon = close + 1;
      if (colon < end && text_[colon] == ':' && (colon + 1 == end || text_[colon + 1] == ' '))
        return colon;
      return std::string_view::npos;
    }
    if (is_indicator(c)) return std::string_view::npos;
    for (size_t i = at; i < end; ++i) {
      const char k = text_[i];
      if (k == '#' && text_[i - 1] == ' ') return std::string_view::npos;
      if (k == ',' || k == '[' || k == ']' || k == '{' || k == '}') return std::string_view::npos;
      if (k == ':' && (i + 1 == end || text_[i + 1] == ' ')) return i;
    }
    return std::string_view::npos;
  }

  // The offset of the closing quote of a quoted scalar opening at `at`, on this line.
  size_t quoted_end(size_t at, size_t end) const {
    const char q = text_[at];
    for (size_t i = at + 1; i < end; ++i) {
      if (q == '"' && text_[i] == '\\') {
        ++i;
        continue;
      }
      if (text_[i] == q) {
        if (q == '\'' && i + 1 < end && text_[i + 1] == '\'') {
          ++i;
          continue;
        }
        return i;
      }
    }
    return std::string_view::npos;
  }

  std::string unquote(size_t at, size_t close) const {
    std::string out;
    const char q = text_[at];
    for (size_t i = at + 1; i < close; ++i) {
      const char c = text_[i];
      if (q == '\'') {
        out += c;
        if (c == '\'') ++i;  // '' is one quote
        continue;
      }
      if (c != '\\') {
        out += c;
        continue;
      }
      const char e = text_[++i];
      switch (e) {
        case '0':
          out += '\0';
          break;
        case 'a':
          out += '\a';
          break;
        case 'b':
          out += '\b';
          break;
        case 't':
          out += '\t';
          break;
        case 'n':
          out += '\n';
          break;
        case 'v':
          out += '\v';
          break;
        case 'f':
          out += '\f';
          break;
        case 'r':
          out += '\r';
          break;
        case 'e':
          out += '\x1b';
          break;
        case ' ':
          out += ' ';
          break;
        case '"':
          out += '"';
          break;
        case '/':
          out += '/';
          break;
        case '\\':
          out += '\\';
          break;
        case 'x':
        case 'u':
        case 'U': {
          const int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          if (i + digits >= close) decline();
          unsigned long cp = 0;
          for (int d = 1; d <= digits; ++d) {
            const int h = hex_value(text_[i + d]);
            if (h < 0) decline();
            cp = cp * 16 + static_cast<unsigned long>(h);
          }
          append_code_point(out, cp);
          i += digits;
          break;
        }
        default:
          decline();  // \N, \_, \L, \P and anything unknown: let yaml-cpp decide
      }
    }
    return out;
  }

  // After a value on a line: nothing, or a comment.
  void expect_line_end(size_t at, size_t end) const {
    while (at < end && text_[at] == ' ') ++at;
    if (at == end) return;
    if (text_[at] == '#' && text_[at - 1] == ' ') return;
    decline();
  }

  void enter() {
    if (++depth_ > kMaxYamlDepth - 2) decline();
  }

  // A block mapping whose keys start at column `indent`; its first key is on line `li`, at
  // that column (which, after "- ", may be inside the line).
  YamlNode block_mapping(size_t li, int indent) {
    enter();
    YamlNode map;
    map.kind = YamlNode::Kind::kMap;
    map.pos = Pos{static_cast<int>(li) + 1, indent + 1};
    std::unordered_set<std::string> keys;
    size_t at = lines_[li].begin + static_cast<size_t>(indent);
    while (true) {
      const Line& line = lines_[li];
      const size_t colon = key_end(at, line.end);
      if (colon == std::string_view::npos) decline();
      YamlEntry entry;
      entry.key_pos = pos_of(li, at);
      if (text_[at] == '"' || text_[at] == '\'') {
        entry.key = unquote(at, colon - 1);
      } else {
        size_t last = colon;
        while (last > at && text_[last - 1] == ' ') --last;
        entry.key.assign(text_.substr(at, last - at));
        if (is_null_word(entry.key)) decline();
      }
      if (!keys.insert(entry.key).second) decline();  // yaml-cpp's path reports it
      if (colon - at > 1000) decline();               // YAML allows keys of 1024 characters
      entry.value = std::make_unique<YamlNode>(value_after(li, colon + 1, indent, true));
      map.entries.push_back(std::move(entry));
      // The next key, at this mapping's column.
      li = next_content(li_);
      if (li >= lines_.size() || lines_[li].indent < indent) break;
      if (lines_[li].indent > indent) decline();
      at = lines_[li].begin + static_cast<size_t>(indent);
      if (starts_entry(at, lines_[li].end)) decline();  // "- x" where a key should be
    }
    li_ = li;
    --depth_;
    return map;
  }

  // A block sequence whose "-" are at column `indent`, the first on line `li`.
  YamlNode block_sequence(size_t li, int indent) {
    enter();
    YamlNode seq;
    seq.kind = YamlNode::Kind::kSequence;
    seq.pos = Pos{static_cast<int>(li) + 1, indent + 1};
    while (true) {
      const Line& line = lines_[li];
      const size_t dash = line.begin + static_cast<size_t>(indent);
      if (!starts_entry(dash, line.end)) decline();
      size_t at = dash + 1;
      while (at < line.end && text_[at] == ' ') ++at;
      if (at < line.end && text_[at] != '#' && key_end(at, line.end) != std::string_view::npos) {
        seq.items.push_back(block_mapping(li, static_cast<int>(at - line.begin)));
      } else {
        if (starts_entry(at, line.end)) decline();  // "- - x"
        seq.items.push_back(value_after(li, dash + 1, indent, false));
      }
      li = next_content(li_);
      if (li >= lines_.size() || lines_[li].indent < indent) break;
      if (lines_[li].indent > indent) decline();
      if (!starts_entry(lines_[li].begin + static_cast<size_t>(indent), lines_[li].end)) break;
    }
    li_ = li;
    --depth_;
    return seq;
  }

  // The value that follows a key's ':' or an entry's '-' at `at` on line `li`, in a block
  // collection at column `indent`. Leaves li_ on the line after the value.
  YamlNode value_after(size_t li, size_t at, int indent, bool in_mapping) {
    const Line& line = lines_[li];
    while (at < line.end && text_[at] == ' ') ++at;
    if (at == line.end || (text_[at] == '#' && text_[at - 1] == ' ')) {
      // The value is on the following lines: a nested collection.
      const size_t next = next_content(li + 1);
      if (next >= lines_.size()) decline();  // an empty value
      const Line& n = lines_[next];
      const size_t start = n.begin + static_cast<size_t>(n.indent);
      const bool entry = starts_entry(start, n.end);
      if (n.indent > indent || (in_mapping && n.indent == indent && entry)) {
        if (entry) return block_sequence(next, n.indent);
        if (key_end(start, n.end) != std::string_view::npos) return block_mapping(next, n.indent);
      }
      decline();  // an empty value, or a scalar on the next line
    }
    li_ = li + 1;
    const char c = text_[at];
    if (c == '[' || c == '{') {
      size_t i = at;
      YamlNode node = flow(li, i);
      expect_line_end(i, line.end);
      return node;
    }
    if (c == '"' || c == '\'') {
      const size_t close = quoted_end(at, line.end);
      if (close == std::string_view::npos) decline();  // runs on to another line
      YamlNode node;
      node.kind = YamlNode::Kind::kScalar;
      node.pos = pos_of(li, at);
      node.quoted = true;
      node.scalar = unquote(at, close);
      expect_line_end(close + 1, line.end);
      return node;
    }
    if (c == '|' || c == '>') return block_scalar(li, at, indent);
    // "-5", "?x" and ":x" are plain text; other indicators are not.
    const bool plain_start =
        (c == '-' || c == '?' || c == ':') && at + 1 < line.end && text_[at + 1] != ' ';
    if (is_indicator(c) && !plain_start) decline();
    return plain_scalar(li, at, indent);
  }

  // A plain scalar from `at`, with any continuation lines (more indented than `indent`)
  // folded into it with spaces.
  YamlNode plain_scalar(size_t li, size_t at, int indent) {
    YamlNode node;
    node.kind = YamlNode::Kind::kScalar;
    node.pos = pos_of(li, at);
    bool comment = false;
    node.scalar = plain_line(at, lines_[li].end, comment);
    size_t next = li + 1;
    // A comment ends the scalar; until one, more-indented lines go on with it.
    while (!comment && next < lines_.size() && !lines_[next].empty &&
           lines_[next].indent > indent) {
      const Line& n = lines_[next];
      const size_t start = n.begin + static_cast<size_t>(n.indent);
      if (text_[start] == '#' || is_indicator(text_[start])) decline();
      node.scalar += ' ';
      node.scalar += plain_line(start, n.end, comment);
      ++next;
    }
    // More of it after a blank line (a line break in the value) or after a comment (an error).
    const size_t after = next_content(next);
    if (after < lines_.size() && lines_[after].indent > indent) decline();
    li_ = next;
    if (is_null_word(node.scalar)) {
      node.kind = YamlNode::Kind::kNull;
      node.scalar.clear();
    }
    return node;
  }

  // One line of a plain scalar in block context: up to a comment (`comment` says whether
  // there was one), without trailing spaces.
  std::string plain_line(size_t at, size_t end, bool& comment) const {
    size_t stop = end;
    for (size_t i = at; i < end; ++i) {
      if (text_[i] == '#' && i > at && text_[i - 1] == ' ') {
        stop = i;
        comment = true;
        break;
      }
      if (text_[i] == ':' && (i + 1 == end || text_[i + 1] == ' ')) decline();
    }
    while (stop > at && text_[stop - 1] == ' ') --stop;
    if (stop == at) decline();
    return std::string(text_.substr(at, stop - at));
  }

  // A literal (|) or folded (>) block scalar whose indicator is at `at`, its content on the
  // lines after, more indented than `indent`.
  YamlNode block_scalar(size_t li, size_t at, int indent) {
    const Line& line = lines_[li];
    const bool folded = text_[at] == '>';
    size_t i = at + 1;
    char chomp = ' ';
    if (i < line.end && (text_[i] == '-' || text_[i] == '+')) chomp = text_[i++];
    if (chomp == '+') decline();
    expect_line_end(i, line.end);
    // Content lines: from the first non-empty line's indentation.
    const size_t first = li + 1;
    // No content, or empty lines before it (which would be line breaks at its start).
    if (first >= lines_.size() || lines_[first].empty || lines_[first].indent <= indent) decline();
    const int m = lines_[first].indent;
    std::vector<std::string_view> content;
    size_t k = first;
    size_t last_content = first;
    for (; k < lines_.size(); ++k) {
      const Line& l = lines_[k];
      if (l.empty) {
        if (l.indent > m) decline();
        content.emplace_back();
        continue;
      }
      if (l.indent < m) break;
      if (folded && l.indent > m) decline();  // more-indented lines keep their breaks
      std::string_view text =
          text_.substr(l.begin + static_cast<size_t>(m), l.end - l.begin - static_cast<size_t>(m));
      if (!text.empty() && text.back() == ' ') decline();
      content.push_back(text);
      last_content = k;
    }
    while (!content.empty() && content.back().empty()) content.pop_back();
    std::string value;
    for (size_t c = 0; c < content.size(); ++c) {
      if (c > 0) {
        if (!folded) {
          value += '\n';
        } else if (content[c].empty()) {
          value += '\n';
        } else if (!content[c - 1].empty()) {
          value += ' ';
        }
      }
      value += content[c];
    }
    // Clipped: the line break after the last line, if the text has one.
    if (chomp != '-' && lines_[last_content].end < text_.size()) value += '\n';
    li_ = k;
    YamlNode node;
    node.kind = YamlNode::Kind::kScalar;
    node.pos = pos_of(li, at);
    node.quoted = true;  // yaml-cpp tags every non-plain scalar "!"
    node.scalar = std::move(value);
    return node;
  }

  // A flow collection on one line, from the '[' or '{' at `i`; leaves `i` after its close.
  YamlNode flow(size_t li, size_t& i) {
    enter();
    const size_t end = lines_[li].end;
    YamlNode node;
    node.pos = pos_of(li, i);
    const bool map = text_[i] == '{';
    node.kind = map ? YamlNode::Kind::kMap : YamlNode::Kind::kSequence;
    const char close = map ? '}' : ']';
    ++i;
    std::unordered_set<std::string> keys;
    bool first = true;
    while (true) {
      skip_spaces(i, end);
      if (i >= end) decline();  // runs on to another line
      if (text_[i] == close) {
        ++i;
        break;
      }
      if (!first) {
        if (text_[i] != ',') decline();
        ++i;
        skip_spaces(i, end);
        if (i >= end || text_[i] == close || text_[i] == ',') decline();  // [a, ] or [a,,b]
      }
      first = false;
      if (map) {
        YamlEntry entry;
        entry.key_pos = pos_of(li, i);
        YamlNode key = flow_scalar(li, i, end);
        if (key.kind != YamlNode::Kind::kScalar) decline();
        entry.key = std::move(key.scalar);
        if (i >= end || text_[i] != ':') decline();
        ++i;
        if (i < end && text_[i] != ' ') decline();
        skip_spaces(i, end);
        if (i >= end || text_[i] == ',' || text_[i] == '}') decline();  // an empty value
        if (!keys.insert(entry.key).second) decline();
        entry.value = std::make_unique<YamlNode>(flow_value(li, i, end));
        skip_spaces(i, end);
        node.entries.push_back(std::move(entry));
      } else {
        node.items.push_back(flow_value(li, i, end));
        skip_spaces(i, end);
        if (i < end && text_[i] == ':') decline();  // a compact mapping in a sequence
      }
    }
    --depth_;
    return node;
  }

  void skip_spaces(size_t& i, size_t end) const {
    while (i < end && text_[i] == ' ') ++i;
  }

  YamlNode flow_value(size_t li, size_t& i, size_t end) {
    if (text_[i] == '[' || text_[i] == '{') return flow(li, i);
    return flow_scalar(li, i, end);
  }

  // A quoted or plain scalar inside a flow collection; leaves `i` after it.
  YamlNode flow_scalar(size_t li, size_t& i, size_t end) {
    YamlNode node;
    node.kind = YamlNode::Kind::kScalar;
    node.pos = pos_of(li, i);
    const char c = text_[i];
    if (c == '"' || c == '\'') {
      const size_t close = quoted_end(i, end);
      if (close == std::string_view::npos) decline();
      node.quoted = true;
      node.scalar = unquote(i, close);
      i = close + 1;
      skip_spaces(i, end);
      return node;
    }
    if (is_indicator(c)) decline();
    const size_t start = i;
    while (i < end) {
      const char k = text_[i];
      if (k == ',' || k == '[' || k == ']' || k == '{' || k == '}' || k == ':') break;
      if (k == '?') decline();  // yaml-cpp ends a plain scalar in a flow collection here
      if (k == '#' && text_[i - 1] == ' ') decline();  // a comment inside an open collection
      ++i;
    }
    size_t last = i;
    while (last > start && text_[last - 1] == ' ') --last;
    if (last == start) decline();
    node.scalar.assign(text_.substr(start, last - start));
    if (is_null_word(node.scalar)) {
      node.kind = YamlNode::Kind::kNull;
      node.scalar.clear();
    }
    return node;
  }

  std::string_view text_;
  std::vector<Line> lines_;
  size_t li_ = 0;  // the line after the last node read
  int depth_ = 0;
};

}  // namespace

std::optional<YamlNode> parse_yaml_fast(std::string_view text) {
  try {
    Parser parser(text);
    return parser.document();
  } catch (const Decline&) {
    return std::nullopt;
  }
}

bool same_yaml_tree(const YamlNode& a, const YamlNode& b, std::string& where) {
  auto differ = [&](const std::string& what) {
    where = fmt::format("{} at {}:{} / {}:{}", what, a.pos.line, a.pos.column, b.pos.line,
                        b.pos.column);
    return false;
  };
  if (a.kind != b.kind) return differ("kind");
  if (a.pos.line != b.pos.line || a.pos.column != b.pos.column) return differ("position");
  if (a.scalar != b.scalar) return differ(fmt::format("value '{}' / '{}'", a.scalar, b.scalar));
  if (a.quoted != b.quoted) return differ("quoting");
  if (a.items.size() != b.items.size()) return differ("item count");
  if (a.entries.size() != b.entries.size()) return differ("entry count");
  for (size_t i = 0; i < a.items.size(); ++i) {
    if (!same_yaml_tree(a.items[i], b.items[i], where)) return false;
  }
  for (size_t i = 0; i < a.entries.size(); ++i) {
    const YamlEntry& x = a.entries[i];
    const YamlEntry& y = b.entries[i];
    if (x.key != y.key) return differ(fmt::format("key '{}' / '{}'", x.key, y.key));
    if (x.key_pos.line != y.key_pos.line || x.key_pos.column != y.key_pos.column)
      return differ(fmt::format("position of key '{}'", x.key));
    if (!same_yaml_tree(*x.value, *y.value, where)) return false;
  }
  return true;
}

}  // namespace iact
