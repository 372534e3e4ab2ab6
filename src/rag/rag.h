// BRAG status of an action at an as-of date: Blue (complete), Red (off track), Amber
// (at risk), Green (on track), Grey (not yet started). Thresholds come from a policy so
// organisations with other definitions can change them.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "plan/date.h"
#include "plan/model.h"

namespace iact {

enum class Brag { kBlue, kRed, kAmber, kGreen, kGrey };

inline constexpr std::array<std::string_view, 5> kBragNames = {"Blue", "Red", "Amber", "Green",
                                                               "Grey"};
inline std::string_view name_of(Brag b) {
  return kBragNames[static_cast<size_t>(b)];
}

struct RagPolicy {
  // Not started and due within this many days of the as-of date: Amber; further away: Grey.
  int due_soon_days = 30;
};

struct RagResult {
  Brag brag = Brag::kGreen;
  std::string reason;  // why, in a few words: "due 30 Oct 2024 has passed"
};

// The computed status of `action` at `as_of`. An action with no status is evaluated as
// not started (the missing field is reported by the loader).
RagResult evaluate(const Action& action, Date as_of, const RagPolicy& policy);

// The colour a declared status claims, for comparing with the computed one.
Brag declared_brag(Status status);

}  // namespace iact
