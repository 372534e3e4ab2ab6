#include "write/paper_words.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <set>

#include <fmt/format.h>

#include "plan/date.h"
#include "util/text.h"

namespace iact {

std::string money(double pounds) {
  const long long whole = static_cast<long long>(pounds + 0.5);
  std::string digits = std::to_string(whole);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return "\u00a3" + out;
}

std::string estimate_money(double pounds) {
  const long long whole = static_cast<long long>(pounds + 0.5);
  if (whole < 1000000 || whole % 100000 != 0) return money(pounds);
  const long long tenths = whole / 100000;
  return tenths % 10 == 0 ? fmt::format("\u00a3{}m", tenths / 10)
                          : fmt::format("\u00a3{}.{}m", tenths / 10, tenths % 10);
}

std::string and_list(const std::vector<std::string>& parts) {
  if (parts.size() < 2) return join(parts);
  return join(std::vector<std::string>(parts.begin(), parts.end() - 1), ", ") + " and " +
         parts.back();
}

std::string count_words(int n) {
  return n == 0 ? std::string("none") : std::to_string(n);
}

std::string plans_phrase(const SystemView& view) {
  std::vector<std::string> labels;
  for (const OrgView& o : view.orgs) labels.push_back(o.label);
  return fmt::format("the {} {}", and_list(labels), labels.size() == 1 ? "plan" : "plans");
}

std::string action_label(const SystemView& view, size_t row) {
  const ActionRow& r = view.rows[row];
  return view.orgs.size() > 1 ? fmt::format("{} ({})", r.id, r.org) : r.id;
}

std::string dna_reported(const OrgView& org, const SystemView& view) {
  if (!org.dna.given) return "";
  const Date given = *org.dna.given;
  const Date day = view.paper_date();
  if (given.first_day() <= day && day <= given) return "";  // the paper's own day or month
  if (given > day) return "";
  return fmt::format("as reported {} {}", given.is_day() ? "on" : "in", display(given));
}

std::string planned_by_text(const SystemView& view, const std::vector<size_t>& rows,
                            const std::string& object) {
  const ActionRow& r = view.rows[rows.front()];
  std::string label = r.id;
  if (view.orgs.size() > 1) {
    std::vector<std::string> orgs;
    for (size_t i : rows) orgs.push_back(view.rows[i].org);
    label = rows.size() == 1 ? fmt::format("{} ({})", r.id, orgs.front())
                             : fmt::format("{}, held by {},", r.id, and_list(orgs));
  }
  const bool dated = r.state.due && r.state.due->is_date();
  const std::string due = dated ? display(*r.state.due) : "";
  const bool all = std::all_of(rows.begin(), rows.end(),
                               [&](size_t i) { return view.rows[i].state.complete(); });
  const bool any_overdue =
      std::any_of(rows.begin(), rows.end(), [&](size_t i) { return view.rows[i].overdue; });
  if (all) return fmt::format("{}, now complete, was to add actions for {}", label, object);
  if (any_overdue && dated)
    return fmt::format("{} was to add actions for {} by {} and is overdue", label, object, due);
  return fmt::format("{} is to add actions for {}{}", label, object, dated ? " by " + due : "");
}

std::string planners_text(const SystemView& view, const std::vector<size_t>& rows,
                          const std::string& object) {
  std::vector<std::string> ids;
  std::map<std::string, std::vector<size_t>> by_id;
  for (size_t r : rows) {
    const std::string& id = view.rows[r].id;
    if (!by_id.count(id)) ids.push_back(id);
    by_id[id].push_back(r);
  }
  std::vector<std::string> parts;
  for (const std::string& id : ids) parts.push_back(planned_by_text(view, by_id[id], object));
  return join(parts, "; ");
}

namespace {

// How sentences name an organisation: "SFT", or "the ICB" for an ICB called so.
std::string org_name(const OrgView& org) {
  return org.label == "ICB" ? std::string("the ICB") : org.label;
}

std::string sentence_case(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}

// How long without any update before a paper says so, whatever the period.
constexpr long kStaleDays = 92;

// Whole calendar months from one day to a later one: 15 July 2025 to 31 January 2026 is six.
int whole_months(const Date& from, const Date& to) {
  int months = (to.year - from.year) * 12 + (to.month - from.month);
  if (to.day < from.day) --months;
  return std::max(months, 0);
}

// The newest progress update of any organisation of the system, if any.
std::optional<Date> newest_update(const SystemView& view) {
  std::optional<Date> newest;
  for (const OrgView& org : view.orgs) {
    if (org.last_update && (!newest || *org.last_update > *newest)) newest = org.last_update;
  }
  return newest;
}

int open_count(const BragCounts& c) {
  return c.total() - c[Brag::kBlue];
}

// A meeting of the plan's own at `day`, if any: what a narrative was written for.
const BoardMeeting* meeting_on(const Plan& plan, Date day) {
  for (const BoardMeeting& m : plan.board) {
    if (m.date && m.date->value == day) return &m;
  }
  return nullptr;
}

// The day the organisation's plan last recorded something: its newest update, else the day
// it was made.
std::optional<Date> last_news(const OrgView& org) {
  return org.last_update ? org.last_update : org.created;
}

// Open actions past their due date, and how many of them have a dated update after falling
// due: a step recorded since they became overdue.
struct OverdueSteps {
  int overdue = 0;
  int with_step = 0;
};

OverdueSteps overdue_steps(const SystemView& view) {
  OverdueSteps s;
  for (size_t r : view.overdue) {
    const ActionRow& row = view.rows[r];
    ++s.overdue;
    const bool dated_due = row.state.due && row.state.due->is_date();
    if (row.latest && (!dated_due || row.latest->date->value > row.state.due->date)) ++s.with_step;
  }
  return s;
}

// The open risks, highest score first (unscored last, in plan order).
std::vector<const RiskRow*> open_risks(const SystemView& view) {
  std::vector<const RiskRow*> open;
  for (const RiskRow& r : view.risks) {
    if (r.open) open.push_back(&r);
  }
  std::stable_sort(open.begin(), open.end(), [](const RiskRow* a, const RiskRow* b) {
    return a->risk->score().value_or(0) > b->risk->score().value_or(0);
  });
  return open;
}

std::string risk_word(int score) {
  if (score >= 15) return "extreme";
  if (score >= 8) return "high";
  if (score >= 4) return "moderate";
  return "low";
}

// "the Independent Mental Health Homicide Investigation": a framework as a sentence names
// it, by its source document where it has one.
std::string framework_name(const Framework& f) {
  if (!f.called.empty()) return f.called;
  return f.source_document.empty() ? f.title : "the " + f.source_document;
}

// "12 of the 25 expectations of the national webinar of April 2025 have no action yet":
// what is still open below items that each have an action; "" when nothing is.
std::string open_expectations(const SystemView& view) {
  std::vector<std::string> parts;
  for (const FrameworkView& f : view.frameworks) {
    int all = 0, open = 0;
    for (const ItemView& i : f.items) {
      all += i.expectations;
      open += static_cast<int>(i.uncovered_expectations.size());
    }
    if (open > 0)
      parts.push_back(
          fmt::format("{} of the {} expectations of {}", open, all, framework_name(*f.framework)));
  }
  if (parts.empty()) return "";
  return fmt::format("{} {} no action yet (Appendix B names them)", and_list(parts),
                     parts.size() == 1 && parts.front().rfind("1 of", 0) == 0 ? "has" : "have");
}

// "the Independent Mental Health Homicide Investigation": the frameworks the plans have not
// taken in, as sentences name them.
std::string not_adopted_names(const SystemView& view) {
  std::vector<std::string> names;
  for (const Framework* f : view.not_adopted) names.push_back(framework_name(*f));
  return and_list(names);
}

std::string gap_names(const SystemView& view) {
  std::vector<std::string> names;
  for (const FrameworkView& f : view.frameworks) {
    for (const ItemView& i : f.items) {
      if (i.gap()) names.push_back(i.item->title);
    }
  }
  return and_list(names);
}

// "ICB-PLAN-01 is to add actions for them by 30 Jun 2025": for the gaps an action that
// updates the plan is to fill, what that action is to do and where it stands; "" for none.
std::string planned_clause(const SystemView& view) {
  // Planner rows by action: a system-wide action each trust holds (REV-01) is named once.
  std::map<std::string, std::vector<size_t>> planners;
  std::map<std::string, std::set<std::string>> titles;  // action id -> gap titles
  std::vector<std::string> order;
  int gaps = 0;
  for (const FrameworkView& f : view.frameworks) {
    for (const ItemView& i : f.items) {
      if (!i.gap()) continue;
      ++gaps;
      for (size_t r : i.planned_by) {
        const std::string& id = view.rows[r].id;
        if (!planners.count(id)) order.push_back(id);
        auto& rows = planners[id];
        if (std::find(rows.begin(), rows.end(), r) == rows.end()) rows.push_back(r);
        titles[id].insert(i.item->title);
      }
    }
  }
  std::vector<std::string> parts;
  for (const std::string& id : order) {
    const auto& named = titles[id];
    const int n = static_cast<int>(named.size());
    std::string object;
    if (order.size() == 1 && n == gaps)
      object = gaps == 1 ? "it" : "them";
    else if (n > 3)
      object = fmt::format("{} of them", n);
    else
      object = and_list(std::vector<std::string>(named.begin(), named.end()));
    parts.push_back(planned_by_text(view, planners[id], object));
  }
  return and_list(parts);
}

// "No action yet addresses A (F) or B (F)." or, for many, how many in each framework.
// "the full plans of CNTW and GHFT": plans whose actions are not the whole of their
// organisation's plan, so that a gap may be only a gap in what the paper holds.
std::string held_elsewhere(const SystemView& view) {
  std::vector<std::string> names;
  for (const OrgView& org : view.orgs) {
    if (!org.plan->incomplete.empty()) names.push_back(org.label);
  }
  if (names.empty()) return "";
  return fmt::format("the full {} of {}", names.size() == 1 ? "plan" : "plans", and_list(names));
}

// `one`: as one sentence, its parts joined by semicolons, for page one's "Gaps:" point; the
// summary gives the same parts as sentences.
std::string gaps_sentence(const SystemView& view, bool one = false) {
  const std::string elsewhere = held_elsewhere(view);
  std::vector<std::string> parts;
  if (!elsewhere.empty()) {
    parts.push_back(fmt::format(
        "{} no action in this paper, but {}, which it does not include, may address {}",
        view.gaps() <= 3 ? sentence_case(gap_names(view)) + (view.gaps() == 1 ? " has" : " have")
                         : fmt::format("{} framework items have", view.gaps()),
        elsewhere, view.gaps() == 1 ? "it" : "them"));
  } else if (view.gaps() <= 3) {
    parts.push_back(fmt::format("No action yet addresses {}", gap_names(view)));
  } else {
    std::vector<std::string> per;
    for (const FrameworkView& f : view.frameworks) {
      const int gaps = static_cast<int>(f.items.size()) - f.covered();
      if (gaps > 0)
        per.push_back(
            fmt::format("{} of the {} items of {}", gaps, f.items.size(), f.framework->title));
    }
    parts.push_back(
        fmt::format("{} framework items have no action yet: {}; the coverage section names them",
                    view.gaps(), and_list(per)));
  }
  if (const std::string planned = planned_clause(view); !planned.empty()) parts.push_back(planned);
  // Expectations are finer than items: a covered item may still have some open, and that is
  // said beside the gaps, never left for the coverage table alone to show.
  if (const std::string e = open_expectations(view); !e.empty()) parts.push_back(e);
  if (one) return join(parts, "; ") + ".";
  std::string text;
  for (const std::string& p : parts) text += (text.empty() ? "" : " ") + sentence_case(p) + ".";
  return text;
}

// "Since the June 2025 return (30 June 2025), 2 actions were completed, none became overdue,
// 1 slipped to a later date and none was added": numbers one way, none for nought.
std::string since_sentence(const SystemView& view, const std::string& since) {
  const size_t completed = view.completed_in_period.size(), overdue = view.overdue_in_period.size(),
               slipped = view.slipped.size(), added = view.new_actions.size();
  // Plans that give no action an `added:` date do not say which are new: "none was added"
  // would be a guess.
  const bool tracks_added = view.records_added();
  const std::string untracked = "; the plans do not record when actions were added";
  if (completed + overdue + slipped + added == 0) {
    return tracks_added ? fmt::format(
                              "Since {}, no action was completed, became overdue, slipped to a "
                              "later date or was added.",
                              since)
                        : fmt::format(
                              "Since {}, no action was completed, became overdue or slipped to "
                              "a later date{}.",
                              since, untracked);
  }
  auto n = [](size_t k) { return k == 0 ? std::string("none") : std::to_string(k); };
  const std::string done =
      fmt::format("{} {} completed",
                  completed == 0 ? "no action" : count_of(static_cast<int>(completed), "action"),
                  completed == 1 || completed == 0 ? "was" : "were");
  if (!tracks_added)
    return fmt::format("Since {}, {}, {} became overdue and {} slipped to a later date{}.", since,
                       done, n(overdue), n(slipped), untracked);
  return fmt::format("Since {}, {}, {} became overdue, {} slipped to a later date and {} {} added.",
                     since, done, n(overdue), n(slipped), n(added),
                     added == 1 || added == 0 ? "was" : "were");
}

// "2 actions reported as on track and 1 as at risk have passed their due dates": worded by
// what their leads reported, never a status the plans did not give.
std::string contradiction_sentence(const SystemView& view) {
  std::map<Status, int> by;
  for (size_t r : view.contradictions) ++by[view.rows[r].state.status];
  std::vector<std::string> parts;
  int total = 0;
  for (const auto& [status, n] : by) {
    std::string word(name_of(status));
    std::replace(word.begin(), word.end(), '-', ' ');
    parts.push_back(parts.empty() ? fmt::format("{} reported as {}", count_of(n, "action"), word)
                                  : fmt::format("{} as {}", n, word));
    total += n;
  }
  return fmt::format("{} {} passed {} due date{}; this paper shows {} as Red.", and_list(parts),
                     total == 1 ? "has" : "have", total == 1 ? "its" : "their",
                     total == 1 ? "" : "s", total == 1 ? "it" : "them");
}

// "6 Amber (2 at risk, 3 re-planned, 1 awaiting a due date)": Amber says why, so that
// actions with no date yet are not counted as at risk.
std::string amber_phrase(const SystemView& view) {
  int at_risk = 0, replanned = 0, tbc = 0, tbc_not_started = 0, soon = 0, soon_unreported = 0;
  for (const ActionRow& row : view.rows) {
    if (row.rag.brag != Brag::kAmber) continue;
    if (row.rag.why == RagWhy::kDueSoon && row.state.status == Status::kNotReported) {
      ++soon_unreported;
      continue;
    }
    switch (row.rag.why) {
      case RagWhy::kAtRisk:
        ++at_risk;
        break;
      case RagWhy::kReplanned:
        ++replanned;
        break;
      case RagWhy::kDueTbc:
        ++tbc;
        if (row.state.status == Status::kNotStarted) ++tbc_not_started;
        break;
      default:
        ++soon;
    }
  }
  const int amber = at_risk + replanned + tbc + soon + soon_unreported;
  if (amber == 0) return "no Amber";
  std::vector<std::string> parts;
  if (at_risk) parts.push_back(fmt::format("{} at risk", at_risk));
  if (replanned) parts.push_back(fmt::format("{} re-planned to a later date", replanned));
  if (tbc)
    parts.push_back(
        tbc_not_started == 0 ? fmt::format("{} awaiting a due date", tbc)
        : tbc_not_started == tbc
            ? fmt::format("{} not started and awaiting a due date", tbc)
            : fmt::format("{} awaiting a due date, {} of them not started", tbc, tbc_not_started));
  if (soon) parts.push_back(fmt::format("{} not started and due soon", soon));
  if (soon_unreported)
    parts.push_back(fmt::format("{} due soon with no status reported", soon_unreported));
  return fmt::format("{} Amber ({})", amber, join(parts, ", "));
}

// "The ICB and SFT plans hold 43 actions as of 31 January 2026: 2 complete, ...".
std::string totals_sentence(const SystemView& view) {
  const BragCounts& c = view.all.counts;
  std::string text = fmt::format(
      "{} {} {} as of {}: {} complete, {} on track, {} and {} off track or overdue",
      sentence_case(plans_phrase(view)), view.orgs.size() == 1 ? "holds" : "hold",
      count_of(c.total(), "action"), display_long(view.shown_as_of()), count_words(c[Brag::kBlue]),
      count_words(c[Brag::kGreen]), amber_phrase(view), count_words(c[Brag::kRed]));
  if (c[Brag::kGrey] > 0) {
    int unreported = 0;
    for (const ActionRow& row : view.rows) {
      if (row.rag.brag == Brag::kGrey && row.state.status == Status::kNotReported) ++unreported;
    }
    const int not_started = c[Brag::kGrey] - unreported;
    std::vector<std::string> grey;
    if (not_started > 0) grey.push_back(fmt::format("{} not yet started", not_started));
    if (unreported > 0) grey.push_back(fmt::format("{} with no status reported", unreported));
    text += fmt::format("; {} {} not due soon", and_list(grey), c[Brag::kGrey] == 1 ? "is" : "are");
  }
  return text + ".";
}

// "the board last saw the plan, on 28 November 2024" ("in Q2 2024/25" for a date known only
// to the month or quarter): where changes are counted from, when it is a meeting.
std::string board_last_saw(const SystemView& view) {
  return fmt::format("the board last saw the plan, {} {}", view.since->is_day() ? "on" : "in",
                     display_long(*view.since));
}

// "in this reporting period, which began on 1 July 2025", or, counted from the board's last
// meeting on the plan, "since the board last saw the plan, on 28 November 2024".
std::string since_phrase(const SystemView& view) {
  return view.since_meeting ? "since " + board_last_saw(view)
                            : fmt::format("in this reporting period, which began on {}",
                                          display_long(view.since->plus_days(1)));
}

// Whether the actions' progress is stale news: an organisation whose plan has recorded
// nothing since the period being reported began.
std::string staleness_sentence(const SystemView& view) {
  // Long silence is news too, in the period or not: nothing for over three months.
  if (!view.since) return "";
  const std::optional<Date> newest = newest_update(view);
  const bool within_period = newest && *newest > *view.since;
  if (within_period && newest->days() + kStaleDays < view.paper_date().days()) {
    return fmt::format(
        "No action in {} has had a progress update since {}, {} months before this paper.",
        plans_phrase(view), display_long(*newest), whole_months(*newest, view.paper_date()));
  }
  std::vector<const OrgView*> stale;
  for (const OrgView& org : view.orgs) {
    if (open_count(org.actions.counts) == 0) continue;
    // Stale: nothing recorded after the period began (an update "June 2025" is its last
    // day, the day the period ended).
    const std::optional<Date> news = last_news(org);
    if (news && *news <= *view.since) stale.push_back(&org);
  }
  if (stale.empty()) return "";
  auto when = [](const OrgView& org) {
    return org.last_update
               ? fmt::format("{} (last updated {})", org_name(org), display_long(*org.last_update))
               : fmt::format("{} (never updated)", org_name(org));
  };
  if (stale.size() == view.orgs.size()) {  // every organisation: the system's newest is theirs
    if (!newest) {
      return fmt::format(
          "No action in {} has ever had a progress update recorded, so each action is judged "
          "against its due date alone, with the status its plan first gave it, where it gave "
          "one.",
          plans_phrase(view));
    }
    return fmt::format(
        "No action in {} has had a progress update {}; the last is dated {}. The statuses in "
        "this paper are those last reported, and each action is judged against its due date "
        "alone.",
        plans_phrase(view), since_phrase(view), display_long(*newest));
  }
  std::vector<std::string> parts;
  for (const OrgView* o : stale) parts.push_back(when(*o));
  return fmt::format(
      "No progress has been reported {}, on the actions of {}: their statuses "
      "are those last reported.",
      since_phrase(view), and_list(parts));
}

// "The background and findings below were written for the board of 1 May 2025; nothing
// has been written since.": said once, naming the organisations where they differ.
std::string narrative_staleness(const SystemView& view) {
  std::map<std::string, std::vector<std::string>> by_note;  // note -> organisations
  int current = 0;
  for (const OrgView& org : view.orgs) {
    if (!org.narrative) continue;
    const std::string note = narrative_note(org, view);
    if (note.empty()) {
      ++current;
      continue;
    }
    by_note[note].push_back(org.label);
  }
  if (by_note.empty()) return "";
  auto lower_first = [](std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] + 32);
    return s;
  };
  if (by_note.size() == 1 && current == 0) {
    const std::string& note = by_note.begin()->first;
    if (note.rfind("The plan does not say", 0) == 0)
      return "The plans do not say which meeting the background and findings below were "
             "written for.";
    return fmt::format(
        "The background and findings below were {}; nothing has been written "
        "since.",
        lower_first(note));
  }
  // "ICB's were written for the board of 1 May 2025; RMHT's do not say which meeting."
  std::vector<std::string> parts;
  bool dated = false;
  for (const auto& [note, orgs] : by_note) {
    const bool undated = note.rfind("The plan does not say", 0) == 0;
    dated = dated || !undated;
    parts.push_back(
        undated ? fmt::format("{}'s do not say which meeting they were written for", and_list(orgs))
                : fmt::format("{}'s were {}", and_list(orgs), lower_first(note)));
  }
  return fmt::format("Not all the background and findings below are new: {}{}.", join(parts, "; "),
                     dated ? ", and nothing has been written since" : "");
}

