// The mapping file of `iact import --map`: which column holds which field when the guess
// from the headers is wrong, and what a tracker's own words mean. Read through the field
// table like every other file, so each mistake is reported with its line.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "check/diagnostic.h"
#include "frameworks/catalogue.h"
#include "import/columns.h"
#include "import/tracker.h"
#include "plan/fields.h"

namespace iact {

struct ImportMap {
  ColumnChoices columns;
  ValueChoices values;
  std::vector<std::string> addresses;  // for rows with no theme
};

// The mapping file's format, for `iact import --help` and the docs.
const ObjectDef& import_map_def();

// Reads a mapping file; nothing (after reporting to `diags`) if it has errors. Statuses must
// be plan status words and themes framework item ids of `catalogue`.
std::optional<ImportMap> load_import_map(const std::filesystem::path& path,
                                         const std::string& display, const Catalogue& catalogue,
                                         Diagnostics& diags);

}  // namespace iact
