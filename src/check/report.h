// Printing diagnostics: clang-style text for people, a JSON array for scripts.
#pragma once

#include <map>
#include <ostream>
#include <string>

#include "check/diagnostic.h"

namespace iact {

struct TextStyle {
  bool colour = false;      // ANSI colours (a terminal, and NO_COLOR unset)
  bool show_source = true;  // the offending line with a caret under the column
  // The text of files that are not on disk (a plan read from standard input), by the name
  // diagnostics give them; other files are read when a line of theirs is shown.
  const std::map<std::string, std::string>* sources = nullptr;
};

// `file:line:col: error: message [rule]`, then the source line and caret, then the hint.
void print_text(const Diagnostics& diags, std::ostream& out, const TextStyle& style);

// "2 errors, 5 warnings in 3 files" (or "plans are valid: no problems in 3 files").
std::string summary_line(const Diagnostics& diags, int files);

// A JSON array of {file, line, column, severity, rule, message, hint}.
void print_json(const Diagnostics& diags, std::ostream& out);

}  // namespace iact
