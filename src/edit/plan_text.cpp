#include "edit/plan_text.h"

#include <algorithm>

#include <fmt/format.h>

#include "util/escape.h"
#include "util/work_count.h"

namespace iact {

namespace {

// Where the value that starts at `start` ends on its line: after a quoted scalar's closing
// quote, a flow collection's closing bracket, or a plain scalar's last character before a
// comment.
size_t value_end(const std::string& line, size_t start) {
  if (start >= line.size()) return line.size();
  const char c = line[start];
  if (c == '"') {
    for (size_t i = start + 1; i < line.size(); ++i) {
      if (line[i] == '\\') {
        ++i;
      } else if (line[i] == '"') {
        return i + 1;
      }
    }
    return line.size();
  }
  if (c == '\'') {
    for (size_t i = start + 1; i < line.size(); ++i) {
      if (line[i] != '\'') continue;
      if (i + 1 < line.size() && line[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i + 1;
    }
    return line.size();
  }
  if (c == '[' || c == '{') {
    int depth = 0;
    char quote = 0;
    for (size_t i = start; i < line.size(); ++i) {
      const char d = line[i];
      if (quote) {
        if (d == quote) quote = 0;
        continue;
      }
      if (d == '"' || d == '\'') {
        quote = d;
      } else if (d == '[' || d == '{') {
        ++depth;
      } else if ((d == ']' || d == '}') && --depth == 0) {
        return i + 1;
      }
    }
    return line.size();
  }
  size_t end = line.find(" #", start);
  if (end == std::string::npos) end = line.size();
  while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
  return end;
}

bool trim_blank(const std::string& line) {
  return line.find_first_not_of(" \t") == std::string::npos;
}

std::vector<std::string> split(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

PlanText::PlanText(std::string text, std::string display, Diagnostics& diags)
    : display_(std::move(display)) {
  final_newline_ = text.empty() || text.back() == '\n';
  if (text.find("\r\n") != std::string::npos) eol_ = "\r\n";
  lines_ = split(text);
  if (final_newline_ && !lines_.empty() && lines_.back().empty()) lines_.pop_back();
  for (std::string& l : lines_) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
  }
  count_work(Work::kPlanBytes, text.size());
  root_ = parse_yaml(this->text(), display_, diags);
  if (root_ && !root_->is_map()) root_.reset();
}

std::string PlanText::text() const {
  std::string out;
  for (size_t i = 0; i < lines_.size(); ++i) {
    out += lines_[i];
    if (i + 1 < lines_.size() || final_newline_) out += eol_;
  }
  return out;
}

bool PlanText::reparse(std::string& error) {
  Diagnostics d;
  const std::string now = text();
  count_work(Work::kPlanBytes, now.size());
  std::optional<YamlNode> root = parse_yaml(now, display_, d);
  if (!root || !root->is_map()) {
    error = fmt::format("the edit would leave {} unreadable as YAML", display_);
    return false;
  }
  root_ = std::move(root);
  return true;
}

const YamlNode* PlanText::action(std::string_view id) const {
  if (!root_) return nullptr;
  const YamlEntry* actions = root_->find("actions");
  if (!actions || !actions->value->is_sequence()) return nullptr;
  for (const YamlNode& item : actions->value->items) {
    if (!item.is_map()) continue;
    const YamlEntry* e = item.find("id");
    if (e && e->value->is_scalar() && e->value->scalar == id) return &item;
  }
  return nullptr;
}

size_t PlanText::indent_of(size_t line) const {
  const std::string& l = lines_[line];
  size_t i = 0;
  while (i < l.size() && l[i] == ' ') ++i;
  return i;
}

bool PlanText::blank_or_comment(size_t line) const {
  const std::string& l = lines_[line];
  const size_t i = l.find_first_not_of(" \t");
  return i == std::string::npos || l[i] == '#';
}

PlanText::Region PlanText::entry_region(const YamlEntry& e) const {
  Region r;
  r.first = static_cast<size_t>(std::max(e.key_pos.line, 1) - 1);
  r.last = r.first;
  const size_t key_indent = static_cast<size_t>(std::max(e.key_pos.column, 1) - 1);
  for (size_t j = r.first + 1; j < lines_.size(); ++j) {
    if (blank_or_comment(j)) {
      // A comment indented under the key belongs to it (or is text in a block scalar).
      const std::string& l = lines_[j];
      if (l.find_first_not_of(" \t") != std::string::npos && indent_of(j) > key_indent) r.last = j;
      continue;
    }
    // A list may sit flush with its key ("actions:" then "- id: A" under it, not indented).
    const std::string& l = lines_[j];
    const size_t at = indent_of(j);
    const bool flush_item = at == key_indent && l.size() > at && l[at] == '-' &&
                            (l.size() == at + 1 || l[at + 1] == ' ');
    if (at < key_indent || (at == key_indent && !flush_item)) break;
    r.last = j;
  }
  return r;
}

size_t PlanText::map_last_line(const YamlNode& map) const {
  size_t last = static_cast<size_t>(std::max(map.pos.line, 1) - 1);
  for (const YamlEntry& e : map.entries) last = std::max(last, entry_region(e).last);
  return last;
}

size_t PlanText::insertion_line(const YamlNode& map,
                                const std::vector<std::string_view>& after) const {
  std::optional<size_t> last;
  for (std::string_view key : after) {
    if (const YamlEntry* e = map.find(key))
      last = std::max(last.value_or(0), entry_region(*e).last);
  }
  return last ? *last : map_last_line(map);
}

namespace {

// Whether a mapping is written one `key: value` a line (only spaces and a list dash before
// its first key), the only shape edited in place.
bool block_style(const std::vector<std::string>& lines, const YamlNode& map) {
  if (map.entries.empty()) return false;
  const Pos p = map.entries.front().key_pos;
  if (p.line < 1 || static_cast<size_t>(p.line) > lines.size()) return false;
  const std::string& l = lines[static_cast<size_t>(p.line) - 1];
  const size_t col = std::min(static_cast<size_t>(p.column - 1), l.size());
  return std::all_of(l.begin(), l.begin() + static_cast<std::ptrdiff_t>(col),
                     [](char c) { return c == ' ' || c == '-'; });
}

}  // namespace

bool PlanText::set_action_field(std::string_view id, std::string_view key, std::string_view value,
                                const std::vector<std::string_view>& after, std::string& error) {
  const YamlNode* a = action(id);
  if (!a) {
    error = fmt::format("{} has no action '{}'", display_, id);
    return false;
  }
  if (!block_style(lines_, *a)) {
    error = fmt::format(
        "action {} in {} is written inline ({{ ... }}); write it one `key: "
        "value` a line so that iact can edit it",
        id, display_);
    return false;
  }
  const std::vector<std::string> before = lines_;
  const size_t key_indent = static_cast<size_t>(a->entries.front().key_pos.column - 1);
  if (const YamlEntry* e = a->find(key)) {
    const Region r = entry_region(*e);
    const YamlNode& v = *e->value;
    const bool inline_value = v.is_null() || static_cast<size_t>(v.pos.line - 1) == r.first;
    if (r.first == r.last && inline_value) {
      std::string& line = lines_[r.first];
      size_t start;
      if (v.is_null() || !v.pos.known()) {
        start = line.find(':', static_cast<size_t>(e->key_pos.column - 1) + key.size());
        start = start == std::string::npos ? line.size() : start + 1;
        const size_t end = value_end(line, std::min(line.size(), start));
        line = line.substr(0, start) + " " + std::string(value) + line.substr(std::max(start, end));
      } else {
        start = static_cast<size_t>(v.pos.column - 1);
        const size_t end = value_end(line, start);
        line = line.substr(0, start) + std::string(value) + line.substr(end);
      }
    } else {
      const std::string replacement = std::string(static_cast<size_t>(e->key_pos.column - 1), ' ') +
                                      std::string(key) + ": " + std::string(value);
      lines_.erase(lines_.begin() + static_cast<std::ptrdiff_t>(r.first),
                   lines_.begin() + static_cast<std::ptrdiff_t>(r.last) + 1);
      lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(r.first), replacement);
    }
  } else {
    const size_t at = insertion_line(*a, after) + 1;
    lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(at),
                  std::string(key_indent, ' ') + std::string(key) + ": " + std::string(value));
  }
  if (!reparse(error)) {
    lines_ = before;
    return false;
  }
  return true;
}

bool PlanText::remove_action_field(std::string_view id, std::string_view key, std::string& error) {
  const YamlNode* a = action(id);
  if (!a) {
    error = fmt::format("{} has no action '{}'", display_, id);
    return false;
  }
  const YamlEntry* e = a->find(key);
  if (!e) return true;
  if (!block_style(lines_, *a) || e == &a->entries.front()) {
    error =
        fmt::format("'{}' of action {} in {} cannot be removed where it stands", key, id, display_);
    return false;
  }
  const std::vector<std::string> before = lines_;
  const Region r = entry_region(*e);
  lines_.erase(lines_.begin() + static_cast<std::ptrdiff_t>(r.first),
               lines_.begin() + static_cast<std::ptrdiff_t>(r.last) + 1);
  if (!reparse(error)) {
    lines_ = before;
    return false;
  }
  return true;
}

bool PlanText::append_to_action_list(std::string_view id, std::string_view key,
                                     std::string_view item,
                                     const std::vector<std::string_view>& after,
                                     std::string& error) {
  const YamlNode* a = action(id);
  if (!a) {
    error = fmt::format("{} has no action '{}'", display_, id);
    return false;
  }
  if (!block_style(lines_, *a)) {
    error = fmt::format(
        "action {} in {} is written inline ({{ ... }}); write it one `key: "
        "value` a line so that iact can edit it",
        id, display_);
    return false;
  }
  const std::vector<std::string> before = lines_;
  const size_t key_indent = static_cast<size_t>(a->entries.front().key_pos.column - 1);
  const std::vector<std::string> item_lines = split(item);
  auto item_block = [&](size_t dash) {
    std::vector<std::string> out;
    for (size_t i = 0; i < item_lines.size(); ++i) {
      if (i == 0) {
        out.push_back(std::string(dash, ' ') + "- " + item_lines[0]);
      } else if (item_lines[i].empty()) {
        out.emplace_back();
      } else {
        out.push_back(std::string(dash + 2, ' ') + item_lines[i]);
      }
    }
    return out;
  };
  std::vector<std::string> added;
  size_t at = 0;
  if (const YamlEntry* e = a->find(key)) {
    const YamlNode& v = *e->value;
    const Region r = entry_region(*e);
    const bool block_list = v.is_sequence() && !v.items.empty() &&
                            static_cast<size_t>(v.items.front().pos.line - 1) > r.first;
    if (block_list) {
      const YamlNode& first = v.items.front();
      const std::string& line = lines_[static_cast<size_t>(first.pos.line - 1)];
      size_t dash = line.rfind('-', static_cast<size_t>(std::max(first.pos.column - 2, 0)));
      if (dash == std::string::npos) dash = static_cast<size_t>(e->key_pos.column - 1) + 2;
      added = item_block(dash);
      at = r.last + 1;
    } else if (v.is_null() || (v.is_sequence() && v.items.empty() && r.first == r.last)) {
      // `updates:` or `updates: []`: the list starts on the next line.
      lines_[r.first] =
          std::string(static_cast<size_t>(e->key_pos.column - 1), ' ') + std::string(key) + ":";
      added = item_block(static_cast<size_t>(e->key_pos.column - 1) + 2);
      at = r.first + 1;
    } else if (v.is_scalar() && r.first == r.last && item_lines.size() == 1 &&
               static_cast<size_t>(v.pos.line - 1) == r.first) {
      // `evidence: One report`, a list of one written as its item: it becomes [old, new].
      std::string& line = lines_[r.first];
      const size_t start = static_cast<size_t>(v.pos.column - 1);
      const size_t end = value_end(line, start);
      std::string old_item = line.substr(start, end - start);
      if (old_item.find_first_of(",[]{}") != std::string::npos && old_item.front() != '"' &&
          old_item.front() != '\'')
        old_item = yaml_flow_scalar(v.scalar);
      line = line.substr(0, start) + "[" + old_item + ", " + item_lines[0] + "]" + line.substr(end);
      if (!reparse(error)) {
        lines_ = before;
        return false;
      }
      return true;
    } else if (v.is_sequence() && r.first == r.last && item_lines.size() == 1 &&
               static_cast<size_t>(v.pos.line - 1) == r.first) {
      // `evidence: [a, b]` on one line: the item goes before the closing bracket.
      std::string& line = lines_[r.first];
      const size_t start = static_cast<size_t>(v.pos.column - 1);
      const size_t end = value_end(line, start);
      if (end == 0 || end > line.size() || line[end - 1] != ']') {
        error = fmt::format("'{}' of action {} in {} cannot be added to where it stands", key, id,
                            display_);
        return false;
      }
      line.insert(end - 1, ", " + item_lines[0]);
      if (!reparse(error)) {
        lines_ = before;
        return false;
      }
      return true;
    } else {
      error = fmt::format(
          "'{}' of action {} in {} is written on one line; write it as a list, "
          "one `- ` item a line, so that iact can add to it",
          key, id, display_);
      return false;
    }
  } else {
    at = insertion_line(*a, after) + 1;
    added.push_back(std::string(key_indent, ' ') + std::string(key) + ":");
    for (std::string& l : item_block(key_indent + 2)) added.push_back(std::move(l));
  }
  lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(at), added.begin(), added.end());
  if (!reparse(error)) {
    lines_ = before;
    return false;
  }
  return true;
}

bool PlanText::append_actions(std::string_view block, std::string& error) {
  const std::vector<std::string> before = lines_;
  std::vector<std::string> added = split(block);
  while (!added.empty() && added.back().empty()) added.pop_back();
  const YamlEntry* actions = root_ ? root_->find("actions") : nullptr;
  if (!actions) {
    lines_.push_back("actions:");
    lines_.insert(lines_.end(), added.begin(), added.end());
  } else {
    const YamlNode& v = *actions->value;
    const Region r = entry_region(*actions);
    if (v.is_sequence() && !v.items.empty() &&
        static_cast<size_t>(v.items.front().pos.line - 1) > r.first) {
      // Re-indent to the file's own list indentation ("- id" or "  - id").
      const YamlNode& first = v.items.front();
      const std::string& line = lines_[static_cast<size_t>(first.pos.line - 1)];
      const size_t dash = line.find('-');
      const long delta = static_cast<long>(dash == std::string::npos ? 2 : dash) - 2;
      for (std::string& l : added) {
        if (l.empty()) continue;
        if (delta > 0) {
          l.insert(0, static_cast<size_t>(delta), ' ');
        } else if (delta < 0) {
          const size_t spaces = l.find_first_not_of(' ');
          l.erase(0, std::min(spaces, static_cast<size_t>(-delta)));
        }
      }
      // Blank lines between the new actions only if the file has them between its own; a
      // file of one action cannot say, so the block's own spacing stands.
      bool spaced =
          std::any_of(added.begin(), added.end(), [](const std::string& l) { return l.empty(); });
      if (v.items.size() >= 2) {
        const int second = v.items[1].pos.line;
        spaced = second >= 2 && trim_blank(lines_[static_cast<size_t>(second) - 2]);
      }
      if (!spaced) std::erase_if(added, [](const std::string& l) { return l.empty(); });
      if (spaced) added.insert(added.begin(), "");
      lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(r.last) + 1, added.begin(),
                    added.end());
    } else if (v.is_null() || (v.is_sequence() && v.items.empty() && r.first == r.last)) {
      lines_[r.first] = "actions:";
      lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(r.first) + 1, added.begin(),
                    added.end());
    } else {
      error = fmt::format(
          "`actions:` in {} is written on one line; write one `- id:` item a "
          "line so that iact can add to it",
          display_);
      return false;
    }
  }
  if (!reparse(error)) {
    lines_ = before;
    return false;
  }
  return true;
}

