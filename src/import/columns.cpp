#include "import/columns.h"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

#include "util/edit_distance.h"
#include "util/text.h"

namespace iact {

namespace {

using enum TrackerField;

// Header names as trackers and board papers write them, normalised (normalise_header), the
// most telling first. A header matches a name exactly, or contains it as whole words.
constexpr std::array<std::string_view, 14> kRefNames = {
    "ref",       "reference",        "action ref",    "action reference",
    "action id", "action no",        "action number", "id",
    "no",        "number",           "item",          "item no",
    "ref no",    "recommendation no"};
constexpr std::array<std::string_view, 16> kTitleNames = {"action",
                                                          "actions",
                                                          "action description",
                                                          "action required",
                                                          "actions required",
                                                          "action to be taken",
                                                          "actions to be taken",
                                                          "planned action",
                                                          "planned actions",
                                                          "system wide action",
                                                          "recommended action",
                                                          "task",
                                                          "what we will do",
                                                          "response",
                                                          "description",
                                                          "improvement action"};
constexpr std::array<std::string_view, 9> kDescriptionNames = {
    "description", "detail", "details", "objective",         "rationale",
    "gap",         "issue",  "finding", "developmental area"};
constexpr std::array<std::string_view, 4> kGroupNames = {"group", "section", "category",
                                                         "action group"};
constexpr std::array<std::string_view, 16> kThemeNames = {
    "theme",          "themes",         "area",          "area of focus",        "focus area",
    "framework",      "framework item", "workstream",    "work stream",          "domain",
    "national theme", "key theme",      "priority area", "recommendation theme", "requirement",
    "nhse theme"};
constexpr std::array<std::string_view, 10> kLeadNames = {"lead",
                                                         "lead org",
                                                         "lead organisation",
                                                         "lead organization",
                                                         "lead agency",
                                                         "responsible organisation",
                                                         "organisation",
                                                         "provider",
                                                         "lead partner",
                                                         "who"};
constexpr std::array<std::string_view, 11> kOwnerNames = {"owner",
                                                          "action owner",
                                                          "responsible",
                                                          "responsible officer",
                                                          "responsible person",
                                                          "lead officer",
                                                          "lead person",
                                                          "accountable officer",
                                                          "executive lead",
                                                          "lead name",
                                                          "named lead"};
constexpr std::array<std::string_view, 4> kTimeframeNames = {"timeframe", "time frame", "term",
                                                             "horizon"};
constexpr std::array<std::string_view, 17> kDueNames = {"due",
                                                        "due date",
                                                        "target date",
                                                        "target",
                                                        "deadline",
                                                        "completion target",
                                                        "target completion date",
                                                        "target completion",
                                                        "completion date",
                                                        "expected completion",
                                                        "by when",
                                                        "date due",
                                                        "timescale",
                                                        "timescales",
                                                        "revised target date",
                                                        "revised due date",
                                                        "delivery date"};
constexpr std::array<std::string_view, 8> kBaselineNames = {
    "original due date", "original target date", "original target",          "original deadline",
    "baseline date",     "baseline due date",    "original completion date", "initial target date"};
constexpr std::array<std::string_view, 7> kStatusNames = {
    "status",        "progress status", "current status", "delivery status",
    "action status", "state",           "progress"};
constexpr std::array<std::string_view, 9> kRagNames = {
    "rag",         "brag",   "rag status",         "brag status", "rag rating",
    "brag rating", "rating", "rag rating current", "rag rag"};
constexpr std::array<std::string_view, 15> kUpdateNames = {"update",
                                                           "latest update",
                                                           "progress update",
                                                           "commentary",
                                                           "comments",
                                                           "comment",
                                                           "narrative",
                                                           "current position",
                                                           "position",
                                                           "progress to date",
                                                           "update on progress",
                                                           "progress notes",
                                                           "progress narrative",
                                                           "latest position",
                                                           "monthly update"};
constexpr std::array<std::string_view, 7> kUpdateDateNames = {
    "update date", "date of update", "last updated",       "date updated",
    "updated",     "as at",          "date of last update"};
constexpr std::array<std::string_view, 9> kCompletedNames = {"completed",
                                                             "date completed",
                                                             "completed date",
                                                             "completed on",
                                                             "actual completion date",
                                                             "actual completion",
                                                             "date closed",
                                                             "closed",
                                                             "date of completion"};
constexpr std::array<std::string_view, 6> kEvidenceNames = {
    "evidence",           "evidence of completion", "assurance",
    "evidence assurance", "supporting evidence",    "evidence of impact"};
constexpr std::array<std::string_view, 6> kRiskNames = {
    "risk", "risks", "risks and issues", "risks issues", "barriers", "risks to delivery"};
constexpr std::array<std::string_view, 9> kCostNames = {"cost",
                                                        "costs",
                                                        "cost implication",
                                                        "cost implications",
                                                        "financial implication",
                                                        "financial implications",
                                                        "funding",
                                                        "investment",
                                                        "resource implications"};

constexpr std::array kFields = {
    TrackerFieldDef{kRef, "ref", "the action's reference; it becomes the action id", kRefNames},
    TrackerFieldDef{kTitle, "title", "what will be done", kTitleNames},
    TrackerFieldDef{kDescription, "description", "more detail: the objective or the gap",
                    kDescriptionNames},
    TrackerFieldDef{kGroup, "group", "the plan's grouping of actions", kGroupNames},
    TrackerFieldDef{kTheme, "theme",
                    "the national theme or area: matched to framework items (addresses)",
                    kThemeNames},
    TrackerFieldDef{kLead, "lead",
                    "the lead organisation(s); a role or person's title becomes the owner",
                    kLeadNames},
    TrackerFieldDef{kOwner, "owner", "the role that owns the action", kOwnerNames},
    TrackerFieldDef{kTimeframe, "timeframe", "short, medium or long term", kTimeframeNames},
    TrackerFieldDef{kDue, "due", "the target date, in any form board papers use", kDueNames},
    TrackerFieldDef{kBaselineDue, "baseline_due", "the first agreed date, when re-planned",
                    kBaselineNames},
    TrackerFieldDef{kStatus, "status", "the progress status (Complete, On track, Delayed...)",
                    kStatusNames},
    TrackerFieldDef{kRag, "rag", "a BRAG rating (Blue, Red, Amber, Green)", kRagNames},
    TrackerFieldDef{kUpdate, "update", "the latest progress update; it becomes an update entry",
                    kUpdateNames},
    TrackerFieldDef{kUpdateDate, "update_date", "when the latest update was written",
                    kUpdateDateNames},
    TrackerFieldDef{kCompleted, "completed", "the date the action was completed", kCompletedNames},
    TrackerFieldDef{kEvidence, "evidence", "evidence of completion", kEvidenceNames},
    TrackerFieldDef{kRisk, "risk", "risks or barriers to the action (kept in its notes)",
                    kRiskNames},
    TrackerFieldDef{kCost, "cost", "the cost: none, TBC or an amount", kCostNames},
};

// Whether `phrase` occurs in `text` as whole words (both normalised).
bool contains_words(std::string_view text, std::string_view phrase) {
  size_t at = 0;
  while ((at = text.find(phrase, at)) != std::string_view::npos) {
    const bool starts = at == 0 || text[at - 1] == ' ';
    const size_t end = at + phrase.size();
    const bool ends = end == text.size() || text[end] == ' ';
    if (starts && ends) return true;
    ++at;
  }
  return false;
}

struct Match {
  int score = 0;  // 0: no match
  std::string why;
};

// How well a header names a field: exactly one of its names (the earlier, the better), or
// containing one (the longer, the better).
Match match_header(const std::string& header, const TrackerFieldDef& f) {
  Match best;
  for (size_t i = 0; i < f.names.size(); ++i) {
    const std::string_view name = f.names[i];
    if (header == name) {
      return Match{10000 - static_cast<int>(i), fmt::format("the header is a name for {}", f.name)};
    }
    if (contains_words(header, name)) {
      const int score = 100 + static_cast<int>(name.size());
      if (score > best.score) {
        best = Match{score, fmt::format("the header contains '{}', a name for {}", name, f.name)};
      }
    }
  }
  return best;
}

// How many fields a row's cells name, and whether one is an action's text.
struct HeaderScore {
  int fields = 0;
  bool has_title = false;
};

// How a row reads as a header: the fields its cells name, by the names above or by the
// headers a mapping file gives.
HeaderScore score_row(const Row& row, const ColumnChoices& choices) {
  HeaderScore s;
  for (const Cell& c : row.cells) {
    if (c.kind != Cell::Kind::kText) continue;
    const std::string h = normalise_header(c.text);
    if (h.empty() || h.size() > 60) continue;
    bool any = false;
    for (const auto& [field, given] : choices.columns) {
      if (normalise_header(given) != h) continue;
      any = true;
      if (field == kTitle) s.has_title = true;
    }
    for (const TrackerFieldDef& f : kFields) {
      if (match_header(h, f).score == 0) continue;
      any = true;
      if (f.field == kTitle || f.field == kDescription) s.has_title = true;
    }
    if (any) ++s.fields;
  }
  return s;
}

// A column given as a letter ("C") or as header text; nothing if it names no column.
std::optional<size_t> find_column(const ColumnMapping& m, const std::string& given) {
  const std::string wanted = normalise_header(given);
  for (size_t c = 0; c < m.headers.size(); ++c) {
    if (!m.headers[c].empty() && normalise_header(m.headers[c]) == wanted) return c;
  }
  if (!given.empty() && given.size() <= 3 &&
      std::all_of(given.begin(), given.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })) {
    size_t col = 0;
    for (char ch : given) col = col * 26 + static_cast<size_t>(ch - 'A' + 1);
    return col - 1;
  }
  return std::nullopt;
}

constexpr int kHeaderSearchRows = 30;

}  // namespace

