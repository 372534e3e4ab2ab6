// The national frameworks and timeline, loaded from the data files in frameworks/. A new
// NHS England letter is a new file there; nothing here names a framework or an item.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "check/diagnostic.h"
#include "plan/date.h"

namespace iact {

struct FrameworkItem {
  std::string id;  // unique across all frameworks: "carers", "care-treatment.care-plan-review"
  std::string framework;  // the id of the framework it belongs to
  std::string parent;     // for an expectation (sub-item): its item's id; else empty
  std::string title;
  std::string description;
  std::vector<std::string> aliases;  // other wordings, for matching tracker text
  std::string file;
  Pos pos;
  std::vector<std::string> wording;  // the source document's own words for it

  bool is_expectation() const { return !parent.empty(); }
};

struct Framework {
  std::string id;
  std::string title;
  std::string called;  // how sentences name it; empty: "the" and the source document's title
  std::string file;
  std::string source_document;
  std::string source_publisher;
  Date source_date;
  bool every_plan = false;  // NHS England asked every local plan to answer to it

  // Whether it had been published by `day`: a paper as of an earlier day is not scored
  // against it.
  bool published_by(Date day) const { return source_date <= day; }
  std::vector<size_t> items;  // indices into Catalogue::items, in file order
};

struct Milestone {
  std::string id;
  Date date;
  DateForm form = DateForm::kDay;
  std::string title;
  std::string local_file;         // set when a local timeline, not the national one, defines it
  std::optional<Date> announced;  // when it became known
  std::string requires_;  // public-board | review | submission | "" (kMilestoneRequirementNames)
  bool reported = false;  // it also asks for a report to NHS England (a submission)

  // Whether a plan's `submissions:` entry can record it: a submission milestone, or one
  // that also asks for a report.
  bool takes_submission() const { return requires_ == "submission" || reported; }

  bool known_at(Date day) const { return !announced || *announced <= day; }
};

// A reporting period: a return to NHS England and a public board update, due on `due`.
// NHS England sets the national ones; an organisation adds its own in a local timeline.
struct Period {
  std::string id;  // "2025-06"
  Date due;
  std::string title;
  std::string local_file;         // set when a local timeline, not the national one, defines it
  std::optional<Date> announced;  // when it was set

  bool local() const { return !local_file.empty(); }
  bool known_at(Date day) const { return !announced || *announced <= day; }
};

// The name of a local timeline file, looked for in a plans folder and the folders above it.
inline constexpr const char* kLocalTimelineName = ".iact-timeline.yaml";

struct ItemResolution {
  const FrameworkItem* item = nullptr;  // null when the reference resolves to nothing
  std::string error;
  std::string hint;
};

class Catalogue {
 public:
  std::vector<Framework> frameworks;
  std::vector<FrameworkItem> items;
  std::vector<Milestone> milestones;  // sorted by date
  std::vector<Period> periods;        // sorted by due date

  const Framework* framework(std::string_view id) const;
  // Resolves a plan's reference to an item: bare ("carers") or qualified
  // ("nhse-2024-themes/carers").
  ItemResolution resolve(std::string_view ref) const;

  std::vector<std::string> framework_ids() const;

  // The latest period due on or before `as_of`, and the one before it (for the window
  // of "the last reporting period"); null when there is none.
  const Period* last_period_ended(Date as_of) const;
  const Period* period_before(const Period& p) const;

  // Registers an item; false if the id is taken (the caller reports it).
  bool add_item(FrameworkItem item);

 private:
  std::unordered_map<std::string, size_t> by_id_;
  std::vector<std::string> item_ids_;  // for "did you mean" hints
};

// Adds one framework or timeline file, given as text, to `cat`; problems go to `diags`. A
// `local` file is an organisation's own timeline: it may add periods and milestones (marked
// as local), but not frameworks or a period the national timeline has.
void add_catalogue_text(std::string_view text, const std::string& file, Catalogue& cat,
                        Diagnostics& diags, bool local = false);

// The local timeline for plans in `start` (a folder or a file): `.iact-timeline.yaml` in its
// folder or the nearest folder above it, up to the top of the git repository or of the file
// system, the way editors find .editorconfig.
std::optional<std::filesystem::path> find_local_timeline(const std::filesystem::path& start);

// Loads every *.yaml in `dir`: frameworks (`iact-framework: 1`) and the timeline
// (`iact-timeline: 1`). Problems in the files are reported to `diags`.
Catalogue load_catalogue(const std::filesystem::path& dir, Diagnostics& diags);

// Where the frameworks are: the --frameworks flag, else $IACT_FRAMEWORKS, else beside an
// installed binary (<prefix>/share/iact/frameworks), else the source tree it was built from.
std::optional<std::filesystem::path> find_frameworks_dir(const std::string& flag,
                                                         const std::filesystem::path& exe);

}  // namespace iact
