// A system in a few numbers: what a region compares across its ICBs. Made from the one
// computed view (summarise), or read back from the data sheet of a return (read/return_data),
// so a roll-up from plans and one from the returns NHS England received agree. The return
// writes the same numbers it is read back as (write/return_workbook).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "view/system_view.h"

namespace iact {

struct FrameworkCoverage {
  std::string id;
  std::string title;
  int covered = 0;  // items at least one action addresses
  int items = 0;
};

struct ItemCounts {
  std::string framework;
  std::string item;
  std::string title;
  BragCounts counts;
  bool gap() const { return counts.total() == 0; }
};

struct SystemSummary {
  std::string system;  // the system's folder name
  std::string code;    // the lead organisation's ODS code
  std::string name;
  std::string region;
  std::string period;  // its id, or "" when the view has none
  bool period_local = false;
  Date as_of;
  BragCounts counts;
  int overdue = 0;
  int replanned = 0;
  int contradictions = 0;
  std::optional<Date> last_update;  // the newest update on or before the as-of date
  std::vector<FrameworkCoverage> coverage;
  std::vector<ItemCounts> items;  // per framework item, frameworks in the view's order
  std::vector<TrendPoint> trend;
  std::string source;  // the plans folder or return file it came from, for messages
};

SystemSummary summarise(const SystemView& view);

// Across systems: per framework item, who addresses it, who is Red on it and who has a gap.
struct ItemAcross {
  std::string framework;
  std::string item;
  std::string title;
  int addressed = 0;                // systems with at least one action on it
  int red = 0;                      // systems with a Red action on it
  BragCounts counts;                // every system's actions on it
  std::vector<std::string> gaps;    // the systems with no action on it (their names)
  std::vector<std::string> red_in;  // the systems Red on it
};

struct Rollup {
  std::string period;                  // the period every system was reported for, or "" (none)
  Date as_of;                          // the latest as-of date among the systems
  std::vector<SystemSummary> systems;  // by region, then name
  std::vector<ItemAcross> items;
  BragCounts counts;                      // every system's actions
  std::vector<std::string> trend_labels;  // the trend's points, oldest first, then "now"
  // Every system's counts at each of those points, summed (the systems that have the point).
  std::vector<TrendPoint> trend;
};

// Rolls up the systems (sorted here). Items come in the order the systems list them; a
// system that does not answer to an item's framework is neither addressing it nor a gap.
Rollup roll_up(std::vector<SystemSummary> systems);

// Each system's trend points by label, found once: a search of a system's points for every
// label would cost the square of a long trend.
class TrendIndex {
 public:
  explicit TrendIndex(const std::vector<SystemSummary>& systems);
  // The trend point with `label` of systems[system], if it has one.
  const TrendPoint* at(size_t system, const std::string& label) const;

 private:
  std::vector<std::unordered_map<std::string, const TrendPoint*>> points_;
};

}  // namespace iact
