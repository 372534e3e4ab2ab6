// Plans as YAML text, for `iact import` and `iact new`: written the way a person writes a
// plan (block style, comments where they help, every text quoted only when YAML needs it),
// and read back by the loader to exactly what was written.
#pragma once

#include <string>
#include <vector>

#include "import/tracker.h"

namespace iact {

struct PlanHeader {
  std::string code;
  std::string name;
  std::string short_name;  // optional
  std::string kind;        // trust | icb
  std::string icb;         // a trust's ICB
  std::string region;      // optional
  std::vector<std::string> frameworks;
  std::vector<std::string> groups;
  std::vector<std::string> comments;  // lines at the top of the file, without the '#'
  std::string schema;                 // the $schema path for editors, if any
};

// One action as a list item of `actions:` ("  - id: ..."), with `comment` (if any) on the line
// above it.
std::string action_yaml(const ImportedAction& action, const std::string& comment);

// A whole plan: the header's organisation, frameworks and groups, then the actions.
std::string plan_yaml(const PlanHeader& header, const std::vector<ImportedAction>& actions,
                      const std::vector<std::string>& action_comments);

}  // namespace iact
