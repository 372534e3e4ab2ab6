// What the man pages say beyond the command line's own help text: each command described in
// a few sentences, with examples and the files it reads or writes; the environment variables
// iact reads; the files every command uses. The options, arguments and exit codes come from
// the command line itself (cli_model.h).
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace iact {

struct ManualExample {
  std::string_view command;  // "iact validate plans/ --strict"
  std::string_view what;     // what it does, a sentence
};

struct ManualItem {
  std::string_view name;  // a file or an environment variable
  std::string_view what;
};

struct CommandManual {
  std::string_view command;      // "validate"
  std::string_view description;  // paragraphs, separated by blank lines
  std::vector<ManualExample> examples;
  std::vector<ManualItem> files;  // the files it reads or writes, beyond those of every command
};

// One entry per command, in no particular order; the man pages look commands up by name.
std::span<const CommandManual> command_manuals();
const CommandManual* command_manual(std::string_view command);

// What iact(1) says of the program as a whole, beyond its one-line summary: paragraphs.
std::string_view program_description();

// Every environment variable iact reads, and what for.
std::span<const ManualItem> environment_variables();

// The files and folders every command may read.
std::span<const ManualItem> common_files();

}  // namespace iact
