#include "view/system_view.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "util/text.h"

namespace iact {

int BragCounts::total() const {
  int sum = 0;
  for (int v : n) sum += v;
  return sum;
}

int FrameworkView::covered() const {
  return static_cast<int>(
      std::count_if(items.begin(), items.end(), [](const ItemView& i) { return !i.gap(); }));
}

int SystemView::gaps() const {
  int gaps = 0;
  for (const FrameworkView& f : frameworks) gaps += static_cast<int>(f.items.size()) - f.covered();
  return gaps;
}

MeetingState meeting_state(const BoardMeeting& meeting, Date as_of) {
  const std::string status = meeting.status ? meeting.status->value : "";
  if (status == "cancelled") return MeetingState::kCancelled;
  if (status == "postponed") return MeetingState::kPostponed;
  if (status == "held") return MeetingState::kHeld;
  const bool passed = meeting.date && meeting.date->value <= as_of;
  if (status == "planned") return passed ? MeetingState::kUnconfirmed : MeetingState::kPlanned;
  return passed ? MeetingState::kHeld : MeetingState::kPlanned;
}

const Milestone* milestone_met_by(const BoardMeeting& meeting, bool is_icb,
                                  const std::vector<const Milestone*>& milestones) {
  if (!meeting.date) return nullptr;
  auto counts = [&](const Milestone& m) {
    return m.requires_ == "public-board" || (is_icb && m.requires_ == "icb-public-board");
  };
  if (meeting.milestone) {
    for (const Milestone* m : milestones) {
      if (m->id == meeting.milestone->value) return counts(*m) ? m : nullptr;
    }
    return nullptr;
  }
  // A meeting counts for the first such milestone due on or after it, and only one already
  // set when it met: a board in December 2024 was not held for an update NHS England asked
  // for in February 2025.
  const Milestone* first = nullptr;
  for (const Milestone* m : milestones) {
    if (!counts(*m) || m->date < meeting.date->value.first_day()) continue;
    if (m->announced && *m->announced > meeting.date->value) continue;
    if (!first || m->date < first->date) first = m;
  }
  return first;
}

const Period* choose_period(const Catalogue& catalogue, const std::string& id, Date as_of) {
  if (!id.empty()) {
    for (const Period& p : catalogue.periods) {
      if (p.id == id) return &p;
    }
    return nullptr;
  }
  for (const Period& p : catalogue.periods) {
    if (p.due >= as_of && p.known_at(as_of)) return &p;
  }
  return nullptr;  // none set yet, or none due any more: say so, not the last as current
}

namespace {

std::string period_list(const Catalogue& catalogue) {
  std::string list;
  for (const Period& p : catalogue.periods) list += (list.empty() ? "" : ", ") + p.id;
  return list.empty() ? "none" : list;
}

const BoardMeeting* choose_meeting(const Plan& lead, const std::optional<Date>& wanted,
                                   Date as_of) {
  const BoardMeeting* best = nullptr;
  for (const BoardMeeting& m : lead.board) {
    if (!m.date) continue;
    if (m.status && (m.status->value == "postponed" || m.status->value == "cancelled")) continue;
    const Date d = m.date->value;
    if (wanted) {
      if (d == *wanted) return &m;
      continue;
    }
    if (d >= as_of && (!best || d < best->date->value)) best = &m;
  }
  return best;
}

// A committee (a sub-committee, a quality committee) by its name: it reports to the board and
// is not the board meeting in public that a milestone asks for.
bool names_committee(const std::string& body) {
  return lowercase(body).find("committee") != std::string::npos;
}

// Whether any of `plans` records the system's report to NHS England for `period`: a
// submission for a milestone due with it.
bool reported_for(const Period& period, const std::vector<const Plan*>& plans,
                  const Catalogue& catalogue) {
  for (const Plan* plan : plans) {
    for (const Submission& s : plan->submissions) {
      if (!s.milestone) continue;
      for (const Milestone& m : catalogue.milestones) {
        if (m.id == s.milestone->value && m.date == period.due) return true;
      }
    }
  }
  return false;
}

// The date changes are counted from: the previous period's due date; else, or when the plans
// record no report for that period and the board last saw the plan before it ended, the last
// meeting of the same board before this one (any held meeting of the lead plan's, with no
// meeting). A period no record shows was reported is not what the board saw.
void set_changes_since(SystemView& view, const std::vector<const Plan*>& plans,
                       const Catalogue& catalogue) {
  const Date until = view.meeting ? view.meeting->date->value : view.as_of;
  std::optional<Date> met;
  for (const BoardMeeting& m : view.lead->board) {
    if (!m.date || m.date->value >= until || (met && m.date->value <= *met)) continue;
    if (meeting_state(m, view.as_of) != MeetingState::kHeld) continue;
    if (view.meeting && m.body != view.meeting->body) continue;
    met = m.date->value;
  }
  if (!view.previous ||
      (met && *met < view.previous->due && !reported_for(*view.previous, plans, catalogue))) {
    view.since = met;
    view.since_meeting = met.has_value();
  } else {
    view.since = view.previous->due;
  }
}

ActionRow make_row(const Plan& plan, const Action& action, const Catalogue& catalogue,
                   const RagPolicy& policy, const SystemView& view) {
  ActionRow row;
  row.plan = &plan;
  row.action = &action;
  row.org = plan.organisation.label();
  row.id = action.id ? action.id->value : "?";
  row.state = state_at(action, view.as_of);
  const ActionState& s = row.state;
  row.rag = evaluate(s.status, s.due ? &*s.due : nullptr, s.baseline, view.as_of, policy);
  row.contradicts = contradicts(s.status, row.rag.brag);
  row.latest = action.newest_update(Action::UpdateKind::kAny, view.as_of);
  for (const auto& ref : action.addresses) {
    const FrameworkItem* item = catalogue.resolve(ref.value).item;
    if (item && item->is_expectation()) item = catalogue.resolve(item->parent).item;
    // A framework published after the as-of date is not cited: a paper of that date could
    // not have named its items.
    const Framework* framework = item ? catalogue.framework(item->framework) : nullptr;
    if (framework && !framework->published_by(view.as_of)) continue;
    if (item && std::find(row.items.begin(), row.items.end(), item) == row.items.end())
      row.items.push_back(item);
  }
  row.overdue = overdue_at(s, view.as_of, policy);
  row.replanned = s.later_than_baseline();
  row.due_queried = !s.complete() && s.due && plan.due_before_made(action, *s.due);
  row.change = changes_between(action, view.since, view.as_of, policy);
  return row;
}

// The narrative written for the paper's date, or the newest written before it. A text
// written for a month (or a reporting period, 2026-01) is current for a paper dated in that
// month; an undated one is never called current.
void choose_narrative(OrgView& org, const SystemView& view) {
  const Date day = view.paper_date();
  auto current = [&](const Narrative& n) {
    if (!n.written_for) return false;
    const Date w = n.written_for->value;
    return w.first_day() <= day && day <= w;
  };
  for (const Narrative& n : org.plan->narratives) {
    const bool eligible = !n.written_for || n.written_for->value.first_day() <= day;
    if (!eligible) continue;  // written for a later meeting
    const Narrative* best = org.narrative;
    auto when = [](const Narrative* x) {
      return x->written_for ? x->written_for->value : Date{0, 1, 1};
    };
    if (!best || when(&n) >= when(best)) org.narrative = &n;
  }
  org.narrative_current = org.narrative && current(*org.narrative);
}

void add_org(SystemView& view, const Plan& plan, const Catalogue& catalogue,
             const std::optional<RagSettings>& policy_file) {
  OrgView org;
  org.plan = &plan;
  org.label = plan.organisation.label();
  org.name = plan.organisation.name ? plan.organisation.name->value : org.label;
  org.is_icb = plan.is_icb();
  org.dna = dna_answers(plan);
  for (const auto& g : plan.groups) org.groups.push_back(GroupView{g.value, {}});
  const RagPolicy policy = policy_for(plan, policy_file);
  for (const Action& action : plan.actions) {
    if (action.added && action.added->value > view.as_of) continue;  // not yet in the plan
    const size_t index = view.rows.size();
    view.rows.push_back(make_row(plan, action, catalogue, policy, view));
    const Brag brag = view.rows.back().rag.brag;
    org.actions.add(index, brag);
    view.all.add(index, brag);
    const std::string group = action.group ? action.group->value : "";
    auto it = std::find_if(org.groups.begin(), org.groups.end(),
                           [&](const GroupView& g) { return g.name == group; });
    if (it == org.groups.end()) {
      org.groups.push_back(GroupView{group, {}});
      it = org.groups.end() - 1;
    }
    it->actions.add(index, brag);
  }
  std::erase_if(org.groups, [](const GroupView& g) { return g.actions.rows.empty(); });
  org.created = plan.created_on();
  for (size_t r : org.actions.rows) {
    const ActionRow& row = view.rows[r];
    if (row.latest && (!org.last_update || row.latest->date->value > *org.last_update))
      org.last_update = row.latest->date->value;
    if (!row.latest && !row.state.complete()) org.never_updated.push_back(r);
  }
  choose_narrative(org, view);
  for (const Risk& risk : plan.risks) {
    const bool open = !risk.closed || risk.closed->value > view.as_of;
    view.risks.push_back(
        RiskRow{&plan, &risk, org.label, open, closed_between(risk, view.since, view.as_of)});
  }
  view.orgs.push_back(std::move(org));
}

void add_frameworks(SystemView& view, const Catalogue& catalogue) {
  std::set<std::string> cited;
  std::set<std::string> addressed;  // item and expectation ids, as resolved
  for (const OrgView& org : view.orgs) {
    for (const auto& f : org.plan->frameworks) cited.insert(f.value);
  }
  for (const ActionRow& row : view.rows) {
    if (row.action->updates_plan) continue;  // it plans for its items; it does not address them
    for (const auto& ref : row.action->addresses) {
      if (const FrameworkItem* item = catalogue.resolve(ref.value).item) addressed.insert(item->id);
    }
  }
  for (const Framework& framework : catalogue.frameworks) {
    if (!cited.count(framework.id)) {
      if (framework.every_plan && framework.published_by(view.as_of))
        view.not_adopted.push_back(&framework);
      continue;
    }
    if (!framework.published_by(view.as_of)) {
      view.unpublished.push_back(&framework);
      continue;
    }
    FrameworkView fv;
    fv.framework = &framework;
    for (size_t index : framework.items) {
      const FrameworkItem& item = catalogue.items[index];
      if (item.is_expectation()) {
        auto parent = std::find_if(fv.items.begin(), fv.items.end(),
                                   [&](const ItemView& v) { return v.item->id == item.parent; });
        if (parent == fv.items.end()) continue;
        ++parent->expectations;
        if (!addressed.count(item.id)) parent->uncovered_expectations.push_back(&item);
        continue;
      }
      ItemView iv;
      iv.item = &item;
      iv.assessed = assessment_answers(*view.lead, item, catalogue);
      for (size_t r = 0; r < view.rows.size(); ++r) {
        const auto& items = view.rows[r].items;
        if (std::find(items.begin(), items.end(), &item) == items.end()) continue;
        if (view.rows[r].action->updates_plan)
          iv.planned_by.push_back(r);
        else
          iv.actions.add(r, view.rows[r].rag.brag);
      }
      fv.items.push_back(std::move(iv));
    }
    view.frameworks.push_back(std::move(fv));
  }
}

Date due_date_or_max(const ActionRow& row) {
  const auto& due = row.state.due;
  return due && due->is_date() ? due->date : Date{9999, 12, 31};
}

void add_lists(SystemView& view) {
  for (size_t i = 0; i < view.rows.size(); ++i) {
    const ActionRow& row = view.rows[i];
    if (row.overdue) view.overdue.push_back(i);
    if (row.change.completed) view.completed_in_period.push_back(i);
    if (row.change.became_overdue) view.overdue_in_period.push_back(i);
    if (row.change.slipped) view.slipped.push_back(i);
    if (row.change.is_new) view.new_actions.push_back(i);
    if (row.replanned && !row.state.complete()) view.replanned.push_back(i);
    if (row.contradicts) view.contradictions.push_back(i);
    if (row.rag.brag != Brag::kBlue && due_date_or_max(row) >= view.as_of && row.state.due &&
        row.state.due->is_date())
      view.next_due.push_back(i);
  }
  auto by_due = [&](size_t a, size_t b) {
    return due_date_or_max(view.rows[a]) < due_date_or_max(view.rows[b]);
  };
  for (size_t i = 0; i < view.risks.size(); ++i) {
    if (view.risks[i].closed_in_period) view.closed_risks.push_back(i);
  }
  std::stable_sort(view.overdue.begin(), view.overdue.end(), by_due);
  std::stable_sort(view.next_due.begin(), view.next_due.end(), by_due);
  if (view.next_due.size() > kNextDueCount) view.next_due.resize(kNextDueCount);
}

void add_finance(SystemView& view) {
  for (const OrgView& org : view.orgs) {
    for (const Submission& s : org.plan->submissions) {
      if (s.date && s.date->value > view.as_of) continue;
      if (!s.amount || s.amount->kind != Cost::Kind::kAmount) {
        if (s.milestone && s.milestone->value == "cost-estimates")
          view.finance.unpriced_estimate = &s;
        continue;
      }
      view.finance.estimate = &s;
      view.finance.estimate_org = org.label;
    }
  }
  // A complete action whose cost was never recorded is not "still to be costed".
  auto counted = [&](const ActionRow& row) {
    const auto& cost = row.action->cost;
    if (!cost || cost->kind == Cost::Kind::kNone) return false;
    return !(cost->kind == Cost::Kind::kTbc && row.state.complete());
  };
  for (const OrgView& org : view.orgs) {
    CostTotals totals;
    for (size_t r : org.actions.rows) {
      const ActionRow& row = view.rows[r];
      const auto& cost = row.action->cost;
      if (cost && cost->funded && !*cost->funded) view.finance.unfunded.push_back(r);
      if (!counted(row)) continue;
      totals.add(*cost);
      view.finance.system.add(*cost);
    }
    view.finance.orgs.push_back(totals);
  }
}

void add_measures(SystemView& view) {
  for (const OrgView& org : view.orgs) {
    for (const Measure& m : org.plan->measures) {
      MeasureRow row{org.plan, &m, org.label, {}, false};
      for (const MeasureValue& v : m.values) {
        if (v.date <= view.as_of) row.values.push_back(v);
      }
      std::stable_sort(
          row.values.begin(), row.values.end(),
          [](const MeasureValue& a, const MeasureValue& b) { return a.date < b.date; });
      row.stale = view.since && (row.values.empty() || row.values.back().date <= *view.since);
      view.measures.push_back(std::move(row));
    }
  }
}

void add_governance(SystemView& view) {
  for (const OrgView& org : view.orgs) {
    for (const BoardMeeting& m : org.plan->board) {
      if (!m.date) continue;
      view.journey.push_back(JourneyRow{org.label, &m, meeting_state(m, view.as_of)});
    }
  }
  std::stable_sort(view.journey.begin(), view.journey.end(),
                   [](const JourneyRow& a, const JourneyRow& b) {
                     return a.meeting->date->value < b.meeting->date->value;
                   });
  // For each milestone that asks for something, whether each organisation did it, by a
  // record of it: its own board's meeting in public held for that milestone, or a
  // submission to NHS England.
  for (const Milestone* m : view.milestones) {
    if (m->requires_.empty()) continue;
    for (const OrgView& org : view.orgs) {
      MilestoneCheck check;
      check.milestone = m;
      check.org = org.label;
      check.due_yet = m->date <= view.as_of;
      // The earliest of the days `d` by the as-of date, as when the check was met.
      auto met_on = [&](Date d) {
        if (d <= view.as_of && (!check.done || d < *check.done)) check.done = d;
      };
      if (m->requires_ == "review" || m->requires_ == "submission") {
        // Something the system did once (its review, what it sent NHS England): one line,
        // from whichever of its plans records it first.
        if (&org != &view.orgs.front()) continue;
        check.org = "System";
        for (const OrgView& o : view.orgs) {
          const Plan& p = *o.plan;
          if (m->requires_ == "review") {
            if (p.review && p.review->date) met_on(p.review->date->value);
            continue;
          }
          for (const Submission& s : p.submissions) {
            if (!s.milestone || s.milestone->value != m->id) continue;
            if (s.date) {
              met_on(s.date->value);
            } else {
              check.done_undated = true;
            }
          }
        }
      } else {
        if (m->requires_ == "icb-public-board" && !org.is_icb) continue;
        for (const BoardMeeting& b : org.plan->board) {
          if (meeting_state(b, view.as_of) != MeetingState::kHeld) continue;
          if (milestone_met_by(b, org.is_icb, view.milestones) != m) continue;
          if (b.is_public && *b.is_public) {
            const bool earlier = !check.done || b.date->value < *check.done;
            met_on(b.date->value);
            if (earlier && check.done == b.date->value) check.meeting = &b;
          } else if (!b.is_public && !names_committee(b.body)) {
            // A committee is not the board: it is not offered as a possible public meeting.
            check.not_said_public.push_back(&b);
          }
        }
      }
      view.compliance.push_back(check);
    }
    // A board milestone that also asks for a report to NHS England: the system's line,
    // met by a submission for it, beside the boards'.
    if (m->reported && m->requires_ != "submission") {
      MilestoneCheck report;
      report.milestone = m;
      report.org = "System";
      report.report = true;
      report.due_yet = m->date <= view.as_of;
      for (const OrgView& o : view.orgs) {
        for (const Submission& s : o.plan->submissions) {
          if (!s.milestone || s.milestone->value != m->id) continue;
          if (!s.date) {
            report.done_undated = true;
          } else if (s.date->value <= view.as_of &&
                     (!report.done || s.date->value < *report.done)) {
            report.done = s.date->value;
          }
        }
      }
      view.compliance.push_back(report);
    }
  }
}

// The counts at each period's due date up to the as-of date, then at the as-of date:
// "progress since June 2025".
void add_trend(SystemView& view, const Catalogue& catalogue,
               const std::optional<RagSettings>& policy_file) {
  auto counts_at = [&](Date day) {
    BragCounts counts;
    for (const OrgView& org : view.orgs) {
      const RagPolicy policy = policy_for(*org.plan, policy_file);
      for (const Action& action : org.plan->actions) {
        if (action.added && action.added->value > day) continue;
        counts.add(evaluate_at(action, day, policy).brag);
      }
    }
    return counts;
  };
  for (const Period& p : catalogue.periods) {
    if (p.due >= view.as_of || !p.known_at(view.as_of)) continue;
    view.trend.push_back(TrendPoint{p.id, p.due, counts_at(p.due)});
  }
  if (!view.trend.empty()) view.trend.push_back(TrendPoint{"now", view.as_of, view.all.counts});
}

}  // namespace

void CostTotals::add(const Cost& cost) {
  if (cost.kind == Cost::Kind::kTbc) {
    ++tbc;
    if (cost.funded && !*cost.funded) ++unfunded_tbc;
    return;
  }
  if (cost.kind == Cost::Kind::kNotStated) {
    ++unpriced;
    if (cost.funded && !*cost.funded) ++unfunded_unpriced;
    return;
  }
  if (cost.kind != Cost::Kind::kAmount) return;
  ++costed;
  if (!cost.funded) ++unstated;
  const bool unfunded = cost.funded && !*cost.funded;
  if (!cost.recurrent) {
    unsaid += cost.amount;
    if (unfunded) unfunded_unsaid += cost.amount;
  } else {
    (*cost.recurrent ? recurrent : one_off) += cost.amount;
    if (unfunded) (*cost.recurrent ? unfunded_recurrent : unfunded_one_off) += cost.amount;
  }
}

std::vector<ViewError> date_disagreements(const SystemView& view, const Catalogue& catalogue,
                                          const ViewOptions& options) {
  std::vector<ViewError> found;
  const Date as_of = view.as_of;
  if (options.meeting && view.meeting) {
    const Date meeting = view.meeting->date->value;
    const long apart = meeting.days() - as_of.days();
    if (apart > kDatesApartDays || apart < -kDatesApartDays) {
      found.push_back(
          {fmt::format("the meeting on {} is {} days {} the as-of date, {}", meeting.iso(),
                       apart > 0 ? apart : -apart, apart > 0 ? "after" : "before", as_of.iso()),
           fmt::format("pass --as-of {} for the plans as they stand at that meeting",
                       meeting.iso())});
    }
  }
  if (!options.period.empty() && view.period) {
    const Period& chosen = *view.period;
    const bool at_meeting = view.meeting != nullptr;
    const Date day = at_meeting ? view.meeting->date->value : as_of;
    const std::string when = at_meeting ? fmt::format("the meeting on {}", day.iso())
                                        : fmt::format("the as-of date, {}", day.iso());
    // The period iact would choose for that day: the first due on or after it.
    const Period* usual = choose_period(catalogue, "", day);
    const std::string instead =
        usual ? fmt::format("pass --period {} (due {}), or leave --period out", usual->id,
                            usual->due.iso())
              : fmt::format("pass --as-of {} for a paper for the {} period", chosen.due.iso(),
                            chosen.id);
    const long before = day.days() - chosen.due.days();
    if (before > kDatesApartDays) {
      found.push_back({fmt::format("the {} period was due on {}, {} days before {}", chosen.id,
                                   chosen.due.iso(), before, when),
                       instead});
    } else if (usual && usual != &chosen && usual->due < chosen.due) {
      found.push_back({fmt::format("the {} period is due on {}, but the {} period, due {}, "
                                   "comes first after {}",
                                   chosen.id, chosen.due.iso(), usual->id, usual->due.iso(), when),
                       instead});
    }
  }
  return found;
}

std::string why_no_changes(const SystemView& view) {
  if (view.compares()) return "";
  // Changes are counted from the previous reporting round, else from the lead plan's last
  // board meeting: say which of the two is missing, in the organisation's name.
  const std::string round = !view.period    ? "NHS England had set no reporting round by this date"
                            : view.previous ? "no earlier reporting round is recorded"
                                            : "this is the first reporting round";
  const std::string lead = view.lead->is_icb() && view.lead->organisation.label() == "ICB"
                               ? std::string("the ICB")
                               : view.lead->organisation.label();
  // Only an earlier meeting of the same board counts (a development session is another).
  return fmt::format(
      "There is no earlier report to count changes from: {}, and {}'s plan gives no date for "
      "an earlier meeting of {} on it.",
      round, lead, view.meeting ? "the " + view.meeting->body : std::string("its board"));
}

std::optional<SystemView> build_view(const std::string& name, const std::vector<const Plan*>& plans,
                                     const Catalogue& catalogue, const ViewOptions& options,
                                     ViewError& error) {
  SystemView view;
  view.name = name;
  view.as_of = options.as_of;
  if (plans.empty()) {
    error = {fmt::format("{} holds no plans", name), "point at a folder of *.yaml plans"};
    return std::nullopt;
  }
  auto icb = std::find_if(plans.begin(), plans.end(), [](const Plan* p) { return p->is_icb(); });
  view.lead = icb != plans.end() ? *icb : plans.front();

  view.meeting = choose_meeting(*view.lead, options.meeting, options.as_of);
  view.period = choose_period(catalogue, options.period, options.as_of);
  // A meeting held late for a milestone (NHS England's June 2025 update, held in July)
  // reports for the period due with it, unless --period says otherwise.
  if (options.period.empty() && view.meeting && view.meeting->milestone) {
    for (const Milestone& m : catalogue.milestones) {
      if (m.id != view.meeting->milestone->value) continue;
      for (const Period& p : catalogue.periods) {
        if (p.due == m.date && p.known_at(options.as_of)) view.period = &p;
      }
    }
  }
  if (!options.period.empty() && !view.period) {
    error = {fmt::format("there is no reporting period '{}'", options.period),
             fmt::format("the timeline has: {}; for a reporting round of your own board's, add "
                         "it to .iact-timeline.yaml in the plans folder (see docs/guide.md)",
                         period_list(catalogue))};
    return std::nullopt;
  }
  // With no period due, what changed is counted since the last one ended.
  view.previous = view.period ? catalogue.period_before(*view.period)
                              : catalogue.last_period_ended(options.as_of);
  if (options.meeting && !view.meeting) {
    std::string dates;
    for (const BoardMeeting& m : view.lead->board) {
      if (m.date) dates += (dates.empty() ? "" : ", ") + plan_form(m.date->value);
    }
    error = {fmt::format("{} has no board meeting on {}", view.lead->file, options.meeting->iso()),
             dates.empty() ? "add a `board:` entry with that date"
                           : fmt::format("its board meetings: {}", dates)};
    return std::nullopt;
  }
  set_changes_since(view, plans, catalogue);
  view.region = region_answer(*view.lead);
  view.sro = sro_answer(*view.lead);
  view.board = meeting_answers(*view.lead, view.meeting, view.as_of);

  add_org(view, *view.lead, catalogue, options.policy_file);
  for (const Plan* plan : plans) {
    if (plan != view.lead) add_org(view, *plan, catalogue, options.policy_file);
  }
  add_frameworks(view, catalogue);
  add_lists(view);
  for (const Milestone& m : catalogue.milestones) {
    if (m.known_at(view.as_of)) view.milestones.push_back(&m);
  }
  add_finance(view);
  add_measures(view);
  add_governance(view);
  add_trend(view, catalogue, options.policy_file);
  return view;
}

}  // namespace iact
