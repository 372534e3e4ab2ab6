// Printing diagnostics: clang-style text for people, a JSON array for scripts, and the
// formats CI systems read (SARIF, GitHub workflow commands, GitLab Code Quality).
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <string_view>

#include "check/diagnostic.h"

namespace iact {

struct TextStyle {
  bool colour = false;      // ANSI colours (a terminal, and NO_COLOR unset)
  bool show_source = true;  // the offending line with a caret under the column
  // The text of files that are not on disk (a plan read from standard input), by the name
  // diagnostics give them; other files are read when a line of theirs is shown.
  const std::map<std::string, std::string>* sources = nullptr;
  size_t max_diagnostics = 0;  // print at most this many, then say how many more (0: all)
};

// `file:line:col: error: message [rule]`, then the source line and caret, then the hint.
void print_text(const Diagnostics& diags, std::ostream& out, const TextStyle& style);

// Instead of every problem: how many each rule found, and each file's errors and warnings,
// the files with the most errors first (validate --summary).
void print_summary(const Diagnostics& diags, std::ostream& out);

// "2 errors, 5 warnings in 3 files" (or "plans are valid: no problems in 3 files").
std::string summary_line(const Diagnostics& diags, int files);

// A JSON array of {file, line, column, severity, rule, message, hint}.
void print_json(const Diagnostics& diags, std::ostream& out);

// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one run whose tool.driver
// lists every rule of the table (its id, summary, level and help), and one result per
// diagnostic (ruleId, ruleIndex, level, the message with its hint, the file as a relative
// URI under %SRCROOT%, and the line and column where known). `version` is iact's.
void print_sarif(const Diagnostics& diags, std::ostream& out, std::string_view version);

// GitHub Actions workflow commands, one line per diagnostic, which GitHub shows as
// annotations on the lines: `::error file=F,line=L,col=C,title=RULE::message (hint: ...)`.
void print_github(const Diagnostics& diags, std::ostream& out);

// A GitLab Code Quality report: a JSON array of {description, check_name, fingerprint,
// severity, location: {path, lines: {begin}}}. The fingerprint is a hash of the file, line,
// rule and message, so one problem keeps its fingerprint from run to run.
void print_gitlab(const Diagnostics& diags, std::ostream& out);

}  // namespace iact
