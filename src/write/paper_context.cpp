#include "write/paper_context.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <map>
#include <set>

#include <fmt/format.h>

#include "plan/date.h"
#include "read/table.h"
#include "util/escape.h"
#include "util/text.h"
#include "write/chart.h"
#include "write/paper_words.h"

namespace iact {

using nlohmann::json;

std::vector<GlossaryEntry> terms_used(const std::vector<GlossaryEntry>& glossary,
                                      const std::string& text) {
  auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '+'; };
  std::vector<GlossaryEntry> used;
  for (const GlossaryEntry& e : glossary) {
    if (e.term.empty()) continue;
    for (size_t at = text.find(e.term); at != std::string::npos; at = text.find(e.term, at + 1)) {
      size_t end = at + e.term.size();
      // A plural ("GPs", "SOPs") is the term too.
      if (end < text.size() && text[end] == 's' &&
          (end + 1 >= text.size() || !is_word(text[end + 1])))
        ++end;
      const bool starts = at == 0 || !is_word(text[at - 1]);
      const bool ends = end >= text.size() || !is_word(text[end]);
      if (starts && ends) {
        used.push_back(e);
        break;
      }
    }
  }
  std::sort(used.begin(), used.end(),
            [](const GlossaryEntry& a, const GlossaryEntry& b) { return a.term < b.term; });
  used.erase(std::unique(used.begin(), used.end(),
                         [](const auto& a, const auto& b) { return a.term == b.term; }),
             used.end());
  return used;
}

