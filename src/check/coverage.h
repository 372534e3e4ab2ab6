// Coverage: which framework items no action addresses. It is a property of a system (the
// ICB's plan and its trusts' plans together), so validate, status, the paper and the return
// all answer it from here, for the same plans.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "check/diagnostic.h"
#include "frameworks/catalogue.h"
#include "plan/model.h"

namespace iact {

struct FrameworkGaps {
  const Framework* framework = nullptr;
  int items = 0;                           // its top-level items
  std::vector<const FrameworkItem*> gaps;  // those no action addresses
  // Of the gaps, those an action that updates the plan (`updates_plan`) is to add actions
  // for, with that action's id.
  std::vector<std::pair<const FrameworkItem*, std::string>> planned;
};

// For each framework any of `plans` cites (catalogue order), its top-level items that no
// action of any of the plans addresses; an action that addresses an expectation covers its
// item. An action that updates the plan covers none: its items are planned for, not addressed.
std::vector<FrameworkGaps> coverage_gaps(const std::vector<const Plan*>& plans,
                                         const Catalogue& catalogue);

// One coverage-gap warning per framework with gaps, at the `frameworks:` entry of the ICB's
// plan (or of the first plan that cites it). Plans that did not load completely are not
// judged: their gaps would be the loader's errors again.
void check_coverage(const std::vector<const Plan*>& plans, const Catalogue& catalogue,
                    Diagnostics& diags);

// One framework-not-taken-in warning per framework that NHS England asked every plan to
// answer to (`every_plan: true`), published by `as_of`, that none of `plans` cites: at the
// `frameworks:` key of the ICB's plan (or of the first plan).
void check_frameworks_taken_in(const std::vector<const Plan*>& plans, const Catalogue& catalogue,
                               Date as_of, Diagnostics& diags);

}  // namespace iact
