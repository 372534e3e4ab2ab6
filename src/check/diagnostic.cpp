#include "check/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace iact {

void Diagnostics::add(std::string file, Pos pos, std::string_view rule_id, std::string message,
                      std::string hint) {
  const Rule& r = rule(rule_id);
  items_.push_back(Diagnostic{std::move(file), pos, r.severity, std::string(r.id),
                              std::move(message), std::move(hint)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

int Diagnostics::error_count() const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kError;
  }));
}

int Diagnostics::warning_count() const {
  return static_cast<int>(items_.size()) - error_count();
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.pos) < std::tie(b.file, b.pos);
  });
}

}  // namespace iact
