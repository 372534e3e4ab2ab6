// The data a board paper template sees: the system view turned into named values, lists
// and sentences. Every value is plain text as the plans wrote it; the template renderer
// escapes it for Markdown. `iact paper --dump-context` prints this as JSON so template
// authors can see what they have.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "view/system_view.h"

namespace iact {

struct GlossaryEntry {
  std::string term;
  std::string meaning;
};

struct PaperSettings {
  std::string chart_file;  // the BRAG chart beside the Markdown, e.g. "brag-chart.svg"
};

nlohmann::json paper_context(const SystemView& view, const PaperSettings& settings);

// The glossary entries whose term appears in `text` as a whole word, sorted by term.
std::vector<GlossaryEntry> terms_used(const std::vector<GlossaryEntry>& glossary,
                                      const std::string& text);

}  // namespace iact
