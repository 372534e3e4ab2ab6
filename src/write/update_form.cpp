#include "write/update_form.h"

#include <xlsxwriter.h>

#include <fmt/format.h>

#include "util/text.h"
#include "write/xlsx_cells.h"

namespace iact {

namespace fs = std::filesystem;

namespace {

constexpr std::array<int, kFormColumns> kWidths = {12, 48, 14, 20, 40, 16, 14, 16, 48, 32};
constexpr lxw_color_t kLockedFill = 0xE8EDEE;  // NHS pale grey: cells to read
constexpr lxw_color_t kOpenFill = 0xFFF9C4;    // pale yellow: cells to fill in

struct Formats {
  lxw_format* title;
  lxw_format* header;
  lxw_format* locked;
  lxw_format* locked_red;
  lxw_format* open;
  lxw_format* open_date;
  lxw_format* text;
  lxw_format* bold;
};

Formats make_formats(lxw_workbook* wb) {
  Formats f{};
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  format_set_font_color(f.title, kNhsBlue);
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_font_color(f.header, LXW_COLOR_WHITE);
  format_set_bg_color(f.header, kNhsBlue);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
  f.locked = workbook_add_format(wb);
  format_set_bg_color(f.locked, kLockedFill);
  format_set_text_wrap(f.locked);
  format_set_align(f.locked, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(f.locked, LXW_BORDER_THIN);
  format_set_border_color(f.locked, 0xBBBBBB);
  f.locked_red = workbook_add_format(wb);
  format_set_bg_color(f.locked_red, kLockedFill);
  format_set_font_color(f.locked_red, 0xC00000);
  format_set_bold(f.locked_red);
  format_set_text_wrap(f.locked_red);
  format_set_align(f.locked_red, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(f.locked_red, LXW_BORDER_THIN);
  format_set_border_color(f.locked_red, 0xBBBBBB);
  f.open = workbook_add_format(wb);
  format_set_unlocked(f.open);
  format_set_bg_color(f.open, kOpenFill);
  format_set_text_wrap(f.open);
  format_set_align(f.open, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(f.open, LXW_BORDER_THIN);
  format_set_border_color(f.open, 0xBBBBBB);
  f.open_date = workbook_add_format(wb);
  format_set_unlocked(f.open_date);
  format_set_bg_color(f.open_date, kOpenFill);
  format_set_num_format(f.open_date, "dd/mm/yyyy");
  format_set_align(f.open_date, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(f.open_date, LXW_BORDER_THIN);
  format_set_border_color(f.open_date, 0xBBBBBB);
  f.text = workbook_add_format(wb);
  format_set_text_wrap(f.text);
  format_set_align(f.text, LXW_ALIGN_VERTICAL_TOP);
  f.bold = workbook_add_format(wb);
  format_set_bold(f.bold);
  return f;
}

// The grey cells of an action's row, as written (and as the hidden record keeps them).
std::array<std::string, kFormShownColumns> shown_texts(const FormAction& a) {
  return {fit_cell(a.id), fit_cell(a.title), fit_cell(a.due), fit_cell(a.current_status),
          fit_cell(a.last_update)};
}

void read_me(lxw_worksheet* ws, const UpdateForm& form, const Formats& f) {
  worksheet_set_column(ws, 0, 0, 100, f.text);
  int r = 0;
  auto line = [&](const std::string& text, lxw_format* fmt = nullptr) {
    worksheet_write_string(ws, r, 0, fit_cell(text).c_str(), fmt);
    const int lines = wrapped_lines(text, 100);
    if (lines > 1) worksheet_set_row(ws, r, row_height(lines), nullptr);
    ++r;
  };
  size_t overdue = 0;
  for (const FormAction& a : form.actions) overdue += a.overdue ? 1 : 0;
  line(fmt::format("Action plan updates for {}", form.lead), f.title);
  line(
      fmt::format("Intensive and assertive community mental health care, {}: {} open "
                  "action{}{}, as they stood on {}.",
                  form.system, form.actions.size(), form.actions.size() == 1 ? "" : "s",
                  overdue ? fmt::format(" ({} past their due date)", overdue) : std::string(),
                  display_long(form.as_of)));
  ++r;
  line("What to do", f.bold);
  line(
      "1. Open the Updates sheet. Each row is one action you lead; the grey columns say where "
      "it stands in the plan.");
  line(
      "2. In the yellow columns, for each action that has moved on: choose its New status from "
      "the list (if it is Complete, give the day it was done under Completed on); give a New "
      "due date only if the date has changed (a date from today on, such as 31/03/2026); "
      "write a short Update on what has happened; and name any Evidence (a report, minutes, "
      "an audit).");
  line(
      "3. Leave a row blank if nothing has changed. Please do not change the grey columns, "
      "add rows or rename the sheets: the form is read back automatically.");
  line(fmt::format("4. Save the file and return it to {} by {}.",
                   form.contact.empty() ? std::string("the programme office") : form.contact,
                   display_long(form.return_by)));
  ++r;
  line("Statuses", f.bold);
  line(
      "Complete: done, with evidence. On track: going to plan. At risk: may miss its date. "
      "Off track: will miss its date, or has. Blocked: cannot move until something else "
      "does. Not started: not begun yet.");
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_protect(ws, nullptr, nullptr);
}

lxw_error updates(lxw_worksheet* ws, const UpdateForm& form, const Formats& f) {
  for (int c = 0; c < kFormColumns; ++c) {
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), kWidths[c],
                         nullptr);
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), std::string(kFormHeaders[c]).c_str(),
                           f.header);
  }
  worksheet_set_row(ws, 0, row_height(2), nullptr);
  lxw_row_t r = 1;
  for (const FormAction& a : form.actions) {
    const std::array<std::string, kFormShownColumns> shown = shown_texts(a);
    int lines = 1;
    for (int c = 0; c < kFormShownColumns; ++c) {
      lxw_format* fmt = (c == kFormDue || c == kFormCurrent) && a.overdue ? f.locked_red : f.locked;
      worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), shown[c].c_str(), fmt);
      lines = std::max(lines, wrapped_lines(shown[c], kWidths[c]));
    }
    for (int c = kFormNewStatus; c < kFormColumns; ++c) {
      worksheet_write_blank(ws, r, static_cast<lxw_col_t>(c),
                            c == kFormNewDue || c == kFormCompleted ? f.open_date : f.open);
    }
    worksheet_set_row(ws, r, row_height(std::max(lines, 2)), nullptr);
    ++r;
  }
  const lxw_row_t last = r > 1 ? r - 1 : 1;
  // A drop-down of the statuses, and a date-only column.
  std::vector<std::string> words(kFormStatusWords.begin(), kFormStatusWords.end());
  std::vector<char*> list;
  for (std::string& w : words) list.push_back(w.data());
  list.push_back(nullptr);
  lxw_data_validation status{};
  status.validate = LXW_VALIDATION_TYPE_LIST;
  status.value_list = list.data();
  std::string status_title = "New status";
  std::string status_message = "Choose the action's status now, from the list.";
  status.error_title = status_title.data();
  status.error_message = status_message.data();
  if (lxw_error e =
          worksheet_data_validation_range(ws, 1, kFormNewStatus, last, kFormNewStatus, &status);
      e != LXW_NO_ERROR)
    return e;
  lxw_data_validation date{};
  date.validate = LXW_VALIDATION_TYPE_DATE;
  date.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
  date.minimum_datetime = lxw_datetime{2000, 1, 1, 0, 0, 0};
  std::string date_title = "New due date";
  std::string date_message = "Give the new due date as a date, for example 31/03/2026.";
  date.error_title = date_title.data();
  date.error_message = date_message.data();
  date.input_title = date_title.data();
  std::string date_input = "Only if the date has changed.";
  date.input_message = date_input.data();
  if (lxw_error e = worksheet_data_validation_range(ws, 1, kFormNewDue, last, kFormNewDue, &date);
      e != LXW_NO_ERROR)
    return e;
  std::string done_title = "Completed on";
  std::string done_message = "Give the day the work was done as a date, for example 14/08/2025.";
  std::string done_input = "Only if it is now complete: the day it was done.";
  date.error_title = done_title.data();
  date.error_message = done_message.data();
  date.input_title = done_title.data();
  date.input_message = done_input.data();
  if (lxw_error e =
          worksheet_data_validation_range(ws, 1, kFormCompleted, last, kFormCompleted, &date);
      e != LXW_NO_ERROR)
    return e;
  worksheet_freeze_panes(ws, 1, 2);
  // Printed, it is one page wide, landscape, with the headings on every page.
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, 0, 0);
  // Locked cells stay as they are; the yellow ones are open. No password: the lock guards
  // against slips, not people.
  lxw_protection protection{};
  protection.format_columns = 1;
  protection.format_rows = 1;
  worksheet_protect(ws, nullptr, &protection);
  worksheet_activate(ws);
  return LXW_NO_ERROR;
}

