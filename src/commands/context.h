// What every command that reads plans needs first: the as-of date and the frameworks.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/diagnostic.h"
#include "check/validate.h"
#include "commands/commands.h"
#include "frameworks/catalogue.h"
#include "plan/model.h"
#include "view/system_view.h"

namespace iact {

// --color: auto (the default) colours a terminal unless NO_COLOR is set to anything but ""
// (no-color.org) or TERM is dumb; always and never say it outright. Set once, by main.
void set_colour(std::string_view choice);

// Colour for diagnostics on stderr, as --color and the environment say.
bool stderr_wants_colour();
// The same for standard output (iact status).
bool stdout_wants_colour();

// --as-of, or today. Prints a usage error and returns nothing if it does not parse.
std::optional<Date> resolve_as_of(const std::string& as_of, Date today);

// The date a report is as of. With no --as-of, a report for a period that has ended is as of
// its due date, so a return or paper regenerated later still shows that period as it stood;
// otherwise `as_of` (today, or --as-of).
Date report_as_of(bool as_of_defaulted, Date as_of, const Catalogue& catalogue,
                  const std::string& period);

// The templates folder (--templates, $IACT_TEMPLATES, installed, or the source tree);
// prints why and returns nothing if there is none.
std::optional<std::filesystem::path> find_templates(const CommonOptions& common);

// The local timeline of the plans in `paths`: --timeline, else .iact-timeline.yaml found from
// the first path (or from plans/, or the current folder), if there is one.
std::optional<std::filesystem::path> local_timeline_for(const CommonOptions& common,
                                                        const std::vector<std::string>& paths);

// Finds and loads the frameworks, with the local timeline of the plans in `paths` (see
// local_timeline_for) unless `with_local_timeline` is false. Returns nothing (after printing
// why) if the folder cannot be found or either holds errors; the files' warnings, if any, go
// to `diags`.
std::optional<Catalogue> load_frameworks(const CommonOptions& common, Diagnostics& diags,
                                         const std::vector<std::string>& paths = {},
                                         bool with_local_timeline = true);

// What to say when no reporting period is due on or after `as_of`: the last one, and how to
// add the next in a local timeline beside `plans`.
std::string no_period_hint(const Catalogue& catalogue, Date as_of, const std::string& plans);

// The RAG policy file of --rag-policy, if one was given. Returns false (after printing its
// problems) if it cannot be read or has errors.
bool load_rag_policy(const CommonOptions& common, std::optional<RagSettings>& policy);

// The plan on standard input, when `paths` holds `-` (iact validate -, iact status -): named
// `stdin_filename` in diagnostics (default <stdin>), with that file's folder, if it exists,
// as its system. Prints why and returns false if it cannot be read, or if stdin_filename is
// given without `-`.
bool read_stdin_plan(const std::vector<std::string>& paths, const std::string& stdin_filename,
                     std::optional<StdinPlan>& plan);

// The text of a plan on standard input by its name, for showing its lines in diagnostics.
std::map<std::string, std::string> stdin_sources(const std::optional<StdinPlan>& plan);

// What the reporting commands (status, paper) work on: validated plans and the scopes to
// report, each a system folder or a single trust plan.
struct ReportScope {
  std::string name;  // folder name for a system, file stem for a single plan
  std::vector<const Plan*> plans;
  int errors = 0;  // errors in its plans (only with keep_going; otherwise there are none)
};

struct ReportInputs {
  std::string plans;  // the first plans path, for hints
  Catalogue catalogue;
  std::optional<RagSettings> policy;
  Date as_of;
  Validation validation;
  std::vector<ReportScope> scopes;
  int unattributed_errors = 0;  // with keep_going: errors in files no scope could take
};

// Loads the frameworks and the policy, validates PATHs, and splits them into scopes: a
// folder, or an ICB plan, is its whole system; a trust plan named on its own is just that
// plan. The as-of date follows report_as_of(); the plans are checked at that date, except
// that completions and updates may be dated up to today. Errors in the plans are printed
// and stop here (returns kExitPlanErrors), unless `keep_going` (iact build): then each scope
// counts its own errors so the others can still be reported. Warnings are counted in one
// line, unless `quiet`. Returns kExitOk when `inputs` is ready.
int load_report_inputs(const std::vector<std::string>& paths, const std::string& as_of,
                       const std::string& period, const CommonOptions& common, ReportInputs& inputs,
                       bool keep_going = false,
                       const std::optional<StdinPlan>& from_stdin = std::nullopt,
                       bool quiet = false);

// The view of one scope; prints why and returns nothing if the period or meeting named in
// `options` does not exist, or, when `needs_period` (a paper, a return), if no period is
// due on or after the as-of date and none was named.
std::optional<SystemView> view_of(const ReportScope& scope, const ReportInputs& inputs,
                                  const ViewOptions& options, bool needs_period = true);

}  // namespace iact
