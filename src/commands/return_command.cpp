#include <atomic>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "check/report.h"
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
  // Every view first (a period that names nothing stops here), then the workbooks, written
  // side by side on every core; what each wrote or why it failed is said in folder order.
  std::vector<SystemView> views;
  for (const ReportScope& scope : inputs.scopes) {
    std::optional<SystemView> view = view_of(scope, inputs, view_options);
    if (!view) return kExitUsage;
    views.push_back(std::move(*view));
  }
  std::vector<ReturnData> datas;
  for (const SystemView& view : views) datas.push_back(return_data(view, *layout));
  // A draft is written, and says so; --final refuses it, naming every answer it lacks.
  auto refused = [&](size_t i) { return options.final && is_draft(datas[i]); };
  struct Written {
    std::string out, err;
  };
  std::vector<Written> results(views.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < views.size(); i = next++) {
      const SystemView& view = views[i];
      Written& w = results[i];
      if (refused(i)) continue;  // said why below
      std::string error;
      std::string note;
      ReportReplacement replacing;  // until this system's return is written (or failed)
      std::optional<fs::path> dir =
          make_report_dir(options.out_dir, view, options.force, note, error, replacing);
      if (!note.empty()) w.err += "iact: " + view.name + ": " + note + '\n';
      if (!dir) {
        w.err += "iact: " + view.name + ": " + error + '\n';
        continue;
      }
      ReturnJob job{&*layout, *dir / "return.xlsx", created_epoch(common, inputs.as_of)};
      if (std::optional<std::string> failed = write_return(datas[i], job)) {
        w.err += "iact: " + view.name + ": " + *failed + '\n';
        continue;
      }
      w.out = job.file.string() + '\n';
    }
  };
  const size_t threads = std::min<size_t>(
      views.size(),
      common.jobs > 0 ? common.jobs : std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  int failures = 0;
  for (size_t i = 0; i < results.size(); ++i) {
    std::cerr << results[i].err;
    std::cout << results[i].out;
    if (results[i].out.empty() && !refused(i)) ++failures;
  }
  const int drafts = report_drafts(datas, options.final);
  if (failures > 0) return kExitUsage;
  return options.final && drafts > 0 ? kExitPlanErrors : kExitOk;
}

}  // namespace iact
