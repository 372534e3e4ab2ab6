// Trackers and workbooks as tables: what the CSV and XLSX readers make of a file, and what
// the commands that read spreadsheets (import, apply, roll-up) work on. No reader knows what
// the cells mean; that is for the command.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "plan/date.h"

namespace iact {

struct Cell {
  enum class Kind { kEmpty, kText, kNumber, kDate, kBoolean, kError };
  Kind kind = Kind::kEmpty;
  std::string text;          // as a person reads it: numbers without float noise, dates as ISO days
  double number = 0;         // kNumber, and the serial number of a kDate
  Date date;                 // kDate: a numeric cell whose number format shows a date
  bool month_only = false;   // kDate: the format shows a month and year, not a day ("Jun-25")
  bool merged_copy = false;  // filled in from the top-left cell of a merged range

  bool empty() const { return kind == Kind::kEmpty || (kind == Kind::kText && text.empty()); }
};

// A rectangle of merged cells, 0-based and inclusive.
struct MergedRange {
  int first_row = 0, first_col = 0, last_row = 0, last_col = 0;
};

struct Row {
  int number = 0;           // as the spreadsheet numbers it (1-based); CSV: the record
  std::vector<Cell> cells;  // column A first; trailing empty cells may be missing

  const Cell* at(size_t col) const { return col < cells.size() ? &cells[col] : nullptr; }
};

struct Sheet {
  std::string name;
  bool hidden = false;
  std::vector<Row> rows;  // in order; rows with no cells may be missing
  std::vector<MergedRange> merged;
};

struct Workbook {
  std::string file;    // as named on the command line
  std::string format;  // "csv" or "xlsx"
  std::vector<Sheet> sheets;
  std::vector<std::string> notes;  // how it was read, for the user ("read as Windows-1252")
  std::optional<Date> saved;       // xlsx: the day it was last saved (docProps/core.xml)
};

struct ReadError {
  std::string message;
  std::string hint;
};

// Limits that keep a hostile or broken file from taking the machine: trackers hold tens of
// rows, returns a few thousand.
inline constexpr std::uintmax_t kMaxTableFileBytes = 64 * 1024 * 1024;
inline constexpr size_t kMaxTableCells = 2'000'000;
inline constexpr int kMaxTableColumns = 1024;

// Reads a CSV or XLSX file (by its contents: a zip is XLSX, anything else CSV), `display`
// naming it in messages.
std::variant<Workbook, ReadError> read_table_file(const std::filesystem::path& path,
                                                  const std::string& display);

// Copies the top-left value of each merged range into its other cells (marked merged_copy),
// so that a value merged down a column applies to every row it spans.
void fill_merged(Sheet& sheet);

// "A", "B", ..., "Z", "AA": a 0-based column as spreadsheets name it.
std::string column_name(size_t col);

// A number as a spreadsheet shows it (15 significant digits): 12, 1.5, 0.3.
std::string format_number(double value);

// The text of a row's cell, trimmed; "" when the cell is empty or missing.
std::string text_at(const Row& row, size_t col);

}  // namespace iact
