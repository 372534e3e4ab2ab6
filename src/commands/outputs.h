// What the commands that write reports share: the templates and return layout they read,
// where each report goes, and the created time that keeps the files reproducible.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "commands/commands.h"
#include "view/system_view.h"
#include "write/paper.h"
#include "write/return_workbook.h"

namespace iact {

// The paper templates (board-paper.md, glossary); prints why and returns nothing if they
// cannot be found or read.
std::optional<PaperTemplates> load_paper_templates_for(const CommonOptions& common);

// The return definition (templates/return.yaml); prints its problems and returns nothing
// if it has errors.
std::optional<ReturnLayout> load_return_layout_for(const CommonOptions& common);

// While a report folder's reports are being replaced by reports as of another day, the
// reports there and its as-of record are removed if iact is interrupted (SIGINT, SIGTERM,
// SIGHUP), so that the folder holds reports of one as-of date or none, never a new return
// beside an old paper. Once the run has finished with the folder (written or failed, as when
// pandoc fails) the guard goes and they are left as they are.
class ReportReplacement {
 public:
  ReportReplacement() = default;
  ReportReplacement(const ReportReplacement&) = delete;
  ReportReplacement& operator=(const ReportReplacement&) = delete;
  ~ReportReplacement();
  // Registers the reports in `dir` (and the as-of record) for removal on a signal.
  void guard(const std::filesystem::path& dir);

 private:
  std::vector<std::filesystem::path> files_;
};

// Makes DIR/<system>/<period>/ (DIR/<system>/<as-of date>/ before any period) and clears
// it of partial files left by a run that was killed. The system's name and the period id
// must each be one plain folder name, and the folder must stay under DIR (util/safe_path.h).
// The folder records the as-of date of its reports (.iact-as-of): reports as of a later day
// are not replaced by ones as of an earlier day unless `force`, and a replacement is said
// in `note`; its reports are guarded by `replacing` until it goes. Otherwise returns nothing
// and sets `error`, having written nothing.
std::optional<std::filesystem::path> make_report_dir(const std::string& out_dir,
                                                     const SystemView& view, bool force,
                                                     std::string& note, std::string& error,
                                                     ReportReplacement& replacing);

// A warning for each abbreviation a paper uses that nothing defines, at its first use in the
// system's plans (file, line and column), or at the lead plan when the paper's own words
// use it.
Diagnostics abbreviation_warnings(const SystemView& view, const std::vector<std::string>& terms);
// Says which of the returns are drafts (a required answer missing) and returns how many. With
// `final` (return --final, build --final) each answer a draft lacks is printed as a problem
// (return-draft) at the plan line that should give it, and the return is refused; otherwise
// a note says it is written as a draft.
int report_drafts(const std::vector<ReturnData>& returns, bool final);

// SOURCE_DATE_EPOCH, else midnight of the as-of date: the created time of every report, so
// the same inputs give the same bytes.
long long created_epoch(const CommonOptions& common, Date as_of);

}  // namespace iact
