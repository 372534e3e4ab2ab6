// Validation of plan files and folders: load every plan once, group them into systems
// (one folder each), and run the plan and system checks.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "check/diagnostic.h"
#include "check/plan_checks.h"
#include "plan/model.h"

namespace iact {

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

// PATHs may be plan files or folders (searched recursively for *.yaml). A file's folder
// siblings are loaded too, so the system checks give the same answer for a file as for
// its folder; only the named files' problems are reported.
Validation validate(const std::vector<std::string>& paths, const CheckContext& ctx);

}  // namespace iact
