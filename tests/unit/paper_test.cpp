#include "write/paper.h"

#include <fstream>

#include <gtest/gtest.h>

#include "test_support.h"

namespace iact {
namespace {

TEST(PaperTemplate, ValuesAreEscapedAndMarkdownValuesAreNot) {
  nlohmann::json context{{"title", "A | B *c*"},
                         {"cell_md", "[R]{custom-style=\"BRAG Red\"}"},
                         {"rows", {{{"id", "X-1"}}, {{"id", "X-2"}}}},
                         {"flag", false},
                         {"count", 3}};
  std::string error;
  auto out = render_markdown_template(
      "{{title}}|{{{cell_md}}}|{{#rows}}{{id}};{{/rows}}{{^flag}}no{{/flag}}|{{count}}", context,
      error);
  ASSERT_TRUE(out) << error;
  EXPECT_EQ(*out, "A \\| B \\*c\\*|[R]{custom-style=\"BRAG Red\"}|X\\-1;X\\-2;no|3");
}

TEST(PaperTemplate, BrokenTemplateSaysWhy) {
  std::string error;
  EXPECT_FALSE(render_markdown_template("{{#rows}} never closed", nlohmann::json::object(), error));
  EXPECT_NE(error.find("rows"), std::string::npos) << error;
}

TEST(PaperContext, CountOf) {
  EXPECT_EQ(count_of(0, "action"), "no actions");
  EXPECT_EQ(count_of(1, "action"), "1 action");
  EXPECT_EQ(count_of(2, "risk is", "risks are"), "2 risks are");
}

TEST(PaperContext, GlossaryKeepsWholeWordsOnly) {
  std::vector<GlossaryEntry> glossary = {{"DNA", "Did not attend"},
                                         {"ICB", "Integrated care board"},
                                         {"ED", "Emergency"},
                                         {"DIALOG+", "Care planning"},
                                         {"SMI", "Severe mental illness"}};
  auto used = terms_used(glossary, "The ICB's DNA policy (DIALOG+) was SHARED.");
  ASSERT_EQ(used.size(), 3u);
  EXPECT_EQ(used[0].term, "DIALOG+");
  EXPECT_EQ(used[1].term, "DNA");
  EXPECT_EQ(used[2].term, "ICB");  // "ED" inside "SHARED" does not count
}

TEST(Glossary, TheShippedGlossaryLoadsAndBadOnesAreReported) {
  Diagnostics diags;
  auto terms = load_glossary(std::string(IACT_TEST_TEMPLATES) + "/glossary.yaml", diags);
  EXPECT_TRUE(diags.items().empty());
  EXPECT_GT(terms.size(), 20u);
  const std::string bad = ::testing::TempDir() + "/glossary.yaml";
  std::ofstream(bad) << "iact-glossary: 1\nterms:\n  DNA: [not, text]\n";
  EXPECT_TRUE(load_glossary(bad, diags).empty());
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].pos, (Pos{3, 8}));
}

TEST(PaperContext, SummaryIsWrittenFromTheView) {
  Diagnostics diags;
  Plan plan = *load_plan_text(testing::kValidPlan, "trust.yaml", diags);
  ViewError error;
  ViewOptions options;
  options.as_of = Date{2025, 10, 1};
  auto view = build_view("t", {&plan}, testing::frameworks(), options, error);
  ASSERT_TRUE(view);
  nlohmann::json c = paper_context(*view, PaperSettings{});
  const std::string first = c["summary"]["paragraphs"][0]["text"];
  EXPECT_EQ(first,
            "The SFT plan holds 2 actions as of 1 October 2025: 1 complete, 1 on track, 0 Amber "
            "and 0 off track or overdue.");
  EXPECT_EQ(c["totals"]["total"], 2);
  EXPECT_EQ(c["appendix"][0]["actions"][1]["brag"]["letter"], "B");
  EXPECT_EQ(c["cover"][0]["label"], "Meeting");
}

// Amber says why: an action with no date yet is not "at risk"; a re-planned action's
// progress names the date first agreed.
TEST(PaperContext, AmberIsSplitByWhyAndReplanningShowsTheFirstDate) {
  std::string text = testing::kValidPlan;
  // A-1 declared at risk; A-2 re-planned; a third action with no date yet.
  text.replace(text.find("status: on-track\n    cost"), 16, "status: at-risk");
  text.replace(text.find("    due: 2025-09-30\n"), 20,
               "    due: 2026-06-30\n    baseline_due: 2026-03-31\n");
  text.replace(text.find("status: complete"), 16, "status: on-track");
  text.replace(text.find("    completed: 2025-09-15\n"), 26, "");
  text.replace(text.find("risks:"), 6,
               "  - id: A-3\n    title: Later\n    addresses: [families]\n    lead: SFT\n"
               "    due: tbc\n    status: not-started\nrisks:");
  Diagnostics diags;
  std::optional<Plan> plan = load_plan_text(text, "trust.yaml", diags);
  ASSERT_TRUE(plan && !diags.has_errors())
      << (diags.items().empty() ? "" : diags.items()[0].message);
  ViewError error;
  ViewOptions options;
  options.as_of = Date{2025, 10, 1};
  auto view = build_view("t", {&*plan}, testing::frameworks(), options, error);
  ASSERT_TRUE(view);
  nlohmann::json c = paper_context(*view, PaperSettings{});
  const std::string first = c["summary"]["paragraphs"][0]["text"];
  EXPECT_NE(first.find("3 Amber (1 at risk, 1 re-planned to a later date, 1 awaiting a due "
                       "date)"),
            std::string::npos)
      << first;
  bool found = false;
  for (const auto& a : c["appendix"][0]["actions"]) {
    if (a["id"] == "A-2") {
      found = true;
      EXPECT_EQ(std::string(a["progress"]).rfind("Re-planned: was 31 Mar 2026.", 0), 0u)
          << a["progress"];
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace iact
