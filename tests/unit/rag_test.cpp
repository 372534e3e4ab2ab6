#include "rag/rag.h"

#include <gtest/gtest.h>

namespace iact {
namespace {

Action action(Status status, const std::string& due, const std::string& baseline = "") {
  Action a;
  a.status = Located<Status>{status, {}};
  a.due = Located<Due>{std::get<Due>(parse_due(due)), {}};
  if (!baseline.empty()) a.baseline_due = Located<Due>{std::get<Due>(parse_due(baseline)), {}};
  return a;
}

struct BragCase {
  Status status;
  const char* due;
  const char* baseline;
  Date as_of;
  Brag expected;
};

// The SPEC defaults, at several as-of dates around the due date 2025-09-30.
TEST(Rag, DefaultPolicy) {
  using enum Status;
  const Date before{2025, 6, 30}, near{2025, 9, 15}, on{2025, 9, 30}, after{2025, 10, 1};
  const BragCase cases[] = {
      {kComplete, "2025-09-30", "", after, Brag::kBlue},
      {kComplete, "tbc", "", after, Brag::kBlue},
      {kOnTrack, "2025-09-30", "", before, Brag::kGreen},
      {kOnTrack, "2025-09-30", "", on, Brag::kGreen},  // due today has not passed
      {kOnTrack, "2025-09-30", "", after, Brag::kRed},
      {kOnTrack, "Q2 2025/26", "", after, Brag::kRed},
      {kOnTrack, "2025-09", "", on, Brag::kGreen},
      {kOffTrack, "2025-09-30", "", before, Brag::kRed},
      {kBlocked, "2026-09-30", "", before, Brag::kRed},
      {kAtRisk, "2025-09-30", "", before, Brag::kAmber},
      {kAtRisk, "2025-09-30", "", after, Brag::kRed},
      {kOnTrack, "2025-12-31", "2025-09-30", before, Brag::kAmber},  // re-planned later
      {kOnTrack, "2025-06-30", "2025-09-30", before, Brag::kGreen},  // brought forward
      {kOnTrack, "tbc", "", before, Brag::kAmber},
      {kNotStarted, "tbc", "", before, Brag::kAmber},
      {kNotStarted, "2025-09-30", "", before, Brag::kGrey},
      {kNotStarted, "2025-09-30", "", near, Brag::kAmber},               // due within 30 days
      {kNotStarted, "2025-09-30", "", Date{2025, 8, 31}, Brag::kAmber},  // exactly 30 days
      {kNotStarted, "2025-09-30", "", Date{2025, 8, 30}, Brag::kGrey},   // 31 days
      {kNotStarted, "2025-09-30", "", after, Brag::kRed},
      {kOnTrack, "ongoing", "", after, Brag::kGreen},
      {kNotStarted, "ongoing", "", after, Brag::kGrey},
  };
  for (const BragCase& c : cases) {
    RagResult r = evaluate(action(c.status, c.due, c.baseline), c.as_of, RagPolicy{});
    EXPECT_EQ(name_of(r.brag), name_of(c.expected))
        << name_of(c.status) << " due " << c.due << " baseline '" << c.baseline << "' as of "
        << c.as_of.iso();
  }
}

TEST(Rag, PolicyChangesTheDueSoonWindow) {
  Action a = action(Status::kNotStarted, "2025-09-30");
  EXPECT_EQ(evaluate(a, Date{2025, 8, 1}, RagPolicy{30}).brag, Brag::kGrey);
  EXPECT_EQ(evaluate(a, Date{2025, 8, 1}, RagPolicy{60}).brag, Brag::kAmber);
}

// A custom policy: 14 days' grace after the due date, a 60-day due-soon window, and
// re-planned or tbc actions left Green.
TEST(Rag, CustomPolicy) {
  using enum Status;
  const RagPolicy custom{60, 14, false, false};
  const Date before{2025, 6, 30}, grace_end{2025, 10, 14}, past_grace{2025, 10, 15};
  const BragCase cases[] = {
      {kOnTrack, "2025-09-30", "", Date{2025, 10, 1}, Brag::kGreen},  // within the grace
      {kOnTrack, "2025-09-30", "", grace_end, Brag::kGreen},
      {kOnTrack, "2025-09-30", "", past_grace, Brag::kRed},
      {kNotStarted, "2025-09-30", "", past_grace, Brag::kRed},
      {kAtRisk, "2025-09-30", "", grace_end, Brag::kAmber},
      {kOnTrack, "2025-12-31", "2025-09-30", before, Brag::kGreen},  // re-planned: Green
      {kOnTrack, "tbc", "", before, Brag::kGreen},
      {kNotStarted, "tbc", "", before, Brag::kGrey},
      {kNotStarted, "2025-09-30", "", Date{2025, 8, 1}, Brag::kAmber},  // 60 days
      {kNotStarted, "2025-09-30", "", Date{2025, 7, 31}, Brag::kGrey},  // 61 days
      {kOffTrack, "2026-09-30", "", before, Brag::kRed},
      {kComplete, "2024-01-31", "", past_grace, Brag::kBlue},
  };
  for (const BragCase& c : cases) {
    RagResult r = evaluate(action(c.status, c.due, c.baseline), c.as_of, custom);
    EXPECT_EQ(name_of(r.brag), name_of(c.expected))
        << name_of(c.status) << " due " << c.due << " baseline '" << c.baseline << "' as of "
        << c.as_of.iso();
  }
}

TEST(Rag, SettingsChangeOnlyWhatTheySet) {
  RagSettings s;
  s.overdue_grace_days = Located<int>{7, {}};
  s.due_tbc = Located<std::string>{"green", {}};
  const RagPolicy p = with_settings(RagPolicy{}, s);
  EXPECT_EQ(p.due_soon_days, 30);
  EXPECT_EQ(p.overdue_grace_days, 7);
  EXPECT_TRUE(p.replanned_is_amber);
  EXPECT_FALSE(p.due_tbc_is_amber);
}

TEST(Rag, PolicyFileWinsOverThePlansBlock) {
  Plan plan;
  plan.rag = RagSettings{};
  plan.rag->due_soon_days = Located<int>{10, {}};
  plan.rag->overdue_grace_days = Located<int>{5, {}};
  EXPECT_EQ(policy_for(plan, std::nullopt), (RagPolicy{10, 5, true, true}));
  RagSettings file;
  file.due_soon_days = Located<int>{45, {}};
  EXPECT_EQ(policy_for(plan, file), (RagPolicy{45, 5, true, true}));
  EXPECT_EQ(policy_for(Plan{}, std::nullopt), RagPolicy{});
}

TEST(Rag, ReasonsNameTheDate) {
  RagResult r = evaluate(action(Status::kOnTrack, "2024-10-30"), Date{2025, 1, 1}, RagPolicy{});
  EXPECT_EQ(r.reason, "due 30 Oct 2024 has passed");
}

}  // namespace
}  // namespace iact

namespace iact {
namespace {

// A status the source never reported declares nothing: the action is coloured by its dates
// as one not yet started would be, and never said to contradict itself.
TEST(NotReported, ColouredByDatesAlone) {
  RagPolicy policy;
  const Due later = std::get<Due>(parse_due("2025-12-31"));
  const Due soon = std::get<Due>(parse_due("2025-06-15"));
  const Due past = std::get<Due>(parse_due("2025-05-01"));
  const Date as_of{2025, 6, 1};
  EXPECT_EQ(evaluate(Status::kNotReported, &later, nullptr, as_of, policy).brag, Brag::kGrey);
  EXPECT_EQ(evaluate(Status::kNotReported, &later, nullptr, as_of, policy).reason,
            "status not reported");
  EXPECT_EQ(evaluate(Status::kNotReported, &soon, nullptr, as_of, policy).brag, Brag::kAmber);
  EXPECT_EQ(evaluate(Status::kNotReported, &past, nullptr, as_of, policy).brag, Brag::kRed);
  EXPECT_FALSE(contradicts(Status::kNotReported, Brag::kRed));
  EXPECT_TRUE(contradicts(Status::kNotStarted, Brag::kRed));
}

}  // namespace
}  // namespace iact