namespace {

// A cover box only the author of a meeting's paper can fill, in a paper with no meeting yet.
constexpr const char* kToBeConfirmed = "To be confirmed";

// The letter that carries the status in greyscale print, and what each status means.
constexpr std::array<const char*, 5> kLetters = {"B", "R", "A", "G", "N"};
constexpr std::array<const char*, 5> kMeanings = {
    "complete", "off track: overdue, off track or blocked",
    "at risk, re-planned, or with no due date yet", "on track",
    "not yet started, or with no status reported, and not due soon"};

// What a table shows for a number that is nought or not given.
constexpr const char* kNothing = "\u2013";

// {"key": true} for each of `keys` that some row of the table `rows` has a value for: a
// column that would be empty on every row is left out of its table.
json columns_shown(const json& rows, std::initializer_list<const char*> keys) {
  json shown = json::object();
  for (const char* key : keys) {
    shown[key] = std::any_of(rows.begin(), rows.end(), [&](const json& row) {
      auto v = row.find(key);
      if (v == row.end() || !v->is_string()) return false;
      const std::string& text = v->get_ref<const std::string&>();
      return !trim(text).empty() && text != kNothing;
    });
  }
  return shown;
}

std::string lower(Brag b) {
  return lowercase(name_of(b));
}

json brag_json(Brag b) {
  const size_t i = static_cast<size_t>(b);
  const std::string name(name_of(b));
  return {{"name", name},
          {"letter", kLetters[i]},
          {"class", lower(b)},
          // Raw Markdown (use {{{cell_md}}}): a Word character style, an HTML class.
          {"cell_md", fmt::format("[{}\u00a0{}]{{custom-style=\"BRAG {}\" .brag .brag-{}}}",
                                  kLetters[i], name, name, lower(b))}};
}

// An action's BRAG cell: its colour, marked "no status" when its lead reported none,
// so a colour the dates alone give never reads as the lead's own judgement.
json action_brag_json(const ActionRow& row) {
  json j = brag_json(row.rag.brag);
  if (!row.state.complete() && row.state.status == Status::kNotReported) {
    j["cell_md"] = j["cell_md"].get<std::string>() + " (no status)";
    j["by_date"] = true;
  }
  return j;
}

// Text for a {{#section}} that is left out when the text is empty (mustache counts "" as
// present).
json text_or_false(const std::string& text) {
  return text.empty() ? json(false) : json(text);
}

// A count as a table shows it: a dash for none.
std::string count_cell(size_t n) {
  return n == 0 ? std::string(kNothing) : std::to_string(n);
}

json counts_json(const BragCounts& c) {
  json j;
  json cells;
  for (Brag b : kBragOrder) {
    j[lower(b)] = c[b];
    cells[lower(b)] = count_cell(static_cast<size_t>(c[b]));
  }
  j["total"] = c.total();
  j["open"] = c.open();
  cells["total"] = count_cell(static_cast<size_t>(c.total()));
  j["cells"] = cells;  // for tables: a dash for none
  return j;
}

std::string person_line(const std::optional<Person>& p) {
  if (!p) return "";
  return p->name ? fmt::format("{}, {}", p->name->value, p->role.value) : p->role.value;
}

// Whether a name is shown with its short form ("Gateshead Health NHS Foundation Trust
// (GHFT)"): not when the name ends in it already ("NHS Somerset ICB", never "... ICB (ICB)").
bool label_shown(const std::string& name, const std::string& label) {
  return !label.empty() && name != label && !name.ends_with(" " + label);
}

std::string due_text(const ActionRow& row) {
  const bool dated = row.state.due && row.state.due->is_date();
  if (!dated && row.rag.brag == Brag::kBlue)  // done: a due date still to confirm is moot
    return row.action->completed ? "Completed " + display(row.action->completed->value)
                                 : std::string(kNothing);
  if (!row.state.due) return "";
  return display(*row.state.due) + (row.due_queried ? " (to be confirmed)" : "");
}

std::string cost_text(const std::optional<Cost>& cost) {
  if (!cost) return "";
  switch (cost->kind) {
    case Cost::Kind::kNone:
      return kNothing;  // no cost: nought, a dash as in every table
    case Cost::Kind::kTbc:
    case Cost::Kind::kNotStated:
    case Cost::Kind::kAmount:
      break;
  }
  std::string text = cost->kind == Cost::Kind::kTbc ? std::string("TBC")
                     : cost->kind == Cost::Kind::kNotStated
                         ? std::string("Costed, figure not given")
                         : money(cost->amount) + (cost->recurrent.value_or(false) ? " a year" : "");
  if (cost->funded) text += *cost->funded ? " (funded)" : " (not funded)";
  return text;
}

// The NHS 5x5 risk matrix's bands of a score.
std::string risk_band(int score) {
  if (score >= 15) return "Extreme";
  if (score >= 8) return "High";
  if (score >= 4) return "Moderate";
  return "Low";
}

std::string item_names(const ActionRow& row) {
  std::vector<std::string> names;
  for (const FrameworkItem* item : row.items) names.push_back(item->title);
  if (row.action->updates_plan && !names.empty()) return "To add actions for: " + join(names, "; ");
  return join(names, "; ");
}

// "Latest update" in the progress tables: what was last recorded, and what the reader must
// know beside it (completed when, re-planned from when, declared otherwise than shown). An
// action with nothing recorded shows a dash; the sentence above the table says so once.
std::string progress_text(const SystemView& view, size_t index, bool mark_unreported) {
  const ActionRow& row = view.rows[index];
  const Action& a = *row.action;
  std::vector<std::string> parts;
  if (row.rag.brag == Brag::kBlue && a.completed)
    parts.push_back(fmt::format("Completed {}.", display(a.completed->value)));
  if (row.contradicts) {
    std::string declared(name_of(row.state.status));
    std::replace(declared.begin(), declared.end(), '-', ' ');
    // Dated when a later paper reads it: "Lead's last report: on track (April 2025)", never
    // as if the lead said so today.
    const Update* said = a.newest_update(Action::UpdateKind::kStatus, view.as_of);
    if (said && said->date && display(said->date->value) != display(view.paper_date()))
      parts.push_back(
          fmt::format("Lead's last report: {} ({}).", declared, display(said->date->value)));
    else
      parts.push_back(fmt::format("Reported by its lead as {}.", declared));
  }
  if (mark_unreported && row.state.status == Status::kNotReported)
    parts.push_back("Status not reported.");
  // Reported on track but Amber: the colour's reason, which is the missing date.
  if (!row.contradicts && row.rag.why == RagWhy::kDueTbc && row.state.status == Status::kOnTrack &&
      row.rag.brag == Brag::kAmber)
    parts.push_back("Reported on track; Amber until it has a due date.");
  if (row.replanned && row.state.baseline)
    parts.push_back(fmt::format("Re-planned from {}.", display(*row.state.baseline)));
  if (row.latest) {
    parts.push_back(
        row.latest->note.empty()
            ? fmt::format("Updated {}.", display(row.latest->date->value))
            : fmt::format("{}: {}", display(row.latest->date->value), row.latest->note));
  }
  return parts.empty() ? std::string(kNothing) : join(parts, " ");
}

// Whether a progress cell should say "Status not reported": only where the organisation's
// other actions have statuses, so that a plan with none says it once, above its tables.
bool mark_unreported(const SystemView& view, size_t index) {
  const ActionRow& row = view.rows[index];
  if (row.state.status != Status::kNotReported) return false;
  for (const OrgView& org : view.orgs) {
    if (org.plan != row.plan) continue;
    for (size_t r : org.actions.rows) {
      const ActionRow& other = view.rows[r];
      if (!other.state.complete() && other.state.status != Status::kNotReported) return true;
    }
  }
  return false;
}

json action_json(const SystemView& view, size_t index) {
  const ActionRow& row = view.rows[index];
  const Action& a = *row.action;
  std::string lead = join_values(a.lead, ", ");
  if (!a.owner.empty()) lead += (lead.empty() ? "" : ": ") + a.owner;
  return {{"org", row.org},
          {"id", row.id},
          {"title", a.title ? a.title->value : ""},
          {"group", a.group ? a.group->value : ""},
          {"lead", lead},
          {"timeframe", a.timeframe ? capitalised(a.timeframe->value) : ""},
          {"due", due_text(row)},
          {"baseline_due", a.baseline_due ? display(a.baseline_due->value) : ""},
          {"declared", a.status ? std::string(name_of(row.state.status)) : ""},
          {"reason", row.rag.reason},
          {"brag", action_brag_json(row)},
          {"contradicts", row.contradicts},
          {"overdue", row.overdue},
          {"completed", a.completed && row.state.complete() ? display(a.completed->value) : ""},
          {"cost", cost_text(a.cost)},
          {"addresses", item_names(row)},
          {"progress", progress_text(view, index, mark_unreported(view, index))}};
}

// Actions that several organisations hold in the same words, at the same status and date,
// with the same latest update (a trust's share of a system-wide ask): shown once, naming
// every organisation, instead of once per organisation.
struct SharedAction {
  std::vector<size_t> rows;  // one per organisation, in view order
};

std::string share_key(const SystemView& view, size_t r) {
  const ActionRow& row = view.rows[r];
  const Action& a = *row.action;
  return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", a.title ? a.title->value : "",
                     a.group ? a.group->value : "", due_text(row), name_of(row.rag.brag),
                     progress_text(view, r, false));
}