std::string judgement(const SystemView& view) {
  const BragCounts& c = view.all.counts;
  const int open = open_count(c), red = c[Brag::kRed];
  if (c.total() == 0) return "The plans hold no actions yet.";
  if (open == 0) return fmt::format("All {} are complete.", count_of(c.total(), "action"));
  int unreported = 0;
  for (const ActionRow& row : view.rows) {
    if (!row.state.complete() && row.state.status == Status::kNotReported) ++unreported;
  }
  // Every open action with no due date yet, whatever its colour: one at risk or blocked is
  // still waiting for a date.
  int undated = 0;
  for (const ActionRow& row : view.rows) {
    if (!row.state.complete() && (!row.state.due || row.state.due->kind == Due::Kind::kTbc))
      ++undated;
  }
  bool stale = view.since.has_value();
  for (const OrgView& org : view.orgs) {
    if (org.last_update && view.since && *org.last_update > *view.since) stale = false;
  }
  const std::string overdue = fmt::format("judged by due dates alone, {} {} overdue",
                                          count_words(static_cast<int>(view.overdue.size())),
                                          view.overdue.size() > 1 ? "are" : "is");
  // Without reported statuses, dates or news for most of the plan, there is no judgement
  // to make, and the paper says why.
  if (stale) {
    return fmt::format(
        "With no progress reported {}, this paper cannot say whether the plan is on course; {}.",
        view.since_meeting ? "since the board last saw the plan" : "in this period", overdue);
  }
  if (undated * 2 > open) {
    return fmt::format(
        "With {} of the {} open actions still to be given a due date, this paper cannot say "
        "whether the plan is on course; {}.",
        undated, open, overdue);
  }
  if (unreported * 2 > open) {
    return fmt::format(
        "With no status reported for {} the {} open actions, this paper cannot say whether "
        "the plan is on course; {}.",
        unreported == open ? std::string("any of") : fmt::format("{} of", unreported), open,
        overdue);
  }
  // A judgement of the actions the plan has; where national items have none, that is said
  // beside it, so "on course" does not read as "complete".
  const std::string gaps =
      view.gaps() == 0 ? ""
      : held_elsewhere(view).empty()
          ? fmt::format(", but {} {} no action yet", count_of(view.gaps(), "framework item"),
                        view.gaps() == 1 ? "has" : "have")
          : fmt::format(", but {} {} no action in this paper",
                        count_of(view.gaps(), "framework item"), view.gaps() == 1 ? "has" : "have");
  const std::string of_open = fmt::format("of the {} open", open);
  if (red == 0) {
    return fmt::format(
        "The plan's actions are on course: none {} actions is off track or "
        "overdue{}.",
        of_open, gaps);
  }
  const std::string many =
      fmt::format("{} {} actions {} off track or overdue", red, of_open, red == 1 ? "is" : "are");
  // "Most" only of what is on track or not yet due to start, never of Amber, nor of a Grey
  // action with no status reported (not reported is not "not yet due to start").
  int grey_unreported = 0;
  for (const ActionRow& row : view.rows) {
    if (row.rag.brag == Brag::kGrey && row.state.status == Status::kNotReported) ++grey_unreported;
  }
  const int on_course = c[Brag::kGreen] + c[Brag::kGrey] - grey_unreported;
  std::vector<std::string> parts = {fmt::format("{} {} actions {} on track or not yet due to start",
                                                on_course, of_open, on_course == 1 ? "is" : "are")};
  const bool most = red * 4 <= open && on_course * 3 >= open * 2;
  if (!most && c[Brag::kAmber] > 0)
    parts.push_back(
        fmt::format("{} {} Amber", c[Brag::kAmber], c[Brag::kAmber] == 1 ? "is" : "are"));
  parts.push_back(
      fmt::format("{} {} off track or overdue", count_words(red), red == 1 ? "is" : "are"));
  if (grey_unreported > 0)
    parts.push_back(fmt::format("{} not due soon {} no status reported", grey_unreported,
                                grey_unreported == 1 ? "has" : "have"));
  if (most)
    return fmt::format("Most of the plan's actions are on course: {}{}.", and_list(parts), gaps);
  if (red * 4 <= open)
    return fmt::format("The plan is partly on course: {}{}.", and_list(parts), gaps);
  return fmt::format("The plan is not on course: {}{}.", many,
                     gaps.empty() ? gaps : ", and" + gaps.substr(5));
}

