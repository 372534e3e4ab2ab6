// Importing trackers: which column is which field, theme text to framework items, status
// words, and a tracker's rows as actions, with each kind of bad row reported at its row.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "import/columns.h"
#include "import/themes.h"
#include "import/tracker.h"
#include "read/csv.h"
#include "test_support.h"
#include "util/text.h"

namespace iact {
namespace {

using testing::frameworks;

Workbook csv(std::string_view text) {
  return std::get<Workbook>(read_csv(text, "t.csv"));
}

ColumnMapping mapping_of(const Workbook& b, const ColumnChoices& choices = {}) {
  std::string error, hint;
  auto m = map_columns(b, choices, error, hint);
  if (!m) ADD_FAILURE() << error << " / " << hint;
  return *m;
}

TEST(Columns, HeadersAreMatchedByTheNamesTrackersUse) {
  Workbook b = csv(
      "Action plan v2\n\nNo.,Action,Lead org,Target date,RAG,Latest progress update,Date completed,"
      "Area of focus,Owner,Cost implications,Misc\n1,x,SFT,2025-01-01,Green,u,,DNA,o,,\n");
  ColumnMapping m = mapping_of(b);
  EXPECT_EQ(m.sheet->rows[m.header_index].number, 3);
  using enum TrackerField;
  const std::pair<TrackerField, size_t> expected[] = {
      {kRef, 0},    {kTitle, 1},     {kLead, 2},  {kDue, 3},   {kRag, 4},
      {kUpdate, 5}, {kCompleted, 6}, {kTheme, 7}, {kOwner, 8}, {kCost, 9}};
  for (const auto& [field, col] : expected) {
    EXPECT_EQ(m.column(field), col) << tracker_field(field).name;
  }
  EXPECT_FALSE(m.column(kStatus));
  const std::string shown = describe_mapping(m, b);
  // A CSV file has no sheets to name.
  EXPECT_EQ(shown.rfind("Header on row 3:\n", 0), 0u) << shown;
  EXPECT_NE(shown.find("K (Misc)                             -> notes"), std::string::npos)
      << shown;
  EXPECT_NE(shown.find("the header contains 'progress update', a name for update"),
            std::string::npos)
      << shown;
}

TEST(Columns, AMappingFileOverridesTheGuess) {
  Workbook b = csv("Ref,What,When,Who\n1,x,2025-01,SFT\n");
  ColumnChoices choices;
  choices.columns[TrackerField::kTitle] = "What";
  choices.columns[TrackerField::kDue] = "C";
  choices.columns[TrackerField::kLead] = "none";
  ColumnMapping m = mapping_of(b, choices);
  EXPECT_EQ(m.column(TrackerField::kTitle), 1u);
  EXPECT_EQ(m.column(TrackerField::kDue), 2u);
  EXPECT_FALSE(m.column(TrackerField::kLead));  // "Who" would have been the lead
}

TEST(Columns, NoHeaderOrAWrongMappingIsExplained) {
  std::string error, hint;
  EXPECT_FALSE(map_columns(csv("a,b\n1,2\n"), {}, error, hint));
  EXPECT_NE(error.find("no header row found in the first 30 rows of the file"), std::string::npos)
      << error;
  ColumnChoices choices;
  choices.columns[TrackerField::kDue] = "Target dat";
  EXPECT_FALSE(map_columns(csv("Ref,Action,Target date\n1,x,y\n"), choices, error, hint));
  EXPECT_NE(error.find("names column 'Target dat' for due"), std::string::npos);
  EXPECT_EQ(hint, "did you mean 'Target date'?");
  choices = {};
  choices.sheet = "Plan";
  EXPECT_FALSE(map_columns(csv("Ref,Action\n1,x\n"), choices, error, hint));
  EXPECT_NE(error.find("no sheet 'Plan'"), std::string::npos);
}

std::vector<std::string> items(const ThemeMatcher& m, std::string_view text) {
  std::vector<std::string> out;
  for (const FrameworkItem* i : m.match(text).items) out.push_back(i->id);
  return out;
}

TEST(Themes, TitlesAliasesAndNumbering) {
  ThemeMatcher all(frameworks(), {});
  ThemeMatcher themes(frameworks(), {"nhse-2024-themes"});
  EXPECT_EQ(items(themes, "DNA"), (std::vector<std::string>{"dna-discharge"}));
  EXPECT_EQ(items(themes, "Did not attend"), (std::vector<std::string>{"dna-discharge"}));
  EXPECT_EQ(items(themes, "Theme 2 - Involvement of carers and family"),
            (std::vector<std::string>{"carers"}));
  EXPECT_EQ(items(themes, "2. Carers & families"), (std::vector<std::string>{"carers"}));
  EXPECT_EQ(items(themes, "carers; treatment review"),
            (std::vector<std::string>{"carers", "treatment-review"}));
  // Text that only contains an alias still finds it; the longest wins.
  EXPECT_EQ(items(themes, "Audit of discharge planning for the ward"),
            (std::vector<std::string>{"discharge"}));
  // An expectation by its own wording; "Section 117" is not numbering.
  EXPECT_EQ(items(all, "Section 117"), (std::vector<std::string>{"workforce.legal-frameworks"}));
  EXPECT_EQ(items(all, "caseload cap"),
            (std::vector<std::string>{"model-governance.caseload-cap"}));
  ThemeMatch none = themes.match("Summer fun; DNA");
  EXPECT_EQ(none.unmatched, (std::vector<std::string>{"Summer fun"}));
  EXPECT_TRUE(themes.names_items("Non-attendance"));
  EXPECT_FALSE(themes.names_items("Audit of non-attendance"));
}

// NHS England's own words for its 2024 themes, as trackers number and reword them, find the
// 2024 item (word order, plurals, "of" and the like aside), and say how sure they are.
TEST(Themes, NhsEnglandsWordingFindsTheItem) {
  ThemeMatcher themes(frameworks(), {"nhse-2024-themes"});
  const std::pair<const char*, const char*> cases[] = {
      {"Theme 2 \xE2\x80\x93 Failure to review treatment and medication", "treatment-review"},
      {"Failure to review treatment / medication", "treatment-review"},
      {"Medication and treatment review", "treatment-review"},
      {"Theme 1 - Lack of continuity of care and failure to join up presentation history",
       "continuity"},
      {"Theme 3 - Lack of, or poor, involvement of carers or family members", "carers"},
      {"4. No long-term planning of care", "long-term-planning"},
      {"Theme 5: Poorly planned, precipitous discharge from hospital", "discharge"},
      {"DNA (did not attend) is never a reason to discharge, in policy and in practice",
       "dna-discharge"},
  };
  for (const auto& [text, item] : cases) {
    ThemeMatch m = themes.match(text);
    EXPECT_EQ(items(themes, text), (std::vector<std::string>{item})) << text;
    ASSERT_EQ(m.found.size(), 1u) << text;
    EXPECT_EQ(m.found[0].confidence, 100) << text << ": " << m.found[0].how;
    EXPECT_TRUE(m.unmatched.empty()) << text;
  }
  ThemeMatch wording = themes.match("Theme 2 - Failure to review treatment and medication");
  EXPECT_EQ(wording.found[0].how,
            "the same words as NHS England's wording 'failure to review treatment / medication'");
  // Most of a wording is a match, less sure.
  ThemeMatch part = themes.match("Failure to review medication");
  ASSERT_EQ(part.found.size(), 1u);
  EXPECT_EQ(part.found[0].item->id, "treatment-review");
  EXPECT_EQ(part.found[0].confidence, 75);
  // Across every framework, the theme cites the 2024 themes: the webinar's care-treatment,
  // found only by its one word "treatment", is a looser match and cites nothing.
  ThemeMatcher all(frameworks(), {});
  ThemeMatch m = all.match("Theme 2 - Failure to review treatment and medication");
  EXPECT_EQ(items(all, "Theme 2 - Failure to review treatment and medication"),
            (std::vector<std::string>{"treatment-review", "care-treatment"}));
  EXPECT_EQ(m.cited, (std::vector<std::string>{"nhse-2024-themes"}));
  EXPECT_LT(m.found[1].confidence, 50);
  // A description finds an item only when no name does.
  ThemeMatch described = all.match("Key worker during hospital stays");
  ASSERT_FALSE(described.found.empty());
  EXPECT_EQ(described.found.front().item->id, "continuity-of-care");
  EXPECT_LE(described.found.front().confidence, 50);
  EXPECT_NE(described.found.front().how.find("in its description"), std::string::npos);
  EXPECT_TRUE(all.match("Summer fun").items.empty());
}

// A note in a one-line summary is cut at a word's end, never inside a word.
TEST(Text, ShortenedCutsAtAWordsEnd) {
  EXPECT_EQ(shortened("Short note.", 20), "Short note.");
  EXPECT_EQ(shortened("Sample of forty caseloads reviewed", 20), "Sample of forty\xE2\x80\xA6");
  EXPECT_EQ(shortened("First line\nsecond line", 40), "First line \xE2\x80\xA6");
  EXPECT_EQ(shortened("Caf\xC3\xA9s caf\xC3\xA9s caf\xC3\xA9s", 11),
            "Caf\xC3\xA9s caf\xC3\xA9s\xE2\x80\xA6");
  EXPECT_EQ(shortened("Supercalifragilistic", 5), "Super\xE2\x80\xA6");  // one long word
}

TEST(StatusWords, TheWordsTrackersUse) {
  const std::pair<const char*, Status> cases[] = {
      {"Complete", Status::kComplete},
      {"Completed", Status::kComplete},
      {"Done", Status::kComplete},
      {"Blue", Status::kComplete},
      {"On track", Status::kOnTrack},
      {"In Progress", Status::kOnTrack},
      {"Green", Status::kOnTrack},
      {"At risk", Status::kAtRisk},
      {"Amber", Status::kAtRisk},
      {"Delayed", Status::kOffTrack},
      {"Off track", Status::kOffTrack},
      {"Red", Status::kOffTrack},
      {"Not on track", Status::kOffTrack},
      {"Blocked", Status::kBlocked},
      {"On hold", Status::kBlocked},
      {"Not started", Status::kNotStarted},
      {"Not yet started", Status::kNotStarted},
      {"Grey", Status::kNotStarted},
      {"G", Status::kOnTrack},
      {"complete - awaiting evidence", Status::kComplete},
  };
  for (const auto& [word, status] : cases) {
    bool inside = true;
    EXPECT_EQ(status_from_words(word, &inside), status) << word;
    EXPECT_FALSE(inside) << word;
  }
  bool inside = false;
  EXPECT_EQ(status_from_words("Phase 1 in progress", &inside), Status::kOnTrack);
  EXPECT_TRUE(inside);
  EXPECT_EQ(status_from_words("Work not started yet", &inside), Status::kNotStarted);
  EXPECT_FALSE(status_from_words("Sort of"));
}

TrackerImport import_csv(std::string_view text, ImportSettings s = {}) {
  static Workbook book;
  book = csv(text);
  if (!s.catalogue) s.catalogue = &frameworks();
  if (s.own_label.empty()) s.own_label = "SFT";
  s.update_date = Date{2025, 6, 30};
  if (s.organisations.empty()) {
    s.organisations = {{"SFT", {"RH5", "SFT", "Somerset NHS Foundation Trust", "trust"}},
                       {"QSL", {"QSL", "icb"}}};
  }
  return import_tracker(book, mapping_of(book), s);
}

// A negated status is not its opposite: "Not completed" is not complete. Nothing is guessed.
TEST(Tracker, NegatedStatusWordsAreNotTheirOpposite) {
  const char* negated[] = {"Not completed",      "Not yet complete", "Not done",
                           "Unable to complete", "Not at risk",      "No longer blocked",
                           "Never started",      "Can't complete",   "Not complete yet",
                           "Has not been done",  "Not delayed",      "Isn't on track"};
  for (const char* word : negated) EXPECT_FALSE(status_from_words(word)) << word;
  // The plan's own negative phrases keep their meaning, alone or inside longer text.
  EXPECT_EQ(status_from_words("Not on track"), Status::kOffTrack);
  EXPECT_EQ(status_from_words("Work not yet started"), Status::kNotStarted);
}

// Each negated or unknown status is an import-status error at its row; a mapping file that
// names the exact text says what it means.
TEST(Tracker, NegatedStatusIsAnErrorUnlessMapped) {
  TrackerImport t = import_csv(
      "Ref,Action,Target date,Status\n"
      "1,One,2026-03,Not completed\n"
      "2,Two,2026-03,Not at risk\n"
      "3,Three,2026-03,No longer blocked\n"
      "4,Four,2026-03,Unable to complete\n"
      "5,Five,2026-03,Complete\n",
      ImportSettings{nullptr, {"nhse-2024-themes"}, {}, "", {}, {"dna-discharge"}, {}});
  std::vector<std::string> found;
  for (const Diagnostic& d : t.diags.items())
    found.push_back(fmt::format("{} {}", d.pos.line, d.rule));
  EXPECT_EQ(found, (std::vector<std::string>{"2 import-status", "3 import-status",
                                             "4 import-status", "5 import-status"}));
  ASSERT_EQ(t.actions.size(), 1u);
  EXPECT_EQ(t.actions[0].id, "5");

  ImportSettings mapped{nullptr, {"nhse-2024-themes"}, {}, "", {}, {"dna-discharge"}, {}};
  mapped.values.statuses = {{"not at risk", "on-track"}, {"no longer blocked", "on-track"}};
  TrackerImport m = import_csv(
      "Ref,Action,Target date,Status\n"
      "1,One,2026-03,Not at risk\n"
      "2,Two,2026-03,No longer blocked\n"
      "3,Three,2026-03,Not done\n",
      mapped);
  ASSERT_EQ(m.actions.size(), 2u);
  EXPECT_EQ(m.actions[0].status, Status::kOnTrack);
  EXPECT_EQ(m.actions[1].status, Status::kOnTrack);
  ASSERT_EQ(m.diags.items().size(), 1u);
  EXPECT_EQ(m.diags.items()[0].rule, "import-status");
  EXPECT_EQ(m.diags.items()[0].pos.line, 4);
}

TEST(Tracker, ARowBecomesAnAction) {
  TrackerImport t = import_csv(
      "Ref,Action,Theme,Lead,Target date,Status,RAG,Latest update,Evidence,Risk,Cost,Misc\n"
      "GOV 1.,\"Agree the standard\nfor every team\",DNA,\"ICB / Head of Nursing\",Q2 2025/26,"
      "In progress,Amber,Drafted.,\"Minutes\nAudit\",Staffing,\xC2\xA3"
      "50k recurrent,Kept\n");
  ASSERT_EQ(t.actions.size(), 1u) << t.diags.items().size();
  const ImportedAction& a = t.actions[0];
  EXPECT_EQ(a.row, 2);
  EXPECT_EQ(a.id, "GOV-1");
  EXPECT_EQ(a.title, "Agree the standard");
  EXPECT_EQ(a.description, "for every team");
  EXPECT_EQ(a.addresses, (std::vector<std::string>{"dna-discharge"}));
  EXPECT_EQ(a.lead, (std::vector<std::string>{"QSL"}));
  EXPECT_EQ(a.owner, "Head of Nursing");
  EXPECT_EQ(plan_form(a.due), "Q2 2025/26");
  EXPECT_EQ(a.status, Status::kAtRisk);  // "In progress", rated Amber: the rating wins
  ASSERT_TRUE(a.update);
  EXPECT_EQ(a.update->note, "Drafted.");
  EXPECT_EQ(a.update->date, (Date{2025, 6, 30}));
  EXPECT_EQ(a.evidence, (std::vector<std::string>{"Minutes", "Audit"}));
  ASSERT_TRUE(a.cost);
  EXPECT_EQ(a.cost->amount, 50000);
  EXPECT_EQ(a.cost->recurrent, std::optional<bool>(true));
  // Nothing is lost: the tracker's own wording of what the plan says another way, and every
  // cell without a field.
  EXPECT_EQ(a.notes, (std::vector<std::string>{"Theme: DNA", "Lead: ICB / Head of Nursing",
                                               "Status in the tracker on 2025-06-30: In progress",
                                               "Risk: Staffing", "Misc: Kept"}));
  EXPECT_EQ(t.frameworks, (std::vector<std::string>{"nhse-2024-themes"}));
  // The reference became an id: said once.
  ASSERT_EQ(t.diags.items().size(), 1u);
  EXPECT_EQ(t.diags.items()[0].rule, "import-assumed");
}

TEST(Tracker, ACostsFootnoteMarkIsKeptInTheNotes) {
  TrackerImport t = import_csv(
      "Ref,Action,Theme,Cost\n1,Agree the standard,DNA,\xC2\xA3"
      "61k*\n2,Audit it,DNA,\xC2\xA3"
      "5k\n");
  ASSERT_EQ(t.actions.size(), 2u);
  ASSERT_TRUE(t.actions[0].cost);
  EXPECT_EQ(t.actions[0].cost->amount, 61000);
  EXPECT_EQ(t.actions[0].notes, (std::vector<std::string>{"Theme: DNA",
                                                          "Cost: \xC2\xA3"
                                                          "61k*"}));
  EXPECT_EQ(t.actions[1].notes, (std::vector<std::string>{"Theme: DNA"}));
}

TEST(Tracker, AMonthDateCellIsDueAtTheMonthsEnd) {
  // Excel keeps "Jun-25" typed into a cell as 1 June 2025 behind a month-only format; the
  // tracker means June, so the action is due on 30 June, not 1 June.
  Workbook book =
      csv("Ref,Action,Theme,Target date\n1,Agree the standard,DNA,x\n2,Audit it,DNA,x\n");
  Cell& month = book.sheets[0].rows[1].cells[3];
  month = Cell{Cell::Kind::kDate, "2025-06", 45809, Date{2025, 6, 1}, true};
  Cell& day = book.sheets[0].rows[2].cells[3];
  day = Cell{Cell::Kind::kDate, "2025-06-01", 45809, Date{2025, 6, 1}, false};
  ImportSettings s;
  s.catalogue = &frameworks();
  s.own_label = "SFT";
  s.update_date = Date{2025, 6, 30};
  s.organisations = {{"SFT", {"RH5", "SFT", "Somerset NHS Foundation Trust", "trust"}}};
  TrackerImport t = import_tracker(book, mapping_of(book), s);
  ASSERT_EQ(t.actions.size(), 2u) << (t.diags.items().empty() ? "" : t.diags.items()[0].message);
  EXPECT_EQ(plan_form(t.actions[0].due), "2025-06");
  EXPECT_EQ(t.actions[0].due.date, (Date{2025, 6, 30}));
  EXPECT_EQ(plan_form(t.actions[1].due), "2025-06-01");
}

TEST(Tracker, HeadingRowsApplyToTheRowsBelow) {
  TrackerImport t = import_csv(
      "Ref,Action,Target date,Status\n"
      "Governance,,,\n"
      "1,Agree the standard,2025-09,On track\n"
      ",Theme 2 - Involvement of carers and family,,\n"
      "2,Carers at reviews,2025-12,Not started\n",
      ImportSettings{nullptr, {"nhse-2024-themes"}, {}, "", {}, {"dna-discharge"}, {}});
  ASSERT_EQ(t.actions.size(), 2u);
  EXPECT_EQ(t.actions[0].group, "Governance");
  EXPECT_EQ(t.actions[0].addresses, (std::vector<std::string>{"dna-discharge"}));  // --addresses
  EXPECT_EQ(t.actions[1].group, "Theme 2 - Involvement of carers and family");
  EXPECT_EQ(t.actions[1].addresses, (std::vector<std::string>{"carers"}));
  EXPECT_EQ(t.groups,
            (std::vector<std::string>{"Governance", "Theme 2 - Involvement of carers and family"}));
}

// One bad row of each kind: each is an error at its row and column, and is left out.
TEST(Tracker, BadRowsAreNamedAndLeftOut) {
  TrackerImport t = import_csv(
      "Ref,Action,Theme,Target date,Status\n"
      "1,Good,DNA,31/03/2026,On track\n"
      "2,Bad date,DNA,soon,On track\n"
      "3,Bad theme,Summer fun,31/03/2026,On track\n"
      "1,Twice,DNA,31/03/2026,On track\n"
      "5,Bad status,DNA,31/03/2026,Sort of\n"
      "6,,DNA,31/03/2026,On track\n"
      "7,No theme,,31/03/2026,On track\n"
      "Ref,Action,Theme,Target date,Status\n"
      "8,Good too,Carers,,\n");
  std::vector<std::string> ids;
  for (const ImportedAction& a : t.actions) ids.push_back(a.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"1", "8"}));
  EXPECT_EQ(t.rows_left_out, 6);
  std::vector<std::string> found;
  for (const Diagnostic& d : t.diags.items()) {
    found.push_back(fmt::format("{}:{} {}", d.pos.line, d.pos.column, d.rule));
  }
  EXPECT_EQ(found,
            (std::vector<std::string>{"3:4 import-date", "4:3 import-theme", "5:1 import-duplicate",
                                      "6:5 import-status", "7:2 import-row", "8:3 import-theme",
                                      "10:4 import-assumed", "10:5 import-assumed"}));
  EXPECT_NE(t.diags.items()[0].message.find("D (Target date): 'soon' is not a date"),
            std::string::npos);
  EXPECT_EQ(plan_form(t.actions[1].due), "tbc");  // a blank date is tbc, said as a warning
  EXPECT_EQ(t.actions[1].status, Status::kNotStarted);
}

