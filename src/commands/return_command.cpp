#include <iostream>

#include <fmt/format.h>

#include "commands/commands.h"
#include "commands/context.h"
#include "commands/outputs.h"

namespace iact {

namespace fs = std::filesystem;

int run_return(const ReturnOptions& options, const CommonOptions& common) {
  if (options.list_fields) {
    std::cout << describe_return_fields();
    return kExitOk;
  }
  std::optional<ReturnLayout> layout = load_return_layout_for(common);
  if (!layout) return kExitUsage;
  ReportInputs inputs;
  if (int rc = load_report_inputs(options.paths, options.as_of, options.period, common, inputs);
      rc != kExitOk)
    return rc;
  const ViewOptions view_options{inputs.as_of, options.period, std::nullopt, inputs.policy};
  int failures = 0;
  for (const ReportScope& scope : inputs.scopes) {
    std::optional<SystemView> view = view_of(scope, inputs, view_options);
    if (!view) return kExitUsage;
    std::string error;
    std::string note;
    std::optional<fs::path> dir =
        make_report_dir(options.out_dir, *view, options.force, note, error);
    if (!note.empty()) std::cerr << "iact: " << scope.name << ": " << note << '\n';
    if (!dir) {
      std::cerr << "iact: " << scope.name << ": " << error << '\n';
      ++failures;
      continue;
    }
    const ReturnData data = return_data(*view, inputs.catalogue);
    ReturnJob job{&*layout, *dir / "return.xlsx", created_epoch(common, inputs.as_of)};
    if (std::optional<std::string> failed = write_return(data, job)) {
      std::cerr << "iact: " << scope.name << ": " << *failed << '\n';
      ++failures;
      continue;
    }
    std::cout << job.file.string() << '\n';
  }
  return failures > 0 ? kExitUsage : kExitOk;
}

}  // namespace iact
