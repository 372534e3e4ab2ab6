#include "write/xlsx_cells.h"

#include <algorithm>
#include <ctime>

#include <fmt/format.h>

#include "rag/rag.h"
#include "util/files.h"
#include "util/text.h"
#include "write/chart.h"

namespace iact {

namespace {
constexpr size_t kMaxCellChars = 32767;  // Excel's limit for the text of one cell
constexpr double kLineHeight = 15;       // points, for the default 11 pt font
constexpr double kMaxRowHeight = 409;    // Excel's tallest row, in points
}  // namespace

// Excel counts a cell's length in UTF-16 units: a character beyond U+FFFF (four bytes in
// UTF-8, an emoji) counts twice.
size_t utf16_length(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if ((b & 0xC0) != 0x80) n += b >= 0xF0 ? 2 : 1;
  }
  return n;
}

// Text longer than a cell can hold is cut at a character boundary, and says so.
std::string fit_cell(const std::string& text) {
  if (utf16_length(text) <= kMaxCellChars) return text;
  const std::string_view marker = " [cut: longer than an Excel cell allows]";
  const size_t keep = kMaxCellChars - marker.size();
  size_t units = 0, cut = text.size();
  for (size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if ((b & 0xC0) == 0x80) continue;
    const size_t width = b >= 0xF0 ? 2 : 1;
    if (units + width > keep) {
      cut = i;
      break;
    }
    units += width;
  }
  return text.substr(0, cut) + std::string(marker);
}

// How many lines `text` takes wrapped in a column `width` characters wide, so that rows can
// be given their height: spreadsheet programs do not all grow rows to fit on opening.
int wrapped_lines(std::string_view text, int width) {
  // A column `width` wide holds that many digits; prose averages about 15% narrower.
  const size_t capacity = static_cast<size_t>(std::max(width * 115 / 100 - 1, 4));
  int lines = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view paragraph = text.substr(start, end - start);
    size_t used = 0;
    int paragraph_lines = 1;
    size_t i = 0;
    while (i < paragraph.size()) {
      size_t next = paragraph.find(' ', i);
      if (next == std::string_view::npos) next = paragraph.size();
      const size_t word = utf8_length(paragraph.substr(i, next - i));
      if (used > 0 && used + 1 + word > capacity) {
        ++paragraph_lines;
        used = 0;
      }
      used += (used > 0 ? 1 : 0) + word;
      while (used > capacity) {  // a word longer than the column breaks across lines
        ++paragraph_lines;
        used -= capacity;
      }
      i = next + 1;
    }
    lines += paragraph_lines;
    start = end + 1;
  }
  return std::max(lines, 1);
}

double row_height(int lines) {
  return std::min(kLineHeight * lines, kMaxRowHeight);
}

lxw_error close_workbook(lxw_workbook* wb) {
  return workbook_close(wb);
}

lxw_color_t colour_of(const char* hex) {
  return static_cast<lxw_color_t>(std::stoul(std::string(hex + 1), nullptr, 16));
}

SheetFormats add_sheet_formats(lxw_workbook* wb) {
  SheetFormats f{};
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_font_color(f.header, LXW_COLOR_WHITE);
  format_set_bg_color(f.header, kNhsBlue);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(f.header, LXW_BORDER_THIN);
  f.heading = workbook_add_format(wb);
  format_set_bold(f.heading);
  format_set_font_size(f.heading, 14);
  format_set_font_color(f.heading, kNhsBlue);
  f.label = workbook_add_format(wb);
  format_set_bold(f.label);
  format_set_align(f.label, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap(f.label);
  f.text = workbook_add_format(wb);
  format_set_align(f.text, LXW_ALIGN_VERTICAL_TOP);
  f.wrapped = workbook_add_format(wb);
  format_set_align(f.wrapped, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap(f.wrapped);
  f.date = workbook_add_format(wb);
  format_set_num_format(f.date, "dd/mm/yyyy");
  format_set_align(f.date, LXW_ALIGN_LEFT);
  format_set_align(f.date, LXW_ALIGN_VERTICAL_TOP);
  f.number = workbook_add_format(wb);
  format_set_align(f.number, LXW_ALIGN_VERTICAL_TOP);
  f.number_left = workbook_add_format(wb);
  format_set_align(f.number_left, LXW_ALIGN_LEFT);
  format_set_align(f.number_left, LXW_ALIGN_VERTICAL_TOP);
  for (Brag b : kBragOrder) {
    lxw_format* brag = workbook_add_format(wb);
    format_set_bg_color(brag, colour_of(brag_colour(b).fill));
    format_set_font_color(brag, colour_of(brag_colour(b).text));
    f.brag[static_cast<size_t>(b)] = brag;
  }
  return f;
}

lxw_error add_brag_colours(lxw_worksheet* ws, const SheetFormats& f, lxw_row_t first,
                           lxw_row_t last, lxw_col_t col) {
  for (Brag b : kBragOrder) {
    std::string name(name_of(b));
    lxw_conditional_format cf{};
    cf.type = LXW_CONDITIONAL_TYPE_TEXT;
    cf.criteria = LXW_CONDITIONAL_CRITERIA_TEXT_BEGINS_WITH;
    cf.value_string = name.data();
    cf.format = f.brag[static_cast<size_t>(b)];
    if (lxw_error e = worksheet_conditional_format_range(ws, first, col, last, col, &cf);
        e != LXW_NO_ERROR)
      return e;
  }
  return LXW_NO_ERROR;
}

std::optional<std::string> write_workbook(const WorkbookFile& target,
                                          const std::function<lxw_error(lxw_workbook*)>& fill) {
  std::error_code ec;
  std::filesystem::create_directories(target.file.parent_path(), ec);
  if (ec) {
    return fmt::format("cannot create {}: {}", target.file.parent_path().string(), ec.message());
  }
  const std::filesystem::path partial = partial_path_for(target.file);
  auto fail = [&](std::string why) {
    discard_partial(partial);
    if (target.remove_stale) remove_stale_output(target.file);
    return why;
  };
  lxw_workbook* wb = workbook_new(partial.c_str());
  if (!wb) return fail(fmt::format("cannot create {}", partial.string()));
  std::string title = target.title;
  std::string subject = target.subject;
  lxw_doc_properties props{};
  props.title = title.data();
  if (!subject.empty()) props.subject = subject.data();
  // libxlsxwriter reads 0 as "now", so 0 becomes one second later.
  props.created = static_cast<time_t>(std::max(target.created_epoch, 1LL));
  workbook_set_properties(wb, &props);
  lxw_error error = fill(wb);
  const lxw_error closed = close_workbook(wb);  // frees the workbook in every case
  if (error == LXW_NO_ERROR) error = closed;
  if (error != LXW_NO_ERROR)
    return fail(fmt::format("cannot write {}: {}", target.file.string(), lxw_strerror(error)));
  std::string commit_error;
  if (!commit_partial(partial, target.file, commit_error)) return fail(commit_error);
  return std::nullopt;
}

}  // namespace iact

// libxlsxwriter writes a workbook's created time with gmtime(), whose result lives in one
// buffer shared by the whole process, so two workbooks closed at once could each read the
// other's time. This gmtime() keeps a buffer per thread (POSIX allows either); being defined
// in the program, it is the one libxlsxwriter calls, and workbooks can be written side by
// side, each with its own time (see the XlsxCells.GmtimeIsPerThread test).
extern "C" struct tm* gmtime(const time_t* timer) {
  thread_local struct tm buffer;
  return gmtime_r(timer, &buffer);
}