std::string totals_of(const CostTotals& t) {
  std::vector<std::string> amounts;
  if (t.one_off > 0) amounts.push_back(money(t.one_off) + " one-off");
  if (t.recurrent > 0) amounts.push_back(money(t.recurrent) + " a year");
  if (t.unsaid > 0)
    amounts.push_back(money(t.unsaid) + " that the plans do not say is one-off or yearly");
  return and_list(amounts);
}

std::string gap_of(const CostTotals& t) {
  std::vector<std::string> gap;
  if (t.unfunded_one_off > 0) gap.push_back(money(t.unfunded_one_off) + " one-off");
  if (t.unfunded_recurrent > 0) gap.push_back(money(t.unfunded_recurrent) + " a year");
  if (t.unfunded_unsaid > 0)
    gap.push_back(money(t.unfunded_unsaid) + " not said to be one-off or yearly");
  return and_list(gap);
}

// "The 3 actions in the plans with a cost come to ...; ... of that is marked not funded; 8
// open actions are still to be costed."
std::string costed_sentence(const SystemView& view) {
  const CostTotals& t = view.finance.system;
  if (!t.any()) return "";
  // "3 actions in the ICB and SFT plans have a cost: £126,000 a year and £111,000 that the
  // plans do not say is one-off or yearly. Of this, £126,000 a year is marked not funded; the
  // funding of 2 is not recorded. A further 8 open actions have no cost yet."
  std::vector<std::string> sentences;
  if (t.costed > 0) {
    sentences.push_back(fmt::format("{} in {} {} a cost: {}.",
                                    sentence_case(count_of(t.costed, "action")), plans_phrase(view),
                                    t.costed == 1 ? "has" : "have", totals_of(t)));
    std::vector<std::string> funding;
    if (const std::string gap = gap_of(t); !gap.empty())
      funding.push_back(fmt::format("{} is marked not funded", gap));
    if (t.unstated > 0)
      funding.push_back(t.unstated == t.costed
                            ? std::string("no funding status is recorded for any of it")
                            : fmt::format("the funding of {} of the {} is not recorded",
                                          count_words(t.unstated), t.costed));
    if (!funding.empty())
      sentences.push_back(sentence_case("of this, " + join(funding, "; ")) + ".");
  }
  if (t.unpriced > 0) {
    std::string p = fmt::format("{} {} been costed, but the plans do not give the figure",
                                count_of(t.unpriced, t.costed > 0 ? "further action" : "action"),
                                t.unpriced == 1 ? "has" : "have");
    if (t.unfunded_unpriced == t.unpriced)
      p += t.unpriced == 1 ? "; it is marked not funded" : "; all are marked not funded";
    else if (t.unfunded_unpriced > 0)
      p += fmt::format("; {} of them marked not funded", t.unfunded_unpriced);
    sentences.push_back(sentence_case(p) + ".");
  }
  if (t.tbc > 0) {
    std::string p = t.tbc == 1 ? std::string(t.costed > 0 ? "A further open action has no cost yet"
                                                          : "One open action has no cost yet")
                               : fmt::format("{}{} open actions have no cost yet",
                                             t.costed > 0 ? "A further " : "", t.tbc);
    if (t.unfunded_tbc == t.tbc)
      p += t.tbc == 1 ? ", and it is marked not funded" : ", and all are marked not funded";
    else if (t.unfunded_tbc > 0)
      p += fmt::format(", {} of them marked not funded", t.unfunded_tbc);
    sentences.push_back(sentence_case(std::string(trim(p))) + ".");
  }
  return join(sentences, " ");
}