std::vector<SharedAction> shared_actions(const SystemView& view) {
  std::map<std::string, SharedAction> by_key;
  std::vector<std::string> order;
  for (size_t r = 0; r < view.rows.size(); ++r) {
    const std::string key = share_key(view, r);
    auto [it, fresh] = by_key.try_emplace(key);
    if (fresh) order.push_back(key);
    it->second.rows.push_back(r);
  }
  std::vector<SharedAction> shared;
  for (const std::string& key : order) {
    const SharedAction& s = by_key[key];
    std::set<std::string> orgs;
    for (size_t r : s.rows) orgs.insert(view.rows[r].org);
    if (orgs.size() >= 2 && orgs.size() == s.rows.size()) shared.push_back(s);
  }
  return shared;
}

json shared_json(const SystemView& view, const SharedAction& s) {
  json j = action_json(view, s.rows.front());
  std::vector<std::string> orgs, ids;
  bool same_id = true;
  for (size_t r : s.rows) {
    orgs.push_back(view.rows[r].org);
    ids.push_back(view.rows[r].id);
    same_id = same_id && view.rows[r].id == view.rows[s.rows.front()].id;
  }
  j["org"] = join(orgs);
  j["lead"] = join(orgs);
  if (!same_id) {
    std::vector<std::string> qualified;
    for (size_t r : s.rows) qualified.push_back(view.rows[r].org + " " + view.rows[r].id);
    j["id"] = join(qualified, "; ");
  }
  return j;
}

// What a paper says of an answer: its words, else "Not stated", whether the plan says that
// its source does not state it or says nothing (the return tells these apart).
std::string answer_words(const Answer& a) {
  return a.answered() ? a.words : std::string(kNotStatedWords);
}

json meeting_json(const SystemView& view) {
  const BoardMeeting* m = view.meeting;
  if (!m) return false;
  std::vector<std::string> purposes;
  for (const auto& p : m->purpose) purposes.push_back(capitalised(p.value));
  return {{"body", m->body},
          {"date", display_long(m->date->value)},
          {"public", m->is_public ? (*m->is_public ? "Public" : "Private") : ""},
          {"agenda_item", m->agenda_item},
          {"title", m->title},
          {"purpose", join(purposes, "; ")},
          {"presented_by", m->presented_by},
          {"previously_considered", join_values(m->previously_considered, "; ")},
          {"assurance", answer_words(view.board.assurance)},
          {"risks", m->risks},
          {"financial_implications", m->financial_implications},
          {"equality_impact", m->equality_impact},
          {"patient_involvement", m->patient_involvement}};
}

std::string default_title(const SystemView& view) {
  if (view.meeting && !view.meeting->title.empty()) return view.meeting->title;
  return "Intensive and assertive community mental health care: action plan update";
}

json row_of(const std::string& label, const std::string& value) {
  return {{"label", label}, {"value", value}};
}

// Page one's first table: where the paper goes, what it asks and the assurance it offers.
json cover_rows(const SystemView& view, const json& meeting) {
  json rows = json::array();
  auto add = [&](const std::string& label, const std::string& value) {
    if (!value.empty()) rows.push_back(row_of(label, value));
  };
  if (meeting.is_object()) {
    add("Meeting",
        meeting["body"].get<std::string>() + (meeting["public"] == "Public" ? " (in public)" : ""));
    add("Date of meeting", meeting["date"]);
    add("Agenda item", meeting["agenda_item"]);
  } else {
    add("Meeting", kToBeConfirmed);
  }
  add("Report title", default_title(view));
  // With no meeting, the paper's own recommendations ask the board to note, and to discuss
  // the requests they make of the leads, when they make any: nothing is put for approval.
  const std::vector<std::string> asks = recommendations(view);
  const bool requests = std::any_of(asks.begin(), asks.end(),
                                    [](const std::string& a) { return a.rfind("Ask ", 0) == 0; });
  const std::string purpose = meeting.is_object() ? meeting["purpose"].get<std::string>()
                              : requests          ? "Note; Discuss"
                                                  : "Note";
  add("Purpose", purpose.empty() ? std::string(kNotStatedWords) : purpose);
  add("Level of assurance offered",
      meeting.is_object() ? meeting["assurance"].get<std::string>() : kToBeConfirmed);
  add("Status as of", display_long(view.shown_as_of()));
  if (view.period) {
    add("Reporting period",
        view.period->local()
            ? fmt::format("{} (a local reporting round, due {})", month_year(view.period->due),
                          display_long(view.period->due))
            : fmt::format("{} (return to NHS England and public board update due {})",
                          month_year(view.period->due), display_long(view.period->due)));
  }
  return rows;
}

// "NHS X ICB Board, 1 May 2025": the lead plan's meetings held before the paper's own, the
// latest first, where the cover does not say what saw the paper before.
std::string earlier_meetings(const SystemView& view) {
  std::vector<std::string> seen;
  const Date day = view.paper_date();
  for (auto it = view.journey.rbegin(); it != view.journey.rend() && seen.size() < 2; ++it) {
    const BoardMeeting& m = *it->meeting;
    if (it->org != view.orgs.front().label || !it->held() || m.date->value >= day) continue;
    if (&m == view.meeting) continue;
    seen.push_back(fmt::format("{}, {}", m.body, display_long(m.date->value)));
  }
  return join(seen, "; ");
}

