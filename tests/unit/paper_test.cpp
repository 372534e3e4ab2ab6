#include "write/paper.h"
#include "plan/loader.h"
#include "util/text.h"
#include "write/chart.h"
#include "write/paper_words.h"

#include <fstream>
#include <memory>
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

// Abbreviations a paper must define: capitals, DIALOG+, and short names in mixed case such
// as RiO; not ids (SMI-06), references (NG225) or capitalised words.
TEST(PaperContext, AbbreviationsIncludeMixedCaseNames) {
  EXPECT_EQ(abbreviations_in("Flag the cohort on RiO; see NG225 and SMI-06. PhD, Rio, NHSmail."),
            (std::vector<std::string>{"RiO", "PhD"}));
  EXPECT_EQ(abbreviations_in("The SDU and LFPSE (DIALOG+)."),
            (std::vector<std::string>{"SDU", "LFPSE", "DIALOG+"}));
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
            "The plan's actions are on course: none of the 1 open actions is off track or "
            "overdue. The SFT plan holds 2 actions as of 1 October 2025: 1 complete, 1 on track, "
            "no Amber and "
            "none off track or overdue.");
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
  EXPECT_NE(first.find("3 Amber (1 at risk, 1 re-planned to a later date, 1 not started and "
                       "awaiting a due date)"),
            std::string::npos)
      << first;
  bool found = false;
  for (const auto& a : c["appendix"][0]["actions"]) {
    if (a["id"] == "A-2") {
      found = true;
      EXPECT_EQ(std::string(a["progress"]).rfind("Re-planned from 31 Mar 2026.", 0), 0u)
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

// The view and the paper's context again, from the plans as a test has changed them.
void rebuild(RoundTwo& r, Date as_of) {
  ViewOptions options;
  options.as_of = as_of;
  ViewError error;
  r.view =
      build_view("round-two", {&r.plans[0], &r.plans[1]}, testing::frameworks(), options, error);
  EXPECT_TRUE(r.view) << error.message;
  if (r.view) r.c = paper_context(*r.view, PaperSettings{"chart.svg"});
}

RoundTwo round_two(Date as_of) {
  RoundTwo r;
  Diagnostics diags;
  for (const char* f : {"icb.yaml", "trust.yaml"}) {
    const std::string path = std::string(IACT_TEST_DATA) + "/paper/round-two/" + f;
    r.plans.push_back(*load_plan_file(path, path, diags));
  }
  EXPECT_FALSE(diags.has_errors());
  rebuild(r, as_of);
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
  ASSERT_EQ(p.size(), 5u);
  // The news first: nothing from the trust since before the period, and its narrative
  // does not say when it was written.
  EXPECT_EQ(p[0],
            "No progress has been reported in this reporting period, which began on 1 July 2025, "
            "on the actions of RMHT (never updated): their statuses are those last reported. Not "
            "all the background and findings below are new: RMHT's do not say which meeting they "
            "were written for.");
  // A judgement, then the counts, then what was declared against what is computed.
  EXPECT_EQ(p[1].rfind("The plan is not on course: 3 of the 5 open actions are off track or "
                       "overdue, and 5 framework items have no action yet. The RICB and RMHT "
                       "plans hold 7 actions",
                       0),
            0u)
      << p[1];
  EXPECT_NE(p[1].find("1 Amber (1 re-planned to a later date) and 3 off track or overdue; 1 not "
                      "yet started is not due soon."),
            std::string::npos)
      << p[1];
  EXPECT_NE(p[1].find("1 action reported as not started and 2 as on track have passed their "
                      "due dates; this paper shows them as Red."),
            std::string::npos);
  EXPECT_EQ(p[2],
            "Since 30 June 2025, the end of the June 2025 reporting period, no action was "
            "completed, 2 became overdue and 1 slipped to a later date; the plans do not record "
            "when actions were added.");
  EXPECT_EQ(p[3].rfind("3 risks are open; the highest, scored 16 (extreme), is that funding is "
                       "not agreed.",
                       0),
            0u)
      << p[3];
  // The summary's word on money is shorter than the finance section, never a copy of it.
  EXPECT_EQ(p[4],
            "On money, \u00a361,000 a year of the costs the plans give their own actions is not "
            "funded; 1 open action is still to be costed. The finance section gives the detail.");
}

// Page one: what the board is asked to do, promising only what the paper holds, and the
// five points to carry into the room.
TEST(PaperRoundTwo, PageOneCarriesTheDecision) {
  RoundTwo r = round_two(Date{2025, 8, 12});
  std::vector<std::string> asks, points;
  for (const auto& x : r.c["recommendations"]) asks.push_back(x["text"]);
  for (const auto& x : r.c["key_points"]) points.push_back(x["text"]);
  EXPECT_EQ(asks, (std::vector<std::string>{
                      "Note the progress of the action plans set out in this paper.",
                      "Note the 3 overdue actions, none of which has an update since it fell due.",
                      "Note the 5 framework items that no action yet addresses, named in the "
                      "coverage section.",
                      // The plans cite no framework of 2025 that every plan must answer to.
                      "Ask for the plans to be brought up to date with the Independent Mental "
                      "Health Homicide Investigation."}));
  ASSERT_EQ(points.size(), 5u);
  EXPECT_EQ(points[0].rfind("Overdue: 3 of the 5 open actions", 0), 0u) << points[0];
  EXPECT_EQ(points[1],
            "Top risks: Funding is not agreed (scored 16); staff cannot be recruited "
            "(scored 6).");
  EXPECT_EQ(points[2].rfind("Gaps: 5 framework items have no action yet", 0), 0u);
  EXPECT_EQ(points[3],
            "Funding gap: \u00a361,000 a year of costed actions is marked not funded; 1 "
            "open action is still to be costed; the plans do not give the figure of the cost "
            "estimate sent to NHS England.");
  EXPECT_EQ(points[4],
            "Assurance that not attending (DNA) is never on its own a reason to "
            "discharge: not stated for RICB and RMHT.");
  std::map<std::string, std::string> cover;
  for (const auto& row : r.c["cover"]) cover[row["label"]] = row["value"];
  EXPECT_EQ(cover["Level of assurance offered"], "Not stated");  // never blank
  EXPECT_EQ(cover["Reporting period"],
            "January 2026 (return to NHS England and public board update due 31 January 2026)");
}

TEST(PaperRoundTwo, NarrativeKeepsParagraphsListsAndEmphasisOnly) {
  RoundTwo r = round_two(Date{2025, 8, 12});
  ASSERT_EQ(r.c["narratives"].size(), 2u);
  const nlohmann::json& icb = r.c["narratives"][0];
  std::vector<std::string> titles;
  for (const auto& part : icb["parts"]) titles.push_back(part["title"]);
  EXPECT_EQ(titles, (std::vector<std::string>{"Key points from the report's author", "Background",
                                              "Who is in scope"}));
  EXPECT_EQ(icb["note"], false);  // written for this meeting: no note
  const std::string key = icb["parts"][0]["text_md"];
  EXPECT_NE(key.find("**three things**"), std::string::npos) << key;
  EXPECT_NE(key.find("\n\n- the cohort is now defined;\n- two actions are *late*"),
            std::string::npos)
      << key;
  const std::string background = icb["parts"][1]["text_md"];
  EXPECT_NE(background.find("2023\\.\n\nThis paper"), std::string::npos) << background;
  EXPECT_NE(background.find("\\# this or a \\| pipe"), std::string::npos) << background;
  const nlohmann::json& trust = r.c["narratives"][1];
  EXPECT_EQ(trust["org"], "Round Two Mental Health Trust");
  EXPECT_EQ(trust["show_org"], true);
  EXPECT_EQ(trust["note"], "The plan does not say which meeting this text was written for.");
}

// Narrative written for an earlier meeting is shown under that date, and the summary says
// that nothing has been written since.
TEST(PaperRoundTwo, OldNarrativeIsShownUnderItsDate) {
  RoundTwo r = round_two(Date{2025, 9, 30});
  EXPECT_EQ(r.c["narratives"][0]["note"], "Written for the board of 12 August 2025.");
  EXPECT_NE(paragraphs(r.c)[0].find("RICB's were written for the board of 12 August 2025"),
            std::string::npos)
      << paragraphs(r.c)[0];
  EXPECT_NE(paragraphs(r.c)[0].find("nothing has been written since"), std::string::npos);
  // A paper for an earlier meeting does not show it at all.
  RoundTwo before = round_two(Date{2024, 11, 20});
  ASSERT_EQ(before.c["narratives"].size(), 1u);
  EXPECT_EQ(before.c["narratives"][0]["org"], "Round Two Mental Health Trust");
}

TEST(PaperRoundTwo, TheCoverShowsOnlyWhatThePlanSays) {
  RoundTwo r = round_two(Date{2025, 8, 12});
  std::map<std::string, std::string> cover;
  for (const auto& row : r.c["cover_details"]) cover[row["label"]] = row["value"];
  EXPECT_EQ(cover["Classification"], "For the meeting in public");
  EXPECT_EQ(cover["Strategic objectives"],
            "Improve outcomes in population health; Tackle inequalities");
  EXPECT_EQ(cover["Conflicts of interest"], "None declared.");
  EXPECT_EQ(cover["Data protection"], "No personal data in the paper.");
  // The rows a board expects are never blank; the others only when the plan has them.
  EXPECT_EQ(cover["Legal and regulatory"], "Not stated");
  EXPECT_EQ(cover["Quality impact"], "Not stated");
  EXPECT_EQ(cover["Previously considered by"], "Round Two ICB Board, 20 November 2024");
  EXPECT_EQ(cover.count("Impact assessments"), 0u);
}

// A paper for a period with no meeting in the plans: the cover fills what the plans say of
// risk and money, asks only to note, and leaves to the meeting's author the rest, marked to be
// confirmed, never "not stated".
TEST(PaperRoundTwo, ACoverWithNoMeetingYetSaysWhatIsToBeConfirmed) {
  RoundTwo r = round_two(Date{2026, 1, 31});
  ASSERT_EQ(r.view->meeting, nullptr);
  std::map<std::string, std::string> cover;
  for (const auto& row : r.c["cover"]) cover[row["label"]] = row["value"];
  for (const auto& row : r.c["cover_details"]) cover[row["label"]] = row["value"];
  EXPECT_EQ(cover["Meeting"], "To be confirmed");
  // Its own recommendations ask the board to note, and to discuss a request of the leads
  // (to bring the plans up to date with the investigation, which they do not cite); nothing
  // is put for approval.
  EXPECT_EQ(r.c["recommendations"].back()["text"].get<std::string>().rfind("Ask for the plans", 0),
            0u);
  EXPECT_EQ(cover["Purpose"], "Note; Discuss");
  EXPECT_EQ(cover["Level of assurance offered"], "To be confirmed");
  EXPECT_EQ(cover["Risks"], "3 open risks, set out with their mitigations in the risks section.");
  EXPECT_EQ(cover["Financial implications"],
            "Set out in the finance section, and summarised in the key points.");
  EXPECT_EQ(cover["Quality impact"], "To be confirmed");
  // Only the plan's own facts (who sponsors and writes it) can be "not stated".
  for (const auto& [label, value] : cover) {
    if (label != "Executive sponsor" && label != "Report author") {
      EXPECT_NE(value, "Not stated") << label;
    }
  }
}

// The summary names the national milestones already due that no record shows were met, but
// not the one of the period the paper reports on, which the paper itself is for.
TEST(PaperRoundTwo, MilestonesWithNoRecordAreNamedInTheSummary) {
  RoundTwo r = round_two(Date{2026, 1, 31});
  const std::vector<std::string> p = paragraphs(r.c);
  const auto said = std::find_if(p.begin(), p.end(), [](const std::string& t) {
    return t.find("The plans do not record whether") != std::string::npos;
  });
  ASSERT_NE(said, p.end());
  EXPECT_EQ(said->find("January 2026"), std::string::npos) << *said;
  EXPECT_NE(said->find("June 2025"), std::string::npos) << *said;
}

// Plans whose actions are not the whole of their organisation's plan: a gap is a gap in what
// the paper holds, and the paper says so, never that no action addresses the item.
TEST(PaperRoundTwo, AGapInAPlanHeldElsewhereIsSaidToBeOnlyInThePaper) {
  RoundTwo r = round_two(Date{2025, 8, 12});
  ASSERT_GT(r.view->gaps(), 0);
  r.plans[1].incomplete = "The trust's own plan is an unpublished appendix.";
  const nlohmann::json c = paper_context(*r.view, PaperSettings{"chart.svg"});
  const std::string all = c["summary"].dump() + c["key_points"].dump();
  EXPECT_NE(all.find("no action in this paper, but the full plan of RMHT, which it does not "
                     "include, may address"),
            std::string::npos)
      << all;
  EXPECT_EQ(all.find("No action yet addresses"), std::string::npos) << all;
  bool shown = false;
  for (const auto& org : c["progress"])
    shown = shown || org["incomplete"] == "The trust's own plan is an unpublished appendix.";
  EXPECT_TRUE(shown);
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
  EXPECT_EQ(scores, (std::vector<std::string>{"16 Extreme", "6 Moderate", "Not scored"}));
  EXPECT_EQ(refs, (std::vector<std::string>{"CRR-112", "BAF 4", ""}));
}

// Each milestone once, with each organisation's record of meeting it: a meeting counts for
// the milestone it was held for, a review date is not a submission.
TEST(PaperRoundTwo, MilestonesAreMetByARecordOfThem) {
  RoundTwo r = round_two(Date{2025, 8, 12});
  std::vector<std::string> records;
  for (const auto& m : r.c["timeline"]) records.push_back(std::string(m["record"]));
  EXPECT_EQ(records,
            (std::vector<std::string>{
                "\u2013", "\u2013",  // milestones that ask nothing of systems
                // A submission with no date, the date not known.
                "Submitted; the date is not recorded",
                // The review's date is no record of sending it to NHS England.
                "No submission in the plans", "Submitted: 29 Nov 2024",
                "RICB: Discussed in public: Round Two ICB Board, 20 Nov 2024", "\u2013", "\u2013",
                // A meeting counts for the first milestone due on or after it: the ICB's
                // August board is January's update, not June's late; it is this paper's own.
                // June 2025 also asks for a report to NHS England: the system's line, met by a
                // submission only, which these plans do not record.
                "RICB: No public meeting in the plans; RMHT: Discussed in public: RMHT Board of "
                "Directors, 25 Jun 2025; System: Reported to NHS England: 27 Jun 2025",
                "RICB: To be discussed in public: this meeting, 12 Aug 2025; RMHT: Not yet due; "
                "System: Not yet due"}));
  EXPECT_EQ(r.c["journey"].size(), 4u);

  // A submission for the June 2025 milestone records the report; a meeting never does.
  Submission sent;
  sent.milestone = Located<std::string>{"june-2025-report", {}};
  sent.date = Located<Date>{Date{2025, 6, 27}, {}};
  r.plans[0].submissions.push_back(sent);
  rebuild(r, Date{2025, 8, 12});
  const std::string june = r.c["timeline"][8]["record"];
  EXPECT_NE(june.find("; System: Reported to NHS England: 27 Jun 2025"), std::string::npos) << june;
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
  EXPECT_EQ(r.c["trend"][0]["label"], "End of the June 2025 reporting period (30 Jun 2025)");
  EXPECT_EQ(r.c["trend"][1]["label"], "Now (12 Aug 2025)");
  EXPECT_EQ(r.c["trend"][1]["counts"], r.c["totals"]);
  // Two actions fell overdue after June: more Red now than at the return.
  EXPECT_EQ(r.c["trend"][1]["counts"]["red"].get<int>(),
            r.c["trend"][0]["counts"]["red"].get<int>() + 2);
  const std::string svg = trend_chart_svg(r.view->trend, "reporting period");
  EXPECT_NE(svg.find(">June 2025 reporting period<"), std::string::npos) << svg;
  EXPECT_NE(svg.find(">Now (12 Aug 2025)<"), std::string::npos);

  EXPECT_EQ(round_two(Date{2025, 6, 1}).c["has_trend"], false);
}

// Progress by the plan's own groups, each action once; actions with no update are said
// once per organisation, not on every row.
TEST(PaperRoundTwo, EachActionOnceInTheBody) {
  RoundTwo r = round_two(Date{2025, 8, 12});
  std::vector<std::string> ids;
  for (const auto& org : r.c["progress"]) {
    for (const auto& g : org["groups"]) {
      for (const auto& a : g["actions"]) ids.push_back(a["id"]);
    }
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"G-1", "G-2", "G-3", "G-4", "G-5", "T-1", "T-2"}));
  EXPECT_EQ(r.c["progress"][0]["groups"][0]["name"], "Governance");
  EXPECT_EQ(r.c["progress"][0]["groups"][1]["name"], "Other actions");
  EXPECT_EQ(r.c["progress"][1]["quiet"],
            "None of RMHT's 2 open actions has a progress update recorded.");
  EXPECT_EQ(r.c["progress"][1]["groups"][0]["actions"][1]["progress"], "\u2013");
  // A complete action with no date of its own shows when it was done.
  EXPECT_EQ(r.c["progress"][0]["groups"][0]["actions"][3]["due"], "Completed 2 Apr 2025");
  EXPECT_EQ(r.c["appendix"][0]["show_group"], true);
  EXPECT_EQ(r.c["appendix"][0]["show_cost"], true);
  // Coverage: by item name, once, with the gaps marked.
  const nlohmann::json& items = r.c["coverage"][0]["items"];
  EXPECT_EQ(items[0]["title"], "Continuity of care and joined-up history");
  for (const auto& i : items) EXPECT_EQ(std::string(i["title"]).find('('), std::string::npos);
}

