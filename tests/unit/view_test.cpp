#include "view/system_view.h"

#include <map>

#include <gtest/gtest.h>

#include <sstream>

#include "test_support.h"
#include "write/status.h"

namespace iact {
namespace {

using testing::frameworks;

ViewOptions at(Date as_of, std::string period = "", std::optional<Date> meeting = std::nullopt,
               std::optional<RagSettings> policy = std::nullopt) {
  ViewOptions o;
  o.as_of = as_of;
  o.period = std::move(period);
  o.meeting = meeting;
  o.policy_file = std::move(policy);
  return o;
}

const std::string kIcbPlan = R"(iact: 1
organisation: { code: QSL, name: NHS Somerset ICB, short: ICB, kind: icb }
frameworks: [investigation-2025]
board:
  - { date: 2025-09-25, body: ICB Board }
  - { date: 2025-11-27, body: ICB Board, title: November paper }
  - { date: 2026-01-29, body: ICB Board }
groups: [G1, G2]
actions:
  - { id: I-1, title: Done in the period, group: G1, addresses: [families], lead: ICB,
      due: 2025-08-31, status: complete, completed: 2025-08-20, evidence: [Report] }
  - { id: I-2, title: Overdue in the period, group: G2, addresses: [personalised-risk],
      lead: ICB, due: 2025-07-15, status: on-track }
  - { id: I-3, title: Re-planned, group: G2, addresses: [families], lead: ICB,
      due: 2025-12-31, baseline_due: 2025-09-30, status: on-track }
  - { id: I-4, title: Overdue before the period, addresses: [joint-discharge], lead: ICB,
      due: 2024-12-31, status: at-risk }
risks:
  - { id: R1, title: Closed risk, likelihood: 2, impact: 2, closed: 2025-09-01 }
  - { id: R2, title: Open risk, likelihood: 3, impact: 4 }
)";

class ViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Diagnostics diags;
    trust_ = *load_plan_text(testing::kValidPlan, "a-trust.yaml", diags);
    icb_ = *load_plan_text(kIcbPlan, "icb.yaml", diags);
    ASSERT_FALSE(diags.has_errors());
  }
  std::optional<SystemView> view(ViewOptions options, ViewError* error = nullptr) {
    ViewError ignored;
    return build_view("somerset", {&trust_, &icb_}, frameworks(), options,
                      error ? *error : ignored);
  }
  std::vector<std::string> ids(const SystemView& v, const std::vector<size_t>& rows) {
    std::vector<std::string> out;
    for (size_t r : rows) out.push_back(v.rows[r].id);
    return out;
  }
  Plan trust_, icb_;
  const Date as_of_{2025, 10, 1};
};

using Ids = std::vector<std::string>;

TEST_F(ViewTest, TheIcbLeadsAndEveryRollUpAddsUp) {
  auto v = view(at(as_of_));
  ASSERT_TRUE(v);
  EXPECT_EQ(v->lead, &icb_);
  ASSERT_EQ(v->orgs.size(), 2u);
  EXPECT_EQ(v->orgs[0].label, "ICB");
  EXPECT_EQ(v->orgs[1].label, "SFT");
  EXPECT_EQ(ids(*v, v->all.rows), (Ids{"I-1", "I-2", "I-3", "I-4", "A-1", "A-2"}));

  const BragCounts& all = v->all.counts;
  EXPECT_EQ(all[Brag::kBlue], 2);
  EXPECT_EQ(all[Brag::kRed], 2);
  EXPECT_EQ(all[Brag::kAmber], 1);
  EXPECT_EQ(all[Brag::kGreen], 1);
  EXPECT_EQ(all[Brag::kGrey], 0);
  EXPECT_EQ(all.total(), 6);
  EXPECT_EQ(all.open(), 4);
  EXPECT_EQ(v->orgs[0].actions.counts.total() + v->orgs[1].actions.counts.total(), 6);

  const auto& groups = v->orgs[0].groups;
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].name, "G1");
  EXPECT_EQ(groups[0].actions.counts[Brag::kBlue], 1);
  EXPECT_EQ(groups[1].name, "G2");
  EXPECT_EQ(ids(*v, groups[1].actions.rows), (Ids{"I-2", "I-3"}));
  EXPECT_EQ(groups[2].name, "");  // ungrouped last
}

