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

ReportReplacement::~ReportReplacement() {
  for (const fs::path& f : files_) release_scratch(f);
}

void ReportReplacement::guard(const fs::path& dir) {
  // Every report iact writes there: the return, the paper in each format and its charts.
  // Hidden files (partial files, the work folder) are iact's scratch and tracked already.
  std::error_code ec;
  std::vector<fs::path> files = {dir / ".iact-as-of"};
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const std::string ext = entry.path().extension().string();
    std::error_code entry_ec;
    if (name.empty() || name[0] == '.' || !entry.is_regular_file(entry_ec)) continue;
    for (const char* report : {".xlsx", ".docx", ".pdf", ".html", ".md", ".svg"}) {
      if (ext == report) files.push_back(entry.path());
    }
  }
  for (const fs::path& f : files) {
    track_scratch(f);
    files_.push_back(f);
  }
}

std::optional<fs::path> make_report_dir(const std::string& out_dir, const SystemView& view,
                                        bool force, std::string& note, std::string& error,
                                        ReportReplacement& replacing) {
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
    // From here until the run is done with the folder, a signal leaves it empty rather than
    // holding reports of two days.
    replacing.guard(*dir);
    if (!write_file_atomic(marker, view.as_of.iso() + "\n", error)) return std::nullopt;
  }
  return dir;
}

long long created_epoch(const CommonOptions& common, Date as_of) {
  return common.source_date_epoch.value_or(as_of.days() * 86400LL);
}

namespace {

// Where `term` is first written as a word of its own in `text` (1-based), if it is.
std::optional<Pos> first_use(const std::string& text, const std::string& term) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (size_t at = text.find(term); at != std::string::npos; at = text.find(term, at + 1)) {
    const size_t end = at + term.size();
    if ((at > 0 && word(text[at - 1])) ||
        (end < text.size() && word(text[end]) && text[end] != 's'))
      continue;
    // Not in a comment: the first use a reader of the paper sees.
    const size_t line_start =
        text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
    if (text.find('#', line_start) < at) continue;
    Pos pos{1, 1};
    for (size_t i = 0; i < at; ++i) {
      if (text[i] == '\n') {
        ++pos.line;
        pos.column = 1;
      } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        ++pos.column;
      }
    }
    return pos;
  }
  return std::nullopt;
}

}  // namespace

Diagnostics abbreviation_warnings(const SystemView& view, const std::vector<std::string>& terms) {
  Diagnostics diags;
  std::vector<std::pair<std::string, std::string>> texts;  // file, text
  for (const OrgView& org : view.orgs) {
    FileRead read = read_file(org.plan->file, kMaxPlanFileBytes);
    if (read.bytes) texts.emplace_back(org.plan->file, std::move(*read.bytes));
  }
  for (const std::string& term : terms) {
    std::string file = view.lead->file;
    Pos pos;
    for (const auto& [name, text] : texts) {
      if (std::optional<Pos> p = first_use(text, term)) {
        file = name;
        pos = *p;
        break;
      }
    }
    diags.add(
        file, pos, "undefined-abbreviation",
        fmt::format("the {} paper uses '{}', which its glossary does not define", view.name, term),
        fmt::format("add `{}: what it stands for` to the plan's `glossary:` (or to "
                    "templates/glossary.yaml for every paper), or write it out in full",
                    term));
  }
  return diags;
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