// A paper as of before a framework was published is not scored against it, and does not
// name it.
TEST(PaperRoundTwo, AFrameworkPublishedLaterIsNotScored) {
  RoundTwo r = round_two(Date{2024, 11, 20});
  for (const auto& f : r.c["coverage"])
    EXPECT_NE(f["title"], "National webinar - focus on local action plans");
  EXPECT_EQ(r.c.dump().find("webinar"), std::string::npos);
  EXPECT_FALSE(r.view->period);  // no period had been set yet
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
  const std::string appendix = md.substr(md.find("# Appendix A"));
  const std::string icb = header_after(appendix, "## NHS Round Two ICB (RICB)");
  EXPECT_NE(icb.find(" Group |"), std::string::npos) << icb;
  EXPECT_NE(icb.find(" Cost |"), std::string::npos) << icb;
  const std::string trust = header_after(appendix, "## Round Two Mental Health Trust (RMHT)");
  EXPECT_EQ(trust, "| Action | What | Lead | Due | BRAG | Addresses |");

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
  EXPECT_EQ(header_after(md2, "# Risks and mitigations"), "| Org | Risk | Description | State |");
  EXPECT_NE(md2.find("(not scored in the plans)"), std::string::npos);
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
  // Tables: no count reads as a dash (money in PaperFinance below).
  bool dash = false;
  for (const auto& i : r.c["coverage"][0]["items"]) {
    for (const auto& [k, cell] : i["counts"]["cells"].items()) {
      EXPECT_NE(cell, "0") << k;
      dash = dash || cell == "\u2013";
    }
  }
  EXPECT_TRUE(dash);
  EXPECT_EQ(r.c["totals"]["cells"]["blue"], "2");
  EXPECT_EQ(r.c["totals"]["blue"], 2);  // numbers stay numbers for templates that count
  for (const auto& change : r.c["summary"]["changes"]) {
    if (change["label"] == "Completed") {
      EXPECT_EQ(change["cell"], "\u2013");
    }
  }
  // An item no action addresses has a dash for its count, and is marked a gap.
  for (const auto& i : r.c["coverage"][1]["items"]) {
    if (i["gap"]) {
      EXPECT_EQ(i["count"], "\u2013");
    }
  }
  const std::string md = rendered(r.c);
  EXPECT_EQ(md.find("| 0 |"), std::string::npos);
  EXPECT_EQ(md.find("| - |"), std::string::npos);
}

