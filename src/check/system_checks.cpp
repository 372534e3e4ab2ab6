#include "check/system_checks.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "util/edit_distance.h"
#include "util/text.h"

namespace iact {

namespace {

std::string filename(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

const Plan* check_one_icb(const std::vector<const Plan*>& plans, Diagnostics& diags) {
  const Plan* icb = nullptr;
  for (const Plan* p : plans) {
    if (!p->is_icb()) continue;
    if (!icb) {
      icb = p;
      continue;
    }
    diags.add(p->file, p->organisation.kind->pos, "system-multiple-icb",
              fmt::format("this folder already has an ICB plan ({}); a system has one",
                          filename(icb->file)),
              "put each ICB's system in a folder of its own");
  }
  return icb;
}

void check_trusts_report_to(const Plan* icb, const std::vector<const Plan*>& plans,
                            Diagnostics& diags) {
  // A folder of trust plans alone (a trust keeping its own repository) is fine.
  if (!icb) return;
  if (!icb->organisation.code) return;
  std::set<std::string> codes = {icb->organisation.code->value};
  for (const auto& p : icb->organisation.predecessors) codes.insert(p.value);
  for (const Plan* p : plans) {
    if (p->is_icb() || !p->organisation.icb) continue;
    const auto& reports_to = *p->organisation.icb;
    if (codes.count(reports_to.value)) continue;
    diags.add(
        p->file, reports_to.pos, "system-icb-mismatch",
        fmt::format("this trust reports to '{}', but the ICB plan in its folder ({}) is {}",
                    reports_to.value, filename(icb->file), icb->organisation.code->value),
        fmt::format("did you mean '{}'? (an ICB's earlier codes go under its `predecessors:`)",
                    icb->organisation.code->value));
  }
}

void check_unique_organisations(const std::vector<const Plan*>& plans, Diagnostics& diags) {
  std::map<std::string, const Plan*> seen;
  for (const Plan* p : plans) {
    if (!p->organisation.code) continue;
    auto [it, inserted] = seen.emplace(p->organisation.code->value, p);
    if (!inserted) {
      diags.add(p->file, p->organisation.code->pos, "duplicate-organisation",
                fmt::format("{} already has a plan in this folder ({})",
                            p->organisation.code->value, filename(it->second->file)),
                "keep one plan per organisation");
    }
  }
}

void check_leads(const std::vector<const Plan*>& plans, Diagnostics& diags) {
  std::set<std::string> known;
  for (const Plan* p : plans) {
    const Organisation& o = p->organisation;
    if (o.code) known.insert(o.code->value);
    if (o.short_name) known.insert(o.short_name->value);
    if (o.icb) known.insert(o.icb->value);
    for (const Partner& partner : p->partners) {
      known.insert(partner.short_name.value);
      if (partner.code) known.insert(partner.code->value);
    }
  }
  const std::vector<std::string> names(known.begin(), known.end());
  for (const Plan* p : plans) {
    for (const Action& a : p->actions) {
      for (const auto& lead : a.lead) {
        if (known.count(lead.value)) continue;
        auto near = closest_match(lead.value, names);
        diags.add(p->file, lead.pos, "unknown-lead",
                  fmt::format("lead '{}' is not an organisation of this system", lead.value),
                  near ? fmt::format("did you mean '{}'?", *near)
                       : fmt::format("known here: {}; an organisation without a plan goes under "
                                     "`partners:`",
                                     join(names)));
      }
    }
  }
}

}  // namespace

void check_system(const std::vector<const Plan*>& plans, Diagnostics& diags) {
  const Plan* icb = check_one_icb(plans, diags);
  check_trusts_report_to(icb, plans, diags);
  check_unique_organisations(plans, diags);
  check_leads(plans, diags);
}

}  // namespace iact
