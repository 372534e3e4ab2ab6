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

std::optional<int> Risk::score() const {
  if (!likelihood || !impact) return std::nullopt;
  return likelihood->value * impact->value;
}

}  // namespace iact
