// The columns of an action tracker: which of iact's fields each holds, guessed from the
// header row by the names trackers give them ("Target date", "Lead org", "RAG"), or named
// in a mapping file. One table lists every field and its names, so the guess, the help and
// the mapping file agree.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "read/table.h"

namespace iact {

enum class TrackerField {
  kRef,
  kTitle,
  kDescription,
  kGroup,
  kTheme,
  kLead,
  kOwner,
  kTimeframe,
  kDue,
  kBaselineDue,
  kStatus,
  kRag,
  kUpdate,
  kUpdateDate,
  kCompleted,
  kEvidence,
  kRisk,
  kCost,
};

struct TrackerFieldDef {
  TrackerField field;
  std::string_view name;  // in mapping files and messages: "due"
  std::string_view doc;
  std::span<const std::string_view> names;  // header texts, most likely first, normalised
};

std::span<const TrackerFieldDef> tracker_fields();
const TrackerFieldDef& tracker_field(TrackerField field);
const TrackerFieldDef* tracker_field(std::string_view name);

// A header as compared: lower case, '&' read as "and", punctuation as spaces, spaces single.
std::string normalise_header(std::string_view header);

// What the import makes of a sheet's columns.
struct ColumnMapping {
  const Sheet* sheet = nullptr;
  size_t header_index = 0;           // index into sheet->rows of the header row
  std::vector<std::string> headers;  // by column, as written (trimmed)
  std::map<TrackerField, size_t> columns;
  std::map<size_t, std::string> why;  // by column: how its field was chosen

  std::optional<size_t> column(TrackerField f) const {
    auto it = columns.find(f);
    if (it == columns.end()) return std::nullopt;
    return it->second;
  }
  // The header of a column, or its letter when it has none.
  std::string label(size_t col) const;
};

// What a mapping file (--map) says about the columns: a header text or column letter per
// field ("none": no column holds it), and where the header row is.
struct ColumnChoices {
  std::string sheet;
  int header_row = 0;  // 0: find it
  std::map<TrackerField, std::string> columns;
};

// Finds the sheet (the one named in `choices`, else the one whose header row names the most
// fields) and its header row among the first rows, then assigns fields to columns: those the
// mapping file names first, then each remaining field to the column whose header names it
// best. Returns nothing and sets `error` (and `hint`) when no header row can be found.
std::optional<ColumnMapping> map_columns(const Workbook& book, const ColumnChoices& choices,
                                         std::string& error, std::string& hint);

// The mapping as `iact import --show-mapping` prints it: each column, its field and why.
std::string describe_mapping(const ColumnMapping& mapping, const Workbook& book);

// The first rows of each sheet (or of `sheet`), column by column, for writing a mapping
// file when no header row can be found.
std::string describe_first_rows(const Workbook& book, const std::string& sheet);

}  // namespace iact
