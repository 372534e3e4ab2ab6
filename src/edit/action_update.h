// One owner's answer about one action (a new status, a new due date, an update, evidence),
// written into the plan through PlanText: `iact apply` (from the returned forms) and `iact
// update` (from the command line) make the same edit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "edit/plan_text.h"
#include "plan/model.h"

namespace iact {

struct ActionAnswer {
  std::optional<Status> status;
  std::optional<Due> due;
  std::string note;
  std::vector<std::string> evidence;
  Date date;                      // of the update entry
  std::optional<Date> completed;  // the day the work was done (a completion needs no status)
};

// The years an answer's dates may fall in: outside them a date is a slip, not a plan.
inline constexpr int kFirstAnswerYear = 2000;
inline constexpr int kLastAnswerYear = 2100;

// Why an answer that reads well cannot be taken: a due or completion date outside
// kFirstAnswerYear..kLastAnswerYear, a new due date before the day it is
// recorded (a re-plan into the past), a completion after that day, or a completion given
// with a status other than complete.
struct AnswerProblem {
  enum class Field { kStatus, kCompleted, kDue } field;
  std::string message;
  std::string hint;
};
std::vector<AnswerProblem> answer_problems(const ActionAnswer& answer);

// A digest of what an action says now (title, status, dates, owner, leads, updates), so a
// form made from it can tell when the plan has changed since.
std::string action_fingerprint(const Action& action);

// Whether the plan already holds this answer (its update text, status and due date), as it
// does after the same form has been applied once.
bool already_applied(const Action& action, const ActionAnswer& answer);

// Writes `answer` into `text` for `action`: the status; a moved due date (the first agreed
// one kept as `baseline_due`, once; a date where there was none, tbc or ongoing, is simply
// agreed); `completed` when it becomes complete (answer.completed, else answer.date; a
// completion date alone makes it complete); the evidence; and an update entry dated
// answer.date holding the status, the new due date if it re-plans, and the note.
// `changes` gets a line per change. Returns false and sets `error` if the file cannot take
// the edit where it stands.
bool apply_answer(PlanText& text, const Action& action, const ActionAnswer& answer,
                  std::vector<std::string>& changes, std::string& error);

}  // namespace iact
