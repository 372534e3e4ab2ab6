// Theme text from a tracker ("Theme 2 - Carers and families", "DNA", "Continuity of care;
// workforce") matched to framework items, by their ids, titles and the aliases the framework
// files give them (the wordings of national letters and board papers).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "frameworks/catalogue.h"

namespace iact {

struct ThemeMatch {
  std::vector<const FrameworkItem*> items;  // per part of the text, in its order, the best of each framework
  std::vector<std::string> unmatched;       // parts of the text that matched nothing
};

class ThemeMatcher {
 public:
  // Matches against the items of `frameworks` (all of the catalogue's when empty).
  ThemeMatcher(const Catalogue& catalogue, const std::vector<std::string>& frameworks);

  // Splits `text` at ; , / and line breaks (unless the whole text matches as it is) and
  // matches each part: exactly (an id, title or alias), else by the longest id, title or
  // alias it contains as whole words. Expectations count as their own items.
  ThemeMatch match(std::string_view text) const;

  // Whether all of `text` names items outright (not by a phrase inside it), as a heading
  // row naming a theme does.
  bool names_items(std::string_view text) const;

  // The titles closest to `text`, for a hint.
  std::string closest(std::string_view text) const;

 private:
  struct Name {
    std::string words;  // normalised
    const FrameworkItem* item;
  };
  std::vector<Name> names_;
  std::vector<std::string> titles_;
  const Catalogue* catalogue_;
};

// Text as theme matching compares it: lower case, '&' as "and", punctuation as spaces, and
// numbering such as "Theme 2 -", "2.", "(b)" at the start dropped.
std::string normalise_theme(std::string_view text);

}  // namespace iact
