#include "util/escape.h"

#include "plan/yaml_tree.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace iact {
namespace {

TEST(EscapeMarkdown, EveryAsciiPunctuationIsEscaped) {
  EXPECT_EQ(escape_markdown("a|b"), "a\\|b");
  EXPECT_EQ(escape_markdown("*x* _y_"), "\\*x\\* \\_y\\_");
  EXPECT_EQ(escape_markdown("<b>"), "\\<b\\>");
  EXPECT_EQ(escape_markdown("$5"), "\\$5");
  EXPECT_EQ(escape_markdown("a\\b"), "a\\\\b");
  EXPECT_EQ(escape_markdown("`x`"), "\\`x\\`");
  EXPECT_EQ(escape_markdown("# h"), "\\# h");
  EXPECT_EQ(escape_markdown("- item"), "\\- item");
  EXPECT_EQ(escape_markdown("{=openxml}"), "\\{\\=openxml\\}");
  EXPECT_EQ(escape_markdown("[a](b)"), "\\[a\\]\\(b\\)");
  EXPECT_EQ(escape_markdown("@cite ~x~ ^y^ &amp;"), "\\@cite \\~x\\~ \\^y\\^ \\&amp;");
}

TEST(EscapeMarkdown, InertMarksStayInsideButNotAtTheStart) {
  EXPECT_EQ(escape_markdown("Care: the ICB's plan, \"v2\"; why? a/b"),
            "Care: the ICB\\'s plan, \\\"v2\\\"; why? a/b");
  EXPECT_EQ(escape_markdown(": definition"), "\\: definition");
  EXPECT_EQ(escape_markdown("? why"), "\\? why");
  EXPECT_EQ(escape_markdown("1. numbered"), "1\\. numbered");
}

TEST(EscapeMarkdown, LettersDigitsAndUnicodeStay) {
  EXPECT_EQ(escape_markdown("SMI 43 — £61k café"), "SMI 43 — £61k café");
}

TEST(EscapeMarkdown, LineBreaksBecomeOneSpaceAndControlsGo) {
  EXPECT_EQ(escape_markdown("one\ntwo\r\n\tthree\n"), "one two three");
  EXPECT_EQ(escape_markdown(std::string("a\0b\x07"
                                        "c",
                                        5)),
            "abc");
}

TEST(EscapeXml, FiveCharacters) {
  EXPECT_EQ(escape_xml("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  EXPECT_EQ(escape_xml("plain"), "plain");
}

// A YAML scalar must read back as the same text, and as text.
TEST(YamlScalar, PlainOnlyWhereYamlReadsTheSameText) {
  EXPECT_EQ(yaml_scalar("Review the DNA policy"), "Review the DNA policy");
  EXPECT_EQ(yaml_scalar("2025-03-31"), "2025-03-31");
  EXPECT_EQ(yaml_scalar("Carers' guide, v2"), "Carers' guide, v2");
  for (const char* quoted :
       {"10",   "1.5", "-3",  "1e5",   "0x1F",   ".inf",        "yes",      "No",    "ON",
        "null", "~",   "",    " lead", "trail ", "a: b",        "end:",     "x #y",  "- item",
        "# h",  "&a",  "*a",  "!tag",  "|",      ">",           "'q'",      "\"q\"", "%p",
        "@x",   "`x`", "[a]", "{a}",   "?",      "line\nbreak", "tab\there"}) {
    const std::string out = yaml_scalar(quoted);
    EXPECT_EQ(out.front(), '"') << quoted << " -> " << out;
  }
  EXPECT_EQ(yaml_scalar("say \"hi\"\\"), "say \"hi\"\\");  // quotes inside plain text are fine
  EXPECT_EQ(yaml_scalar("\"hi\" \\"), "\"\\\"hi\\\" \\\\\"");
  EXPECT_EQ(yaml_scalar("a\x01"
                        "b"),
            "\"a\\x01b\"");
}

TEST(YamlScalar, ReadsBackAsTheSameText) {
  for (std::string text :
       {"plain", "10", "a: b", "x #y", "quote \" and back\\slash", "caf\xc3\xa9 \xc2\xa3", "- item",
        "tab\there", "two\nlines", "  spaced  ", "yes", "'single'", "{not: flow}", "=SUM(A1)"}) {
    Diagnostics diags;
    std::optional<YamlNode> root = parse_yaml("k: " + yaml_scalar(text) + "\n", "t.yaml", diags);
    ASSERT_TRUE(root) << text;
    const YamlEntry* e = root->find("k");
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->value->scalar, text) << yaml_scalar(text);
  }
}

TEST(YamlScalar, BlocksOnlyForTextThatReadsBackUnchanged) {
  EXPECT_TRUE(fits_yaml_block("one\ntwo"));
  EXPECT_TRUE(fits_yaml_block("one\n\ntwo"));
  EXPECT_FALSE(fits_yaml_block("one line"));
  EXPECT_FALSE(fits_yaml_block(" leading\nspace"));
  EXPECT_FALSE(fits_yaml_block("trailing \nspace"));
  EXPECT_FALSE(fits_yaml_block("ends\n"));
  EXPECT_FALSE(fits_yaml_block(std::string("nul\n\0", 5)));
}

// Every character that can end a line or a scalar, in every place iact writes text into a
// plan: a scalar, a list item, a field (block or scalar) and a comment. Whatever the text, the
// document keeps its shape (no key of its own is made) and a scalar reads back as written.
std::vector<std::string> hostile_texts() {
  std::vector<std::string> out;
  std::vector<std::string> characters;
  for (int c = 0; c < 0x20; ++c) characters.emplace_back(1, static_cast<char>(c));
  for (const char* c : {"\x7f", "\xc2\x85", "\xe2\x80\xa8", "\xe2\x80\xa9", "\xef\xbb\xbf"})
    characters.emplace_back(c);
  for (const std::string& c : characters) {
    out.push_back("Evil" + c + "sro: injected");
    out.push_back(c + "- id: X\n  completed: 2025-01-01" + c);
    out.push_back("line one" + c + "\ncompleted: 2025-01-01\n\"' #" + c);
    out.push_back("two\nlines" + c + "\n  still text");
  }
  return out;
}

// The keys of a parsed mapping, in order.
std::vector<std::string> keys_of(const YamlNode& map) {
  std::vector<std::string> keys;
  for (const YamlEntry& e : map.entries) keys.push_back(e.key);
  return keys;
}

bool has_line_break(std::string_view s) {
  for (std::string_view b : {"\n", "\r", "\xc2\x85", "\xe2\x80\xa8", "\xe2\x80\xa9"}) {
    if (s.find(b) != std::string_view::npos) return true;
  }
  return false;
}

TEST(YamlWriter, NoTextWritesYamlOfItsOwn) {
  const std::vector<std::string> want = {"k", "next"};
  for (const std::string& t : hostile_texts()) {
    const std::string scalar = yaml_scalar(t), flow = yaml_flow_scalar(t),
                      comment = yaml_comment(t);
    EXPECT_FALSE(has_line_break(scalar)) << scalar;
    EXPECT_FALSE(has_line_break(flow)) << flow;
    EXPECT_FALSE(has_line_break(comment)) << comment;
    EXPECT_TRUE(comment.starts_with("#")) << comment;
    const std::string docs[] = {
        "k: " + scalar + "\nnext: 1\n",
        "k: [" + flow + ", z]\nnext: 1\n",
        "k:\n" + yaml_field(2, "note", t) + "next: 1\n",
        comment + "\nk: 1 " + comment + "\n  " + comment + "\nnext: 1\n",
        "k:\n  - " + yaml_field(4, "note", t).substr(4) + "next: 1\n",
    };
    for (const std::string& doc : docs) {
      const bool commented = &doc == &docs[3];
      // yaml-cpp alone reads the text as written; parse_yaml also checks it (invalid-text).
      Diagnostics raw_diags, diags;
      std::optional<YamlNode> raw = parse_yaml_with_yaml_cpp(doc, "t.yaml", raw_diags);
      std::optional<YamlNode> root = parse_yaml(doc, "t.yaml", diags);
      ASSERT_TRUE(raw && root) << doc;
      EXPECT_EQ(keys_of(*raw), want) << doc;
      EXPECT_EQ(keys_of(*root), want) << doc;
      for (const Diagnostic& d : diags.items()) EXPECT_EQ(d.rule, "invalid-text") << doc;
      const YamlNode& k = *raw->find("k")->value;
      if (k.is_scalar()) {
        EXPECT_EQ(k.scalar, commented ? "1" : t) << doc;
      }
      if (k.is_sequence()) {
        ASSERT_EQ(k.items.size(), k.items[0].is_map() ? 1u : 2u) << doc;
        const YamlNode& first = k.items[0];
        const std::string& text = first.is_map() ? first.find("note")->value->scalar : first.scalar;
        EXPECT_EQ(text, t) << doc;
      }
      if (k.is_map()) {
        EXPECT_EQ(keys_of(k), (std::vector<std::string>{"note"})) << doc;
        EXPECT_EQ(k.find("note")->value->scalar, t) << doc;
      }
    }
  }
}

// Bytes that are not UTF-8 cannot be YAML text: they are written U+FFFD, and never break out.
TEST(YamlWriter, BytesThatAreNotUtf8BecomeReplacementCharacters) {
  EXPECT_EQ(yaml_scalar("a\xff"
                        "b"),
            "\"a\\uFFFDb\"");
  EXPECT_EQ(yaml_comment("a\xff\nb"), "# a\xef\xbf\xbd b");
  EXPECT_EQ(yaml_comment(""), "#");
  EXPECT_EQ(yaml_comment("sheet 'Q1\r\n2025'"), "# sheet 'Q1 2025'");
}

// nlohmann::json throws on text that is not UTF-8; iact's JSON writes U+FFFD instead.
TEST(JsonText, TextThatIsNotUtf8DoesNotThrow) {
  nlohmann::json j = {{"title", std::string("a\xff\xc2"
                                            "b")}};
  std::string out;
  EXPECT_NO_THROW(out = json_text(j));
  EXPECT_NE(out.find("a\xef\xbf\xbd"), std::string::npos) << out;
  EXPECT_EQ(nlohmann::json::parse(out)["title"].get<std::string>().substr(0, 1), "a");
}

// A narrative keeps its paragraphs, lists and emphasis, and nothing else of Markdown.
TEST(EscapeMarkdownBlock, ParagraphsListsAndEmphasisOnly) {
  EXPECT_EQ(escape_markdown_block("First paragraph, with *emphasis*.\n\nSecond **strong** one."),
            "First paragraph, with *emphasis*\\.\n\nSecond **strong** one\\.");
  EXPECT_EQ(escape_markdown_block("The review found:\n- good handovers\n- *weak* carers' links\n"
                                  "  across teams\nThen text."),
            "The review found:\n\n- good handovers\n- *weak* carers\\' links\n  across teams\n\n"
            "Then text\\.");
  EXPECT_EQ(escape_markdown_block("1. one\n2) two"), "1. one\n2. two");
  // What a lead might paste that would break the paper reads literally.
  EXPECT_EQ(escape_markdown_block("# Heading"), "\\# Heading");
  EXPECT_EQ(escape_markdown_block("| a | b |"), "\\| a \\| b \\|");
  EXPECT_EQ(escape_markdown_block("<script>x</script> [link](http://x)"),
            "\\<script\\>x\\</script\\> \\[link\\]\\(http://x\\)");
  EXPECT_EQ(escape_markdown_block("```{=openxml}"), "\\`\\`\\`\\{\\=openxml\\}");
  EXPECT_EQ(escape_markdown_block("a * b and 3*4"), "a \\* b and 3\\*4");
  EXPECT_EQ(escape_markdown_block("$x$"), "\\$x\\$");
}

TEST(EscapeGithub, MessageEscapesPercentAndLineBreaksOnly) {
  EXPECT_EQ(escape_github_data("50% done\r\nnext: a, b"), "50%25 done%0D%0Anext: a, b");
  EXPECT_EQ(escape_github_data("%0A stays literal"), "%250A stays literal");
}

TEST(EscapeGithub, PropertiesAlsoEscapeColonAndComma) {
  EXPECT_EQ(escape_github_property("plans/a,b:c%.yaml"), "plans/a%2Cb%3Ac%25.yaml");
  EXPECT_EQ(escape_github_property("x\ny"), "x%0Ay");
}

TEST(EscapeUri, UnreservedAndSlashStayOthersArePercentEncoded) {
  EXPECT_EQ(escape_uri_path("plans/nenc/cntw-1_a.b~.yaml"), "plans/nenc/cntw-1_a.b~.yaml");
  EXPECT_EQ(escape_uri_path("plan é.yaml"), "plan%20%C3%A9.yaml");
  EXPECT_EQ(escape_uri_path("a#b?c%d"), "a%23b%3Fc%25d");
}

TEST(EscapeRoff, BackslashHyphenAndRequestsAtLineStart) {
  EXPECT_EQ(escape_roff("--format a\\b"), "\\-\\-format a\\eb");
  EXPECT_EQ(escape_roff(".start\n'quote\nmid.dle"), "\\&.start\n\\&'quote\nmid.dle");
}

TEST(TerminalText, EscapeSequencesAreShownNotObeyed) {
  // A clipboard write (OSC 52), a screen clear and a colour: every ESC is shown as ^[.
  EXPECT_EQ(terminal_text("a\x1b]52;c;ZXZpbA==\x07"
                          "b"),
            "a^[]52;c;ZXZpbA==^Gb");
  EXPECT_EQ(terminal_text("\x1b[2J\x1b[31mred"), "^[[2J^[[31mred");
  EXPECT_EQ(terminal_text("back\rspace\b del\x7f"), "back^Mspace^H del^?");
  // C1 controls (the 8-bit CSI) and bytes that are not UTF-8 are shown as code.
  EXPECT_EQ(terminal_text("x\xc2\x9b"
                          "2Jy"),
            "x<U+009B>2Jy");
  EXPECT_EQ(terminal_text("x\xffy"), "x<0xFF>y");
  // Bidirectional overrides, which reorder what is shown, too.
  EXPECT_EQ(terminal_text("a\u202eb"), "a<U+202E>b");
  // Text, tabs, line breaks and other scripts stay as they are.
  EXPECT_EQ(terminal_text("Café — ok\tthen\nnext 日本"), "Café — ok\tthen\nnext 日本");
  // No control character of any kind survives.
  for (int c = 0; c < 0x20; ++c) {
    if (c == '\t' || c == '\n') continue;
    const std::string shown = terminal_text(std::string(1, static_cast<char>(c)));
    for (char b : shown) EXPECT_GE(static_cast<unsigned char>(b), 0x20) << c;
  }
}

}  // namespace
}  // namespace iact
