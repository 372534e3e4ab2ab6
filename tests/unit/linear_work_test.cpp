// Work that must grow with the input, not with its square: each test runs a piece of iact on
// an input and on one twice its size and requires the counted work (util/work_count.h; steps,
// not time) to at most double, with a little slack for fixed costs. bench/linear.sh has the
// times.
#include <filesystem>
#include <functional>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "check/report.h"
#include "edit/action_update.h"
#include "edit/plan_text.h"
#include "frameworks/catalogue.h"
#include "plan/loader.h"
#include "util/work_count.h"
#include "view/summary.h"
#include "write/rollup_workbook.h"

namespace iact {
namespace {

// The work of `run(n)` and of `run(2n)`.
std::pair<std::uint64_t, std::uint64_t> work_at_n_and_2n(Work what, size_t n,
                                                         const std::function<void(size_t)>& run) {
  reset_work();
  run(n);
  const std::uint64_t once = work_done(what);
  reset_work();
  run(2 * n);
  return {once, work_done(what)};
}

void expect_at_most_double(std::pair<std::uint64_t, std::uint64_t> work) {
  EXPECT_GT(work.first, 0u);
  EXPECT_LE(static_cast<double>(work.second), 2.1 * static_cast<double>(work.first))
      << "n: " << work.first << " steps, 2n: " << work.second << " steps";
}

// A plan whose one action has `n` keys the format does not define: n unknown-key errors, each
// shown with its line.
TEST(LinearWork, DiagnosticsOfOneFileShowTheirLines) {
  expect_at_most_double(work_at_n_and_2n(Work::kSourceLines, 4000, [](size_t n) {
    std::string text =
        "iact: 1\norganisation:\n  code: RXX\n  name: T\n  kind: trust\n  icb: QXX\n"
        "frameworks: [nhse-2024-themes]\nactions:\n  - id: A-1\n    title: T\n";
    for (size_t i = 0; i < n; ++i) text += fmt::format("    unknown_key_{}: x\n", i);
    Diagnostics diags;
    load_plan_text(text, "big.yaml", diags);
    ASSERT_GE(diags.items().size(), n);
    const std::map<std::string, std::string> sources = {{"big.yaml", text}};
    std::ostringstream out;
    print_text(diags, out, TextStyle{false, true, &sources});
    ASSERT_NE(out.str().find(fmt::format("unknown_key_{}: x", n - 1)), std::string::npos);
  }));
}

// A local timeline of n periods, each checked against those before it for a clash.
TEST(LinearWork, ALongTimelineIsCheckedForClashes) {
  expect_at_most_double(work_at_n_and_2n(Work::kPeriods, 20000, [](size_t n) {
    std::string text = "iact-timeline: 1\nperiods:\n";
    for (size_t i = 0; i < n; ++i) {
      const int year = 3000 + static_cast<int>(i / 12), month = static_cast<int>(i % 12) + 1;
      text += fmt::format("  - {{ id: {:04d}-{:02d}, due: {:04d}-{:02d}-28, title: P }}\n", year,
                          month, year, month);
    }
    text += "  - { id: 3000-01, due: 3000-01-28, title: P }\n";  // one clash, found
    Catalogue cat;
    Diagnostics diags;
    add_catalogue_text(text, "t.yaml", cat, diags, /*local=*/true);
    ASSERT_EQ(cat.periods.size(), n);
    ASSERT_EQ(diags.items().size(), 1u);
    EXPECT_EQ(diags.items()[0].rule, "duplicate-id");
  }));
}

// n systems' worth of trend points rolled up and written as the roll-up's Trend sheet.
TEST(LinearWork, TheRollUpsTrendGrowsWithItsPoints) {
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() / fmt::format("iact-linear-{}.xlsx", getpid());
  expect_at_most_double(work_at_n_and_2n(Work::kTrendPoints, 1500, [&](size_t n) {
    std::vector<SystemSummary> systems;
    for (int s = 0; s < 2; ++s) {
      SystemSummary sys;
      sys.system = sys.name = fmt::format("system-{}", s);
      sys.code = fmt::format("Q{:02d}", s);
      sys.as_of = Date{2026, 2, 1};
      for (size_t i = 0; i < n; ++i) {
        const Date due = Date{2000, 1, 1}.plus_days(static_cast<long>(i));
        BragCounts c;
        c.n = {1, 0, 0, 0, 0};
        sys.trend.push_back(TrendPoint{fmt::format("p{}", i), due, c});
      }
      systems.push_back(std::move(sys));
    }
    const Rollup r = roll_up(std::move(systems));
    ASSERT_EQ(r.trend.size(), n + 1);  // and "now", which these systems do not have
    EXPECT_EQ(r.trend[n - 1].counts.total(), 2);
    RollupJob job;
    job.title = "Trend";
    job.file = file;
    ASSERT_FALSE(write_rollup_workbook(r, job).has_value());
  }));
  std::filesystem::remove(file);
}

// `iact apply`'s way with a plan of n actions each answered: the plan is parsed once and each
// answer costs its action's lines, so n answers to a plan twice the size cost twice the work
// (a whole-plan edit per answer cost the square).
TEST(LinearWork, AnswersToALargePlanEachCostTheirAction) {
  expect_at_most_double(work_at_n_and_2n(Work::kPlanBytes, 1000, [](size_t n) {
    std::string text =
        "iact: 1\norganisation:\n  code: RXX\n  name: T\n  kind: trust\n  icb: QXX\n"
        "frameworks: [nhse-2024-themes]\nactions:\n";
    for (size_t i = 0; i < n; ++i) {
      text += fmt::format(
          "  - id: A-{}\n    title: Action {}\n    due: 2026-03-31\n    status: on-track\n\n", i,
          i);
    }
    Diagnostics diags;
    std::optional<Plan> plan = load_plan_text(text, "big.yaml", diags);
    ASSERT_TRUE(plan);
    reset_work();  // loading is not the answers' work
    PlanActions cut(text, "big.yaml", diags);
    ASSERT_TRUE(cut.ok());
    std::vector<std::string> changes;
    for (const Action& a : plan->actions) {
      ActionAnswer answer;
      answer.date = Date{2025, 9, 1};
      answer.status = Status::kAtRisk;
      answer.note = "Recruitment is behind.";
      std::string error;
      std::optional<PlanText> piece = cut.cut(a.id->value, error);
      ASSERT_TRUE(piece) << error;
      ASSERT_TRUE(apply_answer(*piece, a, answer, changes, error)) << error;
      cut.put(a.id->value, *piece);
    }
    const std::string after = cut.text();
    Diagnostics reread;
    std::optional<Plan> edited = load_plan_text(after, "big.yaml", reread);
    ASSERT_TRUE(edited);
    ASSERT_EQ(edited->actions.size(), n);
    EXPECT_EQ(edited->actions.back().status->value, Status::kAtRisk);
    EXPECT_EQ(edited->actions.back().updates.size(), 1u);
  }));
}

}  // namespace
}  // namespace iact
