// A problem found in a file: where it is, which rule it breaks, and how to fix it.
#pragma once

#include <string>
#include <vector>

#include "check/rules.h"

namespace iact {

// A place in a file, 1-based. line 0 means "the file as a whole".
struct Pos {
  int line = 0;
  int column = 0;
  bool known() const { return line > 0; }
  auto operator<=>(const Pos&) const = default;
};

struct Diagnostic {
  std::string file;
  Pos pos;
  Severity severity = Severity::kError;
  std::string rule;
  std::string message;
  std::string hint;  // may be empty
};

// Collects diagnostics. Severity comes from the rule table, never from the caller.
class Diagnostics {
 public:
  void add(std::string file, Pos pos, std::string_view rule_id, std::string message,
           std::string hint = {});
  void append(const Diagnostics& other);

  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic>& items() { return items_; }
  int error_count() const;
  int warning_count() const;
  bool has_errors() const { return error_count() > 0; }

  // By file, then line, then column; stable for equal positions.
  void sort();

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace iact
