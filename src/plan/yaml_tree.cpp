#include "plan/yaml_tree.h"

#include <set>
#include <sstream>
#include <unordered_set>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "plan/yaml_fast.h"
#include "util/text.h"

namespace iact {

const YamlEntry* YamlNode::find(std::string_view key) const {
  for (const YamlEntry& e : entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

std::string_view describe(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::kNull:
      return "empty";
    case YamlNode::Kind::kScalar:
      return "text";
    case YamlNode::Kind::kMap:
      return "a mapping";
    case YamlNode::Kind::kSequence:
      return "a list";
  }
  return "unknown";
}

namespace {

// How a list item is named in a key path (key_paths).
std::string item_name(const YamlNode& item, size_t index) {
  if (item.is_map()) {
    for (const std::string_view key : {"id", "date"}) {
      const YamlEntry* e = item.find(key);
      if (e && e->value && e->value->is_scalar()) return e->value->scalar;
    }
  }
  if (item.is_scalar()) return item.scalar;
  return std::to_string(index);
}

// Walks the tree keeping the path to each node as its segments ("actions", "[GOV-01]",
// "due"), and records the joined path of each wanted position.
class KeyPathWalk {
 public:
  explicit KeyPathWalk(const std::set<Pos>& wanted) : wanted_(wanted) {}

  void node(const YamlNode& n) {
    record(n.pos);
    if (n.is_map()) {
      for (const YamlEntry& e : n.entries) {
        std::string segment = segments_.empty() ? std::string() : std::string(".");
        segment += e.key;
        segments_.push_back(std::move(segment));
        record(e.key_pos);
        if (e.value) node(*e.value);
        segments_.pop_back();
      }
    } else if (n.is_sequence()) {
      for (size_t i = 0; i < n.items.size(); ++i) {
        segments_.push_back(fmt::format("[{}]", item_name(n.items[i], i)));
        node(n.items[i]);
        segments_.pop_back();
      }
    }
  }

  std::map<Pos, std::string> found;

 private:
  // Deeper nodes come later, so a place two nodes share keeps the deeper one's path.
  void record(Pos pos) {
    if (!pos.known() || !wanted_.contains(pos)) return;
    std::string path;
    for (const std::string& s : segments_) path += s;
    found[pos] = path;
  }

  const std::set<Pos>& wanted_;
  std::vector<std::string> segments_;
};

}  // namespace

std::map<Pos, std::string> key_paths(const YamlNode& root, const std::set<Pos>& wanted) {
  KeyPathWalk walk(wanted);
  walk.node(root);
  return std::move(walk.found);
}

namespace {

Pos to_pos(const YAML::Mark& m) {
  if (m.is_null()) return {};
  return Pos{m.line + 1, m.column + 1};
}

// Thrown by the handler to stop the parse; caught in parse_yaml, never escapes it.
struct StopParse {
  Pos pos;
  std::string rule;
  std::string message;
  std::string hint;
};

// Builds the tree from parser events. Each open map or sequence is a frame on a stack; a
// map frame alternates between expecting a key and expecting that key's value.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  std::optional<YamlNode> take_root() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    YamlNode n;
    n.kind = YamlNode::Kind::kNull;
    n.pos = to_pos(mark);
    add(std::move(n));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw StopParse{to_pos(mark), "yaml-alias", "YAML aliases (*name) are not allowed in plans",
                    "write the value out in full where it is needed"};
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string& value) override {
    YamlNode n;
    n.kind = YamlNode::Kind::kScalar;
    n.pos = to_pos(mark);
    n.scalar = value;
    n.quoted = tag == "!";  // yaml-cpp tags quoted scalars "!" and plain ones "?"
    // A plain `~` or `null` is YAML's null, as an empty value is.
    if (!n.quoted && (value == "~" || value == "null" || value == "Null" || value == "NULL")) {
      n.kind = YamlNode::Kind::kNull;
      n.scalar.clear();
    }
    add(std::move(n));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::kSequence, mark);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::kMap, mark);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    YamlNode node;
    bool expecting_key = true;
    std::string pending_key;
    Pos pending_key_pos;
    bool skip_value = false;  // the pending key was a duplicate: drop its value
    std::unordered_set<std::string> keys;
  };

  void open(YamlNode::Kind kind, const YAML::Mark& mark) {
    if (static_cast<int>(stack_.size()) >= kMaxYamlDepth) {
      throw StopParse{to_pos(mark), "yaml-depth",
                      fmt::format("the YAML nests deeper than {} levels", kMaxYamlDepth),
                      "a plan needs only a few levels; check for unclosed '[' or '{'"};
    }
    Frame f;
    f.node.kind = kind;
    f.node.pos = to_pos(mark);
    stack_.push_back(std::move(f));
  }

  void close() {
    YamlNode done = std::move(stack_.back().node);
    stack_.pop_back();
    add(std::move(done));
  }

  void add(YamlNode n) {
    if (stack_.empty()) {
      root_ = std::move(n);
      return;
    }
    Frame& top = stack_.back();
    if (top.node.is_sequence()) {
      top.node.items.push_back(std::move(n));
      return;
    }
    if (top.expecting_key) {
      if (!n.is_scalar() && !n.is_null()) {
        throw StopParse{n.pos, "yaml-syntax", "a key must be plain text",
                        "write keys as `name: value`"};
      }
      top.pending_key = n.scalar;
      top.pending_key_pos = n.pos;
      top.expecting_key = false;
      top.skip_value = !top.keys.insert(n.scalar).second;
      if (top.skip_value) {
        const YamlEntry* first = top.node.find(n.scalar);
        diags_.add(file_, n.pos, "duplicate-key",
                   fmt::format("key '{}' appears twice in this mapping", n.scalar),
                   first ? fmt::format("the first '{}' is on line {}; keep one of them", n.scalar,
                                       first->key_pos.line)
                         : std::string());
      }
      return;
    }
    top.expecting_key = true;
    if (top.skip_value) return;
    top.node.entries.push_back(YamlEntry{std::move(top.pending_key), top.pending_key_pos,
                                         std::make_unique<YamlNode>(std::move(n))});
  }

  const std::string& file_;
  Diagnostics& diags_;
  std::vector<Frame> stack_;
  std::optional<YamlNode> root_;
};

