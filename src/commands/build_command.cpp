// iact build: every system under a folder, its board paper and its return, in one run.
// Systems are written side by side; pandoc runs are limited to -j at a time across them.
#include <unistd.h>

#include <atomic>
#include <iostream>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "commands/commands.h"
#include "commands/context.h"
#include "commands/outputs.h"

namespace iact {

namespace fs = std::filesystem;

namespace {

struct SystemResult {
  std::vector<fs::path> written;
  std::string note;   // something to say beside its files (reports replaced)
  std::string error;  // why the system failed, if it did
  bool plan_errors = false;
  bool no_meeting = false;
  Diagnostics warnings;  // about the paper (abbreviations its glossary lacks)
};

// A one-line progress report on a terminal, rewritten in place; silent elsewhere.
class Progress {
 public:
  Progress(size_t total, bool on_terminal) : total_(total), on_terminal_(on_terminal) {}

  void started(const std::string& name) {
    std::lock_guard lock(mutex_);
    active_.push_back(name);
    draw();
  }
  // Prints a finished system's line above the progress line.
  void finished(const std::string& name, const std::string& line) {
    std::lock_guard lock(mutex_);
    ++done_;
    std::erase(active_, name);
    clear();
    std::cout << line << std::flush;
    draw();
  }
  void end() {
    std::lock_guard lock(mutex_);
    clear();
  }

 private:
  void draw() {
    if (!on_terminal_) return;
    if (active_.empty()) return;
    std::cerr << fmt::format("\r\033[K[{}/{}] building {}...", done_, total_,
                             fmt::join(active_, ", "))
              << std::flush;
  }
  void clear() {
    if (on_terminal_) std::cerr << "\r\033[K" << std::flush;
  }

  std::mutex mutex_;
  size_t total_;
  size_t done_ = 0;
  std::vector<std::string> active_;  // the systems being built now
  bool on_terminal_;
};

SystemResult build_system(const ReturnData& data, const ReportInputs& inputs,
                          const BuildOptions& options, const CommonOptions& common,
                          const PaperTemplates& templates, const ReturnLayout& layout,
                          ProcessSlots& slots) {
  const SystemView& view = *data.view;
  SystemResult result;
  result.no_meeting = view.meeting == nullptr;
  ReportReplacement replacing;  // until this system's reports are all written (or failed)
  std::optional<fs::path> made =
      make_report_dir(options.out_dir, view, options.force, result.note, result.error, replacing);
  if (!made) return result;
  const fs::path& dir = *made;
  const long long epoch = created_epoch(common, inputs.as_of);

  ReturnJob ret{&layout, dir / "return.xlsx", epoch};
  if (std::optional<std::string> error = write_return(data, ret)) {
    result.error = *error;
    return result;
  }
  result.written.push_back(ret.file);
  if (is_draft(data)) {
    result.note += (result.note.empty() ? "" : "; ") +
                   fmt::format("the return is a DRAFT: {}", draft_summary(data));
  }

  PaperJob paper;
  paper.templates = &templates;
  paper.out_dir = dir;
  paper.formats = options.formats;
  paper.source_date_epoch = epoch;
  paper.slots = &slots;
  paper.timeout_seconds = options.timeout_seconds;
  PaperResult written = write_paper(view, paper);
  result.warnings = abbreviation_warnings(view, written.undefined_abbreviations);
  result.written.insert(result.written.end(), written.written.begin(), written.written.end());
  if (!written.ok()) result.error = written.error;
  return result;
}

std::string files_line(const std::vector<fs::path>& files) {
  std::string names;
  for (const fs::path& f : files) names += (names.empty() ? "" : ", ") + f.filename().string();
  return names;
}

}  // namespace

int run_build(const BuildOptions& options, const CommonOptions& common) {
  const unsigned jobs = options.jobs > 0 ? static_cast<unsigned>(options.jobs)
                                         : std::max(1u, std::thread::hardware_concurrency());
  std::optional<PaperTemplates> templates = load_paper_templates_for(common);
  if (!templates) return kExitUsage;
  std::optional<ReturnLayout> layout = load_return_layout_for(common);
  if (!layout) return kExitUsage;
  if (std::string missing = missing_programs(options.formats); !missing.empty()) {
    std::cerr << "iact: " << missing << '\n';
    return kExitUsage;
  }
  ReportInputs inputs;
  if (int rc = load_report_inputs({options.plans_dir}, options.as_of, options.period, common,
                                  inputs, /*keep_going=*/true, std::nullopt, options.quiet);
      rc != kExitOk)
    return rc;

  // Every view first (cheap, and a --period that names nothing stops here), then the files.
  const ViewOptions view_options{inputs.as_of, options.period, std::nullopt, inputs.policy};
  std::vector<std::optional<SystemView>> views;
  for (const ReportScope& scope : inputs.scopes) {
    if (scope.errors > 0) {
      views.emplace_back();
      continue;
    }
    views.push_back(view_of(scope, inputs, view_options));
    if (!views.back()) return kExitUsage;
  }
  std::vector<std::optional<ReturnData>> returns;
  std::vector<ReturnData> built;
  for (const std::optional<SystemView>& view : views) {
    returns.push_back(view ? std::optional(return_data(*view, *layout)) : std::nullopt);
    if (returns.back()) built.push_back(*returns.back());
  }
  // --final: a draft is refused like a system with errors, each missing answer named.
  if (options.final) report_drafts(built, true);

  const size_t n = inputs.scopes.size();
  std::vector<SystemResult> results(n);
  Progress progress(n, !options.quiet && isatty(STDERR_FILENO) != 0);
  ProcessSlots slots(static_cast<std::ptrdiff_t>(std::min(jobs, 1024u)));
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < n; i = next++) {
      const ReportScope& scope = inputs.scopes[i];
      SystemResult& r = results[i];
      if (scope.errors > 0) {
        r.plan_errors = true;
        r.error = fmt::format("its plans have {} error{} (shown above)", scope.errors,
                              scope.errors == 1 ? "" : "s");
      } else if (options.final && is_draft(*returns[i])) {
        r.plan_errors = true;
        r.error =
            fmt::format("its return is a draft: {} (shown above)", draft_summary(*returns[i]));
      } else {
        progress.started(scope.name);
        r = build_system(*returns[i], inputs, options, common, *templates, *layout, slots);
      }
      const std::string period = views[i] && views[i]->period ? views[i]->period->id : "";
      progress.finished(
          scope.name,
          r.error.empty()
              ? fmt::format("{:<16} {:<8} {}{}\n", scope.name, period, files_line(r.written),
                            r.note.empty() ? "" : " (" + r.note + ")")
              : fmt::format("{:<16} {:<8} FAILED: {}\n", scope.name, period, r.error));
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < std::min<size_t>(jobs, n); ++t) threads.emplace_back(worker);
  for (std::thread& t : threads) t.join();
  progress.end();

