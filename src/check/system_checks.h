// Checks across the plans of one system: the ICB's plan and its trusts' plans in a folder.
#pragma once

#include <vector>

#include "check/diagnostic.h"
#include "plan/model.h"

namespace iact {

// `plans` are all the plans in one system folder.
void check_system(const std::vector<const Plan*>& plans, Diagnostics& diags);

}  // namespace iact
