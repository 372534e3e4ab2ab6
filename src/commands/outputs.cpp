#include "commands/outputs.h"

#include <iostream>

#include "check/report.h"
#include "commands/context.h"
#include "util/interrupt.h"
#include "util/safe_path.h"

namespace iact {

namespace fs = std::filesystem;

std::optional<PaperTemplates> load_paper_templates_for(const CommonOptions& common) {
  std::optional<fs::path> dir = find_templates(common);
  if (!dir) return std::nullopt;
  Diagnostics diags;
  std::string error;
  std::optional<PaperTemplates> templates = load_paper_templates(*dir, diags, error);
  if (!diags.items().empty()) print_text(diags, std::cerr, TextStyle{stderr_wants_colour(), true});
  if (!templates) std::cerr << "iact: " << error << '\n';
  return templates;
}

std::optional<ReturnLayout> load_return_layout_for(const CommonOptions& common) {
  std::optional<fs::path> dir = find_templates(common);
  if (!dir) return std::nullopt;
  Diagnostics diags;
  std::optional<ReturnLayout> layout = load_return_layout(*dir / "return.yaml", diags);
  if (!diags.items().empty()) print_text(diags, std::cerr, TextStyle{stderr_wants_colour(), true});
  if (!layout) {
    std::cerr << "iact: the return definition has errors; `iact return --fields` lists the "
                 "fields a column may name\n";
  }
  return layout;
}

std::optional<fs::path> make_report_dir(const std::string& out_dir, const SystemView& view,
                                        std::string& error) {
  std::vector<std::string> parts = {view.name};
  if (view.period) parts.push_back(view.period->id);
  std::optional<fs::path> dir = make_output_dir(out_dir, parts, error);
  if (dir) remove_stale_partials(*dir);
  return dir;
}

long long created_epoch(const CommonOptions& common, Date as_of) {
  return common.source_date_epoch.value_or(as_of.days() * 86400LL);
}

}  // namespace iact
