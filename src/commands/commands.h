// The iact commands. main.cpp parses the command line into these options and calls the
// command; each returns the process exit code (0 ok, 1 the plans have errors, 2 usage or
// I/O error).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plan/date.h"

namespace iact {

inline constexpr int kExitOk = 0;
inline constexpr int kExitPlanErrors = 1;
inline constexpr int kExitUsage = 2;

// Runs one command: the edge where an exception that escaped it (memory exhausted by a hostile
// input, a library's throw, a bug) is said on standard error as exit 2, never an abort.
// Files being written are removed as the exception unwinds.
int run_guarded(std::string_view command, const std::function<int()>& body);

// How long one pandoc run may take before it is stopped: a large system's PDF takes about
// ten seconds, so this only catches a program that hangs.
inline constexpr int kDefaultTimeoutSeconds = 600;

struct CommonOptions {
  std::string frameworks_dir;  // --frameworks; empty: find it (catalogue.h)
  std::string rag_policy;      // --rag-policy; empty: each plan's own or the defaults
  std::filesystem::path exe;   // argv[0], to find data installed beside the binary
  Date today;                  // the one clock read, in main
  std::optional<long long> source_date_epoch;  // $SOURCE_DATE_EPOCH, read in main
  std::string templates_dir;                   // --templates; empty: find it like the frameworks
  std::string timeline;  // --timeline: a local timeline; empty: .iact-timeline.yaml nearby
  unsigned jobs = 0;     // a command's -j: plans read (and returns written) at once; 0: per core
};

struct ValidateOptions {
  std::vector<std::string> paths;  // `-` reads one plan from standard input
  std::string stdin_filename;      // the name of that plan, and so its system folder
  std::string as_of;               // YYYY-MM-DD; empty: today
  bool strict = false;
  bool quiet = false;          // errors and the summary line only
  bool summary = false;        // counts by rule and by file instead of every problem
  size_t max_diagnostics = 0;  // print at most this many problems (0: all)
  std::string format = "text";
  std::string for_return;  // a period: list what its return will lack, as errors
};

int run_validate(const ValidateOptions& options, const CommonOptions& common);

struct StatusOptions {
  std::vector<std::string> paths;  // `-` reads one plan from standard input
  std::string stdin_filename;
  std::string as_of;
  std::string period;  // empty: the next period due on or after the as-of date
  std::string format = "text";
};

int run_status(const StatusOptions& options, const CommonOptions& common);

struct PaperOptions {
  std::vector<std::string> paths;
  std::string as_of;
  std::string period;
  std::string meeting;  // YYYY-MM-DD of a board: entry; empty: the next one
  std::vector<std::string> formats = {"docx", "pdf", "html"};
  std::string out_dir = "reports";
  bool dump_context = false;
  int timeout_seconds = kDefaultTimeoutSeconds;
  bool force = false;  // replace reports as of a later day
};

int run_paper(const PaperOptions& options, const CommonOptions& common);

struct ReturnOptions {
  std::vector<std::string> paths;
  std::string as_of;
  std::string period;
  std::string out_dir = "reports";
  bool list_fields = false;
  bool force = false;
  bool final = false;  // refuse a draft (a required answer missing): exit 1, nothing written
};

int run_return(const ReturnOptions& options, const CommonOptions& common);

struct BuildOptions {
  std::string plans_dir = "plans";
  std::string out_dir = "reports";
  std::string as_of;
  std::string period;
  int jobs = 0;  // pandoc processes at once; 0: one per core
  std::vector<std::string> formats = {"docx", "pdf", "html"};
  int timeout_seconds = kDefaultTimeoutSeconds;
  bool force = false;
  bool quiet = false;  // no progress line on a terminal, no notes; the per-system lines stay
  bool final = false;  // a system whose return is a draft is refused, like one with errors
};

int run_build(const BuildOptions& options, const CommonOptions& common);

struct DiffOptions {
  std::string before;  // a plan file, a folder, or git:REV:path
  std::string after;
  std::string format = "text";
  bool exit_code = false;  // exit 1 when the plans differ, as `git diff --exit-code`
};

int run_diff(const DiffOptions& options, const CommonOptions& common);

struct ImportOptions {
  std::string tracker;  // a .csv or .xlsx file
  // The organisation of a new plan (with --into, the plan's own).
  std::string code, name, short_name, kind, icb, region;
  std::string sheet;
  std::string map;                      // --map MAP.yaml
  std::string into;                     // --into PLAN.yaml: merge by action id
  std::string output;                   // -o PLAN.yaml
  std::vector<std::string> frameworks;  // --framework: match themes against these
  std::vector<std::string> addresses;   // --addresses: items for rows with no theme
  std::string date;                     // --date: of imported updates (default today)
  bool keep_going = false;
  bool show_mapping = false;
  bool force = false;
  std::string prefer = "newer";  // --prefer newer|tracker: with --into, whose values win
  bool update_titles = false;    // --update-titles: with --into, the tracker's titles
};

int run_import(const ImportOptions& options, const CommonOptions& common);

struct NewOptions {
  std::string code, name, short_name, kind, icb, region;
  std::string output;
  bool force = false;
};

int run_new(const NewOptions& options, const CommonOptions& common);

struct CollectOptions {
  std::string path = "plans";
  std::string as_of;
  std::string by = "lead";  // lead | org
  std::string out_dir;      // -o DIR
  std::string return_by;    // YYYY-MM-DD; default: two weeks after the as-of date
  bool force = false;       // replace forms already in the folder
};

int run_collect(const CollectOptions& options, const CommonOptions& common);

struct ApplyOptions {
  std::vector<std::string> forms;
  std::string plans = "plans";
  std::string date;  // of the update entries; default today
  bool dry_run = false;
};

int run_apply(const ApplyOptions& options, const CommonOptions& common);

struct UpdateOptions {
  std::string plan;
  std::string action;
  std::string status, due, note, date;
  std::string completed;  // --completed: the day the work was done
  std::vector<std::string> evidence;
};

int run_update(const UpdateOptions& options, const CommonOptions& common);

struct RollupOptions {
  std::vector<std::string> paths;  // one plans folder, or return workbooks
  std::string as_of;               // plans only
  std::string period;
  std::string region;   // only the systems of this NHS England region
  std::string returns;  // plans only: a folder of received returns, to say which came in
  std::string title;
  std::string out_dir = "reports";
};

int run_rollup(const RollupOptions& options, const CommonOptions& common);

struct SiteOptions {
  std::string plans_dir = "plans";
  std::string as_of;
  std::string period;
  std::string region;
  std::string title;
  std::string contact;  // for the accessibility statement: who to tell of a problem
  std::string out_dir = "site";
};

int run_site(const SiteOptions& options, const CommonOptions& common);

struct ListOptions {
  std::string format = "text";     // text | json | markdown
  std::vector<std::string> rules;  // rules: the rules to explain (default: every one)
  bool explain = false;            // rules: each rule's documentation, not the table
};

int run_rules(const ListOptions& options);
int run_format();
struct SchemaOptions {
  std::string output;  // -o FILE; empty: standard output
};

int run_schema(const SchemaOptions& options, const CommonOptions& common);
int run_frameworks(const ListOptions& options, const CommonOptions& common);

// The command line's own description (cli/cli_model.h), for completion and man pages.
struct CliModel;

struct CompletionOptions {
  std::string shell;   // bash | zsh | fish
  std::string output;  // -o FILE; empty: standard output
};

int run_completion(const CompletionOptions& options, const CliModel& cli);

struct ManPagesOptions {
  std::string out_dir;      // -o DIR
  std::string commit_date;  // YYYY-MM-DD of the commit iact is built from; "" when unknown
};

// The pages are dated by SOURCE_DATE_EPOCH when it is set, else by the commit's date.
int run_man_pages(const ManPagesOptions& options, CliModel cli, const CommonOptions& common);

}  // namespace iact
