// Reading a returned update form (write/update_form.h): what the hidden sheet recorded when
// the form was made, and every row of its Updates sheet with the answers in its open
// columns. Problems are diagnostics at the form's sheet, row and column.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "check/diagnostic.h"
#include "read/table.h"
#include "write/update_form.h"

namespace iact {

struct FormRecord {
  int row = 0;  // the Updates sheet's row it describes
  std::string action;
  std::string org_code;
  std::string plan_file;
  std::string fingerprint;
  bool changed = false;  // the form was changed after it was made (reported as form-changed)
};

struct FormRow {
  int row = 0;
  std::string action;               // as the form's Action ID column shows it
  const Cell* status = nullptr;     // New status, or null if blank
  const Cell* completed = nullptr;  // Completed on (version 2 forms)
  const Cell* due = nullptr;        // New due date
  std::string update;
  std::string evidence;

  bool answered() const {
    return status || completed || due || !update.empty() || !evidence.empty();
  }
};

struct ReadForm {
  int version = 0;
  Date as_of;
  std::string lead;
  std::vector<FormRecord> records;
  std::vector<FormRow> rows;  // every row of the Updates sheet below its headings
  // The sheet column (0-based) of each FormColumn, or -1 where the form's version has none.
  std::array<int, kFormColumns> columns{};

  const FormRecord* record(int row) const;
};

// Reads `book` (kept alive by the caller: rows point into it). Returns nothing after
// reporting to `diags` (rule form-invalid) if it is not an iact update form, or one of a
// version this iact does not read, or its layout has been changed. A form whose hidden
// record, action ids or grey (read-only) cells were changed after it was made is read, and
// each such row is reported (rule form-changed) and marked `changed`.
std::optional<ReadForm> read_update_form(const Workbook& book, Diagnostics& diags);

}  // namespace iact
