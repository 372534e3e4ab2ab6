// One case per rule: the valid plan changed so that exactly that rule fires, at that line.
// The valid plan itself is the passing case of every rule.
#include <set>

#include <gtest/gtest.h>

#include "check/coverage.h"
#include "check/return_checks.h"
#include "check/rules.h"
#include "test_support.h"

namespace iact {
namespace {

using testing::check_text;
using testing::kValidPlan;
using testing::valid_plan_with;

struct RuleCase {
  std::string rule;
  std::string from;  // text of the valid plan to replace
  std::string to;
  int line;                    // where the diagnostic must point
  std::string message_part;    // a piece of the message that must be there
  std::string hint_part = {};  // a piece of the hint, when there is one
};

// Names the case in test output (instead of its bytes).
void PrintTo(const RuleCase& c, std::ostream* os) {
  *os << c.rule << " at line " << c.line;
}

const std::vector<RuleCase>& cases() {
  static const std::vector<RuleCase> all = {
      {"yaml-syntax", "    title: Joint", "   title: Joint", 15, "", ""},
      {"yaml-alias", "    addresses: [investigation-2025/joint-discharge]\n    lead: SFT\n",
       "    addresses: &x [investigation-2025/joint-discharge]\n    lead: *x\n", 30, "aliases",
       "in full"},
      {"yaml-alias", "    lead: SFT\n", "    lead: *SFT\n", 30, "aliases",
       "quote text that starts with '*'"},
      {"yaml-multiple-documents", "risks:", "---\nrisks:", 36, "more than one YAML document"},
      {"duplicate-key", "    status: on-track\n    cost",
       "    status: on-track\n    status: at-risk\n    cost", 21, "key 'status' appears twice",
       "first 'status' is on line 20"},
      {"wrong-type", "likelihood: 2", "likelihood: high", 38,
       "'likelihood' must be a whole number"},
      {"wrong-type", "addresses: [investigation-2025/joint-discharge]", "addresses: {a: b}", 29,
       "'addresses' must be a list"},
      {"unknown-key", "    group: Governance", "    grup: Governance", 16,
       "unknown key 'grup' in an action", "did you mean 'group'?"},
      {"unknown-key", "groups:", "themes: []\ngroups:", 12, "unknown key 'themes' in a plan",
       "a plan may have: iact, organisation"},
      {"missing-field", "    due: 2025-09-30\n", "", 26, "an action needs 'due'", "add `due:`"},
      {"missing-field", "  icb: QSL\n", "", 6, "a trust's organisation needs 'icb'"},
      {"missing-field", "    title: Discharge checklist in use", "    title:", 27,
       "'title' is empty"},
      {"invalid-value", "status: on-track\n    cost", "status: ontrack\n    cost", 20,
       "'ontrack' is not a valid status", "did you mean 'on-track'?"},
      {"invalid-value", "status: on-track\n    cost", "status: In Progress\n    cost", 20,
       "'In Progress' is not a valid status", "did you mean 'on-track'?"},
      {"invalid-value", "amount: 61000", "amount: lots", 21, "'lots' is not a cost"},
      {"invalid-date", "due: 2026-06-30", "due: 2026-02-30", 19,
       "'due': '2026-02-30' does not exist: February 2026 has 28 days"},
      {"invalid-date", "due: 2026-06-30", "due: 30.06.26", 19, "not a date iact understands",
       "did you mean 2026-06-30?"},
      {"invalid-date", "completed: 2025-09-15", "completed: tbc", 33, "this field needs a date"},
      {"out-of-range", "impact: 3", "impact: 6", 39, "'impact' is 6; it must be from 1 to 5"},
      {"unsupported-version", "iact: 1", "iact: 2", 1, "version 2 is not supported", "iact: 1"},
      {"invalid-id", "id: A-2", "id: A 2", 26, "id 'A 2' may use only"},
      {"invalid-text", "    title: Discharge checklist in use",
       "    title: \"Discharge\\e[2J checklist\"", 27,
       "the value of `title` holds the control character U+001B", "control characters"},
      {"invalid-text", "    title: Discharge checklist in use",
       "    title: \"Discharge \\uFFFE checklist\"", 27, "the noncharacter U+FFFE"},
      {"invalid-code", "code: RH5", "code: rh5", 3, "code 'rh5' is not an ODS code",
       "write it in capitals: RH5"},
      {"invalid-code", "code: RH5", "code: RH5-X", 3, "code 'RH5-X' is not an ODS code",
       "3 to 5 capital letters and digits"},
      {"invalid-code", "icb: QSL", "icb: RH5", 7, "icb 'RH5' is not an ICB's ODS code",
       "three characters starting with Q"},
      {"duplicate-id", "id: A-2", "id: A-1", 26, "action id 'A-1' is used twice",
       "first is on line 14"},
      {"unknown-framework", "frameworks: [investigation-2025]",
       "frameworks: [investigation-2025, investigaton-2025]", 8, "no framework 'investigaton-2025'",
       "did you mean 'investigation-2025'?"},
      {"unknown-item", "addresses: [investigation-2025/joint-discharge]", "addresses: [famlies]",
       29, "no framework item 'famlies'", "did you mean 'families'?"},
      {"unknown-item", "investigation-2025/joint-discharge]", "nhse-2024-themes/joint-discharge]",
       29, "'joint-discharge' is an item of investigation-2025, not of nhse-2024-themes"},
      {"unknown-item", "risks:\n",
       "self_assessment:\n  - { item: famlies, assurance: limited }\nrisks:\n", 36,
       "no framework item 'famlies'", "did you mean 'families'?"},
      {"unknown-group", "group: Clinical delivery", "group: Clinical Delivery", 28,
       "group 'Clinical Delivery' is not one of the plan's groups",
       "did you mean 'Clinical delivery'?"},
      {"completed-in-future", "completed: 2025-09-15", "completed: 2026-09-15", 33,
       "completed 2026-09-15 is after the as-of date 2026-03-01"},
      {"unknown-risk-action", "actions: [A-1]", "actions: [A-3]", 41,
       "risk R1 names action 'A-3', which this plan does not have", "did you mean 'A-1'?"},
      {"item-outside-frameworks", "investigation-2025/joint-discharge]", "joint-discharge, carers]",
       29, "'carers' belongs to nhse-2024-themes", "add nhse-2024-themes to `frameworks:`"},
      {"coverage-gap", "joint-discharge, multi-agency, families", "joint-discharge, families", 8,
       "no action addresses 1 of the 5 items of investigation-2025: multi-agency (Multi-agency"},
      {"missing-field", "addresses: [investigation-2025/joint-discharge]", "addresses: []", 29,
       "'addresses' is an empty list; an action needs at least one"},
      {"due-tbc", "due: 2026-06-30", "due: tbc", 19, "action A-1 has no due date yet (tbc)"},
      {"complete-unevidenced", "    evidence: [Audit report]\n", "", 32,
       "action A-2 is complete but has no evidence"},
      {"completed-not-complete", "status: complete", "status: on-track", 32,
       "has a completed date but its status is on-track"},
      {"status-contradiction", "due: 2026-06-30", "due: 2026-01-31", 20,
       "declared on-track, but due 31 Jan 2026 has passed at 2026-03-01: reports show it as Red"},
      {"update-in-future", "date: 2025-08-01", "date: 2026-08-01", 23,
       "update dated 2026-08-01 is after the as-of date"},
      {"update-order", "        note: Started.\n",
       "        note: Started.\n      - date: 2025-07-01\n", 26,
       "update dated 2025-07-01 comes after one dated 2025-08-01"},
      {"stale-action", "date: 2025-08-01", "date: 2025-05-01", 14,
       "action A-1 has no update since 2025-06-30: none in period 2026-01 (due 2026-01-31)"},
      {"unknown-milestone", "groups: [Governance, Clinical delivery]",
       "submissions: [{milestone: cost-estimate, date: 2024-11-29}]\n"
       "groups: [Governance, Clinical delivery]",
       12, "the timeline has no milestone 'cost-estimate'", "did you mean 'cost-estimates'?"},
      {"unknown-milestone", "groups: [Governance, Clinical delivery]",
       "submissions: [{milestone: public-boards-2024, date: 2024-11-29}]\n"
       "groups: [Governance, Clinical delivery]",
       12, "'public-boards-2024' is not met by a submission but by the ICB's board in public",
       "those met by a submission: dna-policy-assurance, reviews-submitted, cost-estimates"},
      {"unknown-milestone", "groups: [Governance, Clinical delivery]",
       "board: [{date: 2025-07-10, body: Trust Board, public: true, milestone: june-2025-reprt}]\n"
       "groups: [Governance, Clinical delivery]",
       12, "the timeline has no milestone 'june-2025-reprt'", "did you mean 'june-2025-report'?"},
      {"unknown-milestone", "groups: [Governance, Clinical delivery]",
       "board: [{date: 2025-01-10, body: Trust Board, public: true, milestone: "
       "public-boards-2024}]\ngroups: [Governance, Clinical delivery]",
       12, "milestone 'public-boards-2024' asks for the ICB's board, not a trust's",
       "those met by this plan's board: june-2025-report, january-2026-report"},
      {"narrative-undated", "groups: [Governance, Clinical delivery]",
       "narrative: { background: Why the plan exists. }\ngroups: [Governance, Clinical delivery]",
       12, "the narrative does not say which board meeting or reporting period it was written for",
       "add `written_for:`"},
      {"stale-action",
       "    updates:\n      - date: 2025-08-01\n        status: on-track\n        note: Started.\n",
       "", 14,
       "action A-1 has no updates at all; period 2026-01 (due 2026-01-31) needed one after "
       "2025-06-30"},
      {"replan-mismatch", "status: on-track\n        note: Started.",
       "status: on-track\n        due: 2026-03-31\n        note: Started.", 19,
       "due is 30 Jun 2026 but the latest re-plan in its updates (line 25) says 31 Mar 2026",
       "set `due:` to the latest re-planned date"},
      {"replan-no-baseline", "status: on-track\n        note: Started.",
       "status: on-track\n        due: 2026-06-30\n        note: Started.", 25,
       "action A-1 is re-planned in its updates but has no baseline_due",
       "add `baseline_due:` with the first agreed due date"},
      {"status-log-mismatch", "status: on-track\n    cost", "status: at-risk\n    cost", 20,
       "declared at-risk but the newest update (2025-08-01, line 23) says on-track",
       "add an update with the new status"},
      {"placeholder-text", "title: Joint discharge planning with families",
       "title: Action text missing", 15, "action A-1 has placeholder text for its title"},
      {"due-before-plan", "frameworks: [investigation-2025]",
       "frameworks: [investigation-2025]\ncreated: 2026-07-01", 20,
       "action A-1 is due 30 Jun 2026, before the plan was made (1 Jul 2026)",
       "did you mean 2027-06-30?"},
      {"unknown-lead", "lead: [SFT, VCFSE]", "lead: [SFT, VCSFE]", 18,
       "lead 'VCSFE' is not an organisation of this system", "did you mean 'VCFSE'?"},
  };
  return all;
}

TEST(Checks, TheValidPlanHasNoDiagnostics) {
  Diagnostics diags = check_text(kValidPlan);
  EXPECT_TRUE(diags.items().empty()) << diags.items().front().rule;
}

class RuleTest : public ::testing::TestWithParam<RuleCase> {};

TEST_P(RuleTest, FiresAtTheRightLineWithAHelpfulMessage) {
  const RuleCase& c = GetParam();
  Diagnostics diags = check_text(valid_plan_with(c.from, c.to));
  const Diagnostic* found = nullptr;
  for (const Diagnostic& d : diags.items()) {
    if (d.rule == c.rule && d.pos.line == c.line) found = &d;
  }
  std::string all;
  for (const Diagnostic& d : diags.items()) {
    all += std::to_string(d.pos.line) + ":" + std::to_string(d.pos.column) + " " + d.rule + " " +
           d.message + " | " + d.hint + "\n";
  }
  ASSERT_NE(found, nullptr) << "expected [" << c.rule << "] at line " << c.line << "; got:\n"
                            << all;
  EXPECT_NE(found->message.find(c.message_part), std::string::npos) << found->message;
  EXPECT_NE(found->hint.find(c.hint_part), std::string::npos) << found->hint;
  EXPECT_EQ(found->severity, rule(c.rule).severity);
  // At most one error per problem: no cascade of other errors from the same change.
  EXPECT_LE(diags.error_count(), 1) << all;
}

INSTANTIATE_TEST_SUITE_P(EveryRule, RuleTest, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<RuleCase>& info) {
                           std::string name = info.param.rule + "_" + std::to_string(info.index);
                           for (char& ch : name) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

TEST(Checks, EveryRuleInTheTableIsTested) {
  std::set<std::string> tested;
  for (const RuleCase& c : cases()) tested.insert(c.rule);
  // Tested elsewhere: file-level rules (yaml_tree_test, e2e hostile inputs), the system rules
  // that need several plans (SystemChecks below), framework files (catalogue_test) and
  // importing trackers (import_test, e2e import) and applying forms (e2e updates; two answers
  // for one action in one run: e2e plan_writes).
  for (std::string_view r : {"file-unreadable",
                             "file-empty",
                             "file-encoding",
                             "yaml-depth",
                             "system-multiple-icb",
                             "system-icb-mismatch",
                             "duplicate-organisation",
                             "framework-invalid",
                             "import-header",
                             "import-date",
                             "import-status",
                             "import-theme",
                             "import-duplicate",
                             "import-row",
                             "import-assumed",
                             "import-lead",
                             "return-incomplete",
                             "form-invalid",
                             "form-value",
                             "form-stale",
                             "form-changed",
                             "form-conflict",
                             "form-unknown-action",
                             "framework-not-taken-in"}) {
    tested.insert(std::string(r));
  }
  tested.insert("return-draft");            // needs a return layout: e2e return_content
  tested.insert("undefined-abbreviation");  // needs a rendered paper: e2e paper_content
  for (const Rule& r : all_rules()) {
    EXPECT_TRUE(tested.count(std::string(r.id))) << "no test for rule " << r.id;
  }
}

TEST(Checks, AMisspeltRequiredKeyIsOneError) {
  Diagnostics diags = check_text(valid_plan_with("    due: 2026-06-30", "    deu: 2026-06-30"));
  ASSERT_EQ(diags.error_count(), 1);
  EXPECT_EQ(diags.items()[0].rule, "unknown-key");
  EXPECT_EQ(diags.items()[0].hint, "did you mean 'due'?");
}

TEST(Checks, NoCoverageJudgementWhenActionsDidNotLoad) {
  Diagnostics diags = check_text(valid_plan_with(
      "addresses: [personalised-risk, joint-discharge, multi-agency, families, out-of-area]",
      "adresses: [personalised-risk]"));
  for (const Diagnostic& d : diags.items()) EXPECT_NE(d.rule, "coverage-gap");
}

TEST(Checks, CostForms) {
  for (const char* cost : {"none", "tbc", "61000",
                           "\xC2\xA3"
                           "61k",
                           "1,500", "{ amount: tbc, note: Yes }"}) {
    Diagnostics diags = check_text(valid_plan_with("{ amount: 61000, recurrent: true }", cost));
    EXPECT_EQ(diags.error_count(), 0) << cost;
  }
  Diagnostics none_in_map = check_text(valid_plan_with("amount: 61000", "amount: none"));
  EXPECT_EQ(none_in_map.error_count(), 1);
}

// ---- Systems: several plans in one folder ----------------------------------------------

Diagnostics check_system_texts(const std::vector<std::string>& texts) {
  Diagnostics diags;
  std::vector<Plan> plans;
  plans.reserve(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    auto plan = load_plan_text(texts[i], "plan" + std::to_string(i) + ".yaml", diags);
    if (plan) plans.push_back(std::move(*plan));
  }
  std::vector<const Plan*> pointers;
  for (const Plan& p : plans) pointers.push_back(&p);
  check_system(pointers, diags);
  check_coverage(pointers, testing::frameworks(), diags);
  diags.sort();
  return diags;
}

const std::string kIcb = R"(iact: 1
organisation:
  code: QSL
  name: NHS Somerset ICB
  short: ICB
  kind: icb
  predecessors: [Q1A]
frameworks: [investigation-2025]
actions:
  - id: I-1
    title: Oversight
    addresses: [multi-agency]
    lead: [ICB, SFT]
    due: ongoing
    status: on-track
)";

std::vector<std::string> rules_of(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.items()) out.push_back(d.rule);
  return out;
}

TEST(SystemChecks, IcbAndTrustTogetherAreClean) {
  Diagnostics diags = check_system_texts({kIcb, kValidPlan});
  EXPECT_TRUE(diags.items().empty()) << rules_of(diags).size();
  // A trust may name the ICB's earlier code.
  Diagnostics merged = check_system_texts({kIcb, valid_plan_with("icb: QSL", "icb: Q1A")});
  EXPECT_TRUE(merged.items().empty());
}

TEST(SystemChecks, TrustReportingToAnotherIcb) {
  Diagnostics diags = check_system_texts({kIcb, valid_plan_with("icb: QSL", "icb: QSX")});
  ASSERT_EQ(rules_of(diags), std::vector<std::string>{"system-icb-mismatch"});
  EXPECT_EQ(diags.items()[0].file, "plan1.yaml");
  EXPECT_EQ(diags.items()[0].pos, (Pos{7, 8}));
  EXPECT_NE(diags.items()[0].hint.find("did you mean 'QSL'?"), std::string::npos);
}

TEST(SystemChecks, TwoIcbPlansInOneFolder) {
  std::string other = kIcb;
  other.replace(other.find("QSL"), 3, "QUY");
  Diagnostics diags = check_system_texts({kIcb, other, kValidPlan});
  ASSERT_EQ(rules_of(diags), std::vector<std::string>{"system-multiple-icb"});
  EXPECT_EQ(diags.items()[0].file, "plan1.yaml");
  EXPECT_EQ(diags.items()[0].pos, (Pos{6, 9}));
}

TEST(SystemChecks, TwoPlansForOneOrganisation) {
  Diagnostics diags = check_system_texts({kIcb, kValidPlan, kValidPlan});
  ASSERT_EQ(rules_of(diags), std::vector<std::string>{"duplicate-organisation"});
  EXPECT_EQ(diags.items()[0].file, "plan2.yaml");
}

TEST(SystemChecks, LeadsMayNameAnyOrganisationOfTheSystem) {
  // The ICB's action names SFT, which only the trust's plan defines.
  Diagnostics alone = check_system_texts({kIcb});
  ASSERT_EQ(rules_of(alone), (std::vector<std::string>{"coverage-gap", "unknown-lead"}));
  Diagnostics together = check_system_texts({kIcb, kValidPlan});
  EXPECT_TRUE(together.items().empty());
}

// Coverage is the system's: the ICB's plan addresses one item, the trust's the rest, and
// validate says what status and the paper say.
TEST(SystemChecks, CoverageIsJudgedForTheWholeSystem) {
  Diagnostics alone = check_system_texts({kIcb, valid_plan_with("icb: QSL", "icb: QSL")});
  EXPECT_TRUE(alone.items().empty()) << rules_of(alone).front();
  // Without the trust's action that covers four items, the gap is the system's, reported
  // once, on the ICB's plan.
  Diagnostics gap = check_system_texts(
      {kIcb, valid_plan_with("[personalised-risk, joint-discharge, multi-agency, families, "
                             "out-of-area]",
                             "[joint-discharge]")});
  ASSERT_EQ(rules_of(gap), std::vector<std::string>{"coverage-gap"});
  EXPECT_EQ(gap.items()[0].file, "plan0.yaml");
  EXPECT_EQ(gap.items()[0].pos, (Pos{8, 14}));
  EXPECT_NE(gap.items()[0].message.find("no action in this system addresses 3 of the 5 items of "
                                        "investigation-2025: personalised-risk"),
            std::string::npos)
      << gap.items()[0].message;
}

// An action that updates the plan plans for its items; it does not address them, so they stay
// gaps, and the hint names the action that is to fill them.
TEST(SystemChecks, AnActionThatUpdatesThePlanLeavesItsItemsGaps) {
  Diagnostics gap = check_system_texts(
      {kIcb, valid_plan_with("    lead: [SFT, VCFSE]\n",
                             "    updates_plan: true\n    lead: [SFT, VCFSE]\n")});
  ASSERT_EQ(rules_of(gap), std::vector<std::string>{"coverage-gap"});
  // The ICB's own plan addresses multi-agency; the trust's A-1 only plans for the rest.
  EXPECT_NE(gap.items()[0].message.find("addresses 3 of the 5 items of investigation-2025: "
                                        "personalised-risk"),
            std::string::npos)
      << gap.items()[0].message;
  EXPECT_EQ(gap.items()[0].hint.rfind("an action that updates the plan is to add actions for "
                                      "personalised-risk (A-1), families (A-1), out-of-area "
                                      "(A-1), and they stay gaps until other actions address "
                                      "them",
                                      0),
            0u)
      << gap.items()[0].hint;
}

// What the return will lack is said per system: self-assessment on the ICB's plan, DNA
// discharge assurance per organisation.
TEST(SystemChecks, ReturnReadiness) {
  auto readiness = [](const std::vector<std::string>& texts) {
    Diagnostics diags;
    std::vector<Plan> plans;
    plans.reserve(texts.size());
    for (size_t i = 0; i < texts.size(); ++i) {
      if (auto p = load_plan_text(texts[i], "plan" + std::to_string(i) + ".yaml", diags))
        plans.push_back(std::move(*p));
    }
    std::vector<const Plan*> pointers;
    for (const Plan& p : plans) pointers.push_back(&p);
    check_return_readiness(pointers, testing::frameworks(), Date{2025, 7, 1}, diags);
    diags.sort();
    return diags;
  };
  Diagnostics bare = readiness({kIcb, kValidPlan});
  ASSERT_EQ(rules_of(bare), (std::vector<std::string>{"return-incomplete", "return-incomplete",
                                                      "return-incomplete", "return-incomplete"}));
  auto said = [&](std::string_view file, std::string_view part) {
    return std::any_of(bare.items().begin(), bare.items().end(), [&](const Diagnostic& d) {
      return d.file == file && d.message.find(part) != std::string::npos;
    });
  };
  EXPECT_TRUE(said("plan0.yaml",
                   "the 2026-01 return's Summary sheet will have no "
                   "self-assessed assurance for 5 of the 5 items"));
  EXPECT_TRUE(said("plan0.yaml",
                   "the 2026-01 return's cover will name no senior responsible "
                   "officer"));
  EXPECT_TRUE(said("plan1.yaml", "DNA discharge sheet will have no assurance from SFT"));
  std::string icb = kIcb;
  icb.insert(icb.find("actions:"),
             "sro: { role: Chief Nursing Officer }\n"
             "dna_discharge_assurance: { policy: yes, practice: partial }\n"
             "self_assessment:\n"
             "  - { item: personalised-risk, assurance: limited }\n"
             "  - { item: joint-discharge, assurance: limited }\n"
             "  - { item: multi-agency, assurance: limited }\n"
             "  - { item: investigation-2025/families, assurance: limited }\n");
  Diagnostics partly = readiness({icb});
  ASSERT_EQ(rules_of(partly), std::vector<std::string>{"return-incomplete"});
  EXPECT_NE(partly.items()[0].message.find("for 1 of the 5 items this system answers to: "
                                           "out-of-area"),
            std::string::npos)
      << partly.items()[0].message;
}

// A framework NHS England asked every plan to take in is named once it is published, and
// only while no plan of the system cites it.
TEST(SystemChecks, AFrameworkEveryPlanMustTakeInIsNamedOnceItIsPublished) {
  Diagnostics load;
  std::optional<Plan> plan = load_plan_text(kValidPlan, "plan.yaml", load);  // investigation only
  ASSERT_TRUE(plan);
  auto missing = [&](Date as_of) {
    Diagnostics diags;
    check_frameworks_taken_in({&*plan}, testing::frameworks(), as_of, diags);
    std::vector<std::string> named;
    for (const Diagnostic& d : diags.items()) {
      EXPECT_EQ(d.rule, "framework-not-taken-in");
      EXPECT_EQ(d.pos, (Pos{8, 1}));
      named.push_back(d.message.substr(0, d.message.find(" (")));
    }
    return named;
  };
  EXPECT_TRUE(missing(Date{2024, 7, 25}).empty());  // the day before the 2024 guidance
  EXPECT_EQ(missing(Date{2025, 3, 1}),
            std::vector<std::string>{"no plan answers to nhse-2024-themes"});
  EXPECT_EQ(missing(Date{2025, 5, 1}),
            (std::vector<std::string>{"no plan answers to nhse-2024-themes",
                                      "no plan answers to webinar-2025"}));
  // Cited by any plan of the system, it is taken in; a framework not asked of every plan
  // (the 2024 core requirements) is never named.
  std::optional<Plan> all = load_plan_text(
      valid_plan_with("frameworks: [investigation-2025]",
                      "frameworks: [investigation-2025, nhse-2024-themes, webinar-2025]"),
      "plan.yaml", load);
  ASSERT_TRUE(all);
  Diagnostics none;
  check_frameworks_taken_in({&*all}, testing::frameworks(), Date{2026, 1, 31}, none);
  EXPECT_TRUE(none.items().empty()) << none.items().front().message;
}

}  // namespace
}  // namespace iact
