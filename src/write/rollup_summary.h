// The roll-up as a short report a regional team can read or paste: what stands out in a few
// sentences, then the systems, the framework items and the trend, in Markdown and as a
// self-contained HTML page. Numbers from the same Rollup as the workbook.
#pragma once

#include <string>
#include <vector>

#include "write/rollup_workbook.h"

namespace iact {

// The sentences at the top: the totals, who is Red, items nobody or some have no action on,
// returns not yet received, and the trend since the first period.
std::vector<std::string> rollup_sentences(const Rollup& rollup, const RollupJob& job);

std::string rollup_markdown(const Rollup& rollup, const RollupJob& job);
std::string rollup_html(const Rollup& rollup, const RollupJob& job);

}  // namespace iact
