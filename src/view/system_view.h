// The view of a system (an ICB's plan and its trusts' plans, or one plan) for a reporting
// period and an as-of date: every action with its computed BRAG, the roll-ups per
// organisation, group and framework item, the changes since the previous period, risks and
// the timeline. It is computed once; the terminal status, the board paper and the return
// only format it, so their numbers cannot disagree.
#pragma once

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "frameworks/catalogue.h"
#include "plan/model.h"
#include "rag/rag.h"
#include "view/answers.h"
#include "view/history.h"

namespace iact {

struct BragCounts {
  std::array<int, 5> n{};  // indexed by Brag

  void add(Brag b) { ++n[static_cast<size_t>(b)]; }
  int operator[](Brag b) const { return n[static_cast<size_t>(b)]; }
  int total() const;
  int open() const { return total() - (*this)[Brag::kBlue]; }
};

struct ActionRow {
  const Plan* plan = nullptr;
  const Action* action = nullptr;
  std::string org;  // the organisation's label (short name or code)
  std::string id;
  ActionState state;                        // the action as it stood at the as-of date (history.h)
  RagResult rag;                            // computed at the as-of date with the plan's policy
  bool contradicts = false;                 // its status then says otherwise (shown computed)
  const Update* latest = nullptr;           // newest update dated on or before the as-of date
  std::vector<const FrameworkItem*> items;  // top-level framework items it addresses
  bool overdue = false;                     // open and its due date has passed
  bool replanned = false;                   // due later than its baseline_due
  bool due_queried = false;  // open and due before its plan was made: a likely slip of the year
  ActionChange change;       // since the previous period (SystemView::since)
};

// A roll-up: which rows (indices into SystemView::rows) and their BRAG counts.
struct RollUp {
  BragCounts counts;
  std::vector<size_t> rows;

  void add(size_t row, Brag b) {
    rows.push_back(row);
    counts.add(b);
  }
};

struct ItemView {
  const FrameworkItem* item = nullptr;
  RollUp actions;
  // For an item with expectations (webinar domains): those no action addresses.
  std::vector<const FrameworkItem*> uncovered_expectations;
  int expectations = 0;
  AssessmentAnswers assessed;  // the lead plan's self-assessment of the item
  // Actions that update the plan (`updates_plan`) to add actions for it: they do not address
  // it, so an item with only these is still a gap.
  std::vector<size_t> planned_by;

  bool gap() const { return actions.rows.empty(); }
};

struct FrameworkView {
  const Framework* framework = nullptr;
  std::vector<ItemView> items;  // top-level items, in file order

  int covered() const;
};

struct GroupView {
  std::string name;
  RollUp actions;
};

struct OrgView {
  const Plan* plan = nullptr;
  std::string label;  // short name or code
  std::string name;
  bool is_icb = false;
  RollUp actions;
  std::vector<GroupView> groups;  // in the plan's `groups` order, then ungrouped
  // The narrative a paper of this date shows: the newest written for the paper's date or
  // before it (null if none); `narrative_current` when it was written for this paper's
  // meeting or period, not an earlier one.
  const Narrative* narrative = nullptr;
  bool narrative_current = false;
  std::optional<Date> last_update;    // the newest update of any action, by the as-of date
  std::vector<size_t> never_updated;  // open actions with no update by the as-of date
  std::optional<Date> created;        // when the plan was made (Plan::created_on)
  DnaAnswers dna;                     // its own plan's DNA discharge assurance
};

struct RiskRow {
  const Plan* plan = nullptr;
  const Risk* risk = nullptr;
  std::string org;
  bool open = true;               // not closed on or before the as-of date
  bool closed_in_period = false;  // closed after `since`
};

// Costs, in pounds: one-off, recurrent (a year) and those whose plans do not say which, and
// how much of each is not yet funded.
struct CostTotals {
  double one_off = 0;
  double recurrent = 0;
  double unsaid = 0;  // not said whether once or every year
  double unfunded_one_off = 0;
  double unfunded_recurrent = 0;
  double unfunded_unsaid = 0;
  int costed = 0;             // actions with an amount
  int unstated = 0;           // of those, how many do not say whether they are funded
  int tbc = 0;                // actions whose cost is still to be confirmed
  int unfunded_tbc = 0;       // of those, how many are marked not funded
  int unpriced = 0;           // actions costed (a proposal) whose figure the plans do not give
  int unfunded_unpriced = 0;  // of those, how many are marked not funded

