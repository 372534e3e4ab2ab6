#include "commands/outputs.h"

#include <iostream>

#include "check/report.h"
#include "commands/context.h"
#include "util/files.h"
#include "util/interrupt.h"
#include "util/safe_path.h"
#include "util/text.h"

#include <fmt/format.h>

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
                                        bool force, std::string& note, std::string& error) {
  // Reports before any reporting period was set are filed under their as-of date.
  std::vector<std::string> parts = {view.name, view.period ? view.period->id : view.as_of.iso()};
  std::optional<fs::path> dir = make_output_dir(out_dir, parts, error);
  if (!dir) return dir;
  remove_stale_partials(*dir);
  // Two runs for one period with different as-of dates: the later reports are not quietly
  // replaced by earlier ones.
  const fs::path marker = *dir / ".iact-as-of";
  FileRead read = read_file(marker, 64);
  std::optional<Date> before;
  if (read.bytes) before = parse_iso_day(std::string(trim(*read.bytes)));
  if (before && *before > view.as_of && !force) {
    error = fmt::format(
        "{} holds reports as of {}, later than this run's {}; pass --force to replace them, or "
        "-o another folder",
        dir->string(), before->iso(), view.as_of.iso());
    return std::nullopt;
  }
  if (before && *before != view.as_of) {
    note = fmt::format("replacing the reports as of {} in {} with reports as of {}", before->iso(),
                       dir->string(), view.as_of.iso());
  }
  if (!before || *before != view.as_of) {
    if (!write_file_atomic(marker, view.as_of.iso() + "\n", error)) return std::nullopt;
  }
  return dir;
}

long long created_epoch(const CommonOptions& common, Date as_of) {
  return common.source_date_epoch.value_or(as_of.days() * 86400LL);
}

int report_drafts(const std::vector<ReturnData>& returns, bool final) {
  int drafts = 0;
  Diagnostics diags;
  for (const ReturnData& data : returns) {
    if (!is_draft(data)) continue;
    ++drafts;
    if (final) add_draft_diagnostics(data, diags);
  }
  if (final) {
    diags.sort();
    print_text(diags, std::cerr, TextStyle{stderr_wants_colour()});
  }
  for (const ReturnData& data : returns) {
    if (!is_draft(data)) continue;
    const SystemView& view = *data.view;
    const std::string period = view.period ? view.period->id : std::string("PERIOD");
    std::cerr << (final ? fmt::format("iact: {}: not written: the return is a draft ({}); "
                                      "give the answers above, or `not-stated` where the "
                                      "source does not say\n",
                                      view.name, draft_summary(data))
                        : fmt::format("iact: {}: written as a DRAFT: {} (its cover says so and "
                                      "a sheet lists them; `iact validate --for-return {}` "
                                      "lists them too)\n",
                                      view.name, draft_summary(data), period));
  }
  return drafts;
}

}  // namespace iact
