#include "read/xlsx.h"

#include <zip.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "util/text.h"

namespace iact {

namespace {

// No part of a tracker is this large; a larger one is a zip bomb or not a tracker.
constexpr zip_uint64_t kMaxPartBytes = 128 * 1024 * 1024;

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using Zip = std::unique_ptr<zip_t, ZipCloser>;

// A part of the package by name (case-insensitive, as Excel reads them), or nothing.
std::optional<std::string> read_part(zip_t* zip, const std::string& name, std::string& error) {
  std::string path = name;
  if (path.starts_with('/')) path.erase(0, 1);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip, path.c_str(), ZIP_FL_NOCASE, &st) != 0) return std::nullopt;
  if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxPartBytes) {
    error = fmt::format("its part {} is {} MiB unpacked; a tracker is far smaller", path,
                        st.size / (1024 * 1024));
    return std::nullopt;
  }
  zip_file_t* f = zip_fopen(zip, path.c_str(), ZIP_FL_NOCASE);
  if (!f) {
    error = fmt::format("its part {} cannot be read: {}", path, zip_strerror(zip));
    return std::nullopt;
  }
  std::string bytes;
  char buffer[65536];
  zip_int64_t n;
  while ((n = zip_fread(f, buffer, sizeof buffer)) > 0) {
    bytes.append(buffer, static_cast<size_t>(n));
    if (bytes.size() > kMaxPartBytes) {
      error = fmt::format("its part {} unpacks to more than {} MiB; a tracker is far smaller", path,
                          kMaxPartBytes / (1024 * 1024));
      zip_fclose(f);
      return std::nullopt;
    }
  }
  if (n < 0) {
    error = fmt::format("its part {} is damaged: {}", path, zip_file_strerror(f));
    zip_fclose(f);
    return std::nullopt;
  }
  zip_fclose(f);
  return bytes;
}

// Element names without their namespace prefix ("x:row" is a row).
std::string_view local(const char* name) {
  std::string_view n(name);
  const size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_element && local(c.name()) == name) return c;
  }
  return {};
}

template <typename F>
void each_child(const pugi::xml_node& node, std::string_view name, F&& f) {
  for (pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_element && local(c.name()) == name) f(c);
  }
}

// The relationship id attribute (r:id, whatever the prefix).
std::string relationship_id(const pugi::xml_node& node) {
  for (pugi::xml_attribute a : node.attributes()) {
    std::string_view n(a.name());
    if (n.size() > 3 && n.ends_with(":id")) return a.value();
  }
  return "";
}

// Excel writes characters XML cannot hold as _xHHHH_ ("_x000D_" for a carriage return).
std::string decode_escapes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      unsigned int cp = 0;
      bool hex = true;
      for (size_t k = i + 2; k < i + 6; ++k) {
        const char c = s[k];
        const int v = (c >= '0' && c <= '9')   ? c - '0'
                      : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                      : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                               : -1;
        if (v < 0) {
          hex = false;
          break;
        }
        cp = cp * 16 + static_cast<unsigned int>(v);
      }
      if (hex && !(cp >= 0xD800 && cp <= 0xDFFF)) {
        if (cp != '\r') append_utf8(out, cp);  // CRLF inside a cell reads as LF
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// The text of a string item (<si> or <is>): its <t>, or its rich-text runs' <t>s, without
// the phonetic guides (<rPh>).
std::string string_item(const pugi::xml_node& node) {
  std::string text;
  for (pugi::xml_node c : node.children()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view n = local(c.name());
    if (n == "t") {
      text += c.text().get();
    } else if (n == "r") {
      if (pugi::xml_node t = child(c, "t")) text += t.text().get();
    }
  }
  return decode_escapes(text);
}

// "AB12" -> column 27 (0-based), row 12. Nothing if it is not a cell reference.
std::optional<std::pair<int, int>> parse_ref(std::string_view ref) {
  size_t i = 0;
  long col = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && col < 100000) {
    col = col * 26 + (ref[i] - 'A' + 1);
    ++i;
  }
  if (i == 0) return std::nullopt;
  long row = 0;
  const size_t digits = i;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && row < 10'000'000) {
    row = row * 10 + (ref[i] - '0');
    ++i;
  }
  if (i == digits || i != ref.size() || row < 1) return std::nullopt;
  return std::pair<int, int>{static_cast<int>(col - 1), static_cast<int>(row)};
}

struct Styles {
  std::vector<DateShown> xf_date;  // by cell style index (<c s="...">)
};