// The rest of the cover sheet: who, where it has been, and the implications. The rows a
// board expects are never blank: "Not stated" where the plans do not say.
json cover_details(const SystemView& view, const json& meeting) {
  json rows = json::array();
  auto add = [&](const std::string& label, const std::string& value) {
    if (!value.empty()) rows.push_back(row_of(label, value));
  };
  auto always = [&](const std::string& label, const std::string& value) {
    rows.push_back(row_of(label, value.empty() ? std::string(kNotStatedWords) : value));
  };
  const Plan& lead = *view.lead;
  always("Executive sponsor", person_line(lead.sro));
  always("Report author", person_line(lead.author));
  const bool has_meeting = meeting.is_object();
  auto field = [&](const char* key) {
    return has_meeting ? meeting[key].get<std::string>() : std::string();
  };
  add("Presented by", field("presented_by"));
  const std::string before = field("previously_considered");
  always("Previously considered by", before.empty() ? earlier_meetings(view) : before);
  const BoardMeeting* m = view.meeting;
  if (!m) {
    // A paper for a period with no meeting yet: what the plans say of risk and money, and the
    // boxes only the meeting's author can fill marked to be confirmed, never "not stated".
    const size_t open = std::count_if(view.risks.begin(), view.risks.end(),
                                      [](const RiskRow& r) { return r.open; });
    add("Risks", open == 0 ? std::string("No risk to delivery is open.")
                           : fmt::format("{}, set out with {} mitigations in the risks section.",
                                         capitalised(count_of(static_cast<int>(open), "open risk")),
                                         open == 1 ? "its" : "their"));
    add("Financial implications",
        view.finance.system.any() || view.finance.estimate
            ? std::string("Set out in the finance section, and summarised in the key points.")
        : view.finance.unpriced_estimate
            ? std::string("No action in the plans has a cost; the plans record that a cost "
                          "estimate went to NHS England, but not its figure.")
            : std::string("No action in the plans has a cost."));
    for (const char* label :
         {"Equality and inequalities", "Quality impact", "Legal and regulatory"})
      add(label, kToBeConfirmed);
    return rows;
  }
  always("Risks", field("risks"));
  always("Financial implications", field("financial_implications"));
  always("Equality and inequalities", field("equality_impact"));
  add("Patient and public involvement", field("patient_involvement"));
  always("Quality impact", m->quality_impact);
  always("Legal and regulatory", m->legal_regulatory);
  add("Classification", m->classification ? (m->classification->value == "public"
                                                 ? std::string("For the meeting in public")
                                                 : std::string("For the meeting in private"))
                                          : std::string());
  add("Strategic objectives", join_values(m->strategic_objectives, "; "));
  add("Conflicts of interest", m->conflicts_of_interest);
  add("Impact assessments", m->impact_assessment);
  add("Data protection", m->data_protection);
  return rows;
}

json change_row(const std::string& label, size_t n) {
  return {{"label", label}, {"count", n}, {"cell", count_cell(n)}};
}

json summary_json(const SystemView& view) {
  json changes = json::array();
  if (view.since) {
    changes.push_back(change_row("Completed", view.completed_in_period.size()));
    changes.push_back(change_row("Became overdue", view.overdue_in_period.size()));
    changes.push_back(change_row("Slipped to a later date", view.slipped.size()));
    if (view.records_added()) {
      changes.push_back(change_row("New actions", view.new_actions.size()));
    } else {
      json row = change_row("New actions", 0);
      row["cell"] = "Not recorded";
      changes.push_back(row);
    }
    changes.push_back(change_row("Risks closed", view.closed_risks.size()));
  }
  changes.push_back(change_row("Re-planned later than first agreed", view.replanned.size()));
  changes.push_back(change_row("Overdue now", view.overdue.size()));
  json j{{"paragraphs", json::array()},
         {"totals", counts_json(view.all.counts)},
         {"changes", changes}};
  for (const std::string& p : summary_paragraphs(view)) j["paragraphs"].push_back({{"text", p}});
  return j;
}

json texts_json(const std::vector<std::string>& texts) {
  json list = json::array();
  for (const std::string& t : texts) list.push_back({{"text", t}});
  return list;
}

// Progress, as each plan groups its actions: each action once, organisation by
// organisation, with actions several organisations share in the same words shown once
// before them.
// Whether every open action of the organisation with no update shows a dash for it.
bool dashes_only(const SystemView& view, const OrgView& org) {
  for (size_t r : org.never_updated) {
    if (progress_text(view, r, mark_unreported(view, r)) != kNothing) return false;
  }
  return true;
}

json progress_json(const SystemView& view, const std::vector<SharedAction>& shared, json& common) {
  std::set<size_t> in_shared;
  common = json::array();
  for (const SharedAction& s : shared) {
    common.push_back(shared_json(view, s));
    in_shared.insert(s.rows.begin(), s.rows.end());
  }
  json orgs = json::array();
  for (const OrgView& org : view.orgs) {
    json groups = json::array();
    for (const GroupView& g : org.groups) {
      json actions = json::array();
      for (size_t r : g.actions.rows) {
        if (!in_shared.count(r)) actions.push_back(action_json(view, r));
      }
      if (actions.empty()) continue;
      groups.push_back({{"name", g.name}, {"actions", actions}});
    }
    const bool named_groups = std::any_of(groups.begin(), groups.end(), [](const json& g) {
      return !g["name"].get<std::string>().empty();
    });
    for (json& g : groups) {
      g["show_name"] = named_groups;
      if (g["name"] == "") g["name"] = "Other actions";
    }
    orgs.push_back(
        {{"name", org.name},
         {"label", org.label},
         {"label_shown", label_shown(org.name, org.label)},
         {"show_org", view.orgs.size() > 1},
         {"quiet", text_or_false(never_updated_sentence(org, view, dashes_only(view, org)))},
         {"incomplete", text_or_false(org.plan->incomplete)},
         {"queried", text_or_false(queried_due_sentence(view, &org))},
         {"groups", groups},
         {"has_actions", !groups.empty()}});
  }
  return orgs;
}

