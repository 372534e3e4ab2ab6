// Shell completion scripts, written from the command line's description: the commands, each
// command's options, and what may follow an option (its choices, a file, a folder).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cli/cli_model.h"

namespace iact {

// The completion script for `shell` (bash, zsh or fish); nothing for another shell.
std::optional<std::string> completion_script(const CliModel& cli, std::string_view shell);

}  // namespace iact
