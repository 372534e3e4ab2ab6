#include "write/paper.h"
#include "plan/loader.h"
#include "util/text.h"
#include "write/chart.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <map>

#include "test_support.h"

namespace iact {
namespace {

TEST(PaperTemplate, ValuesAreEscapedAndMarkdownValuesAreNot) {
  nlohmann::json context{{"title", "A | B *c*"},
                         {"cell_md", "[R]{custom-style=\"BRAG Red\"}"},
                         {"rows", {{{"id", "X-1"}}, {{"id", "X-2"}}}},
                         {"flag", false},
                         {"count", 3}};
  std::string error;
  auto out = render_markdown_template(
      "{{title}}|{{{cell_md}}}|{{#rows}}{{id}};{{/rows}}{{^flag}}no{{/flag}}|{{count}}", context,
      error);
  ASSERT_TRUE(out) << error;
  EXPECT_EQ(*out, "A \\| B \\*c\\*|[R]{custom-style=\"BRAG Red\"}|X\\-1;X\\-2;no|3");
}

TEST(PaperTemplate, BrokenTemplateSaysWhy) {
  std::string error;
  EXPECT_FALSE(render_markdown_template("{{#rows}} never closed", nlohmann::json::object(), error));
  EXPECT_NE(error.find("rows"), std::string::npos) << error;
}

TEST(PaperContext, CountOf) {
  EXPECT_EQ(count_of(0, "action"), "no actions");
  EXPECT_EQ(count_of(1, "action"), "1 action");
  EXPECT_EQ(count_of(2, "risk is", "risks are"), "2 risks are");
}

TEST(PaperContext, GlossaryKeepsWholeWordsOnly) {
  std::vector<GlossaryEntry> glossary = {{"DNA", "Did not attend"},
                                         {"ICB", "Integrated care board"},
                                         {"ED", "Emergency"},
                                         {"DIALOG+", "Care planning"},
                                         {"SMI", "Severe mental illness"}};
  auto used = terms_used(glossary, "The ICB's DNA policy (DIALOG+) was SHARED.");
  ASSERT_EQ(used.size(), 3u);
  EXPECT_EQ(used[0].term, "DIALOG+");
  EXPECT_EQ(used[1].term, "DNA");
  EXPECT_EQ(used[2].term, "ICB");  // "ED" inside "SHARED" does not count
}

TEST(Glossary, TheShippedGlossaryLoadsAndBadOnesAreReported) {
  Diagnostics diags;
  auto terms = load_glossary(std::string(IACT_TEST_TEMPLATES) + "/glossary.yaml", diags);
  EXPECT_TRUE(diags.items().empty());
  EXPECT_GT(terms.size(), 20u);
  const std::string bad = ::testing::TempDir() + "/glossary.yaml";
  std::ofstream(bad) << "iact-glossary: 1\nterms:\n  DNA: [not, text]\n";
  EXPECT_TRUE(load_glossary(bad, diags).empty());
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].pos, (Pos{3, 8}));
}

TEST(PaperContext, SummaryIsWrittenFromTheView) {
  Diagnostics diags;
  Plan plan = *load_plan_text(testing::kValidPlan, "trust.yaml", diags);
  ViewError error;
  ViewOptions options;
  options.as_of = Date{2025, 10, 1};
  auto view = build_view("t", {&plan}, testing::frameworks(), options, error);
  ASSERT_TRUE(view);
  nlohmann::json c = paper_context(*view, PaperSettings{});
  const std::string first = c["summary"]["paragraphs"][0]["text"];
  EXPECT_EQ(first,
            "The SFT plan holds 2 actions as of 1 October 2025: 1 complete, 1 on track, no Amber "
            "and none off track or overdue.");
  EXPECT_EQ(c["totals"]["total"], 2);
  EXPECT_EQ(c["appendix"][0]["actions"][1]["brag"]["letter"], "B");
  EXPECT_EQ(c["cover"][0]["label"], "Meeting");
}

