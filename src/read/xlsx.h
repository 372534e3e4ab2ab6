// Reading XLSX workbooks (libzip and pugixml), as Excel and LibreOffice write them.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "read/table.h"

namespace iact {

// Every worksheet: shared and inline strings, numbers, booleans, formula results, date
// cells (a number whose format shows a date; the 1900 and 1904 date systems), hidden
// sheets and merged ranges. A file that is not a workbook, or one too large to be a
// tracker, is refused with the reason.
std::variant<Workbook, ReadError> read_xlsx(std::string_view bytes, const std::string& display);

// The date of an Excel serial number in the 1900 system (with its phantom 29 February
// 1900) or the 1904 system; nothing if out of range.
std::optional<Date> excel_serial_date(double serial, bool date1904);

// What an Excel number format shows of a date: none (not a date), a day ("dd/mm/yyyy",
// built-in format 14...), or only a month and year ("mmm-yy", "mmmm yyyy": Excel keeps the
// first of the month behind a month typed as "Jun-25"). `id` is the built-in format id,
// `code` the custom format's code.
enum class DateShown { kNone, kDay, kMonth };
DateShown date_format_shows(int id, std::string_view code);
inline bool is_date_format(int id, std::string_view code) {
  return date_format_shows(id, code) != DateShown::kNone;
}

}  // namespace iact
