// `iact status`: the terminal summary of a system view that a programme lead reads in ten
// seconds, and the same numbers as JSON for scripts.
#pragma once

#include <ostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "view/system_view.h"

namespace iact {

struct StatusStyle {
  bool colour = false;  // ANSI colours for the BRAG columns
};

void write_status_text(const SystemView& view, std::ostream& out, const StatusStyle& style);

// One object per view: as-of, period, totals, organisations, framework items, overdue
// actions and gaps.
nlohmann::json status_json(const SystemView& view);

}  // namespace iact
