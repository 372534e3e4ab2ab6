// Checks on one plan's content against the frameworks and the as-of date. Shape problems
// (types, unknown keys, dates) were reported by the loader and are not repeated here.
#pragma once

#include <optional>

#include "check/diagnostic.h"
#include "frameworks/catalogue.h"
#include "plan/model.h"
#include "rag/rag.h"

namespace iact {

struct CheckContext {
  const Catalogue& catalogue;
  Date as_of;
  // A RAG policy file given on the command line; it overrides each plan's `rag:` block.
  std::optional<RagSettings> policy_file = std::nullopt;
  // The latest day a completion or update may be dated (default: as_of). Reports of an
  // earlier period set it to today: what happened since is history, not an error.
  std::optional<Date> recorded_until = std::nullopt;
  // How many plans are read at once (0: one per core). The output never depends on it.
  unsigned jobs = 0;

  Date latest_record() const { return recorded_until.value_or(as_of); }
};

void check_plan(const Plan& plan, const CheckContext& ctx, Diagnostics& diags);

}  // namespace iact