// Amber says why: an action with no date yet is not "at risk"; a re-planned action's
// progress names the date first agreed.
TEST(PaperContext, AmberIsSplitByWhyAndReplanningShowsTheFirstDate) {
  std::string text = testing::kValidPlan;
  // A-1 declared at risk; A-2 re-planned; a third action with no date yet.
  text.replace(text.find("status: on-track\n    cost"), 16, "status: at-risk");
  text.replace(text.find("    due: 2025-09-30\n"), 20,
               "    due: 2026-06-30\n    baseline_due: 2026-03-31\n");
  text.replace(text.find("status: complete"), 16, "status: on-track");
  text.replace(text.find("    completed: 2025-09-15\n"), 26, "");
  text.replace(text.find("risks:"), 6,
               "  - id: A-3\n    title: Later\n    addresses: [families]\n    lead: SFT\n"
               "    due: tbc\n    status: not-started\nrisks:");
  Diagnostics diags;
  std::optional<Plan> plan = load_plan_text(text, "trust.yaml", diags);
  ASSERT_TRUE(plan && !diags.has_errors())
      << (diags.items().empty() ? "" : diags.items()[0].message);
  ViewError error;
  ViewOptions options;
  options.as_of = Date{2025, 10, 1};
  auto view = build_view("t", {&*plan}, testing::frameworks(), options, error);
  ASSERT_TRUE(view);
  nlohmann::json c = paper_context(*view, PaperSettings{});
  const std::string first = c["summary"]["paragraphs"][0]["text"];
  EXPECT_NE(first.find("3 Amber (1 at risk, 1 re-planned to a later date, 1 awaiting a due "
                       "date)"),
            std::string::npos)
      << first;
  bool found = false;
  for (const auto& a : c["appendix"][0]["actions"]) {
    if (a["id"] == "A-2") {
      found = true;
      EXPECT_EQ(std::string(a["progress"]).rfind("Re-planned: was 31 Mar 2026.", 0), 0u)
          << a["progress"];
    }
  }
  EXPECT_TRUE(found);
}

// ---- The second round: a system built to trigger each sentence and section -------------

struct RoundTwo {
  std::vector<Plan> plans;
  std::optional<SystemView> view;
  nlohmann::json c;
};

RoundTwo round_two(Date as_of) {
  RoundTwo r;
  Diagnostics diags;
  for (const char* f : {"icb.yaml", "trust.yaml"}) {
    const std::string path = std::string(IACT_TEST_DATA) + "/paper/round-two/" + f;
    r.plans.push_back(*load_plan_file(path, path, diags));
  }
  EXPECT_FALSE(diags.has_errors());
  ViewOptions options;
  options.as_of = as_of;
  ViewError error;
  r.view =
      build_view("round-two", {&r.plans[0], &r.plans[1]}, testing::frameworks(), options, error);
  EXPECT_TRUE(r.view) << error.message;
  r.c = paper_context(*r.view, PaperSettings{"chart.svg"});
  return r;
}

std::vector<std::string> paragraphs(const nlohmann::json& c) {
  std::vector<std::string> out;
  for (const auto& p : c["summary"]["paragraphs"]) out.push_back(p["text"]);
  return out;
}

bool has(const std::vector<std::string>& list, const std::string& text) {
  return std::find(list.begin(), list.end(), text) != list.end();
}

TEST(PaperRoundTwo, SummarySentencesReadRight) {
  RoundTwo r = round_two(Date{2025, 8, 12});
  const auto p = paragraphs(r.c);
  EXPECT_TRUE(has(p,
                  "Since the 2025-06 return (30 June 2025), no action was completed, 2 became "
                  "overdue, 1 slipped to a later date and none was added."))
      << p[1];
  EXPECT_TRUE(has(p,
                  "1 action declared not started and 2 declared on track have passed their "
                  "due dates; this paper shows them as Red."));
  EXPECT_TRUE(has(p,
                  "The 2 actions with a cost come to \u00a320,000 one-off and \u00a361,000 a "
                  "year; the funding gap is \u00a361,000 a year; 1 is still to be costed."));
  EXPECT_NE(p[0].find("1 Amber (1 re-planned to a later date)"), std::string::npos) << p[0];
  EXPECT_TRUE(has(p, "3 risks are open; the highest scores 16."));
}