std::span<const TrackerFieldDef> tracker_fields() {
  return kFields;
}

const TrackerFieldDef& tracker_field(TrackerField field) {
  return kFields[static_cast<size_t>(field)];
}

const TrackerFieldDef* tracker_field(std::string_view name) {
  for (const TrackerFieldDef& f : kFields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

namespace {

// The length of the UTF-8 punctuation or space at `i` (a no-break space; U+2000 to U+206F:
// dashes, curly quotes, bullets, ellipses), or 0: "Theme 2 – Carers" reads as
// "theme 2 carers".
size_t unicode_punctuation(std::string_view s, size_t i) {
  const auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  if (i + 1 < s.size() && at(i) == 0xC2 && at(i + 1) == 0xA0) return 2;
  if (i + 2 < s.size() && at(i) == 0xE2 &&
      (at(i + 1) == 0x80 || (at(i + 1) == 0x81 && at(i + 2) < 0xB0)))
    return 3;
  return 0;
}

}  // namespace

std::string normalise_header(std::string_view header) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < header.size(); ++i) {
    const auto c = static_cast<unsigned char>(header[i]);
    if (const size_t n = unicode_punctuation(header, i)) {
      space = true;
      i += n - 1;
      continue;
    }
    if (c == '&') {  // "Carers & families" reads as "carers and families"
      if (!out.empty() && out.back() != ' ') out += ' ';
      out += "and";
      space = true;
      continue;
    }
    if (std::isalnum(c) || c >= 0x80) {
      if (space && !out.empty() && out.back() != ' ') out += ' ';
      out += static_cast<char>(std::tolower(c));
      space = false;
    } else {
      space = true;
    }
  }
  // "Target date(s)" and "Action(s)" read as their singular; a trailing '?' and the like
  // are gone already.
  if (out.ends_with(" s")) out.resize(out.size() - 2);
  return out;
}

