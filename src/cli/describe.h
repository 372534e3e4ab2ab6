// Reading the command line's CLI11 definition into a CliModel, for completion scripts and
// man pages. Hidden commands (group "") are left out, as `iact --help` leaves them out.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "cli/cli_model.h"

namespace iact {

CliModel describe_cli(const CLI::App& app, std::string version);

// After a command line failed to parse: when it names no command but starts with a word that
// is not one ("iact validat plans"), what to say instead of CLI11's "A subcommand is
// required": the nearest command ("did you mean 'validate'?"), or the commands there are.
// "" when that is not what went wrong.
std::string unknown_command_message(const CLI::App& app);

}  // namespace iact