json coverage_json(const SystemView& view) {
  json list = json::array();
  for (const FrameworkView& f : view.frameworks) {
    json items = json::array();
    for (const ItemView& i : f.items) {
      json expectations = json::array();
      for (const FrameworkItem* e : i.uncovered_expectations) expectations.push_back(e->title);
      items.push_back(
          {{"title", i.item->title},
           {"gap", i.gap()},
           {"count", count_cell(i.actions.rows.size())},
           {"counts", counts_json(i.actions.counts)},
           {"missing", i.uncovered_expectations.size()},
           {"missing_cell",
            i.expectations > 0
                ? fmt::format("{} of {}", i.uncovered_expectations.size(), i.expectations)
                : std::string(kNothing)}});
    }
    const bool any_expectations = std::any_of(f.items.begin(), f.items.end(),
                                              [](const ItemView& i) { return i.expectations > 0; });
    list.push_back({{"title", f.framework->title},
                    {"source", text_or_false(f.framework->source_document)},
                    {"covered", f.covered()},
                    {"count", f.items.size()},
                    {"items", items},
                    {"show_expectations", any_expectations}});
  }
  return list;
}

// Appendix B: for each framework item, the actions that address it, by id.
json coverage_index_json(const SystemView& view, const std::vector<SharedAction>& shared) {
  // An action several organisations share is named once: "REV-01 (CNTW, GHFT)".
  std::map<size_t, const SharedAction*> share_of;
  for (const SharedAction& s : shared) {
    for (size_t r : s.rows) share_of[r] = &s;
  }
  json list = json::array();
  for (const FrameworkView& f : view.frameworks) {
    json items = json::array();
    for (const ItemView& i : f.items) {
      std::vector<std::string> ids;
      std::set<const SharedAction*> named;
      for (size_t r : i.actions.rows) {
        auto s = share_of.find(r);
        if (s == share_of.end()) {
          ids.push_back(action_label(view, r));
        } else if (named.insert(s->second).second) {
          const json j = shared_json(view, *s->second);
          ids.push_back(
              fmt::format("{} ({})", j["id"].get<std::string>(), j["org"].get<std::string>()));
        }
      }
      std::string actions = join(ids);
      if (i.gap()) {
        actions = i.planned_by.empty() ? std::string("None: a gap")
                                       : "None yet: " + planners_text(view, i.planned_by, "it");
      }
      // The expectations the summary counts as open, named here.
      if (!i.uncovered_expectations.empty()) {
        std::vector<std::string> open;
        for (const FrameworkItem* e : i.uncovered_expectations) {
          std::string t = e->title;
          if (!t.empty() && t.back() == '.') t.pop_back();
          open.push_back(t);
        }
        actions +=
            fmt::format("{}No action yet for: {}.", actions.empty() ? "" : ". ", join(open, "; "));
      }
      items.push_back({{"title", i.item->title}, {"actions", actions}});
    }
    list.push_back({{"title", f.framework->title}, {"items", items}});
  }
  return list;
}

// A risk's mitigating actions, each with where it stands when that is news: a mitigation
// resting on an overdue action is no mitigation the board should take on trust.
std::string mitigating_actions(const SystemView& view, const RiskRow& risk) {
  std::vector<std::string> named;
  for (const auto& id : risk.risk->actions) {
    auto row = std::find_if(view.rows.begin(), view.rows.end(), [&](const ActionRow& a) {
      return a.plan == risk.plan && a.id == id.value;
    });
    if (row == view.rows.end()) {
      named.push_back(id.value);
    } else if (row->overdue) {
      named.push_back(id.value + " (overdue)");
    } else if (row->state.complete()) {
      named.push_back(id.value + " (complete)");
    } else {
      named.push_back(id.value);
    }
  }
  return join(named, ", ");
}

json risks_json(const SystemView& view) {
  json list = json::array();
  // Highest score first; unscored risks last, in plan order.
  std::vector<const RiskRow*> sorted;
  for (const RiskRow& r : view.risks) sorted.push_back(&r);
  std::stable_sort(sorted.begin(), sorted.end(), [](const RiskRow* a, const RiskRow* b) {
    return a->risk->score().value_or(0) > b->risk->score().value_or(0);
  });
  for (const RiskRow* rp : sorted) {
    const RiskRow& r = *rp;
    const Risk& risk = *r.risk;
    auto num = [](const std::optional<Located<int>>& v) {
      return v ? std::to_string(v->value) : std::string(kNothing);
    };
    const std::optional<int> score = risk.score();
    list.push_back({{"org", r.org},
                    {"id", risk.id ? risk.id->value : ""},
                    {"title", risk.title ? risk.title->value : ""},
                    {"likelihood", num(risk.likelihood)},
                    {"impact", num(risk.impact)},
                    {"score", score ? fmt::format("{} {}", *score, risk_band(*score))
                                    : std::string("Not scored")},
                    {"register_ref", risk.register_ref},
                    {"owner", risk.owner},
                    {"mitigations", join_values(risk.mitigations, "; ")},
                    {"actions", mitigating_actions(view, r)},
                    {"state", r.open ? "Open" : "Closed"}});
  }
  return list;
}

// The national milestones known at the as-of date, each with what the plans record of it:
// for one that asks for a meeting in public or a submission, each organisation's record;
// else whether its date has passed.
json timeline_json(const SystemView& view) {
  json list = json::array();
  for (const Milestone* m : view.milestones) {
    std::vector<std::string> records;
    for (const MilestoneCheck& c : view.compliance) {
      if (c.milestone != m) continue;
      const std::string result = milestone_result(c, view);
      // A submission milestone is the system's alone; a report beside the boards is named.
      records.push_back(c.org == "System" && !c.report ? result
                                                       : fmt::format("{}: {}", c.org, result));
    }
    const std::string state = kNothing;  // a milestone that asks nothing of systems
    list.push_back({{"date", display(m->date)},
                    {"title", m->title},
                    {"state", m->date <= view.as_of ? "Passed" : "Ahead"},
                    {"asks", !records.empty()},
                    {"record", records.empty() ? state : join(records, "; ")}});
  }
  return list;
}