  void add(const Cost& cost);
  bool any() const { return costed > 0 || tbc > 0 || unpriced > 0; }
};

struct FinanceView {
  // The system's headline estimate of the full cost, as sent to NHS England (a plan's
  // `submissions:` entry with an amount), if any, and whose plan records it.
  const Submission* estimate = nullptr;
  std::string estimate_org;
  // A cost estimate sent to NHS England that the plans record without its figure.
  const Submission* unpriced_estimate = nullptr;
  CostTotals system;
  // Per organisation, in the order of SystemView::orgs: they add up to `system`.
  std::vector<CostTotals> orgs;
  // Actions whose cost is marked not funded (funded: false), whether an amount or TBC.
  std::vector<size_t> unfunded;
};

// A measure as it stood at the as-of date.
struct MeasureRow {
  const Plan* plan = nullptr;
  const Measure* measure = nullptr;
  std::string org;
  std::vector<MeasureValue> values;  // those dated on or before the as-of date, by date
  bool stale = false;                // no value since the previous period
};

// The BRAG counts of the system as they stood at a past period's due date (or at the as-of
// date, for the last point), rebuilt from each action's history.
struct TrendPoint {
  std::string label;  // the period's id, or "now"
  Date date;
  BragCounts counts;
};

// Where a meeting stands at the as-of date: held (recorded as held, or past with nothing to
// say otherwise); planned (its date still to come); unconfirmed (planned, its date passed,
// and no record that it was held); postponed or cancelled.
enum class MeetingState { kHeld, kPlanned, kUnconfirmed, kPostponed, kCancelled };

MeetingState meeting_state(const BoardMeeting& meeting, Date as_of);

// A board or committee meeting that saw an organisation's plan (its `board:` entries).
struct JourneyRow {
  std::string org;
  const BoardMeeting* meeting = nullptr;
  MeetingState state = MeetingState::kHeld;
  bool held() const { return state == MeetingState::kHeld; }
};

// Whether an organisation met a national milestone that asks for something (a meeting in
// public, a review) by its date.
struct MilestoneCheck {
  const Milestone* milestone = nullptr;
  std::string org;
  std::optional<Date> done;   // when it was done, if it has been by the as-of date
  bool due_yet = true;        // the milestone's date has passed at the as-of date
  bool done_undated = false;  // recorded as done, but no record says when (a submission)
  // For a milestone met at a board in public: the meeting that met it, and meetings held
  // for it whose plans do not say whether they were in public.
  const BoardMeeting* meeting = nullptr;
  std::vector<const BoardMeeting*> not_said_public;
  // The system's report to NHS England that a board milestone also asks for (`reported`),
  // met by a submission, not a meeting.
  bool report = false;

  // Met by its date; a date known only to the month or quarter meets a milestone of that
  // month or quarter.
  bool met() const { return done && done->first_day() <= milestone->date; }
  // Days late, when both dates are days; 0 when either is known only to the month.
  long days_late() const {
    return done && done->is_day() && milestone->date.is_day()
               ? done->days() - milestone->date.days()
               : 0;
  }
};

// A national milestone's id as a plan names it, and the timeline's milestone a board meeting
// counts for: the one it names, else the first of those `kind` may meet (public-board, or
// icb-public-board for an ICB) due on or after its date. Null if none.
const Milestone* milestone_met_by(const BoardMeeting& meeting, bool is_icb,
                                  const std::vector<const Milestone*>& milestones);

struct ViewOptions {
  Date as_of;
  std::string period;                      // empty: the next period due on or after as-of
  std::optional<Date> meeting;             // empty: the first board meeting on or after as-of
  std::optional<RagSettings> policy_file;  // --rag-policy
};

struct SystemView {
  std::string name;            // the system's folder name, e.g. "somerset"
  const Plan* lead = nullptr;  // the ICB plan, else the only (or first) plan
  Date as_of;
  const Period* period = nullptr;  // null when the timeline has no periods
  const Period* previous = nullptr;
  std::optional<Date> since;  // changes are counted after this date
  // `since` is the board's last meeting on the plan, not the previous period's end: the
  // plans record no report for that period, or the board met later.
  bool since_meeting = false;
  const BoardMeeting* meeting = nullptr;
  // The answers the return requires and the paper's cover shows, from the lead plan.
  Answer region;
  Answer sro;
  MeetingAnswers board;  // of `meeting`; missing, with where to add it, when there is none

