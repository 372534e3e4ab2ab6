// What every command that reads plans needs first: the as-of date and the frameworks.
#pragma once

#include <optional>
#include <string>

#include "check/diagnostic.h"
#include "commands/commands.h"
#include "frameworks/catalogue.h"
#include "plan/model.h"

namespace iact {

// Colour for diagnostics on stderr: a terminal, and NO_COLOR not set.
bool stderr_wants_colour();

// --as-of, or today. Prints a usage error and returns nothing if it does not parse.
std::optional<Date> resolve_as_of(const std::string& as_of, Date today);

// Finds and loads the frameworks. Returns nothing (after printing why) if the folder cannot
// be found or holds errors; the framework files' warnings, if any, go to `diags`.
std::optional<Catalogue> load_frameworks(const CommonOptions& common, Diagnostics& diags);

// The RAG policy file of --rag-policy, if one was given. Returns false (after printing its
// problems) if it cannot be read or has errors.
bool load_rag_policy(const CommonOptions& common, std::optional<RagSettings>& policy);

}  // namespace iact
