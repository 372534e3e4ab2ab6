// What the commands that look across systems (rollup, site) share: every system under a
// plans folder, validated and viewed once at one as-of date and period.
#pragma once

#include <string>
#include <vector>

#include "commands/context.h"

namespace iact {

struct SystemsAcross {
  ReportInputs inputs;
  std::vector<SystemView> views;    // the systems with no errors, in folder order
  std::vector<std::string> failed;  // the systems left out for errors in their plans
};

// Loads the systems under `plans_dir` (its system folders, or itself if it is one) as
// `iact build` does: a system whose plans have errors is left out and named, not fatal. With
// `region`, only the systems whose ICB names that region (case aside). Prints why and
// returns an exit code other than kExitOk if nothing can be viewed. `out` must stay where it
// is: the views point into its plans.
int load_systems_across(const std::string& plans_dir, const std::string& as_of,
                        const std::string& period, const std::string& region,
                        const CommonOptions& common, SystemsAcross& out);

}  // namespace iact