json appendix_json(const SystemView& view, const std::vector<SharedAction>& shared) {
  std::set<size_t> in_shared;
  for (const SharedAction& s : shared) in_shared.insert(s.rows.begin(), s.rows.end());
  json list = json::array();
  auto finish = [](json& oj) {
    oj["has_actions"] = !oj["actions"].empty();
    // Each table drops the columns its own actions leave empty.
    const json shown = columns_shown(oj["actions"], {"group", "cost", "timeframe"});
    oj["show_group"] = shown["group"];
    oj["show_cost"] = shown["cost"];
    oj["show_timeframe"] = shown["timeframe"];
  };
  if (!shared.empty()) {
    std::set<std::string> orgs;
    for (const SharedAction& s : shared) {
      for (size_t r : s.rows) orgs.insert(view.rows[r].org);
    }
    json oj{{"org", join(orgs)},
            {"name", "Actions held in the same words by several organisations"},
            {"label_shown", true},
            {"actions", json::array()}};
    for (const SharedAction& s : shared) oj["actions"].push_back(shared_json(view, s));
    finish(oj);
    list.push_back(std::move(oj));
  }
  for (const OrgView& org : view.orgs) {
    json oj{{"org", org.label},
            {"name", org.name},
            {"label_shown", label_shown(org.name, org.label)},
            {"is_icb", org.is_icb},
            {"counts", counts_json(org.actions.counts)},
            {"actions", json::array()}};
    for (size_t r : org.actions.rows) {
      if (!in_shared.count(r)) oj["actions"].push_back(action_json(view, r));
    }
    finish(oj);
    list.push_back(std::move(oj));
  }
  return list;
}

// The narrative, organisation by organisation: the text written for this paper, or the
// latest written before it under a note of when.
json narrative_json(const SystemView& view) {
  struct Part {
    const char* title;
    std::string Narrative::*text;
  };
  static const Part kParts[] = {
      {"Key points from the report's author", &Narrative::key_points},
      {"Background", &Narrative::background},
      {"Local position", &Narrative::local_position},
      {"What the review found: good practice", &Narrative::good_practice},
      {"What the review found: challenges", &Narrative::challenges},
      {"Who is in scope", &Narrative::cohort_definition},
  };
  json list = json::array();
  for (const OrgView& org : view.orgs) {
    if (!org.narrative) continue;
    json parts = json::array();
    for (const Part& part : kParts) {
      const std::string& text = org.narrative->*part.text;
      if (trim(text).empty()) continue;
      parts.push_back({{"title", part.title}, {"text_md", escape_markdown_block(text)}});
    }
    if (parts.empty()) continue;
    const std::string note = narrative_note(org, view);
    list.push_back({{"org", org.name},
                    {"show_org", view.orgs.size() > 1},
                    {"note", note.empty() ? json(false) : json(note + ".")},
                    {"parts", parts}});
  }
  return list;
}

// The finance table's "Not funded" cell: the unfunded amount, and the actions marked not
// funded whose cost is still to be found, so the cell agrees with the sentence naming them.
std::string gap_cell(const CostTotals& t) {
  const double pounds = t.unfunded_one_off + t.unfunded_recurrent + t.unfunded_unsaid;
  std::vector<std::string> parts;
  if (pounds > 0) parts.push_back(money(pounds));
  if (t.unfunded_unpriced > 0)
    parts.push_back(fmt::format("{} costed, figure not given", t.unfunded_unpriced));
  if (t.unfunded_tbc > 0) parts.push_back(fmt::format("{} not yet costed", t.unfunded_tbc));
  return parts.empty() ? std::string(kNothing) : join(parts, " and ");
}

json finance_json(const SystemView& view) {
  const FinanceView& f = view.finance;
  auto row = [](const std::string& label, const CostTotals& t) {
    auto amount = [](double pounds) { return pounds > 0 ? money(pounds) : kNothing; };
    return json{{"label", label},
                {"one_off", amount(t.one_off)},
                {"recurrent", amount(t.recurrent)},
                {"unsaid", amount(t.unsaid)},
                {"gap", gap_cell(t)},
                {"tbc", count_cell(static_cast<size_t>(t.tbc))}};
  };
  // One row per organisation with costs: the rows add up to the system's.
  json items = json::array();
  for (size_t i = 0; i < view.orgs.size() && i < f.orgs.size(); ++i) {
    if (f.orgs[i].any()) items.push_back(row(view.orgs[i].name, f.orgs[i]));
  }
  // Named by title, not id: the appendix's cost column marks each "(not funded)" too.
  std::vector<std::string> unfunded;
  for (size_t r : f.unfunded) {
    const ActionRow& row = view.rows[r];
    const Cost& cost = *row.action->cost;
    std::string amount =
        cost.kind == Cost::Kind::kNotStated
            ? std::string("costed; the plans do not give the figure")
        : cost.kind != Cost::Kind::kTbc
            ? money(cost.amount) + (cost.recurrent.value_or(false) ? " a year" : "")
        : row.state.complete() ? std::string("complete; its cost was not recorded")
                               : std::string("cost to be confirmed");
    // The plan's own note says what "not funded" means for it ("funded only until March
    // 2025"), where the word alone would overstate.
    if (!cost.note.empty()) {
      std::string note = uncapitalised(cost.note);
      if (note.back() == '.') note.pop_back();
      amount += "; " + note;
    }
    const std::string title = uncapitalised(row.action->title ? row.action->title->value : row.id);
    unfunded.push_back(view.orgs.size() > 1 ? fmt::format("{} ({}: {})", title, row.org, amount)
                                            : fmt::format("{} ({})", title, amount));
  }
  const std::string unfunded_sentence =
      unfunded.empty()
          ? ""
          : fmt::format("{} marked not funded, as the appendix's cost column shows: {}.",
                        count_of(static_cast<int>(unfunded.size()), "action is", "actions are"),
                        join(unfunded, "; "));
  return {{"has_finance", f.system.any() || f.estimate != nullptr},
          {"has_table", f.system.any() && view.orgs.size() > 1},
          // A column for costs whose plans do not say whether they recur, only when there are.
          {"has_unsaid", f.system.unsaid > 0},
          {"items", items},
          {"system", row("System", f.system)},
          {"sentences", texts_json(finance_sentences(view))},
          {"unfunded", unfunded_sentence},
          {"has_unfunded", !unfunded_sentence.empty()}};
}

