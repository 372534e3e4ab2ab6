// What the import fuzz targets share: a workbook, however it was read, through the whole of
// `iact import`: the column mapping, the rows, and the plan text written from them, which
// must load back as a plan (a written plan YAML cannot read is a finding).
#pragma once

#include <string>

#include "frameworks/catalogue.h"
#include "import/columns.h"
#include "import/tracker.h"
#include "plan/loader.h"
#include "read/table.h"
#include "write/plan_yaml.h"

namespace iact::fuzz {

inline const Catalogue& catalogue() {
  static const Catalogue c = [] {
    Diagnostics ignored;
    return load_catalogue(IACT_FUZZ_FRAMEWORKS, ignored);
  }();
  return c;
}

inline void import_workbook(const Workbook& book) {
  std::string error, hint;
  std::optional<ColumnMapping> mapping = map_columns(book, {}, error, hint);
  if (!mapping) return;
  describe_mapping(*mapping, book);
  ImportSettings settings;
  settings.catalogue = &catalogue();
  settings.own_label = "SFT";
  settings.organisations = {{"SFT", {"RH5", "SFT", "trust"}}, {"QSL", {"QSL", "icb"}}};
  settings.update_date = Date{2025, 6, 30};
  TrackerImport imported = import_tracker(book, *mapping, settings);
  PlanHeader header{"RH5", "Fuzz Trust",        "SFT",           "trust",  "QSL",
                    "",    imported.frameworks, imported.groups, {"fuzz"}, ""};
  std::vector<std::string> comments(imported.actions.size(), "row");
  const std::string text = plan_yaml(header, imported.actions, comments);
  Diagnostics diags;
  if (!load_plan_text(text, "fuzz.yaml", diags)) __builtin_trap();
  for (const Diagnostic& d : diags.items()) {
    if (d.rule.starts_with("yaml-") || d.rule == "duplicate-key") __builtin_trap();
  }
}

}  // namespace iact::fuzz
