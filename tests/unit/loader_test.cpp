#include "plan/loader.h"

#include <fstream>

#include <gtest/gtest.h>

#include "plan/fields.h"
#include "test_support.h"

namespace iact {
namespace {

using testing::kValidPlan;

Plan load(const std::string& text) {
  Diagnostics diags;
  auto plan = load_plan_text(text, "plan.yaml", diags);
  EXPECT_TRUE(plan);
  EXPECT_EQ(diags.error_count(), 0);
  return plan ? *plan : Plan{};
}

TEST(Loader, ReadsEveryPartOfAPlanWithPositions) {
  Plan plan = load(kValidPlan);
  EXPECT_EQ(plan.file, "plan.yaml");
  ASSERT_TRUE(plan.organisation.code);
  EXPECT_EQ(plan.organisation.code->value, "RH5");
  EXPECT_EQ(plan.organisation.code->pos, (Pos{3, 9}));
  EXPECT_EQ(plan.organisation.label(), "SFT");
  EXPECT_EQ(plan.organisation.kind->value, OrgKind::kTrust);
  EXPECT_FALSE(plan.is_icb());
  ASSERT_EQ(plan.frameworks.size(), 1u);
  EXPECT_EQ(plan.frameworks[0].pos, (Pos{8, 14}));
  ASSERT_EQ(plan.partners.size(), 1u);
  EXPECT_EQ(plan.partners[0].short_name.value, "VCFSE");
  ASSERT_EQ(plan.actions.size(), 2u);

  const Action& a = plan.actions[0];
  EXPECT_EQ(a.id->value, "A-1");
  EXPECT_EQ(a.pos, (Pos{14, 5}));
  EXPECT_EQ(a.addresses.size(), 5u);
  EXPECT_EQ(a.addresses[1].value, "joint-discharge");
  EXPECT_EQ(a.lead.size(), 2u);
  EXPECT_EQ(a.due->value.date, (Date{2026, 6, 30}));
  EXPECT_EQ(a.due->pos, (Pos{19, 10}));
  EXPECT_EQ(a.status->value, Status::kOnTrack);
  ASSERT_TRUE(a.cost);
  EXPECT_EQ(a.cost->kind, Cost::Kind::kAmount);
  EXPECT_EQ(a.cost->amount, 61000);
  EXPECT_EQ(a.cost->recurrent, std::optional<bool>(true));
  ASSERT_EQ(a.updates.size(), 1u);
  EXPECT_EQ(a.updates[0].date->value, (Date{2025, 8, 1}));
  EXPECT_EQ(a.updates[0].note, "Started.");

  const Action& b = plan.actions[1];
  EXPECT_EQ(b.lead.size(), 1u);  // a single lead may be written without brackets
  EXPECT_EQ(b.completed->value, (Date{2025, 9, 15}));
  EXPECT_EQ(b.evidence[0].value, "Audit report");

  ASSERT_EQ(plan.risks.size(), 1u);
  EXPECT_EQ(plan.risks[0].score(), 6);
  EXPECT_EQ(plan.risks[0].actions[0].value, "A-1");
}

TEST(Loader, CostAmountsAsPapersWriteThem) {
  auto cost_of = [](const std::string& cost) {
    Plan plan = load(testing::valid_plan_with("{ amount: 61000, recurrent: true }", cost));
    return plan.actions[0].cost;
  };
  EXPECT_EQ(cost_of("none")->kind, Cost::Kind::kNone);
  EXPECT_EQ(cost_of("tbc")->kind, Cost::Kind::kTbc);
  EXPECT_EQ(cost_of("\xC2\xA3"
                    "50k")
                ->amount,
            50000);
  EXPECT_EQ(cost_of("\xC2\xA3"
                    "3m")
                ->amount,
            3000000);
  EXPECT_EQ(cost_of("126000")->amount, 126000);
  auto noted = cost_of("{ amount: tbc, note: Indicative only }");
  EXPECT_EQ(noted->kind, Cost::Kind::kTbc);
  EXPECT_EQ(noted->note, "Indicative only");
}

TEST(Loader, BoardCoverSheetAndRagBlock) {
  Plan plan = load(kValidPlan + R"(board:
  - date: 2025-07-29
    body: ICB Board
    public: true
    purpose: [note, assurance]
    presented_by: Director of Mental Health
    previously_considered: Quality Committee
    recommendations: [Note the progress, Take assurance]
    assurance: reasonable
    financial_implications: None beyond existing budgets.
rag:
  due_soon_days: 14
  replanned: green
)");
  ASSERT_EQ(plan.board.size(), 1u);
  const BoardMeeting& m = plan.board[0];
  EXPECT_EQ(m.purpose.size(), 2u);
  EXPECT_EQ(m.presented_by, "Director of Mental Health");
  ASSERT_EQ(m.previously_considered.size(), 1u);
  EXPECT_EQ(m.recommendations[1].value, "Take assurance");
  EXPECT_EQ(m.assurance->value, "reasonable");
  EXPECT_EQ(m.financial_implications, "None beyond existing budgets.");
  ASSERT_TRUE(plan.rag);
  EXPECT_EQ(plan.rag->due_soon_days->value, 14);
  EXPECT_FALSE(plan.rag->overdue_grace_days);
  EXPECT_EQ(plan.rag->replanned->value, "green");
}

TEST(Loader, RagBlockValuesAreChecked) {
  Diagnostics diags;
  auto plan = load_plan_text(kValidPlan + "rag:\n  due_soon_days: 400\n  due_tbc: red\n",
                             "plan.yaml", diags);
  ASSERT_TRUE(plan);
  ASSERT_EQ(diags.items().size(), 2u);
  EXPECT_EQ(diags.items()[0].rule, "out-of-range");
  EXPECT_EQ(diags.items()[1].rule, "invalid-value");
}

TEST(Loader, PolicyFile) {
  const std::string dir = ::testing::TempDir();
  const std::string good = dir + "/policy.yaml", bad = dir + "/bad-policy.yaml";
  std::ofstream(good) << "iact-policy: 1\nrag:\n  overdue_grace_days: 7\n";
  std::ofstream(bad) << "iact-policy: 1\nrag:\n  overdue_grace: 7\n";
  Diagnostics diags;
  auto policy = load_policy_file(good, "policy.yaml", diags);
  ASSERT_TRUE(policy);
  EXPECT_EQ(policy->overdue_grace_days->value, 7);
  EXPECT_TRUE(diags.items().empty());
  EXPECT_FALSE(load_policy_file(bad, "bad-policy.yaml", diags));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].rule, "unknown-key");
  EXPECT_EQ(diags.items()[0].pos, (Pos{3, 3}));
}

