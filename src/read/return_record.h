// Reading back the record a return carries (write/return_record.h): the numbers of the
// system as iact wrote them, for `iact rollup RETURN.xlsx...`.
#pragma once

#include <variant>

#include "read/table.h"
#include "view/summary.h"

namespace iact {

// The summary a return records, or why the workbook cannot be read as one: it is not an
// iact return (no record, or another kind of iact workbook), a newer version than this iact
// reads, or its record is damaged (naming the row).
std::variant<SystemSummary, ReadError> read_return_record(const Workbook& book);

}  // namespace iact