  size_t failed = 0, plan_failures = 0, files = 0;
  std::vector<std::string> no_meeting;
  Diagnostics warnings;
  for (const SystemResult& r : results) warnings.append(r.warnings);
  if (!warnings.items().empty())
    print_text(warnings, std::cerr, TextStyle{stderr_wants_colour(), true});
  for (size_t i = 0; i < n; ++i) {
    files += results[i].written.size();
    if (!results[i].error.empty()) ++failed;
    if (results[i].plan_errors) ++plan_failures;
    if (results[i].error.empty() && results[i].no_meeting)
      no_meeting.push_back(inputs.scopes[i].name);
  }
  const std::string period =
      options.period.empty() ? "the next period due" : fmt::format("period {}", options.period);
  std::cout << fmt::format("Built {} of {} system{} ({} files) in {} as of {}, {}.\n", n - failed,
                           n, n == 1 ? "" : "s", files, options.out_dir, inputs.as_of.iso(),
                           period);
  if (!no_meeting.empty() && !options.quiet) {
    std::cout << fmt::format(
        "No board meeting on or after {} in the plans of: {}; their cover sheets say 'to be "
        "confirmed' (add a `board:` entry to the ICB plan).\n",
        inputs.as_of.iso(), fmt::join(no_meeting, ", "));
  }
  if (inputs.unattributed_errors > 0) {
    std::cerr << fmt::format(
        "iact: {} error{} in plans that belong to no system built here (shown above)\n",
        inputs.unattributed_errors, inputs.unattributed_errors == 1 ? "" : "s");
  }
  if (failed > 0) {
    std::cerr << fmt::format("iact: {} system{} failed\n", failed, failed == 1 ? "" : "s");
    if (failed > plan_failures) return kExitUsage;
  }
  return failed > 0 || inputs.unattributed_errors > 0 ? kExitPlanErrors : kExitOk;
}

}  // namespace iact
