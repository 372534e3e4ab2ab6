#include "check/return_checks.h"

#include <algorithm>

#include <fmt/format.h>

#include "check/coverage.h"
#include "util/text.h"
#include "view/answers.h"

namespace iact {

void check_return_readiness(const std::vector<const Plan*>& plans, const Catalogue& catalogue,
                            Date as_of, Diagnostics& diags) {
  if (plans.empty()) return;
  std::string which = "the return";
  for (const Period& p : catalogue.periods) {
    if (p.due >= as_of) {
      which = fmt::format("the {} return", p.id);
      break;
    }
  }
  auto icb = std::find_if(plans.begin(), plans.end(), [](const Plan* p) { return p->is_icb(); });
  const Plan& lead = icb != plans.end() ? **icb : *plans.front();

  // Self-assessed assurance, per item of the frameworks the system answers to.
  std::vector<std::string> missing;
  int items = 0;
  for (const FrameworkGaps& g : coverage_gaps(plans, catalogue)) {
    for (size_t index : g.framework->items) {
      const FrameworkItem& item = catalogue.items[index];
      if (item.is_expectation()) continue;
      ++items;
      if (!assessment_answers(lead, item, catalogue).assurance.answered())
        missing.push_back(item.id);
    }
  }
  if (!missing.empty()) {
    const size_t shown = std::min<size_t>(missing.size(), 6);
    std::vector<std::string> first(missing.begin(), missing.begin() + static_cast<long>(shown));
    diags.add(lead.file, lead.frameworks_pos, "return-incomplete",
              fmt::format("{}'s Summary sheet will have no self-assessed assurance for {} of the "
                          "{} items this system answers to: {}{}",
                          which, missing.size(), items, join(first),
                          missing.size() > shown ? ", ..." : ""),
              "add `self_assessment:` to the plan, an entry per item: { item: carers, "
              "assurance: reasonable, narrative: ... }, or `self_assessment: not-stated` when "
              "the source gives none; `iact validate --for-return PERIOD` lists every answer "
              "the return lacks");
  }
  // Who answers for it: the cover's senior responsible officer and sign-off.
  if (!sro_answer(lead).answered()) {
    diags.add(lead.file, lead.organisation.pos, "return-incomplete",
              fmt::format("{}'s cover will name no senior responsible officer, and no role to "
                          "sign it off",
                          which),
              "add `sro: { role: Chief Nursing Officer }` (a role; a name is optional), or "
              "`sro: not-stated` when the source does not say");
  }
  // DNA discharge assurance, per organisation.
  for (const Plan* p : plans) {
    if (dna_answers(*p).policy.answered()) continue;
    diags.add(p->file, p->organisation.pos, "return-incomplete",
              fmt::format("{}'s DNA discharge sheet will have no assurance from {}", which,
                          p->organisation.label()),
              "add `dna_discharge_assurance: { policy: yes|no|partial, practice: yes|no|partial, "
              "note: ... }`, or `dna_discharge_assurance: not-stated` when the source does not "
              "say");
  }
}

}  // namespace iact
