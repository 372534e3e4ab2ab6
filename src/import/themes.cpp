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

// Words that say nothing of a theme: "Review of treatment" is "treatment review".
constexpr std::string_view kSmallWords[] = {
    "a",   "an",    "and",  "are",   "as",    "at", "be", "by",   "for", "from",
    "in",  "into",  "is",   "it",    "its",   "of", "on", "or",   "our", "that",
    "the", "their", "this", "these", "those", "to", "we", "will", "with"};

// The singular of a plural as trackers write it: "families" -> "family", "carers" -> "carer".
std::string singular(std::string w) {
  if (w.size() > 4 && w.ends_with("ies")) return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 3 && w.back() == 's' && !w.ends_with("ss") && !w.ends_with("us") &&
      !w.ends_with("is"))
    w.pop_back();
  return w;
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

std::vector<std::string> split_words(std::string_view normalised) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < normalised.size()) {
    size_t end = normalised.find(' ', start);
    if (end == std::string_view::npos) end = normalised.size();
    std::string w(normalised.substr(start, end - start));
    if (!w.empty() &&
        std::find(std::begin(kSmallWords), std::end(kSmallWords), w) == std::end(kSmallWords))
      out.push_back(singular(std::move(w)));
    start = end + 1;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

size_t shared_words(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  size_t n = 0;
  for (const std::string& w : a) n += std::binary_search(b.begin(), b.end(), w) ? 1 : 0;
  return n;
}

bool contains_all(const std::vector<std::string>& outer, const std::vector<std::string>& inner) {
  return std::includes(outer.begin(), outer.end(), inner.begin(), inner.end());
}

// How a name relates to the text's words.
enum Relation { kSameWords, kNameInText, kTextInName, kDescriptionWords };

// A part is found by an item's description when two thirds of its words (two or more) are
// in it; such a match is never surer than 50%.
constexpr size_t kDescriptionShare = 2;  // of 3

}  // namespace

std::string normalise_theme(std::string_view text) {
  return drop_numbering(normalise_header(text));
}

std::vector<std::string> ThemeMatcher::words_of(std::string_view text) {
  return split_words(normalise_header(text));
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
    auto add = [&](const std::string& text, NameKind kind) {
      std::vector<std::string> words = words_of(text);
      if (!words.empty()) names_.push_back({std::move(words), text, kind, &item});
    };
    add(item.title, NameKind::kTitle);
    for (const std::string& w : item.wording) add(w, NameKind::kWording);
    for (const std::string& a : item.aliases) add(a, NameKind::kAlias);
    add(id, NameKind::kId);
    add(item.description, NameKind::kDescription);
    if (!item.is_expectation()) titles_.push_back(item.title);
  }
}

bool ThemeMatcher::exact(const std::vector<std::string>& words) const {
  return !words.empty() && std::any_of(names_.begin(), names_.end(), [&](const Name& n) {
    return n.kind != NameKind::kDescription && n.words == words;
  });
}

std::string ThemeMatcher::how(const Name& name, int relation, size_t shared, size_t of) const {
  std::string label;
  switch (name.kind) {
    case NameKind::kId:
      label = fmt::format("its id '{}'", name.item->id);
      break;
    case NameKind::kTitle:
      label = fmt::format("its title '{}'", name.text);
      break;
    case NameKind::kWording: {
      const Framework* f = catalogue_->framework(name.item->framework);
      const std::string who =
          f && !f->source_publisher.empty() ? f->source_publisher + "'s" : std::string("the");
      label = fmt::format("{} wording '{}'", who, name.text);
      break;
    }
    case NameKind::kAlias:
      label = fmt::format("its other wording '{}'", name.text);
      break;
    case NameKind::kDescription:
      return fmt::format("{} of the {} words are in its description", shared, of);
  }
  switch (relation) {
    case kSameWords:
      return "the same words as " + label;
    case kNameInText:
      return "holds " + label;
    default:
      return "is part of " + label;
  }
}