std::string estimate_sentence(const SystemView& view) {
  const Submission* s = view.finance.estimate;
  if (!s) return "";
  const Cost& c = *s->amount;
  return fmt::format(
      "{}, the system estimated the full cost of the work its review called for at {}{}{}.",
      s->date ? fmt::format("In {}, for NHS England", display_long(s->date->value))
              : std::string("For NHS England"),
      estimate_money(c.amount), c.recurrent.value_or(false) ? " a year" : "",
      c.funded && !*c.funded ? ", with no funding identified for it" : "");
}

// "The plans hold no record of the national milestones of July 2024 and September 2024 for
// the system, and of June 2025 for BHFT and OHFT": what NHS England asked for by now that no
// record shows was done, each milestone with the organisations it lacks.
std::string milestones_sentence(const SystemView& view) {
  std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> runs;  // orgs, months
  for (const Milestone* m : view.milestones) {
    // A milestone of the period being reported is what this paper is for; with no earlier
    // period, every milestone due by now is named.
    if (view.previous && m->date > view.previous->due) continue;
    std::vector<std::string> orgs;
    for (const MilestoneCheck& c : view.compliance) {
      if (c.milestone != m || !c.due_yet || c.done || c.done_undated) continue;
      orgs.push_back(c.report            ? std::string("the system's report to NHS England")
                     : c.org == "System" ? std::string("the system")
                     : c.org == "ICB"    ? std::string("the ICB")
                                         : c.org);
    }
    if (orgs.empty()) continue;
    if (!runs.empty() && runs.back().first == orgs) {
      runs.back().second.push_back(month_year(m->date));
    } else {
      runs.push_back({orgs, {month_year(m->date)}});
    }
  }
  if (runs.empty()) return "";
  // "The plans do not record whether NHS England's milestones were met for July 2024 (the
  // system), December 2024 (the ICB) and June 2025 (CNTW and GHFT)": a gap in the records for
  // the organisations to confirm, not a finding that a milestone was missed.
  std::vector<std::string> parts;
  for (const auto& [orgs, months] : runs)
    parts.push_back(fmt::format("{} ({})", and_list(months), and_list(orgs)));
  const bool one = runs.size() == 1 && runs.front().second.size() == 1;
  return fmt::format(
      "The plans do not record whether NHS England's {} met for {}; the governance section "
      "gives each milestone, what is recorded and what is still to be confirmed.",
      one ? "milestone was" : "milestones were", and_list(parts));
}

}  // namespace

