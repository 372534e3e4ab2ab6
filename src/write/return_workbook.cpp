#include "write/return_workbook.h"

#include <algorithm>
#include <array>
#include <map>
#include <mutex>
#include <span>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "plan/fields.h"
#include "plan/reader.h"
#include "plan/yaml_tree.h"
#include "rag/rag.h"
#include "util/edit_distance.h"
#include "util/files.h"
#include "util/text.h"
#include "write/chart.h"
#include "write/return_record.h"
#include "write/xlsx_cells.h"

namespace iact {

namespace fs = std::filesystem;

namespace {

// ---- Reading the return definition --------------------------------------------------------

template <size_t N>
size_t index_of(const std::array<std::string_view, N>& names, std::string_view name) {
  return static_cast<size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

// Excel refuses a sheet name that is empty, longer than 31 characters, uses any of
// [ ] : * ? / \ or begins or ends with an apostrophe.
std::string sheet_name_problem(const std::string& name) {
  if (name.empty()) return "a sheet name cannot be empty";
  if (utf8_length(name) > 31)
    return fmt::format("sheet name '{}' is {} characters; Excel allows at most 31", name,
                       utf8_length(name));
  if (name.find_first_of("[]:*?/\\") != std::string::npos)
    return fmt::format("sheet name '{}' uses a character Excel refuses: [ ] : * ? / \\", name);
  if (name.front() == '\'' || name.back() == '\'')
    return fmt::format("sheet name '{}' begins or ends with an apostrophe", name);
  if (lowercase(name) == kReturnRecordSheet)
    return fmt::format("sheet name '{}' is kept for the return's hidden record of its numbers",
                       name);
  return "";
}

std::optional<ReturnColumn> read_column(const FieldReader& r, ReturnSource source,
                                        Diagnostics& diags) {
  ReturnColumn c;
  auto header = r.text("header");
  auto field = r.text("field");
  if (!header || !field) return std::nullopt;
  c.header = header->value;
  c.field = find_return_field(source, field->value);
  if (!c.field) {
    std::vector<std::string> names;
    for (const ReturnField& f : return_fields(source)) names.emplace_back(f.name);
    auto near = closest_match(field->value, names);
    const std::string_view rows = kReturnSourceNames[static_cast<size_t>(source)];
    diags.add(r.file(), field->pos, "invalid-value",
              fmt::format("no field '{}' for {} rows", field->value, rows),
              near ? fmt::format("did you mean '{}'?", *near)
                   : fmt::format("{} rows have: {}", rows, join(names)));
    return std::nullopt;
  }
  if (auto width = r.integer("width")) c.width = width->value;
  if (auto wrap = r.boolean("wrap")) c.wrap = wrap->value;
  if (auto choices = r.choice("choices")) c.choices = choices->value;
  if (auto required = r.boolean("required")) {
    c.required = required->value;
    if (c.required && !c.field->answer) {
      std::vector<std::string> answered;
      for (const ReturnField& f : return_fields(source)) {
        if (f.answer) answered.emplace_back(f.name);
      }
      const std::string_view rows = kReturnSourceNames[static_cast<size_t>(source)];
      diags.add(r.file(), required->pos, "invalid-value",
                fmt::format("field '{}' cannot be required: iact works it out, no plan answers it",
                            field->value),
                answered.empty()
                    ? fmt::format("no field of {} rows is a plan's answer", rows)
                    : fmt::format("of {} rows, plans answer: {}", rows, join(answered)));
      return std::nullopt;
    }
  }
  return c;
}

std::optional<ReturnSheet> read_sheet(const FieldReader& r, Diagnostics& diags) {
  ReturnSheet s;
  auto name = r.text("name");
  auto rows = r.choice("rows");
  if (!name || !rows) return std::nullopt;
  s.name = name->value;
  if (std::string problem = sheet_name_problem(s.name); !problem.empty()) {
    diags.add(r.file(), name->pos, "invalid-value", problem);
    return std::nullopt;
  }
  s.rows = static_cast<ReturnSource>(index_of(kReturnSourceNames, rows->value));
  s.heading = r.text_or_empty("heading");
  if (auto table = r.boolean("table")) s.table = table->value;
  if (auto landscape = r.boolean("landscape")) s.landscape = landscape->value;
  if (s.table && s.rows == ReturnSource::kCover) {
    diags.add(r.file(), r.key_pos("table"), "invalid-value",
              "a cover sheet is label and value rows; it cannot be a table",
              "remove `table: true`, or list rows other than cover");
  }
  bool ok = true;
  std::vector<std::string> headers;
  for (const FieldReader& c : r.objects("columns")) {
    std::optional<ReturnColumn> column = read_column(c, s.rows, diags);
    if (!column) {
      ok = false;
      continue;
    }
    const std::string key = lowercase(column->header);
    if (s.table && std::find(headers.begin(), headers.end(), key) != headers.end()) {
      diags.add(
          r.file(), c.key_pos("header"), "duplicate-id",
          fmt::format("two columns of table sheet '{}' are headed '{}'", s.name, column->header),
          "an Excel table needs a different heading on every column");
      ok = false;
    }
    headers.push_back(key);
    s.columns.push_back(std::move(*column));
  }
  if (!ok) return std::nullopt;
  return s;
}

}  // namespace

std::optional<ReturnLayout> load_return_layout_text(std::string_view text,
                                                    const std::string& display,
                                                    Diagnostics& diags) {
  const int errors_before = diags.error_count();
  std::optional<YamlNode> root = parse_yaml(text, display, diags);
  if (!root) return std::nullopt;
  FieldReader r(*root, return_layout_def(), display, diags);
  if (!r.ok()) return std::nullopt;
  ReturnLayout layout;
  layout.file = display;
  if (auto version = r.integer("iact-return"); version && version->value != 1) {
    diags.add(display, version->pos, "unsupported-version",
              fmt::format("return definition version {} is not supported; this iact reads "
                          "version 1",
                          version->value),
              "write `iact-return: 1`");
  }
  layout.title = r.text_or_empty("title");
  std::vector<std::pair<std::string, Pos>> names;
  for (const FieldReader& s : r.objects("sheets")) {
    std::optional<ReturnSheet> sheet = read_sheet(s, diags);
    if (!sheet) continue;
    const std::string key = lowercase(sheet->name);
    auto same =
        std::find_if(names.begin(), names.end(), [&](const auto& n) { return n.first == key; });
    if (same != names.end()) {
      diags.add(display, s.key_pos("name"), "duplicate-id",
                fmt::format("two sheets are named '{}'", sheet->name),
                fmt::format("the first is on line {}; Excel needs different names (case aside)",
                            same->second.line));
      continue;
    }
    names.emplace_back(key, s.key_pos("name"));
    layout.sheets.push_back(std::move(*sheet));
  }
  // A draft says what it lacks on a sheet of its own.
  auto has = [&](auto pred) {
    return std::any_of(layout.sheets.begin(), layout.sheets.end(), pred);
  };
  const bool requires_answers = has([](const ReturnSheet& s) {
    return std::any_of(s.columns.begin(), s.columns.end(),
                       [](const ReturnColumn& c) { return c.required; });
  });
  if (requires_answers &&
      !has([](const ReturnSheet& s) { return s.rows == ReturnSource::kMissing; })) {
    diags.add(display, r.key_pos("sheets"), "missing-field",
              "columns are marked `required: true`, but no sheet lists what a draft lacks",
              "add a sheet with `rows: missing` (columns: sheet, answer, row, key, where, fix)");
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return layout;
}

std::optional<ReturnLayout> load_return_layout(const fs::path& file, Diagnostics& diags) {
  FileRead read = read_file(file, kMaxPlanFileBytes);
  if (!read.bytes) {
    diags.add(file.string(), {}, "file-unreadable",
              fmt::format("cannot read the return definition: {}", read.error));
    return std::nullopt;
  }
  return load_return_layout_text(*read.bytes, file.string(), diags);
}

// ---- Writing the workbook -----------------------------------------------------------------

namespace {

// A drop-down's words, as the cells write them; the lists of a plan's answers end with "Not
// stated", which a cell holds when the plan says its source does not state the answer.
std::vector<std::string> choice_list(const std::string& name) {
  std::span<const std::string_view> codes = kAssuranceNames;  // yes-no-partial
  if (name == "status") codes = kStatusNames;
  if (name == "brag") codes = kBragNames;
  if (name == "assurance") codes = kAssuranceLevelNames;
  if (name == "yes-no") codes = std::span(kAssuranceNames).first(2);
  std::vector<std::string> words;
  for (std::string_view c : codes) words.push_back(as_words(c));
  if (name != "status" && name != "brag") words.emplace_back(kNotStatedWords);
  return words;
}

int default_width(FieldKind kind) {
  switch (kind) {
    case FieldKind::kNumber:
      return 9;
    case FieldKind::kDate:
    case FieldKind::kDue:
      return 12;
    case FieldKind::kBrag:
      return 9;
    case FieldKind::kText:
      return 24;
  }
  return 24;
}

class WorkbookWriter {
 public:
  WorkbookWriter(lxw_workbook* wb, const ReturnData& data, const ReturnLayout& layout)
      : wb_(wb), data_(data), layout_(layout), f_(add_sheet_formats(wb)) {
    draft_ = workbook_add_format(wb);
    format_set_bold(draft_);
    format_set_font_size(draft_, 14);
    format_set_font_color(draft_, 0xB00020);  // dark red, 7:1 on white
    month_ = date_format("mmmm yyyy");
  }

  lxw_error sheet(const ReturnSheet& s) {
    // A complete return has nothing to list as missing.
    if (s.rows == ReturnSource::kMissing && !is_draft(data_)) return LXW_NO_ERROR;
    lxw_worksheet* ws = workbook_add_worksheet(wb_, s.name.c_str());
    if (!ws) return LXW_ERROR_SHEETNAME_ALREADY_USED;
    worksheet_set_paper(ws, 9);  // A4
    if (s.landscape) worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    return s.rows == ReturnSource::kCover ? cover(ws, s) : rows(ws, s);
  }

 private:
  static constexpr int kCoverLabelWidth = 36;
  static constexpr int kCoverValueWidth = 40;

  lxw_format* date_format(const std::string& number_format) {
    lxw_format* f = workbook_add_format(wb_);
    format_set_num_format(f, number_format.c_str());
    format_set_align(f, LXW_ALIGN_LEFT);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
  }

  // A date shown as precisely as the plan wrote it: a day, a month, or an NHS quarter (its
  // last day, shown "Q2 2025/26 (by Sep 2025)": the NHS year runs April to March).
  lxw_format* format_of(const ReturnCell& v) {
    switch (v.form) {
      case DateForm::kDay:
        return f_.date;
      case DateForm::kMonth:
        return month_;
      case DateForm::kQuarter:
        break;
    }
    const int start = v.date.month >= 4 ? v.date.year : v.date.year - 1;
    const std::string name =
        fmt::format("Q{} {}/{:02}", (v.date.month + 8) % 12 / 3 + 1, start, (start + 1) % 100);
    auto [it, added] = quarters_.try_emplace(name, nullptr);
    // The month keeps it a date to a spreadsheet (a format of text alone would not).
    if (added) it->second = date_format(fmt::format("\"{} (by \"mmm yyyy\")\"", name));
    return it->second;
  }

  std::string draft_banner() const {
    auto sheet =
        std::find_if(layout_.sheets.begin(), layout_.sheets.end(),
                     [](const ReturnSheet& s) { return s.rows == ReturnSource::kMissing; });
    return fmt::format("DRAFT: {}{}", draft_summary(data_),
                       sheet == layout_.sheets.end()
                           ? std::string()
                           : fmt::format(" (listed on the {} sheet)", sheet->name));
  }

  lxw_error cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const ReturnCell& v, bool wrap,
                 bool left = false) {
    switch (v.kind) {
      case ReturnCell::Kind::kEmpty:
        return LXW_NO_ERROR;
      case ReturnCell::Kind::kText:
      case ReturnCell::Kind::kBrag:
        // Always a string: plan text that looks like a formula stays text.
        return worksheet_write_string(ws, r, c, fit_cell(v.text).c_str(),
                                      wrap ? f_.wrapped : f_.text);
      case ReturnCell::Kind::kNumber:
        return worksheet_write_number(ws, r, c, v.number, left ? f_.number_left : f_.number);
      case ReturnCell::Kind::kDate: {
        lxw_datetime dt{v.date.year, v.date.month, v.date.day, 0, 0, 0};
        return worksheet_write_datetime(ws, r, c, &dt, format_of(v));
      }
    }
    return LXW_NO_ERROR;
  }

  lxw_error drop_down(lxw_worksheet* ws, lxw_row_t first, lxw_row_t last, lxw_col_t c,
                      const std::string& choices) {
    std::vector<std::string> words = choice_list(choices);
    std::vector<char*> list;
    for (std::string& w : words) list.push_back(w.data());
    list.push_back(nullptr);
    lxw_data_validation v{};
    v.validate = LXW_VALIDATION_TYPE_LIST;
    v.value_list = list.data();
    v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    return worksheet_data_validation_range(ws, first, c, last, c, &v);
  }

  lxw_error cover(lxw_worksheet* ws, const ReturnSheet& s) {
    lxw_row_t r = 0;
    if (is_draft(data_)) {  // first, where no one can miss it
      worksheet_write_string(ws, r++, 0, draft_banner().c_str(), draft_);
      worksheet_set_row(ws, 0, row_height(1) + 6, nullptr);
    }
    if (!s.heading.empty()) {
      worksheet_write_string(ws, r, 0, fit_cell(s.heading).c_str(), f_.heading);
      r += 2;
    } else if (r > 0) {
      ++r;
    }
    int value_width = kCoverValueWidth;
    for (const ReturnColumn& col : s.columns) value_width = std::max(value_width, col.width);
    for (const ReturnColumn& col : s.columns) {
      worksheet_write_string(ws, r, 0, fit_cell(col.header).c_str(), f_.label);
      const ReturnCell value = col.field->get(data_, 0);
      if (lxw_error e = cell(ws, r, 1, value, true, true); e != LXW_NO_ERROR) return e;
      const int lines = std::max(wrapped_lines(col.header, kCoverLabelWidth),
                                 wrapped_lines(value.text, value_width));
      if (lines > 1) worksheet_set_row(ws, r, row_height(lines), nullptr);
      if (col.field->kind == FieldKind::kBrag) {
        if (lxw_error e = add_brag_colours(ws, f_, r, r, 1); e != LXW_NO_ERROR) return e;
      }
      if (!col.choices.empty()) {
        if (lxw_error e = drop_down(ws, r, r, 1, col.choices); e != LXW_NO_ERROR) return e;
      }
      ++r;
    }
    worksheet_set_column(ws, 0, 0, kCoverLabelWidth, nullptr);
    worksheet_set_column(ws, 1, 1, value_width, nullptr);
    return LXW_NO_ERROR;
  }

  lxw_error rows(lxw_worksheet* ws, const ReturnSheet& s) {
    const lxw_row_t top = s.heading.empty() ? 0 : 2;
    if (!s.heading.empty())
      worksheet_write_string(ws, 0, 0, fit_cell(s.heading).c_str(), f_.heading);
    const ReturnSource source = s.rows;
    const size_t n = data_.count(source);
    const auto ncols = static_cast<lxw_col_t>(s.columns.size());
    std::vector<int> widths;
    int header_lines = 1;
    for (lxw_col_t c = 0; c < ncols; ++c) {
      const ReturnColumn& col = s.columns[c];
      widths.push_back(col.width ? col.width : default_width(col.field->kind));
      worksheet_set_column(ws, c, c, widths[c], nullptr);
      // Filter buttons take about three characters of a table's heading.
      header_lines =
          std::max(header_lines, wrapped_lines(col.header, widths[c] - (s.table ? 3 : 0)));
      if (!s.table) worksheet_write_string(ws, top, c, fit_cell(col.header).c_str(), f_.header);
    }
    if (header_lines > 1) worksheet_set_row(ws, top, row_height(header_lines), nullptr);
    for (size_t i = 0; i < n; ++i) {
      const auto r = static_cast<lxw_row_t>(top + 1 + i);
      int lines = 1;
      for (lxw_col_t c = 0; c < ncols; ++c) {
        const ReturnColumn& col = s.columns[c];
        const ReturnCell value = col.field->get(data_, i);
        if (lxw_error e = cell(ws, r, c, value, col.wrap); e != LXW_NO_ERROR) return e;
        if (col.wrap) lines = std::max(lines, wrapped_lines(value.text, widths[c]));
      }
      if (lines > 1) worksheet_set_row(ws, r, row_height(lines), nullptr);
    }
    // A table needs a data row; an empty one keeps the headings and filters usable.
    const auto last = static_cast<lxw_row_t>(top + std::max<size_t>(n, s.table ? 1 : 0));
    if (const std::string note = data_.note(source); !note.empty())
      worksheet_write_string(ws, last + 2, 0, fit_cell(note).c_str(), f_.text);
    if (s.table) {
      std::vector<std::string> headers;
      for (const ReturnColumn& col : s.columns) headers.push_back(fit_cell(col.header));
      std::vector<lxw_table_column> columns(ncols);
      std::vector<lxw_table_column*> pointers;
      for (lxw_col_t c = 0; c < ncols; ++c) {
        columns[c].header = headers[c].data();
        columns[c].header_format = f_.header;
        pointers.push_back(&columns[c]);
      }
      pointers.push_back(nullptr);
      lxw_table_options options{};
      options.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
      options.style_type_number = 1;
      options.columns = pointers.data();
      if (lxw_error e = worksheet_add_table(ws, top, 0, last, ncols - 1, &options);
          e != LXW_NO_ERROR)
        return e;
    }
    // Every data row, the empty row of an empty table too, offers the drop-downs.
    for (lxw_col_t c = 0; last > top && c < ncols; ++c) {
      const ReturnColumn& col = s.columns[c];
      if (n > 0 && col.field->kind == FieldKind::kBrag) {
        if (lxw_error e = add_brag_colours(ws, f_, top + 1, last, c); e != LXW_NO_ERROR) return e;
      }
      if (!col.choices.empty()) {
        if (lxw_error e = drop_down(ws, top + 1, last, c, col.choices); e != LXW_NO_ERROR) return e;
      }
    }
    worksheet_freeze_panes(ws, top + 1, 0);
    worksheet_repeat_rows(ws, top, top);
    return LXW_NO_ERROR;
  }

  lxw_workbook* wb_;
  const ReturnData& data_;
  const ReturnLayout& layout_;
  SheetFormats f_;
  lxw_format* draft_ = nullptr;
  lxw_format* month_ = nullptr;
  std::map<std::string, lxw_format*> quarters_;  // by the quarter it shows
};

}  // namespace

std::optional<std::string> write_return(const ReturnData& data, const ReturnJob& job) {
  const SystemView& view = *data.view;
  const WorkbookFile target{
      job.file, job.layout->title,
      fmt::format("{}{}{} as of {}", is_draft(data) ? "DRAFT: " : "", view.name,
                  view.period ? ", period " + view.period->id : "", view.as_of.iso()),
      job.created_epoch};
  return write_workbook(target, [&](lxw_workbook* wb) {
    WorkbookWriter writer(wb, data, *job.layout);
    for (const ReturnSheet& s : job.layout->sheets) {
      if (lxw_error error = writer.sheet(s); error != LXW_NO_ERROR) return error;
    }
    // The numbers again, for a region's roll-up to read back.
    return write_return_record(wb, summarise(view));
  });
}

std::string describe_return_fields() {
  std::string out = "Fields a column of templates/return.yaml may name, by the sheet's `rows:`.\n";
  auto kind = [](FieldKind k) {
    switch (k) {
      case FieldKind::kText:
        return "text";
      case FieldKind::kNumber:
        return "number";
      case FieldKind::kDate:
        return "date";
      case FieldKind::kBrag:
        return "BRAG, coloured";
      case FieldKind::kDue:
        return "date, or tbc / ongoing";
    }
    return "";
  };
  for (size_t s = 0; s < kReturnSourceNames.size(); ++s) {
    out += fmt::format("\nrows: {}\n", kReturnSourceNames[s]);
    for (const ReturnField& f : return_fields(static_cast<ReturnSource>(s))) {
      out += fmt::format("  {:<24} {:<22} {}{}\n", f.name, kind(f.kind), f.doc,
                         f.answer ? " A plan's answer: may be `required: true`." : "");
    }
  }
  return out;
}

std::string draft_summary(const ReturnData& data) {
  const size_t n = data.missing.size();
  return fmt::format("{} required answer{} {} missing", n, n == 1 ? "" : "s",
                     n == 1 ? "is" : "are");
}

void add_draft_diagnostics(const ReturnData& data, Diagnostics& diags) {
  const SystemView& view = *data.view;
  const std::string which =
      view.period ? fmt::format("the {} return", view.period->id) : std::string("the return");
  for (const MissingAnswer& m : data.missing) {
    diags.add(m.answer->file, m.answer->pos, "return-draft",
              fmt::format("{} is a draft: its {} sheet has no '{}'{} ({})", which, m.sheet,
                          m.header, m.row.empty() ? "" : " for " + m.row, m.answer->key),
              m.answer->fix);
  }
}

}  // namespace iact
