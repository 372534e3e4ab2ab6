// `iact completion bash|zsh|fish`: the shell's completion script, written from the command
// line's own definition (so a new command or option is offered without anyone editing it).
#include <iostream>

#include "cli/completion.h"
#include "commands/commands.h"
#include "util/files.h"

namespace iact {

int run_completion(const CompletionOptions& options, const CliModel& cli) {
  std::optional<std::string> script = completion_script(cli, options.shell);
  if (!script) {  // main.cpp checks the name; this is for a shell added there and not here
    std::cerr << "iact: no completion script for '" << options.shell
              << "'; use bash, zsh or fish\n";
    return kExitUsage;
  }
  if (options.output.empty()) {
    std::cout << *script;
    return kExitOk;
  }
  std::string error;
  if (!write_file_atomic(options.output, *script, error)) {
    std::cerr << "iact: " << error << '\n';
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace iact
