// What the NHS England return of a system will lack: its Summary sheet reads each framework
// item's self-assessed assurance from the lead plan's `self_assessment:`, and its DNA
// discharge sheet each organisation's `dna_discharge_assurance:`. Left out, the return has
// empty cells; validate says so before the return is written.
#pragma once

#include <vector>

#include "check/diagnostic.h"
#include "frameworks/catalogue.h"
#include "plan/model.h"

namespace iact {

// Warnings (return-incomplete) for the system of `plans`, naming the period whose return
// is next due after `as_of`.
void check_return_readiness(const std::vector<const Plan*>& plans, const Catalogue& catalogue,
                            Date as_of, Diagnostics& diags);

}  // namespace iact
