#include "read/table.h"

#include <algorithm>

#include <fmt/format.h>

#include "read/csv.h"
#include "read/xlsx.h"
#include "util/files.h"
#include "util/text.h"

namespace iact {

namespace fs = std::filesystem;

std::variant<Workbook, ReadError> read_table_file(const fs::path& path,
                                                  const std::string& display) {
  FileRead read = read_file(path, kMaxTableFileBytes);
  if (!read.bytes) return ReadError{fmt::format("cannot read the file: {}", read.error), ""};
  const std::string& bytes = *read.bytes;
  if (bytes.empty()) return ReadError{"the file is empty", ""};
  // A zip archive (XLSX) starts "PK\3\4"; an old binary .xls starts with the OLE signature.
  if (bytes.starts_with("PK\x03\x04")) return read_xlsx(bytes, display);
  if (bytes.starts_with("\xD0\xCF\x11\xE0")) {
    return ReadError{"the file is an old Excel 97-2003 workbook (.xls), which iact does not read",
                     "open it in Excel or LibreOffice and save it as .xlsx or .csv"};
  }
  const std::string ext = path.extension().string();
  if (ext == ".xlsx" || ext == ".xlsm") {
    return ReadError{"the file is named .xlsx but is not a zip archive, so not a workbook",
                     "save the tracker from the spreadsheet as .xlsx, or export it as .csv"};
  }
  return read_csv(bytes, display);
}

void fill_merged(Sheet& sheet) {
  if (sheet.merged.empty()) return;
  // Rows by number (in order), adding the ones a range covers that hold no cells.
  for (const MergedRange& m : sheet.merged) {
    auto find_row = [&](int number) -> Row* {
      auto it = std::lower_bound(sheet.rows.begin(), sheet.rows.end(), number,
                                 [](const Row& r, int n) { return r.number < n; });
      return it != sheet.rows.end() && it->number == number ? &*it : nullptr;
    };
    const Row* top = find_row(m.first_row + 1);
    const Cell* source = top ? top->at(static_cast<size_t>(m.first_col)) : nullptr;
    if (!source || source->empty()) continue;
    const Cell value = *source;
    for (int r = m.first_row; r <= m.last_row; ++r) {
      Row* row = find_row(r + 1);
      if (!row) {
        Row added;
        added.number = r + 1;
        auto at = std::lower_bound(sheet.rows.begin(), sheet.rows.end(), added.number,
                                   [](const Row& x, int n) { return x.number < n; });
        row = &*sheet.rows.insert(at, std::move(added));
      }
      if (row->cells.size() <= static_cast<size_t>(m.last_col)) {
        row->cells.resize(static_cast<size_t>(m.last_col) + 1);
      }
      for (int c = m.first_col; c <= m.last_col; ++c) {
        if (r == m.first_row && c == m.first_col) continue;
        row->cells[static_cast<size_t>(c)] = value;
        row->cells[static_cast<size_t>(c)].merged_copy = true;
      }
    }
  }
}

std::string column_name(size_t col) {
  std::string name;
  size_t n = col + 1;
  while (n > 0) {
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
    n = (n - 1) / 26;
  }
  return name;
}

std::string format_number(double value) {
  return fmt::format("{:.15g}", value);  // the 15 significant digits a spreadsheet shows
}

std::string text_at(const Row& row, size_t col) {
  const Cell* c = row.at(col);
  return c && !c->empty() ? std::string(trim(c->text)) : std::string();
}

}  // namespace iact