TEST_F(ViewTest, FrameworkItemsCountEveryActionThatAddressesThem) {
  auto v = view(at(as_of_));
  ASSERT_EQ(v->frameworks.size(), 1u);
  const FrameworkView& f = v->frameworks[0];
  EXPECT_EQ(f.framework->id, "investigation-2025");
  EXPECT_EQ(f.covered(), 5);
  EXPECT_EQ(v->gaps(), 0);
  const ItemView* families = nullptr;
  for (const ItemView& i : f.items) {
    if (i.item->id == "families") families = &i;
  }
  ASSERT_NE(families, nullptr);
  EXPECT_EQ(ids(*v, families->actions.rows), (Ids{"I-1", "I-3", "A-1"}));
  EXPECT_EQ(families->actions.counts[Brag::kBlue], 1);
  EXPECT_EQ(families->actions.counts[Brag::kAmber], 1);
  EXPECT_EQ(families->actions.counts[Brag::kGreen], 1);
}

TEST_F(ViewTest, ChangesSinceThePreviousPeriod) {
  auto v = view(at(as_of_));
  ASSERT_TRUE(v->period);
  EXPECT_EQ(v->period->id, "2026-01");
  ASSERT_TRUE(v->previous);
  EXPECT_EQ(v->previous->id, "2025-06");
  EXPECT_EQ(v->since, (Date{2025, 6, 30}));
  EXPECT_EQ(ids(*v, v->overdue), (Ids{"I-4", "I-2"}));  // by due date
  EXPECT_EQ(ids(*v, v->overdue_in_period), (Ids{"I-2"}));
  EXPECT_EQ(ids(*v, v->completed_in_period), (Ids{"I-1", "A-2"}));
  EXPECT_EQ(ids(*v, v->replanned), (Ids{"I-3"}));
  EXPECT_EQ(ids(*v, v->slipped), (Ids{"I-3"}));  // its baseline fell due in the period
  EXPECT_TRUE(v->new_actions.empty());
  ASSERT_EQ(v->closed_risks.size(), 1u);
  EXPECT_EQ(v->risks[v->closed_risks[0]].risk->id->value, "R1");
  EXPECT_EQ(ids(*v, v->contradictions), (Ids{"I-2", "I-4"}));
  EXPECT_EQ(ids(*v, v->next_due), (Ids{"I-3", "A-1"}));
}

TEST_F(ViewTest, AnEarlierAsOfDateShowsThePlansAsTheyStoodThen) {
  Diagnostics diags;
  std::string text = kIcbPlan;
  text.replace(text.find("risks:"), 0,
               "  - { id: I-5, title: Added later, addresses: [families], lead: ICB,\n"
               "      added: 2025-09-15, due: 2026-03-31, status: not-started }\n");
  Plan icb = *load_plan_text(text, "icb.yaml", diags);
  ASSERT_FALSE(diags.has_errors());
  ViewError error;
  auto before = build_view("s", {&icb}, frameworks(), at(Date{2025, 8, 1}), error);
  auto after = build_view("s", {&icb}, frameworks(), at(as_of_), error);
  ASSERT_TRUE(before && after);
  EXPECT_EQ(ids(*before, before->all.rows), (Ids{"I-1", "I-2", "I-3", "I-4"}));
  EXPECT_EQ(ids(*after, after->all.rows), (Ids{"I-1", "I-2", "I-3", "I-4", "I-5"}));
  EXPECT_EQ(ids(*after, after->new_actions), (Ids{"I-5"}));
  // I-1 was completed on 20 August: still on track (Green) on 1 August.
  EXPECT_EQ(before->rows[0].rag.brag, Brag::kGreen);
  EXPECT_EQ(after->rows[0].rag.brag, Brag::kBlue);
}

