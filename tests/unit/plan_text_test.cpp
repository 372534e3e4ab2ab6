// Editing plans as text: only the lines an edit is about change; comments, quoting, key
// order and line endings stay.
#include "edit/plan_text.h"

#include <gtest/gtest.h>

#include "edit/action_update.h"

namespace iact {
namespace {

const std::string kPlan = R"(# A plan, with comments
iact: 1
actions:
  - id: A-1
    title: "Quoted title"   # keep me
    due: 2025-06   # first agreed
    status: on-track

  - id: A-2   # second
    title: Plain
    due: tbc
    status: not-started
    updates:
      - date: 2025-01-01
        note: Started.
    # a comment at the end of A-2
# a comment at the end of the file
)";

PlanText edit(const std::string& text = kPlan) {
  Diagnostics diags;
  PlanText t(text, "p.yaml", diags);
  EXPECT_TRUE(t.ok());
  return t;
}

TEST(PlanText, AValueIsReplacedWhereItStands) {
  PlanText t = edit();
  std::string error;
  ASSERT_TRUE(t.set_action_field("A-1", "due", "2025-09", {}, error)) << error;
  ASSERT_TRUE(t.set_action_field("A-1", "title", "New title", {}, error)) << error;
  std::string expected = kPlan;
  expected.replace(expected.find("due: 2025-06"), 12, "due: 2025-09");
  expected.replace(expected.find("\"Quoted title\""), 14, "New title");
  EXPECT_EQ(t.text(), expected);
}

TEST(PlanText, ANewKeyGoesAfterTheOneNamed) {
  PlanText t = edit();
  std::string error;
  ASSERT_TRUE(t.set_action_field("A-1", "baseline_due", "2025-06", {"due"}, error)) << error;
  ASSERT_TRUE(t.set_action_field("A-2", "completed", "2025-02-01", {"status"}, error)) << error;
  std::string expected = kPlan;
  expected.insert(expected.find("    status: on-track"), "    baseline_due: 2025-06\n");
  expected.insert(expected.find("    updates:"), "    completed: 2025-02-01\n");
  EXPECT_EQ(t.text(), expected);
}

TEST(PlanText, UpdatesAreAppendedToTheLogOrStartIt) {
  PlanText t = edit();
  std::string error;
  ASSERT_TRUE(t.append_to_action_list("A-2", "updates", "date: 2025-02-01\nnote: Done.", {}, error))
      << error;
  ASSERT_TRUE(
      t.append_to_action_list("A-1", "updates", "date: 2025-02-01\nstatus: at-risk", {}, error))
      << error;
  std::string expected = kPlan;
  expected.insert(expected.find("    # a comment at the end of A-2"),
                  "      - date: 2025-02-01\n        note: Done.\n");
  expected.insert(expected.find("    status: on-track\n") + 21,
                  "    updates:\n      - date: 2025-02-01\n        status: at-risk\n");
  EXPECT_EQ(t.text(), expected);
}

TEST(PlanText, ActionsAreAppendedInTheFilesIndentation) {
  const std::string flush_left = "iact: 1\nactions:\n- id: A\n  title: x\n- id: B\n  title: y\n";
  PlanText t = edit(flush_left);
  std::string error;
  ASSERT_TRUE(t.append_actions("  - id: C\n    title: z\n", error)) << error;
  EXPECT_EQ(t.text(), flush_left + "- id: C\n  title: z\n");
  PlanText spaced = edit();
  ASSERT_TRUE(spaced.append_actions("  - id: C\n    title: z\n", error)) << error;
  std::string expected = kPlan;
  expected.insert(expected.find("    # a comment at the end of A-2") +
                      std::string("    # a comment at the end of A-2\n").size(),
                  "\n  - id: C\n    title: z\n");
  EXPECT_EQ(spaced.text(), expected);
  // A plan of one action cannot say how it spaces them: the block's own spacing stands.
  const std::string one = "iact: 1\nactions:\n  - id: A\n    title: x\n";
  PlanText single = edit(one);
  ASSERT_TRUE(single.append_actions("  - id: C\n    title: z\n\n  - id: D\n    title: w\n", error))
      << error;
  EXPECT_EQ(single.text(), one + "\n  - id: C\n    title: z\n\n  - id: D\n    title: w\n");
}

TEST(PlanText, CrlfAndAMissingFinalNewlineStay) {
  PlanText t = edit("iact: 1\r\nactions:\r\n  - id: A\r\n    due: tbc");
  std::string error;
  ASSERT_TRUE(t.set_action_field("A", "due", "2025-01", {}, error)) << error;
  EXPECT_EQ(t.text(), "iact: 1\r\nactions:\r\n  - id: A\r\n    due: 2025-01");
}

TEST(PlanText, AOneLineListTakesAnItemBeforeItsBracket) {
  PlanText t = edit("iact: 1\nactions:\n  - id: B\n    evidence: [Audit, \"Minutes, May\"]  # c\n");
  std::string error;
  ASSERT_TRUE(t.append_to_action_list("B", "evidence", "\"Report, June\"", {}, error)) << error;
  EXPECT_EQ(t.text(),
            "iact: 1\nactions:\n  - id: B\n    evidence: [Audit, \"Minutes, May\", \"Report, "
            "June\"]  # c\n");
}

TEST(PlanText, AFieldIsRemovedWithItsLinesOnly) {
  PlanText t = edit();
  std::string error;
  ASSERT_TRUE(t.remove_action_field("A-2", "updates", error)) << error;
  ASSERT_TRUE(t.remove_action_field("A-1", "due", error)) << error;
  ASSERT_TRUE(t.remove_action_field("A-1", "completed", error)) << error;  // none: no change
  std::string expected = kPlan;
  for (const std::string gone :
       {"    due: 2025-06   # first agreed\n",
        "    updates:\n      - date: 2025-01-01\n        note: Started.\n"})
    expected.erase(expected.find(gone), gone.size());
  EXPECT_EQ(t.text(), expected);
  EXPECT_FALSE(t.remove_action_field("A-1", "id", error));  // the item's first key
  EXPECT_NE(error.find("cannot be removed where it stands"), std::string::npos) << error;
}

TEST(PlanText, WhatCannotBeEditedInPlaceIsRefused) {
  PlanText t = edit(
      "iact: 1\nactions:\n  - { id: A, due: tbc }\n  - id: B\n    updates: [{ date: 2025-01-01 "
      "}]\n");
  std::string error;
  EXPECT_FALSE(t.set_action_field("A", "due", "2025-01", {}, error));
  EXPECT_NE(error.find("written inline"), std::string::npos);
  EXPECT_FALSE(t.append_to_action_list("B", "updates", "date: 2025-02-01\nnote: x", {}, error));
  EXPECT_NE(error.find("written on one line"), std::string::npos);
  EXPECT_FALSE(t.set_action_field("C", "due", "2025-01", {}, error));
  EXPECT_NE(error.find("no action 'C'"), std::string::npos);
}

// The edits of PlanText, made on actions cut out of the plan one at a time: the same text.
TEST(PlanActions, EditsOfCutOutActionsGiveTheSameText) {
  for (const std::string& plan :
       {kPlan, std::string("iact: 1\r\nactions:\r\n- id: A-1\r\n  title: x\r\n- id: A-2\r\n"
                           "  title: y\r\nrisks: []\r\n")}) {
    PlanText whole = edit(plan);
    Diagnostics diags;
    PlanActions cut(plan, "p.yaml", diags);
    ASSERT_TRUE(cut.ok());
    std::string error;
    for (const char* id : {"A-2", "A-1"}) {
      ASSERT_TRUE(whole.set_action_field(id, "status", "at-risk", {"due"}, error)) << error;
      ASSERT_TRUE(
          whole.append_to_action_list(id, "updates", "date: 2025-02-01\nnote: Late.", {}, error))
          << error;
      std::optional<PlanText> piece = cut.cut(id, error);
      ASSERT_TRUE(piece) << error;
      ASSERT_TRUE(piece->set_action_field(id, "status", "at-risk", {"due"}, error)) << error;
      ASSERT_TRUE(
          piece->append_to_action_list(id, "updates", "date: 2025-02-01\nnote: Late.", {}, error))
          << error;
      cut.put(id, *piece);
    }
    EXPECT_EQ(cut.text(), whole.text());
  }
  Diagnostics diags;
  PlanActions cut(kPlan, "p.yaml", diags);
  std::string error;
  EXPECT_FALSE(cut.cut("A-9", error));
  EXPECT_NE(error.find("no action 'A-9'"), std::string::npos);
}

TEST(AnswerProblems, DatesOutsideTheCenturyAreRefused) {
  ActionAnswer answer;
  answer.date = Date{2025, 8, 14};
  answer.due = Due{Due::Kind::kDate, Date{1900, 1, 1}, DateForm::kDay, "1900-01-01"};
  std::vector<AnswerProblem> problems = answer_problems(answer);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, AnswerProblem::Field::kDue);
  EXPECT_NE(problems[0].message.find("from 2000 to 2100"), std::string::npos)
      << problems[0].message;
  answer.due = Due{Due::Kind::kDate, Date{2205, 3, 31}, DateForm::kDay, "2205-03-31"};
  ASSERT_EQ(answer_problems(answer).size(), 1u);
  answer.due = Due{Due::Kind::kDate, Date{2100, 12, 31}, DateForm::kDay, "2100-12-31"};
  EXPECT_TRUE(answer_problems(answer).empty());
  answer.due.reset();
  answer.date = Date{2100, 12, 31};
  answer.completed = Date{1999, 12, 31};
  problems = answer_problems(answer);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, AnswerProblem::Field::kCompleted);
}

}  // namespace
}  // namespace iact
