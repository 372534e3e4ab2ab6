#include "plan/yaml_tree.h"

#include <map>
#include <set>

#include <gtest/gtest.h>

namespace iact {
namespace {

struct Parsed {
  std::optional<YamlNode> root;
  Diagnostics diags;
};

Parsed parse(std::string_view text) {
  Parsed p;
  p.root = parse_yaml(text, "plan.yaml", p.diags);
  return p;
}

const Diagnostic& only(const Parsed& p) {
  EXPECT_EQ(p.diags.items().size(), 1u);
  static const Diagnostic none{};
  return p.diags.items().empty() ? none : p.diags.items().front();
}

// Text that decodes (through YAML's escapes) to what no output can carry is an error at its
// line, and every writer meets U+FFFD in its place. Tab and line feed are text.
TEST(YamlTree, UnfitTextIsAnErrorAtItsLine) {
  const std::pair<std::string, std::string> cases[] = {
      // yaml-cpp decodes \N and \_ to the bare bytes 0x85 and 0xA0, not UTF-8.
      {"\"a\\Nb\"", "not UTF-8"},  {"\"a\\_b\"", "not UTF-8"},       {"\"a\\uFFFEb\"", "U+FFFE"},
      {"\"a\\0b\"", "U+0000"},     {"\"a\\eb\"", "U+001B"},          {"\"a\\x7Fb\"", "U+007F"},
      {"\"a\\uFDD0b\"", "U+FDD0"}, {"\"a\\U0001FFFFb\"", "U+1FFFF"}, {"\"a\\x9Bb\"", "U+009B"},
      {"\"a\\rb\"", "U+000D"},
  };
  for (const auto& [value, what] : cases) {
    Parsed p = parse("iact: 1\nlist:\n  - x\n  - " + value + "\n");
    ASSERT_TRUE(p.root) << value;
    const Diagnostic& d = only(p);
    EXPECT_EQ(d.rule, "invalid-text") << value;
    EXPECT_EQ(d.pos.line, 4) << value;
    EXPECT_NE(d.message.find(what), std::string::npos) << value << ": " << d.message;
    const std::string& text = p.root->find("list")->value->items[1].scalar;
    EXPECT_EQ(text.substr(0, 1), "a") << value;
    EXPECT_EQ(text.substr(1, 3), "\xef\xbf\xbd") << value;  // U+FFFD
  }
  // A key is text too.
  Parsed key = parse("\"k\\e\": 1\n");
  EXPECT_EQ(only(key).rule, "invalid-text");
  // Tab, line feed and all other characters are fine.
  Parsed fine =
      parse("a: \"tab\\there\\nnext \\u00E9 \\u2014 \\U0001F600\"\nb: |\n  two\n  lines\n");
  EXPECT_TRUE(fine.diags.items().empty());
}

TEST(YamlTree, KeepsPositionsOfKeysAndValues) {
  Parsed p = parse("iact: 1\norganisation:\n  code: RH5\n  name:   Somerset\nlist: [a, b]\n");
  ASSERT_TRUE(p.root);
  EXPECT_TRUE(p.diags.items().empty());
  const YamlEntry* org = p.root->find("organisation");
  ASSERT_NE(org, nullptr);
  EXPECT_EQ(org->key_pos, (Pos{2, 1}));
  const YamlEntry* name = org->value->find("name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->key_pos, (Pos{4, 3}));
  EXPECT_EQ(name->value->pos, (Pos{4, 11}));
  EXPECT_EQ(name->value->scalar, "Somerset");
  const YamlEntry* list = p.root->find("list");
  ASSERT_TRUE(list->value->is_sequence());
  EXPECT_EQ(list->value->items[1].pos, (Pos{5, 11}));
}

TEST(YamlTree, QuotedScalarsAreMarked) {
  Parsed p = parse("a: yes\nb: \"yes\"\nc: ~\nd:\n");
  ASSERT_TRUE(p.root);
  EXPECT_FALSE(p.root->find("a")->value->quoted);
  EXPECT_TRUE(p.root->find("b")->value->quoted);
  EXPECT_TRUE(p.root->find("c")->value->is_null());
  EXPECT_TRUE(p.root->find("d")->value->is_null());
}

TEST(YamlTree, DuplicateKeyIsAnErrorAtTheSecondKey) {
  Parsed p = parse("iact: 1\nactions:\n  - id: A\n    title: one\n    id: B\n");
  ASSERT_TRUE(p.root);
  const Diagnostic& d = only(p);
  EXPECT_EQ(d.rule, "duplicate-key");
  EXPECT_EQ(d.pos, (Pos{5, 5}));
  EXPECT_EQ(d.message, "key 'id' appears twice in this mapping");
  EXPECT_EQ(d.hint, "the first 'id' is on line 3; keep one of them");
  // The first value is kept.
  const YamlNode& action = p.root->find("actions")->value->items[0];
  EXPECT_EQ(action.find("id")->value->scalar, "A");
  EXPECT_EQ(action.entries.size(), 2u);
}

TEST(YamlTree, SameKeyInDifferentMappingsIsFine) {
  Parsed p = parse("a:\n  id: 1\nb:\n  id: 2\n");
  EXPECT_TRUE(p.diags.items().empty());
}

TEST(YamlTree, AliasesAreRefused) {
  Parsed p = parse("a: &x [1, 2]\nb: *x\n");
  EXPECT_FALSE(p.root);
  const Diagnostic& d = only(p);
  EXPECT_EQ(d.rule, "yaml-alias");
  EXPECT_EQ(d.pos, (Pos{2, 4}));
}

TEST(YamlTree, AliasBombStopsAtTheFirstAlias) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 9; ++i) bomb += std::string(i ? ", *" : "*") + static_cast<char>(c - 1);
    bomb += "]\n";
  }
  Parsed p = parse(bomb);
  EXPECT_FALSE(p.root);
  EXPECT_EQ(only(p).rule, "yaml-alias");
  EXPECT_EQ(only(p).pos.line, 2);
}