struct Explained {
  std::string rule;
  std::string message;
  std::string hint;
};

// yaml-cpp's messages are written for programmers; these read better for plan authors.
Explained explain_parser_message(const std::string& msg) {
  if (msg == "bad file") {  // yaml-cpp's DeepRecursion guard
    return {"yaml-depth", "the YAML nests too deeply", "check for unclosed '[' or '{'"};
  }
  if (msg.find("anchor") != std::string::npos) {  // an alias to an anchor that is not defined
    return {"yaml-alias", "YAML aliases (*name) are not allowed in plans",
            "write the value out in full where it is needed; quote text that starts with '*'"};
  }
  if (msg.find("end of map not found") != std::string::npos ||
      msg.find("end of sequence not found") != std::string::npos ||
      msg.find("end of map flow not found") != std::string::npos ||
      msg.find("end of sequence flow not found") != std::string::npos) {
    return {"yaml-syntax", "a list or mapping is not closed",
            "check for a missing ']' or '}', or uneven indentation"};
  }
  if (msg.find("illegal map value") != std::string::npos) {
    return {"yaml-syntax", "a value is not allowed here",
            "check the indentation, and quote text that contains ': ' (e.g. \"Note: ...\")"};
  }
  if (msg.find("tab") != std::string::npos) {
    return {"yaml-syntax", "tab character used for indentation; use spaces",
            "YAML indents with spaces only; most editors can turn tabs into spaces"};
  }
  return {"yaml-syntax", fmt::format("invalid YAML: {}", msg),
          "check the indentation, and quote text that contains ': ' or starts with '*', '&', '!', "
          "'%', '@' or '`'"};
}

// The first tab in the indentation of a line up to `last_line` (1-based), where YAML reads
// it as an error whatever the parser then says about it.
std::optional<Pos> tab_in_indentation(std::string_view text, int last_line) {
  int line = 1;
  size_t start = 0;
  while (start < text.size() && line <= last_line) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    for (size_t i = start; i < end; ++i) {
      if (text[i] == '\t') return Pos{line, static_cast<int>(i - start) + 1};
      if (text[i] != ' ') break;
    }
    start = end + 1;
    ++line;
  }
  return std::nullopt;
}

