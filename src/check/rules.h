// The table of every check iact makes: one row per rule, with its stable id, severity and
// a one-line summary. `iact rules` prints it and the README's rule list is generated from it.
#pragma once

#include <span>
#include <string_view>

namespace iact {

enum class Severity { kError, kWarning };

struct Rule {
  std::string_view id;
  Severity severity;
  std::string_view summary;
};

std::span<const Rule> all_rules();

// The rule with this id. Every id used in the code is in the table; an unknown id is a
// programming error and aborts (tests run every rule, so it cannot reach a user).
const Rule& rule(std::string_view id);

std::string_view severity_name(Severity s);

}  // namespace iact
