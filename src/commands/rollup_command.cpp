// iact rollup: the systems side by side for a region or for England, from their plans or
// from the returns they sent.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <iostream>
#include <iterator>
#include <map>
#include <new>

#include <fmt/format.h>

#include "commands/across.h"
#include "commands/commands.h"
#include "commands/context.h"
#include "commands/outputs.h"
#include "read/return_record.h"
#include "util/files.h"
#include "util/safe_path.h"
#include "util/text.h"
#include "write/rollup_summary.h"

namespace iact {

namespace fs = std::filesystem;

namespace {

struct ReadReturn {
  std::optional<SystemSummary> summary;
  std::string error, hint;
};

ReadReturn read_return_file(const fs::path& file) {
  ReadReturn r;
  // One damaged workbook is left out, not the roll-up: even one that exhausts memory.
  std::variant<Workbook, ReadError> read = ReadError{};
  try {
    read = read_table_file(file, file.string());
  } catch (const std::bad_alloc&) {
    read = ReadError{"the workbook is too large to read (memory ran out)",
                     "check it is a return iact wrote; make it again with iact return"};
  }
  if (const ReadError* e = std::get_if<ReadError>(&read)) {
    r.error = e->message;
    r.hint = e->hint;
    return r;
  }
  std::variant<SystemSummary, ReadError> record = read_return_record(std::get<Workbook>(read));
  if (const ReadError* e = std::get_if<ReadError>(&record)) {
    r.error = e->message;
    r.hint = e->hint;
    return r;
  }
  r.summary = std::move(std::get<SystemSummary>(record));
  return r;
}

void say_skipped(const std::string& file, const std::string& error, const std::string& hint) {
  std::cerr << fmt::format("iact: {}: skipped: {}\n", file, error);
  if (!hint.empty()) std::cerr << fmt::format("  hint: {}\n", hint);
}

// A return left out for no fault of its own (another period's, one given twice, one a later
// return replaces): a note, which leaves the exit code alone.
void say_passed_over(const std::string& file, const std::string& why) {
  std::cerr << fmt::format("iact: note: {}: skipped: {}\n", file, why);
}

// A path as a shell reads it back: as it is when it is plain, else in single quotes.
std::string shell_word(const std::string& path) {
  const bool plain = !path.empty() && std::all_of(path.begin(), path.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::strchr("/._-+,:=@%", c);
  });
  if (plain) return path;
  std::string out = "'";
  for (char c : path) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The return workbooks under `folder`, when it holds no plans: the user meant a roll-up from
// returns. Says how to ask for one, with a shell pattern that names them, and returns true;
// false if there are none.
bool say_returns_not_plans(const fs::path& folder) {
  std::vector<fs::path> found;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (!it->is_regular_file(ec) || lowercase(p.extension().string()) != ".xlsx") continue;
    if (p.filename().string().starts_with(".")) continue;  // partial files
    if (read_return_file(p).summary) found.push_back(p);
  }
  if (found.empty()) return false;
  // folder/*/*/return.xlsx when they lie at one depth (as `iact return -o` writes them).
  const fs::path first = found.front().lexically_relative(folder);
  const auto depth = std::distance(first.begin(), first.end());
  bool one_depth = true, one_name = true;
  for (const fs::path& f : found) {
    const fs::path rel = f.lexically_relative(folder);
    one_depth = one_depth && std::distance(rel.begin(), rel.end()) == depth;
    one_name = one_name && f.filename() == first.filename();
  }
  // The folder quoted, the pattern after it not, so the shell still expands it.
  std::string pattern = fmt::format("$(find {} -name '*.xlsx')", shell_word(folder.string()));
  if (one_depth) {
    fs::path glob;
    for (auto i = 1; i < depth; ++i) glob /= "*";
    glob /= one_name ? shell_word(first.filename().string()) : std::string("*.xlsx");
    pattern = (fs::path(shell_word(folder.string())) / glob).string();
  }
  std::cerr << fmt::format("iact: {} holds no plans, but {}\n", folder.string(),
                           count_of(static_cast<int>(found.size()), "return workbook"))
            << fmt::format("  hint: to roll up the returns, name them: iact rollup {}\n", pattern)
            << "        (--returns DIR goes with a plans folder, to show whose return is in)\n";
  return true;
}

// The returns in a folder (searched below it) for `period`, by ICB code; the newest as-of
// date wins. Workbooks that are not returns are passed over quietly: the folder may hold
// anything.
ReturnsCheck find_returns(const std::string& folder, const std::string& period) {
  ReturnsCheck check;
  check.checked = true;
  check.folder = folder;
  std::map<std::string, Date> as_of;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (!it->is_regular_file(ec) || lowercase(p.extension().string()) != ".xlsx") continue;
    if (p.filename().string().starts_with(".")) continue;  // partial files
    ReadReturn r = read_return_file(p);
    if (!r.summary || r.summary->period != period) continue;
    auto [at, fresh] = as_of.try_emplace(r.summary->code, r.summary->as_of);
    if (fresh || at->second < r.summary->as_of) {
      at->second = r.summary->as_of;
      check.found[r.summary->code] = p.string();
    }
  }
  return check;
}

