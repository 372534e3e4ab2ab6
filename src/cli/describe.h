// Reading the command line's CLI11 definition into a CliModel, for completion scripts and
// man pages. Hidden commands (group "") are left out, as `iact --help` leaves them out.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "cli/cli_model.h"

namespace iact {

CliModel describe_cli(const CLI::App& app, std::string version);

}  // namespace iact
