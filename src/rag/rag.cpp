#include "rag/rag.h"

#include <fmt/format.h>

namespace iact {

Brag declared_brag(Status status) {
  switch (status) {
    case Status::kComplete:
      return Brag::kBlue;
    case Status::kOffTrack:
    case Status::kBlocked:
      return Brag::kRed;
    case Status::kAtRisk:
      return Brag::kAmber;
    case Status::kOnTrack:
      return Brag::kGreen;
    case Status::kNotStarted:
    case Status::kNotReported:
      return Brag::kGrey;
  }
  return Brag::kGreen;
}

bool contradicts(Status declared, Brag computed) {
  // A status never reported declares nothing to contradict.
  return computed == Brag::kRed && declared != Status::kNotReported &&
         declared_brag(declared) != Brag::kRed;
}

RagPolicy with_settings(RagPolicy base, const RagSettings& settings) {
  if (settings.due_soon_days) base.due_soon_days = settings.due_soon_days->value;
  if (settings.overdue_grace_days) base.overdue_grace_days = settings.overdue_grace_days->value;
  if (settings.replanned) base.replanned_is_amber = settings.replanned->value == "amber";
  if (settings.due_tbc) base.due_tbc_is_amber = settings.due_tbc->value == "amber";
  return base;
}

RagPolicy policy_for(const Plan& plan, const std::optional<RagSettings>& policy_file) {
  RagPolicy policy;
  if (plan.rag) policy = with_settings(policy, *plan.rag);
  if (policy_file) policy = with_settings(policy, *policy_file);
  return policy;
}

RagResult evaluate(const Action& action, Date as_of, const RagPolicy& policy) {
  return evaluate(action.status ? action.status->value : Status::kNotStarted,
                  action.due ? &action.due->value : nullptr,
                  action.baseline_due ? &action.baseline_due->value : nullptr, as_of, policy);
}

RagResult evaluate(Status status, const Due* due, const Due* baseline, Date as_of,
                   const RagPolicy& policy) {
  if (status == Status::kComplete) return {Brag::kBlue, "complete", RagWhy::kComplete};
  if (status == Status::kOffTrack || status == Status::kBlocked) {
    return {Brag::kRed, fmt::format("declared {}", name_of(status)), RagWhy::kDeclaredRed};
  }
  if (due && due->is_date() && due->date.plus_days(policy.overdue_grace_days) < as_of) {
    return {Brag::kRed, fmt::format("due {} has passed", display(*due)), RagWhy::kOverdue};
  }
  if (status == Status::kAtRisk) return {Brag::kAmber, "declared at-risk", RagWhy::kAtRisk};
  if (policy.replanned_is_amber && due && baseline && due->is_date() && baseline->is_date() &&
      due->date > baseline->date) {
    return {Brag::kAmber,
            fmt::format("re-planned from {} to {}", display(*baseline), display(*due)),
            RagWhy::kReplanned};
  }
  if (policy.due_tbc_is_amber && due && due->kind == Due::Kind::kTbc)
    return {Brag::kAmber, "due date to be confirmed", RagWhy::kDueTbc};
  const bool due_soon =
      due && due->is_date() && due->date.days() - as_of.days() <= policy.due_soon_days;
  if (status == Status::kNotStarted) {
    if (due_soon)
      return {Brag::kAmber, fmt::format("not started and due {}", display(*due)), RagWhy::kDueSoon};
    return {Brag::kGrey, "not yet started", RagWhy::kNotStarted};
  }
  if (status == Status::kNotReported) {
    if (due_soon) {
      return {Brag::kAmber, fmt::format("status not reported and due {}", display(*due)),
              RagWhy::kDueSoon};
    }
    return {Brag::kGrey, "status not reported", RagWhy::kNotStarted};
  }
  return {Brag::kGreen, due && due->kind == Due::Kind::kOngoing ? "ongoing" : "on track",
          RagWhy::kOnTrack};
}

}  // namespace iact
