// Edit distance and "did you mean" suggestions for misspelt names.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace iact {

// Edit distance: insert, delete, substitute or swap two neighbouring letters, each costing 1
// (optimal string alignment). Stops early and returns
// max_distance + 1 once the distance is known to exceed max_distance (0 means no limit).
int edit_distance(std::string_view a, std::string_view b, int max_distance = 0);

// The candidate closest to `word`, if it is close enough to be a plausible typo: at most
// a third of the word's length (at least 1, at most 3 edits). Case-insensitive.
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates);

}  // namespace iact