TEST(Loader, MalformedPartsAreSkippedNotGuessed) {
  Diagnostics diags;
  auto plan = load_plan_text(testing::valid_plan_with("due: 2026-06-30", "due: next year"),
                             "plan.yaml", diags);
  ASSERT_TRUE(plan);
  EXPECT_FALSE(plan->actions[0].due);  // reported once, then absent
  EXPECT_EQ(diags.error_count(), 1);
}

TEST(Loader, RootMustBeAMapping) {
  Diagnostics diags;
  auto plan = load_plan_text("- just\n- a list\n", "plan.yaml", diags);
  ASSERT_TRUE(plan);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].rule, "wrong-type");
  EXPECT_EQ(diags.items()[0].message, "a plan must be a mapping of `key: value` lines, not a list");
}

TEST(Loader, MissingFileIsUnreadable) {
  Diagnostics diags;
  EXPECT_FALSE(load_plan_file("/nonexistent/plan.yaml", "plan.yaml", diags));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].rule, "file-unreadable");
}

TEST(FieldTable, EveryObjectFieldNamesItsObjectAndEveryChoiceHasChoices) {
  std::vector<const ObjectDef*> pending = {&plan_def(), &framework_def(), &timeline_def(),
                                           &policy_def()};
  int fields = 0;
  while (!pending.empty()) {
    const ObjectDef* def = pending.back();
    pending.pop_back();
    for (const FieldDef& f : def->fields) {
      ++fields;
      EXPECT_FALSE(f.doc.empty()) << def->name << "." << f.name;
      const bool needs_object = f.type == FieldType::kObject || f.type == FieldType::kObjectList ||
                                f.type == FieldType::kCost;
      EXPECT_EQ(needs_object, f.object != nullptr) << def->name << "." << f.name;
      const bool needs_choices = f.type == FieldType::kChoice || f.type == FieldType::kChoiceList;
      EXPECT_EQ(needs_choices, !f.choices.empty()) << def->name << "." << f.name;
      if (f.object) pending.push_back(f.object);
    }
  }
  EXPECT_GT(fields, 50);
}

}  // namespace
}  // namespace iact