TEST_F(ViewTest, LatestUpdateIsTheNewestOnOrBeforeTheAsOfDate) {
  auto v = view(at(as_of_));
  const ActionRow& a1 = v->rows[4];
  ASSERT_EQ(a1.id, "A-1");
  ASSERT_NE(a1.latest, nullptr);
  EXPECT_EQ(a1.latest->date->value, (Date{2025, 8, 1}));
  auto before = view(at(Date{2025, 7, 31}));
  EXPECT_EQ(before->rows[4].latest, nullptr);
}

TEST_F(ViewTest, RisksKnowWhetherTheyAreOpen) {
  auto v = view(at(as_of_));
  ASSERT_EQ(v->risks.size(), 3u);  // the ICB's two, then the trust's
  EXPECT_EQ(v->risks[2].org, "SFT");
  EXPECT_FALSE(v->risks[0].open);
  EXPECT_TRUE(v->risks[1].open);
  auto earlier = view(at(Date{2025, 8, 1}));
  EXPECT_TRUE(earlier->risks[0].open);  // closed later than this as-of date
}

TEST_F(ViewTest, MeetingIsTheNextOneOrTheOneAskedFor) {
  auto v = view(at(as_of_));
  ASSERT_TRUE(v->meeting);
  EXPECT_EQ(v->meeting->date->value, (Date{2025, 11, 27}));
  auto asked = view(at(as_of_, "", Date{2026, 1, 29}));
  EXPECT_EQ(asked->meeting->date->value, (Date{2026, 1, 29}));
  auto none = view(at(Date{2026, 2, 1}));
  EXPECT_EQ(none->meeting, nullptr);
  // With no period before it, changes count from the previous meeting of the same board
  // held by the as-of date.
  auto first = view(at(Date{2025, 10, 1}, "2025-06", Date{2025, 11, 27}));
  EXPECT_EQ(first->previous, nullptr);
  EXPECT_EQ(first->since, (Date{2025, 9, 25}));
}

TEST_F(ViewTest, UnknownPeriodOrMeetingIsAnErrorThatListsTheChoices) {
  ViewError error;
  EXPECT_FALSE(view(at(as_of_, "2099-01"), &error));
  EXPECT_EQ(error.message, "there is no reporting period '2099-01'");
  EXPECT_EQ(error.hint,
            "the timeline has: 2025-06, 2026-01; for a reporting round of your own board's, add "
            "it to .iact-timeline.yaml in the plans folder (see docs/guide.md)");
  EXPECT_FALSE(view(at(as_of_, "", Date{2025, 1, 1}), &error));
  EXPECT_EQ(error.message, "icb.yaml has no board meeting on 2025-01-01");
  EXPECT_EQ(error.hint, "its board meetings: 2025-09-25, 2025-11-27, 2026-01-29");
}

TEST_F(ViewTest, PolicyFileChangesTheColours) {
  RagSettings lenient;
  lenient.overdue_grace_days = Located<int>{366, {}};
  auto v = view(at(as_of_, "", std::nullopt, lenient));
  EXPECT_EQ(v->all.counts[Brag::kRed], 0);
  EXPECT_TRUE(v->overdue.empty());
  EXPECT_EQ(v->rows[3].rag.brag, Brag::kAmber);  // I-4 is at risk, no longer overdue
}

// The trend: the system at each past period's due date, then now, each point the same counts
// as the view built as of that date.
TEST_F(ViewTest, TrendIsTheViewAtEachPeriodThenNow) {
  const Date now{2026, 3, 1};
  auto v = view(at(now));
  ASSERT_TRUE(v);
  ASSERT_EQ(v->trend.size(), 3u);
  EXPECT_EQ(v->trend[0].label, "2025-06");
  EXPECT_EQ(v->trend[0].date, (Date{2025, 6, 30}));
  EXPECT_EQ(v->trend[1].label, "2026-01");
  EXPECT_EQ(v->trend[2].label, "now");
  EXPECT_EQ(v->trend[2].date, now);
  for (const TrendPoint& p : v->trend) {
    auto then = view(at(p.date));
    ASSERT_TRUE(then) << p.label;
    for (Brag b : kBragOrder) EXPECT_EQ(p.counts[b], then->all.counts[b]) << p.label;
  }
  // I-1 and A-2 were completed between June and January; I-2 fell overdue in between.
  EXPECT_EQ(v->trend[0].counts[Brag::kBlue], 0);
  EXPECT_EQ(v->trend[1].counts[Brag::kBlue], 2);
  EXPECT_GT(v->trend[1].counts[Brag::kRed], v->trend[0].counts[Brag::kRed]);
}

