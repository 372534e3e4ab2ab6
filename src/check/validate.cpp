#include "check/validate.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "check/system_checks.h"
#include "plan/loader.h"
#include "util/files.h"

namespace iact {

namespace fs = std::filesystem;

Validation validate(const std::vector<std::string>& paths, const CheckContext& ctx) {
  Validation v;
  // Target files as the user will read them, and every folder that holds one.
  std::set<std::string> targets;
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
  for (const std::string& p : paths) {
    std::error_code ec;
    const fs::path path(p);
    if (fs::is_directory(path, ec)) {
      for (const fs::path& f : find_yaml_files(path)) add_file(f, true);
    } else if (fs::exists(path, ec)) {
      add_file(path, true);
    } else {
      v.usage_error = fmt::format("{}: no such file or folder", p);
      return v;
    }
  }
  // Siblings of named files give their system its context.
  for (auto& [folder, files] : folders) {
    for (const fs::path& sibling : yaml_files_in(folder.empty() ? fs::path(".") : folder)) {
      fs::path shown = folder.empty() ? sibling.filename() : sibling;
      add_file(shown, false);
    }
  }
  v.files = static_cast<int>(targets.size());

  // Load each file once. Problems in siblings that were not named are not reported.
  Diagnostics all;
  std::vector<std::pair<fs::path, size_t>> loaded;  // folder, index into v.plans
  for (auto& [folder, files] : folders) {
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
      Diagnostics file_diags;
      std::optional<Plan> plan = load_plan_file(file, file, file_diags);
      if (targets.count(file)) all.append(file_diags);
      if (!plan) continue;
      v.plans.push_back(std::move(*plan));
      loaded.emplace_back(folder, v.plans.size() - 1);
    }
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
    v.systems.push_back(std::move(system));
  }
  for (Diagnostic& d : all.items()) {
    if (targets.count(d.file)) v.diags.items().push_back(std::move(d));
  }
  v.diags.sort();
  return v;
}

}  // namespace iact
