// The answers NHS England's return requires of a plan, which the board paper's cover shows
// too: for each, what the plan gives, that its source does not state it (the plan writes
// `not-stated`), or that it is missing, with where it is written or should be. The view
// holds them (system_view.h), so the return, the paper and the checks say the same things.
#pragma once

#include <string>
#include <string_view>

#include "check/diagnostic.h"
#include "frameworks/catalogue.h"
#include "plan/model.h"

namespace iact {

// What a cell shows for an answer the plan says its source does not state.
inline constexpr std::string_view kNotStatedWords = "Not stated";

struct Answer {
  enum class State { kGiven, kNotStated, kMissing };
  State state = State::kMissing;
  // As a reader sees it: "Reasonable", "Yes", a role; "Not stated"; "" when missing.
  std::string words;
  std::string file;  // the plan that gives it, or should
  Pos pos;           // its value; when missing, the mapping to add it to (unknown: the file)
  std::string key;   // the plan key that fills it, e.g. dna_discharge_assurance.practice
  std::string fix;   // when missing: what to write

  bool answered() const { return state != State::kMissing; }
};

// An organisation's own assurance that non-attendance is never a reason to discharge, from
// its own plan's `dna_discharge_assurance` (never another organisation's).
struct DnaAnswers {
  Answer policy;
  Answer practice;
  std::string note;           // the evidence, when the plan gives it
  std::optional<Date> given;  // when the plan says the answers were given
};
DnaAnswers dna_answers(const Plan& plan);

// The lead plan's senior responsible officer (a role, and a name if given) and NHS England
// region.
Answer sro_answer(const Plan& lead);
Answer region_answer(const Plan& lead);

// The board meeting that discusses the update (null when the lead plan has none on or after
// `as_of`): its date, the board, whether it is held in public, and the level of assurance
// the paper offers.
struct MeetingAnswers {
  Answer date;
  Answer body;
  Answer held_in_public;
  Answer assurance;
};
MeetingAnswers meeting_answers(const Plan& lead, const BoardMeeting* meeting, Date as_of);

// The lead plan's self-assessment of a top-level framework item (`self_assessment:`; an
// entry for one of its expectations counts for the item; the first entry for an item wins).
struct AssessmentAnswers {
  Answer assurance;
  Answer narrative;
};
AssessmentAnswers assessment_answers(const Plan& lead, const FrameworkItem& item,
                                     const Catalogue& catalogue);

}  // namespace iact
