#include "check/coverage.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "util/text.h"

namespace iact {

std::vector<FrameworkGaps> coverage_gaps(const std::vector<const Plan*>& plans,
                                         const Catalogue& catalogue) {
  std::set<std::string> cited;
  std::set<std::string> addressed;
  std::map<std::string, std::string> planned;  // item id -> the first action to plan for it
  for (const Plan* plan : plans) {
    for (const auto& f : plan->frameworks) cited.insert(f.value);
    for (const Action& action : plan->actions) {
      for (const auto& ref : action.addresses) {
        const FrameworkItem* item = catalogue.resolve(ref.value).item;
        if (!item) continue;
        if (action.updates_plan) {
          const std::string& id = item->is_expectation() ? item->parent : item->id;
          planned.emplace(id, action.id ? action.id->value : "?");
          continue;
        }
        addressed.insert(item->id);
        if (item->is_expectation()) addressed.insert(item->parent);
      }
    }
  }
  std::vector<FrameworkGaps> out;
  for (const Framework& framework : catalogue.frameworks) {
    if (!cited.count(framework.id)) continue;
    FrameworkGaps g;
    g.framework = &framework;
    for (size_t index : framework.items) {
      const FrameworkItem& item = catalogue.items[index];
      if (item.is_expectation()) continue;
      ++g.items;
      if (addressed.count(item.id)) continue;
      g.gaps.push_back(&item);
      if (auto p = planned.find(item.id); p != planned.end())
        g.planned.emplace_back(&item, p->second);
    }
    out.push_back(std::move(g));
  }
  return out;
}

void check_coverage(const std::vector<const Plan*>& plans, const Catalogue& catalogue,
                    Diagnostics& diags) {
  if (std::any_of(plans.begin(), plans.end(), [](const Plan* p) { return p->had_load_errors; }))
    return;
  // The plan a framework's gaps are reported on: the ICB's, else the first to cite it.
  std::vector<const Plan*> order;
  for (const Plan* p : plans) {
    if (p->is_icb()) order.push_back(p);
  }
  for (const Plan* p : plans) {
    if (!p->is_icb()) order.push_back(p);
  }
  for (const FrameworkGaps& g : coverage_gaps(plans, catalogue)) {
    if (g.gaps.empty()) continue;
    for (const Plan* p : order) {
      auto f =
          std::find_if(p->frameworks.begin(), p->frameworks.end(),
                       [&](const Located<std::string>& x) { return x.value == g.framework->id; });
      if (f == p->frameworks.end()) continue;
      std::vector<std::string> named;
      for (const FrameworkItem* item : g.gaps)
        named.push_back(fmt::format("{} ({})", item->id, item->title));
      std::string hint =
          "add the item ids to `addresses:` of the actions that cover them, or add actions";
      if (!g.planned.empty()) {
        std::vector<std::string> by;
        for (const auto& [item, action] : g.planned)
          by.push_back(fmt::format("{} ({})", item->id, action));
        hint = fmt::format(
            "an action that updates the plan is to add actions for {}, and {} until {}; {}",
            join(by), g.planned.size() == 1 ? "it stays a gap" : "they stay gaps",
            g.planned.size() == 1 ? "another action addresses it" : "other actions address them",
            hint);
      }
      diags.add(p->file, f->pos, "coverage-gap",
                fmt::format("no action {}addresses {} of the {} items of {}: {}",
                            plans.size() > 1 ? "in this system " : "", g.gaps.size(), g.items,
                            g.framework->id, join(named)),
                hint);
      break;
    }
  }
}

void check_frameworks_taken_in(const std::vector<const Plan*>& plans, const Catalogue& catalogue,
                               Date as_of, Diagnostics& diags) {
  if (plans.empty()) return;
  const Plan* lead = plans.front();
  for (const Plan* p : plans) {
    if (p->is_icb()) {
      lead = p;
      break;
    }
  }
  for (const Framework& f : catalogue.frameworks) {
    if (!f.every_plan || !f.published_by(as_of)) continue;
    const bool cited = std::any_of(plans.begin(), plans.end(), [&](const Plan* p) {
      return std::any_of(p->frameworks.begin(), p->frameworks.end(),
                         [&](const Located<std::string>& x) { return x.value == f.id; });
    });
    if (cited) continue;
    diags.add(lead->file, lead->frameworks_pos, "framework-not-taken-in",
              fmt::format("no plan {}answers to {} ({}, {}), which NHS England asked every "
                          "local plan to take in",
                          plans.size() > 1 ? "of this system " : "", f.id, f.title,
                          display_long(f.source_date)),
              fmt::format("add {} to `frameworks:` and its items to the `addresses:` of the "
                          "actions that answer them; the framework file {} lists the items",
                          f.id, std::filesystem::path(f.file).filename().string()));
  }
}

}  // namespace iact
