#include "commands/context.h"

#include <unistd.h>
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <new>

#include <fmt/format.h>

#include "check/report.h"
#include "commands/commands.h"
#include "frameworks/catalogue.h"
#include "plan/loader.h"
#include "util/files.h"
#include "util/safe_path.h"
#include "util/text.h"

namespace iact {

namespace fs = std::filesystem;

namespace {

std::string colour_choice = "auto";  // --color

bool wants_colour(int fd) {
  if (colour_choice == "always") return true;
  if (colour_choice == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");  // set and not empty: no colour
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return isatty(fd);
}

}  // namespace

void set_colour(std::string_view choice) {
  colour_choice = choice;
}

bool stderr_wants_colour() {
  return wants_colour(STDERR_FILENO);
}

bool stdout_wants_colour() {
  return wants_colour(STDOUT_FILENO);
}

std::optional<Date> resolve_as_of(const std::string& as_of, Date today) {
  if (as_of.empty()) return today;
  if (auto d = parse_iso_day(as_of)) return d;
  std::cerr << fmt::format(
      "iact: --as-of '{}' is not a date; write it as YYYY-MM-DD, e.g. 2025-06-30\n", as_of);
  return std::nullopt;
}

Date report_as_of(bool as_of_defaulted, Date as_of, const Catalogue& catalogue,
                  const std::string& period) {
  if (!as_of_defaulted || period.empty()) return as_of;
  for (const Period& p : catalogue.periods) {
    if (p.id == period) return std::min(p.due, as_of);
  }
  return as_of;  // an unknown period is reported when the view is built
}

std::optional<std::filesystem::path> find_templates(const CommonOptions& common) {
  auto dir = find_data_dir("templates", common.templates_dir, "IACT_TEMPLATES", common.exe);
  std::error_code ec;
  if (dir && std::filesystem::is_directory(*dir, ec)) return dir;
  std::cerr << "iact: cannot find the templates folder"
            << (dir ? fmt::format(" ({})", dir->string()) : std::string()) << '\n'
            << "  hint: pass --templates DIR or set IACT_TEMPLATES to the folder that holds "
               "board-paper.md and return.yaml\n";
  return std::nullopt;
}

std::optional<fs::path> local_timeline_for(const CommonOptions& common,
                                           const std::vector<std::string>& paths) {
  if (!common.timeline.empty()) return fs::path(common.timeline);
  std::error_code ec;
  fs::path start = fs::is_directory("plans", ec) ? "plans" : ".";
  if (!paths.empty() && paths.front() != "-") start = paths.front();
  return find_local_timeline(start);
}

std::optional<Catalogue> load_frameworks(const CommonOptions& common, Diagnostics& diags,
                                         const std::vector<std::string>& paths,
                                         bool with_local_timeline) {
  auto dir = find_frameworks_dir(common.frameworks_dir, common.exe);
  std::error_code ec;
  if (!dir || !std::filesystem::is_directory(*dir, ec)) {
    std::cerr << "iact: cannot find the frameworks folder"
              << (dir ? fmt::format(" ({})", dir->string()) : std::string()) << '\n'
              << "  hint: pass --frameworks DIR or set IACT_FRAMEWORKS to the folder that holds "
                 "the framework *.yaml files\n";
    return std::nullopt;
  }
  Diagnostics found;
  Catalogue catalogue = load_catalogue(*dir, found);
  // The organisation's own reporting periods, beside its plans.
  std::optional<fs::path> local;
  if (with_local_timeline) local = local_timeline_for(common, paths);
  if (local) {
    FileRead read = read_file(*local, kMaxPlanFileBytes);
    if (!read.bytes) {
      std::cerr << fmt::format("iact: cannot read the local timeline {}: {}\n", local->string(),
                               read.error);
      return std::nullopt;
    }
    add_catalogue_text(*read.bytes, local->string(), catalogue, found, /*local=*/true);
  }
  if (found.has_errors()) {
    found.sort();
    print_text(found, std::cerr, TextStyle{stderr_wants_colour(), true});
    std::cerr << "iact: the frameworks in " << dir->string()
              << (local ? " or the local timeline " + local->string() : std::string())
              << " have errors; fix them first\n";
    return std::nullopt;
  }
  if (catalogue.frameworks.empty()) {
    std::cerr << "iact: no frameworks found in " << dir->string() << '\n';
    return std::nullopt;
  }
  diags.append(found);
  return catalogue;
}

std::string no_period_hint(const Catalogue& catalogue, Date as_of, const std::string& plans) {
  const Period* last = catalogue.periods.empty() ? nullptr : &catalogue.periods.back();
  fs::path folder = plans.empty() ? fs::path(".") : fs::path(plans);
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) folder = folder.parent_path();
  const int year = as_of.month == 12 ? as_of.year + 1 : as_of.year;
  const int month = as_of.month == 12 ? 1 : as_of.month + 1;
  return fmt::format(
      "no reporting period is due on or after {}{}.\n"
      "  hint: NHS England has set no later period; add your board's next reporting round to a "
      "local timeline,\n"
      "        {}:\n"
      "          iact-timeline: 1\n"
      "          periods:\n"
      "            - {{ id: {:04d}-{:02d}, due: {:04d}-{:02d}-{:02d}, title: Public board update "
      "}}\n"
      "        or name a period that has ended with --period{}",
      display_long(as_of),
      last ? fmt::format("; the last in the timeline is {}, due {}", last->id,
                         display_long(last->due))
           : std::string(),
      (folder / kLocalTimelineName).lexically_normal().string(), year, month, year, month,
      days_in_month(year, month), last ? " " + last->id : std::string());
}

bool load_rag_policy(const CommonOptions& common, std::optional<RagSettings>& policy) {
  if (common.rag_policy.empty()) return true;
  Diagnostics diags;
  policy = load_policy_file(common.rag_policy, common.rag_policy, diags);
  if (!diags.items().empty()) {
    diags.sort();
    print_text(diags, std::cerr, TextStyle{stderr_wants_colour(), true});
  }
  if (!policy) {
    std::cerr << "iact: the RAG policy " << common.rag_policy << " cannot be used; fix it first\n";
    return false;
  }
  return true;
}

namespace {

// The name a scope's reports are filed under: a system is named after its folder (as
// resolved, so `plans/nenc/sub/..` is nenc), a single trust plan after its organisation's
// code. Where that is not a plain folder name, the other is tried; make_report_dir() refuses
// a name that is still unsafe.
std::string scope_name(const fs::path& folder, const Plan* plan, bool whole_system) {
  std::error_code ec;
  std::string folder_name = fs::weakly_canonical(fs::absolute(folder, ec), ec).filename().string();
  if (folder_name.empty()) folder_name = folder.lexically_normal().filename().string();
  const std::string code = plan && plan->organisation.code ? plan->organisation.code->value : "";
  const std::string first = whole_system ? folder_name : code;
  const std::string second = whole_system ? code : fs::path(plan->file).stem().string();
  if (unsafe_component(first).empty() || !unsafe_component(second).empty()) return first;
  return second;
}

std::vector<ReportScope> scopes_of(const Validation& v) {
  std::vector<ReportScope> scopes;
  for (const System& system : v.systems) {
    std::vector<const Plan*> named;
    bool whole = false;
    for (const Plan* plan : system.plans) {
      if (!v.targets.count(plan->file)) continue;
      named.push_back(plan);
      whole = whole || plan->is_icb();
    }
    if (named.empty()) continue;
    if (whole || named.size() == system.plans.size()) {
      const auto icb = std::find_if(system.plans.begin(), system.plans.end(),
                                    [](const Plan* p) { return p->is_icb(); });
      const Plan* lead = icb != system.plans.end() ? *icb : system.plans.front();
      scopes.push_back(ReportScope{scope_name(system.folder, lead, true), system.plans});
      continue;
    }
    for (const Plan* plan : named) {
      scopes.push_back(ReportScope{scope_name(system.folder, plan, false), {plan}});
    }
  }
  return scopes;
}

}  // namespace

bool read_stdin_plan(const std::vector<std::string>& paths, const std::string& stdin_filename,
                     std::optional<StdinPlan>& plan) {
  const bool wanted = std::find(paths.begin(), paths.end(), "-") != paths.end();
  if (!wanted) {
    if (stdin_filename.empty()) return true;
    std::cerr << "iact: --stdin-filename names a plan read from standard input; add the PATH "
                 "`-` to read one\n";
    return false;
  }
  StdinPlan p;
  FileRead read = read_file("/dev/stdin", kMaxPlanFileBytes, /*streams_ok=*/true);
  if (!read.bytes) {
    std::cerr << "iact: cannot read a plan from standard input: " << read.error << '\n';
    return false;
  }
  p.text = std::move(*read.bytes);
  if (!stdin_filename.empty()) {
    if (fs::path(stdin_filename).filename().empty()) {
      std::cerr << "iact: --stdin-filename '" << stdin_filename << "' does not name a file\n";
      return false;
    }
    p.display = fs::path(stdin_filename).lexically_normal().string();
    const fs::path folder = fs::path(p.display).parent_path();
    std::error_code ec;
    if (folder.empty() || fs::is_directory(folder, ec)) p.folder = folder;  // "" is here
  }
  plan = std::move(p);
  return true;
}

std::map<std::string, std::string> stdin_sources(const std::optional<StdinPlan>& plan) {
  if (!plan) return {};
  return {{plan->display, plan->text}};
}

int load_report_inputs(const std::vector<std::string>& paths, const std::string& as_of,
                       const std::string& period, const CommonOptions& common, ReportInputs& inputs,
                       bool keep_going, const std::optional<StdinPlan>& from_stdin, bool quiet) {
  std::optional<Date> day = resolve_as_of(as_of, common.today);
  if (!day) return kExitUsage;
  Diagnostics framework_diags;
  std::optional<Catalogue> catalogue = load_frameworks(common, framework_diags, paths);
  if (!catalogue) return kExitUsage;
  inputs.catalogue = std::move(*catalogue);
  inputs.plans = paths.empty() ? std::string("plans") : paths.front();
  inputs.as_of = report_as_of(as_of.empty(), *day, inputs.catalogue, period);
  if (!load_rag_policy(common, inputs.policy)) return kExitUsage;

  std::vector<std::string> targets = paths;
  if (targets.empty()) targets.push_back(std::filesystem::is_directory("plans") ? "plans" : ".");
  // The plans are checked at the reporting date, but a completion or update after it (and
  // by today) is history, not an error: the view reads the plans as they stood then.
  CheckContext ctx{inputs.catalogue, inputs.as_of, inputs.policy,
                   std::max(inputs.as_of, common.today)};
  ctx.jobs = common.jobs;
  inputs.validation = validate(targets, ctx, from_stdin ? &*from_stdin : nullptr);
  const std::map<std::string, std::string> sources = stdin_sources(from_stdin);
  Validation& v = inputs.validation;
  if (!v.usage_error.empty()) {
    std::cerr << "iact: " << v.usage_error << '\n';
    return kExitUsage;
  }
  if (v.diags.has_errors()) {
    Diagnostics errors;
    for (const Diagnostic& d : v.diags.items()) {
      if (d.severity == Severity::kError) errors.items().push_back(d);
    }
    print_text(errors, std::cerr, TextStyle{stderr_wants_colour(), true, &sources});
    if (!keep_going) {
      std::cerr << fmt::format("iact: the plans have {} error{}; fix them before reporting\n",
                               errors.error_count(), errors.error_count() == 1 ? "" : "s");
      return kExitPlanErrors;
    }
  }
  if (v.diags.warning_count() > 0 && !quiet) {
    std::cerr << fmt::format(
        "iact: {} warning{} in the plans as of {} (`iact validate --as-of {}` lists them)\n",
        v.diags.warning_count(), v.diags.warning_count() == 1 ? "" : "s", inputs.as_of.iso(),
        inputs.as_of.iso());
  }
  inputs.scopes = scopes_of(v);
  // Each error counts against the scope whose plan it is in, or, for a file that could not
  // be read at all, the system in the same folder; what fits neither is counted apart.
  for (const Diagnostic& d : v.diags.items()) {
    if (d.severity != Severity::kError) continue;
    auto holds = [&](const ReportScope& scope) {
      return std::any_of(scope.plans.begin(), scope.plans.end(),
                         [&](const Plan* p) { return p->file == d.file; });
    };
    auto beside = [&](const ReportScope& scope) {
      return std::any_of(scope.plans.begin(), scope.plans.end(), [&](const Plan* p) {
        return std::filesystem::path(p->file).parent_path() ==
               std::filesystem::path(d.file).parent_path();
      });
    };
    auto it = std::find_if(inputs.scopes.begin(), inputs.scopes.end(), holds);
    if (it == inputs.scopes.end())
      it = std::find_if(inputs.scopes.begin(), inputs.scopes.end(), beside);
    if (it != inputs.scopes.end()) {
      ++it->errors;
    } else {
      ++inputs.unattributed_errors;
    }
  }
  if (inputs.scopes.empty()) {
    std::cerr << "iact: no plans found in " << join(targets) << '\n';
    return kExitUsage;
  }
  return kExitOk;
}

std::optional<SystemView> view_of(const ReportScope& scope, const ReportInputs& inputs,
                                  const ViewOptions& options, bool needs_period) {
  ViewError error;
  std::optional<SystemView> view =
      build_view(scope.name, scope.plans, inputs.catalogue, options, error);
  if (!view) {
    std::cerr << "iact: " << error.message << "\n  hint: " << error.hint << '\n';
    return view;
  }
  // A paper or return needs the period it is for; before any period was set (a paper of
  // late 2024), there is none to need.
  const bool any_known =
      std::any_of(inputs.catalogue.periods.begin(), inputs.catalogue.periods.end(),
                  [&](const Period& p) { return p.known_at(options.as_of); });
  if (needs_period && !view->period && any_known) {
    std::cerr << "iact: " << scope.name << ": "
              << no_period_hint(inputs.catalogue, options.as_of, inputs.plans) << '\n';
    return std::nullopt;
  }
  // Dates the user chose for a paper or return that do not belong together: said, not
  // refused.
  if (needs_period) {
    for (const ViewError& w : date_disagreements(*view, inputs.catalogue, options)) {
      std::cerr << fmt::format("iact: {}: warning: {}\n  hint: {}\n", scope.name, w.message,
                               w.hint);
    }
  }
  return view;
}

int run_guarded(std::string_view command, const std::function<int()>& body) {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    std::cerr << fmt::format(
        "iact {}: stopped: out of memory; an input is far larger than a plan, tracker or "
        "return needs to be (check the files given, or leave the damaged one out)\n",
        command);
  } catch (const std::exception& e) {
    std::cerr << fmt::format("iact {}: stopped by an internal error: {}\n", command, e.what());
  } catch (...) {
    std::cerr << fmt::format("iact {}: stopped by an internal error\n", command);
  }
  return kExitUsage;
}

}  // namespace iact