// Before the first period has ended there is no trend to show.
TEST_F(ViewTest, NoTrendBeforeTheFirstPeriod) {
  auto v = view(at(Date{2025, 6, 29}));
  ASSERT_TRUE(v);
  EXPECT_TRUE(v->trend.empty());
}

// `iact status` names what the actions computed Red were declared, as the paper does: an
// action declared not started is not counted as on track or at risk.
TEST_F(ViewTest, StatusSaysWhatTheRedActionsWereDeclared) {
  Diagnostics diags;
  std::string text = kIcbPlan;
  text.replace(text.find("due: 2024-12-31, status: at-risk"), 32,
               "due: 2024-12-31, status: not-started");
  icb_ = *load_plan_text(text, "icb.yaml", diags);
  auto v = view(at(as_of_));
  ASSERT_TRUE(v);
  std::ostringstream out;
  write_status_text(*v, out, StatusStyle{});
  EXPECT_NE(out.str().find("1 action declared not started and 1 declared on track are computed "
                           "Red (`iact validate` shows where)."),
            std::string::npos)
      << out.str();
  EXPECT_EQ(out.str().find("declared on track or at risk"), std::string::npos);
}

// The next period due; after the last one, none (rather than the last, as if it were current).
TEST(ChoosePeriod, TheNextDueOrNone) {
  // A period is offered only once it has been set (the timeline's `announced:`).
  EXPECT_EQ(choose_period(frameworks(), "", Date{2025, 1, 1}), nullptr);
  EXPECT_EQ(choose_period(frameworks(), "", Date{2025, 2, 5})->id, "2025-06");
  EXPECT_EQ(choose_period(frameworks(), "", Date{2025, 6, 30})->id, "2025-06");
  EXPECT_EQ(choose_period(frameworks(), "", Date{2025, 7, 1})->id, "2026-01");
  EXPECT_EQ(choose_period(frameworks(), "", Date{2026, 1, 31})->id, "2026-01");
  EXPECT_EQ(choose_period(frameworks(), "", Date{2026, 2, 1}), nullptr);
  EXPECT_EQ(choose_period(frameworks(), "2025-06", Date{2027, 1, 1})->id, "2025-06");
  EXPECT_EQ(choose_period(frameworks(), "2025-07", Date{2027, 1, 1}), nullptr);
}

// What the return requires and the paper's cover shows: given, said `not-stated`, or
// missing with where to write it; each organisation's DNA answers from its own plan.
TEST(Answers, GivenNotStatedOrMissingEachFromItsOwnPlan) {
  const std::string icb_text = R"(iact: 1
organisation: { code: QSL, name: NHS Somerset ICB, short: ICB, kind: icb }
frameworks: [investigation-2025]
dna_discharge_assurance: Not stated
board:
  - { date: 2026-01-29, body: ICB Board, public: true, assurance: not-stated }
self_assessment:
  - { item: families, assurance: reasonable, narrative: Carers are involved. }
  - { item: personalised-risk, assurance: not stated }
  - item: joint-discharge
    assurance: limited
)";
  const std::string trust_text = R"(iact: 1