TEST(PaperRoundTwo, NarrativeKeepsParagraphsListsAndEmphasisOnly) {
  RoundTwo r = round_two(Date{2025, 8, 12});
  std::vector<std::string> titles;
  for (const auto& sct : r.c["narrative"]) titles.push_back(sct["title"]);
  EXPECT_EQ(titles, (std::vector<std::string>{"Key points for the board", "Background",
                                              "Local position", "Who is in scope"}));
  const std::string key = r.c["narrative"][0]["blocks"][0]["text_md"];
  EXPECT_NE(key.find("**three things**"), std::string::npos) << key;
  EXPECT_NE(key.find("\n\n- the cohort is now defined;\n- two actions are *late*"),
            std::string::npos)
      << key;
  const std::string background = r.c["narrative"][1]["blocks"][0]["text_md"];
  EXPECT_NE(background.find("2023\\.\n\nThis paper"), std::string::npos) << background;
  EXPECT_NE(background.find("\\# this or a \\| pipe"), std::string::npos) << background;
  EXPECT_EQ(r.c["narrative"][0]["blocks"][0]["show_org"], false);  // the lead's own words
  EXPECT_EQ(r.c["narrative"][2]["blocks"][0]["show_org"], true);   // a trust's, named
  EXPECT_EQ(r.c["narrative"][2]["blocks"][0]["org"], "Round Two Mental Health Trust");
}

TEST(PaperRoundTwo, TheCoverShowsOnlyWhatThePlanSays) {
  RoundTwo r = round_two(Date{2025, 8, 12});
  std::map<std::string, std::string> cover;
  for (const auto& row : r.c["cover"]) cover[row["label"]] = row["value"];
  EXPECT_EQ(cover["Classification"], "For the meeting in public");
  EXPECT_EQ(cover["Strategic objectives"],
            "Improve outcomes in population health; Tackle inequalities");
  EXPECT_EQ(cover["Conflicts of interest"], "None declared.");
  EXPECT_EQ(cover["Data protection"], "No personal data in the paper.");
  EXPECT_EQ(cover.count("Legal and regulatory"), 0u);
  EXPECT_EQ(cover.count("Quality impact"), 0u);
}

TEST(PaperRoundTwo, RisksByScoreWithBandsAndReferences) {
  RoundTwo r = round_two(Date{2025, 8, 12});
  std::vector<std::string> order, scores, refs;
  for (const auto& k : r.c["risks"]) {
    order.push_back(k["id"]);
    scores.push_back(k["score"]);
    refs.push_back(k["register_ref"]);
  }
  EXPECT_EQ(order, (std::vector<std::string>{"R2", "R1", "R3"}));
  EXPECT_EQ(scores, (std::vector<std::string>{"16 Extreme", "6 Moderate", "not scored"}));
  EXPECT_EQ(refs, (std::vector<std::string>{"CRR-112", "BAF 4", ""}));
}

TEST(PaperRoundTwo, MilestonesMetLateOrNotYetDue) {
  RoundTwo r = round_two(Date{2025, 8, 12});
  std::vector<std::string> results;
  for (const auto& m : r.c["compliance"])
    results.push_back(std::string(m["org"]) + ": " + std::string(m["result"]));
  EXPECT_EQ(results,
            (std::vector<std::string>{
                // What the system sent NHS England, from whichever plan records it: a
                // submission with no date is met, the date not known; a dated one wins.
                "System: Met; the date is not recorded",
                "System: Met late, 15 Oct 2024 (15 days after)", "System: Met, 29 Nov 2024",
                "RICB: Met, 20 Nov 2024", "RICB: Met late, 12 Aug 2025 (43 days after)",
                "RMHT: Met, 25 Jun 2025",
                // The August meeting met June's milestone late; January's is still to come.
                "RICB: Not yet due", "RMHT: Not yet due"}));
  EXPECT_EQ(r.c["journey"].size(), 4u);
}

TEST(PaperRoundTwo, MeasuresShowTheLatestAndWhatIsStale) {
  RoundTwo r = round_two(Date{2025, 8, 12});
  ASSERT_EQ(r.c["measures"].size(), 2u);
  EXPECT_EQ(r.c["measures"][0]["latest"], "9.5 WTE");
  EXPECT_EQ(r.c["measures"][0]["target"], "12 WTE");
  EXPECT_EQ(r.c["measures"][0]["stale"], false);
  EXPECT_EQ(r.c["measures"][0]["chart"], "measure-1.svg");
  EXPECT_EQ(r.c["measures"][1]["latest"], "71%");
  EXPECT_EQ(r.c["measures"][1]["stale"], true);
  EXPECT_EQ(r.c["measures"][1]["note"],
            "Last value 31 Mar 2025, before this period (from 30 Jun 2025).");
  const std::string svg = measure_chart_svg(r.view->measures[0]);
  EXPECT_NE(svg.find("<polyline"), std::string::npos);
  EXPECT_NE(svg.find("stroke-dasharray"), std::string::npos);  // the target
}

