#include "plan/model.h"

namespace iact {

std::string_view name_of(Status s) {
  return kStatusNames[static_cast<size_t>(s)];
}

std::string Organisation::label() const {
  if (short_name) return short_name->value;
  if (code) return code->value;
  return "?";
}

namespace {

template <typename Has>
const Update* newest(const std::vector<Update>& updates, Has has) {
  const Update* found = nullptr;
  for (const Update& u : updates) {
    if (u.date && has(u) && (!found || u.date->value >= found->date->value)) found = &u;
  }
  return found;
}

}  // namespace

const Update* Action::newest_status_update() const {
  return newest(updates, [](const Update& u) { return u.status.has_value(); });
}

const Update* Action::newest_replan() const {
  return newest(updates, [](const Update& u) { return u.due.has_value(); });
}

std::optional<int> Risk::score() const {
  if (!likelihood || !impact) return std::nullopt;
  return likelihood->value * impact->value;
}

}  // namespace iact
