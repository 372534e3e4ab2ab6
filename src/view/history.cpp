#include "view/history.h"

namespace iact {

namespace {

bool in_window(Date d, std::optional<Date> since, Date until) {
  return d <= until && (!since || d > *since);
}

using Kind = Action::UpdateKind;

std::optional<Due> due_at(const Action& action, Date day) {
  std::optional<Due> due;
  if (action.due) due = action.due->value;
  if (!action.newest_replan()) return due;
  if (const Update* u = action.newest_update(Kind::kReplan, day)) return u->due->value;
  // Before the first re-plan: the first agreed date, when the plan records it; otherwise
  // it is not known (the check replan-no-baseline asks for it).
  if (action.baseline_due) return action.baseline_due->value;
  return std::nullopt;
}

Status status_at(const Action& action, Date day) {
  const bool has_completed = action.completed.has_value();
  if (has_completed && action.completed->value <= day) return Status::kComplete;
  // Complete, but not yet by this day.
  auto not_yet_done = [&](Status s) {
    return s == Status::kComplete && has_completed ? Status::kOnTrack : s;
  };
  const Status declared = action.status ? action.status->value : Status::kNotStarted;
  // The declared status is the status now: it holds from the newest update on (and
  // throughout, for an action with no log).
  const Update* newest = action.newest_status_update();
  if (!newest || newest->date->value <= day) return not_yet_done(declared);
  if (const Update* u = action.newest_update(Kind::kStatus, day))
    return not_yet_done(u->status->value);
  // Before the log begins: the first status it records.
  const Update* first = nullptr;
  for (const Update& u : action.updates) {
    if (u.date && u.status && (!first || u.date->value < first->date->value)) first = &u;
  }
  return not_yet_done(first->status->value);
}

}  // namespace

ActionState state_at(const Action& action, Date day) {
  ActionState s;
  s.exists = !action.added || action.added->value <= day;
  s.status = status_at(action, day);
  s.due = due_at(action, day);
  s.baseline = action.baseline_due ? &action.baseline_due->value : nullptr;
  return s;
}

RagResult evaluate_at(const Action& action, Date day, const RagPolicy& policy) {
  const ActionState s = state_at(action, day);
  return evaluate(s.status, s.due ? &*s.due : nullptr, s.baseline, day, policy);
}

bool overdue_at(const ActionState& state, Date day, const RagPolicy& policy) {
  return state.exists && !state.complete() && state.due && state.due->is_date() &&
         state.due->date.plus_days(policy.overdue_grace_days) < day;
}

ActionChange changes_between(const Action& action, std::optional<Date> since, Date until,
                             const RagPolicy& policy) {
  ActionChange c;
  const ActionState after = state_at(action, until);
  std::optional<ActionState> before;
  if (since) {
    before = state_at(action, *since);
    if (!before->exists) before.reset();
  }
  c.is_new = action.added && in_window(action.added->value, since, until);
  c.completed = after.complete() && (!before || !before->complete());
  c.became_overdue =
      overdue_at(after, until, policy) && (!before || !overdue_at(*before, *since, policy));
  if (before) {
    c.before = evaluate(before->status, before->due ? &*before->due : nullptr, before->baseline,
                        *since, policy)
                   .brag;
    c.due_before = before->due;
  }
  if (!since) {
    c.slipped = after.later_than_baseline();
  } else if (action.newest_replan()) {
    const std::optional<Due> was = before ? before->due : std::nullopt;
    const std::optional<Due>& now = after.due;
    c.slipped = was && now && was->is_date() &&
                ((now->is_date() && now->date > was->date) || now->kind == Due::Kind::kTbc);
  } else {
    c.slipped = after.later_than_baseline() && in_window(after.baseline->date, since, until);
  }
  return c;
}

bool closed_between(const Risk& risk, std::optional<Date> since, Date until) {
  return risk.closed && in_window(risk.closed->value, since, until);
}

}  // namespace iact