TEST(PaperRoundTwo, ProgressSinceTheFirstReturn) {
  RoundTwo r = round_two(Date{2025, 8, 12});
  EXPECT_EQ(r.c["has_trend"], true);
  EXPECT_EQ(r.c["trend_since"], "June 2025");
  ASSERT_EQ(r.c["trend"].size(), 2u);
  EXPECT_EQ(r.c["trend"][0]["label"], "June 2025 return (30 Jun 2025)");
  EXPECT_EQ(r.c["trend"][1]["label"], "Now (12 Aug 2025)");
  EXPECT_EQ(r.c["trend"][1]["counts"], r.c["totals"]);
  // Two actions fell overdue after June: more Red now than at the return.
  EXPECT_EQ(r.c["trend"][1]["counts"]["red"].get<int>(),
            r.c["trend"][0]["counts"]["red"].get<int>() + 2);
  const std::string svg = trend_chart_svg(r.view->trend);
  EXPECT_NE(svg.find(">June 2025 return<"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">Now (12 Aug 2025)<"), std::string::npos);

  EXPECT_EQ(round_two(Date{2025, 6, 1}).c["has_trend"], false);
}

TEST(PaperRoundTwo, EachActionOnceQuietOnesOnOneLine) {
  RoundTwo r = round_two(Date{2025, 8, 12});
  std::map<std::string, nlohmann::json> items;
  for (const auto& f : r.c["frameworks"]) {
    for (const auto& i : f["items"]) items[i["id"]] = i;
  }
  std::vector<std::string> carers;
  for (const auto& a : items["carers"]["actions"]) carers.push_back(a["id"]);
  EXPECT_EQ(carers, (std::vector<std::string>{"G-3", "T-1"}));
  EXPECT_EQ(items["continuity"]["actions"].size(), 0u);
  EXPECT_EQ(items["continuity"]["elsewhere"], "T-1 (RMHT)");
  EXPECT_EQ(items["long-term-planning"]["quiet"], "T-2 (RMHT)");
  for (const auto& a : items["dna-discharge"]["actions"]) {
    EXPECT_EQ(a["due"], "completed 2 Apr 2025");  // complete, with no date of its own
  }
  EXPECT_EQ(r.c["appendix"][0]["show_group"], true);
  EXPECT_EQ(r.c["appendix"][0]["show_cost"], true);
}

// A paper as of before a framework was published is not scored against it, and says so.
TEST(PaperRoundTwo, AFrameworkPublishedLaterIsNotScored) {
  RoundTwo r = round_two(Date{2024, 11, 20});
  for (const auto& f : r.c["frameworks"]) EXPECT_NE(f["id"], "webinar-2025");
  EXPECT_TRUE(has(paragraphs(r.c),
                  "The plans also answer to National webinar - focus on local action plans, "
                  "published on 3 April 2025, after the date of this paper; it is not scored "
                  "here."));
  EXPECT_FALSE(r.view->period);  // no period had been set yet
  for (const auto& m : r.c["timeline"])
    EXPECT_EQ(std::string(m["title"]).find("webinar"), std::string::npos);
}

// The Markdown the shipped template makes of a context.
std::string rendered(const nlohmann::json& c) {
  std::ifstream in(std::string(IACT_TEST_TEMPLATES) + "/board-paper.md");
  std::stringstream tmpl;
  tmpl << in.rdbuf();
  std::string error;
  auto out = render_markdown_template(tmpl.str(), c, error);
  EXPECT_TRUE(out) << error;
  return out.value_or("");
}

// The header row of the first table after `heading` in `markdown`.
std::string header_after(const std::string& markdown, const std::string& heading) {
  const size_t at = markdown.find(heading);
  if (at == std::string::npos) return "";
  const size_t row = markdown.find("\n|", at);
  if (row == std::string::npos) return "";
  return markdown.substr(row + 1, markdown.find('\n', row + 1) - row - 1);
}