TEST(YamlTree, HundredThousandOpenBracketsEndInADepthError) {
  Parsed p = parse(std::string(100000, '['));
  EXPECT_FALSE(p.root);
  const Diagnostic& d = only(p);
  EXPECT_EQ(d.rule, "yaml-depth");
  EXPECT_EQ(d.message, "the YAML nests deeper than 64 levels");
  // yaml-cpp reads each '[' of "[[[" as a list that may hold a single-pair mapping, so
  // every bracket is two levels of the tree and the limit is reached at the 33rd.
  EXPECT_EQ(d.pos, (Pos{1, 33}));
}

TEST(YamlTree, DeeplyNestedMappingEndsInADepthError) {
  std::string text;
  for (int level = 0; level < 3000; ++level) text += std::string(level * 2, ' ') + "a:\n";
  Parsed p = parse(text);
  EXPECT_FALSE(p.root);
  EXPECT_EQ(only(p).rule, "yaml-depth");
  EXPECT_EQ(only(p).pos.line, 65);
}

TEST(YamlTree, NestingUpToTheLimitIsAccepted) {
  std::string text = std::string(kMaxYamlDepth, '[') + std::string(kMaxYamlDepth, ']');
  Parsed p = parse(text);
  EXPECT_TRUE(p.root);
  EXPECT_TRUE(p.diags.items().empty());
}

TEST(YamlTree, EmptyAndCommentOnlyFiles) {
  EXPECT_EQ(only(parse("")).rule, "file-empty");
  EXPECT_EQ(only(parse("")).message, "the file is empty");
  Parsed comments = parse("# nothing yet\n\n");
  EXPECT_EQ(only(comments).rule, "file-empty");
  EXPECT_NE(only(comments).message.find("only comments"), std::string::npos);
}

TEST(YamlTree, EncodingProblems) {
  Parsed utf16 = parse(std::string("\xFF\xFEi\0a\0c\0t\0", 10));
  EXPECT_EQ(only(utf16).rule, "file-encoding");
  EXPECT_EQ(only(utf16).message, "the file is UTF-16 encoded, not UTF-8");

  Parsed binary =
      parse(std::string("\x7F"
                        "ELF\x02\x01\x01\0\0\0",
                        10));
  EXPECT_EQ(only(binary).rule, "file-encoding");
  EXPECT_NE(only(binary).message.find("NUL bytes"), std::string::npos);

  Parsed latin1 = parse("iact: 1\nname: Caf\xE9\n");
  EXPECT_EQ(only(latin1).rule, "file-encoding");
  EXPECT_EQ(only(latin1).pos, (Pos{2, 10}));
  EXPECT_EQ(only(latin1).message, "the file is not valid UTF-8 (byte 0xE9)");
}

