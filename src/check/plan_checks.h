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
};

void check_plan(const Plan& plan, const CheckContext& ctx, Diagnostics& diags);

}  // namespace iact