TEST(Tracker, StatusFromRagOrCompletion) {
  TrackerImport t = import_csv(
      "Ref,Action,Theme,Target date,RAG,Date completed\n"
      "1,A,DNA,2025-03,Blue,\n"
      "2,B,DNA,2025-03,,28/02/2025\n"
      "3,C,DNA,2025-03,Red,\n");
  ASSERT_EQ(t.actions.size(), 3u);
  EXPECT_EQ(t.actions[0].status, Status::kComplete);
  EXPECT_EQ(t.actions[1].status, Status::kComplete);
  EXPECT_EQ(t.actions[1].completed, (Date{2025, 2, 28}));
  EXPECT_EQ(t.actions[2].status, Status::kOffTrack);
}

// The tracker's theme texts, once each with their rows, and the frameworks they cite.
TEST(Tracker, ThemesAreListedWithTheFrameworksTheyCite) {
  TrackerImport t = import_csv(
      "Ref,Action,Theme,Target date\n"
      "1,A,Theme 2 - Failure to review treatment and medication,2025-03\n"
      "2,B,DNA,2025-03\n"
      "3,C,Theme 2 - Failure to review treatment and medication,2025-03\n");
  ASSERT_EQ(t.actions.size(), 3u);
  EXPECT_EQ(t.cited, (std::vector<std::string>{"nhse-2024-themes"}));
  ASSERT_EQ(t.themes.size(), 2u);
  EXPECT_EQ(t.themes[0].rows, (std::vector<int>{2, 4}));
  const std::string shown = describe_themes(t);
  EXPECT_NE(shown.find("'Theme 2 - Failure to review treatment and medication' (rows 2, 4)\n"
                       "      -> treatment-review                 100%  the same words as NHS "
                       "England's wording 'failure to review treatment / medication' "
                       "(nhse-2024-themes)\n"),
            std::string::npos)
      << shown;
  EXPECT_NE(shown.find("The themes cite nhse-2024-themes; a new plan answers to it"),
            std::string::npos)
      << shown;
}

