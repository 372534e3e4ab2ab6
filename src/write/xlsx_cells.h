// What the XLSX writers (the return, the owners' update forms) share: text cut to what a
// cell holds, row heights that fit wrapped text, the NHS colours, and closing a workbook.
#pragma once

#include <xlsxwriter.h>

#include <array>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace iact {

inline constexpr lxw_color_t kNhsBlue = 0x005EB8;

// "#RRGGBB" as libxlsxwriter's colour.
lxw_color_t colour_of(const char* hex);

// The cell formats the return and the roll-up share, added to a workbook: headings of
// tables (white on NHS blue), a sheet's title, labels, text (wrapped or not), dates,
// numbers (right or left), and each BRAG status in its colours.
struct SheetFormats {
  lxw_format* header;
  lxw_format* heading;
  lxw_format* label;
  lxw_format* text;
  lxw_format* wrapped;
  lxw_format* date;
  lxw_format* number;
  lxw_format* number_left;
  std::array<lxw_format*, 5> brag;  // indexed by Brag
};
SheetFormats add_sheet_formats(lxw_workbook* wb);

// Colours the cells of column `col`, rows `first` to `last`, that begin with a BRAG status's
// name in that status's format, by conditional formatting (a cell changed by hand recolours).
lxw_error add_brag_colours(lxw_worksheet* ws, const SheetFormats& f, lxw_row_t first,
                           lxw_row_t last, lxw_col_t col);

// Excel counts a cell's length in UTF-16 units: a character beyond U+FFFF (four bytes in
// UTF-8, an emoji) counts twice.
size_t utf16_length(std::string_view s);

// Text longer than a cell can hold (32,767 units) is cut at a character boundary, and says so.
std::string fit_cell(const std::string& text);

// How many lines `text` takes wrapped in a column `width` characters wide, so that rows can
// be given their height: spreadsheet programs do not all grow rows to fit on opening.
int wrapped_lines(std::string_view text, int width);

// The height in points of a row of `lines` lines, within Excel's tallest row.
double row_height(int lines);

// workbook_close(). Several workbooks may be closed at once: libxlsxwriter's one call that
// is not thread-safe, gmtime(), is made so in xlsx_cells.cpp.
lxw_error close_workbook(lxw_workbook* wb);

// A workbook to write, and what its properties say. The created time comes from the caller
// (SOURCE_DATE_EPOCH or the as-of date), never the clock, so that runs are reproducible.
struct WorkbookFile {
  std::filesystem::path file;
  std::string title;
  std::string subject;
  long long created_epoch = 0;
  bool remove_stale = true;  // on failure, remove an older `file`, never left looking current
};

// Writes `target.file` (its folder made as needed) through a partial file renamed into place
// when complete: `fill` adds the sheets. On failure nothing is left behind, and the message
// says why.
std::optional<std::string> write_workbook(const WorkbookFile& target,
                                          const std::function<lxw_error(lxw_workbook*)>& fill);

}  // namespace iact
