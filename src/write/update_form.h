// The owners' monthly update form (`iact collect`): an XLSX workbook per lead listing their
// open actions, with locked columns saying where each stands and open columns for the
// answer (a drop-down of statuses, a date-only column). A hidden sheet records what the form
// was made from, so that `iact apply` can tell a form from an older plan or a tampered one.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plan/date.h"

namespace iact {

// The layout, shared with the reader (read/update_form.h). Version 2 added the Completed on
// column and the hidden record's seal and grey texts; the reader still reads version 1.
inline constexpr const char* kFormSheet = "Updates";
inline constexpr const char* kFormReadMe = "Read me";
inline constexpr const char* kFormDataSheet = "iact";
inline constexpr int kFormVersion = 2;
enum FormColumn {
  kFormId,
  kFormTitle,
  kFormDue,
  kFormCurrent,
  kFormLastUpdate,
  kFormNewStatus,
  kFormCompleted,
  kFormNewDue,
  kFormUpdate,
  kFormEvidence,
  kFormColumns
};
inline constexpr int kFormShownColumns = kFormNewStatus;  // the grey ones, before the answers
inline constexpr std::array<std::string_view, kFormColumns> kFormHeaders = {
    "Action ID",  "Action",       "Due",          "Current status", "Last update",
    "New status", "Completed on", "New due date", "Update",         "Evidence"};
// The drop-down's words, in the order of the plan's statuses (kStatusNames).
inline constexpr std::array<std::string_view, 6> kFormStatusWords = {
    "Not started", "On track", "At risk", "Off track", "Blocked", "Complete"};

// The hidden record's seal of one row: a digest of what the row recorded (its form row, the
// action, organisation, plan and fingerprint) and the grey texts it showed, so that a record
// or a grey cell changed in the form is told apart from an action changed in the plan.
std::string form_row_seal(int row, const std::string& action, const std::string& org_code,
                          const std::string& plan_file, const std::string& fingerprint,
                          const std::array<std::string, kFormShownColumns>& shown);

// One open action as the form shows it, and what the hidden sheet records of it.
struct FormAction {
  std::string id;
  std::string title;
  std::string due;             // "30 Sep 2025", "Q2 2025/26", "TBC"
  std::string current_status;  // "On track", "On track (shown Red: overdue)"
  std::string last_update;     // "31 Mar 2025: note"
  bool overdue = false;
  std::string org_code;     // the plan's organisation, to find the action again
  std::string plan_file;    // the plan, relative to the folder collected from
  std::string fingerprint;  // action_fingerprint() when the form was made
};

struct UpdateForm {
  std::string lead;    // who the form is for: a role or an organisation
  std::string system;  // the plans it came from, for the title
  Date as_of;
  Date return_by;
  std::string contact;  // who to send it back to (the plan's author role)
  std::vector<FormAction> actions;
};

// Writes the form atomically. Returns the reason on failure (nothing is left behind).
std::optional<std::string> write_update_form(const UpdateForm& form,
                                             const std::filesystem::path& file,
                                             long long created_epoch);

// The covering email for the form, in plain text (iact sends nothing).
std::string update_form_email(const UpdateForm& form, const std::string& file_name);

}  // namespace iact
