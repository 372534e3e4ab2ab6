// Theme text from a tracker ("Theme 2 - Carers and families", "DNA", "Continuity of care;
// workforce") matched to framework items: by their ids, titles, the wording of the document
// that set them (NHS England's own words), the other wordings the framework files give
// them (aliases), and, least surely, their descriptions. Words are compared as a set, so
// word order, plurals and small words ("of", "the") do not matter.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "frameworks/catalogue.h"

namespace iact {

// One item a theme text became, and how sure the match is.
struct ThemeFound {
  const FrameworkItem* item = nullptr;
  int confidence = 0;  // percent: 100 when the words are those of one of its names
  std::string how;     // "the words of NHS England's wording 'failure to review ...'"
};

struct ThemeMatch {
  std::vector<const FrameworkItem*>
      items;                      // per part of the text, in its order, the best of each framework
  std::vector<ThemeFound> found;  // the same items, with how each was found
  std::vector<std::string> unmatched;  // parts of the text that matched nothing
  std::vector<std::string> cited;      // the frameworks of each part's surest items
};

class ThemeMatcher {
 public:
  // Matches against the items of `frameworks` (all of the catalogue's when empty).
  ThemeMatcher(const Catalogue& catalogue, const std::vector<std::string>& frameworks);

  // Matches the whole text when it has the words of one of an item's names; else splits
  // it at ; , / | and line breaks and matches each part (the whole again when a part
  // matches nothing and the whole matches well). A part matches, in each framework, the
  // item with the surest of: the same words as a name; a name's words all in it; all its
  // words (two or more) making up at least half of a name. Only a part that names no item
  // of any framework is matched by descriptions (two thirds of its words in one).
  // Expectations count as their own items.
  ThemeMatch match(std::string_view text) const;

  // Whether all of `text` names items outright (not by a phrase inside it), as a heading
  // row naming a theme does.
  bool names_items(std::string_view text) const;

  // The titles closest to `text`, for a hint.
  std::string closest(std::string_view text) const;

  // The words of `text` as they are compared: normalised, small words dropped, plurals
  // singular, sorted and unique.
  static std::vector<std::string> words_of(std::string_view text);

 private:
  enum class NameKind { kId, kTitle, kWording, kAlias, kDescription };
  struct Name {
    std::vector<std::string> words;  // words_of() the name
    std::string text;                // as the framework file writes it
    NameKind kind;
    const FrameworkItem* item;
  };
  struct PartMatch {
    std::vector<ThemeFound> found;  // the best of each framework, in framework order
    std::vector<std::string> cited;
    int best = 0;
  };
  PartMatch match_words(const std::vector<std::string>& words) const;
  bool exact(const std::vector<std::string>& words) const;
  std::string how(const Name& name, int relation, size_t shared, size_t of) const;

  std::vector<Name> names_;
  std::vector<std::string> titles_;
  const Catalogue* catalogue_;
};

// Text as theme matching compares it: lower case, '&' as "and", punctuation as spaces, and
// numbering such as "Theme 2 -", "2.", "(b)" at the start dropped.
std::string normalise_theme(std::string_view text);

}  // namespace iact
