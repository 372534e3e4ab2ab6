// Reading a returned update form (write/update_form.h): what the hidden sheet recorded when
// the form was made, and the answers in its open columns. Problems are diagnostics at the
// form's sheet, row and column.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "check/diagnostic.h"
#include "read/table.h"

namespace iact {

struct FormRecord {
  int row = 0;  // the Updates sheet's row it describes
  std::string action;
  std::string org_code;
  std::string plan_file;
  std::string fingerprint;
};

struct FormAnswer {
  int row = 0;
  std::string action;            // as the form's Action ID column shows it
  const Cell* status = nullptr;  // New status, or null if blank
  const Cell* due = nullptr;     // New due date
  std::string update;
  std::string evidence;
};

struct ReadForm {
  Date as_of;
  std::string lead;
  std::vector<FormRecord> records;
  std::vector<FormAnswer> answers;  // rows with something in an open column
};

// Reads `book` (kept alive by the caller: answers point into it). Returns nothing after
// reporting to `diags` (rule form-invalid) if it is not an iact update form, or one of a
// version this iact does not read, or its layout has been changed.
std::optional<ReadForm> read_update_form(const Workbook& book, Diagnostics& diags);

}  // namespace iact
