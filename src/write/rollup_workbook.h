// The roll-up as an XLSX workbook for a regional or national team: a row per system
// (sortable, filtered, coloured where it needs attention), a row per framework item across
// the systems, the trend with a column per period, and what it was made from.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "view/summary.h"

namespace iact {

// Whether each system's return has been received, when the roll-up was asked to check
// (--returns): by ICB code, the return file found, or "" if none.
struct ReturnsCheck {
  bool checked = false;
  std::string folder;
  std::map<std::string, std::string> found;  // code -> file
};

struct RollupJob {
  std::string title;
  std::filesystem::path file;
  long long created_epoch = 0;
  const ReturnsCheck* returns = nullptr;  // null: not checked
  std::string made_from;                  // "plans in plans/" or "12 returns"
};

// The frameworks the systems answer to, in the order they first appear, with their items'
// count: the roll-up's coverage columns.
std::vector<FrameworkCoverage> frameworks_across(const Rollup& rollup);

// How each of the roll-up's trend labels reads in a heading: "June 2025 return", "Now".
std::vector<std::string> trend_headings(const Rollup& rollup, const TrendIndex& trend);

// Writes the workbook atomically; the reason on failure.
std::optional<std::string> write_rollup_workbook(const Rollup& rollup, const RollupJob& job);

}  // namespace iact
