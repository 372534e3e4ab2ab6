// The board paper: the view's context (paper_context.h) fills the Markdown template in
// templates/, and pandoc turns the Markdown into DOCX (with the reference document for the
// house style), HTML (with the CSS, self-contained) and PDF (HTML through WeasyPrint).
#pragma once

#include <filesystem>
#include <optional>
#include <semaphore>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "check/diagnostic.h"
#include "view/system_view.h"
#include "write/paper_context.h"

namespace iact {

// Files of the templates folder that the paper uses.
inline constexpr const char* kPaperTemplate = "board-paper.md";
inline constexpr const char* kReferenceDocx = "reference.docx";
inline constexpr const char* kPaperCss = "paper.css";
inline constexpr const char* kGlossary = "glossary.yaml";
inline constexpr const char* kChartFile = "brag-chart.svg";

// The templates folder, with the template text and glossary read once for every paper of a
// run.
struct PaperTemplates {
  std::filesystem::path dir;
  std::string markdown;  // board-paper.md
  std::vector<GlossaryEntry> glossary;
};

// Reads `dir`'s template and glossary (optional). Returns nothing and sets `error` if the
// template cannot be read; problems in the glossary go to `diags`.
std::optional<PaperTemplates> load_paper_templates(const std::filesystem::path& dir,
                                                   Diagnostics& diags, std::string& error);

// Limits how many pandoc processes run at once across papers written side by side.
using ProcessSlots = std::counting_semaphore<1024>;

struct PaperJob {
  const PaperTemplates* templates = nullptr;
  std::filesystem::path out_dir;  // where the files go (created if missing)
  std::string basename = "board-paper";
  std::vector<std::string> formats;  // md, docx, html, pdf
  long long source_date_epoch = 0;   // for pandoc's document dates: reproducible output
  ProcessSlots* slots = nullptr;     // if set, each pandoc run takes a slot (iact build -j)
  int timeout_seconds = 0;           // each pandoc run is stopped after this long; 0: never
};

struct PaperResult {
  std::vector<std::filesystem::path> written;
  // Abbreviations the paper uses that neither the glossary nor the plans define.
  std::vector<std::string> undefined_abbreviations;
  std::string error;  // set when something failed; no partial file is left behind
  bool ok() const { return error.empty(); }
};

// Renders a mustache `tmpl` with `context`; {{values}} are escaped for Markdown. Returns
// nothing and sets `error` if the template does not parse.
std::optional<std::string> render_markdown_template(const std::string& tmpl,
                                                    const nlohmann::json& context,
                                                    std::string& error);

// Reads the glossary file: `iact-glossary: 1` and `terms:`, a mapping of term to meaning.
// Problems go to `diags`.
std::vector<GlossaryEntry> load_glossary(const std::filesystem::path& file, Diagnostics& diags);

// The abbreviations in `text`: words of two capitals or more (MH&LD, DIALOG+, GPs as GP),
// each once, in order; not the parts of ids such as SMI-06.
std::vector<std::string> abbreviations_in(const std::string& text);

// The complete context of the paper, glossary included (and `undefined_abbreviations`: the
// abbreviations it uses that nothing defines): the template is rendered once to
// find the abbreviations it uses (from the glossary file and the organisations' short names).
nlohmann::json full_paper_context(const SystemView& view, const std::string& tmpl,
                                  const std::vector<GlossaryEntry>& glossary, std::string& error);

// Writes the paper in every format of `job`. Pandoc calls run in parallel.
PaperResult write_paper(const SystemView& view, const PaperJob& job);

// What is missing to produce `formats` (pandoc, weasyprint), as an error message; empty if
// nothing is.
std::string missing_programs(const std::vector<std::string>& formats);

}  // namespace iact