std::string meeting_state_words(MeetingState s) {
  switch (s) {
    case MeetingState::kHeld:
      return "Held";
    case MeetingState::kPlanned:
      return "Planned";
    case MeetingState::kUnconfirmed:
      return "Planned; not recorded as held";
    case MeetingState::kPostponed:
      return "Postponed";
    case MeetingState::kCancelled:
      return "Cancelled";
  }
  return "";
}

json journey_json(const SystemView& view) {
  json rows = json::array();
  for (const JourneyRow& j : view.journey) {
    const BoardMeeting& m = *j.meeting;
    std::string purpose;
    for (const auto& p : m.purpose) purpose += (purpose.empty() ? "" : "; ") + capitalised(p.value);
    rows.push_back({{"org", j.org},
                    {"body", m.body},
                    {"date", display(m.date->value)},
                    {"public", m.is_public ? (*m.is_public ? "Yes" : "No") : "Not stated"},
                    {"purpose", purpose},
                    // The paper's own meeting has not sat when the paper is written.
                    {"state", j.meeting == view.meeting ? std::string("This meeting")
                                                        : meeting_state_words(j.state)}});
  }
  return rows;
}

// The DNA-discharge assurance, organisation by organisation, as the return gives it.
// Whether `text` names `id` as a word of its own ("SMI-10", not "SMI-101").
bool names_id(const std::string& text, const std::string& id) {
  auto part_of_id = [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_';
  };
  for (size_t at = text.find(id); at != std::string::npos; at = text.find(id, at + 1)) {
    const size_t end = at + id.size();
    if ((at == 0 || !part_of_id(text[at - 1])) && (end == text.size() || !part_of_id(text[end])))
      return true;
  }
  return false;
}

// "SMI-10, due 30 Jan 2025, is now overdue.": what has become of the actions an evidence
// note names, where the note's own words have been overtaken (the action is overdue or
// done); "" when none has.
std::string named_actions_now(const SystemView& view, const OrgView& org, const std::string& note) {
  std::vector<const ActionRow*> named;
  for (size_t r : org.actions.rows) {
    const ActionRow& row = view.rows[r];
    if (row.id.size() >= 2 && names_id(note, row.id)) named.push_back(&row);
  }
  std::vector<std::string> said;
  for (const ActionRow* row : named) {
    // The note names the action already; with one, "the action it names" says which.
    const std::string which = named.size() == 1 ? std::string("The action it names") : row->id;
    if (row->state.complete()) {
      said.push_back(row->action->completed ? fmt::format("{} was completed in {}.", which,
                                                          month_year(row->action->completed->value))
                                            : fmt::format("{} is now complete.", which));
    } else if (row->overdue && row->state.due) {
      said.push_back(fmt::format("{}, due {}, is now overdue.", which, display(*row->state.due)));
    }
  }
  return join(said, " ");
}

json dna_json(const SystemView& view) {
  json rows = json::array();
  for (const OrgView& org : view.orgs) {
    std::string note = org.dna.note.empty() ? std::string(kNothing) : org.dna.note;
    if (const std::string when = dna_reported(org, view); !when.empty() && !org.dna.note.empty())
      note = capitalised(when) + ": " + note;
    if (const std::string now = named_actions_now(view, org, org.dna.note); !now.empty())
      note += " " + now;
    rows.push_back({{"org", org.name},
                    {"policy", answer_words(org.dna.policy)},
                    {"practice", answer_words(org.dna.practice)},
                    {"note", note}});
  }
  return rows;
}

// "Last value 31 Mar 2025, before this period (from 30 Jun 2025).": when a stale measure
// was last updated, and that it was before the period the paper reports on.
std::string stale_note(const MeasureRow& m, Date since) {
  if (m.values.empty()) return fmt::format("No value yet; this period is from {}.", display(since));
  const Date last = m.values.back().date;
  if (last == since)
    return fmt::format("Last value {}, when this period began; none since.", display(last));
  return fmt::format("Last value {}, before this period (from {}).", display(last), display(since));
}