// Unfunded costs are named, whether an amount or still to be confirmed, by title (the
// appendix's cost column marks them too).
TEST(PaperRoundTwo, UnfundedCostsAreNamed) {
  RoundTwo r = round_two(Date{2025, 8, 12});
  EXPECT_EQ(r.c["finance"]["unfunded"],
            "1 action is marked not funded, as the appendix's cost column shows: fund the "
            "outreach team (RICB: \u00a361,000 a year).");
  // The carers' service, still to be costed, marked not funded too.
  for (Plan& p : r.plans) {
    for (Action& a : p.actions) {
      if (a.id && a.id->value == "G-3") a.cost->funded = false;
    }
  }
  rebuild(r, Date{2025, 8, 12});
  const nlohmann::json& c = r.c;
  const std::string unfunded = c["finance"]["unfunded"];
  EXPECT_EQ(unfunded.rfind("2 actions are marked not funded", 0), 0u) << unfunded;
  EXPECT_NE(unfunded.find("(RICB: cost to be confirmed)"), std::string::npos) << unfunded;
  // The table's "Not funded" column counts it too, so the table agrees with the sentence.
  EXPECT_EQ(c["finance"]["system"]["gap"], "\u00a361,000 and 1 not yet costed");
  std::vector<std::string> finance;
  for (const auto& s : c["finance"]["sentences"]) finance.push_back(s["text"]);
  EXPECT_TRUE(has(finance,
                  "2 actions in the RICB and RMHT plans have a cost: \u00a320,000 one-off and "
                  "\u00a361,000 a year. Of this, \u00a361,000 a year is marked not funded. A "
                  "further open action has no cost yet, and it is marked not funded."))
      << finance.front();
}

