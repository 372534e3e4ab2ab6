#include "read/update_form.h"

#include <fmt/format.h>

#include "util/text.h"
#include "write/update_form.h"

namespace iact {

namespace {

const Sheet* sheet_named(const Workbook& book, std::string_view name) {
  for (const Sheet& s : book.sheets) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

}  // namespace

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
  if (value(1, 0) != "iact-form" || value(1, 1) != std::to_string(kFormVersion)) {
    diags.add(file, Pos{1, 1}, "form-invalid",
              fmt::format("the hidden 'iact' sheet is not a version {} form record", kFormVersion),
              remake);
    return std::nullopt;
  }
  const std::optional<Date> as_of = parse_iso_day(value(2, 1));
  if (!as_of) {
    diags.add(file, Pos{2, 2}, "form-invalid", "the hidden 'iact' sheet's as-of date is damaged",
              remake);
    return std::nullopt;
  }
  form.as_of = *as_of;
  form.lead = value(3, 1);
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
    form.records.push_back(std::move(rec));
  }
  // The Updates sheet's headings must be where they were written.
  const Row* header = sheet->rows.empty() ? nullptr : &sheet->rows.front();
  for (size_t c = 0; c < kFormHeaders.size(); ++c) {
    const std::string got = header && header->number == 1 ? text_at(*header, c) : std::string();
    if (got != kFormHeaders[c]) {
      diags.add(file, Pos{1, static_cast<int>(c) + 1}, "form-invalid",
                fmt::format("sheet 'Updates', column {}: the heading should be '{}', not '{}'; "
                            "the form's columns have been changed",
                            column_name(c), kFormHeaders[c], got),
                "fill in the form as it was sent, or " + remake);
      return std::nullopt;
    }
  }
  for (const Row& r : sheet->rows) {
    if (r.number < 2) continue;
    FormAnswer a;
    a.row = r.number;
    a.action = text_at(r, kFormId);
    const Cell* status = r.at(kFormNewStatus);
    const Cell* due = r.at(kFormNewDue);
    a.status = status && !status->empty() ? status : nullptr;
    a.due = due && !due->empty() ? due : nullptr;
    a.update = text_at(r, kFormUpdate);
    a.evidence = text_at(r, kFormEvidence);
    if (a.status || a.due || !a.update.empty() || !a.evidence.empty()) form.answers.push_back(a);
  }
  return form;
}

}  // namespace iact