void hidden_record(lxw_worksheet* ws, const UpdateForm& form) {
  worksheet_write_string(ws, 0, 0, "iact-form", nullptr);
  worksheet_write_number(ws, 0, 1, kFormVersion, nullptr);
  worksheet_write_string(ws, 1, 0, "as_of", nullptr);
  worksheet_write_string(ws, 1, 1, form.as_of.iso().c_str(), nullptr);
  worksheet_write_string(ws, 2, 0, "lead", nullptr);
  worksheet_write_string(ws, 2, 1, fit_cell(form.lead).c_str(), nullptr);
  const std::array<const char*, 11> header = {
      "row",       "action",       "organisation", "plan",          "fingerprint",       "seal",
      "shown: id", "shown: title", "shown: due",   "shown: status", "shown: last update"};
  for (lxw_col_t c = 0; c < header.size(); ++c)
    worksheet_write_string(ws, 4, c, header[c], nullptr);
  lxw_row_t r = 5;
  for (size_t i = 0; i < form.actions.size(); ++i, ++r) {
    const FormAction& a = form.actions[i];
    const int row = static_cast<int>(i) + 2;  // its form row
    const std::array<std::string, kFormShownColumns> shown = shown_texts(a);
    worksheet_write_number(ws, r, 0, row, nullptr);
    worksheet_write_string(ws, r, 1, a.id.c_str(), nullptr);
    worksheet_write_string(ws, r, 2, a.org_code.c_str(), nullptr);
    worksheet_write_string(ws, r, 3, a.plan_file.c_str(), nullptr);
    worksheet_write_string(ws, r, 4, a.fingerprint.c_str(), nullptr);
    const std::string seal =
        form_row_seal(row, a.id, a.org_code, a.plan_file, a.fingerprint, shown);
    worksheet_write_string(ws, r, 5, seal.c_str(), nullptr);
    for (int c = 0; c < kFormShownColumns; ++c)
      worksheet_write_string(ws, r, static_cast<lxw_col_t>(6 + c), shown[c].c_str(), nullptr);
  }
  worksheet_hide(ws);
  worksheet_protect(ws, nullptr, nullptr);
}

}  // namespace