std::string risk_sentence(const SystemView& view) {
  const std::vector<const RiskRow*> open = open_risks(view);
  if (open.empty()) return "";
  const RiskRow& top = *open.front();
  const std::string title = top.risk->title ? top.risk->title->value : "";
  const std::optional<int> score = top.risk->score();
  std::string text = open.size() == 1 ? std::string("One risk is open")
                                      : fmt::format("{} risks are open", open.size());
  if (score) {
    text += fmt::format("; the highest, scored {} ({}), is that {}", *score, risk_word(*score),
                        lowercase(title.substr(0, 1)) + title.substr(1));
  } else if (open.size() == 1) {
    text += "; it is not scored, and the risks section gives its mitigations";
  } else {
    text += ", none of them scored; the risks section gives each with its mitigations";
  }
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text + ".";
}

// The summary's word on money, shorter than the finance section it points to: the estimate
// sent to NHS England, the part of the plans' own costs not funded, and what is not costed.
std::string money_summary(const SystemView& view) {
  const CostTotals& t = view.finance.system;
  std::vector<std::string> parts;
  if (const Submission* s = view.finance.estimate) {
    const Cost& c = *s->amount;
    parts.push_back(fmt::format("the estimate of the full cost sent to NHS England is {}{}{}",
                                estimate_money(c.amount),
                                c.recurrent.value_or(false) ? " a year" : "",
                                c.funded && !*c.funded ? ", with no funding identified" : ""));
  }
  if (const std::string gap = gap_of(t); !gap.empty())
    parts.push_back(
        fmt::format("{} of the costs the plans give their own actions is not funded", gap));
  else if (t.costed > 0)
    parts.push_back(fmt::format("no cost the plans give their own actions is marked not funded"));
  if (t.unpriced > 0)
    parts.push_back(fmt::format("{} costed, but the plans do not give the figure",
                                count_of(t.unpriced, "action is", "actions are")));
  if (t.tbc > 0)
    parts.push_back(fmt::format("{} {} still to be costed", count_of(t.tbc, "open action"),
                                t.tbc == 1 ? "is" : "are"));
  if (parts.empty()) return "";
  return sentence_case("on money, " + join(parts, "; ")) +
         ". The finance section gives the detail.";
}

