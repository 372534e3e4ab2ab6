// BRAG status of an action at an as-of date: Blue (complete), Red (off track), Amber
// (at risk), Green (on track), Grey (not yet started). Thresholds come from a policy so
// organisations with other definitions can change them.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "plan/date.h"
#include "plan/model.h"

namespace iact {

enum class Brag { kBlue, kRed, kAmber, kGreen, kGrey };

inline constexpr std::array<std::string_view, 5> kBragNames = {"Blue", "Red", "Amber", "Green",
                                                               "Grey"};
// Every status, in the order reports show them.
inline constexpr std::array<Brag, 5> kBragOrder = {Brag::kBlue, Brag::kRed, Brag::kAmber,
                                                   Brag::kGreen, Brag::kGrey};

inline std::string_view name_of(Brag b) {
  return kBragNames[static_cast<size_t>(b)];
}

// The thresholds, with the SPEC defaults. A plan's `rag:` block changes them for its own
// actions; a policy file (--rag-policy) changes them for every plan.
struct RagPolicy {
  // Not started and due within this many days of the as-of date: Amber; further away: Grey.
  int due_soon_days = 30;
  // An open action turns Red this many days after its due date.
  int overdue_grace_days = 0;
  // Re-planned later than baseline_due: Amber (else no effect on the colour).
  bool replanned_is_amber = true;
  // Due date tbc: Amber (else no effect on the colour).
  bool due_tbc_is_amber = true;

  bool operator==(const RagPolicy&) const = default;
};

// `base` with the fields that `settings` sets.
RagPolicy with_settings(RagPolicy base, const RagSettings& settings);

// The policy for one plan's actions: the defaults, then the plan's `rag:` block, then the
// policy file given on the command line (if any), which wins.
RagPolicy policy_for(const Plan& plan, const std::optional<RagSettings>& policy_file);

// Which rule gave the colour, so that reports can say why: an Amber count that hides
// actions with no date yet among those at risk tells a board the wrong thing.
enum class RagWhy {
  kComplete,     // Blue
  kDeclaredRed,  // declared off-track or blocked
  kOverdue,      // the due date has passed
  kAtRisk,       // declared at-risk
  kReplanned,    // re-planned later than the first agreed date
  kDueTbc,       // the due date is to be confirmed
  kDueSoon,      // not started and due soon
  kNotStarted,   // Grey
  kOnTrack,      // Green
};

struct RagResult {
  Brag brag = Brag::kGreen;
  std::string reason;  // why, in a few words: "due 30 Oct 2024 has passed"
  RagWhy why = RagWhy::kOnTrack;
};

// The computed status of `action` at `as_of`. An action with no status is evaluated as
// not started (the missing field is reported by the loader).
RagResult evaluate(const Action& action, Date as_of, const RagPolicy& policy);
// The same from the facts the rules read: the status, the due date and the baseline
// (either may be null), so that an action as it stood on an earlier day can be judged.
RagResult evaluate(Status status, const Due* due, const Due* baseline, Date as_of,
                   const RagPolicy& policy);

// The colour a declared status claims, for comparing with the computed one.
Brag declared_brag(Status status);

// Whether the computed colour contradicts the declared status: the dates make the action
// Red while the plan says otherwise. The check warns of it and reports show the computed one.
bool contradicts(Status declared, Brag computed);

}  // namespace iact