std::string ColumnMapping::label(size_t col) const {
  const std::string letter = column_name(col);
  if (col < headers.size() && !headers[col].empty())
    return fmt::format("{} ({})", letter, headers[col]);
  return letter;
}

std::optional<ColumnMapping> map_columns(const Workbook& book, const ColumnChoices& choices,
                                         std::string& error, std::string& hint) {
  // The sheet and header row: as the mapping file says, else the best header among the
  // first rows of each sheet (visible sheets before hidden ones).
  const Sheet* best_sheet = nullptr;
  size_t best_row = 0;
  HeaderScore best_score;
  std::vector<std::string> names;
  for (const Sheet& sheet : book.sheets) {
    names.push_back(sheet.name);
    if (!choices.sheet.empty() && sheet.name != choices.sheet) continue;
    for (size_t i = 0; i < sheet.rows.size() && i < kHeaderSearchRows; ++i) {
      if (choices.header_row > 0) {
        if (sheet.rows[i].number != choices.header_row) continue;
        best_sheet = &sheet;
        best_row = i;
        best_score = score_row(sheet.rows[i], choices);
        break;
      }
      const HeaderScore s = score_row(sheet.rows[i], choices);
      if (!s.has_title || s.fields < 2) continue;
      const bool better = !best_sheet || s.fields > best_score.fields ||
                          (s.fields == best_score.fields && best_sheet->hidden && !sheet.hidden);
      if (better) {
        best_sheet = &sheet;
        best_row = i;
        best_score = s;
      }
    }
    if (best_sheet && choices.header_row > 0) break;
  }
  if (!choices.sheet.empty() &&
      std::find(names.begin(), names.end(), choices.sheet) == names.end()) {
    auto near = closest_match(choices.sheet, names);
    error = fmt::format("the workbook has no sheet '{}'", choices.sheet);
    hint = near ? fmt::format("did you mean '{}'? (sheets: {})", *near, join(names))
                : fmt::format("its sheets: {}", join(names));
    return std::nullopt;
  }
  if (!best_sheet) {
    if (choices.header_row > 0) {
      error =
          fmt::format("row {} of the sheet holds nothing to read as a header", choices.header_row);
      hint = "check header_row in the mapping file";
    } else {
      error = fmt::format("no header row found in the first {} rows of {}", kHeaderSearchRows,
                          !choices.sheet.empty()    ? fmt::format("sheet '{}'", choices.sheet)
                          : book.format == "csv"    ? std::string("the file")
                          : book.sheets.size() == 1 ? std::string("the sheet")
                                                    : std::string("any sheet"));
      hint =
          "a tracker needs a row of column headers naming at least the action and one more "
          "field (Ref, Action, Lead, Target date, Status...); `--show-mapping` shows the first "
          "rows, and --map names the columns";
    }
    return std::nullopt;
  }

  ColumnMapping m;
  m.sheet = best_sheet;
  m.header_index = best_row;
  for (const Cell& c : best_sheet->rows[best_row].cells) m.headers.emplace_back(trim(c.text));

  std::vector<bool> taken(std::max<size_t>(m.headers.size(), 1), false);
  // The mapping file's columns first.
  for (const auto& [field, given] : choices.columns) {
    if (given == "none") continue;
    std::optional<size_t> col = find_column(m, given);
    if (!col) {
      std::vector<std::string> headers;
      for (const std::string& h : m.headers) {
        if (!h.empty()) headers.push_back(h);
      }
      auto near = closest_match(given, headers);
      error =
          fmt::format("the mapping file names column '{}' for {}, but row {} has no such header",
                      given, tracker_field(field).name, best_sheet->rows[best_row].number);
      hint = near ? fmt::format("did you mean '{}'?", *near)
                  : fmt::format("the headers are: {}", join(headers));
      return std::nullopt;
    }
    if (*col >= taken.size()) taken.resize(*col + 1, false);
    m.columns[field] = *col;
    m.why[*col] = fmt::format("the mapping file names it for {}", tracker_field(field).name);
    taken[*col] = true;
  }
  // Then the best remaining (column, field) pairs, best first.
  struct Candidate {
    int score;
    size_t col;
    TrackerField field;
    std::string why;
  };
  std::vector<Candidate> candidates;
  for (size_t col = 0; col < m.headers.size(); ++col) {
    const std::string h = normalise_header(m.headers[col]);
    if (h.empty()) continue;
    for (const TrackerFieldDef& f : kFields) {
      if (choices.columns.count(f.field)) continue;
      Match match = match_header(h, f);
      if (match.score > 0) candidates.push_back({match.score, col, f.field, match.why});
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  for (const Candidate& c : candidates) {
    if (taken[c.col] || m.columns.count(c.field)) continue;
    m.columns[c.field] = c.col;
    m.why[c.col] = c.why;
    taken[c.col] = true;
  }
  // A tracker whose action text is headed "Description" has no title column otherwise.
  if (!m.columns.count(kTitle) && m.columns.count(kDescription) &&
      !choices.columns.count(kDescription)) {
    const size_t col = m.columns[kDescription];
    m.columns.erase(kDescription);
    m.columns[kTitle] = col;
    m.why[col] = "the only column holding the actions' text";
  }
  if (!m.columns.count(kTitle)) {
    error = fmt::format("no column of row {} holds the actions' text",
                        best_sheet->rows[best_row].number);
    hint =
        "name it in a mapping file: `columns: { title: <its header> }` (see iact import "
        "--help and docs/importing.md)";
    return std::nullopt;
  }
  return m;
}

std::string describe_mapping(const ColumnMapping& m, const Workbook& book) {
  const int row = m.sheet->rows[m.header_index].number;
  const std::string where = book.format == "csv"
                                ? fmt::format("Header on row {}", row)
                                : fmt::format("Sheet '{}', header on row {}", m.sheet->name, row);
  std::string out = where + ":\n";
  std::map<size_t, TrackerField> by_column;
  for (const auto& [field, col] : m.columns) by_column[col] = field;
  for (size_t col = 0; col < m.headers.size(); ++col) {
    if (m.headers[col].empty() && !by_column.count(col)) continue;
    auto it = by_column.find(col);
    if (it == by_column.end()) {
      out += fmt::format("  {:<36} -> notes   (no field: kept in each action's notes)\n",
                         m.label(col));
    } else {
      out += fmt::format("  {:<36} -> {:<7} ({})\n", m.label(col), tracker_field(it->second).name,
                         m.why.at(col));
    }
  }
  std::vector<std::string_view> missing;
  for (const TrackerFieldDef& f : kFields) {
    if (!m.columns.count(f.field)) missing.push_back(f.name);
  }
  if (!missing.empty()) out += fmt::format("No column for: {}\n", join(missing));
  return out;
}

std::string describe_first_rows(const Workbook& book, const std::string& sheet) {
  std::string out;
  for (const Sheet& s : book.sheets) {
    if (!sheet.empty() && s.name != sheet) continue;
    out += fmt::format("The first rows of sheet '{}':\n", s.name);
    int shown = 0;
    for (const Row& r : s.rows) {
      std::vector<std::string> cells;
      for (size_t c = 0; c < r.cells.size(); ++c) {
        if (r.cells[c].empty()) continue;
        std::string t(trim(r.cells[c].text));
        if (t.size() > 30) t = t.substr(0, 27) + "...";
        for (char& ch : t) {
          if (ch == '\n') ch = ' ';
        }
        cells.push_back(fmt::format("{}: {}", column_name(c), t));
      }
      if (cells.empty()) continue;
      out += fmt::format("  row {:<3} {}\n", r.number, join(cells, " | "));
      if (++shown == 8) break;
    }
  }
  out +=
      "Name the header row and columns in a mapping file (--map); docs/importing.md shows "
      "how.\n";
  return out;
}

}  // namespace iact
