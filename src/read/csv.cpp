// CSV trackers, as Excel and other spreadsheets save them, read with libcsv: any of the
// delimiters , ; tab and |, quoted fields with line breaks inside, CRLF or LF, UTF-8 with or
// without a byte-order mark, UTF-16 (Excel's "Unicode text"), and Windows-1252.
#include "read/csv.h"

#include <csv.h>

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>

#include "util/text.h"

namespace iact {

namespace {

int no_spaces(unsigned char) {
  return 0;  // keep spaces; values are trimmed where they are read
}

// Collects records from libcsv. With CSV_REPALL_NL every unquoted line break ends a record,
// so a blank line is an empty row, as a spreadsheet shows it; the LF of a CRLF is dropped.
struct Collector {
  std::vector<Row> rows;
  Row current;
  bool any_field = false;
  int last_terminator = -2;
  size_t cells = 0;
  bool too_many = false;

  static void on_field(void* s, size_t len, void* data) {
    auto* self = static_cast<Collector*>(data);
    self->any_field = true;
    self->last_terminator = -2;
    if (self->too_many) return;
    Cell cell;
    if (len > 0) {
      cell.kind = Cell::Kind::kText;
      cell.text.assign(static_cast<const char*>(s), len);
    }
    self->current.cells.push_back(std::move(cell));
    if (++self->cells > kMaxTableCells ||
        self->current.cells.size() > static_cast<size_t>(kMaxTableColumns)) {
      self->too_many = true;
    }
  }

  static void on_record(int terminator, void* data) {
    auto* self = static_cast<Collector*>(data);
    if (!self->any_field && terminator == '\n' && self->last_terminator == '\r') {
      self->last_terminator = -2;
      return;  // the second half of a CRLF
    }
    self->last_terminator = terminator;
    self->any_field = false;
    self->current.number = static_cast<int>(self->rows.size()) + 1;
    while (!self->current.cells.empty() && self->current.cells.back().empty()) {
      self->current.cells.pop_back();
    }
    if (!self->too_many) self->rows.push_back(std::move(self->current));
    self->current = Row{};
  }
};

struct Parsed {
  std::vector<Row> rows;
  bool unclosed_quote = false;
  int open_row = 0;  // the row whose quoted field is still open at the end
  bool too_many = false;
};

Parsed parse(std::string_view text, unsigned char delimiter) {
  csv_parser p;
  csv_init(&p, CSV_REPALL_NL);
  csv_set_delim(&p, delimiter);
  csv_set_space_func(&p, no_spaces);
  Collector c;
  csv_parse(&p, text.data(), text.size(), Collector::on_field, Collector::on_record, &c);
  Parsed out;
  // A quoted field still open at the end swallowed the rest of the file. libcsv reports it
  // only in strict mode, which also refuses the stray quotes spreadsheets accept, so its
  // state is read instead: a quoted field begun (2 is libcsv's FIELD_BEGUN) and not ended.
  constexpr int kFieldBegun = 2;
  out.unclosed_quote = p.quoted && p.pstate == kFieldBegun;
  out.open_row = static_cast<int>(c.rows.size()) + 1;
  csv_fini(&p, Collector::on_field, Collector::on_record, &c);
  csv_free(&p);
  out.rows = std::move(c.rows);
  out.too_many = c.too_many;
  return out;
}

// The delimiter that splits the first lines into the most rows of the same, largest width.
unsigned char sniff_delimiter(std::string_view text) {
  std::string_view sample = text.substr(0, 64 * 1024);
  unsigned char best = ',';
  size_t best_score = 0;
  for (unsigned char d : {',', ';', '\t', '|'}) {
    Parsed parsed = parse(sample, d);
    std::map<size_t, size_t> widths;  // fields per row -> rows
    for (const Row& r : parsed.rows) {
      if (r.cells.size() > 1) ++widths[r.cells.size()];
    }
    size_t score = 0;
    for (const auto& [width, count] : widths) score = std::max(score, width * count);
    if (score > best_score) {
      best_score = score;
      best = d;
    }
  }
  return best;
}

std::string delimiter_name(unsigned char d) {
  switch (d) {
    case ',':
      return "commas";
    case ';':
      return "semicolons";
    case '\t':
      return "tabs";
    default:
      return "'|'";
  }
}

// The line and column of byte `offset`, for messages.
std::string line_of_offset(std::string_view text, size_t offset) {
  const size_t line = static_cast<size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
  return fmt::format("line {}", line + 1);
}

}  // namespace

std::variant<Workbook, ReadError> read_csv(std::string_view bytes, const std::string& display) {
  Workbook book;
  book.file = display;
  book.format = "csv";
  std::string text;
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    std::optional<std::string> utf8 = utf16_to_utf8(bytes);
    if (!utf8) {
      return ReadError{"the file starts as UTF-16 text but is not well-formed UTF-16",
                       "save it again from the spreadsheet as \"CSV UTF-8\""};
    }
    text = std::move(*utf8);
    book.notes.push_back("read as UTF-16 text");
  } else {
    text = std::string(strip_utf8_bom(bytes));
    if (!is_utf8(text)) {
      size_t bad_at = 0;
      std::optional<std::string> utf8 = windows1252_to_utf8(text, bad_at);
      if (!utf8) {
        return ReadError{
            fmt::format("the file is neither UTF-8 nor Windows-1252 text (byte 0x{:02X} on {})",
                        static_cast<unsigned char>(text[bad_at]), line_of_offset(text, bad_at)),
            "save it again from the spreadsheet as \"CSV UTF-8\""};
      }
      text = std::move(*utf8);
      book.notes.push_back("read as Windows-1252 text (not UTF-8), as Excel on Windows saves CSV");
    }
  }
  if (text.find('\0') != std::string::npos) {
    return ReadError{"the file holds NUL bytes: it is not a CSV text file",
                     "export the tracker from the spreadsheet as CSV, or give the .xlsx file"};
  }
  const unsigned char delimiter = sniff_delimiter(text);
  Parsed parsed = parse(text, delimiter);
  if (parsed.too_many) {
    return ReadError{fmt::format("the file has more than {} cells or {} columns; it is not an "
                                 "action tracker",
                                 kMaxTableCells, kMaxTableColumns),
                     ""};
  }
  if (parsed.unclosed_quote) {
    const int row = parsed.open_row;
    return ReadError{fmt::format("a quoted field that starts on row {} is never closed", row),
                     "each \" that opens a field needs a closing \"; a \" inside a field is "
                     "written twice (\"\")"};
  }
  if (delimiter != ',') book.notes.push_back("fields separated by " + delimiter_name(delimiter));
  Sheet sheet;
  sheet.name = display;
  sheet.rows = std::move(parsed.rows);
  for (Row& r : sheet.rows) {
    for (Cell& c : r.cells) {
      if (c.kind == Cell::Kind::kText && trim(c.text).empty()) c = Cell{};
    }
  }
  book.sheets.push_back(std::move(sheet));
  return book;
}

}  // namespace iact