json measures_json(const SystemView& view) {
  json rows = json::array();
  for (size_t i = 0; i < view.measures.size(); ++i) {
    const MeasureRow& m = view.measures[i];
    auto value = [&](double v) {
      return format_number(v) + (m.measure->unit.empty()  ? ""
                                 : m.measure->unit == "%" ? "%"
                                                          : " " + m.measure->unit);
    };
    const bool has = !m.values.empty();
    std::string note = has ? m.values.back().note : "";
    // A measure is stale only against a period's start (view.since).
    if (m.stale && view.since) note = stale_note(m, *view.since) + (note.empty() ? "" : " " + note);
    rows.push_back({{"org", m.org},
                    {"title", m.measure->title},
                    {"latest", has ? value(m.values.back().value) : "No value yet"},
                    {"as_at", has ? json(display(m.values.back().date)) : json(false)},
                    {"target", m.measure->target ? value(*m.measure->target) : ""},
                    {"chart", measure_chart_file(i)},
                    {"stale", m.stale},
                    {"note", text_or_false(note)}});
  }
  return rows;
}

// The system's counts at each past period and now, for "Progress since June 2025".
json trend_json(const SystemView& view) {
  json rows = json::array();
  for (const TrendPoint& p : view.trend) {
    const bool now = &p == &view.trend.back();
    rows.push_back({{"label", now ? "Now (" + display(p.date) + ")"
                                  : fmt::format("End of the {} reporting period ({})",
                                                month_year(p.date), display(p.date))},
                    {"now", now},
                    {"counts", counts_json(p.counts)}});
  }
  return rows;
}

}  // namespace

json paper_context(const SystemView& view, const PaperSettings& settings) {
  const Organisation& org = view.lead->organisation;
  json meeting = meeting_json(view);
  json c;
  c["title"] = default_title(view);
  c["system"] = view.name;
  c["organisation"] = {{"name", org.name ? org.name->value : view.name},
                       {"short", org.label()},
                       {"code", org.code ? org.code->value : ""},
                       {"is_icb", view.lead->is_icb()}};
  c["as_of"] = display_long(view.shown_as_of());
  c["as_of_iso"] = view.as_of.iso();
  c["period"] = view.period ? json{{"id", view.period->id},
                                   {"name", month_year(view.period->due)},
                                   {"due", display_long(view.period->due)},
                                   {"title", view.period->title},
                                   {"local", view.period->local()}}
                            : json(false);
  c["previous_period"] = view.previous ? json{{"id", view.previous->id},
                                              {"name", month_year(view.previous->due)},
                                              {"due", display_long(view.previous->due)}}
                                       : json(false);
  c["since"] = view.since ? json(display_long(*view.since)) : json(false);
  c["meeting"] = meeting;
  c["cover"] = cover_rows(view, meeting);
  c["cover_details"] = cover_details(view, meeting);
  c["sponsor"] = person_line(view.lead->sro);
  c["author"] = person_line(view.lead->author);
  c["recommendations"] = texts_json(recommendations(view));
  c["key_points"] = texts_json(key_points(view));
  c["summary"] = summary_json(view);
  c["organisations"] = json::array();
  for (const OrgView& o : view.orgs) {
    c["organisations"].push_back({{"label", o.label},
                                  {"name", o.name},
                                  {"label_shown", label_shown(o.name, o.label)},
                                  {"counts", counts_json(o.actions.counts)}});
  }
  c["multiple_organisations"] = view.orgs.size() > 1;
  c["totals"] = counts_json(view.all.counts);
  c["chart"] = settings.chart_file;
  const std::vector<SharedAction> shared = shared_actions(view);
  json common;
  c["progress"] = progress_json(view, shared, common);
  c["progress_intro"] = text_or_false(progress_intro(view));
  c["common_actions"] = common;
  c["has_common_actions"] = !common.empty();
  c["coverage"] = coverage_json(view);
  c["has_coverage"] = !view.frameworks.empty();
  c["coverage_index"] = coverage_index_json(view, shared);
  c["risks"] = risks_json(view);
  c["risk_columns"] =
      columns_shown(c["risks"], {"register_ref", "likelihood", "impact", "mitigations", "actions"});
  c["risk_columns"]["score"] =
      std::any_of(view.risks.begin(), view.risks.end(),
                  [](const RiskRow& r) { return r.risk->score().has_value(); });
  c["has_risks"] = !view.risks.empty();
  c["timeline"] = timeline_json(view);
  c["next_due"] = json::array();
  for (size_t r : view.next_due) c["next_due"].push_back(action_json(view, r));
  c["has_next_due"] = !view.next_due.empty();
  c["appendix"] = appendix_json(view, shared);
  c["narratives"] = narrative_json(view);
  c["has_narrative"] = !c["narratives"].empty();
  c["finance"] = finance_json(view);
  c["journey"] = journey_json(view);
  c["journey_columns"] = columns_shown(c["journey"], {"purpose"});
  c["has_journey"] = !view.journey.empty();
  c["dna"] = dna_json(view);
  c["trend"] = trend_json(view);
  c["has_trend"] = view.shows_trend();
  c["trend_since"] = view.trend.empty() ? "" : month_year(view.trend.front().date);
  c["trend_chart"] = kTrendChartFile;
  c["measures"] = measures_json(view);
  c["measure_columns"] = columns_shown(c["measures"], {"target", "note"});
  c["has_measures"] = !view.measures.empty();
  c["brag_key"] = json::array();
  for (Brag b : kBragOrder) {
    json k = brag_json(b);
    k["meaning"] = kMeanings[static_cast<size_t>(b)];
    c["brag_key"].push_back(std::move(k));
  }
  if (c["progress_intro"] != false) {  // some colour comes from the dates alone
    c["brag_key"].push_back(
        {{"cell_md", "(no status)"},
         {"meaning",
          "after a colour: its lead reported no status, so the colour comes from the due date, "
          "or from having none, alone"}});
  }
  // Filled in by full_paper_context with the terms the rendered paper uses.
  c["glossary"] = json::array();
  c["has_glossary"] = false;
  return c;
}

}  // namespace iact