// A column empty on every row of its table is left out of that table, and only that one.
TEST(PaperRoundTwo, ColumnsEmptyOnEveryRowAreDropped) {
  RoundTwo r = round_two(Date{2025, 8, 12});
  const nlohmann::json& risk = r.c["risk_columns"];
  EXPECT_EQ(risk["register_ref"], true);  // two of three risks have one
  EXPECT_EQ(risk["likelihood"], true);
  EXPECT_EQ(risk["mitigations"], false);  // no risk has mitigations or actions
  EXPECT_EQ(risk["actions"], false);
  // The ICB's actions have groups and costs; the trust's have neither.
  EXPECT_EQ(r.c["appendix"][0]["show_group"], true);
  EXPECT_EQ(r.c["appendix"][1]["show_group"], false);
  EXPECT_EQ(r.c["appendix"][1]["show_cost"], false);
  EXPECT_EQ(r.c["journey_columns"]["purpose"], true);
  EXPECT_EQ(r.c["measure_columns"]["note"], true);

  const std::string md = rendered(r.c);
  const std::string risks = header_after(md, "# Risks and mitigations");
  EXPECT_EQ(risks, "| Org | Risk | Ref | Description | L | I | Score | State |");
  const std::string icb = header_after(md, "## NHS Round Two ICB (RICB)");
  EXPECT_NE(icb.find(" Group |"), std::string::npos) << icb;
  EXPECT_NE(icb.find(" Cost |"), std::string::npos) << icb;
  const std::string trust = header_after(md, "## Round Two Mental Health Trust (RMHT)");
  EXPECT_EQ(trust, "| Action | What | Lead | Due | BRAG | Progress |");

  // With no scores or references at all, those columns and their key go too.
  for (Plan& p : r.plans) {
    for (Risk& k : p.risks) {
      k.likelihood.reset();
      k.impact.reset();
      k.register_ref.clear();
    }
  }
  nlohmann::json unscored = paper_context(*r.view, PaperSettings{"chart.svg"});
  const std::string md2 = rendered(unscored);
  EXPECT_EQ(header_after(md2, "# Risks and mitigations"),
            "| Org | Risk | Description | Score | State |");
  EXPECT_EQ(md2.find("L likelihood"), std::string::npos);
  EXPECT_EQ(md2.find("Ref: the board"), std::string::npos);
}

// Nought is "no" or "none" in sentences, and a dash in every table.
TEST(PaperRoundTwo, NoughtIsWordsInSentencesAndADashInTables) {
  RoundTwo r = round_two(Date{2025, 8, 12});
  for (const std::string& p : paragraphs(r.c)) {
    EXPECT_EQ(p.find(" 0 "), std::string::npos) << p;
    EXPECT_EQ(p.find(", 0"), std::string::npos) << p;
  }
  // Finance: no money and no count read the same.
  const nlohmann::json& items = r.c["finance"]["items"];
  bool dash_for_money = false, dash_for_count = false;
  for (const auto& i : items) {
    for (const char* k : {"one_off", "recurrent", "gap", "tbc"}) {
      const std::string cell = i[k];
      EXPECT_NE(cell, "0") << k;
      EXPECT_NE(cell, "-") << k;
      if (cell == "\u2013") (std::string(k) == "tbc" ? dash_for_count : dash_for_money) = true;
    }
  }
  EXPECT_TRUE(dash_for_money && dash_for_count);
  EXPECT_EQ(r.c["totals"]["cells"]["blue"], "2");
  EXPECT_EQ(r.c["totals"]["blue"], 2);  // numbers stay numbers for templates that count
  for (const auto& change : r.c["summary"]["changes"]) {
    if (change["label"] == "Completed") {
      EXPECT_EQ(change["cell"], "\u2013");
    }
  }
  // A framework no action addresses is said in words, not "0 of".
  for (const auto& f : r.c["frameworks"])
    EXPECT_EQ(std::string(f["coverage"]).find(" 0 "), std::string::npos) << f["coverage"];
  const std::string md = rendered(r.c);
  EXPECT_EQ(md.find("| 0 |"), std::string::npos);
  EXPECT_EQ(md.find("| - |"), std::string::npos);
}

// Unfunded costs are named, whether an amount or still to be confirmed.
TEST(PaperRoundTwo, UnfundedCostsAreNamed) {
  RoundTwo r = round_two(Date{2025, 8, 12});
  EXPECT_EQ(r.c["finance"]["unfunded"], "1 action is not funded: G-2 (RICB, \u00a361,000 a year).");
  EXPECT_EQ(r.c["finance"]["unplaced"], false);  // every cost is under an item shown
  // The carers' service, still to be costed, marked not funded too.
  for (Plan& p : r.plans) {
    for (Action& a : p.actions) {
      if (a.id && a.id->value == "G-3") a.cost->funded = false;
    }
  }
  ViewOptions options;
  options.as_of = Date{2025, 8, 12};
  ViewError error;
  auto view =
      build_view("round-two", {&r.plans[0], &r.plans[1]}, testing::frameworks(), options, error);
  ASSERT_TRUE(view);
  nlohmann::json c = paper_context(*view, PaperSettings{"chart.svg"});
  EXPECT_EQ(c["finance"]["unfunded"],
            "2 actions are not funded: G-2 (RICB, \u00a361,000 a year) and G-3 (RICB, cost to be "
            "confirmed).");
  EXPECT_TRUE(has(paragraphs(c),
                  "The 2 actions with a cost come to \u00a320,000 one-off and \u00a361,000 a "
                  "year; the funding gap is \u00a361,000 a year; 1 is still to be costed and is "
                  "not yet funded."));
}

