#include "util/escape.h"

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

}  // namespace
}  // namespace iact
