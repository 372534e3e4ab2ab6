#include "plan/model.h"

#include "util/text.h"

namespace iact {

std::string_view name_of(Status s) {
  return kStatusNames[static_cast<size_t>(s)];
}

std::string Organisation::label() const {
  if (short_name) return short_name->value;
  if (code) return code->value;
  return "?";
}

std::string value_or_empty(const std::optional<Located<std::string>>& text) {
  return text ? text->value : "";
}

const Pos* NotStated::find(std::string_view key) const {
  for (const Located<std::string>& k : keys) {
    if (k.value == key) return &k.pos;
  }
  return nullptr;
}

std::string join_values(const std::vector<Located<std::string>>& items,
                        std::string_view separator) {
  std::vector<std::string> values;
  for (const auto& i : items) values.push_back(i.value);
  return join(values, separator);
}

const Update* Action::newest_update(UpdateKind kind, std::optional<Date> by) const {
  const Update* found = nullptr;
  for (const Update& u : updates) {
    if (!u.date || (by && u.date->value > *by)) continue;
    if (kind == UpdateKind::kStatus && !u.status) continue;
    if (kind == UpdateKind::kReplan && !u.due) continue;
    if (!found || u.date->value >= found->date->value) found = &u;
  }
  return found;
}

std::optional<Date> Plan::created_on() const {
  if (created) return created->value;
  if (review && review->date) return review->date->value;
  std::optional<Date> first;
  for (const BoardMeeting& m : board) {
    if (m.status && m.status->value != "held") continue;  // planned, postponed, cancelled
    if (m.date && (!first || m.date->value < *first)) first = m.date->value;
  }
  return first;
}

bool Plan::due_before_made(const Action& action, const Due& due) const {
  const std::optional<Date> made = created_on();
  if (!made || !due.is_date() || due.date >= *made) return false;
  return !(action.added && action.added->value > due.date);
}

std::optional<int> Risk::score() const {
  if (!likelihood || !impact) return std::nullopt;
  return likelihood->value * impact->value;
}

}  // namespace iact