organisation: { code: RH5, name: Somerset NHS Foundation Trust, short: SFT, kind: trust, icb: QSL }
frameworks: [investigation-2025]
dna_discharge_assurance: { policy: yes, practice: partial }
)";
  Diagnostics diags;
  Plan icb = *load_plan_text(icb_text, "icb.yaml", diags);
  Plan trust = *load_plan_text(trust_text, "trust.yaml", diags);
  ASSERT_FALSE(diags.has_errors()) << diags.items().front().message;
  ViewError error;
  auto v = build_view("s", {&icb, &trust}, frameworks(), at(Date{2026, 1, 20}), error);
  ASSERT_TRUE(v);
  using State = Answer::State;
  ASSERT_EQ(v->orgs.size(), 2u);
  EXPECT_EQ(v->orgs[0].dna.policy.state, State::kNotStated);
  EXPECT_EQ(v->orgs[0].dna.practice.words, "Not stated");
  EXPECT_EQ(v->orgs[0].dna.practice.file, "icb.yaml");
  EXPECT_EQ(v->orgs[1].dna.policy.words, "Yes");
  EXPECT_EQ(v->orgs[1].dna.practice.words, "Partial");
  EXPECT_EQ(v->orgs[1].dna.practice.state, State::kGiven);
  EXPECT_EQ(v->orgs[1].dna.practice.file, "trust.yaml");

  EXPECT_EQ(v->board.held_in_public.words, "Yes");
  EXPECT_EQ(v->board.assurance.state, State::kNotStated);
  EXPECT_EQ(v->board.assurance.pos.line, 6);
  EXPECT_EQ(v->sro.state, State::kMissing);
  EXPECT_EQ(v->sro.key, "sro");
  EXPECT_NE(v->sro.fix.find("sro: not-stated"), std::string::npos);
  EXPECT_EQ(v->region.state, State::kMissing);

  std::map<std::string, const AssessmentAnswers*> items;
  for (const ItemView& i : v->frameworks.at(0).items) items[i.item->id] = &i.assessed;
  EXPECT_EQ(items["families"]->assurance.words, "Reasonable");
  EXPECT_EQ(items["families"]->narrative.words, "Carers are involved.");
  EXPECT_EQ(items["personalised-risk"]->assurance.state, State::kNotStated);
  EXPECT_EQ(items["personalised-risk"]->narrative.state, State::kNotStated);
  EXPECT_EQ(items["joint-discharge"]->assurance.words, "Limited");
  EXPECT_EQ(items["joint-discharge"]->narrative.state, State::kMissing);
  EXPECT_EQ(items["joint-discharge"]->narrative.pos.line, 10);  // the entry, to add it to
  EXPECT_EQ(items["multi-agency"]->assurance.state, State::kMissing);
  EXPECT_EQ(items["multi-agency"]->assurance.key, "self_assessment.assurance");

  // No meeting on or after the as-of date: missing, to add to the lead plan.
  auto later = build_view("s", {&icb, &trust}, frameworks(), at(Date{2026, 2, 1}), error);
  ASSERT_TRUE(later);
  EXPECT_EQ(later->board.date.state, State::kMissing);
  EXPECT_EQ(later->board.date.file, "icb.yaml");
  EXPECT_NE(later->board.date.fix.find("on or after 1 February 2026"), std::string::npos);
  EXPECT_FALSE(later->board.held_in_public.answered());
}

TEST(Answers, NotStatedOnlyWhereTheFormatAllowsIt) {
  Diagnostics diags =
      testing::check_text(testing::kValidPlan + "author: not-stated\nsro: not stated\n");
  ASSERT_EQ(diags.error_count(), 1);
  EXPECT_EQ(diags.items()[0].rule, "wrong-type");
  diags = testing::check_text(testing::kValidPlan +
                              "board:\n  - { date: 2026-01-29, body: B, "
                              "assurance: not-sated }\n");
  ASSERT_EQ(diags.error_count(), 1);
  EXPECT_NE(diags.items()[0].hint.find("did you mean 'not-stated'?"), std::string::npos);
}

}  // namespace
}  // namespace iact

