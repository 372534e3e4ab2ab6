#include "import/tracker.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "import/themes.h"
#include "plan/fields.h"
#include "plan/loader.h"
#include "util/text.h"

namespace iact {

namespace {

using enum TrackerField;

struct StatusWord {
  std::string_view words;  // normalised (normalise_header)
  Status status;
};

// Status words in trackers beyond the plan's own words and its synonyms (fields.cpp).
constexpr StatusWord kTrackerStatusWords[] = {
    {"achieved", Status::kComplete},
    {"delivered", Status::kComplete},
    {"finished", Status::kComplete},
    {"complete awaiting evidence", Status::kComplete},
    {"b", Status::kComplete},
    {"on track", Status::kOnTrack},
    {"progressing", Status::kOnTrack},
    {"underway", Status::kOnTrack},
    {"under way", Status::kOnTrack},
    {"partially complete", Status::kOnTrack},
    {"partially completed", Status::kOnTrack},
    {"g", Status::kOnTrack},
    {"at risk", Status::kAtRisk},
    {"some risk", Status::kAtRisk},
    {"slipping", Status::kAtRisk},
    {"a", Status::kAtRisk},
    {"off track", Status::kOffTrack},
    {"not on track", Status::kOffTrack},
    {"behind", Status::kOffTrack},
    {"behind schedule", Status::kOffTrack},
    {"r", Status::kOffTrack},
    {"on hold", Status::kBlocked},
    {"paused", Status::kBlocked},
    {"stalled", Status::kBlocked},
    {"not yet started", Status::kNotStarted},
    {"yet to start", Status::kNotStarted},
    {"not due", Status::kNotStarted},
    {"planned", Status::kNotStarted},
    {"pending", Status::kNotStarted},
};

struct KnownStatusWord {
  std::string words;  // normalised
  Status status;
};

// Every status word iact reads in a tracker: the plan's own, the synonyms its field table
// offers in hints, and those above.
const std::vector<KnownStatusWord>& status_words() {
  static const std::vector<KnownStatusWord> words = [] {
    std::vector<KnownStatusWord> all;
    for (size_t i = 0; i < kStatusNames.size(); ++i) {
      all.push_back({normalise_header(kStatusNames[i]), static_cast<Status>(i)});
    }
    const FieldDef* status = plan_def().field("actions")->object->field("status");
    for (const Synonym& s : status->synonyms) {
      auto it = std::find(kStatusNames.begin(), kStatusNames.end(), s.meant);
      all.push_back({normalise_header(s.written), static_cast<Status>(it - kStatusNames.begin())});
    }
    for (const StatusWord& w : kTrackerStatusWords) all.push_back({std::string(w.words), w.status});
    return all;
  }();
  return words;
}

// How a note names a column: its header, or "Column C" when it has none.
std::string note_label(const ColumnMapping& m, size_t col) {
  if (col < m.headers.size() && !m.headers[col].empty()) return m.headers[col];
  return "Column " + column_name(col);
}

bool has_words(std::string_view text, std::string_view phrase) {
  size_t at = 0;
  while (!phrase.empty() && (at = text.find(phrase, at)) != std::string_view::npos) {
    const size_t end = at + phrase.size();
    if ((at == 0 || text[at - 1] == ' ') && (end == text.size() || text[end] == ' ')) return true;
    ++at;
  }
  return false;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t nl = text.find('\n', start);
    const std::string_view line = trim(
        text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    if (!line.empty()) lines.emplace_back(line);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

// A tracker's reference as an action id: [A-Za-z0-9._-], runs of anything else as one '-'.
std::string id_from_ref(std::string_view ref) {
  std::string id;
  for (char c : ref) {
    const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
    if (ok) {
      id += c;
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && (id.back() == '-' || id.back() == '.')) id.pop_back();
  while (!id.empty() && id.front() == '-') id.erase(0, 1);
  return id;
}

// Splits a lead cell at , / & ; + " and " and line breaks.
std::vector<std::string> lead_tokens(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    const std::string_view t = trim(current);
    if (!t.empty()) out.emplace_back(t);
    current.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ',' || c == '/' || c == '&' || c == ';' || c == '+' || c == '\n') {
      flush();
    } else if ((c == ' ') && lowercase(text.substr(i, 5)) == " and ") {
      flush();
      i += 4;
    } else {
      current += c;
    }
  }
  flush();
  return out;
}

std::optional<std::string> timeframe_from(std::string_view text) {
  const std::string t = normalise_header(text);
  if (t.empty()) return std::nullopt;
  for (std::string_view name : kTimeframeNames) {
    if (t == normalise_header(name)) return std::string(name);
  }
  const FieldDef* f = plan_def().field("actions")->object->field("timeframe");
  for (const Synonym& s : f->synonyms) {
    if (t == normalise_header(s.written)) return std::string(s.meant);
  }
  static constexpr std::pair<std::string_view, std::string_view> kMore[] = {
      {"short term", "short"},
      {"short medium", "short-medium"},
      {"medium", "medium"},
      {"medium long", "medium-long"},
      {"long", "long"},
      {"0 6 months", "short"},
      {"6 12 months", "medium"},
      {"12 months", "long"},
      {"12 months plus", "long"},
      {"short to medium term", "short-medium"},
      {"medium to long term", "medium-long"},
  };
  for (const auto& [words, meant] : kMore) {
    if (t == words) return std::string(meant);
  }
  return std::nullopt;
}

// A cost cell: none, tbc, or an amount (recurrent when it says so); nothing if it is none of
// these ("within the pathway review"), and the text then goes to the notes.
std::optional<Cost> cost_from(std::string_view raw) {
  const std::string t = normalise_header(raw);
  Cost c;
  static constexpr std::string_view kNone[] = {"none",
                                               "nil",
                                               "no",
                                               "n a",
                                               "na",
                                               "no cost",
                                               "nil cost",
                                               "0",
                                               "within existing resources",
                                               "existing resources",
                                               "none identified"};
  for (std::string_view n : kNone) {
    if (t == n) return c;
  }
  if (t == "tbc" || t == "tba" || t == "to be confirmed" || t == "unknown" || t == "tbd") {
    c.kind = Cost::Kind::kTbc;
    return c;
  }
  std::string amount(trim(raw));
  // Recurrent when the cell says so, one-off when it says that; otherwise not said.
  if (has_words(t, "recurrent") || has_words(t, "recurring") || has_words(t, "per annum") ||
      has_words(t, "pa") || has_words(t, "p a"))
    c.recurrent = true;
  for (std::string_view word :
       {"recurrent", "recurring", "per annum", "non-recurrent", "p.a.", "pa"}) {
    const std::string lower = lowercase(amount);
    const size_t at = lower.find(word);
    if (at != std::string::npos) amount.erase(at, word.size());
  }
  std::erase(amount, '*');  // papers mark indicative amounts
  std::erase(amount, ' ');
  if (auto value = parse_amount(amount)) {
    c.kind = Cost::Kind::kAmount;
    c.amount = *value;
    if (has_words(t, "non recurrent") || has_words(t, "one off")) c.recurrent = false;
    return c;
  }
  return std::nullopt;
}

// Notes a theme text and what it became, once per distinct text.
void record_theme(TrackerImport& out, const std::string& text, int row, bool heading, bool mapped,
                  ThemeMatch match) {
  for (ThemeUse& use : out.themes) {
    if (use.text == text && use.heading == heading) {
      use.rows.push_back(row);
      return;
    }
  }
  out.themes.push_back({text, {row}, heading, mapped, std::move(match)});
}

// "row 2", "rows 2, 3, 4, 5, 6, 7, 8, 9, and 3 more".
std::string rows_list(const std::vector<int>& rows) {
  std::vector<std::string> shown;
  for (size_t i = 0; i < rows.size() && i < 8; ++i) shown.push_back(std::to_string(rows[i]));
  if (rows.size() > 8) shown.push_back(fmt::format("and {} more", rows.size() - 8));
  return fmt::format("{} {}", rows.size() == 1 ? "row" : "rows", join(shown));
}

// Whether a lead the system does not know reads as an organisation rather than a role:
// "Somerset NHS Foundation Trust", "Bristol City Council"; or an acronym ("CNTW") named
// beside an organisation iact knows ("ICB, CNTW"), or in a lead column that names none.
bool looks_like_organisation(std::string_view token, bool acronym_counts) {
  static constexpr std::string_view kWords[] = {
      "trust",    "nhs",        "foundation", "icb",     "council", "partnership", "ft",
      "hospital", "university", "ltd",        "limited", "cic",     "charity",     "police"};
  const std::string words = fmt::format(" {} ", normalise_header(token));
  for (std::string_view w : kWords) {
    if (words.find(fmt::format(" {} ", w)) != std::string::npos) return true;
  }
  const std::string_view t = trim(token);
  return acronym_counts && t.size() >= 2 && t.size() <= 8 &&
         std::all_of(t.begin(), t.end(), [](char c) {
           return std::isupper(static_cast<unsigned char>(c)) ||
                  std::isdigit(static_cast<unsigned char>(c));
         });
}

struct RowReader {
  const Workbook& book;
  const ColumnMapping& m;
  const ImportSettings& s;
  const ThemeMatcher& themes;
  TrackerImport& out;
  const Row* row = nullptr;
  bool failed = false;
  struct UnknownLead {
    std::vector<int> rows;
    bool beside_known = false;  // in a cell that also names an organisation iact knows
  };
  std::map<std::string, UnknownLead> unknown_leads = {};  // lead column text -> where
  bool lead_known = false;  // the lead column named an organisation iact knows

  const Cell* cell(TrackerField f) const {
    auto col = m.column(f);
    return col ? row->at(*col) : nullptr;
  }
  std::string text(TrackerField f) const {
    const Cell* c = cell(f);
    return c && !c->empty() ? std::string(trim(c->text)) : std::string();
  }
  Pos pos(TrackerField f) const {
    auto col = m.column(f);
    return Pos{row->number, col ? static_cast<int>(*col) + 1 : 1};
  }
  std::string where(TrackerField f) const {
    auto col = m.column(f);
    return col ? m.label(*col) : std::string(tracker_field(f).name);
  }
  void error(TrackerField f, std::string_view rule, std::string message, std::string hint = {}) {
    out.diags.add(book.file, pos(f), rule, std::move(message), std::move(hint));
    failed = true;
  }
  void warn(TrackerField f, std::string message, std::string hint = {}) {
    out.diags.add(book.file, pos(f), "import-assumed", std::move(message), std::move(hint));
  }

  // A date cell, or text in any written form.
  std::optional<Due> due_of(TrackerField f) {
    const Cell* c = cell(f);
    if (!c || c->empty()) return std::nullopt;
    if (c->kind == Cell::Kind::kDate) {
      // A month typed as "Jun-25" is stored as its first day but means the month.
      if (c->month_only) return month_due(c->date.year, c->date.month);
      return Due{Due::Kind::kDate, c->date, DateForm::kDay, c->date.iso()};
    }
    if (auto mapped = s.values.dates.find(normalise_header(c->text));
        mapped != s.values.dates.end())
      return mapped->second;
    auto parsed = parse_written_due(c->text);
    if (const Due* d = std::get_if<Due>(&parsed)) return *d;
    const DateError& e = std::get<DateError>(parsed);
    error(f, "import-date", fmt::format("{}: '{}' is not a date", where(f), trim(c->text)),
          e.hint + "; or say what it means under `dates:` in a mapping file");
    return std::nullopt;
  }

  std::optional<Status> status_of(TrackerField f, bool& found_in) {
    const std::string t = text(f);
    if (t.empty()) return std::nullopt;
    auto mapped = s.values.statuses.find(normalise_header(t));
    if (mapped != s.values.statuses.end()) {
      auto it = std::find(kStatusNames.begin(), kStatusNames.end(), mapped->second);
      return static_cast<Status>(it - kStatusNames.begin());
    }
    if (auto st = status_from_words(t, &found_in)) return st;
    error(f, "import-status", fmt::format("{}: '{}' is not a status iact knows", where(f), t),
          "write Complete, On track, At risk, Delayed, Blocked or Not started (or Blue, Green, "
          "Amber, Red), or say what it means under `statuses:` in a mapping file (a negated "
          "status, such as 'Not completed', is never read as a status)");
    return std::nullopt;
  }

  void leads(ImportedAction& a) {
    const bool lead_column = m.column(kLead).has_value();
    const TrackerField source = lead_column ? kLead : kOwner;
    const std::string raw = text(source);
    std::vector<std::string> owners;
    bool reworded = false;  // the plan says it differently ("ICB" is QSL): keep the original
    if (!raw.empty()) {
      std::vector<std::string> labels;
      auto add_label = [&](const std::string& l) {
        if (std::find(labels.begin(), labels.end(), l) == labels.end()) labels.push_back(l);
      };
      if (auto whole = s.values.leads.find(normalise_header(raw)); whole != s.values.leads.end()) {
        for (const std::string& l : lead_tokens(whole->second)) add_label(l);
        reworded = true;
      } else {
        for (const std::string& token : lead_tokens(raw)) {
          const std::string n = normalise_header(token);
          if (auto it = s.values.leads.find(n); it != s.values.leads.end()) {
            for (const std::string& l : lead_tokens(it->second)) add_label(l);
            reworded = true;
            continue;
          }
          bool known = false;
          for (const KnownOrganisation& org : s.organisations) {
            for (const std::string& name : org.names) {
              if (normalise_header(name) == n) known = true;
            }
            if (known) {
              add_label(org.label);
              reworded = reworded || token != org.label;
              break;
            }
          }
          if (!known) owners.push_back(token);
        }
        if (lead_column) {
          for (const std::string& token : owners) {
            UnknownLead& u = unknown_leads[token];
            u.rows.push_back(row->number);
            u.beside_known = u.beside_known || !labels.empty();
          }
        }
      }
      lead_known = lead_known || (lead_column && !labels.empty());
      a.lead = labels;
      if (labels.empty()) owners = {raw};
    }
    if (a.lead.empty()) a.lead = {s.own_label};
    if (lead_column) {
      const std::string owner = text(kOwner);
      if (!owner.empty()) owners.push_back(owner);
    }
    a.owner = join(owners, "; ");
    if (reworded) a.notes.push_back(fmt::format("{}: {}", note_label(m, *m.column(source)), raw));
  }

  void theme(ImportedAction& a, const std::vector<std::string>& inherited) {
    const std::string t = text(kTheme);
    if (!t.empty()) {
      if (auto it = s.values.themes.find(normalise_header(t)); it != s.values.themes.end()) {
        a.addresses = it->second;
        a.notes.push_back(fmt::format("{}: {}", note_label(m, *m.column(kTheme)), t));
        ThemeMatch named;
        for (const std::string& id : it->second) {
          if (const FrameworkItem* item = s.catalogue->resolve(id).item) {
            named.items.push_back(item);
            named.found.push_back({item, 100, "the mapping file's `themes:` names it"});
            named.cited.push_back(item->framework);
          }
        }
        record_theme(out, t, row->number, false, true, std::move(named));
        return;
      }
      ThemeMatch match = themes.match(t);
      record_theme(out, t, row->number, false, false, match);
      for (const FrameworkItem* item : match.items) a.addresses.push_back(item->id);
      // The tracker's own wording stays with the action, unless it was the ids themselves.
      if (normalise_header(t) != normalise_header(join(a.addresses, " ")))
        a.notes.push_back(fmt::format("{}: {}", note_label(m, *m.column(kTheme)), t));
      if (a.addresses.empty()) {
        error(
            kTheme, "import-theme",
            fmt::format("{}: theme '{}' matches no framework item", where(kTheme), t),
            themes.closest(t) + "; or say which items it means under `themes:` in a mapping file");
      } else if (!match.unmatched.empty()) {
        warn(kTheme,
             fmt::format("{}: '{}' matches no framework item; the action addresses {}",
                         where(kTheme), join(match.unmatched, "', '"), join(a.addresses)),
             "say which items it means under `themes:` in a mapping file");
      }
      return;
    }
    if (!inherited.empty()) {
      a.addresses = inherited;
    } else if (!s.default_addresses.empty()) {
      a.addresses = s.default_addresses;
    } else {
      error(kTheme, "import-theme",
            fmt::format("the action on row {} has no theme, so addresses no framework item",
                        row->number),
            m.column(kTheme) ? "fill in its theme, or give --addresses ITEM for rows with none"
                             : "add a Theme column, put the rows under theme heading rows, or "
                               "give --addresses ITEM (see `iact frameworks`)");
    }
  }
};

// The single text of a row, if every non-empty cell holds the same one (a heading row),
// and whether it spans several columns.
struct RowValues {
  std::vector<std::pair<size_t, std::string>> cells;  // non-empty, trimmed
  std::set<std::string> distinct;
  bool merged_across = false;
};

RowValues values_of(const Row& row) {
  RowValues v;
  for (size_t c = 0; c < row.cells.size(); ++c) {
    const Cell& cell = row.cells[c];
    if (cell.empty()) continue;
    const std::string t(trim(cell.text));
    if (t.empty()) continue;
    v.cells.emplace_back(c, t);
    v.distinct.insert(t);
    if (cell.merged_copy) v.merged_across = true;
  }
  return v;
}

bool repeats_header(const RowValues& v, const ColumnMapping& m) {
  int same = 0;
  for (const auto& [col, text] : v.cells) {
    if (col < m.headers.size() && normalise_header(text) == normalise_header(m.headers[col]) &&
        !normalise_header(text).empty())
      ++same;
  }
  return same >= 2 && same * 2 >= static_cast<int>(v.cells.size());
}

bool looks_numbered_heading(std::string_view text) {
  const std::string n = normalise_header(text);
  for (std::string_view label : {"theme", "section", "area", "domain", "part", "workstream"}) {
    if (n.starts_with(label) && n.size() > label.size() + 1 && n[label.size()] == ' ' &&
        std::isdigit(static_cast<unsigned char>(n[label.size() + 1])))
      return true;
  }
  return false;
}

}  // namespace

namespace {

// Words that turn the status after them into its opposite, or into no status at all: "Not
// completed", "Unable to complete", "No longer blocked", "Can't complete" (the apostrophe
// reads as a space, leaving "t").
bool negates(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "not", "no",   "never", "unable", "cannot", "cant", "t",      "nor", "without",
      "yet", "isnt", "wasnt", "wont",   "failed", "fail", "longer", "non", "neither"};
  for (std::string_view w : kWords) {
    if (word == w) return true;
  }
  return false;
}

// Whether one of the (up to) three words before `at` in `t` negates what follows.
bool negated_at(std::string_view t, size_t at) {
  std::string_view before = t.substr(0, at);
  for (int n = 0; n < 3; ++n) {
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (before.empty()) return false;
    const size_t space = before.rfind(' ');
    const size_t start = space == std::string_view::npos ? 0 : space + 1;
    if (negates(before.substr(start))) return true;
    before = before.substr(0, start);
  }
  return false;
}

}  // namespace

std::optional<Status> status_from_words(std::string_view text, bool* found_in) {
  const std::string t = normalise_header(text);
  if (t.empty()) return std::nullopt;
  for (const KnownStatusWord& w : status_words()) {
    if (t == w.words) {
      if (found_in) *found_in = false;
      return w.status;
    }
  }
  // Inside longer text: the longest status phrase it holds ("not started" over "started").
  // A phrase with a negation before it ("not completed", "no longer blocked") is not that
  // status, and is not guessed to be any other: the text is then no status at all.
  struct Found {
    size_t at, end;
    const KnownStatusWord* word;
  };
  std::vector<Found> found;
  for (const KnownStatusWord& w : status_words()) {
    if (w.words.size() < 4) continue;
    size_t at = 0;
    while ((at = t.find(w.words, at)) != std::string::npos) {
      const size_t end = at + w.words.size();
      if ((at == 0 || t[at - 1] == ' ') && (end == t.size() || t[end] == ' '))
        found.push_back({at, end, &w});
      ++at;
    }
  }
  const KnownStatusWord* best = nullptr;
  for (const Found& f : found) {
    // A phrase inside a longer one found ("started" in "not started") is read as the longer.
    const bool inside = std::any_of(found.begin(), found.end(), [&](const Found& o) {
      return o.at <= f.at && o.end >= f.end && o.end - o.at > f.end - f.at;
    });
    if (inside) continue;
    if (negated_at(t, f.at)) return std::nullopt;
    if (!best || f.word->words.size() > best->words.size()) best = f.word;
  }
  if (!best) return std::nullopt;
  if (found_in) *found_in = true;
  return best->status;
}

std::string describe_themes(const TrackerImport& t) {
  if (t.themes.empty())
    return "Themes: none (no theme column holds text, and no heading row names a framework "
           "item)\n";
  std::string out = "Themes, each text and the framework items it becomes (how sure):\n";
  for (const ThemeUse& use : t.themes) {
    std::string shown = use.text;
    std::replace(shown.begin(), shown.end(), '\n', ' ');
    out +=
        fmt::format("  '{}' ({}{})\n", shown, use.heading ? "heading " : "", rows_list(use.rows));
    std::vector<ThemeFound> found = use.match.found;  // surest first
    std::stable_sort(found.begin(), found.end(), [](const ThemeFound& a, const ThemeFound& b) {
      return a.confidence > b.confidence;
    });
    for (const ThemeFound& f : found) {
      out += fmt::format("      -> {:<32} {:>3}%  {} ({})\n", f.item->id, f.confidence, f.how,
                         f.item->framework);
    }
    if (use.match.found.empty()) {
      out +=
          "      -> no framework item; say which items it means under `themes:` in a "
          "mapping file\n";
    } else {
      for (const std::string& part : use.match.unmatched)
        out += fmt::format("      -> nothing for '{}'\n", part);
    }
  }
  if (!t.cited.empty()) {
    out += fmt::format(
        "The themes cite {}; a new plan answers to {} (--framework ID chooses others).\n",
        join(t.cited), t.cited.size() == 1 ? "it" : "those");
  }
  return out;
}

TrackerImport import_tracker(const Workbook& book, const ColumnMapping& m,
                             const ImportSettings& s) {
  TrackerImport out;
  out.mapping = m;
  const Sheet& sheet = *m.sheet;
  const ThemeMatcher themes(*s.catalogue, s.frameworks);
  RowReader r{book, m, s, themes, out};
  const int header_row = sheet.rows[m.header_index].number;
  if (!m.column(kRef)) {
    out.diags.add(book.file, Pos{header_row, 1}, "import-assumed",
                  "the tracker has no reference column; each action is named after its row "
                  "(ROW-12)",
                  "name the column of references with --map if it has one");
  }
  std::string heading_group;
  std::vector<std::string> heading_items;
  std::map<std::string, int> ids;  // id -> row
  std::set<std::string> addressed;

  for (size_t i = m.header_index + 1; i < sheet.rows.size(); ++i) {
    const Row& row = sheet.rows[i];
    const RowValues v = values_of(row);
    if (v.cells.empty() || repeats_header(v, m)) continue;
    const auto title_col = m.column(kTitle);
    if (v.distinct.size() == 1) {
      const auto& [col, t] = v.cells.front();
      const bool heading = v.merged_across || col != *title_col || looks_numbered_heading(t) ||
                           themes.names_items(t);
      if (heading) {
        heading_group = t;
        heading_items.clear();
        ThemeMatch named = themes.match(t);
        for (const FrameworkItem* item : named.items) heading_items.push_back(item->id);
        if (!named.items.empty()) record_theme(out, t, row.number, true, false, std::move(named));
        if (std::find(out.groups.begin(), out.groups.end(), t) == out.groups.end())
          out.groups.push_back(t);
        continue;
      }
    }
    r.row = &row;
    r.failed = false;
    ImportedAction a;
    a.row = row.number;

    // Title and description; a title cell of several lines keeps its first as the title.
    std::vector<std::string> lines = split_lines(r.text(kTitle));
    if (lines.empty()) {
      r.error(
          kTitle, "import-row",
          fmt::format("row {} has no action text ({} is empty)", row.number, m.label(*title_col)),
          "fill in the action, or delete the row");
      ++out.rows_left_out;
      continue;
    }
    a.title = lines.front();
    std::vector<std::string> more(lines.begin() + 1, lines.end());
    if (const std::string d = r.text(kDescription); !d.empty()) more.push_back(d);
    a.description = join(more, "\n");

    // Reference.
    const std::string ref = r.text(kRef);
    if (!m.column(kRef)) {
      a.id = fmt::format("ROW-{}", row.number);
    } else if (ref.empty()) {
      a.id = fmt::format("ROW-{}", row.number);
      r.warn(kRef, fmt::format("{} is empty; the action is named {}", r.where(kRef), a.id));
    } else {
      a.id = id_from_ref(ref);
      if (a.id.empty()) a.id = fmt::format("ROW-{}", row.number);
      std::string shown(ref);
      while (!shown.empty() && shown.back() == '.') shown.pop_back();
      if (a.id != shown) {
        r.warn(kRef, fmt::format("reference '{}' becomes the id '{}' (ids use letters, digits, "
                                 "'.', '_' and '-')",
                                 ref, a.id));
      }
    }
    if (auto it = ids.find(a.id); it != ids.end()) {
      r.error(kRef, "import-duplicate",
              fmt::format("reference '{}' is also on row {}", ref.empty() ? a.id : ref, it->second),
              "give each action its own reference");
    }

    a.group = r.text(kGroup);
    if (a.group.empty()) a.group = heading_group;
    if (!a.group.empty() &&
        std::find(out.groups.begin(), out.groups.end(), a.group) == out.groups.end())
      out.groups.push_back(a.group);
    r.theme(a, heading_items);
    r.leads(a);

    if (const std::string tf = r.text(kTimeframe); !tf.empty()) {
      if (auto t = timeframe_from(tf)) {
        a.timeframe = *t;
      } else {
        a.notes.push_back(fmt::format("{}: {}", note_label(m, *m.column(kTimeframe)), tf));
      }
    }

    // Dates.
    if (auto due = r.due_of(kDue)) {
      a.due = *due;
    } else if (!r.failed) {
      a.due = Due{Due::Kind::kTbc, {}, DateForm::kDay, "tbc"};
      if (m.column(kDue)) r.warn(kDue, fmt::format("{} is empty; due is tbc", r.where(kDue)));
    }
    a.baseline_due = r.due_of(kBaselineDue);
    if (auto done = r.due_of(kCompleted)) {
      if (done->is_date()) {
        a.completed = done->date;
      } else {
        r.error(kCompleted, "import-date",
                fmt::format("{}: '{}' is not a date", r.where(kCompleted), r.text(kCompleted)),
                "a completion needs the day it happened, e.g. 31/03/2025");
      }
    }

    // The day the row speaks for: its update date, else the tracker's.
    Date row_date = s.update_date;
    if (auto when = r.due_of(kUpdateDate); when && when->is_date()) row_date = when->date;
    // The tracker's own status words and colours kept in the notes were its rating on that
    // day, not the plan's status later: labelled so.
    auto rated = [&](TrackerField f) {
      return fmt::format("{} in the tracker on {}: {}", note_label(m, *m.column(f)), row_date.iso(),
                         r.text(f));
    };
    // Status: the status column, else the RAG colour, else complete if it has a completion.
    // "In progress" says only that work goes on; an Amber or Red beside it is the lead's own
    // rating of how it goes, and what the board saw, so it wins (the status text is kept).
    bool status_in_text = false, rag_in_text = false;
    std::optional<Status> status = r.status_of(kStatus, status_in_text);
    std::optional<Status> rag = r.status_of(kRag, rag_in_text);
    const bool rag_says_worse =
        status == Status::kOnTrack && rag &&
        (*rag == Status::kAtRisk || *rag == Status::kOffTrack || *rag == Status::kBlocked);
    if (rag_says_worse) {
      a.status = *rag;
      if (!status_in_text) a.notes.push_back(rated(kStatus));
    } else if (status) {
      a.status = *status;
      if (rag) a.notes.push_back(rated(kRag));
    } else if (rag) {
      a.status = *rag;
    } else if (a.completed) {
      a.status = Status::kComplete;
    } else if (!r.failed && (m.column(kStatus) || m.column(kRag))) {
      r.warn(m.column(kStatus) ? kStatus : kRag,
             fmt::format("{} is empty; the action is imported as not-started",
                         r.where(m.column(kStatus) ? kStatus : kRag)));
    }

    // The update: its text (or a status cell that said more than a status), dated.
    std::string note = r.text(kUpdate);
    if (status_in_text) {
      const std::string said = r.text(kStatus);
      note = note.empty() ? said : said + "\n" + note;
    }
    if (!note.empty()) a.update = ImportedUpdate{row_date, a.status, note};

    for (const std::string& e : split_lines(r.text(kEvidence))) a.evidence.push_back(e);
    if (const std::string risk = r.text(kRisk); !risk.empty())
      a.notes.push_back(fmt::format("{}: {}", note_label(m, *m.column(kRisk)), risk));
    if (const std::string cost = r.text(kCost); !cost.empty()) {
      a.cost = cost_from(cost);
      // What the amount cannot say stays in the notes: the text itself, when it is no cost
      // iact reads, or when it carries a footnote mark ("£61k*": indicative) the amount drops.
      if (!a.cost || cost.find('*') != std::string::npos)
        a.notes.push_back(fmt::format("{}: {}", note_label(m, *m.column(kCost)), cost));
    }
    // Nothing is lost: every other cell goes into the notes under its header.
    std::set<size_t> mapped;
    for (const auto& [field, col] : m.columns) mapped.insert(col);
    for (const auto& [col, t] : v.cells) {
      if (mapped.count(col)) continue;
      if (row.cells[col].merged_copy && t == heading_group) continue;
      a.notes.push_back(fmt::format("{}: {}", note_label(m, col), t));
    }

    if (r.failed) {
      ++out.rows_left_out;
      continue;
    }
    ids.emplace(a.id, row.number);
    for (const std::string& item : a.addresses) addressed.insert(item);
    out.actions.push_back(std::move(a));
  }
  // A lead the system does not know becomes the owner, and the plan's own organisation
  // leads: said, when it reads as an organisation, since it is often the one that leads.
  if (const auto col = m.column(kLead)) {
    for (const auto& [token, unknown] : r.unknown_leads) {
      if (!looks_like_organisation(token, unknown.beside_known || !r.lead_known)) continue;
      const std::vector<int>& rows = unknown.rows;
      out.diags.add(
          book.file, Pos{header_row, static_cast<int>(*col) + 1}, "import-lead",
          fmt::format("{}: '{}' ({}) names no organisation of this system, so {} led by {}, "
                      "with '{}' as {} owner",
                      m.label(*col), token, rows_list(rows),
                      rows.size() == 1 ? "its action is" : "their actions are", s.own_label, token,
                      rows.size() == 1 ? "its" : "their"),
          fmt::format("if the tracker is {}'s own, import it as {}'s plan (--code, --kind "
                      "trust, --icb); if {} works with the system, add it under `partners:` in "
                      "a plan of the system, or say what it means under `leads:` in a mapping "
                      "file",
                      token, token, token));
    }
  }
  std::set<std::string> cited;
  for (const ThemeUse& use : out.themes)
    cited.insert(use.match.cited.begin(), use.match.cited.end());
  for (const std::string& id : s.default_addresses) {
    if (const FrameworkItem* item = s.catalogue->resolve(id).item) cited.insert(item->framework);
  }
  for (const Framework& f : s.catalogue->frameworks) {
    if (cited.count(f.id)) out.cited.push_back(f.id);
    for (size_t index : f.items) {
      if (addressed.count(s.catalogue->items[index].id)) {
        out.frameworks.push_back(f.id);
        break;
      }
    }
  }
  out.diags.sort();
  return out;
}

}  // namespace iact