  std::vector<OrgView> orgs;  // the ICB first, then trusts in file order
  // In org order, then plan order; actions `added` after the as-of date are left out.
  std::vector<ActionRow> rows;
  RollUp all;
  std::vector<FrameworkView> frameworks;  // every framework a plan answers to
  std::vector<RiskRow> risks;
  std::vector<size_t> overdue;  // sorted by due date
  // What changed since the previous period (indices into rows; closed_risks into risks).
  std::vector<size_t> completed_in_period;
  std::vector<size_t> overdue_in_period;
  std::vector<size_t> slipped;
  std::vector<size_t> new_actions;
  std::vector<size_t> closed_risks;
  std::vector<size_t> replanned;  // open and due later than first agreed, at the as-of date
  std::vector<size_t> contradictions;
  std::vector<size_t> next_due;              // open actions due after as-of, soonest first
  std::vector<const Milestone*> milestones;  // those known at the as-of date
  FinanceView finance;
  std::vector<MeasureRow> measures;
  std::vector<JourneyRow> journey;         // every organisation's board meetings, by date
  std::vector<MilestoneCheck> compliance;  // per milestone that asks for something, per org
  // At each reporting period known at the as-of date and ended by it, then now.
  std::vector<TrendPoint> trend;
  // Frameworks a plan cites that were published after the as-of date: not scored.
  std::vector<const Framework*> unpublished;
  // Frameworks NHS England asked every plan to answer to, published by the as-of date, that
  // no plan of the system cites: the plans have not yet taken them in.
  std::vector<const Framework*> not_adopted;

  int gaps() const;  // framework items with no action
  // The day the paper speaks for: its board meeting's, else the as-of date.
  Date paper_date() const { return meeting ? meeting->date->value : as_of; }
  // The as-of date as the paper prints it: a meeting on that date known only to the month
  // or quarter makes it "June 2025", never a day the source did not give.
  Date shown_as_of() const {
    return meeting && meeting->date->value == as_of ? meeting->date->value : as_of;
  }
  // Whether there is an earlier return or meeting to count this period's changes from
  // (`since`). Without one, nothing is counted as changed "this period".
  bool compares() const { return since.has_value(); }
  // Whether the plans say when actions joined them (any `added:` date): if not, which are
  // new is not known, and nothing says "none was added".
  bool records_added() const {
    return std::any_of(rows.begin(), rows.end(),
                       [](const ActionRow& r) { return r.action->added.has_value(); });
  }
  // Whether papers show the BRAG trend: only beside a period or meeting to compare with,
  // since without one the summary says nothing is counted as changed.
  bool shows_trend() const { return !trend.empty() && compares(); }
};

// Why nothing is counted as changed this period, in a sentence the paper and the return
// share; "" when there is an earlier return or meeting to count from (view.compares()).
std::string why_no_changes(const SystemView& view);

// How many upcoming actions the view lists in next_due.
inline constexpr size_t kNextDueCount = 10;

struct ViewError {
  std::string message;
  std::string hint;
};

// Builds the view of `plans` (the plans of one folder, sorted by file name; an ICB plan,
// if any, leads). Fails only on a --period or --meeting that names nothing.
std::optional<SystemView> build_view(const std::string& name, const std::vector<const Plan*>& plans,
                                     const Catalogue& catalogue, const ViewOptions& options,
                                     ViewError& error);

// How far apart, in days, the meeting and the as-of date (or a period's due date and the
// meeting) may be before an explicit choice of them is said to disagree.
inline constexpr long kDatesApartDays = 31;

// Where a --meeting or --period the user gave disagrees with the other dates of the view:
// a meeting more than kDatesApartDays from the as-of date; a period due more than that
// before the meeting (or, with no meeting, the as-of date), or due after another period
// that comes first. Each names the dates, and its hint what to pass instead. Choices left
// to iact agree by construction and are not checked.
std::vector<ViewError> date_disagreements(const SystemView& view, const Catalogue& catalogue,
                                          const ViewOptions& options);

// The period a view is for: `id` when given; else the first period due on or after
// `as_of`. Null if `id` names none, or none is due any more (the view then counts changes
// since the last period that ended).
const Period* choose_period(const Catalogue& catalogue, const std::string& id, Date as_of);

}  // namespace iact
