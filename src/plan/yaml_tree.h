// A YAML document as a tree that keeps the position of every key and value.
//
// Built from yaml-cpp's event API rather than YAML::Node because plans need what Node
// does not give: duplicate keys are errors (Node keeps the last silently), every key has
// its own position, aliases are refused before they can expand, and nesting is capped
// long before yaml-cpp's own recursion guard.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "check/diagnostic.h"

namespace iact {

struct YamlNode;

struct YamlEntry {
  std::string key;
  Pos key_pos;
  std::unique_ptr<YamlNode> value;
};

struct YamlNode {
  enum class Kind { kNull, kScalar, kMap, kSequence };
  Kind kind = Kind::kNull;
  Pos pos;
  std::string scalar;              // when kind == kScalar
  bool quoted = false;             // scalar written in quotes (so `"yes"` is text, never a boolean)
  std::vector<YamlEntry> entries;  // when kind == kMap, in file order
  std::vector<YamlNode> items;     // when kind == kSequence

  bool is_scalar() const { return kind == Kind::kScalar; }
  bool is_map() const { return kind == Kind::kMap; }
  bool is_sequence() const { return kind == Kind::kSequence; }
  bool is_null() const { return kind == Kind::kNull; }

  // The entry with this key in a map, or nullptr.
  const YamlEntry* find(std::string_view key) const;
};

// Plans never nest more than a handful of levels; anything deeper is refused early.
inline constexpr int kMaxYamlDepth = 64;

// Parses `text` (the contents of `file`) into a tree. Problems are added to `diags` with
// the file and position; returns nullopt when the file cannot be used at all. Never throws.
std::optional<YamlNode> parse_yaml(std::string_view text, const std::string& file,
                                   Diagnostics& diags);

// The same, read by yaml-cpp alone (parse_yaml reads the plain shapes plans use itself:
// plan/yaml_fast.h), for the tests that hold the two to the same tree. `text` has no
// byte-order mark and has passed the encoding check.
std::optional<YamlNode> parse_yaml_with_yaml_cpp(std::string_view text, const std::string& file,
                                                 Diagnostics& diags);

// The path of keys from the top to each of the `wanted` places where a key or a value starts:
// "actions[GOV-01].due". A list item is named by its `id:`, else its `date:`, else its text
// when it is one, else its index, so a path names the same thing after lines are added above
// it or items before it. A key and its value both have the key's path; where two nodes start
// at one place (a list item and its first key), the deeper one's path is kept. A wanted place
// where nothing starts is left out.
std::map<Pos, std::string> key_paths(const YamlNode& root, const std::set<Pos>& wanted);

// A short name for a node's kind, for messages: "text", "a list", "a mapping", "empty".
std::string_view describe(const YamlNode& node);

}  // namespace iact