std::string narrative_note(const OrgView& org, const SystemView& view) {
  if (!org.narrative || org.narrative_current) return "";
  if (!org.narrative->written_for)
    return "The plan does not say which meeting this text was written for";
  const Date w = org.narrative->written_for->value;
  if (meeting_on(*org.plan, w) || meeting_on(*view.lead, w))
    return fmt::format("Written for the board {} {}", w.is_day() ? "of" : "in", display_long(w));
  return fmt::format("Written for {}", display_long(w));
}

std::vector<std::string> summary_paragraphs(const SystemView& view) {
  std::vector<std::string> paragraphs;
  // Where nothing has moved, that is the news.
  std::string stale = staleness_sentence(view);
  const std::string narrative = narrative_staleness(view);
  if (!narrative.empty()) stale += (stale.empty() ? "" : " ") + narrative;
  if (!stale.empty()) paragraphs.push_back(stale);

  std::string judged = judgement(view) + " " + totals_sentence(view);
  if (!view.contradictions.empty()) judged += " " + contradiction_sentence(view);
  paragraphs.push_back(judged);

  std::string changes;
  if (view.since) {
    const std::string since =
        view.since_meeting ? board_last_saw(view)
                           : fmt::format("{}, the end of the {} reporting period",
                                         display_long(*view.since), month_year(view.previous->due));
    changes = since_sentence(view, since);
  } else {
    changes = why_no_changes(view);
  }
  if (view.replanned.size() > view.slipped.size()) {
    changes += fmt::format(
        " {} due later than first agreed; {} moved since {}.",
        count_of(static_cast<int>(view.replanned.size()), "action is", "actions are"),
        view.slipped.empty() ? std::string("none of these dates")
                             : fmt::format("{} of these dates", view.slipped.size()),
        view.since_meeting ? "the board last saw the plan" : "the last reporting period ended");
  }
  paragraphs.push_back(changes);

  std::vector<std::string> risks;
  if (const std::string r = risk_sentence(view); !r.empty()) risks.push_back(r);
  if (view.gaps() > 0) {
    risks.push_back(gaps_sentence(view));
  } else if (!view.frameworks.empty()) {
    risks.push_back(
        view.not_adopted.empty()
            ? "Every item of the national frameworks is addressed by at least one action."
            : "Every item of the frameworks the plans answer to is addressed by at "
              "least one action.");
    if (const std::string e = open_expectations(view); !e.empty()) {
      risks.back().pop_back();
      risks.back() += fmt::format(", though {}; the coverage section names them.", e);
    }
  }
  if (const std::string n = not_adopted_sentence(view); !n.empty()) risks.push_back(n);
  if (const std::string m = milestones_sentence(view); !m.empty()) risks.push_back(m);
  if (!risks.empty()) paragraphs.push_back(join(risks, " "));

  if (const std::string m = money_summary(view); !m.empty()) paragraphs.push_back(m);
  return paragraphs;
}

