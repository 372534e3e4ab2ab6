// Printing diagnostics: clang-style text for people, a JSON array for scripts, and the
// formats CI systems read (SARIF, GitHub workflow commands, GitLab Code Quality).
#pragma once

#include <filesystem>
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
// lists every rule of the table (its id, descriptions, level, its own help in text and
// Markdown, and the address of its section of docs/rules.md), and one result per diagnostic
// (ruleId, ruleIndex, level, the message with its hint, the file as a URI relative to
// %SRCROOT%, which is `root` (default: the folder iact runs in), the line and column where known
// and the end of the YAML token there, and the fingerprint print_gitlab gives it). `version` is
// iact's. `sources` as for TextStyle.
void print_sarif(const Diagnostics& diags, std::ostream& out, std::string_view version,
                 const std::map<std::string, std::string>* sources = nullptr,
                 const std::filesystem::path& root = {});

// GitHub Actions workflow commands, one line per diagnostic, which GitHub shows as
// annotations on the lines: `::error file=F,line=L,col=C,title=RULE::message (hint: ...)`.
void print_github(const Diagnostics& diags, std::ostream& out);

// A GitLab Code Quality report: a JSON array of {description, check_name, fingerprint,
// severity, location: {path, lines: {begin}}}. The fingerprint is a hash of the rule, the
// file, the key path of the problem's place in the plan (which names an action or risk by
// its id) and the message without its dates and line numbers, so a problem keeps its
// fingerprint when lines are added above it or the as-of date moves. `sources` as for
// TextStyle: the text of files that are not on disk.
void print_gitlab(const Diagnostics& diags, std::ostream& out,
                  const std::map<std::string, std::string>* sources = nullptr);

}  // namespace iact
