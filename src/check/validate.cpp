#include "check/validate.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "check/coverage.h"
#include "check/return_checks.h"
#include "check/system_checks.h"
#include "plan/loader.h"
#include "util/files.h"

namespace iact {

namespace fs = std::filesystem;

Validation validate(const std::vector<std::string>& paths, const CheckContext& ctx,
                    const StdinPlan* from_stdin) {
  Validation v;
  // Target files as the user will read them, and every folder that holds one.
  std::set<std::string> targets;
  std::set<std::string> streams;  // named files that may be pipes (`<(...)`, /dev/stdin)
  std::map<fs::path, std::vector<std::string>> folders;  // folder -> files (targets and siblings)
  std::set<fs::path> seen;  // canonical paths, so a file named twice is read once
  auto add_file = [&](const fs::path& path, bool target) {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(path, ec);
    const std::string display = path.lexically_normal().string();
    if (target) targets.insert(display);
    if (!seen.insert(canonical).second) return;
    folders[path.parent_path().lexically_normal()].push_back(display);
  };
  bool read_stdin = false;
  for (const std::string& p : paths) {
    std::error_code ec;
    const fs::path path(p);
    if (p == "-") {
      if (!from_stdin || read_stdin) {
        v.usage_error = from_stdin ? "'-' (standard input) can be named only once"
                                   : "'-' (standard input) is not read here";
        return v;
      }
      read_stdin = true;
      targets.insert(from_stdin->display);
      // The plan on standard input stands in for the file it names, among its siblings.
      seen.insert(fs::weakly_canonical(from_stdin->display, ec));
      folders[from_stdin->folder.value_or(kNoFolder)].push_back(from_stdin->display);
    } else if (fs::is_directory(path, ec)) {
      for (const fs::path& f : find_yaml_files(path)) add_file(f, true);
    } else if (std::string why = not_a_file(path, true); why.empty()) {
      add_file(path, true);
      streams.insert(path.lexically_normal().string());
    } else {
      v.usage_error =
          fmt::format("{}: {}", p, why == "no such file" ? "no such file or folder" : why);
      return v;
    }
  }
  // Siblings of named files give their system its context.
  for (auto& [folder, files] : folders) {
    if (folder == kNoFolder) continue;
    for (const fs::path& sibling : yaml_files_in(folder.empty() ? fs::path(".") : folder)) {
      fs::path shown = folder.empty() ? sibling.filename() : sibling;
      add_file(shown, false);
    }
  }
  v.files = static_cast<int>(targets.size());
  v.targets = targets;

  // Load each file once, on every core (YAML parsing is nearly all of the time, and the
  // loader shares no state), then merge in file order so the output never depends on timing.
  // Problems in siblings that were not named are not reported.
  struct Job {
    fs::path folder;
    std::string file;
    std::optional<Plan> plan;
    Diagnostics diags;
  };
  std::vector<Job> jobs;
  for (auto& [folder, files] : folders) {
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) jobs.push_back(Job{folder, file, std::nullopt, {}});
  }
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < jobs.size(); i = next++) {
      Job& job = jobs[i];
      if (read_stdin && job.file == from_stdin->display) {
        job.plan = load_plan_text(from_stdin->text, job.file, job.diags);
      } else {
        job.plan = load_plan_file(job.file, job.file, job.diags, streams.count(job.file) > 0);
      }
    }
  };
  const size_t threads = std::min<size_t>(
      jobs.size(), ctx.jobs > 0 ? ctx.jobs : std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();

  Diagnostics all;
  std::vector<std::pair<fs::path, size_t>> loaded;  // folder, index into v.plans
  for (Job& job : jobs) {
    if (targets.count(job.file)) all.append(job.diags);
    if (!job.plan) continue;
    v.plans.push_back(std::move(*job.plan));
    loaded.emplace_back(job.folder, v.plans.size() - 1);
  }
  for (const Plan& plan : v.plans) {
    if (targets.count(plan.file)) check_plan(plan, ctx, all);
  }
  for (auto& [folder, files] : folders) {
    System system{folder, {}};
    for (const auto& [f, index] : loaded) {
      if (f == folder) system.plans.push_back(&v.plans[index]);
    }
    check_system(system.plans, all);
    check_coverage(system.plans, ctx.catalogue, all);
    check_frameworks_taken_in(system.plans, ctx.catalogue, ctx.as_of, all);
    check_return_readiness(system.plans, ctx.catalogue, ctx.as_of, all);
    v.systems.push_back(std::move(system));
  }
  for (Diagnostic& d : all.items()) {
    if (targets.count(d.file)) v.diags.items().push_back(std::move(d));
  }
  v.diags.sort();
  return v;
}

}  // namespace iact