// A lead the system does not know that reads as an organisation is said once, with its
// rows; a role is not.
TEST(Tracker, AnUnknownLeadOrganisationIsSaid) {
  ImportSettings s;
  s.own_label = "QSL";
  s.organisations = {{"QSL", {"QSL", "icb"}}};
  TrackerImport t = import_csv(
      "Ref,Action,Theme,Lead org\n1,A,DNA,SFT\n2,B,DNA,SFT\n3,C,DNA,Head of Nursing\n"
      "4,D,DNA,Somerset NHS Foundation Trust\n",
      s);
  std::vector<std::string> said;
  for (const Diagnostic& d : t.diags.items()) {
    if (d.rule == "import-lead")
      said.push_back(fmt::format("{}:{} {}", d.pos.line, d.pos.column, d.message));
  }
  EXPECT_EQ(said, (std::vector<std::string>{
                      "1:4 D (Lead org): 'SFT' (rows 2, 3) names no organisation of this system, "
                      "so their actions are led by QSL, with 'SFT' as their owner",
                      "1:4 D (Lead org): 'Somerset NHS Foundation Trust' (row 5) names no "
                      "organisation of this system, so its action is led by QSL, with 'Somerset "
                      "NHS Foundation Trust' as its owner"}));
  EXPECT_EQ(t.actions[0].lead, (std::vector<std::string>{"QSL"}));
  EXPECT_EQ(t.actions[0].owner, "SFT");
}

TEST(Tracker, AMappingFilesWordsComeFirst) {
  ImportSettings s;
  s.values.statuses["sort of"] = "at-risk";
  s.values.leads["somerset ft"] = "SFT";
  s.values.themes["summer fun"] = {"carers"};
  TrackerImport t = import_csv(
      "Ref,Action,Theme,Lead,Target date,Status\n1,A,Summer fun,Somerset FT,2025-03,Sort of\n", s);
  ASSERT_EQ(t.actions.size(), 1u);
  EXPECT_EQ(t.actions[0].status, Status::kAtRisk);
  EXPECT_EQ(t.actions[0].lead, (std::vector<std::string>{"SFT"}));
  EXPECT_EQ(t.actions[0].addresses, (std::vector<std::string>{"carers"}));
}

}  // namespace
}  // namespace iact
