// Running an external program (pandoc) and collecting its exit status and error output.
// The one process runner of iact.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace iact {

struct ProcessResult {
  bool started = false;  // false: the program could not be run at all (see error)
  int exit_code = -1;    // the program's exit status; -1 if it was killed by a signal
  std::string error;     // why it could not start, or what it wrote to stderr
  bool output_truncated = false;  // standard output was longer than the caller allowed
};

// Runs `argv` (argv[0] is searched on PATH) with `env` added to the environment, in
// `cwd` if it is not empty. Standard input is empty. Standard output goes to `output` if
// given (at most `max_output` bytes are kept, else output_truncated is set), else it
// is discarded.
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::vector<std::pair<std::string, std::string>>& env,
                          const std::filesystem::path& cwd = {}, std::string* output = nullptr,
                          size_t max_output = 64 * 1024 * 1024);

// Whether `program` can be found on PATH.
bool program_on_path(const std::string& program);

}  // namespace iact
