// Checks on one plan's content against the frameworks and the as-of date. Shape problems
// (types, unknown keys, dates) were reported by the loader and are not repeated here.
#pragma once

#include "check/diagnostic.h"
#include "frameworks/catalogue.h"
#include "plan/model.h"
#include "rag/rag.h"

namespace iact {

struct CheckContext {
  const Catalogue& catalogue;
  Date as_of;
  RagPolicy policy;
};

void check_plan(const Plan& plan, const CheckContext& ctx, Diagnostics& diags);

}  // namespace iact