Styles read_styles(const std::string* xml) {
  Styles styles;
  if (!xml) return styles;
  pugi::xml_document doc;
  if (!doc.load_buffer(xml->data(), xml->size())) return styles;
  pugi::xml_node sheet = doc.document_element();
  std::map<int, std::string> custom;
  if (pugi::xml_node formats = child(sheet, "numFmts")) {
    each_child(formats, "numFmt", [&](const pugi::xml_node& f) {
      custom[f.attribute("numFmtId").as_int()] = f.attribute("formatCode").value();
    });
  }
  if (pugi::xml_node xfs = child(sheet, "cellXfs")) {
    each_child(xfs, "xf", [&](const pugi::xml_node& xf) {
      const int id = xf.attribute("numFmtId").as_int();
      auto it = custom.find(id);
      styles.xf_date.push_back(date_format_shows(id, it == custom.end() ? "" : it->second));
    });
  }
  return styles;
}

struct SheetRef {
  std::string name;
  std::string part;  // "xl/worksheets/sheet1.xml"
  bool hidden = false;
};

// Excel's last row: a row number past it is damage, not a row.
constexpr long kMaxXlsxRow = 1'048'576;

// A whole number of at most nine digits, as written in the file ("12"); nothing if the text
// is empty, signed, or holds anything but digits.
std::optional<long> plain_number(std::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  long n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

// Reads one worksheet part into `sheet`. Returns an error message, or "".
std::string read_sheet(const std::string& xml, const std::vector<std::string>& shared,
                       const Styles& styles, bool date1904, Sheet& sheet, size_t& cells,
                       bool& cut_columns) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
  if (!parsed) return fmt::format("its sheet '{}' is not well-formed XML", sheet.name);
  pugi::xml_node root = doc.document_element();
  int next_row = 1;
  std::string damage;  // the first damaged row or cell found
  each_child(child(root, "sheetData"), "row", [&](const pugi::xml_node& r) {
    if (!damage.empty()) return;
    Row row;
    row.number = next_row;
    if (const pugi::xml_attribute number = r.attribute("r")) {
      const std::optional<long> n = plain_number(number.value());
      if (!n || *n < 1 || *n > kMaxXlsxRow) {
        damage = fmt::format(
            "its sheet '{}' has the row number '{}', which is not a row from 1 to {}: the "
            "workbook is damaged; open it in Excel and save it again",
            sheet.name, number.value(), kMaxXlsxRow);
        return;
      }
      row.number = static_cast<int>(*n);
    }
    if (row.number < next_row) row.number = next_row;  // rows come in order
    if (row.number > kMaxXlsxRow) {
      damage = fmt::format(
          "its sheet '{}' has more than {} rows: the workbook is damaged; open it in Excel and "
          "save it again",
          sheet.name, kMaxXlsxRow);
      return;
    }
    next_row = row.number + 1;
    int next_col = 0;
    each_child(r, "c", [&](const pugi::xml_node& c) {
      int col = next_col;
      if (auto ref = parse_ref(c.attribute("r").value())) col = ref->first;
      next_col = col + 1;
      if (col >= kMaxTableColumns) {
        cut_columns = true;
        return;
      }
      Cell cell;
      const std::string_view type = c.attribute("t").value();
      const pugi::xml_node v = child(c, "v");
      const std::string value = v ? v.text().get() : "";
      if (type == "s" && value.empty()) {
        return;  // a shared-string cell with no value: empty
      } else if (type == "s") {
        const std::optional<long> index = plain_number(value);
        if (!index || static_cast<size_t>(*index) >= shared.size()) {
          if (damage.empty()) {
            damage = fmt::format(
                "its sheet '{}' row {} refers to the shared string '{}', which the workbook "
                "does not have ({} shared strings): the workbook is damaged; open it in Excel "
                "and save it again",
                sheet.name, row.number, value, shared.size());
          }
          return;
        }
        cell.kind = Cell::Kind::kText;
        cell.text = shared[static_cast<size_t>(*index)];
      } else if (type == "inlineStr") {
        cell.kind = Cell::Kind::kText;
        cell.text = string_item(child(c, "is"));
      } else if (type == "str" || type == "d") {
        cell.kind = Cell::Kind::kText;
        cell.text = decode_escapes(value);
      } else if (type == "b") {
        cell.kind = Cell::Kind::kBoolean;
        cell.text = value == "1" ? "TRUE" : "FALSE";
      } else if (type == "e") {
        cell.kind = Cell::Kind::kError;
        cell.text = value;
      } else if (!value.empty()) {
        char* end = nullptr;
        const double number = std::strtod(value.c_str(), &end);
        if (end && *end == '\0' && std::isfinite(number)) {
          cell.kind = Cell::Kind::kNumber;
          cell.number = number;
          cell.text = format_number(number);
          const long style = c.attribute("s").as_llong(0);
          const DateShown shown = style >= 0 && static_cast<size_t>(style) < styles.xf_date.size()
                                      ? styles.xf_date[static_cast<size_t>(style)]
                                      : DateShown::kNone;
          if (shown != DateShown::kNone) {
            if (auto d = excel_serial_date(number, date1904)) {
              cell.kind = Cell::Kind::kDate;
              cell.date = *d;
              cell.month_only = shown == DateShown::kMonth;
              cell.text = cell.month_only ? d->iso().substr(0, 7) : d->iso();
            }
          }
        } else {
          cell.kind = Cell::Kind::kText;
          cell.text = value;
        }
      }
      if (cell.empty()) return;
      if (row.cells.size() <= static_cast<size_t>(col))
        row.cells.resize(static_cast<size_t>(col) + 1);
      row.cells[static_cast<size_t>(col)] = std::move(cell);
      ++cells;
    });
    if (!row.cells.empty()) sheet.rows.push_back(std::move(row));
    return;
  });
  if (!damage.empty()) return damage;
  if (cells > kMaxTableCells) {
    return fmt::format("it has more than {} cells; it is not an action tracker", kMaxTableCells);
  }
  // Merged ranges are bounded by the cells that exist: a range past the last row or column
  // holding a value covers nothing there (A1:XFD1048576 in a 2 KB file would otherwise be a
  // billion cells), and all of them together by the cell limit.
  int last_row = -1, last_col = -1;  // 0-based, of the cells read
  for (const Row& r : sheet.rows) {
    last_row = std::max(last_row, r.number - 1);
    last_col = std::max(last_col, static_cast<int>(r.cells.size()) - 1);
  }
  size_t covered = cells;
  bool too_many = false;
  each_child(child(root, "mergeCells"), "mergeCell", [&](const pugi::xml_node& m) {
    if (too_many) return;
    const std::string ref = m.attribute("ref").value();
    const size_t colon = ref.find(':');
    if (colon == std::string::npos) return;
    auto a = parse_ref(std::string_view(ref).substr(0, colon));
    auto b = parse_ref(std::string_view(ref).substr(colon + 1));
    if (!a || !b || b->first < a->first || b->second < a->second) return;
    const MergedRange range{a->second - 1, a->first, std::min(b->second - 1, last_row),
                            std::min(b->first, last_col)};
    if (range.last_row < range.first_row || range.last_col < range.first_col) return;
    covered += static_cast<size_t>(range.last_row - range.first_row + 1) *
               static_cast<size_t>(range.last_col - range.first_col + 1);
    if (covered > kMaxTableCells) {
      too_many = true;
      return;
    }
    sheet.merged.push_back(range);
  });
  if (too_many) {
    return fmt::format(
        "its sheet '{}' has merged cells covering more than {} cells; it is not an action tracker",
        sheet.name, kMaxTableCells);
  }
  return "";
}

}  // namespace

