#include "util/edit_distance.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "util/text.h"

namespace iact {

int edit_distance(std::string_view a, std::string_view b, int max_distance) {
  // Optimal string alignment: Levenshtein plus the swap of two neighbouring letters, the
  // commonest typo ("VCSFE" for "VCFSE"). Three rows of the table are enough.
  std::vector<int> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    row[0] = static_cast<int>(i);
    int best = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({previous[j - 1] + cost, previous[j] + 1, row[j - 1] + 1});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], before[j - 2] + 1);
      }
      best = std::min(best, row[j]);
    }
    if (max_distance > 0 && best > max_distance) return max_distance + 1;
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return previous[b.size()];
}

std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates) {
  const std::string needle = lowercase(word);
  const int allowed = std::clamp(static_cast<int>(needle.size()) / 3, 1, 3);
  std::optional<std::string> best;
  int best_distance = allowed + 1;
  for (const std::string& candidate : candidates) {
    int d = edit_distance(needle, lowercase(candidate), allowed);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

}  // namespace iact
