// Running an external program (pandoc, git) and collecting its exit status and error output.
// The one process runner of iact.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace iact {

struct ProcessResult {
  bool started = false;           // false: the program could not be run at all (see error)
  int exit_code = -1;             // the program's exit status; -1 if it was killed by a signal
  std::string error;              // why it could not start, or what it wrote to stderr
  bool output_truncated = false;  // standard output was longer than the caller allowed
  bool timed_out = false;         // stopped after running longer than the timeout
};

struct ProcessOptions {
  std::vector<std::pair<std::string, std::string>> env;  // added to the environment
  std::filesystem::path cwd;                             // empty: iact's own
  std::string* output = nullptr;         // standard output goes here if set, else it is discarded
  size_t max_output = 64 * 1024 * 1024;  // bytes of output kept, else output_truncated
  int timeout_seconds = 0;               // 0: no limit
};

// Runs `argv` (argv[0] is searched on PATH) with standard input empty. The program runs in
// a process group of its own, with the default signal handling, and is tracked so that an
// interrupted iact stops it and everything it started (util/interrupt.h). Past the timeout
// the whole group is sent SIGTERM, then SIGKILL two seconds later.
ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// Whether `program` can be found on PATH.
bool program_on_path(const std::string& program);

}  // namespace iact