// Every key and text value as decoded (after YAML's escapes: "\\e", "\\0", "\\uFFFE") must
// be text every output can carry; what is not is an error at its line, and is replaced by
// U+FFFD so that no writer (JSON, XLSX, HTML) meets it even when the plan is used anyway.
void check_text(YamlNode& node, std::string_view key, const std::string& file, Diagnostics& diags) {
  auto check = [&](std::string& text, Pos pos, std::string_view what) {
    const std::optional<TextProblem> problem = find_text_problem(text);
    if (!problem) return;
    diags.add(file, pos, "invalid-text",
              fmt::format("{} holds {} (at byte {} of its text)", what, problem->what,
                          problem->offset + 1),
              "remove it, or write the character it stands for; tab and line break are the only "
              "control characters text may hold");
    text = replace_unfit_text(text);
  };
  switch (node.kind) {
    case YamlNode::Kind::kScalar:
      check(node.scalar, node.pos,
            key.empty() ? std::string("a value") : fmt::format("the value of `{}`", key));
      break;
    case YamlNode::Kind::kMap:
      for (YamlEntry& e : node.entries) {
        check(e.key, e.key_pos, "a key");
        if (e.value) check_text(*e.value, e.key, file, diags);
      }
      break;
    case YamlNode::Kind::kSequence:
      for (YamlNode& item : node.items) check_text(item, key, file, diags);
      break;
    case YamlNode::Kind::kNull:
      break;
  }
}

}  // namespace

std::optional<YamlNode> parse_yaml(std::string_view raw, const std::string& file,
                                   Diagnostics& diags) {
  if (raw.empty()) {
    diags.add(file, {}, "file-empty", "the file is empty", "a plan starts with `iact: 1`");
    return std::nullopt;
  }
  if (auto problem = find_encoding_problem(raw)) {
    diags.add(file, Pos{problem->line, problem->column}, "file-encoding", problem->message,
              problem->hint);
    return std::nullopt;
  }
  const std::string_view text = strip_utf8_bom(raw);
  // The shapes plans are written in are read directly; anything else goes to yaml-cpp.
  std::optional<YamlNode> root = parse_yaml_fast(text);
  if (!root) root = parse_yaml_with_yaml_cpp(text, file, diags);
  if (root) check_text(*root, "", file, diags);
  return root;
}

std::optional<YamlNode> parse_yaml_with_yaml_cpp(std::string_view text, const std::string& file,
                                                 Diagnostics& diags) {
  std::istringstream in{std::string(text)};
  TreeBuilder builder(file, diags);
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(builder)) {
      diags.add(file, {}, "file-empty",
                "the file holds no YAML content (only comments or blank lines)",
                "a plan starts with `iact: 1`");
      return std::nullopt;
    }
    std::optional<YamlNode> root = builder.take_root();
    // A second document is an error; report where it starts, then stop.
    TreeBuilder second(file, diags);
    if (parser.HandleNextDocument(second)) {
      std::optional<YamlNode> extra = second.take_root();
      diags.add(file, extra ? extra->pos : Pos{}, "yaml-multiple-documents",
                "the file holds more than one YAML document",
                "keep one plan per file; remove the '---' line");
    }
    return root;
  } catch (const StopParse& stop) {
    diags.add(file, stop.pos, stop.rule, stop.message, stop.hint);
  } catch (const YAML::Exception& e) {
    const Pos at = to_pos(e.mark);
    if (auto tab = tab_in_indentation(text, at.known() ? at.line : 1 << 30)) {
      diags.add(file, *tab, "yaml-syntax", "tab character used for indentation; use spaces",
                "YAML indents with spaces only; most editors can turn tabs into spaces");
      return std::nullopt;
    }
    Explained why = explain_parser_message(e.msg);
    diags.add(file, at, why.rule, why.message, why.hint);
  } catch (const std::exception& e) {
    diags.add(file, {}, "yaml-syntax", fmt::format("the YAML cannot be read: {}", e.what()));
  }
  return std::nullopt;
}

}  // namespace iact
