// The NHS England assurance return: an XLSX workbook per system and period, laid out by
// the return definition file (templates/return.yaml) and filled from the system view, the
// same view the board paper reads.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "check/diagnostic.h"
#include "write/return_data.h"

namespace iact {

// Reads a return definition. Problems (unknown keys, unknown field names with a
// "did you mean", sheet names Excel refuses) are reported to `diags` with their lines;
// returns nothing if there were errors.
std::optional<ReturnLayout> load_return_layout(const std::filesystem::path& file,
                                               Diagnostics& diags);
std::optional<ReturnLayout> load_return_layout_text(std::string_view text,
                                                    const std::string& display, Diagnostics& diags);

struct ReturnJob {
  const ReturnLayout* layout = nullptr;
  std::filesystem::path file;   // the workbook to write
  long long created_epoch = 0;  // document properties' created time (SOURCE_DATE_EPOCH)
};

// Writes the workbook atomically: to a partial file, renamed over `job.file` when
// complete. On failure returns the reason and leaves no partial file, and no older
// workbook at `job.file` that could pass for this run's.
std::optional<std::string> write_return(const ReturnData& data, const ReturnJob& job);

// Every field a column may name, per kind of row, as `iact return --fields` prints it.
std::string describe_return_fields();

// "14 required answers are missing": what makes the return a draft, in a few words.
std::string draft_summary(const ReturnData& data);

// Each required answer a draft lacks, as a problem (return-draft) at the place in the plan
// that should give it, with what to write as the hint: what `validate --for-return`,
// `return --final` and `build --final` print.
void add_draft_diagnostics(const ReturnData& data, Diagnostics& diags);

}  // namespace iact
