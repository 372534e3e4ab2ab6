// Man pages, written from the command line's description: iact(1), with every command and
// the global options, and iact-COMMAND(1) for each command, with its arguments and options.
#pragma once

#include <string>
#include <vector>

#include "cli/cli_model.h"

namespace iact {

struct ManPage {
  std::string file;  // "iact.1", "iact-validate.1"
  std::string text;  // roff (man macros)
};

// iact(1) first, then one page per command in the order `iact --help` lists them.
std::vector<ManPage> man_pages(const CliModel& cli);

}  // namespace iact