// Somerset's November 2024 paper: the finance table has a row per organisation that adds
// up to the system's, whatever frameworks the costed actions address; the headline
// estimate the system gave NHS England is set beside the actions' costs, not mixed in.
TEST(PaperFinance, RowsAddUpAndTheEstimateIsSaidApart) {
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
  const nlohmann::json& items = c["finance"]["items"];
  ASSERT_EQ(items.size(), 2u) << c["finance"].dump();
  EXPECT_EQ(items[0]["recurrent"], "\u00a3126,000");  // the ICB's drug and alcohol posts
  EXPECT_EQ(items[0]["one_off"], "\u2013");           // none: a dash, as in every table
  // SMI-20 and SMI-25, the trust's: the source does not say whether they recur, so they are
  // neither one-off nor yearly, in their own column.
  EXPECT_EQ(items[1]["one_off"], "\u2013");
  EXPECT_EQ(items[1]["unsaid"], "\u00a3111,000");
  EXPECT_EQ(c["finance"]["system"]["unsaid"], "\u00a3111,000");
  EXPECT_TRUE(c["finance"]["has_unsaid"]);
  EXPECT_EQ(c["finance"]["system"]["recurrent"], "\u00a3126,000");
  const std::string estimate = c["finance"]["sentences"][0]["text"];
  EXPECT_EQ(estimate,
            "For NHS England, the system estimated the full cost of the work its review called "
            "for at \u00a33m a year, with no funding identified for it. The figures below "
            "are the costs the plans give their own actions, not a breakdown of that estimate.");
}