TEST(YamlTree, Utf8ByteOrderMarkIsAccepted) {
  Parsed p = parse("\xEF\xBB\xBFiact: 1\n");
  ASSERT_TRUE(p.root);
  EXPECT_TRUE(p.diags.items().empty());
  EXPECT_EQ(p.root->find("iact")->value->scalar, "1");
}

// A tab in the indentation is named as such, at the tab, whatever yaml-cpp makes of it.
TEST(YamlTree, TabIndentationIsNamedAtTheTab) {
  for (const char* text : {"iact: 1\norganisation:\n\tcode: RH5\n",
                           "iact: 1\nactions:\n  - id: A\n  \t  title: x\n"}) {
    Parsed p = parse(text);
    EXPECT_FALSE(p.root);
    const Diagnostic& d = only(p);
    EXPECT_EQ(d.message, "tab character used for indentation; use spaces") << text;
  }
  Parsed first = parse("iact: 1\norganisation:\n\tcode: RH5\n");
  EXPECT_EQ(only(first).pos, (Pos{3, 1}));
  Parsed second = parse("iact: 1\nactions:\n  - id: A\n  \t  title: x\n");
  EXPECT_EQ(only(second).pos, (Pos{4, 3}));
  // A tab inside text is no problem.
  EXPECT_TRUE(parse("title: \"a\tb\"\n").root);
}

TEST(YamlTree, SyntaxErrorsHaveAPositionAndAReadableMessage) {
  Parsed p = parse("iact: 1\nactions:\n  - id: A\n   title: x\n");
  EXPECT_FALSE(p.root);
  const Diagnostic& d = only(p);
  EXPECT_EQ(d.rule, "yaml-syntax");
  EXPECT_EQ(d.pos.line, 4);
  EXPECT_FALSE(d.hint.empty());

  Parsed unclosed = parse("a: [1, 2\n");
  EXPECT_EQ(only(unclosed).rule, "yaml-syntax");
  EXPECT_EQ(only(unclosed).message, "a list or mapping is not closed");
}

TEST(YamlTree, SecondDocumentIsAnError) {
  Parsed p = parse("iact: 1\n---\niact: 1\n");
  ASSERT_TRUE(p.root);
  EXPECT_EQ(only(p).rule, "yaml-multiple-documents");
  EXPECT_EQ(only(p).pos.line, 3);
}

TEST(YamlTree, NonScalarKeyIsAnError) {
  Parsed p = parse("? [a, b]\n: c\n");
  EXPECT_FALSE(p.root);
  EXPECT_EQ(only(p).rule, "yaml-syntax");
}

TEST(YamlTree, KeyPathsNameListItemsByIdDateOrText) {
  Parsed p = parse(
      "actions:\n"
      "  - id: GOV-01\n"
      "    addresses: [carers, continuity]\n"
      "    updates:\n"
      "      - { date: 2025-03-31, note: Begun. }\n"
      "  - title: no id yet\n"
      "risks:\n"
      "  - id: R1\n");
  ASSERT_TRUE(p.root);
  std::set<Pos> wanted;
  for (int line = 1; line <= 8; ++line) {
    for (int column = 1; column <= 40; ++column) wanted.insert(Pos{line, column});
  }
  const std::map<Pos, std::string> paths = key_paths(*p.root, wanted);
  EXPECT_EQ(key_paths(*p.root, {Pos{3, 5}}),
            (std::map<Pos, std::string>{{{3, 5}, "actions[GOV-01].addresses"}}));
  auto at = [&](int line, int column) {
    auto it = paths.find(Pos{line, column});
    return it == paths.end() ? std::string("(none)") : it->second;
  };
  EXPECT_EQ(at(1, 1), "actions");
  EXPECT_EQ(at(2, 5), "actions[GOV-01].id");  // the item and its first key: the deeper
  EXPECT_EQ(at(2, 9), "actions[GOV-01].id");  // the key's value
  EXPECT_EQ(at(3, 5), "actions[GOV-01].addresses");
  EXPECT_EQ(at(3, 25), "actions[GOV-01].addresses[continuity]");
  EXPECT_EQ(at(5, 35), "actions[GOV-01].updates[2025-03-31].note");
  EXPECT_EQ(at(6, 5), "actions[1].title");  // no id: its index
  EXPECT_EQ(at(8, 9), "risks[R1].id");
  EXPECT_EQ(at(4, 1), "(none)");  // no key or value starts there
}

}  // namespace
}  // namespace iact
