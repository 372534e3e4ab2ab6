// The plan model: what one organisation's YAML plan says, with the position of every
// value so that checks can point at it. Built by the loader (loader.h); read by the checks,
// the RAG evaluation and the writers.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/diagnostic.h"
#include "plan/date.h"

namespace iact {

template <typename T>
struct Located {
  T value{};
  Pos pos;
};

// Allowed words for the plan's enumerations. The field table (fields.cpp) offers these as
// the choices, and the enums below follow their order.
// not-reported: the source records no status for the action (an imported tracker with no
// status column, a paper that lists actions without progress). Reports say so, and colour
// the action by its dates alone, as they would one not yet started.
inline constexpr std::array<std::string_view, 7> kStatusNames = {
    "not-started", "on-track", "at-risk", "off-track", "blocked", "complete", "not-reported"};
enum class Status { kNotStarted, kOnTrack, kAtRisk, kOffTrack, kBlocked, kComplete, kNotReported };
// The statuses an owner can report (an update, a form's answer): all but not-reported.
inline constexpr std::array<std::string_view, 6> kReportedStatusNames = {
    "not-started", "on-track", "at-risk", "off-track", "blocked", "complete"};

inline constexpr std::array<std::string_view, 2> kOrgKindNames = {"trust", "icb"};
enum class OrgKind { kTrust, kIcb };

inline constexpr std::array<std::string_view, 5> kTimeframeNames = {
    "short", "short-medium", "medium", "medium-long", "long"};

inline constexpr std::array<std::string_view, 3> kAssuranceNames = {"yes", "no", "partial"};

inline constexpr std::array<std::string_view, 5> kPurposeNames = {"approve", "endorse", "discuss",
                                                                  "note", "assurance"};

// The level of assurance a paper offers the board, as NHS cover sheets grade it.
inline constexpr std::array<std::string_view, 4> kAssuranceLevelNames = {
    "substantial", "reasonable", "limited", "none"};

// What a system records to meet a national milestone (timeline `requires:`).
// public-board: every organisation's board, in public; icb-public-board: the ICB's board,
// in public; review: the system's review (the earliest of its plans' `review:` dates);
// submission: what the system sent NHS England for it (a plan's `submissions:` entry).
inline constexpr std::array<std::string_view, 4> kMilestoneRequirementNames = {
    "public-board", "icb-public-board", "review", "submission"};

// Whether a meeting took place: absent means held once its date has passed. A meeting known
// only as planned stays planned after its date, until the plan records it as held.
inline constexpr std::array<std::string_view, 4> kMeetingStatusNames = {"planned", "held",
                                                                        "postponed", "cancelled"};

// Whether a board paper is for the meeting in public or in private.
inline constexpr std::array<std::string_view, 2> kClassificationNames = {"public", "private"};

// How a RAG policy colours a re-planned action or one whose due date is to be confirmed.
inline constexpr std::array<std::string_view, 2> kRagColourNames = {"amber", "green"};

std::string_view name_of(Status s);

// An optional text field's value, or "" when it is absent.
std::string value_or_empty(const std::optional<Located<std::string>>& text);
// A list field's values, joined with `separator`.
std::string join_values(const std::vector<Located<std::string>>& items, std::string_view separator);

// The keys of one mapping that a plan writes `not-stated`: its source does not state them.
// The return writes "Not stated" there and counts the answer as given (view/answers.h).
struct NotStated {
  std::vector<Located<std::string>> keys;  // each key, at the position of its value

  // The key's value position, or null if it is not written `not-stated`.
  const Pos* find(std::string_view key) const;
};

struct Person {
  Located<std::string> role;
  std::optional<Located<std::string>> name;
};

struct Organisation {
  std::optional<Located<std::string>> code;
  std::optional<Located<std::string>> name;
  std::optional<Located<std::string>> short_name;
  std::optional<Located<OrgKind>> kind;
  std::string region;                       // NHS England region, free text
  std::optional<Located<std::string>> icb;  // the ICB a trust reports to
  std::vector<Located<std::string>> predecessors;
  Pos pos;

