#include "import/themes.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "import/columns.h"
#include "util/edit_distance.h"
#include "util/text.h"

namespace iact {

namespace {

bool whole_words_in(std::string_view text, std::string_view phrase) {
  size_t at = 0;
  while (!phrase.empty() && (at = text.find(phrase, at)) != std::string_view::npos) {
    const size_t end = at + phrase.size();
    if ((at == 0 || text[at - 1] == ' ') && (end == text.size() || text[end] == ' ')) return true;
    ++at;
  }
  return false;
}

// Drops leading numbering: "theme 2", "area 3", "2", "2 1", "b".
std::string drop_numbering(std::string words) {
  static constexpr std::string_view kLabels[] = {"theme", "area",     "domain",     "section",
                                                 "part",  "priority", "workstream", "requirement"};
  for (std::string_view label : kLabels) {
    if (words.starts_with(label) && words.size() > label.size() && words[label.size()] == ' ') {
      const size_t after = label.size() + 1;
      size_t end = after;
      while (end < words.size() && words[end] != ' ') ++end;
      const std::string_view token = std::string_view(words).substr(after, end - after);
      const bool numbering =
          !token.empty() &&
          (std::all_of(token.begin(), token.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) ||
           token.size() == 1);
      if (numbering) {
        words.erase(0, std::min(end + 1, words.size()));
        break;
      }
    }
  }
  // "2 " or "2 1 " left by "2." or "2.1)"
  size_t i = 0;
  while (i < words.size()) {
    size_t end = i;
    while (end < words.size() && std::isdigit(static_cast<unsigned char>(words[end]))) ++end;
    if (end == i || (end < words.size() && words[end] != ' ')) break;
    i = end + 1;
  }
  return i < words.size() ? words.substr(i) : (i > 0 ? std::string() : words);
}

}  // namespace

std::string normalise_theme(std::string_view text) {
  return drop_numbering(normalise_header(text));
}

ThemeMatcher::ThemeMatcher(const Catalogue& catalogue, const std::vector<std::string>& frameworks)
    : catalogue_(&catalogue) {
  for (const FrameworkItem& item : catalogue.items) {
    if (!frameworks.empty() &&
        std::find(frameworks.begin(), frameworks.end(), item.framework) == frameworks.end())
      continue;
    std::string id = item.id;
    const size_t dot = id.rfind('.');
    if (dot != std::string::npos) id = id.substr(dot + 1);  // an expectation's own slug
    names_.push_back({normalise_header(id), &item});
    names_.push_back({normalise_header(item.title), &item});
    for (const std::string& a : item.aliases) names_.push_back({normalise_header(a), &item});
    if (!item.is_expectation()) titles_.push_back(item.title);
  }
}

ThemeMatch ThemeMatcher::match(std::string_view text) const {
  ThemeMatch result;
  std::set<const FrameworkItem*> chosen;
  // The best item of each framework for one part of the text; false if none matches.
  auto match_part = [&](const std::string& words) {
    std::map<std::string, std::pair<int, const FrameworkItem*>> best;
    for (const Name& n : names_) {
      if (n.words.empty()) continue;
      int score = 0;
      if (words == n.words) {
        score = 10000;
      } else if (n.words.size() >= 3 && whole_words_in(words, n.words)) {
        score = 100 + static_cast<int>(n.words.size());
      }
      auto& slot = best[n.item->framework];
      if (score > slot.first) slot = {score, n.item};
    }
    bool any = false;
    for (const Framework& f : catalogue_->frameworks) {  // each part's items, in framework order
      auto it = best.find(f.id);
      if (it == best.end() || it->second.first == 0) continue;
      if (chosen.insert(it->second.second).second) result.items.push_back(it->second.second);
      any = true;
    }
    return any;
  };
  // As written ("Section 117"), else without its numbering ("Theme 2 - Carers").
  auto exact_name = [&](const std::string& words) {
    return !words.empty() && std::any_of(names_.begin(), names_.end(),
                                         [&](const Name& n) { return n.words == words; });
  };
  auto words_of = [&](std::string_view part) {
    const std::string raw = normalise_header(part);
    return exact_name(raw) ? raw : normalise_theme(part);
  };
  const std::string whole = words_of(text);
  if (whole.empty()) return result;
  if (exact_name(whole)) {
    match_part(whole);
  } else {
    // Parts: split at ; , / | and line breaks; each part names its own items.
    std::string part;
    auto flush = [&] {
      const std::string words = words_of(part);
      if (!words.empty() && !match_part(words)) result.unmatched.emplace_back(trim(part));
      part.clear();
    };
    for (char c : text) {
      if (c == ';' || c == ',' || c == '/' || c == '\n' || c == '|') {
        flush();
      } else {
        part += c;
      }
    }
    flush();
  }
  return result;
}

bool ThemeMatcher::names_items(std::string_view text) const {
  const std::string raw = normalise_header(text);
  const std::string dropped = normalise_theme(text);
  return std::any_of(names_.begin(), names_.end(), [&](const Name& n) {
    return !n.words.empty() && (n.words == raw || n.words == dropped);
  });
}

std::string ThemeMatcher::closest(std::string_view text) const {
  auto near = closest_match(trim(text), titles_);
  if (near) return fmt::format("did you mean '{}'?", *near);
  return "no framework item's title or other wording is in it (`iact frameworks` lists the "
         "items)";
}

}  // namespace iact