// The summaries of the returns named, for one period; skipped ones are said and counted.
int summaries_from_returns(const RollupOptions& options, std::vector<SystemSummary>& out,
                           int& skipped) {
  std::map<std::string, std::vector<std::string>> periods;  // period -> files
  std::vector<SystemSummary> all;
  std::map<fs::path, std::string> named;  // canonical path -> as first named
  for (const std::string& file : options.paths) {
    if (std::string why = not_a_file(file); !why.empty()) {
      say_skipped(file, why, "");
      ++skipped;
      continue;
    }
    std::error_code ec;
    if (auto [it, fresh] = named.try_emplace(fs::weakly_canonical(file, ec), file); !fresh) {
      say_passed_over(file, it->second == file
                                ? std::string("given twice")
                                : fmt::format("given twice (also as {})", it->second));
      continue;
    }
    ReadReturn r = read_return_file(file);
    if (!r.summary) {
      say_skipped(file, r.error, r.hint);
      ++skipped;
      continue;
    }
    if (!options.region.empty() && lowercase(r.summary->region) != lowercase(options.region))
      continue;
    periods[r.summary->period].push_back(file);
    all.push_back(std::move(*r.summary));
  }
  std::string period = options.period;
  if (period.empty() && periods.size() > 1) {
    std::string list;
    for (const auto& [p, files] : periods)
      list += fmt::format("\n  {}: {}", p.empty() ? "(none)" : p,
                          count_of(static_cast<int>(files.size()), "return"));
    std::cerr << "iact: these returns are for more than one period:" << list << '\n'
              << "  hint: pass --period to roll up one of them\n";
    return kExitUsage;
  }
  // A region may keep every return in one inbox: other periods' returns, and those a later
  // return of the same system replaces, are passed over with a note.
  std::map<std::string, size_t> by_code;
  for (SystemSummary& s : all) {
    if (!period.empty() && s.period != period) {
      say_passed_over(s.source, fmt::format("it is the return for {}, not {}",
                                            s.period.empty() ? "no period" : s.period, period));
      continue;
    }
    auto [it, fresh] = by_code.try_emplace(s.code, out.size());
    if (fresh) {
      out.push_back(std::move(s));
      continue;
    }
    SystemSummary& kept = out[it->second];
    if (kept.as_of == s.as_of) {
      say_passed_over(s.source, fmt::format("{}'s return as of {} is given twice (also as {})",
                                            s.code, s.as_of.iso(), kept.source));
      continue;
    }
    const bool newer = kept.as_of < s.as_of;
    say_passed_over(
        newer ? kept.source : s.source,
        fmt::format("{} has a return as of a later day, {} ({})", s.code,
                    (newer ? s.as_of : kept.as_of).iso(), newer ? s.source : kept.source));
    if (newer) kept = std::move(s);
  }
  if (out.empty()) {
    std::cerr << "iact: no returns to roll up\n"
              << "  hint: name the return.xlsx files `iact return` or `iact build` wrote\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

int run_rollup(const RollupOptions& options, const CommonOptions& common) {
  bool files = !options.paths.empty();
  bool folders = false;
  for (const std::string& p : options.paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      folders = true;
      files = false;
    }
  }
  if (folders && options.paths.size() > 1) {
    std::cerr << "iact: rollup takes one plans folder, or return workbooks, not both\n"
              << "  hint: iact rollup plans --period 2026-01   or   iact rollup returns/*.xlsx\n";
    return kExitUsage;
  }
  std::vector<SystemSummary> summaries;
  RollupJob job;
  ReturnsCheck received;
  int rc = kExitOk;
  int skipped = 0;
  if (files) {
    if (!options.as_of.empty() || !options.returns.empty()) {
      std::cerr << fmt::format(
          "iact: {} applies to a roll-up from plans; a return is as of the "
          "day it was made\n",
          options.as_of.empty() ? "--returns" : "--as-of");
      return kExitUsage;
    }
    if (int r = summaries_from_returns(options, summaries, skipped); r != kExitOk) return r;
    job.made_from = count_of(static_cast<int>(summaries.size()), "return");
  } else {
    const std::string plans = options.paths.empty() ? "plans" : options.paths.front();
    std::error_code ec;
    if (fs::is_directory(plans, ec) && find_yaml_files(plans).empty() &&
        say_returns_not_plans(plans))
      return kExitUsage;
    auto across = std::make_unique<SystemsAcross>();
    rc = load_systems_across(plans, options.as_of, options.period, options.region, common, *across);
    if (rc != kExitOk && across->views.empty()) return rc;
    for (const SystemView& v : across->views) summaries.push_back(summarise(v));
    if (options.period.empty() && summaries.front().period.empty() &&
        !across->inputs.catalogue.periods.empty()) {
      const ReportInputs& in = across->inputs;
      std::cerr << "iact: note: " << no_period_hint(in.catalogue, in.as_of, in.plans) << '\n'
                << fmt::format(
                       "iact: note: so the roll-up is as of {}, for no period: "
                       "rollup-{}.xlsx, .md and .html\n",
                       display_long(in.as_of), in.as_of.iso());
    }
    if (!across->failed.empty()) rc = kExitPlanErrors;
    job.made_from = fmt::format("the plans in {}", plans);
    if (!options.returns.empty()) {
      std::error_code ec;
      if (!fs::is_directory(options.returns, ec)) {
        std::cerr << fmt::format("iact: --returns {}: not a folder\n", options.returns);
        return kExitUsage;
      }
      received = find_returns(options.returns, summaries.front().period);
      job.returns = &received;
    }
  }
  Rollup rollup = roll_up(std::move(summaries));
  const std::string period = rollup.period.empty() ? rollup.as_of.iso() : rollup.period;
  job.title = options.title.empty()
                  ? fmt::format("Intensive and assertive community care: {} roll-up{}",
                                rollup.period.empty() ? "" : rollup.period,
                                options.region.empty() ? "" : ", " + options.region)
                  : options.title;
  if (std::string why = unsafe_component(period); !why.empty()) {
    std::cerr << fmt::format("iact: cannot name the roll-up after period '{}': {}\n", period, why);
    return kExitUsage;
  }
  std::string error;
  std::optional<fs::path> dir = make_output_dir(options.out_dir, {}, error);
  if (!dir) {
    std::cerr << "iact: " << error << '\n';
    return kExitUsage;
  }
  job.created_epoch = created_epoch(common, rollup.as_of);
  const std::string base = "rollup-" + period;
  job.file = *dir / (base + ".xlsx");
  if (std::optional<std::string> failed = write_rollup_workbook(rollup, job)) {
    std::cerr << "iact: " << *failed << '\n';
    return kExitUsage;
  }
  std::cout << job.file.string() << '\n';
  for (const auto& [ext, text] :
       {std::pair<std::string, std::string>{".md", rollup_markdown(rollup, job)},
        {".html", rollup_html(rollup, job)}}) {
    const fs::path file = *dir / (base + ext);
    if (!write_file_atomic(file, text, error)) {
      std::cerr << "iact: " << error << '\n';
      return kExitUsage;
    }
    std::cout << file.string() << '\n';
  }
  if (skipped > 0) {
    std::cerr << fmt::format("iact: {} left out of the roll-up (said above)\n",
                             count_of(skipped, "workbook"));
    return kExitPlanErrors;
  }
  return rc;
}

}  // namespace iact
