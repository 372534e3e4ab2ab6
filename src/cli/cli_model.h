// What the command line offers: the commands, their options and arguments, and their help,
// read from the CLI11 definition in main.cpp (describe.h). Shell completion and man pages are
// written from this one description, so they cannot drift from what `iact --help` says.
#pragma once

#include <string>
#include <vector>

namespace iact {

// What may follow an option, or fill an argument.
enum class ValueKind {
  kNone,    // a flag: nothing
  kChoice,  // one of `choices`
  kFile,    // a file name (or a file or folder)
  kFolder,  // a folder name
  kText,    // anything else (a date, a code, a note): nothing to offer
};

struct CliOption {
  std::vector<std::string> names;  // "-o", "--output"; an argument's one name, "PATH"
  std::string help;
  std::string value_name;  // "DIR", "text|json"; empty for a flag
  ValueKind kind = ValueKind::kNone;
  std::vector<std::string> choices;  // kChoice: the words allowed
  bool repeatable = false;           // may be given more than once, or takes many values
  bool required = false;
};

struct CliCommand {
  std::string name;
  std::string help;
  std::vector<CliOption> options;    // including --help
  std::vector<CliOption> arguments;  // positional, in order
  std::string footer;                // its own exit codes, when they differ from iact's
};

struct CliModel {
  std::string name;                // "iact"
  std::string version;             // "0.1.0"
  std::string help;                // what the program is for
  std::string footer;              // the exit codes
  std::string date;                // of the version (YYYY-MM-DD), for man pages; may be empty
  std::vector<CliOption> options;  // global: before or after the command
  std::vector<CliCommand> commands;
};

// The words an option's value name offers, when it lists them: "text|json" -> {text, json};
// "docx,pdf,html,md" -> {docx, pdf, html, md}. Nothing for "DIR", "YYYY-MM-DD" or "ITEM,...".
std::vector<std::string> choices_in(const std::string& value_name);

// What a value name asks for: a folder ("DIR"), a file ("FILE", "PLAN.yaml", "PATH"...),
// choices, or text.
ValueKind kind_of_value(const std::string& value_name);

}  // namespace iact