std::string form_row_seal(int row, const std::string& action, const std::string& org_code,
                          const std::string& plan_file, const std::string& fingerprint,
                          const std::array<std::string, kFormShownColumns>& shown) {
  std::string all =
      fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", row, action, org_code, plan_file, fingerprint);
  for (const std::string& s : shown) all += "\x1f" + s;
  return stable_hash(all);
}

std::optional<std::string> write_update_form(const UpdateForm& form, const fs::path& file,
                                             long long created_epoch) {
  const WorkbookFile target{file, fmt::format("Action plan updates for {}", form.lead), "",
                            created_epoch, /*remove_stale=*/false};
  return write_workbook(target, [&](lxw_workbook* wb) {
    const Formats f = make_formats(wb);
    lxw_worksheet* readme = workbook_add_worksheet(wb, kFormReadMe);
    lxw_worksheet* sheet = workbook_add_worksheet(wb, kFormSheet);
    lxw_worksheet* data = workbook_add_worksheet(wb, kFormDataSheet);
    read_me(readme, form, f);
    const lxw_error error = updates(sheet, form, f);
    hidden_record(data, form);
    return error;
  });
}

std::string update_form_email(const UpdateForm& form, const std::string& file_name) {
  size_t overdue = 0;
  for (const FormAction& a : form.actions) overdue += a.overdue ? 1 : 0;
  std::string list;
  for (const FormAction& a : form.actions) {
    list += fmt::format("  - {}: {} (due {}){}\n", a.id, a.title, a.due.empty() ? "-" : a.due,
                        a.overdue ? " - past its due date" : "");
  }
  return fmt::format(
      "Subject: Action plan updates for {lead}: {n} action{s} by {by}\n"
      "\n"
      "Hello,\n"
      "\n"
      "Please update the attached form, {file}, for the {n} open action{s} of the intensive "
      "and assertive\ncommunity mental health care action plan ({system}) that you lead{late}:\n"
      "\n"
      "{list}"
      "\n"
      "For each action that has moved on, fill in the yellow columns of the Updates sheet: the "
      "new status\n(and, if it is complete, the day it was done), a new due date if the date "
      "has changed, a short\nupdate, and any evidence. Leave a row blank if nothing has changed, "
      "and please do not\nchange the grey columns.\n"
      "\n"
      "Please return the form to {contact} by {by}.\n"
      "\n"
      "Thank you.\n",
      fmt::arg("lead", form.lead), fmt::arg("n", form.actions.size()),
      fmt::arg("s", form.actions.size() == 1 ? "" : "s"),
      fmt::arg("by", display_long(form.return_by)), fmt::arg("file", file_name),
      fmt::arg("system", form.system),
      fmt::arg("late", overdue ? fmt::format(" ({} past the due date)", overdue) : std::string()),
      fmt::arg("list", list),
      fmt::arg("contact",
               form.contact.empty() ? std::string("the programme office") : form.contact));
}

}  // namespace iact
