// A unified diff of two texts (`diff -u` style), for showing an edit before it is made
// (iact apply --dry-run).
#pragma once

#include <string>
#include <string_view>

namespace iact {

// The lines that differ with three lines of context, headed `--- a_name` / `+++ b_name`;
// "" when the texts are the same.
std::string unified_diff(std::string_view a, std::string_view b, const std::string& a_name,
                         const std::string& b_name);

}  // namespace iact