// Somerset's November 2024 paper: two costed actions address only items of a framework
// published after the meeting, so a row of their own makes the rows add up to the system.
TEST(PaperFinance, CostsUnderNoItemShownHaveARowOfTheirOwn) {
  std::vector<Plan> plans;
  Diagnostics diags;
  for (const char* f : {"somerset-icb.yaml", "somerset-ft.yaml"}) {
    const std::string path = std::string(IACT_TEST_DATA) + "/../../plans/somerset/" + f;
    plans.push_back(*load_plan_file(path, path, diags));
  }
  ViewOptions options;
  options.as_of = Date{2024, 11, 28};
  ViewError error;
  auto view = build_view("somerset", {&plans[0], &plans[1]}, testing::frameworks(), options, error);
  ASSERT_TRUE(view) << error.message;
  nlohmann::json c = paper_context(*view, PaperSettings{"chart.svg"});
  const nlohmann::json& unplaced = c["finance"]["unplaced"];
  ASSERT_TRUE(unplaced.is_object()) << c["finance"].dump();
  EXPECT_EQ(unplaced["label"], "Under no item above: SMI-20 (SFT), SMI-25 (SFT)");
  EXPECT_EQ(unplaced["one_off"], "\u00a3111,000");
  EXPECT_EQ(unplaced["note"],
            "The system row includes the costs of SMI-20 (SFT) and SMI-25 (SFT), which address "
            "no framework item scored in this paper; they are shown on a row of their own.");
  const std::string md = rendered(c);
  EXPECT_NE(
      md.find("| Under no item above: SMI\\-20 \\(SFT\\), SMI\\-25 \\(SFT\\) | \u00a3111,000 |"),
      std::string::npos);
}

// A --meeting or --period that does not belong with the other dates is named, with what to
// pass instead; the dates iact chooses itself agree.
TEST(PaperDates, ChoicesThatDisagreeAreNamed) {
  RoundTwo r = round_two(Date{2025, 8, 12});
  ViewOptions options;
  options.as_of = Date{2025, 8, 12};
  EXPECT_TRUE(date_disagreements(*r.view, testing::frameworks(), options).empty());

  auto warnings = [&](ViewOptions o) {
    ViewError error;
    auto view =
        build_view("round-two", {&r.plans[0], &r.plans[1]}, testing::frameworks(), o, error);
    EXPECT_TRUE(view) << error.message;
    return view ? date_disagreements(*view, testing::frameworks(), o) : std::vector<ViewError>{};
  };
  // The August meeting with the plans as of April.
  options.as_of = Date{2025, 4, 1};
  options.meeting = Date{2025, 8, 12};
  auto w = warnings(options);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].message, "the meeting on 2025-08-12 is 133 days after the as-of date, 2025-04-01");
  EXPECT_EQ(w[0].hint, "pass --as-of 2025-08-12 for the plans as they stand at that meeting");
  options.as_of = Date{2025, 7, 20};  // three weeks before: fine
  EXPECT_TRUE(warnings(options).empty());

  // The August meeting with the June period, due long before it.
  options.as_of = Date{2025, 8, 12};
  options.period = "2025-06";
  w = warnings(options);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].message,
            "the 2025-06 period was due on 2025-06-30, 43 days before the meeting on 2025-08-12");
  EXPECT_EQ(w[0].hint, "pass --period 2026-01 (due 2026-01-31), or leave --period out");

  // A May meeting given January's period, when June's comes first.
  r.plans[0].board[1].date->value = Date{2025, 5, 20};
  options = ViewOptions{};
  options.as_of = Date{2025, 5, 1};
  options.period = "2026-01";
  w = warnings(options);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].message,
            "the 2026-01 period is due on 2026-01-31, but the 2025-06 period, due 2025-06-30, "
            "comes first after the meeting on 2025-05-20");
  EXPECT_EQ(w[0].hint, "pass --period 2025-06 (due 2025-06-30), or leave --period out");
}

}  // namespace
}  // namespace iact