namespace iact {
namespace {

std::vector<const Milestone*> all_milestones() {
  std::vector<const Milestone*> out;
  for (const Milestone& m : testing::frameworks().milestones) out.push_back(&m);
  return out;
}

BoardMeeting meeting_on(Date d) {
  BoardMeeting m;
  m.date = Located<Date>{d, {}};
  m.is_public = true;
  return m;
}

// A board in public counts for the first milestone due on or after it that was already set
// when it met, the ICB's board for an ICB-board milestone only, or the one it names.
TEST(MilestoneMetBy, TheOneItWasHeldFor) {
  const auto ms = all_milestones();
  auto id_of = [](const Milestone* m) { return m ? m->id : std::string("none"); };
  EXPECT_EQ(id_of(milestone_met_by(meeting_on(Date{2024, 11, 28}), true, ms)),
            "public-boards-2024");
  // A trust's board does not meet the ICB boards' milestone, and one held before NHS
  // England asked for the June 2025 update was not held for it.
  EXPECT_EQ(id_of(milestone_met_by(meeting_on(Date{2024, 12, 10}), false, ms)), "none");
  EXPECT_EQ(id_of(milestone_met_by(meeting_on(Date{2025, 6, 12}), false, ms)), "june-2025-report");
  // A June board given only as a month (its last day) is June's update.
  BoardMeeting june = meeting_on(Date{2025, 6, 30, DateForm::kMonth});
  EXPECT_EQ(id_of(milestone_met_by(june, true, ms)), "june-2025-report");
  // After June, January's, unless the plan says it was June's, held late.
  BoardMeeting july = meeting_on(Date{2025, 7, 29});
  EXPECT_EQ(id_of(milestone_met_by(july, true, ms)), "january-2026-report");
  july.milestone = Located<std::string>{"june-2025-report", {}};
  EXPECT_EQ(id_of(milestone_met_by(july, true, ms)), "june-2025-report");
  july.milestone = Located<std::string>{"public-boards-2024", {}};
  EXPECT_EQ(id_of(milestone_met_by(july, false, ms)), "none");  // not a trust's to meet
}

// A meeting is held once its date has passed, unless the plan says it was only planned,
// postponed or cancelled.
TEST(MeetingState, PlannedIsNotHeld) {
  BoardMeeting m = meeting_on(Date{2024, 12, 31, DateForm::kMonth});
  EXPECT_EQ(meeting_state(m, Date{2024, 12, 1}), MeetingState::kPlanned);
  EXPECT_EQ(meeting_state(m, Date{2025, 1, 31}), MeetingState::kHeld);
  m.status = Located<std::string>{"planned", {}};
  EXPECT_EQ(meeting_state(m, Date{2024, 12, 1}), MeetingState::kPlanned);
  EXPECT_EQ(meeting_state(m, Date{2026, 1, 31}), MeetingState::kUnconfirmed);
  m.status = Located<std::string>{"postponed", {}};
  EXPECT_EQ(meeting_state(m, Date{2026, 1, 31}), MeetingState::kPostponed);
}

// The narrative a paper shows: the newest written for its date or before, current only
// when written for that meeting or period.
TEST(NarrativeChoice, TheNewestWrittenByThePapersDate) {
  const std::string text = std::string(testing::kValidPlan) + R"(narrative:
  - written_for: 2025-05-01
    background: For May.
  - written_for: 2026-01
    background: For January.
)";
  Diagnostics diags;
  std::optional<Plan> plan = load_plan_text(text, "trust.yaml", diags);
  ASSERT_TRUE(plan && !diags.has_errors()) << diags.items().front().message;
  auto view_at = [&](Date as_of, const std::string& period = "") {
    ViewOptions options;
    options.as_of = as_of;
    options.period = period;
    ViewError error;
    return build_view("t", {&*plan}, testing::frameworks(), options, error);
  };
  auto may = view_at(Date{2025, 5, 1});
  EXPECT_EQ(may->orgs[0].narrative->background, "For May.");
  EXPECT_TRUE(may->orgs[0].narrative_current);
  auto autumn = view_at(Date{2025, 10, 1});
  EXPECT_EQ(autumn->orgs[0].narrative->background, "For May.");
  EXPECT_FALSE(autumn->orgs[0].narrative_current);
  auto january = view_at(Date{2026, 1, 31}, "2026-01");
  EXPECT_EQ(january->orgs[0].narrative->background, "For January.");
  EXPECT_TRUE(january->orgs[0].narrative_current);
  auto before = view_at(Date{2025, 4, 1});
  EXPECT_EQ(before->orgs[0].narrative, nullptr);
}

}  // namespace
}  // namespace iact
