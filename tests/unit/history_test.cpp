#include "view/history.h"

#include <gtest/gtest.h>

#include "plan/loader.h"

namespace iact {
namespace {

// Each action shows one way the history is rebuilt; the tables below read them at days
// either side of the boundaries that matter.
const std::string kPlan = R"(iact: 1
organisation: { code: QSL, name: NHS Somerset ICB, short: ICB, kind: icb }
frameworks: [investigation-2025]
actions:
  - id: REPLANNED
    title: Re-planned twice in its log, then completed
    addresses: [families]
    lead: ICB
    baseline_due: 2025-03-31
    due: 2025-12-31
    status: complete
    completed: 2025-11-15
    evidence: [Report]
    updates:
      - { date: 2025-01-10, status: on-track }
      - { date: 2025-04-15, status: at-risk, due: 2025-09-30 }
      - { date: 2025-08-20, status: on-track, due: 2025-12-31 }
      - { date: 2025-11-15, status: complete }
  - id: BASELINE-ONLY
    title: Re-planned, with no dated re-plan in its log
    addresses: [families]
    lead: ICB
    baseline_due: 2025-05-31
    due: 2025-09-30
    status: on-track
  - id: ADDED
    title: Joined the plan in August
    addresses: [families]
    lead: ICB
    added: 2025-08-01
    due: 2025-10-31
    status: not-started
  - id: DONE-UNDATED
    title: Complete with no completed date
    addresses: [families]
    lead: ICB
    due: 2025-03-31
    status: complete
  - id: DONE-MAY
    title: Completed in May, no log
    addresses: [families]
    lead: ICB
    due: 2025-06-30
    status: complete
    completed: 2025-05-01
  - id: SAME-DAY
    title: Two updates on one day
    addresses: [families]
    lead: ICB
    due: 2026-06-30
    status: blocked
    updates:
      - { date: 2025-06-01, status: on-track }
      - { date: 2025-06-01, status: blocked }
  - id: DECLARED
    title: Declared off track after its last update
    addresses: [families]
    lead: ICB
    due: 2026-06-30
    status: off-track
    updates:
      - { date: 2025-05-01, status: on-track }
  - id: NO-BASELINE
    title: Re-planned with no baseline
    addresses: [families]
    lead: ICB
    due: 2026-03-31
    status: on-track
    updates:
      - { date: 2025-10-01, status: on-track, due: 2026-03-31 }
risks:
  - { id: R1, title: Closed in September, closed: 2025-09-01 }
  - { id: R2, title: Still open }
)";

class HistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Diagnostics diags;
    plan_ = *load_plan_text(kPlan, "icb.yaml", diags);
    ASSERT_FALSE(diags.has_errors());
  }
  const Action& action(const std::string& id) const {
    for (const Action& a : plan_.actions) {
      if (a.id->value == id) return a;
    }
    throw std::runtime_error("no action " + id);
  }
  Plan plan_;
  RagPolicy policy_;
};

struct StateCase {
  std::string action;
  Date day;
  bool exists;
  Status status;
  std::string due;  // ISO, or "" for none
  Brag brag;
};

TEST_F(HistoryTest, TheStateAtTheEndOfADay) {
  const std::vector<StateCase> cases = {
      // Before the log begins: its first status, due at the baseline.
      {"REPLANNED", {2024, 12, 31}, true, Status::kOnTrack, "2025-03-31", Brag::kGreen},
      {"REPLANNED", {2025, 4, 10}, true, Status::kOnTrack, "2025-03-31", Brag::kRed},
      // The re-plan takes effect on its own date.
      {"REPLANNED", {2025, 4, 15}, true, Status::kAtRisk, "2025-09-30", Brag::kAmber},
      {"REPLANNED", {2025, 6, 30}, true, Status::kAtRisk, "2025-09-30", Brag::kAmber},
      // On track but later than first agreed: Amber.
      {"REPLANNED", {2025, 10, 15}, true, Status::kOnTrack, "2025-12-31", Brag::kAmber},
      {"REPLANNED", {2025, 11, 14}, true, Status::kOnTrack, "2025-12-31", Brag::kAmber},
      {"REPLANNED", {2025, 11, 15}, true, Status::kComplete, "2025-12-31", Brag::kBlue},
      // No dated re-plan: the current due date throughout.
      {"BASELINE-ONLY", {2025, 1, 1}, true, Status::kOnTrack, "2025-09-30", Brag::kAmber},
      {"ADDED", {2025, 7, 31}, false, Status::kNotStarted, "2025-10-31", Brag::kGrey},
      {"ADDED", {2025, 8, 1}, true, Status::kNotStarted, "2025-10-31", Brag::kGrey},
      {"ADDED", {2025, 10, 1}, true, Status::kNotStarted, "2025-10-31", Brag::kAmber},
      {"ADDED", {2025, 11, 1}, true, Status::kNotStarted, "2025-10-31", Brag::kRed},
      // Complete with no date: complete whenever it is read.
      {"DONE-UNDATED", {2024, 1, 1}, true, Status::kComplete, "2025-03-31", Brag::kBlue},
      // Complete only from its completed date; on track before.
      {"DONE-MAY", {2025, 4, 30}, true, Status::kOnTrack, "2025-06-30", Brag::kGreen},
      {"DONE-MAY", {2025, 5, 1}, true, Status::kComplete, "2025-06-30", Brag::kBlue},
      // Two updates on one day: the later in the log wins.
      {"SAME-DAY", {2025, 6, 1}, true, Status::kBlocked, "2026-06-30", Brag::kRed},
      {"SAME-DAY", {2025, 5, 31}, true, Status::kOnTrack, "2026-06-30", Brag::kGreen},
      // The declared status holds from the newest update on; the log before it.
      {"DECLARED", {2025, 6, 1}, true, Status::kOffTrack, "2026-06-30", Brag::kRed},
      {"DECLARED", {2025, 5, 1}, true, Status::kOffTrack, "2026-06-30", Brag::kRed},
      {"DECLARED", {2025, 4, 30}, true, Status::kOnTrack, "2026-06-30", Brag::kGreen},
      // Re-planned with no baseline: the due date before the re-plan is not known.
      {"NO-BASELINE", {2025, 9, 30}, true, Status::kOnTrack, "", Brag::kGreen},
      {"NO-BASELINE", {2025, 10, 1}, true, Status::kOnTrack, "2026-03-31", Brag::kGreen},
  };
  for (const StateCase& c : cases) {
    SCOPED_TRACE(c.action + " at " + c.day.iso());
    const ActionState s = state_at(action(c.action), c.day);
    EXPECT_EQ(s.exists, c.exists);
    EXPECT_EQ(s.status, c.status);
    EXPECT_EQ(s.due ? s.due->date.iso() : "", c.due);
    EXPECT_EQ(evaluate_at(action(c.action), c.day, policy_).brag, c.brag);
  }
}

