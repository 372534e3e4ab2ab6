// Shared by the unit tests: the real national frameworks, and a valid plan to vary.
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "check/plan_checks.h"
#include "check/coverage.h"
#include "check/system_checks.h"
#include "frameworks/catalogue.h"
#include "plan/loader.h"

namespace iact::testing {

inline const Catalogue& frameworks() {
  static const Catalogue catalogue = [] {
    Diagnostics diags;
    Catalogue c = load_catalogue(IACT_TEST_FRAMEWORKS, diags);
    EXPECT_FALSE(diags.has_errors());
    return c;
  }();
  return catalogue;
}

// A trust plan with no problems at all as of kAsOf: every item of its framework is
// addressed, the action is on track and was updated in the last reporting period.
inline constexpr Date kAsOf{2026, 3, 1};
inline const std::string kValidPlan = R"(iact: 1
organisation:
  code: RH5
  name: Somerset NHS Foundation Trust
  short: SFT
  kind: trust
  icb: QSL
frameworks: [investigation-2025]
partners:
  - short: VCFSE
    name: Voluntary sector partners
groups: [Governance, Clinical delivery]
actions:
  - id: A-1
    title: Joint discharge planning with families
    group: Governance
    addresses: [personalised-risk, joint-discharge, multi-agency, families, out-of-area]
    lead: [SFT, VCFSE]
    due: 2026-06-30
    status: on-track
    cost: { amount: 61000, recurrent: true }
    updates:
      - date: 2025-08-01
        status: on-track
        note: Started.
  - id: A-2
    title: Discharge checklist in use
    group: Clinical delivery
    addresses: [investigation-2025/joint-discharge]
    lead: SFT
    due: 2025-09-30
    status: complete
    completed: 2025-09-15
    evidence: [Audit report]
risks:
  - id: R1
    title: Discharges after non-attendance
    likelihood: 2
    impact: 3
    mitigations: [Checklist]
    actions: [A-1]
)";

// Loads `text` as plan.yaml and runs the plan and system checks, as `iact validate` does
// for a folder holding only this plan.
inline Diagnostics check_text(const std::string& text, Date as_of = kAsOf) {
  Diagnostics diags;
  std::optional<Plan> plan = load_plan_text(text, "plan.yaml", diags);
  if (plan) {
    CheckContext ctx{frameworks(), as_of};
    check_plan(*plan, ctx, diags);
    check_system({&*plan}, diags);
    check_coverage({&*plan}, frameworks(), diags);
  }
  diags.sort();
  return diags;
}

// kValidPlan with the first occurrence of `from` replaced by `to`.
inline std::string valid_plan_with(const std::string& from, const std::string& to) {
  std::string text = kValidPlan;
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "not in the valid plan: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

}  // namespace iact::testing
