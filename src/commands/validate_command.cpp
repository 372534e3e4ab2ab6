#include <iostream>

#include <fmt/format.h>

#include "check/report.h"
#include "check/validate.h"
#include "commands/commands.h"
#include "commands/context.h"

namespace iact {

int run_validate(const ValidateOptions& options, const CommonOptions& common) {
  if ((options.summary || options.max_diagnostics > 0) && options.format != "text") {
    std::cerr << fmt::format("iact: {} is for the text format, not {}\n",
                             options.summary ? "--summary" : "--max-diagnostics", options.format);
    return kExitUsage;
  }
  std::optional<Date> as_of = resolve_as_of(options.as_of, common.today);
  if (!as_of) return kExitUsage;
  Diagnostics framework_diags;
  std::optional<Catalogue> catalogue = load_frameworks(common, framework_diags, options.paths);
  if (!catalogue) return kExitUsage;

  std::optional<RagSettings> policy;
  if (!load_rag_policy(common, policy)) return kExitUsage;

  std::optional<StdinPlan> from_stdin;
  if (!read_stdin_plan(options.paths, options.stdin_filename, from_stdin)) return kExitUsage;
  std::vector<std::string> paths = options.paths;
  if (paths.empty()) paths.push_back(std::filesystem::is_directory("plans") ? "plans" : ".");
  CheckContext ctx{*catalogue, *as_of, policy};
  ctx.jobs = common.jobs;
  Validation v = validate(paths, ctx, from_stdin ? &*from_stdin : nullptr);
  if (!v.usage_error.empty()) {
    std::cerr << "iact: " << v.usage_error << '\n';
    return kExitUsage;
  }
  Diagnostics diags = framework_diags;
  diags.append(v.diags);
  if (options.format == "json") {
    print_json(diags, std::cout);
  } else {
    Diagnostics shown;
    for (const Diagnostic& d : diags.items()) {
      if (!options.quiet || d.severity == Severity::kError) shown.items().push_back(d);
    }
    // The CI formats go to standard output (a file, or the job's log for GitHub), the
    // summary line to standard error as in text.
    if (options.format == "sarif") {
      print_sarif(shown, std::cout, IACT_VERSION);
    } else if (options.format == "github") {
      print_github(shown, std::cout);
    } else if (options.format == "gitlab") {
      print_gitlab(shown, std::cout);
    } else if (options.summary) {
      print_summary(shown, std::cerr);
    } else {
      const std::map<std::string, std::string> sources = stdin_sources(from_stdin);
      TextStyle style{stderr_wants_colour(), true, &sources};
      style.max_diagnostics = options.max_diagnostics;
      print_text(shown, std::cerr, style);
    }
    std::cerr << summary_line(diags, v.files) << (v.files == 0 ? " (no *.yaml plans found)" : "")
              << '\n';
  }
  if (diags.has_errors()) return kExitPlanErrors;
  if (options.strict && diags.warning_count() > 0) return kExitPlanErrors;
  return kExitOk;
}

}  // namespace iact
