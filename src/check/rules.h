// The table of every check iact makes: one row per rule, with its stable id, severity, a
// one-line summary, and its documentation: why it matters, how to fix it, an example. `iact
// rules` prints it, the README's rule list and docs/rules.md are generated from it, and the
// SARIF output gives each rule's documentation to code scanning.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace iact {

enum class Severity { kError, kWarning };

struct Rule {
  std::string_view id;
  Severity severity;
  std::string_view summary;  // what it finds, in a line
  std::string_view why;      // why it matters, in a sentence or two
  std::string_view fix;      // how to fix it
  std::string_view
      example;  // lines that break it (YAML, or a tracker's cells), the fix in comments
};

std::span<const Rule> all_rules();

// The rule with this id. Every id used in the code is in the table; an unknown id is a
// programming error and aborts (tests run every rule, so it cannot reach a user).
const Rule& rule(std::string_view id);

std::string_view severity_name(Severity s);

// Where each rule's documentation is: docs/rules.md of iact's repository, an anchor per rule
// (rule_help_uri).
inline constexpr std::string_view kRulesDocUri = "https://iact.invalid/docs/rules.md";

// "https://iact.invalid/docs/rules.md#unknown-item".
std::string rule_help_uri(const Rule& r);

// A rule's documentation: what it finds, why it matters, how to fix it, and its example; as
// plain text, and as Markdown (docs/rules.md's section for it, without the heading).
std::string rule_help_text(const Rule& r);
std::string rule_help_markdown(const Rule& r);

// The whole of docs/rules.md for `rules`: the table, then a section per rule.
std::string rules_reference(std::span<const Rule> rules);

}  // namespace iact
