// Loads plan files into the model. No global state: everything a load needs is passed in,
// so loads can run side by side.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "check/diagnostic.h"
#include "plan/model.h"
#include "plan/yaml_tree.h"

namespace iact {

// Builds a plan from a parsed YAML tree. Shape problems (unknown keys, wrong types,
// missing fields, bad dates) are reported to `diags`; the plan holds everything that could
// be read, so that later checks see as much as possible without repeating those errors.
Plan build_plan(const YamlNode& root, const std::string& file, Diagnostics& diags);

// Reads, parses and builds the plan in `path`; `display` is how diagnostics name the file.
// Returns nullopt when the file cannot be read or parsed at all (the reason is in `diags`).
// A pipe is read only when `streams_ok` (a path the user named; util/files.h).
std::optional<Plan> load_plan_file(const std::filesystem::path& path, const std::string& display,
                                   Diagnostics& diags, bool streams_ok = false);

// The same for a plan held in memory (tests, the future CSV importer).
std::optional<Plan> load_plan_text(std::string_view text, const std::string& display,
                                   Diagnostics& diags);

// An amount in GBP as plans and papers write it: 61000, 61,000, £61k, £1.2m. Nothing if it
// is not one.
std::optional<double> parse_amount(std::string text);

// Reads a RAG policy file (`iact-policy: 1` and a `rag:` block, as in a plan). Returns
// nothing when it has errors (reported to `diags`).
std::optional<RagSettings> load_policy_file(const std::filesystem::path& path,
                                            const std::string& display, Diagnostics& diags);

}  // namespace iact
