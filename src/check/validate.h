// Validation of plan files and folders: load every plan once, group them into systems
// (one folder each), and run the plan and system checks.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "check/diagnostic.h"
#include "check/plan_checks.h"
#include "plan/model.h"

namespace iact {

// The folder of a plan read from standard input with no --stdin-filename: it has no siblings.
inline const std::filesystem::path kNoFolder = "-";

struct System {
  std::filesystem::path folder;
  std::vector<const Plan*> plans;  // sorted by file name
};

struct Validation {
  std::vector<Plan> plans;        // every plan that loaded (targets and their folder siblings)
  std::vector<System> systems;    // the folders that hold targets
  Diagnostics diags;              // about the target files only, sorted
  std::set<std::string> targets;  // the named files, as diagnostics name them
  int files = 0;                  // target files read
  std::string usage_error;        // a path that does not exist: exit 2
};

// A plan read from standard input (PATH `-`): its text, the name diagnostics give it, and
// the folder whose plans are its system, if any ("" is the current folder).
struct StdinPlan {
  std::string text;
  std::string display = "<stdin>";
  std::optional<std::filesystem::path> folder;
};

// PATHs may be plan files or folders (searched recursively for *.yaml and *.yml), or `-` for
// `from_stdin`. A file's folder siblings are loaded too, so the system checks give the same
// answer for a file as for its folder; only the named files' problems are reported. A
// *.yaml entry that is not a readable file (a FIFO, a device, a broken link, a link loop)
// is reported as unreadable.
Validation validate(const std::vector<std::string>& paths, const CheckContext& ctx,
                    const StdinPlan* from_stdin = nullptr);

}  // namespace iact
