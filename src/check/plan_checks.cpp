#include "check/plan_checks.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "util/edit_distance.h"
#include "util/text.h"

namespace iact {

namespace {

// Reports ids used twice (actions or risks); the first use wins.
template <typename T>
void check_unique_ids(const Plan& plan, const std::vector<T>& things, std::string_view noun,
                      Diagnostics& diags) {
  std::unordered_map<std::string, int> first_line;
  for (const T& t : things) {
    if (!t.id) continue;
    auto [it, inserted] = first_line.emplace(t.id->value, t.id->pos.line);
    if (!inserted) {
      diags.add(plan.file, t.id->pos, "duplicate-id",
                fmt::format("{} id '{}' is used twice", noun, t.id->value),
                fmt::format("the first is on line {}; give each {} its own id", it->second, noun));
    }
  }
}

void check_frameworks(const Plan& plan, const CheckContext& ctx, Diagnostics& diags) {
  const std::vector<std::string> known = ctx.catalogue.framework_ids();
  for (const auto& f : plan.frameworks) {
    if (ctx.catalogue.framework(f.value)) continue;
    auto near = closest_match(f.value, known);
    diags.add(plan.file, f.pos, "unknown-framework", fmt::format("no framework '{}'", f.value),
              near ? fmt::format("did you mean '{}'?", *near)
                   : fmt::format("known frameworks: {}", join(known)));
  }
}

bool lists(const Plan& plan, std::string_view framework) {
  return std::any_of(plan.frameworks.begin(), plan.frameworks.end(),
                     [&](const Located<std::string>& f) { return f.value == framework; });
}

// The items an action addresses, resolved; unknown references are reported.
void check_addresses(const Plan& plan, const Action& action, const CheckContext& ctx,
                     Diagnostics& diags) {
  for (const auto& ref : action.addresses) {
    ItemResolution r = ctx.catalogue.resolve(ref.value);
    if (!r.item) {
      diags.add(plan.file, ref.pos, "unknown-item", r.error, r.hint);
      continue;
    }
    if (!lists(plan, r.item->framework)) {
      diags.add(plan.file, ref.pos, "item-outside-frameworks",
                fmt::format("'{}' belongs to {}, which this plan's frameworks do not list",
                            ref.value, r.item->framework),
                fmt::format("add {} to `frameworks:`", r.item->framework));
    }
  }
}

void check_group(const Plan& plan, const Action& action, Diagnostics& diags) {
  if (!action.group || plan.groups.empty()) return;
  std::vector<std::string> groups;
  for (const auto& g : plan.groups) groups.push_back(g.value);
  if (std::find(groups.begin(), groups.end(), action.group->value) != groups.end()) return;
  auto near = closest_match(action.group->value, groups);
  diags.add(plan.file, action.group->pos, "unknown-group",
            fmt::format("group '{}' is not one of the plan's groups", action.group->value),
            near ? fmt::format("did you mean '{}'?", *near)
                 : fmt::format("groups: {} (or add it to `groups:`)", join(groups)));
}

void check_completion(const Plan& plan, const Action& action, const CheckContext& ctx,
                      Diagnostics& diags) {
  const bool complete = action.status && action.status->value == Status::kComplete;
  if (action.completed && action.completed->value > ctx.latest_record()) {
    diags.add(plan.file, action.completed->pos, "completed-in-future",
              fmt::format("completed {} is after the as-of date {}", action.completed->value.iso(),
                          ctx.latest_record().iso()),
              "a completion date cannot be in the future; check the year");
  }
  if (action.completed && action.status && !complete) {
    diags.add(plan.file, action.status->pos, "completed-not-complete",
              fmt::format("the action has a completed date but its status is {}",
                          name_of(action.status->value)),
              "set `status: complete`, or remove `completed:`");
  }
  if (complete && (action.evidence.empty() || !action.completed)) {
    const bool no_evidence = action.evidence.empty();
    const bool no_date = !action.completed;
    const std::string missing = no_evidence && no_date ? "no evidence and no completed date"
                                : no_evidence          ? "no evidence"
                                                       : "no completed date";
    const std::string hint = no_evidence && no_date
                                 ? "add `evidence:` (what shows it is done) and `completed:` (when)"
                             : no_evidence ? "add `evidence:`: what shows it is done"
                                           : "add `completed:`: when it was done";
    diags.add(plan.file, action.status->pos, "complete-unevidenced",
              fmt::format("action {} is complete but has {}", action.id ? action.id->value : "?",
                          missing),
              hint);
  }
}

void check_due_and_status(const Plan& plan, const Action& action, const CheckContext& ctx,
                          const RagPolicy& policy, Diagnostics& diags) {
  const bool complete = action.status && action.status->value == Status::kComplete;
  if (action.due && action.due->value.kind == Due::Kind::kTbc && !complete) {
    diags.add(
        plan.file, action.due->pos, "due-tbc",
        fmt::format("action {} has no due date yet (tbc)", action.id ? action.id->value : "?"),
        policy.due_tbc_is_amber ? "agree a date; until then the action counts as Amber"
                                : "agree a date");
  }
  if (!action.status) return;
  const RagResult computed = evaluate(action, ctx.as_of, policy);
  if (contradicts(action.status->value, computed.brag)) {
    diags.add(
        plan.file, action.status->pos, "status-contradiction",
        fmt::format("declared {}, but {} at {}: reports show it as Red",
                    name_of(action.status->value), computed.reason, ctx.as_of.iso()),
        "update the status, or re-plan: set a new `due:` and keep the old one as `baseline_due:`");
  }
}

void check_updates(const Plan& plan, const Action& action, const CheckContext& ctx,
                   Diagnostics& diags) {
  std::optional<Date> previous;
  for (const Update& u : action.updates) {
    if (!u.date) continue;
    if (u.date->value > ctx.latest_record()) {
      diags.add(plan.file, u.date->pos, "update-in-future",
                fmt::format("update dated {} is after the as-of date {}", u.date->value.iso(),
                            ctx.latest_record().iso()),
                "check the year, or run with --as-of");
    }
    if (previous && u.date->value < *previous) {
      diags.add(plan.file, u.date->pos, "update-order",
                fmt::format("update dated {} comes after one dated {}", u.date->value.iso(),
                            previous->iso()),
                "keep the log oldest first: add new updates at the end");
    }
    previous = u.date->value;
  }
}

// The last reporting period that has ended by the as-of date, and the day its window
// opened (the due date of the period before it). Open actions need an update since then.
struct ReportingWindow {
  const Period* last = nullptr;
  Date opened;
};

std::optional<ReportingWindow> reporting_window(const CheckContext& ctx) {
  const Period* last = ctx.catalogue.last_period_ended(ctx.as_of);
  if (!last) return std::nullopt;
  const Period* before = ctx.catalogue.period_before(*last);
  if (!before) return std::nullopt;
  return ReportingWindow{last, before->due};
}

void check_stale(const Plan& plan, const Action& action,
                 const std::optional<ReportingWindow>& window, Diagnostics& diags) {
  if (!window || !action.status || action.status->value == Status::kComplete) return;
  // An action added since the period began has had no period to be updated in.
  if (action.added && action.added->value > window->opened) return;
  for (const Update& u : action.updates) {
    if (u.date && u.date->value > window->opened) return;
  }
  const std::string id = action.id ? action.id->value : "?";
  diags.add(plan.file, action.id ? action.id->pos : action.pos, "stale-action",
            action.updates.empty()
                ? fmt::format("action {} has no updates at all; period {} (due {}) needed one "
                              "after {}",
                              id, window->last->id, window->last->due.iso(), window->opened.iso())
                : fmt::format("action {} has no update since {}: none in period {} (due {})", id,
                              window->opened.iso(), window->last->id, window->last->due.iso()),
            "add an entry under `updates:` with the date, status and a note");
}

void check_risks(const Plan& plan, Diagnostics& diags) {
  std::set<std::string> action_ids;
  std::vector<std::string> ids;
  for (const Action& a : plan.actions) {
    if (a.id && action_ids.insert(a.id->value).second) ids.push_back(a.id->value);
  }
  for (const Risk& risk : plan.risks) {
    for (const auto& ref : risk.actions) {
      if (action_ids.count(ref.value)) continue;
      auto near = closest_match(ref.value, ids);
      diags.add(plan.file, ref.pos, "unknown-risk-action",
                fmt::format("risk {} names action '{}', which this plan does not have",
                            risk.id ? risk.id->value : "?", ref.value),
                near ? fmt::format("did you mean '{}'?", *near)
                     : std::string("name the id of one of this plan's actions"));
    }
  }
}

// Self-assessment entries must name real items; the Summary sheet shows them per item.
void check_self_assessment(const Plan& plan, const CheckContext& ctx, Diagnostics& diags) {
  for (const SelfAssessment& entry : plan.self_assessment) {
    if (!entry.item) continue;
    ItemResolution r = ctx.catalogue.resolve(entry.item->value);
    if (!r.item) diags.add(plan.file, entry.item->pos, "unknown-item", r.error, r.hint);
  }
}

// A submission must be for a milestone of the timeline that a submission meets.
void check_submissions(const Plan& plan, const CheckContext& ctx, Diagnostics& diags) {
  std::vector<std::string> by_submission;
  for (const Milestone& m : ctx.catalogue.milestones) {
    if (m.takes_submission()) by_submission.push_back(m.id);
  }
  for (const Submission& s : plan.submissions) {
    if (!s.milestone) continue;
    const std::string& id = s.milestone->value;
    auto m = std::find_if(ctx.catalogue.milestones.begin(), ctx.catalogue.milestones.end(),
                          [&](const Milestone& x) { return x.id == id; });
    if (m != ctx.catalogue.milestones.end() && m->takes_submission()) continue;
    const std::string those = by_submission.empty()
                                  ? std::string(
                                        "the timeline has none; `requires: submission` or "
                                        "`reported: true` on a milestone asks for one")
                                  : "those met by a submission: " + join(by_submission);
    if (m == ctx.catalogue.milestones.end()) {
      auto near = closest_match(id, by_submission);
      diags.add(plan.file, s.milestone->pos, "unknown-milestone",
                fmt::format("the timeline has no milestone '{}'", id),
                near ? fmt::format("did you mean '{}'? ({})", *near, those) : those);
    } else {
      const std::string& r = m->requires_;
      const std::string how = r == "public-board"       ? " but by each board meeting in public"
                              : r == "icb-public-board" ? " but by the ICB's board in public"
                              : r == "review"           ? " but by the system's `review:`"
                                                        : ": it asks nothing of systems";
      diags.add(plan.file, s.milestone->pos, "unknown-milestone",
                fmt::format("milestone '{}' is not met by a submission{}", id, how), those);
    }
  }
}

// A board meeting's `milestone` names one a meeting in public meets (an ICB's board, for an
// ICB-board milestone).
void check_meeting_milestones(const Plan& plan, const CheckContext& ctx, Diagnostics& diags) {
  std::vector<std::string> by_board;
  for (const Milestone& m : ctx.catalogue.milestones) {
    if (m.requires_ == "public-board" || (plan.is_icb() && m.requires_ == "icb-public-board"))
      by_board.push_back(m.id);
  }
  const std::string those = by_board.empty() ? std::string("the timeline has none")
                                             : "those met by this plan's board: " + join(by_board);
  for (const BoardMeeting& b : plan.board) {
    if (!b.milestone) continue;
    const std::string& id = b.milestone->value;
    if (std::find(by_board.begin(), by_board.end(), id) != by_board.end()) continue;
    auto m = std::find_if(ctx.catalogue.milestones.begin(), ctx.catalogue.milestones.end(),
                          [&](const Milestone& x) { return x.id == id; });
    if (m == ctx.catalogue.milestones.end()) {
      auto near = closest_match(id, by_board);
      diags.add(plan.file, b.milestone->pos, "unknown-milestone",
                fmt::format("the timeline has no milestone '{}'", id),
                near ? fmt::format("did you mean '{}'? ({})", *near, those) : those);
    } else {
      diags.add(plan.file, b.milestone->pos, "unknown-milestone",
                m->requires_ == "icb-public-board"
                    ? fmt::format("milestone '{}' asks for the ICB's board, not a trust's", id)
                    : fmt::format("milestone '{}' is not met by a board meeting", id),
                those);
    }
  }
}

// Narrative says which meeting or period it was written for, or no paper can tell whether
// it is current.
void check_narrative(const Plan& plan, Diagnostics& diags) {
  for (const Narrative& n : plan.narratives) {
    if (n.written_for) continue;
    diags.add(plan.file, n.pos, "narrative-undated",
              "the narrative does not say which board meeting or reporting period it was "
              "written for",
              "add `written_for:` with the meeting's date (2025-05-01) or the period "
              "(2026-01); later papers then show the text under that date, not as current");
  }
}

// The log and the fields say the same: the newest re-plan is the action's `due` (and the
// first agreed date is known), and the newest status in the log is the declared one, or
// the history of the action (and so "slipped" in the return) would not match the plan.
void check_log(const Plan& plan, const Action& action, Diagnostics& diags) {
  if (const Update* replan = action.newest_replan()) {
    if (action.due && !(replan->due->value == action.due->value)) {
      diags.add(plan.file, action.due->pos, "replan-mismatch",
                fmt::format("due is {} but the latest re-plan in its updates (line {}) says {}",
                            display(action.due->value), replan->due->pos.line,
                            display(replan->due->value)),
                "set `due:` to the latest re-planned date, or correct the update");
    }
    if (!action.baseline_due) {
      diags.add(plan.file, replan->due->pos, "replan-no-baseline",
                fmt::format("action {} is re-planned in its updates but has no baseline_due, so "
                            "the date it slipped from is not known",
                            action.id ? action.id->value : "?"),
                "add `baseline_due:` with the first agreed due date");
    }
  }
  const Update* newest = action.newest_status_update();
  if (!newest || !action.status || newest->status->value == action.status->value) return;
  const bool completed_since = action.status->value == Status::kComplete && action.completed &&
                               action.completed->value >= newest->date->value;
  if (completed_since) return;
  diags.add(plan.file, action.status->pos, "status-log-mismatch",
            fmt::format("declared {} but the newest update ({}, line {}) says {}",
                        name_of(action.status->value), newest->date->value.iso(), newest->pos.line,
                        name_of(newest->status->value)),
            "add an update with the new status and the date it changed");
}

// ODS codes: 3 to 5 capital letters and digits (trusts RH5, sites RH5A8); an ICB's is three
// characters starting with Q (QSL).
bool ods_shaped(std::string_view code, bool icb) {
  if (code.size() < 3 || code.size() > 5) return false;
  if (icb && (code.size() != 3 || code[0] != 'Q')) return false;
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

void check_code(const Plan& plan, const Located<std::string>& code, bool icb, std::string_view what,
                Diagnostics& diags) {
  if (ods_shaped(code.value, icb)) return;
  std::string upper;
  for (char c : code.value) upper += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
  const std::string hint =
      upper != code.value && ods_shaped(upper, icb)
          ? fmt::format("write it in capitals: {}", upper)
          : std::string(icb ? "ICB codes are three characters starting with Q, e.g. QSL; look "
                              "the code up in the NHS Organisation Data Service (ODS)"
                            : "ODS codes are 3 to 5 capital letters and digits, e.g. RH5; look "
                              "the code up in the NHS Organisation Data Service (ODS)");
  diags.add(
      plan.file, code.pos, "invalid-code",
      fmt::format("{} '{}' is not {}", what, code.value, icb ? "an ICB's ODS code" : "an ODS code"),
      hint);
}

void check_codes(const Plan& plan, Diagnostics& diags) {
  const Organisation& org = plan.organisation;
  if (org.code) check_code(plan, *org.code, plan.is_icb(), "code", diags);
  if (org.icb) check_code(plan, *org.icb, true, "icb", diags);
  for (const auto& p : org.predecessors) check_code(plan, p, false, "predecessor", diags);
}

// Text that holds a place for an action rather than describing one ("Action text missing").
bool placeholder(std::string_view text) {
  std::string t = lowercase(trim(text));
  while (!t.empty() && std::string_view(".:;!?-_ ").find(t.back()) != std::string_view::npos)
    t.pop_back();
  static constexpr std::string_view kWhole[] = {"action text missing",
                                                "text missing",
                                                "missing",
                                                "tbc",
                                                "tba",
                                                "tbd",
                                                "to be confirmed",
                                                "to be added",
                                                "to be agreed",
                                                "placeholder",
                                                "action",
                                                "title",
                                                "description",
                                                "n/a",
                                                "na",
                                                "none",
                                                "xxx",
                                                "x",
                                                "?",
                                                "",
                                                "new action",
                                                "add action",
                                                "action required"};
  for (std::string_view w : kWhole) {
    if (t == w) return true;
  }
  // "example:" is how `iact new`'s example action begins, until it is replaced.
  for (std::string_view start :
       {"lorem ipsum", "todo", "insert ", "xxx ", "[insert", "<insert", "action text missing",
        "text missing", "placeholder", "example:"}) {
    if (t.starts_with(start)) return true;
  }
  return false;
}

void check_placeholders(const Plan& plan, Diagnostics& diags) {
  for (const Action& a : plan.actions) {
    if (a.title && placeholder(a.title->value)) {
      diags.add(plan.file, a.title->pos, "placeholder-text",
                fmt::format("action {} has placeholder text for its title ('{}')",
                            a.id ? a.id->value : "?", a.title->value),
                "say what will be done, in one line; the board paper prints it as written");
    }
  }
  for (const Risk& r : plan.risks) {
    if (r.title && placeholder(r.title->value)) {
      diags.add(plan.file, r.title->pos, "placeholder-text",
                fmt::format("risk {} has placeholder text for its title ('{}')",
                            r.id ? r.id->value : "?", r.title->value),
                "describe the risk in one line");
    }
  }
}

// An open action due before the plan was agreed is usually a slip of the year (30.07.24
// for 30.07.25).
void check_due_before_plan(const Plan& plan, Diagnostics& diags) {
  const std::optional<Date> created = plan.created_on();
  if (!created) return;
  for (const Action& a : plan.actions) {
    if (!a.due || !plan.due_before_made(a, a.due->value)) continue;
    if (a.status && a.status->value == Status::kComplete) continue;
    diags.add(
        plan.file, a.due->pos, "due-before-plan",
        fmt::format("action {} is due {}, before the plan was made ({}{})",
                    a.id ? a.id->value : "?", display(a.due->value), display(*created),
                    plan.created                       ? ""
                    : plan.review && plan.review->date ? ", the date of its review"
                                                       : ", its first board meeting"),
        fmt::format("check the year: did you mean {}?",
                    Date{a.due->value.date.year + 1, a.due->value.date.month,
                         std::min(a.due->value.date.day, days_in_month(a.due->value.date.year + 1,
                                                                       a.due->value.date.month))}
                        .iso()));
  }
}

}  // namespace

void check_plan(const Plan& plan, const CheckContext& ctx, Diagnostics& diags) {
  if (plan.version && plan.version->value != 1) {
    diags.add(plan.file, plan.version->pos, "unsupported-version",
              fmt::format("plan format version {} is not supported; this iact reads version 1",
                          plan.version->value),
              "write `iact: 1`");
  }
  check_codes(plan, diags);
  check_frameworks(plan, ctx, diags);
  check_unique_ids(plan, plan.actions, "action", diags);
  check_unique_ids(plan, plan.risks, "risk", diags);
  check_unique_ids(plan, plan.measures, "measure", diags);
  check_placeholders(plan, diags);
  check_due_before_plan(plan, diags);
  const std::optional<ReportingWindow> window = reporting_window(ctx);
  const RagPolicy policy = policy_for(plan, ctx.policy_file);
  for (const Action& action : plan.actions) {
    check_group(plan, action, diags);
    check_addresses(plan, action, ctx, diags);
    check_completion(plan, action, ctx, diags);
    check_due_and_status(plan, action, ctx, policy, diags);
    check_updates(plan, action, ctx, diags);
    check_stale(plan, action, window, diags);
    check_log(plan, action, diags);
  }
  check_self_assessment(plan, ctx, diags);
  check_submissions(plan, ctx, diags);
  check_meeting_milestones(plan, ctx, diags);
  check_narrative(plan, diags);
  check_risks(plan, diags);
}

}  // namespace iact
