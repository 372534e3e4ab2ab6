#include "view/plan_diff.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace iact {
namespace {

using testing::kValidPlan;

Plan load(const std::string& text, const std::string& file = "trust.yaml") {
  Diagnostics diags;
  std::optional<Plan> plan = load_plan_text(text, file, diags);
  EXPECT_TRUE(plan && !diags.has_errors());
  return plan ? *plan : Plan{};
}

std::string edited(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// One line per change: "changed action A-1 due: 2026-06-30 -> 2026-09-30".
std::vector<std::string> lines(const std::vector<ItemChange>& changes) {
  std::vector<std::string> out;
  for (const ItemChange& c : changes) {
    std::string head = std::string(name_of(c.kind)) + " " + c.what + " " + c.id;
    if (c.fields.empty()) out.push_back(head);
    for (const FieldChange& f : c.fields)
      out.push_back(head + " " + f.field + ": " + f.before + " -> " + f.after);
  }
  return out;
}

struct DiffCase {
  std::string name;
  std::string from, to;
  std::vector<std::string> expected;
};

TEST(Diff, FieldByField) {
  const std::vector<DiffCase> cases = {
      {"nothing", "", "", {}},
      {"re-planned",
       "    due: 2026-06-30\n",
       "    due: 2026-09-30\n    baseline_due: 2026-06-30\n",
       {"changed action A-1 due: 2026-06-30 -> 2026-09-30",
        "changed action A-1 baseline_due:  -> 2026-06-30"}},
      {"status and title",
       "    status: on-track\n    cost",
       "    status: at-risk\n    cost",
       {"changed action A-1 status: on-track -> at-risk"}},
      {"a new update",
       "        note: Started.\n",
       "        note: Started.\n      - { date: 2025-10-01, status: at-risk, note: Delayed. }\n",
       {"changed action A-1 updates:  -> 2025-10-01 at-risk: Delayed."}},
      {"an edited update",
       "note: Started.",
       "note: Begun.",
       {"changed action A-1 updates: 2025-08-01 on-track: Started. -> ",
        "changed action A-1 updates:  -> 2025-08-01 on-track: Begun."}},
      {"an action removed and one added",
       "  - id: A-2\n",
       "  - id: A-3\n",
       {"removed action A-2", "added action A-3"}},
      {"a risk rescored",
       "impact: 3",
       "impact: 5",
       {"changed risk R1 impact: 3 -> 5", "changed risk R1 score: 6 -> 10"}},
      {"a risk closed",
       "    actions: [A-1]\n",
       "    actions: [A-1]\n    closed: 2026-01-15\n",
       {"changed risk R1 closed:  -> 2026-01-15"}},
      // The same date written another way is no change; a new one is shown in its form.
      {"same due, other form", "due: 2025-09-30", "due: Q2 2025/26", {}},
      {"a quarter re-planned",
       "    due: 2026-06-30\n",
       "    due: Q1 2027/28\n    baseline_due: Q1 2026/27\n",
       {"changed action A-1 due: 2026-06-30 -> Q1 2027/28",
        "changed action A-1 baseline_due:  -> Q1 2026/27"}},
  };
  const Plan before = load(kValidPlan);
  for (const DiffCase& c : cases) {
    SCOPED_TRACE(c.name);
    const Plan after = load(c.from.empty() ? kValidPlan : edited(kValidPlan, c.from, c.to));
    EXPECT_EQ(lines(diff_plans({&before}, {&after})), c.expected);
  }
}

TEST(Diff, PlansAreMatchedByOrganisationCode) {
  const Plan trust = load(kValidPlan, "old-name.yaml");
  const Plan renamed = load(kValidPlan, "new-name.yaml");
  EXPECT_TRUE(diff_plans({&trust}, {&renamed}).empty());

  const Plan other = load(edited(kValidPlan, "code: RH5", "code: RXX"), "other.yaml");
  EXPECT_EQ(lines(diff_plans({&trust}, {&other})),
            (std::vector<std::string>{"removed plan old-name.yaml", "added plan other.yaml"}));
}

}  // namespace
}  // namespace iact
