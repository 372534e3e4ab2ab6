#include <iostream>

#include <fmt/format.h>

#include "check/report.h"
#include "commands/commands.h"
#include "commands/context.h"
#include "write/return_workbook.h"

namespace iact {

namespace fs = std::filesystem;

std::optional<ReturnLayout> load_layout(const CommonOptions& common) {
  std::optional<fs::path> templates_dir = find_templates(common);
  if (!templates_dir) return std::nullopt;
  Diagnostics diags;
  std::optional<ReturnLayout> layout = load_return_layout(*templates_dir / "return.yaml", diags);
  if (!diags.items().empty()) {
    print_text(diags, std::cerr, TextStyle{stderr_wants_colour(), true});
  }
  if (!layout) {
    std::cerr << "iact: the return definition has errors; `iact return --fields` lists the "
                 "fields a column may name\n";
  }
  return layout;
}

fs::path return_path(const std::string& out_dir, const SystemView& view) {
  fs::path dir = fs::path(out_dir) / view.name;
  if (view.period) dir /= view.period->id;
  return dir / "return.xlsx";
}

long long created_epoch(const CommonOptions& common, Date as_of) {
  return common.source_date_epoch.value_or(as_of.days() * 86400LL);
}

int run_return(const ReturnOptions& options, const CommonOptions& common) {
  if (options.list_fields) {
    std::cout << describe_return_fields();
    return kExitOk;
  }
  std::optional<ReturnLayout> layout = load_layout(common);
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
    const ReturnData data = return_data(*view, inputs.catalogue);
    ReturnJob job{&*layout, return_path(options.out_dir, *view),
                  created_epoch(common, inputs.as_of)};
    if (std::optional<std::string> error = write_return(data, job)) {
      std::cerr << "iact: " << scope.name << ": " << *error << '\n';
      ++failures;
      continue;
    }
    std::cout << job.file.string() << '\n';
  }
  return failures > 0 ? kExitUsage : kExitOk;
}

}  // namespace iact
