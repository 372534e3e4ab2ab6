// A fast path for the YAML that plans are written in. yaml-cpp's scanner is most of the time
// iact spends validating a national corpus, so the plain shapes plans use (block mappings
// and sequences, one-line flow collections, plain and quoted scalars, literal and folded
// block scalars, comments) are read here directly into the same tree, with the same
// positions, that parse_yaml builds from yaml-cpp's events. Anything else, and anything in
// doubt (anchors, tags, multi-line flow collections, empty values, duplicate keys, every
// error), is declined, and parse_yaml gives the text to yaml-cpp: so every message, and
// every tree, is the one yaml-cpp's parse gives. The tests and the fuzz target hold the two
// paths to the same tree wherever this one accepts.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "plan/yaml_tree.h"

namespace iact {

// The tree of `text` (without a byte-order mark), or nothing to have yaml-cpp read it.
std::optional<YamlNode> parse_yaml_fast(std::string_view text);

// Whether two trees are the same (kinds, values, quoting, keys and every position); if not,
// `where` says the first difference.
bool same_yaml_tree(const YamlNode& a, const YamlNode& b, std::string& where);

}  // namespace iact
