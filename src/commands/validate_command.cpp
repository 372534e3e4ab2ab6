#include <iostream>
#include <set>

#include <fmt/format.h>

#include "check/report.h"
#include "check/validate.h"
#include "commands/commands.h"
#include "commands/context.h"
#include "commands/outputs.h"
#include "util/files.h"

namespace iact {

namespace fs = std::filesystem;

namespace {

// What the PATHs name: plans (files and folders), local timelines, and files that are not
// YAML, which are skipped with a note so that a hook passing every changed file still works.
struct Targets {
  std::vector<std::string> plans;
  std::vector<std::string> timelines;  // files named .iact-timeline.yaml
  int skipped = 0;
};

Targets sort_targets(const std::vector<std::string>& paths) {
  Targets t;
  for (const std::string& p : paths) {
    std::error_code ec;
    const fs::path path(p);
    // A pipe or device (the /dev/fd/63 of `<(...)`) has no name to judge it by: read it.
    const bool regular = fs::is_regular_file(path, ec);
    if (p != "-" && regular && path.filename() == kLocalTimelineName) {
      t.timelines.push_back(p);
    } else if (p != "-" && regular && !is_yaml(path)) {
      std::cerr << fmt::format("iact: {}: skipped: not a plan (plans are *.yaml or *.yml files)\n",
                               p);
      ++t.skipped;
    } else {
      t.plans.push_back(p);
    }
  }
  return t;
}

// Checks each local timeline as what it is: the national timeline with its periods added.
// Returns the timelines that have errors, as canonical paths.
std::set<fs::path> check_timelines(const std::vector<std::string>& files, const Catalogue& national,
                                   Diagnostics& diags) {
  std::set<fs::path> broken;
  for (const std::string& file : files) {
    const std::string shown = fs::path(file).lexically_normal().string();
    Diagnostics found;
    FileRead read = read_file(file, kMaxPlanFileBytes);
    if (read.bytes) {
      Catalogue with_it = national;
      add_catalogue_text(*read.bytes, shown, with_it, found, /*local=*/true);
    } else {
      found.add(shown, {}, "file-unreadable", read.error);
    }
    std::error_code ec;
    if (found.has_errors()) broken.insert(fs::weakly_canonical(file, ec));
    found.sort();
    diags.append(found);
  }
  return broken;
}

// --for-return PERIOD: every required answer the period's return of each system will lack,
// as return-draft errors, in place of the return-incomplete warnings that say the same in
// brief. Systems whose plans have errors are left out: their return cannot be written.
// Returns kExitOk, or kExitUsage (said why) if the period or the return layout is wrong.
int check_for_return(const ValidateOptions& options, const CommonOptions& common,
                     const Catalogue& catalogue, const std::optional<RagSettings>& policy,
                     Date as_of, const Validation& v, Diagnostics& diags) {
  std::optional<ReturnLayout> layout = load_return_layout_for(common);
  if (!layout) return kExitUsage;
  const ViewOptions view_options{
      report_as_of(options.as_of.empty(), as_of, catalogue, options.for_return), options.for_return,
      std::nullopt, policy};
  std::set<std::string> broken;  // files with errors
  for (const Diagnostic& d : v.diags.items()) {
    if (d.severity == Severity::kError) broken.insert(d.file);
  }
  std::erase_if(diags.items(), [](const Diagnostic& d) { return d.rule == "return-incomplete"; });
  for (const System& system : v.systems) {
    if (std::any_of(system.plans.begin(), system.plans.end(),
                    [&](const Plan* p) { return p->had_load_errors || broken.count(p->file); }))
      continue;
    ViewError error;
    std::optional<SystemView> view =
        build_view(system.folder.filename().string(), system.plans, catalogue, view_options, error);
    if (!view) {
      std::cerr << "iact: " << error.message << '\n';
      if (!error.hint.empty()) std::cerr << "  hint: " << error.hint << '\n';
      return kExitUsage;
    }
    add_draft_diagnostics(return_data(*view, *layout), diags);
  }
  diags.sort();
  return kExitOk;
}

}  // namespace

int run_validate(const ValidateOptions& options, const CommonOptions& common) {
  if ((options.summary || options.max_diagnostics > 0) && options.format != "text") {
    std::cerr << fmt::format("iact: {} is for the text format, not {}\n",
                             options.summary ? "--summary" : "--max-diagnostics", options.format);
    return kExitUsage;
  }
  std::optional<Date> as_of = resolve_as_of(options.as_of, common.today);
  if (!as_of) return kExitUsage;
  const Targets targets = sort_targets(options.paths);
  std::vector<std::string> paths = targets.plans;
  if (options.paths.empty()) paths.push_back(fs::is_directory("plans") ? "plans" : ".");

  Diagnostics diags;
  std::set<fs::path> broken_timelines;
  if (!targets.timelines.empty()) {
    Diagnostics ignored;  // the national files' warnings: said with the plans, if any
    std::optional<Catalogue> national = load_frameworks(common, ignored, {}, false);
    if (!national) return kExitUsage;
    broken_timelines = check_timelines(targets.timelines, *national, diags);
  }
  // Plans whose own local timeline was named and has errors cannot be checked against it.
  if (!paths.empty() && !broken_timelines.empty()) {
    std::error_code ec;
    std::optional<fs::path> local = local_timeline_for(common, paths);
    if (local && broken_timelines.count(fs::weakly_canonical(*local, ec))) {
      std::cerr << fmt::format(
          "iact: the plans were not checked: their local timeline {} has "
          "errors (below)\n",
          local->string());
      paths.clear();
    }
  }

  Validation v;
  std::optional<StdinPlan> from_stdin;
  if (!paths.empty()) {
    Diagnostics framework_diags;
    std::optional<Catalogue> catalogue = load_frameworks(common, framework_diags, paths);
    if (!catalogue) return kExitUsage;

    std::optional<RagSettings> policy;
    if (!load_rag_policy(common, policy)) return kExitUsage;

    if (!read_stdin_plan(paths, options.stdin_filename, from_stdin)) return kExitUsage;
    CheckContext ctx{*catalogue, *as_of, policy};
    ctx.jobs = common.jobs;
    v = validate(paths, ctx, from_stdin ? &*from_stdin : nullptr);
    if (!v.usage_error.empty()) {
      std::cerr << "iact: " << v.usage_error << '\n';
      return kExitUsage;
    }
    diags.append(framework_diags);
    diags.append(v.diags);
    if (!options.for_return.empty()) {
      if (int rc = check_for_return(options, common, *catalogue, policy, *as_of, v, diags);
          rc != kExitOk)
        return rc;
    }
  }
  const int files = v.files + static_cast<int>(targets.timelines.size());
  if (options.format == "json") {
    print_json(diags, std::cout);
  } else {
    Diagnostics shown;
    for (const Diagnostic& d : diags.items()) {
      if (!options.quiet || d.severity == Severity::kError) shown.items().push_back(d);
    }
    // The CI formats go to standard output (a file, or the job's log for GitHub), the
    // summary line to standard error as in text.
    const std::map<std::string, std::string> sources = stdin_sources(from_stdin);
    if (options.format == "sarif") {
      print_sarif(shown, std::cout, IACT_VERSION, &sources);
    } else if (options.format == "github") {
      print_github(shown, std::cout);
    } else if (options.format == "gitlab") {
      print_gitlab(shown, std::cout, &sources);
    } else if (options.summary) {
      print_summary(shown, std::cerr);
    } else {
      TextStyle style{stderr_wants_colour(), true, &sources};
      style.max_diagnostics = options.max_diagnostics;
      print_text(shown, std::cerr, style);
    }
    std::cerr << summary_line(diags, files)
              << (files == 0 && targets.skipped == 0 ? " (no *.yaml or *.yml plans found)" : "")
              << '\n';
  }
  if (diags.has_errors()) return kExitPlanErrors;
  if (options.strict && diags.warning_count() > 0) return kExitPlanErrors;
  return kExitOk;
}

}  // namespace iact
