#include "check/report.h"

#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace iact {
namespace {

Diagnostics sample() {
  Diagnostics d;
  d.add("b.yaml", Pos{3, 2}, "due-tbc", "action X has no due date yet (tbc)", "agree a date");
  d.add("a.yaml", Pos{10, 5}, "unknown-item", "no framework item 'carer'",
        "did you mean 'carers'?");
  d.add("a.yaml", Pos{2, 1}, "missing-field", "quote \" and \\ survive", "");
  d.sort();
  return d;
}

TEST(Report, SortsByFileThenLine) {
  Diagnostics d = sample();
  ASSERT_EQ(d.items().size(), 3u);
  EXPECT_EQ(d.items()[0].file, "a.yaml");
  EXPECT_EQ(d.items()[0].pos.line, 2);
  EXPECT_EQ(d.items()[1].pos.line, 10);
  EXPECT_EQ(d.items()[2].file, "b.yaml");
}

TEST(Report, TextFormatWithoutSource) {
  std::ostringstream out;
  print_text(sample(), out, TextStyle{false, false});
  EXPECT_EQ(out.str(),
            "a.yaml:2:1: error: quote \" and \\ survive [missing-field]\n"
            "a.yaml:10:5: error: no framework item 'carer' [unknown-item]\n"
            "  hint: did you mean 'carers'?\n"
            "b.yaml:3:2: warning: action X has no due date yet (tbc) [due-tbc]\n"
            "  hint: agree a date\n");
}

TEST(Report, SeverityComesFromTheRuleTable) {
  Diagnostics d = sample();
  EXPECT_EQ(d.error_count(), 2);
  EXPECT_EQ(d.warning_count(), 1);
  EXPECT_EQ(summary_line(d, 2), "2 errors, 1 warning in 2 files");
  EXPECT_EQ(summary_line(Diagnostics{}, 1), "plans are valid: no problems in 1 file");
}

TEST(Report, JsonCarriesTheSameDiagnostics) {
  std::ostringstream out;
  print_json(sample(), out);
  auto json = nlohmann::json::parse(out.str());
  ASSERT_TRUE(json.is_array());
  ASSERT_EQ(json.size(), 3u);
  EXPECT_EQ(json[1]["file"], "a.yaml");
  EXPECT_EQ(json[1]["line"], 10);
  EXPECT_EQ(json[1]["column"], 5);
  EXPECT_EQ(json[1]["severity"], "error");
  EXPECT_EQ(json[1]["rule"], "unknown-item");
  EXPECT_EQ(json[1]["hint"], "did you mean 'carers'?");
  EXPECT_EQ(json[0]["message"], "quote \" and \\ survive");
  EXPECT_EQ(json[2]["severity"], "warning");
}

}  // namespace
}  // namespace iact
