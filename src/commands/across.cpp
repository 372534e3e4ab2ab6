#include "commands/across.h"

#include <algorithm>
#include <iostream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "util/text.h"

namespace iact {

int load_systems_across(const std::string& plans_dir, const std::string& as_of,
                        const std::string& period, const std::string& region,
                        const CommonOptions& common, SystemsAcross& out) {
  if (int rc = load_report_inputs({plans_dir}, as_of, period, common, out.inputs,
                                  /*keep_going=*/true);
      rc != kExitOk)
    return rc;
  const ViewOptions options{out.inputs.as_of, period, std::nullopt, out.inputs.policy};
  std::vector<std::string> regions;
  for (const ReportScope& scope : out.inputs.scopes) {
    if (scope.errors > 0) {
      out.failed.push_back(scope.name);
      continue;
    }
    std::optional<SystemView> view = view_of(scope, out.inputs, options, /*needs_period=*/false);
    if (!view) return kExitUsage;
    const std::string& r = view->lead->organisation.region;
    if (!region.empty() && lowercase(r) != lowercase(region)) {
      if (std::find(regions.begin(), regions.end(), r) == regions.end()) regions.push_back(r);
      continue;
    }
    out.views.push_back(std::move(*view));
  }
  if (!out.failed.empty()) {
    std::cerr << fmt::format("iact: left out for errors in their plans (shown above): {}\n",
                             fmt::join(out.failed, ", "));
  }
  if (out.views.empty()) {
    if (!region.empty()) {
      std::cerr << fmt::format("iact: no system under {} is in the region '{}'", plans_dir, region)
                << (regions.empty() ? std::string()
                                    : fmt::format("; their regions: {}", fmt::join(regions, "; ")))
                << '\n';
      return kExitUsage;
    }
    std::cerr << fmt::format("iact: no system under {} could be read\n", plans_dir);
    return out.failed.empty() ? kExitUsage : kExitPlanErrors;
  }
  return kExitOk;
}

}  // namespace iact