std::vector<std::string> key_points(const SystemView& view) {
  std::vector<std::string> points;
  const BragCounts& c = view.all.counts;
  const OverdueSteps steps = overdue_steps(view);
  if (steps.overdue == 0) {
    points.push_back(
        fmt::format("Overdue: none of the {} open actions is past its due date.", open_count(c)));
  } else {
    std::string p = fmt::format("Overdue: {} of the {} open actions {} past {} due date",
                                steps.overdue, open_count(c), steps.overdue == 1 ? "is" : "are",
                                steps.overdue == 1 ? "its" : "their");
    const bool none_reported = std::all_of(view.overdue.begin(), view.overdue.end(), [&](size_t r) {
      return view.rows[r].state.status == Status::kNotReported;
    });
    if (steps.with_step == 0 && none_reported)
      p += steps.overdue == 1 ? ", with no status reported and no update since it fell due"
                              : ", none with a status reported or an update since it fell due";
    else if (steps.with_step == 0)
      p += steps.overdue == 1 ? ", with no update since it fell due"
                              : ", none with an update since it fell due";
    else if (steps.with_step < steps.overdue)
      p += fmt::format("; {} {} an update since falling due", steps.with_step,
                       steps.with_step == 1 ? "has" : "have");
    points.push_back(p + ".");
  }
  const int declared_red = c[Brag::kRed] - steps.overdue;
  if (declared_red > 0) {
    points.back().pop_back();
    points.back() +=
        fmt::format("; {}{} {} reported by {} lead as off track or blocked.", declared_red,
                    steps.overdue > 0 ? " more" : "", declared_red == 1 ? "is" : "are",
                    declared_red == 1 ? "its" : "their");
  }
  // The count may be too high: a due date before the plan itself is likely a slip of the
  // year, and the progress section marks it to be confirmed.
  std::vector<std::string> queried;
  for (size_t r : view.overdue) {
    if (view.rows[r].due_queried)
      queried.push_back(
          fmt::format("{}, due {}", action_label(view, r), display(*view.rows[r].state.due)));
  }
  if (!queried.empty()) {
    points.back().pop_back();
    points.back() +=
        queried.size() == 1
            ? fmt::format(
                  "; the due date of one of them ({}) is earlier than the plan itself, "
                  "probably a slip of the year, and is to be confirmed.",
                  queried.front())
            : fmt::format(
                  "; the due dates of {} of them ({}) are earlier than the plans "
                  "themselves, probably slips of the year, and are to be confirmed.",
                  queried.size(), join(queried, "; "));
  }
  const std::vector<const RiskRow*> open = open_risks(view);
  if (open.empty()) {
    points.push_back("Risks: the plans record no open risk.");
  } else {
    std::vector<std::string> named;
    for (size_t i = 0; i < open.size() && i < 2; ++i) {
      const Risk& r = *open[i]->risk;
      std::string title = r.title ? r.title->value : "";
      if (!title.empty() && title.back() == '.') title.pop_back();
      // The second of two joined by a semicolon runs on in lower case ("...; without a way
      // to ..."), unless it starts with an abbreviation (NHS, AWP).
      if (i > 0 && title.size() > 1 && std::islower(static_cast<unsigned char>(title[1])))
        title = uncapitalised(title);
      named.push_back(r.score() ? fmt::format("{} (scored {})", title, *r.score()) : title);
    }
    points.push_back(
        fmt::format("{}: {}.", open.size() == 1 ? "Top risk" : "Top risks", join(named, "; ")));
  }
  if (view.gaps() == 0) {
    points.push_back(view.not_adopted.empty()
                         ? "Gaps: every national framework item has an action."
                         : "Gaps: every item of the frameworks the plans answer to has an action.");
    if (const std::string e = open_expectations(view); !e.empty()) {
      points.back().pop_back();
      points.back() += ", though " + e + ".";
    }
  } else {
    const std::string gaps = gaps_sentence(view, true);
    points.push_back("Gaps: " + lowercase(gaps.substr(0, 1)) + gaps.substr(1));
  }
  if (!view.not_adopted.empty()) {
    points.back().pop_back();
    points.back() += fmt::format("; the plans do not yet answer to {}.", not_adopted_names(view));
  }
  const CostTotals& t = view.finance.system;
  std::string funding;
  const std::string gap = gap_of(t);
  if (!gap.empty()) {
    funding = fmt::format("Funding gap: {} of costed actions is marked not funded", gap);
  } else if (t.costed > 0) {
    funding = "Funding: no costed action is marked not funded";
  } else if (t.unpriced > 0) {
    const bool one = t.unpriced == 1;
    funding = fmt::format(
        "Funding: {} been costed, but the plans do not give {}{}",
        count_of(t.unpriced, "action has", "actions have"), one ? "its figure" : "their figures",
        t.unfunded_unpriced == 0 ? ""
        : t.unfunded_unpriced == t.unpriced
            ? (one ? ", and it is not funded" : ", and none is funded")
            : fmt::format(", and {} of them are not funded", t.unfunded_unpriced));
  } else {
    funding = "Funding: no action has a cost yet";
  }
  if (t.tbc > 0)
    funding += fmt::format("; {} {} still to be costed", count_of(t.tbc, "open action"),
                           t.tbc == 1 ? "is" : "are");
  if (view.finance.estimate) {
    const Cost& e = *view.finance.estimate->amount;
    funding += fmt::format("; the system's estimate of the full cost is {}{}",
                           estimate_money(e.amount), e.recurrent.value_or(false) ? " a year" : "");
  } else if (view.finance.unpriced_estimate) {
    funding += "; the plans do not give the figure of the cost estimate sent to NHS England";
  }
  points.push_back(funding + ".");
  // Organisations grouped by their answers: "SFT policy yes, practice yes; not stated for
  // CNTW and GHFT".
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::string>> by_answer;
  const bool trusts_answer = std::any_of(view.orgs.begin(), view.orgs.end(), [](const OrgView& o) {
    return !o.is_icb && o.dna.policy.state == Answer::State::kGiven;
  });
  for (const OrgView& org : view.orgs) {
    auto words = [](const Answer& a) {
      return a.answered() ? lowercase(a.words) : std::string("not stated");
    };
    const std::string p = words(org.dna.policy), q = words(org.dna.practice);
    // The ask is about providers' policies: the ICB's own silence is not news beside them.
    if (org.is_icb && trusts_answer && org.dna.policy.state != Answer::State::kGiven) continue;
    const std::string answer = p == q && (p == "not stated" || p == "not recorded")
                                   ? p
                                   : fmt::format("policy {}, practice {}", p, q);
    const std::string when = dna_reported(org, view);
    const bool said = answer != "not stated" && answer != "not recorded";
    const std::string keyed = when.empty() || !said ? answer : answer + " (" + when + ")";
    if (!by_answer.count(keyed)) order.push_back(keyed);
    by_answer[keyed].push_back(org_name(org));
  }
  std::vector<std::string> dna;
  for (const std::string& answer : order) {
    const std::string orgs = and_list(by_answer[answer]);
    dna.push_back(answer == "not stated" || answer == "not recorded" ? answer + " for " + orgs
                                                                     : orgs + " " + answer);
  }
  points.push_back(fmt::format(
      "Assurance that not attending (DNA) is never on its own a reason to discharge: {}.",
      join(dna, "; ")));
  return points;
}

std::vector<std::string> recommendations(const SystemView& view) {
  std::vector<std::string> list;
  if (view.meeting && !view.meeting->recommendations.empty()) {
    for (const auto& r : view.meeting->recommendations) {
      std::string text(trim(r.value));
      if (!text.empty() && std::string(".!?").find(text.back()) == std::string::npos) text += '.';
      list.push_back(text);
    }
    return list;
  }
  const std::optional<Date> newest = newest_update(view);
  // Progress months old is not progress to note: the summary says how long it has been.
  const bool progress = newest ? (!view.since || *newest > *view.since) &&
                                     newest->days() + kStaleDays >= view.paper_date().days()
                               : !view.since.has_value();
  list.push_back(progress ? std::string("Note the progress of the action plans set out in this "
                                        "paper.")
                 : newest ? fmt::format("Note that no progress on the action plans has been "
                                        "reported since {}.",
                                        display_long(*newest))
                          : std::string("Note that no progress on the action plans has been "
                                        "reported since they were written."));
  // Silence is not only to note: the board can ask for the reports it lacks.
  if (!progress)
    list.push_back(
        "Ask the leads of the open actions to report their status and progress before the "
        "board next considers the plans.");
  const OverdueSteps steps = overdue_steps(view);
  if (steps.overdue > 0) {
    std::string text = fmt::format("Note the {}", count_of(steps.overdue, "overdue action"));
    if (steps.with_step == 0)
      text += steps.overdue == 1 ? ", which has no update since it fell due"
                                 : ", none of which has an update since it fell due";
    else if (steps.with_step == steps.overdue)
      text += ", and the latest step recorded for each in the progress section";
    else
      text += fmt::format(
          ": {} {} an update since falling due, which the progress section gives, and {} {} "
          "none",
          steps.with_step, steps.with_step == 1 ? "has" : "have", steps.overdue - steps.with_step,
          steps.overdue - steps.with_step == 1 ? "has" : "have");
    list.push_back(text + ".");
  }
  if (view.gaps() > 0 && !held_elsewhere(view).empty())
    list.push_back(
        fmt::format("Note that {} no action in this paper, and that {}, which it "
                    "does not include, may address {}.",
                    view.gaps() == 1 ? std::string("1 framework item has")
                                     : fmt::format("{} framework items have", view.gaps()),
                    held_elsewhere(view), view.gaps() == 1 ? "it" : "them"));
  else if (view.gaps() > 3)
    list.push_back(
        fmt::format("Note the {} framework items that no action yet addresses, named "
                    "in the coverage section.",
                    view.gaps()));
  else if (view.gaps() > 0)
    list.push_back(fmt::format("Note that no action yet addresses {}.", gap_names(view)));
  if (!view.not_adopted.empty()) {
    list.push_back(fmt::format("Ask for the plans to be brought up to date with {}.",
                               not_adopted_names(view)));
  }
  return list;
}