std::optional<Date> excel_serial_date(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial > 2958466) return std::nullopt;
  const long whole = static_cast<long>(std::floor(serial));
  if (date1904) return Date{1904, 1, 1}.plus_days(whole);
  if (whole < 1) return std::nullopt;
  if (whole < 60) return Date{1899, 12, 31}.plus_days(whole);
  if (whole == 60) return Date{1900, 2, 28};  // Excel's 29 February 1900, which never was
  return Date{1899, 12, 30}.plus_days(whole);
}

DateShown date_format_shows(int id, std::string_view code) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
      (id >= 50 && id <= 58)) {
    if (id == 18 || id == 19 || id == 20 || id == 21 || id == 45 || id == 46 || id == 47)
      return DateShown::kNone;                              // times
    return id == 17 ? DateShown::kMonth : DateShown::kDay;  // 17 is "mmm-yy"
  }
  if (code.empty()) return DateShown::kNone;
  // Look only at the format's own letters: not quoted text, escaped characters or [...].
  bool day = false, month = false, year = false, time = false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      const size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      const size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else {
      switch (c | 0x20) {
        case 'd':
          day = true;
          break;
        case 'm':
          month = true;
          break;
        case 'y':
          year = true;
          break;
        case 'h':
        case 's':
          time = true;
          break;
        default:
          break;
      }
    }
  }
  // "m" beside "h", "s" or ":" is minutes ("h:mm", "[h]:mm", "mm:ss").
  const bool months = month && !time && code.find(':') == std::string_view::npos;
  if (day) return DateShown::kDay;
  if (months) return DateShown::kMonth;
  return year ? DateShown::kDay : DateShown::kNone;
}