// A cost whose plan does not say whether it recurs is neither one-off nor yearly.
TEST(PaperFinance, ACostNotSaidToRecurIsNeitherOneOffNorYearly) {
  CostTotals t;
  Cost said;
  said.kind = Cost::Kind::kAmount;
  said.amount = 20000;
  said.recurrent = false;
  Cost unsaid = said;
  unsaid.amount = 50000;
  unsaid.recurrent.reset();
  unsaid.funded = false;
  t.add(said);
  t.add(unsaid);
  EXPECT_EQ(t.one_off, 20000);
  EXPECT_EQ(t.recurrent, 0);
  EXPECT_EQ(t.unsaid, 50000);
  EXPECT_EQ(t.unfunded_unsaid, 50000);
  EXPECT_EQ(t.unfunded_one_off, 0);
}

// A headline estimate reads as papers round it; an exact figure is kept exact.
TEST(PaperFinance, EstimatesReadAsPapersRoundThem) {
  EXPECT_EQ(estimate_money(3000000), "\u00a33m");
  EXPECT_EQ(estimate_money(2500000), "\u00a32.5m");
  EXPECT_EQ(estimate_money(2450000), "\u00a32,450,000");
  EXPECT_EQ(estimate_money(900000), "\u00a3900,000");
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

// ---- Round three: every sentence true on the paper's date --------------------------------

struct Sample {
  std::vector<Plan> plans;
  std::optional<SystemView> view;
  nlohmann::json c;
};

// A sample system of plans/, as of `as_of` (and for `period`, when given).
std::unique_ptr<Sample> sample(const std::string& system, std::vector<std::string> files,
                               Date as_of, const std::string& period = "") {
  auto s = std::make_unique<Sample>();
  Diagnostics diags;
  for (const std::string& f : files) {
    const std::string path = std::string(IACT_TEST_DATA) + "/../../plans/" + system + "/" + f;
    s->plans.push_back(*load_plan_file(path, path, diags));
  }
  std::vector<const Plan*> plans;
  for (const Plan& p : s->plans) plans.push_back(&p);
  ViewOptions options;
  options.as_of = as_of;
  options.period = period;
  ViewError error;
  s->view = build_view(system, plans, testing::frameworks(), options, error);
  EXPECT_TRUE(s->view) << error.message;
  if (s->view) s->c = paper_context(*s->view, PaperSettings{"chart.svg"});
  return s;
}

const nlohmann::json* action_in(const nlohmann::json& c, const std::string& id) {
  for (const auto& org : c["appendix"]) {
    for (const auto& a : org["actions"]) {
      if (a["id"] == id) return &a;
    }
  }
  return nullptr;
}

// Somerset's SMI-20 is due 30 Jul 2024 in its source, before the plan was made: a slip of
// the year the paper queries instead of passing on as fact.
TEST(PaperTruth, ADueDateBeforeThePlanIsQueried) {
  auto s = sample("somerset", {"somerset-icb.yaml", "somerset-ft.yaml"}, Date{2024, 11, 28});
  const nlohmann::json* smi20 = action_in(s->c, "SMI-20");
  ASSERT_NE(smi20, nullptr);
  EXPECT_EQ((*smi20)["due"], "30 Jul 2024 (to be confirmed)");
  EXPECT_EQ((*action_in(s->c, "SMI-19"))["due"], "30 Jul 2025");  // the row before: no query
  const auto& sft = s->c["progress"][1];
  EXPECT_EQ(sft["label"], "SFT");
  EXPECT_EQ(sft["queried"],
            "One action is due 30 Jul 2024, before the plan itself was made, which suggests a "
            "slip of the year in the source; the table marks its date to be confirmed, and it "
            "counts as overdue until its lead confirms the date.");
  EXPECT_EQ(s->c["progress"][0]["queried"], false);  // the ICB's actions have no such date
  const std::string overdue = s->c["key_points"][0]["text"];
  EXPECT_NE(overdue.find("the due date of one of them (SMI-20 (SFT), due 30 Jul 2024) is earlier "
                         "than the plan itself, probably a slip of the year, and is to be "
                         "confirmed."),
            std::string::npos)
      << overdue;
}

// A colour the due date alone gives (no status reported) is marked so, in every table and in
// the key; a framework published after the paper's date is not cited for any action.
TEST(PaperTruth, ColoursFromDatesAloneAreMarkedAndLaterFrameworksAreNotCited) {
  auto s = sample("somerset", {"somerset-icb.yaml", "somerset-ft.yaml"}, Date{2024, 11, 28});
  const nlohmann::json* smi01 = action_in(s->c, "SMI-01");
  ASSERT_NE(smi01, nullptr);
  EXPECT_EQ((*smi01)["brag"]["name"], "Red");
  EXPECT_NE((*smi01)["brag"]["cell_md"].get<std::string>().find("(no status)"), std::string::npos);
  // The November 2024 paper cannot name the webinar domains of April 2025.
  EXPECT_EQ((*smi01)["addresses"].get<std::string>().find("Care and treatment"), std::string::npos)
      << (*smi01)["addresses"];
  EXPECT_EQ(s->c["brag_key"].back()["cell_md"], "(no status)");
  // No earlier period or meeting to compare with: no trend, as the summary says.
  EXPECT_FALSE(s->c["has_trend"]);

  auto bnssg = sample("bnssg", {"bnssg-icb.yaml", "awp.yaml"}, Date{2025, 5, 1});
  const nlohmann::json* reported = action_in(bnssg->c, "ICB-PLAN-01");
  ASSERT_NE(reported, nullptr);
  EXPECT_EQ((*reported)["brag"]["cell_md"].get<std::string>().find("(no status)"),
            std::string::npos);  // its lead reported a status
}

// A period paper for a system whose plans predate a framework NHS England asked every plan
// to take in says so, and asks for the plans to be brought up to date, not scored against it.
TEST(PaperTruth, AFrameworkThePlansHaveNotTakenInIsSaid) {
  auto s =
      sample("somerset", {"somerset-icb.yaml", "somerset-ft.yaml"}, Date{2026, 1, 31}, "2026-01");
  ASSERT_EQ(s->view->not_adopted.size(), 1u);
  EXPECT_EQ(s->view->not_adopted[0]->id, "investigation-2025");
  EXPECT_EQ(s->c["recommendations"].back()["text"],
            "Ask for the plans to be brought up to date with the Independent Mental Health "
            "Homicide Investigation.");
  const std::string gaps = s->c["key_points"][2]["text"];
  EXPECT_NE(gaps.find("the plans do not yet answer to the Independent Mental Health Homicide "
                      "Investigation."),
            std::string::npos)
      << gaps;
  // The DNA evidence names SMI-10, to review practice by January 2025: a year on, the
  // paper says where it stands, which it did not need to in November 2024.
  const std::string note = s->c["dna"][1]["note"];
  EXPECT_NE(note.find("by January 2025. The action it names, due 30 Jan 2025, is now overdue."),
            std::string::npos)
      << note;
  // Not in November 2024, before it was published.
  auto before = sample("somerset", {"somerset-icb.yaml", "somerset-ft.yaml"}, Date{2024, 11, 28});
  EXPECT_TRUE(before->view->not_adopted.empty());
  EXPECT_EQ(before->c["dna"][1]["note"].get<std::string>().find("now overdue"), std::string::npos);
}

// BOB's board met in June 2025, the day not given: the paper's date is the month, and an
// organisation named in its short form already is not named twice ("ICB (ICB)").
TEST(PaperTruth, AMeetingKnownToTheMonthDatesThePaperToTheMonth) {
  auto s = sample("bob", {"bob-icb.yaml", "bhft.yaml", "ohft.yaml"}, Date{2025, 6, 30});
  ASSERT_NE(s->view->meeting, nullptr);
  EXPECT_EQ(s->c["as_of"], "June 2025");
  std::map<std::string, std::string> cover;
  for (const auto& row : s->c["cover"]) cover[row["label"]] = row["value"];
  EXPECT_EQ(cover["Status as of"], "June 2025");
  EXPECT_EQ(cover["Date of meeting"], "June 2025");
  EXPECT_EQ(s->c["organisations"][0]["label_shown"], false);  // "... Berkshire West ICB"
  EXPECT_EQ(s->c["organisations"][1]["label_shown"], true);   // "... Foundation Trust (BHFT)"
}

// The key point that starts with `prefix`, or "".
std::string key_point(const nlohmann::json& c, const std::string& prefix) {
  for (const auto& k : c["key_points"]) {
    const std::string text = k["text"];
    if (text.rfind(prefix, 0) == 0) return text;
  }
  return "";
}

// BNSSG's ICB-PLAN-01 is to add the investigation's learning to the plan: the two items only
// it names are gaps it plans for, not items an action addresses, and the paper says which
// action is to fill them and, a year on, that it has not.
TEST(PaperTruth, AnActionThatUpdatesThePlanPlansForItsItemsAndDoesNotAddressThem) {
  auto s = sample("bnssg", {"bnssg-icb.yaml", "awp.yaml"}, Date{2025, 5, 1});
  EXPECT_EQ(s->view->gaps(), 2);
  EXPECT_EQ(key_point(s->c, "Gaps:"),
            "Gaps: no action yet addresses Working closely with families and Eliminating "
            "out-of-area placements; ICB-PLAN-01 (ICB) is to add actions for them by 30 Jun "
            "2025; 12 of the 25 expectations of the national webinar of April 2025 have no "
            "action yet (Appendix B names them).");
  bool indexed = false;
  for (const auto& f : s->c["coverage_index"]) {
    for (const auto& item : f["items"]) {
      if (item["title"] != "Working closely with families") continue;
      indexed = true;
      EXPECT_EQ(item["actions"],
                "None yet: ICB-PLAN-01 (ICB) is to add actions for it by 30 Jun 2025");
    }
  }
  EXPECT_TRUE(indexed);
  // The open expectations the key point counts are named in Appendix B.
  int named = 0;
  for (const auto& f : s->c["coverage_index"]) {
    for (const auto& item : f["items"]) {
      const std::string actions = item["actions"];
      const size_t at = actions.find("No action yet for: ");
      if (at == std::string::npos) continue;
      named += 1 + static_cast<int>(
                       std::count(actions.begin() + static_cast<long>(at), actions.end(), ';'));
    }
  }
  EXPECT_EQ(named, 12);
  const std::string addresses = (*action_in(s->c, "ICB-PLAN-01"))["addresses"];
  EXPECT_EQ(addresses.rfind("To add actions for: ", 0), 0u) << addresses;

  auto later = sample("bnssg", {"bnssg-icb.yaml", "awp.yaml"}, Date{2026, 1, 31}, "2026-01");
  const std::string gaps = key_point(later->c, "Gaps:");
  EXPECT_NE(gaps.find("ICB-PLAN-01 (ICB) was to add actions for them by 30 Jun 2025 and is "
                      "overdue"),
            std::string::npos)
      << gaps;
}

// A January 2026 paper says when the answers and statuses it repeats were given: the DNA
// assurance of May 2025, and a lead's last report, never as if said today.
TEST(PaperTruth, AnswersAndStatusesFromEarlierSayWhen) {
  auto meeting = sample("bnssg", {"bnssg-icb.yaml", "awp.yaml"}, Date{2025, 5, 1});
  auto later = sample("bnssg", {"bnssg-icb.yaml", "awp.yaml"}, Date{2026, 1, 31}, "2026-01");
  const std::string then = key_point(meeting->c, "Assurance that not attending");
  const std::string now = key_point(later->c, "Assurance that not attending");
  EXPECT_NE(then.find("AWP policy yes, practice partial."), std::string::npos) << then;
  EXPECT_NE(now.find("AWP policy yes, practice partial (as reported on 1 May 2025)."),
            std::string::npos)
      << now;
  EXPECT_EQ(later->c["dna"][1]["note"].get<std::string>().rfind("As reported on 1 May 2025: ", 0),
            0u);
  EXPECT_EQ(meeting->c["dna"][1]["note"].get<std::string>().find("As reported"), std::string::npos);
  // A Red action its lead last called on track says when that was.
  const nlohmann::json* row = action_in(later->c, "ICB-PLAN-01");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ((*row)["brag"]["name"], "Red");
  EXPECT_NE(
      (*row)["progress"].get<std::string>().find("Lead's last report: on track (1 May 2025)."),
      std::string::npos)
      << (*row)["progress"];
}

// BHFT costed a standalone team in a proposal whose figure its source does not give: costed,
// not "still to be costed", and not a figure either.
TEST(PaperTruth, ACostWhoseFigureIsNotGivenIsNeitherToBeCostedNorAnAmount) {
  auto s = sample("bob", {"bob-icb.yaml", "bhft.yaml", "ohft.yaml"}, Date{2025, 6, 30});
  const CostTotals& t = s->view->finance.system;
  EXPECT_EQ(t.unpriced, 1);
  EXPECT_EQ(t.unfunded_unpriced, 1);
  EXPECT_EQ(t.tbc, 0);
  EXPECT_EQ(t.costed, 0);
  const std::string funding = key_point(s->c, "Funding");
  EXPECT_EQ(funding.rfind("Funding: 1 action has been costed, but the plans do not give its "
                          "figure, and it is not funded",
                          0),
            0u)
      << funding;
  EXPECT_EQ((*action_in(s->c, "BHFT-DA-06"))["cost"], "Costed, figure not given (not funded)");
}

// NENC's ICB sub-committee saw the plan in November 2024; it is not the ICB board the
// December 2024 milestone asks to meet in public, so it is not offered as the ICB's record.
// The board's own meeting of Q2 2024/25, not said to be in public, is.
TEST(PaperTruth, ACommitteeIsNotOfferedAsTheBoardInPublic) {
  auto s = sample("nenc", {"nenc-icb.yaml", "cntw.yaml", "ghft.yaml", "nhft.yaml", "tewv.yaml"},
                  Date{2025, 7, 29});
  bool seen = false;
  for (const MilestoneCheck& c : s->view->compliance) {
    if (c.milestone->id != "public-boards-2024" || c.org != "ICB") continue;
    seen = true;
    EXPECT_FALSE(c.done);
    // The board's own earlier meeting, in public or not unsaid, is offered; the November
    // 2024 sub-committee is not.
    ASSERT_EQ(c.not_said_public.size(), 1u);
    EXPECT_EQ(c.not_said_public.front()->body, "NHS North East and North Cumbria ICB Board");
  }
  EXPECT_TRUE(seen);
}

// Somerset's board last saw the plan in November 2024, and the plans record no June 2025
// report: a January 2026 paper counts what changed since that meeting, not since a period
// whose report no record shows. BNSSG's plans never say when an action joined them, so the
// paper does not say that none did.
TEST(PaperTruth, ChangesAreCountedFromWhatTheBoardLastSaw) {
  auto s =
      sample("somerset", {"somerset-icb.yaml", "somerset-ft.yaml"}, Date{2026, 1, 31}, "2026-01");
  ASSERT_TRUE(s->view->since);
  EXPECT_EQ(*s->view->since, (Date{2024, 11, 28}));
  EXPECT_TRUE(s->view->since_meeting);
  EXPECT_EQ(s->view->overdue_in_period.size(), 26u);  // 3 overdue then, 29 now
  bool said = false;
  for (const std::string& p : paragraphs(s->c)) {
    if (p.rfind("Since the board last saw the plan, on 28 November 2024, ", 0) == 0) said = true;
  }
  EXPECT_TRUE(said);

  auto bnssg = sample("bnssg", {"bnssg-icb.yaml", "awp.yaml"}, Date{2025, 5, 1});
  for (const std::string& p : paragraphs(bnssg->c)) {
    EXPECT_EQ(p.find("none was added"), std::string::npos) << p;
  }
}

}  // namespace
}  // namespace iact
