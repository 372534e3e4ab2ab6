// Period history: an action as it stood at the end of any day, rebuilt from its `updates`
// log and its `completed` and `added` dates, and what changed between two days. The view
// uses it for the as-of date and for the end of the previous period, so that "completed
// this period", "became overdue", "slipped" and "new" all follow one set of rules.
#pragma once

#include <optional>

#include "plan/model.h"
#include "rag/rag.h"

namespace iact {

// An action at the end of one day.
struct ActionState {
  bool exists = true;  // false before its `added` date
  Status status = Status::kNotStarted;
  std::optional<Due> due;  // as re-planned by then
  const Due* baseline = nullptr;

  bool complete() const { return status == Status::kComplete; }
  // Re-planned: due later than first agreed (both dates).
  bool later_than_baseline() const {
    return due && baseline && due->is_date() && baseline->is_date() && due->date > baseline->date;
  }
};

// The state of `action` at the end of `day`:
// - status: complete once `completed` has passed; otherwise the declared `status` from the
//   newest update's date on (always, with no log); before that, the status of the newest
//   update dated on or before the day, and before the log begins, the first status it
//   records. A complete status whose `completed` date is later reads as on-track.
// - due: the action's `due`; when updates re-plan it (`due:` in an update), `baseline_due`
//   until the first re-plan (unknown if there is none), then each re-plan from its date on.
ActionState state_at(const Action& action, Date day);

// The BRAG of the action as it stood at the end of `day`.
RagResult evaluate_at(const Action& action, Date day, const RagPolicy& policy);

// Open and past its due date (plus the policy's grace) at the end of `day`.
bool overdue_at(const ActionState& state, Date day, const RagPolicy& policy);

// What happened to an action after `since` (exclusive) up to `until` (inclusive). With no
// `since` (the first period), everything up to `until` counts.
struct ActionChange {
  bool is_new = false;          // `added` in the window
  bool completed = false;       // complete at `until`, not at `since`
  bool became_overdue = false;  // overdue at `until`, not at `since`
  bool slipped = false;         // due later at `until` than at `since` (see changes_between)
  std::optional<Brag> before;   // its BRAG at `since`, if it existed then
  std::optional<Due> due_before;
};

// Slipped: the due date at `until` is later than at `since` (or became tbc); for a plan that
// records no dated re-plans, an action whose baseline_due fell in the window and whose due
// is later than it. With no `since`: due later than baseline_due.
ActionChange changes_between(const Action& action, std::optional<Date> since, Date until,
                             const RagPolicy& policy);

// A risk closed in the window.
bool closed_between(const Risk& risk, std::optional<Date> since, Date until);

}  // namespace iact