std::string not_adopted_sentence(const SystemView& view) {
  if (view.not_adopted.empty()) return "";
  std::vector<std::string> names;
  for (const Framework* f : view.not_adopted)
    names.push_back(framework_name(*f).find(std::to_string(f->source_date.year)) !=
                            std::string::npos
                        ? framework_name(*f)
                        : fmt::format("{} ({})", framework_name(*f), month_year(f->source_date)));
  const bool one = view.not_adopted.size() == 1;
  return fmt::format(
      "The plans have not yet taken in {}, which NHS England asked every local plan to answer "
      "to; this paper cannot say whether {} {} addressed.",
      and_list(names), one ? "its items" : "their items", "are");
}

std::string queried_due_sentence(const SystemView& view, const OrgView* org) {
  std::vector<size_t> rows;
  for (size_t r = 0; r < view.rows.size(); ++r) {
    if (view.rows[r].due_queried && (!org || view.rows[r].plan == org->plan)) rows.push_back(r);
  }
  if (rows.empty()) return "";
  // The tables beside it name the actions; the sentence says why their dates are queried.
  const bool all_overdue =
      std::all_of(rows.begin(), rows.end(), [&](size_t r) { return view.rows[r].overdue; });
  if (rows.size() == 1) {
    return fmt::format(
        "One action is due {}, before the plan itself was made, which suggests a slip of the "
        "year in the source; the table marks its date to be confirmed{}.",
        display(*view.rows[rows.front()].state.due),
        all_overdue ? ", and it counts as overdue until its lead confirms the date" : "");
  }
  std::vector<std::string> dates;
  for (size_t r : rows) dates.push_back(display(*view.rows[r].state.due));
  return fmt::format(
      "{} actions are due before the plan itself was made ({}), which suggests slips of the "
      "year in the source; the tables mark their dates to be confirmed{}.",
      rows.size(), and_list(dates),
      all_overdue ? ", and they count as overdue until their leads confirm the dates" : "");
}

std::string never_updated_sentence(const OrgView& org, const SystemView& view, bool dashes) {
  const int open = open_count(org.actions.counts);
  const int quiet = static_cast<int>(org.never_updated.size());
  int unreported = 0;
  for (size_t r : org.actions.rows) {
    if (view.rows[r].state.status == Status::kNotReported) ++unreported;
  }
  std::vector<std::string> sentences;
  const std::string whose = view.orgs.size() > 1 ? org_name(org) + "'s" : "the plan's";
  if (quiet > 0 && quiet == open && unreported >= open) {
    return fmt::format("None of {} {} has a status or a progress update recorded.", whose,
                       count_of(open, "open action"));
  }
  if (quiet > 0 && quiet == open) {
    sentences.push_back(fmt::format("None of {} {} has a progress update recorded.", whose,
                                    count_of(open, "open action")));
  } else if (quiet > 0) {
    std::string s = fmt::format("{} of {} {} {} no progress update recorded", quiet, whose,
                                count_of(open, "open action"), quiet == 1 ? "has" : "have");
    if (dashes) s += quiet == 1 ? " (a dash in the table below)" : " (a dash in the tables below)";
    if (org.last_update)
      s += fmt::format("; the newest update of the others is dated {}",
                       display_long(*org.last_update));
    sentences.push_back(s + ".");
  }
  if (unreported > 0) {
    sentences.push_back(fmt::format("No status is recorded for {}.",
                                    unreported == open ? std::string("any of them")
                                    : quiet == 0       ? count_of(unreported, "open action")
                                                 : count_of(unreported, "of them", "of them")));
  }
  return sentence_case(join(sentences, " "));
}

std::string progress_intro(const SystemView& view) {
  const bool any = std::any_of(view.rows.begin(), view.rows.end(), [](const ActionRow& r) {
    return !r.state.complete() && r.state.status == Status::kNotReported;
  });
  return any ? "An action whose lead reported no status is rated by its due date alone (or by "
               "having none), and its colour is marked “no status”."
             : "";
}

std::vector<std::string> finance_sentences(const SystemView& view) {
  std::vector<std::string> out;
  if (const std::string e = estimate_sentence(view); !e.empty()) {
    out.push_back(e +
                  " The figures below are the costs the plans give their own actions, not a "
                  "breakdown of that estimate.");
  }
  if (const std::string c = costed_sentence(view); !c.empty()) out.push_back(c);
  return out;
}

std::string milestone_result(const MilestoneCheck& c, const SystemView& view) {
  const bool board = !c.report && (c.milestone->requires_ == "public-board" ||
                                   c.milestone->requires_ == "icb-public-board");
  if (c.done) {
    std::string where = display(*c.done);
    if (c.meeting == view.meeting && c.meeting) {
      where = "this meeting, " + where;
    } else if (c.meeting) {
      where = fmt::format("{}, {}", c.meeting->body, where);
    }
    // The paper's own meeting has not sat when the paper is written.
    const std::string what = c.report                    ? "Reported to NHS England"
                             : !board                    ? "Submitted"
                             : c.meeting == view.meeting ? "To be discussed in public"
                                                         : "Discussed in public";
    if (c.met()) return fmt::format("{}: {}", what, where);
    const long late = c.days_late();
    return late > 0 ? fmt::format("{} late: {} ({} days after)", what, where, late)
                    : fmt::format("{} late: {}", what, where);
  }
  if (c.done_undated)
    return c.report ? "Reported to NHS England; the date is not recorded"
                    : "Submitted; the date is not recorded";
  if (!c.due_yet) return "Not yet due";
  if (board && !c.not_said_public.empty()) {
    std::vector<std::string> met;
    for (const BoardMeeting* m : c.not_said_public)
      met.push_back(fmt::format("{}, {}", m->body, display(m->date->value)));
    return fmt::format("{}; not recorded as in public", join(met, "; "));
  }
  // A gap in the plans, not a finding that the milestone was missed.
  if (board) return "No public meeting in the plans";
  if (c.report) return "No report in the plans";
  if (c.milestone->requires_ == "submission") return "No submission in the plans";
  return "Not in the plans";
}

}  // namespace iact
