// iact site: a static website of every system under a plans folder.
#include <iostream>

#include <fmt/format.h>

#include "commands/across.h"
#include "commands/commands.h"
#include "util/files.h"
#include "util/safe_path.h"
#include "write/site.h"

namespace iact {

namespace fs = std::filesystem;

int run_site(const SiteOptions& options, const CommonOptions& common) {
  auto across = std::make_unique<SystemsAcross>();
  int rc = load_systems_across(options.plans_dir, options.as_of, options.period, options.region,
                               common, *across);
  if (rc != kExitOk && across->views.empty()) return rc;
  if (!across->failed.empty()) rc = kExitPlanErrors;
  std::vector<SystemSummary> summaries;
  for (const SystemView& v : across->views) summaries.push_back(summarise(v));
  const Rollup rollup = roll_up(std::move(summaries));

  if (const std::string clash = site_page_clash(across->views, rollup); !clash.empty()) {
    std::cerr << "iact: " << clash << '\n';
    return kExitUsage;
  }

  SiteJob job;
  job.title = options.title.empty()
                  ? std::string("Intensive and assertive community care: action plans")
                  : options.title;
  job.contact = options.contact;
  std::string error;
  std::optional<fs::path> root = make_output_dir(options.out_dir, {}, error);
  std::optional<fs::path> systems, items;
  if (root) systems = make_output_dir(*root, {"systems"}, error);
  if (systems) items = make_output_dir(*root, {"items"}, error);
  if (!items) {
    std::cerr << "iact: " << error << '\n';
    return kExitUsage;
  }
  job.dir = *root;
  const auto pages = site_pages(across->views, rollup, job);
  for (const auto& [name, html] : pages) {
    if (!write_file_atomic(*root / name, html, error)) {
      std::cerr << "iact: " << error << '\n';
      return kExitUsage;
    }
  }
  std::cout << fmt::format("Wrote {} pages to {}: open {}\n", pages.size(), root->string(),
                           (*root / "index.html").string());
  return rc;
}

}  // namespace iact