std::vector<PlanText::ActionLines> PlanText::action_lines() const {
  std::vector<ActionLines> out;
  if (!root_) return out;
  const YamlEntry* actions = root_->find("actions");
  if (!actions || !actions->value->is_sequence()) return out;
  for (const YamlNode& item : actions->value->items) {
    if (!item.is_map() || !block_style(lines_, item)) continue;
    const YamlEntry* id = item.find("id");
    if (!id || !id->value->is_scalar()) continue;
    // The dash must be on the first key's line: the cut-out piece starts there.
    const Pos p = item.entries.front().key_pos;
    const std::string& first = lines_[static_cast<size_t>(p.line) - 1];
    if (std::count(first.begin(), first.begin() + (p.column - 1), '-') != 1) continue;
    out.push_back(
        ActionLines{id->value->scalar, static_cast<size_t>(p.line) - 1, map_last_line(item)});
  }
  return out;
}

PlanActions::PlanActions(std::string text, std::string display, Diagnostics& diags)
    : display_(std::move(display)) {
  const PlanText whole(std::move(text), display_, diags);
  if (!whole.ok()) return;
  ok_ = true;
  eol_ = whole.eol();
  final_newline_ = whole.final_newline();
  const std::vector<std::string>& lines = whole.lines();
  size_t next = 0;                            // the first line not yet in a piece
  auto piece = [&](size_t from, size_t to) {  // lines [from, to)
    pieces_.emplace_back(lines.begin() + static_cast<std::ptrdiff_t>(from),
                         lines.begin() + static_cast<std::ptrdiff_t>(to));
  };
  for (const PlanText::ActionLines& a : whole.action_lines()) {
    if (a.first < next || piece_of_.count(a.id)) continue;  // the first of an id is edited
    piece(next, a.first);
    piece_of_.emplace(a.id, pieces_.size());
    piece(a.first, a.last + 1);
    next = a.last + 1;
  }
  piece(next, lines.size());
}

