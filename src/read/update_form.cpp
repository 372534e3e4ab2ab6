#include "read/update_form.h"

#include <algorithm>

#include <fmt/format.h>

#include "util/text.h"

namespace iact {

namespace {

const Sheet* sheet_named(const Workbook& book, std::string_view name) {
  for (const Sheet& s : book.sheets) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

// The hidden record's columns: row, action, organisation, plan, fingerprint; from version 2
// the seal and the grey texts as written.
constexpr size_t kSealColumn = 5;
constexpr size_t kShownColumn = 6;

// The headings of each version's Updates sheet, in order.
std::vector<FormColumn> layout(int version) {
  std::vector<FormColumn> columns;
  for (int c = 0; c < kFormColumns; ++c) {
    if (version == 1 && c == kFormCompleted) continue;  // version 2 added it
    columns.push_back(static_cast<FormColumn>(c));
  }
  return columns;
}

}  // namespace

const FormRecord* ReadForm::record(int row) const {
  // The record lists the rows in order as collect wrote them: found by halves, so reading a
  // form costs its rows, not their square. A record out of order is still found by a search.
  auto it = std::lower_bound(records.begin(), records.end(), row,
                             [](const FormRecord& r, int n) { return r.row < n; });
  if (it != records.end() && it->row == row) return &*it;
  for (const FormRecord& r : records) {
    if (r.row == row) return &r;
  }
  return nullptr;
}

std::optional<ReadForm> read_update_form(const Workbook& book, Diagnostics& diags) {
  const std::string& file = book.file;
  const std::string remake = "make a new form with `iact collect`";
  const Sheet* data = sheet_named(book, kFormDataSheet);
  const Sheet* sheet = sheet_named(book, kFormSheet);
  if (!data || !sheet) {
    diags.add(file, {}, "form-invalid",
              fmt::format("this is not an iact update form: it has no {} sheet",
                          !sheet ? "'Updates'" : "hidden 'iact'"),
              "apply the forms that `iact collect` wrote, filled in; " + remake);
    return std::nullopt;
  }
  ReadForm form;
  auto value = [&](int row_number, size_t col) -> std::string {
    for (const Row& r : data->rows) {
      if (r.number == row_number) return text_at(r, col);
    }
    return "";
  };
  const std::string version = value(1, 1);
  if (value(1, 0) != "iact-form" || (version != "1" && version != std::to_string(kFormVersion))) {
    diags.add(
        file, Pos{1, 1}, "form-invalid",
        fmt::format("the hidden 'iact' sheet is not a version 1 or {} form record", kFormVersion),
        remake);
    return std::nullopt;
  }
  form.version = std::atoi(version.c_str());
  const std::optional<Date> as_of = parse_iso_day(value(2, 1));
  if (!as_of) {
    diags.add(file, Pos{2, 2}, "form-invalid", "the hidden 'iact' sheet's as-of date is damaged",
              remake);
    return std::nullopt;
  }
  form.as_of = *as_of;
  form.lead = value(3, 1);
  // What each record said of its row's grey cells, from version 2.
  std::vector<std::array<std::string, kFormShownColumns>> shown;
  for (const Row& r : data->rows) {
    if (r.number < 6) continue;
    FormRecord rec;
    rec.row = std::atoi(text_at(r, 0).c_str());
    rec.action = text_at(r, 1);
    rec.org_code = text_at(r, 2);
    rec.plan_file = text_at(r, 3);
    rec.fingerprint = text_at(r, 4);
    if (rec.row < 2 || rec.action.empty() || rec.fingerprint.size() != 16) {
      diags.add(file, Pos{r.number, 1}, "form-invalid",
                fmt::format("row {} of the hidden 'iact' sheet is damaged", r.number), remake);
      return std::nullopt;
    }
    std::array<std::string, kFormShownColumns> texts;
    for (int c = 0; c < kFormShownColumns; ++c) texts[c] = text_at(r, kShownColumn + c);
    if (form.version >= 2 && form_row_seal(rec.row, rec.action, rec.org_code, rec.plan_file,
                                           rec.fingerprint, texts) != text_at(r, kSealColumn)) {
      diags.add(file, Pos{rec.row, 1}, "form-changed",
                fmt::format("sheet 'Updates': this form was changed after it was made (row {}): "
                            "what its hidden sheet recorded of the row was edited",
                            rec.row),
                "the form can no longer say what the plan held when it was made; " + remake +
                    " and copy the answers into it");
      rec.changed = true;
    }
    form.records.push_back(std::move(rec));
    shown.push_back(std::move(texts));
  }
  // The Updates sheet's headings must be where they were written.
  form.columns.fill(-1);
  const std::vector<FormColumn> columns = layout(form.version);
  const Row* header = sheet->rows.empty() ? nullptr : &sheet->rows.front();
  for (size_t c = 0; c < columns.size(); ++c) {
    const std::string_view want = kFormHeaders[columns[c]];
    const std::string got = header && header->number == 1 ? text_at(*header, c) : std::string();
    if (got != want) {
      diags.add(file, Pos{1, static_cast<int>(c) + 1}, "form-invalid",
                fmt::format("sheet 'Updates', column {}: the heading should be '{}', not '{}'; "
                            "the form's columns have been changed",
                            column_name(c), want, got),
                "fill in the form as it was sent, or " + remake);
      return std::nullopt;
    }
    form.columns[columns[c]] = static_cast<int>(c);
  }
  auto cell = [&](const Row& r, FormColumn c) -> const Cell* {
    if (form.columns[c] < 0) return nullptr;
    const Cell* x = r.at(static_cast<size_t>(form.columns[c]));
    return x && !x->empty() ? x : nullptr;
  };
  auto text = [&](const Row& r, FormColumn c) {
    return form.columns[c] < 0 ? std::string() : text_at(r, static_cast<size_t>(form.columns[c]));
  };
  auto changed = [&](int row, FormColumn c, const std::string& was, const std::string& now) {
    diags.add(file, Pos{row, form.columns[c] + 1}, "form-changed",
              fmt::format("sheet 'Updates', column {} ({}): this form was changed after it was "
                          "made (row {}): '{}' now reads '{}'",
                          column_name(static_cast<size_t>(form.columns[c])), kFormHeaders[c], row,
                          was, now),
              "the grey columns say what the plan held and are read back; put the text back as "
              "it was and give answers in the yellow columns, or " +
                  remake);
  };
  std::vector<bool> seen(form.records.size(), false);
  for (const Row& r : sheet->rows) {
    if (r.number < 2) continue;
    FormRow row;
    row.row = r.number;
    row.action = text(r, kFormId);
    row.status = cell(r, kFormNewStatus);
    row.completed = cell(r, kFormCompleted);
    row.due = cell(r, kFormNewDue);
    row.update = text(r, kFormUpdate);
    row.evidence = text(r, kFormEvidence);
    const auto rec = std::find_if(form.records.begin(), form.records.end(),
                                  [&](const FormRecord& x) { return x.row == r.number; });
    if (rec == form.records.end()) {
      if (!row.action.empty() || row.answered()) {
        diags.add(file, Pos{r.number, 1}, "form-changed",
                  fmt::format("sheet 'Updates': this form was changed after it was made (row "
                              "{}): the row was added",
                              r.number),
                  "rows may not be added, moved or renamed; " + remake);
      }
      continue;
    }
    const size_t i = static_cast<size_t>(rec - form.records.begin());
    seen[i] = true;
    if (form.version >= 2) {
      for (int c = 0; c < kFormShownColumns; ++c) {
        const std::string now = text(r, static_cast<FormColumn>(c));
        if (now != shown[i][c]) {
          changed(r.number, static_cast<FormColumn>(c), shown[i][c], now);
          rec->changed = true;
        }
      }
    } else if (row.action != rec->action) {
      changed(r.number, kFormId, rec->action, row.action);
      rec->changed = true;
    }
    form.rows.push_back(row);
  }
  for (size_t i = 0; i < form.records.size(); ++i) {
    if (seen[i]) continue;
    diags.add(file, Pos{form.records[i].row, 1}, "form-changed",
              fmt::format("sheet 'Updates': this form was changed after it was made (row {}): "
                          "the row of action {} was deleted",
                          form.records[i].row, form.records[i].action),
              "rows may not be added, moved or deleted; " + remake);
    form.records[i].changed = true;
  }
  return form;
}

}  // namespace iact
