#include "edit/action_update.h"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

#include "util/escape.h"
#include "util/text.h"

namespace iact {

namespace {

std::string due_text(const std::optional<Located<Due>>& due) {
  return due ? plan_form(due->value) : "";
}

// FNV-1a, 64 bits: stable across runs and machines, which std::hash is not.
std::string fnv1a(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return fmt::format("{:016x}", h);
}

// An update entry's YAML without its dash: note as a block when it has several lines.
std::string update_item(const ActionAnswer& a, Status status, const std::optional<Due>& moved) {
  std::string item = fmt::format("date: {}\nstatus: {}", a.date.iso(), name_of(status));
  if (moved) item += fmt::format("\ndue: {}", yaml_scalar(plan_form(*moved)));
  if (!a.note.empty()) {
    std::string note = yaml_field(0, "note", a.note);
    note.pop_back();  // the item's lines are joined with line breaks, the last has none
    item += "\n" + note;
  }
  return item;
}

// The status an answer gives: its own, else complete when it gives a completion date.
std::optional<Status> answered_status(const ActionAnswer& answer) {
  if (!answer.status && answer.completed) return Status::kComplete;
  return answer.status;
}

}  // namespace

std::string action_fingerprint(const Action& a) {
  std::string canonical;
  auto add = [&](std::string_view part) {
    canonical += part;
    canonical += '\x1f';
  };
  add(value_or_empty(a.id));
  add(value_or_empty(a.title));
  add(a.status ? name_of(a.status->value) : "");
  add(due_text(a.due));
  add(due_text(a.baseline_due));
  add(a.completed ? a.completed->value.iso() : "");
  add(a.owner);
  add(join_values(a.lead, ","));
  for (const Update& u : a.updates) {
    add(u.date ? u.date->value.iso() : "");
    add(u.status ? name_of(u.status->value) : "");
    add(due_text(u.due));
    add(u.note);
  }
  return fnv1a(canonical);
}

std::vector<AnswerProblem> answer_problems(const ActionAnswer& answer) {
  std::vector<AnswerProblem> out;
  using Field = AnswerProblem::Field;
  // A year no plan of this programme can mean: a typing slip (1900, an empty Excel date cell
  // formatted as a date, or 2205 for 2025) rather than an agreed date.
  auto plausible = [](const Date& d) {
    return d.year >= kFirstAnswerYear && d.year <= kLastAnswerYear;
  };
  if (answer.due && answer.due->is_date() && !plausible(answer.due->date)) {
    out.push_back({Field::kDue,
                   fmt::format("{} is not a due date this plan can mean: the year must be from "
                               "{} to {}",
                               display(answer.due->date), kFirstAnswerYear, kLastAnswerYear),
                   "check the year; give the day the work is now due, for example 31/03/2027"});
    return out;
  }
  if (answer.completed && !plausible(*answer.completed)) {
    out.push_back({Field::kCompleted,
                   fmt::format("{} is not a completion date this plan can mean: the year must "
                               "be from {} to {}",
                               display(*answer.completed), kFirstAnswerYear, kLastAnswerYear),
                   "check the year; give the day the work was done"});
    return out;
  }
  if (answer.due && answer.due->is_date() && answer.due->date < answer.date) {
    out.push_back({Field::kDue,
                   fmt::format("{} is before {}, the day this is recorded: a re-plan into the past",
                               display(answer.due->date), display(answer.date)),
                   "give the day the work is now due, from that day on; if it is done, say "
                   "Complete and the day it was done"});
  }
  if (answer.completed && answer.date < *answer.completed) {
    out.push_back({Field::kCompleted,
                   fmt::format("{} is after {}, the day this is recorded: a completion records "
                               "what has happened",
                               display(*answer.completed), display(answer.date)),
                   "give the day the work was done"});
  }
  if (answer.completed && answer.status && *answer.status != Status::kComplete) {
    out.push_back(
        {Field::kCompleted,
         fmt::format("a completion date, but the new status is {}", name_of(*answer.status)),
         "say Complete, or leave the completion date blank"});
  }
  return out;
}

bool already_applied(const Action& a, const ActionAnswer& answer) {
  const std::optional<Status> status = answered_status(answer);
  if (status && (!a.status || a.status->value != *status)) return false;
  if (answer.completed && (!a.completed || a.completed->value != *answer.completed)) return false;
  if (answer.due && (!a.due || !(a.due->value == *answer.due))) return false;
  if (answer.note.empty()) return true;
  return std::any_of(a.updates.begin(), a.updates.end(),
                     [&](const Update& u) { return trim(u.note) == trim(answer.note); });
}

bool apply_answer(PlanText& text, const Action& a, const ActionAnswer& answer,
                  std::vector<std::string>& changes, std::string& error) {
  const std::string id = value_or_empty(a.id);
  // Updates are kept in date order, and the newest one carries the status: an answer dated
  // before the newest entry would be written after it and read as older than it is.
  if (const Update* newest = a.newest_update(Action::UpdateKind::kAny);
      newest && answer.date < newest->date->value) {
    const Date& d = newest->date->value;
    error = fmt::format(
        "{}'s newest update is dated {} (line {}), after this one ({}); date it {} or "
        "later",
        id, d.iso(), newest->date->pos.line, answer.date.iso(), d.iso());
    return false;
  }
  const Status was = a.status ? a.status->value : Status::kNotStarted;
  const Status now = answered_status(answer).value_or(was);
  if (now != was) {
    if (!text.set_action_field(id, "status", std::string(name_of(now)), {"due", "baseline_due"},
                               error))
      return false;
    changes.push_back(fmt::format("{} status: {} -> {}", id, name_of(was), name_of(now)));
  }
  std::optional<Due> moved;  // a re-plan: a date agreed before, now another
  if (answer.due && (!a.due || !(a.due->value == *answer.due))) {
    // Setting a date where there was none (tbc, ongoing) agrees one; moving a date re-plans.
    if (a.due && a.due->value.is_date()) moved = answer.due;
    // The first agreed date is kept the first time it moves, so the paper shows the slip.
    if (!a.baseline_due && a.due && a.due->value.is_date()) {
      if (!text.set_action_field(id, "baseline_due", yaml_scalar(plan_form(a.due->value)), {"due"},
                                 error))
        return false;
    }
    if (!text.set_action_field(id, "due", yaml_scalar(plan_form(*answer.due)), {"timeframe"},
                               error))
      return false;
    changes.push_back(fmt::format("{} due: {} -> {}{}", id, due_text(a.due), plan_form(*answer.due),
                                  moved && !a.baseline_due
                                      ? " (the first date kept as baseline_due)"
                                  : moved ? ""
                                          : " (a date agreed where there was none)"));
  }
  // The day the work was done, when the answer says it; else the day it is recorded.
  const Date done = answer.completed.value_or(answer.date);
  if (now == Status::kComplete &&
      (!a.completed || (answer.completed && a.completed->value != done))) {
    if (!text.set_action_field(id, "completed", done.iso(), {"status"}, error)) return false;
    changes.push_back(fmt::format("{} completed: {}", id, done.iso()));
  }
  for (const std::string& e : answer.evidence) {
    // Evidence written on one line ([a, b], or a single item) takes an item in brackets.
    const bool one_line =
        !a.evidence.empty() &&
        std::all_of(a.evidence.begin(), a.evidence.end(), [&](const Located<std::string>& old) {
          return old.pos.line == a.evidence.front().pos.line;
        });
    if (!text.append_to_action_list(id, "evidence", one_line ? yaml_flow_scalar(e) : yaml_scalar(e),
                                    {"completed", "status"}, error))
      return false;
    changes.push_back(fmt::format("{} evidence: {}", id, e));
  }
  if (!answer.note.empty() || now != was || answer.due) {
    if (!text.append_to_action_list(id, "updates", update_item(answer, now, moved), {}, error))
      return false;
    changes.push_back(
        fmt::format("{} update {}: {}", id, answer.date.iso(),
                    answer.note.empty() ? std::string("(no note)") : shortened(answer.note, 70)));
  }
  return true;
}

}  // namespace iact
