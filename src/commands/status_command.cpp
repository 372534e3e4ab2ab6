#include <iostream>

#include "commands/commands.h"
#include "commands/context.h"
#include "util/escape.h"
#include "write/status.h"

namespace iact {

int run_status(const StatusOptions& options, const CommonOptions& common) {
  std::optional<StdinPlan> from_stdin;
  if (!read_stdin_plan(options.paths, options.stdin_filename, from_stdin)) return kExitUsage;
  ReportInputs inputs;
  if (int rc = load_report_inputs(options.paths, options.as_of, options.period, common, inputs,
                                  /*keep_going=*/false, from_stdin);
      rc != kExitOk)
    return rc;
  ViewOptions view_options{inputs.as_of, options.period, std::nullopt, inputs.policy};
  nlohmann::json all = nlohmann::json::array();
  const StatusStyle style{stdout_wants_colour()};
  bool first = true;
  bool said_no_period = false;
  for (const ReportScope& scope : inputs.scopes) {
    std::optional<SystemView> view = view_of(scope, inputs, view_options, /*needs_period=*/false);
    if (!view) return kExitUsage;
    if (!view->period && !inputs.catalogue.periods.empty() && !said_no_period) {
      std::cerr << "iact: note: " << no_period_hint(inputs.catalogue, inputs.as_of, inputs.plans)
                << '\n';
      said_no_period = true;
    }
    if (options.format == "json") {
      all.push_back(status_json(*view));
      continue;
    }
    if (!first) std::cout << '\n';
    first = false;
    write_status_text(*view, std::cout, style);
  }
  if (options.format == "json") std::cout << json_text(all) << '\n';
  return kExitOk;
}

}  // namespace iact