std::string PlanActions::text() const {
  std::string out;
  bool first = true;
  for (const std::vector<std::string>& piece : pieces_) {
    for (const std::string& line : piece) {
      if (!first) out += eol_;
      out += line;
      first = false;
    }
  }
  if (final_newline_ && !first) out += eol_;
  return out;
}

std::optional<PlanText> PlanActions::cut(std::string_view id, std::string& error) const {
  auto at = piece_of_.find(std::string(id));
  if (at == piece_of_.end()) {
    error = fmt::format("{} has no action '{}' written one key a line (`- id: {}`) to edit",
                        display_, id, id);
    return std::nullopt;
  }
  std::string text = "actions:\n";
  for (const std::string& line : pieces_[at->second]) text += line + "\n";
  Diagnostics diags;
  PlanText piece(std::move(text), display_, diags);
  if (!piece.ok() || !piece.action(id)) {
    error = fmt::format("action '{}' of {} cannot be edited on its own", id, display_);
    return std::nullopt;
  }
  return piece;
}

void PlanActions::put(std::string_view id, const PlanText& edited) {
  auto at = piece_of_.find(std::string(id));
  if (at == piece_of_.end() || edited.lines().empty()) return;
  pieces_[at->second].assign(edited.lines().begin() + 1, edited.lines().end());
}

}  // namespace iact
