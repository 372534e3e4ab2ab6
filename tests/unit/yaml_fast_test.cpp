// The fast YAML path (plan/yaml_fast.h) against yaml-cpp: wherever it accepts a text, the
// tree must be yaml-cpp's, value for value and position for position.
#include "plan/yaml_fast.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/text.h"

namespace iact {
namespace {

namespace fs = std::filesystem;

// Checks one text; returns whether the fast path took it.
bool agrees(const std::string& text, const std::string& name) {
  std::optional<YamlNode> fast = parse_yaml_fast(text);
  if (!fast) return false;
  Diagnostics diags;
  std::optional<YamlNode> slow = parse_yaml_with_yaml_cpp(text, name, diags);
  EXPECT_TRUE(slow) << name << ": the fast path read what yaml-cpp refuses";
  EXPECT_TRUE(diags.items().empty()) << name << ": yaml-cpp had something to say";
  if (!slow) return true;
  std::string where;
  EXPECT_TRUE(same_yaml_tree(*fast, *slow, where)) << name << ": " << where;
  return true;
}

TEST(YamlFast, EveryYamlFileInTheRepositoryReadsAsYamlCppReadsIt) {
  int files = 0, fast = 0, plans = 0, plans_fast = 0;
  for (const char* dir : {"plans", "tests/data", "frameworks", "templates", "docs", "fuzz"}) {
    const fs::path root = fs::path(IACT_SOURCE_DIR) / dir;
    if (!fs::exists(root)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      const std::string ext = e.path().extension().string();
      if (!e.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      const std::string raw = buffer.str();
      if (raw.empty() || find_encoding_problem(raw)) continue;
      const std::string text(strip_utf8_bom(raw));
      ++files;
      const bool took = agrees(text, e.path().string());
      fast += took;
      if (std::string(dir) == "plans") {
        ++plans;
        plans_fast += took;
      }
    }
  }
  EXPECT_GT(files, 40);
  // The sample plans are what real plans look like: the fast path must take them.
  EXPECT_EQ(plans_fast, plans);
  RecordProperty("files", files);
  RecordProperty("fast", fast);
}

// Shapes plans use: each is taken by the fast path, and reads as yaml-cpp reads it.
TEST(YamlFast, ThePlainShapesOfPlans) {
  const std::vector<std::string> texts = {
      "iact: 1\norganisation:\n  code: RH5\n  name: A trust # a comment\n",
      "a: [x, y, 'z w', \"q\\\"r\\u00e9\"]\nb: {c: 1, d: [e, f], 'g h': i}\nc: []\nd: {}\n",
      "actions:\n- id: A-1\n  title: One\n- id: A-2\n  title: Two\nnext: x\n",
      "actions:\n  - id: A-1\n    updates:\n      - { date: 2025-01-01, note: 'It''s done' }\n"
      "      - date: 2025-02-01\n        note: \"x: y\"\n  - id: A-2\n",
      "text: |\n  line one\n\n  # not a comment\n  line three\nafter: 1\n",
      "text: |-\n    kept\n    lines\n\n\nafter: 1\n",
      "text: >-\n  folded into\n  one line\n\n  and a second\nafter: 1\n",
      "text: >\n  folded\n  with a break at the end\n",
      "title: A long title that\n  goes on to the next line\n  and the next\nx: 1\n",
      "a: ~\nb: null\nc: Null\nd: NULL\ne: '~'\nf: \"null\"\n",
      "url: https://example.org/a#b\ntime: 10:30\nhash: a#b\n",
      "name: Café — “quoted” ünïcode\nünï: value after\nlist: [é, ü]\n",
      "- a\n- b: c\n  d: e\n- [f, g]\n- {h: i}\n",
      "# only a comment first\n\nkey: value   \n\n# trailing comment\n",
      "deep:\n  deeper:\n    deepest:\n      - x\n      - y\n",
      "a: 'single ''quoted'' text'\nb: \"tab\\tand\\nnewline \\x41 \\U0001F600\"\n",
      "k: -5\nl: +3\nm: .5\nn: value with - dash\n",
      "last: |\n  no line break at the end",  // the value has none either
      "last: >-\n  folded\n  at the end",
  };
  for (const std::string& text : texts) {
    EXPECT_TRUE(agrees(text, text)) << "declined: " << text;
  }
}

// What the fast path leaves to yaml-cpp (which reads it, or says what is wrong).
TEST(YamlFast, DeclinesWhatItDoesNotRead) {
  const std::vector<std::string> texts = {
      "a: &x 1\nb: *x\n",  // anchors and aliases
      "a: !tag v\n",       // tags
      "a: 1\na: 2\n",      // duplicate keys: yaml-cpp's path reports them
      "a:\nb: 1\n",        // an empty value
      "a: [1,\n  2]\n",    // a flow collection over two lines
      "---\na: 1\n",       // document markers
      "a: 1\n---\nb: 2\n",
      "a:\tb\n",           // tabs
      "a: 1\r\nb: 2\r\n",  // CR LF
      "- -:\x04\x04 \n",   // control characters
      "a: b\xC2\x85"
      "c\n",        // a C1 control (NEL, a line break to some readers)
      "a: b: c\n",  // an error
      "a: 'unclosed\n",
      "a: |2\n   x\n",                       // an indentation indicator
      "a: |+\n  x\n\n",                      // keep chomping
      "a: >-\n  x\n  y\n  ",                 // spaces at the end, after the last line break
      "a: |\n\n  x\n",                       // a line break before the content
      "a: [persona?ised]\n",                 // yaml-cpp ends a scalar at '?' in a flow collection
      "a: text # a comment\n  more text\n",  // a comment ends a plain scalar: an error
      "a: >\n  x\n    more\n  y\n",          // a more-indented folded line
      "plain text only\n",
      "",
  };
  for (const std::string& text : texts) {
    EXPECT_FALSE(parse_yaml_fast(text)) << "took: " << text;
  }
}

}  // namespace
}  // namespace iact
