// An action tracker's rows as plan actions: each value read in the forms board papers and
// trackers write (dates, status words, RAG colours, theme text, leads), group heading rows
// applied to the rows below them, and every cell without a field of its own kept in the
// action's notes. Problems are diagnostics at the tracker's row and column.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "check/diagnostic.h"
#include "frameworks/catalogue.h"
#include "import/columns.h"
#include "import/themes.h"
#include "plan/date.h"
#include "plan/model.h"
#include "read/table.h"

namespace iact {

struct ImportedUpdate {
  Date date;
  std::optional<Status> status;
  std::string note;
};

struct ImportedAction {
  int row = 0;  // the tracker's row number
  std::string id;
  std::string title;
  std::string description;
  std::string group;
  std::vector<std::string> addresses;  // framework item ids
  std::vector<std::string> lead;       // organisation short names or codes
  std::string owner;
  std::string timeframe;
  Due due;  // tbc when the tracker gives none
  std::optional<Due> baseline_due;
  Status status = Status::kNotStarted;
  std::optional<Date> completed;
  std::optional<Date> added;  // when it joined a plan that already existed
  std::vector<std::string> evidence;
  std::optional<Cost> cost;
  std::optional<ImportedUpdate> update;
  std::vector<std::string> notes;  // "Header: value", one per cell without a field
};

// An organisation a lead cell may name, and how plans refer to it.
struct KnownOrganisation {
  std::string label;               // short name or code: what `lead:` says
  std::vector<std::string> names;  // code, short name, full name, other ways to write it
};

// What the mapping file (--map) says about values: tracker words to what they mean.
struct ValueChoices {
  std::map<std::string, std::string> statuses;  // normalised tracker text -> status word
  std::map<std::string, std::string> leads;     // normalised tracker text -> lead label(s)
  std::map<std::string, std::vector<std::string>> themes;  // normalised text -> item ids
  std::map<std::string, Due> dates;                        // normalised text -> a due date
};

struct ImportSettings {
  const Catalogue* catalogue = nullptr;
  std::vector<std::string> frameworks;  // theme text is matched against these (empty: all)
  std::vector<KnownOrganisation> organisations;
  std::string own_label;                       // the plan's organisation, the default lead
  Date update_date;                            // for updates the tracker does not date
  std::vector<std::string> default_addresses;  // for rows with no theme (--addresses)
  ValueChoices values;
};

// A theme text of the tracker (a theme cell or a heading row) and what it became.
struct ThemeUse {
  std::string text;
  std::vector<int> rows;  // the rows that hold it
  bool heading = false;   // a heading row, whose items the rows below it take
  bool mapped = false;    // the mapping file's `themes:` says what it means
  ThemeMatch match;       // the items (for a mapped text: those the mapping file names)
};

struct TrackerImport {
  ColumnMapping mapping;
  std::vector<ImportedAction> actions;
  std::vector<std::string> groups;      // in the order they appear
  std::vector<std::string> frameworks;  // of the items the actions address, catalogue order
  std::vector<ThemeUse> themes;         // each distinct theme text, in the order they appear
  // The frameworks the tracker cites, in catalogue order: those of each theme text's surest
  // items, and of the items a mapping file or --addresses names.
  std::vector<std::string> cited;
  Diagnostics diags;  // errors name rows that were left out
  int rows_left_out = 0;
};

// Reads the actions of `mapping`'s sheet. Rows with errors are reported and left out.
TrackerImport import_tracker(const Workbook& book, const ColumnMapping& mapping,
                             const ImportSettings& settings);

// The theme texts as `iact import --show-mapping` prints them: each distinct text, the rows
// that hold it, the items it becomes and how sure each match is, and the frameworks cited.
std::string describe_themes(const TrackerImport& imported);

// A status word as trackers write it ("Complete", "In progress", "Delayed", "Amber"), or
// nothing. `found_in` is set when the word was found inside longer text ("Phase 1 in
// progress") rather than being all of it.
std::optional<Status> status_from_words(std::string_view text, bool* found_in = nullptr);

}  // namespace iact