  // How tables refer to the organisation: its short name, else its code.
  std::string label() const;
};

// An organisation that leads actions but keeps no plan of its own (council, VCSE sector).
struct Partner {
  Located<std::string> short_name;
  std::string name;
  std::optional<Located<std::string>> code;
};

struct Review {
  std::optional<Located<Date>> date;
  std::string summary;
};

struct DnaAssurance {
  std::optional<Located<std::string>> policy;    // yes | no | partial
  std::optional<Located<std::string>> practice;  // yes | no | partial
  std::string note;
  NotStated not_stated;  // policy or practice written `not-stated`
  Pos pos;
  std::optional<Located<Date>> date;  // when it was given, as the source dates it
};

struct Cost {
  // kNotStated: costed (a proposal, a bid), but the source gives no figure.
  enum class Kind { kNone, kTbc, kNotStated, kAmount };
  Kind kind = Kind::kNone;
  double amount = 0;              // GBP, when kind == kAmount
  std::optional<bool> recurrent;  // every year (true), once (false), or not said
  std::optional<bool> funded;     // agreed (true), still to be found (false), or not said
  std::string note;
  Pos pos;
};

// Something the system sent NHS England for a national milestone (cost estimates, the DNA
// discharge assurance), and when.
struct Submission {
  Pos pos;
  std::optional<Located<std::string>> milestone;  // a timeline milestone's id
  std::optional<Located<Date>> date;
  std::string note;
  std::optional<Cost> amount;  // a cost estimate's headline figure, as sent
};

struct BoardMeeting {
  std::optional<Located<Date>> date;
  std::string body;
  std::optional<bool> is_public;
  std::optional<Located<std::string>> status;     // one of kMeetingStatusNames; absent: by date
  std::optional<Located<std::string>> milestone;  // the timeline milestone it was held for
  std::string agenda_item;
  std::string title;
  std::vector<Located<std::string>> purpose;
  // The rest of the paper's cover sheet; all optional free text.
  std::string presented_by;
  std::vector<Located<std::string>> previously_considered;
  std::vector<Located<std::string>> recommendations;
  std::optional<Located<std::string>> assurance;  // one of kAssuranceLevelNames
  std::string risks;
  std::string financial_implications;
  std::string equality_impact;
  std::string patient_involvement;
  std::optional<Located<std::string>> classification;  // public | private
  std::vector<Located<std::string>> strategic_objectives;
  std::string conflicts_of_interest;
  std::string legal_regulatory;
  std::string quality_impact;
  std::string impact_assessment;
  std::string data_protection;
  NotStated not_stated;  // public or assurance written `not-stated`
  Pos pos;
};

// A plan's own RAG thresholds (the `rag:` block); absent fields keep the defaults.
struct RagSettings {
  std::optional<Located<int>> due_soon_days;
  std::optional<Located<int>> overdue_grace_days;
  std::optional<Located<std::string>> replanned;  // amber | green
  std::optional<Located<std::string>> due_tbc;    // amber | green
  Pos pos;
};

struct Update {
  std::optional<Located<Date>> date;
  std::optional<Located<Status>> status;
  std::optional<Located<Due>> due;  // re-planned to this date at this update
  std::string note;
  Pos pos;
};

struct Action {
  std::optional<Located<std::string>> id;
  std::optional<Located<std::string>> title;
  std::string description;
  std::optional<Located<std::string>> group;
  std::vector<Located<std::string>> addresses;  // framework item references as written
  bool updates_plan = false;  // it adds actions for its items to the plan: it plans for them
  std::vector<Located<std::string>> lead;
  std::string owner;
  std::optional<Located<std::string>> timeframe;
  std::optional<Located<Due>> due;
  std::optional<Located<Due>> baseline_due;
  std::optional<Located<Status>> status;
  std::optional<Located<Date>> completed;
  std::optional<Located<Date>> added;  // joined the plan on this day (absent: from the start)
  std::optional<Cost> cost;
  std::vector<Located<std::string>> evidence;
  std::string next_steps;
  std::string notes;
  std::vector<Update> updates;
  Pos pos;

