// Reading CSV trackers (libcsv). See csv.cpp for the forms it accepts.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "read/table.h"

namespace iact {

// One sheet, named `display`, with a row per record; blank lines are empty rows, so row
// numbers are those a spreadsheet shows. Encoding and delimiter are detected.
std::variant<Workbook, ReadError> read_csv(std::string_view bytes, const std::string& display);

}  // namespace iact
