#include <iostream>

#include <fmt/format.h>

#include "check/report.h"
#include "commands/commands.h"
#include "commands/context.h"
#include "commands/outputs.h"
#include "util/escape.h"
#include "util/files.h"

namespace iact {

namespace fs = std::filesystem;

int run_paper(const PaperOptions& options, const CommonOptions& common) {
  std::optional<Date> meeting;
  if (!options.meeting.empty()) {
    meeting = parse_iso_day(options.meeting);
    if (!meeting) {
      std::cerr << fmt::format(
          "iact: --meeting '{}' is not a date; write it as YYYY-MM-DD, e.g. 2025-07-29\n",
          options.meeting);
      return kExitUsage;
    }
  }
  std::optional<PaperTemplates> templates = load_paper_templates_for(common);
  if (!templates) return kExitUsage;
  if (!options.dump_context) {
    if (std::string missing = missing_programs(options.formats); !missing.empty()) {
      std::cerr << "iact: " << missing << '\n';
      return kExitUsage;
    }
  }
  ReportInputs inputs;
  if (int rc = load_report_inputs(options.paths, options.as_of, options.period, common, inputs);
      rc != kExitOk)
    return rc;
  // Reproducible by default: pandoc's document dates come from SOURCE_DATE_EPOCH, else
  // from the as-of date.
  const long long epoch = created_epoch(common, inputs.as_of);
  const ViewOptions view_options{inputs.as_of, options.period, meeting, inputs.policy};

  nlohmann::json contexts = nlohmann::json::array();
  int failures = 0;
  for (const ReportScope& scope : inputs.scopes) {
    std::optional<SystemView> view = view_of(scope, inputs, view_options);
    if (!view) return kExitUsage;
    if (!view->meeting && !options.dump_context) {
      std::cerr << fmt::format(
          "iact: {}: no board meeting on or after {} in {}; the cover sheet says 'to be "
          "confirmed'\n  hint: add a `board:` entry for the meeting, or pass --meeting "
          "YYYY-MM-DD\n",
          scope.name, inputs.as_of.iso(), view->lead->file);
    }
    if (options.dump_context) {
      std::string render_error;
      contexts.push_back(
          full_paper_context(*view, templates->markdown, templates->glossary, render_error));
      std::vector<std::string> terms;
      for (const auto& t :
           contexts.back().value("undefined_abbreviations", nlohmann::json::array()))
        terms.push_back(t.get<std::string>());
      if (const Diagnostics w = abbreviation_warnings(*view, terms); !w.items().empty())
        print_text(w, std::cerr, TextStyle{stderr_wants_colour(), true});
      continue;
    }
    std::string error;
    std::string note;
    ReportReplacement replacing;  // until this system's paper is written (or failed)
    std::optional<fs::path> dir =
        make_report_dir(options.out_dir, *view, options.force, note, error, replacing);
    if (!note.empty()) std::cerr << "iact: " << scope.name << ": " << note << '\n';
    if (!dir) {
      std::cerr << "iact: " << scope.name << ": " << error << '\n';
      ++failures;
      continue;
    }
    PaperJob job;
    job.templates = &*templates;
    job.out_dir = *dir;
    job.timeout_seconds = options.timeout_seconds;
    job.formats = options.formats;
    job.source_date_epoch = epoch;
    PaperResult result = write_paper(*view, job);
    for (const fs::path& p : result.written) std::cout << p.string() << '\n';
    if (const Diagnostics w = abbreviation_warnings(*view, result.undefined_abbreviations);
        !w.items().empty())
      print_text(w, std::cerr, TextStyle{stderr_wants_colour(), true});
    if (!result.ok()) {
      std::cerr << "iact: " << scope.name << ": " << result.error << '\n';
      ++failures;
    }
  }
  if (options.dump_context) {
    std::cout << json_text(contexts.size() == 1 ? contexts[0] : contexts) << '\n';
  }
  return failures > 0 ? kExitUsage : kExitOk;
}

}  // namespace iact