  // The newest dated update of a kind (any, one that sets a status, one that re-plans by
  // setting `due`), among those dated on or before `by` if given; the later in the log wins
  // a tie. Null if there is none.
  enum class UpdateKind { kAny, kStatus, kReplan };
  const Update* newest_update(UpdateKind kind, std::optional<Date> by = std::nullopt) const;
  const Update* newest_status_update() const { return newest_update(UpdateKind::kStatus); }
  const Update* newest_replan() const { return newest_update(UpdateKind::kReplan); }
};

struct Risk {
  std::optional<Located<std::string>> id;
  std::optional<Located<std::string>> title;
  std::optional<Located<int>> likelihood;
  std::optional<Located<int>> impact;
  std::vector<Located<std::string>> mitigations;
  std::vector<Located<std::string>> actions;
  std::string owner;
  std::optional<Located<Date>> closed;
  std::string register_ref;  // BAF or corporate risk register reference
  Pos pos;

  // likelihood x impact, when both are given.
  std::optional<int> score() const;
};

// The organisation's own assurance on one framework item (the return's Summary sheet).
struct SelfAssessment {
  std::optional<Located<std::string>> item;       // as written: bare or qualified
  std::optional<Located<std::string>> assurance;  // one of kAssuranceLevelNames
  std::string narrative;
  Pos pos;
  NotStated not_stated;  // assurance or narrative written `not-stated`
};

// The text a lead writes for the paper, in Markdown, and the meeting or period it was
// written for: a paper for a later date shows it under that date, never as current.
struct Narrative {
  std::optional<Located<Date>> written_for;
  Pos pos;
  std::string background;
  std::string local_position;
  std::string good_practice;
  std::string challenges;
  std::string cohort_definition;
  std::string key_points;
};

struct MeasureValue {
  Date date;
  double value = 0;
  std::string note;
};

struct Measure {
  std::optional<Located<std::string>> id;
  std::string title;
  std::string unit;
  std::optional<double> target;
  bool higher_is_better = true;
  std::vector<MeasureValue> values;  // as the plan lists them (oldest first)
  Pos pos;
};

struct Plan {
  std::string file;  // as given on the command line or found in a folder
  std::optional<Located<int>> version;
  Organisation organisation;
  std::vector<Located<std::string>> frameworks;
  Pos frameworks_pos;
  std::optional<Person> sro;
  std::optional<Person> author;
  std::optional<Review> review;
  std::optional<DnaAssurance> dna_discharge;
  std::vector<Partner> partners;
  std::vector<BoardMeeting> board;
  std::vector<Submission> submissions;
  std::optional<RagSettings> rag;
  std::vector<Located<std::string>> groups;
  std::vector<SelfAssessment> self_assessment;
  std::optional<Located<Date>> created;
  std::vector<Narrative> narratives;  // in the order the plan lists them
  std::string incomplete;             // why these actions are not the whole plan; "" when they are
  std::vector<Action> actions;
  std::vector<Risk> risks;
  std::vector<Measure> measures;
  std::vector<std::pair<std::string, std::string>> glossary;  // the plan's own abbreviations
  NotStated not_stated;  // sro, dna_discharge_assurance or self_assessment written `not-stated`
  bool had_load_errors = false;  // some of the file could not be read into the model

  bool is_icb() const { return organisation.kind && organisation.kind->value == OrgKind::kIcb; }
  // When the plan was made: `created`, else the review it came from, else its first board
  // meeting; nothing if the plan says none of these.
  std::optional<Date> created_on() const;
  // Whether `due` falls before the plan was made and before the action joined it: usually a
  // slip of the year in the source (30.07.24 for 30.07.25), which papers and checks query.
  bool due_before_made(const Action& action, const Due& due) const;
};

}  // namespace iact
