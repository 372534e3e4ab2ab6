// The return's machine-readable record: a hidden, protected sheet holding the system's
// numbers (view/summary.h) as the return's visible sheets show them, so that a region can
// roll up the returns it received (`iact rollup RETURN.xlsx...`) and get the numbers the
// plans give. One record per row, its kind in column A:
//
//   iact-return | <version> | <iact version>
//   system | code | name | region | period | period_local | as_of | last_update | <value>
//   counts | <Blue> | <Red> | <Amber> | <Green> | <Grey>
//   overdue | replanned | contradictions | <n>
//   framework | <id> | <title> | <covered> | <items>
//   item | <framework> | <item> | <title> | <Blue> | <Red> | <Amber> | <Green> | <Grey>
//   trend | <label> | <date> | <Blue> | <Red> | <Amber> | <Green> | <Grey>
#pragma once

#include <xlsxwriter.h>

#include "view/summary.h"

namespace iact {

inline constexpr const char* kReturnRecordSheet = "iact";
inline constexpr const char* kReturnRecordMark = "iact-return";
inline constexpr int kReturnRecordVersion = 1;

// Adds the hidden record sheet to a workbook being written.
lxw_error write_return_record(lxw_workbook* wb, const SystemSummary& summary);

}  // namespace iact