std::variant<Workbook, ReadError> read_xlsx(std::string_view bytes, const std::string& display) {
  const std::string not_workbook_hint =
      "give the tracker as .xlsx (Excel 2007 or later) or .csv; save an .xls or .ods tracker "
      "again as .xlsx";
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
  if (!source) return ReadError{"the file cannot be opened as a zip archive", not_workbook_hint};
  Zip zip(zip_open_from_source(source, ZIP_RDONLY, &zerr));
  if (!zip) {
    zip_source_free(source);
    const std::string why = zip_error_strerror(&zerr);
    zip_error_fini(&zerr);
    return ReadError{fmt::format("the file is not an XLSX workbook ({})", why), not_workbook_hint};
  }
  zip_error_fini(&zerr);
  std::string error;
  std::optional<std::string> workbook_xml = read_part(zip.get(), "xl/workbook.xml", error);
  if (!workbook_xml) {
    return ReadError{error.empty() ? "the file is a zip archive but not an XLSX workbook (it has "
                                     "no xl/workbook.xml)"
                                   : "the workbook cannot be read: " + error,
                     not_workbook_hint};
  }
  pugi::xml_document workbook;
  if (!workbook.load_buffer(workbook_xml->data(), workbook_xml->size())) {
    return ReadError{"the workbook's xl/workbook.xml is not well-formed XML", not_workbook_hint};
  }
  const pugi::xml_node wb = workbook.document_element();
  const std::string_view date1904_attr = child(wb, "workbookPr").attribute("date1904").value();
  const bool date1904 = date1904_attr == "1" || date1904_attr == "true";

  std::map<std::string, std::string> targets;  // relationship id -> part
  if (auto rels = read_part(zip.get(), "xl/_rels/workbook.xml.rels", error)) {
    pugi::xml_document doc;
    if (doc.load_buffer(rels->data(), rels->size())) {
      each_child(doc.document_element(), "Relationship", [&](const pugi::xml_node& r) {
        std::string target = r.attribute("Target").value();
        if (target.starts_with('/')) {
          target.erase(0, 1);
        } else {
          target = "xl/" + target;
        }
        targets[r.attribute("Id").value()] = target;
      });
    }
  }
  std::vector<SheetRef> refs;
  each_child(child(wb, "sheets"), "sheet", [&](const pugi::xml_node& s) {
    auto it = targets.find(relationship_id(s));
    const std::string_view state = s.attribute("state").value();
    refs.push_back(SheetRef{s.attribute("name").value(), it == targets.end() ? "" : it->second,
                            !state.empty() && state != "visible"});
  });
  if (refs.empty()) return ReadError{"the workbook has no sheets", not_workbook_hint};

  std::vector<std::string> shared;
  if (auto sst = read_part(zip.get(), "xl/sharedStrings.xml", error)) {
    pugi::xml_document doc;
    if (!doc.load_buffer(sst->data(), sst->size())) {
      return ReadError{"the workbook's shared strings are not well-formed XML", ""};
    }
    each_child(doc.document_element(), "si",
               [&](const pugi::xml_node& si) { shared.push_back(string_item(si)); });
  }
  if (!error.empty()) return ReadError{"the workbook cannot be read: " + error, ""};
  std::optional<std::string> styles_xml = read_part(zip.get(), "xl/styles.xml", error);
  const Styles styles = read_styles(styles_xml ? &*styles_xml : nullptr);

  Workbook book;
  book.file = display;
  book.format = "xlsx";
  // When Excel last saved it: <dcterms:modified>2025-01-31T09:15:00Z</dcterms:modified>.
  if (auto core = read_part(zip.get(), "docProps/core.xml", error)) {
    pugi::xml_document doc;
    if (doc.load_buffer(core->data(), core->size())) {
      for (pugi::xml_node n : doc.document_element().children()) {
        const std::string_view name = n.name();
        if (name != "modified" && !name.ends_with(":modified")) continue;
        const std::string_view text = n.child_value();
        if (text.size() >= 10) book.saved = parse_iso_day(text.substr(0, 10));
      }
    }
  }
  error.clear();  // the properties are optional
  if (date1904) book.notes.push_back("dates in the 1904 date system");
  size_t cells = 0;
  bool cut_columns = false;
  for (const SheetRef& ref : refs) {
    Sheet sheet;
    sheet.name = ref.name;
    sheet.hidden = ref.hidden;
    std::optional<std::string> xml;
    if (!ref.part.empty()) xml = read_part(zip.get(), ref.part, error);
    if (!error.empty()) return ReadError{"the workbook cannot be read: " + error, ""};
    if (xml) {  // a chart sheet or a missing part reads as an empty sheet
      std::string problem = read_sheet(*xml, shared, styles, date1904, sheet, cells, cut_columns);
      if (!problem.empty()) return ReadError{problem, ""};
    }
    fill_merged(sheet);
    book.sheets.push_back(std::move(sheet));
  }
  if (cut_columns) {
    book.notes.push_back(
        fmt::format("cells beyond column {} were not read", column_name(kMaxTableColumns - 1)));
  }
  return book;
}

}  // namespace iact
