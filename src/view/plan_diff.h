// What changed between two versions of a set of plans (a plan file or a system folder, now
// and at an earlier commit): organisations, actions and risks added or removed, and field
// by field what changed in the rest. `iact diff` prints it as text or JSON.
#pragma once

#include <string>
#include <vector>

#include "plan/model.h"

namespace iact {

struct FieldChange {
  std::string field;  // as the plan format names it: "due", "status", "updates"
  std::string before;
  std::string after;
};

struct ItemChange {
  enum class Kind { kAdded, kRemoved, kChanged };
  Kind kind = Kind::kChanged;
  std::string what;                 // "plan", "action" or "risk"
  std::string organisation;         // the plan's short name or code
  std::string id;                   // action or risk id; the file for a plan
  std::string title;                // the newer title (the older for a removal)
  std::vector<FieldChange> fields;  // for kChanged
};

// Plans are matched by organisation code (else by file name), actions and risks by id.
// Both lists are in a stable order; the result follows the newer version's order, with
// removals where they were.
std::vector<ItemChange> diff_plans(const std::vector<const Plan*>& before,
                                   const std::vector<const Plan*>& after);

std::string_view name_of(ItemChange::Kind kind);

}  // namespace iact