ThemeMatcher::PartMatch ThemeMatcher::match_words(const std::vector<std::string>& t) const {
  struct Best {
    int score = 0;
    const Name* name = nullptr;
    int relation = 0;
    size_t shared = 0;
  };
  // By framework: the best by a name, and the best by a description, which counts only
  // when the part names no item of any framework.
  std::map<std::string, Best> by_name, by_description;
  for (const Name& n : names_) {
    Best b{0, &n, 0, 0};
    if (n.kind == NameKind::kDescription) {
      const size_t shared = shared_words(t, n.words);
      if (t.size() >= 2 && shared * 3 >= t.size() * kDescriptionShare)
        b = {static_cast<int>(50 * shared / t.size()), &n, kDescriptionWords, shared};
    } else if (n.words == t) {
      b = {100, &n, kSameWords, t.size()};
    } else if (contains_all(t, n.words) && join(n.words, " ").size() >= 3) {
      b = {std::max(1, static_cast<int>(100 * n.words.size() / t.size())), &n, kNameInText,
           n.words.size()};
    } else if (t.size() >= 2 && 2 * t.size() >= n.words.size() && contains_all(n.words, t)) {
      // Most of a name: "failure to review medication". A few words of a long sentence
      // (an expectation's title) are not.
      b = {static_cast<int>(100 * t.size() / n.words.size()), &n, kTextInName, t.size()};
    }
    Best& slot = (n.kind == NameKind::kDescription ? by_description : by_name)[n.item->framework];
    if (b.score > slot.score) slot = b;
  }
  const bool named = std::any_of(by_name.begin(), by_name.end(),
                                 [](const auto& entry) { return entry.second.score > 0; });
  const std::map<std::string, Best>& best = named ? by_name : by_description;
  PartMatch out;
  for (const Framework& f : catalogue_->frameworks) {  // in framework order
    auto it = best.find(f.id);
    if (it == best.end() || it->second.score == 0) continue;
    const Best& b = it->second;
    out.found.push_back({b.name->item, b.score, how(*b.name, b.relation, b.shared, t.size())});
    out.best = std::max(out.best, b.score);
  }
  for (const ThemeFound& f : out.found) {
    if (f.confidence == out.best) out.cited.push_back(f.item->framework);
  }
  return out;
}

ThemeMatch ThemeMatcher::match(std::string_view text) const {
  ThemeMatch result;
  // As written ("Section 117"), else without its numbering ("Theme 2 - Carers").
  auto words = [&](std::string_view part) {
    std::vector<std::string> raw = words_of(part);
    return exact(raw) ? raw : split_words(normalise_theme(part));
  };
  auto take = [&](const PartMatch& m) {
    for (const ThemeFound& f : m.found) {
      if (std::find(result.items.begin(), result.items.end(), f.item) != result.items.end())
        continue;
      result.items.push_back(f.item);
      result.found.push_back(f);
    }
    for (const std::string& c : m.cited) {
      if (std::find(result.cited.begin(), result.cited.end(), c) == result.cited.end())
        result.cited.push_back(c);
    }
  };
  const std::vector<std::string> whole = words(text);
  if (whole.empty()) return result;
  if (exact(whole)) {
    take(match_words(whole));
    return result;
  }
  // Parts: split at ; , / | and line breaks; each part names its own items.
  std::vector<std::pair<std::string, PartMatch>> parts;
  std::string part;
  auto flush = [&] {
    const std::vector<std::string> w = words(part);
    if (!w.empty()) parts.emplace_back(std::string(trim(part)), match_words(w));
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
  const bool all_matched = std::all_of(parts.begin(), parts.end(),
                                       [](const auto& p) { return !p.second.found.empty(); });
  // "Lack of, or poor, involvement of carers": its commas do not part themes.
  if (!all_matched && parts.size() > 1) {
    PartMatch as_one = match_words(whole);
    if (as_one.best >= 50) {
      take(as_one);
      return result;
    }
  }
  for (const auto& [written, m] : parts) {
    if (m.found.empty()) {
      result.unmatched.push_back(written);
    } else {
      take(m);
    }
  }
  return result;
}

bool ThemeMatcher::names_items(std::string_view text) const {
  return exact(words_of(text)) || exact(split_words(normalise_theme(text)));
}

std::string ThemeMatcher::closest(std::string_view text) const {
  auto near = closest_match(trim(text), titles_);
  if (near) return fmt::format("did you mean '{}'?", *near);
  return "no framework item's title or other wording is in it (`iact frameworks` lists the "
         "items)";
}

}  // namespace iact