struct ChangeCase {
  std::string action;
  std::optional<Date> since;
  Date until;
  bool is_new, completed, became_overdue, slipped;
  std::optional<Brag> before;
};

TEST_F(HistoryTest, WhatChangedBetweenTwoDays) {
  const Date jun{2025, 6, 30}, jan{2026, 1, 31};
  const std::vector<ChangeCase> cases = {
      // 30 Sep -> 31 Dec in the window, and completed: slipped and completed.
      {"REPLANNED", jun, jan, false, true, false, true, Brag::kAmber},
      // 31 Mar -> 30 Sep in the window.
      {"REPLANNED", Date{2024, 12, 31}, jun, false, false, false, true, Brag::kGreen},
      // The first due date passed in the window, before any re-plan.
      {"REPLANNED", Date{2025, 3, 31}, Date{2025, 4, 10}, false, false, true, false, Brag::kGreen},
      // The re-plan on 15 April moved it back on track: no longer overdue, and slipped.
      {"REPLANNED", Date{2025, 4, 10}, Date{2025, 4, 20}, false, false, false, true, Brag::kRed},
      // The baseline fell due in the window and the action is later: slipped, once.
      {"BASELINE-ONLY", Date{2025, 1, 1}, jun, false, false, false, true, Brag::kAmber},
      {"BASELINE-ONLY", jun, jan, false, false, true, false, Brag::kAmber},
      // The first period: slipped if later than baseline.
      {"BASELINE-ONLY", std::nullopt, jun, false, false, false, true, std::nullopt},
      // Added in the window, so new, and there is no earlier colour.
      {"ADDED", jun, jan, true, false, true, false, std::nullopt},
      {"ADDED", Date{2025, 8, 15}, Date{2025, 9, 1}, false, false, false, false, Brag::kGrey},
      {"DONE-MAY", Date{2025, 4, 1}, jun, false, true, false, false, Brag::kGreen},
      {"DONE-MAY", jun, jan, false, false, false, false, Brag::kBlue},
      // Undated completion: complete at both ends, so not completed in the window...
      {"DONE-UNDATED", jun, jan, false, false, false, false, Brag::kBlue},
      // ...unless there is no earlier period.
      {"DONE-UNDATED", std::nullopt, jan, false, true, false, false, std::nullopt},
      // A slip needs a known earlier date.
      {"NO-BASELINE", jun, jan, false, false, false, false, Brag::kGreen},
  };
  for (const ChangeCase& c : cases) {
    SCOPED_TRACE(c.action + " from " + (c.since ? c.since->iso() : "start") + " to " +
                 c.until.iso());
    const ActionChange ch = changes_between(action(c.action), c.since, c.until, policy_);
    EXPECT_EQ(ch.is_new, c.is_new);
    EXPECT_EQ(ch.completed, c.completed);
    EXPECT_EQ(ch.became_overdue, c.became_overdue);
    EXPECT_EQ(ch.slipped, c.slipped);
    EXPECT_EQ(ch.before, c.before);
  }
}

TEST_F(HistoryTest, GraceDaysDelayOverdue) {
  RagPolicy lenient;
  lenient.overdue_grace_days = 14;
  const ActionState s = state_at(action("ADDED"), Date{2025, 11, 10});
  EXPECT_TRUE(overdue_at(s, Date{2025, 11, 10}, policy_));
  EXPECT_FALSE(overdue_at(s, Date{2025, 11, 10}, lenient));
  EXPECT_TRUE(overdue_at(s, Date{2025, 11, 15}, lenient));
}

TEST_F(HistoryTest, RisksClosedInTheWindow) {
  const Risk& closed = plan_.risks[0];
  const Risk& open = plan_.risks[1];
  EXPECT_TRUE(closed_between(closed, Date{2025, 6, 30}, Date{2026, 1, 31}));
  EXPECT_FALSE(closed_between(closed, Date{2025, 9, 1}, Date{2026, 1, 31}));  // on `since`
  EXPECT_FALSE(closed_between(closed, Date{2025, 6, 30}, Date{2025, 8, 31}));
  EXPECT_TRUE(closed_between(closed, std::nullopt, Date{2025, 9, 1}));
  EXPECT_FALSE(closed_between(open, std::nullopt, Date{2030, 1, 1}));
}

}  // namespace
}  // namespace iact
