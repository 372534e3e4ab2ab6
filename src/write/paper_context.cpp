#include "write/paper_context.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <map>

#include <fmt/format.h>

#include "plan/date.h"
#include "read/table.h"
#include "util/escape.h"
#include "util/text.h"
#include "write/chart.h"

namespace iact {

using nlohmann::json;

std::vector<GlossaryEntry> terms_used(const std::vector<GlossaryEntry>& glossary,
                                      const std::string& text) {
  auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '+'; };
  std::vector<GlossaryEntry> used;
  for (const GlossaryEntry& e : glossary) {
    if (e.term.empty()) continue;
    for (size_t at = text.find(e.term); at != std::string::npos; at = text.find(e.term, at + 1)) {
      const size_t end = at + e.term.size();
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

// The letter that carries the status in greyscale print, and what each status means.
constexpr std::array<const char*, 5> kLetters = {"B", "R", "A", "G", "N"};
constexpr std::array<const char*, 5> kMeanings = {"complete",
                                                  "off track: overdue, off track or blocked",
                                                  "at risk, re-planned, or with no due date yet",
                                                  "on track", "not yet started, and not due soon"};

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

// A count as a table shows it: a dash for none.
std::string count_cell(size_t n) {
  return n == 0 ? std::string(kNothing) : std::to_string(n);
}

// A count as a sentence says it: "none" for nought.
std::string count_words(int n) {
  return n == 0 ? std::string("none") : std::to_string(n);
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

std::string due_text(const ActionRow& row) {
  const bool dated = row.state.due && row.state.due->is_date();
  if (!dated && row.rag.brag == Brag::kBlue && row.action->completed)
    return "completed " + display(row.action->completed->value);
  return row.state.due ? display(*row.state.due) : "";
}

// £61,000: whole pounds with thousands separated.
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

std::string cost_text(const std::optional<Cost>& cost) {
  if (!cost) return "";
  switch (cost->kind) {
    case Cost::Kind::kNone:
      return "\u2013";  // no cost: nought, a dash as in every table
    case Cost::Kind::kTbc:
    case Cost::Kind::kAmount:
      break;
  }
  std::string text = cost->kind == Cost::Kind::kTbc
                         ? std::string("TBC")
                         : money(cost->amount) + (cost->recurrent ? " a year" : "");
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

json action_json(const SystemView& view, size_t index) {
  const ActionRow& row = view.rows[index];
  const Action& a = *row.action;
  json j{{"org", row.org},
         {"id", row.id},
         {"title", a.title ? a.title->value : ""},
         {"group", a.group ? a.group->value : ""},
         {"lead", join_values(a.lead, ", ")},
         {"owner", a.owner},
         {"due", due_text(row)},
         {"baseline_due", a.baseline_due ? display(a.baseline_due->value) : ""},
         {"declared", a.status ? std::string(name_of(row.state.status)) : ""},
         {"reason", row.rag.reason},
         {"brag", brag_json(row.rag.brag)},
         {"contradicts", row.contradicts},
         {"overdue", row.overdue},
         {"completed", a.completed && row.state.complete() ? display(a.completed->value) : ""},
         {"cost", cost_text(a.cost)}};
  std::vector<std::string> items;
  for (const FrameworkItem* item : row.items) items.push_back(item->id);
  j["addresses"] = join(items);
  if (row.latest) {
    j["latest_update"] =
        row.latest->note.empty()
            ? display(row.latest->date->value)
            : fmt::format("{}: {}", display(row.latest->date->value), row.latest->note);
  } else {
    j["latest_update"] = "";
  }
  std::string progress = j["latest_update"];
  if (progress.empty()) progress = row.rag.brag == Brag::kBlue ? "" : "No update recorded.";
  if (row.rag.brag == Brag::kBlue && a.completed) {
    progress = fmt::format("Completed {}. {}", display(a.completed->value), progress);
  }
  if (row.replanned && row.state.baseline) {
    progress = fmt::format("Re-planned: was {}. {}", display(*row.state.baseline), progress);
  }
  if (row.contradicts) {
    std::string declared = j["declared"];
    std::replace(declared.begin(), declared.end(), '-', ' ');
    progress = fmt::format("Declared {}; shown Red: {}. {}", declared, row.rag.reason, progress);
  }
  j["progress"] = progress;
  return j;
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
          {"assurance", m->assurance ? capitalised(m->assurance->value) : ""},
          {"risks", m->risks},
          {"financial_implications", m->financial_implications},
          {"equality_impact", m->equality_impact},
          {"patient_involvement", m->patient_involvement}};
}

std::string default_title(const SystemView& view) {
  if (view.meeting && !view.meeting->title.empty()) return view.meeting->title;
  return "Intensive and assertive community mental health care: action plan update";
}

// The cover sheet as label/value rows, leaving out what the plans do not say.
json cover_rows(const SystemView& view, const json& meeting) {
  json rows = json::array();
  auto add = [&](const std::string& label, const std::string& value) {
    if (!value.empty()) rows.push_back({{"label", label}, {"value", value}});
  };
  const Plan& lead = *view.lead;
  if (meeting.is_object()) {
    add("Meeting",
        meeting["body"].get<std::string>() + (meeting["public"] == "Public" ? " (in public)" : ""));
    add("Date of meeting", meeting["date"]);
    add("Agenda item", meeting["agenda_item"]);
  } else {
    add("Meeting", "To be confirmed (no board meeting on or after the as-of date)");
  }
  add("Report title", default_title(view));
  if (meeting.is_object()) add("Purpose", meeting["purpose"]);
  add("Executive sponsor", person_line(lead.sro));
  add("Report author", person_line(lead.author));
  if (meeting.is_object()) {
    add("Presented by", meeting["presented_by"]);
    add("Previously considered by", meeting["previously_considered"]);
    add("Level of assurance", meeting["assurance"]);
    add("Risks", meeting["risks"]);
    add("Financial implications", meeting["financial_implications"]);
    add("Equality and inequalities", meeting["equality_impact"]);
    add("Patient and public involvement", meeting["patient_involvement"]);
    const BoardMeeting& m = *view.meeting;
    add("Classification", m.classification ? (m.classification->value == "public"
                                                  ? std::string("For the meeting in public")
                                                  : std::string("For the meeting in private"))
                                           : std::string());
    add("Strategic objectives", join_values(m.strategic_objectives, "; "));
    add("Conflicts of interest", m.conflicts_of_interest);
    add("Legal and regulatory", m.legal_regulatory);
    add("Quality impact", m.quality_impact);
    add("Impact assessments", m.impact_assessment);
    add("Data protection", m.data_protection);
  }
  add("Status as of", display_long(view.as_of));
  if (view.period) {
    add("Reporting period", view.period->local()
                                ? fmt::format("{} (a local reporting round, due {})",
                                              view.period->id, display_long(view.period->due))
                                : fmt::format("{} (return and public board update due {})",
                                              view.period->id, display_long(view.period->due)));
  }
  return rows;
}

std::string orgs_phrase(const SystemView& view) {
  std::vector<std::string> labels;
  for (const OrgView& o : view.orgs) labels.push_back(o.label);
  if (labels.size() == 1) return labels[0];
  const std::string last = labels.back();
  labels.pop_back();
  return fmt::format("{} and {}", join(labels), last);
}

// "Since the 2025-06 return (30 June 2025), 2 actions were completed, none became overdue,
// 1 slipped to a later date and none was added": numbers one way, none for nought.
std::string since_sentence(const SystemView& view, const std::string& since) {
  const size_t completed = view.completed_in_period.size(), overdue = view.overdue_in_period.size(),
               slipped = view.slipped.size(), added = view.new_actions.size();
  if (completed + overdue + slipped + added == 0) {
    return fmt::format(
        "Since {}, no action was completed, became overdue, slipped to a later "
        "date or was added.",
        since);
  }
  auto n = [](size_t k) { return k == 0 ? std::string("none") : std::to_string(k); };
  return fmt::format(
      "Since {}, {} {} completed, {} became overdue, {} slipped to a later date "
      "and {} {} added.",
      since, completed == 0 ? "no action" : count_of(static_cast<int>(completed), "action"),
      completed == 1 || completed == 0 ? "was" : "were", n(overdue), n(slipped), n(added),
      added == 1 || added == 0 ? "was" : "were");
}

// "2 actions declared on track and 1 declared not started have passed their due dates":
// worded by what was declared, never a status the plans did not give.
std::string contradiction_sentence(const SystemView& view) {
  std::map<Status, int> by;
  for (size_t r : view.contradictions) ++by[view.rows[r].state.status];
  std::vector<std::string> parts;
  bool first = true;
  size_t total = 0;
  for (const auto& [status, n] : by) {
    std::string word(name_of(status));
    std::replace(word.begin(), word.end(), '-', ' ');
    parts.push_back(first ? fmt::format("{} declared {}", count_of(n, "action"), word)
                          : fmt::format("{} declared {}", n, word));
    first = false;
    total += static_cast<size_t>(n);
  }
  std::string list = parts.size() == 1
                         ? parts[0]
                         : join(std::vector<std::string>(parts.begin(), parts.end() - 1), ", ") +
                               " and " + parts.back();
  return fmt::format("{} {} passed {} due date{}; this paper shows {} as Red.", list,
                     total == 1 ? "has" : "have", total == 1 ? "its" : "their",
                     total == 1 ? "" : "s", total == 1 ? "it" : "them");
}

// "Costed actions come to £120,000 one-off and £61,000 a year; £61,000 a year is not yet
// funded."
std::string finance_sentence(const CostTotals& t) {
  if (!t.any()) return "";
  std::vector<std::string> amounts;
  if (t.one_off > 0) amounts.push_back(money(t.one_off) + " one-off");
  if (t.recurrent > 0) amounts.push_back(money(t.recurrent) + " a year");
  std::string text = amounts.empty()
                         ? std::string()
                         : fmt::format("The {} with a cost come to {}",
                                       count_of(t.costed, "action"), join(amounts, " and "));
  std::vector<std::string> gap;
  if (t.unfunded_one_off > 0) gap.push_back(money(t.unfunded_one_off) + " one-off");
  if (t.unfunded_recurrent > 0) gap.push_back(money(t.unfunded_recurrent) + " a year");
  if (!gap.empty()) text += fmt::format("; the funding gap is {}", join(gap, " and "));
  if (t.unstated > 0 && !amounts.empty())
    text +=
        fmt::format(" ({} not said to be funded or not)", count_of(t.unstated, "cost", "costs"));
  if (t.tbc > 0) {
    text += fmt::format("{}{} {} still to be costed", text.empty() ? "" : "; ",
                        text.empty() ? count_of(t.tbc, "action") : std::to_string(t.tbc),
                        t.tbc == 1 ? "is" : "are");
    if (t.unfunded_tbc == t.tbc)
      text += t.tbc == 1 ? " and is not yet funded" : " and none of them is yet funded";
    else if (t.unfunded_tbc > 0)
      text += fmt::format(", {} of them not funded", t.unfunded_tbc);
    if (text.front() >= 'a' && text.front() <= 'z') text[0] = static_cast<char>(text[0] - 32);
  }
  return text + ".";
}

// "6 Amber (2 at risk, 3 re-planned, 1 awaiting a due date)": Amber says why, so that
// actions with no date yet are not counted as at risk.
std::string amber_phrase(const SystemView& view) {
  int at_risk = 0, replanned = 0, tbc = 0, soon = 0;
  for (const ActionRow& row : view.rows) {
    if (row.rag.brag != Brag::kAmber) continue;
    switch (row.rag.why) {
      case RagWhy::kAtRisk:
        ++at_risk;
        break;
      case RagWhy::kReplanned:
        ++replanned;
        break;
      case RagWhy::kDueTbc:
        ++tbc;
        break;
      default:
        ++soon;
    }
  }
  const int amber = at_risk + replanned + tbc + soon;
  if (amber == 0) return "no Amber";
  std::vector<std::string> parts;
  if (at_risk) parts.push_back(fmt::format("{} at risk", at_risk));
  if (replanned) parts.push_back(fmt::format("{} re-planned to a later date", replanned));
  if (tbc) parts.push_back(fmt::format("{} awaiting a due date", tbc));
  if (soon) parts.push_back(fmt::format("{} not started and due soon", soon));
  if (parts.size() == 1) return fmt::format("{} Amber ({})", amber, parts[0]);
  return fmt::format("{} Amber ({})", amber, join(parts, ", "));
}

// "Actions address 5 of the 8 items", or "No action yet addresses any of the 8 items".
std::string coverage_words(const FrameworkView& f) {
  if (f.covered() == 0)
    return fmt::format("No action yet addresses any of the {} items", f.items.size());
  return fmt::format("Actions address {} of the {} items", f.covered(), f.items.size());
}

json change_row(const std::string& label, size_t n) {
  return {{"label", label}, {"count", n}, {"cell", count_cell(n)}};
}

json summary_json(const SystemView& view) {
  const BragCounts& c = view.all.counts;
  json paragraphs = json::array();
  std::string totals = fmt::format(
      "The {} {} {} as of {}: {} complete, {} on track, {} and {} off track or overdue",
      orgs_phrase(view), view.orgs.size() == 1 ? "plan holds" : "plans hold",
      count_of(c.total(), "action"), display_long(view.as_of), count_words(c[Brag::kBlue]),
      count_words(c[Brag::kGreen]), amber_phrase(view), count_words(c[Brag::kRed]));
  if (c[Brag::kGrey] > 0) {
    totals += fmt::format(", with {} not yet started", c[Brag::kGrey]);
  }
  paragraphs.push_back(totals + ".");

  json changes = json::array();
  if (view.since) {
    const std::string since =
        view.previous
            ? fmt::format("the {} return ({})", view.previous->id, display_long(*view.since))
            : fmt::format("the last board meeting ({})", display_long(*view.since));
    paragraphs.push_back(since_sentence(view, since));
    changes.push_back(change_row("Completed", view.completed_in_period.size()));
    changes.push_back(change_row("Became overdue", view.overdue_in_period.size()));
    changes.push_back(change_row("Slipped to a later date", view.slipped.size()));
    changes.push_back(change_row("New actions", view.new_actions.size()));
    changes.push_back(change_row("Risks closed", view.closed_risks.size()));
  } else {
    paragraphs.push_back(
        view.period ? std::string("This is the first reporting period, so there is no earlier "
                                  "return to compare with.")
                    : fmt::format("NHS England had set no reporting period by {}, so there is "
                                  "no earlier return to compare with.",
                                  display_long(view.as_of)));
  }
  changes.push_back(change_row("Re-planned later than first agreed", view.replanned.size()));
  changes.push_back(change_row("Overdue now", view.overdue.size()));

  for (const FrameworkView& f : view.frameworks) {
    std::string text = coverage_words(f) + " of " + f.framework->title;
    std::vector<std::string> gaps;
    for (const ItemView& i : f.items) {
      if (i.gap()) gaps.push_back(fmt::format("{} ({})", i.item->title, i.item->id));
    }
    if (!gaps.empty()) text += fmt::format("; none yet addresses {}", join(gaps, "; "));
    paragraphs.push_back(text + ".");
  }
  if (view.replanned.size() > view.slipped.size()) {
    const size_t earlier = view.replanned.size();
    paragraphs.push_back(
        fmt::format("{} due later than first agreed; {} moved since {}.",
                    count_of(static_cast<int>(earlier), "action is", "actions are"),
                    view.slipped.empty() ? std::string("none of these dates")
                                         : fmt::format("{} of these dates", view.slipped.size()),
                    view.previous ? "the last return" : "the last board meeting"));
  }
  for (const Framework* f : view.unpublished) {
    paragraphs.push_back(fmt::format(
        "The plans also answer to {}, published on {}, after the date of this paper; it is not "
        "scored here.",
        f->title, display_long(f->source_date)));
  }
  if (!view.contradictions.empty()) paragraphs.push_back(contradiction_sentence(view));
  if (const std::string finance = finance_sentence(view.finance.system); !finance.empty())
    paragraphs.push_back(finance);
  int open_risks = 0, top_score = 0;
  for (const RiskRow& r : view.risks) {
    if (!r.open) continue;
    ++open_risks;
    top_score = std::max(top_score, r.risk->score().value_or(0));
  }
  if (open_risks > 0) {
    std::string text = fmt::format("{} open", count_of(open_risks, "risk is", "risks are"));
    if (top_score > 0) text += fmt::format("; the highest scores {}", top_score);
    paragraphs.push_back(text + ".");
  }
  json j{{"paragraphs", json::array()}, {"totals", counts_json(c)}, {"changes", changes}};
  for (const auto& p : paragraphs) j["paragraphs"].push_back({{"text", p}});
  return j;
}

json frameworks_json(const SystemView& view, json& gaps) {
  json list = json::array();
  for (const FrameworkView& f : view.frameworks) {
    json fj{{"id", f.framework->id},
            {"title", f.framework->title},
            {"source", f.framework->source_document},
            {"covered", f.covered()},
            {"coverage", coverage_words(f) + " of this framework"},
            {"count", f.items.size()},
            {"items", json::array()}};
    for (const ItemView& i : f.items) {
      json ij{{"id", i.item->id},         {"title", i.item->title},
              {"gap", i.gap()},           {"counts", counts_json(i.actions.counts)},
              {"actions", json::array()}, {"uncovered_expectations", json::array()}};
      // Each action is shown once, under the first item it addresses; the others name it.
      // Open actions with nothing to report share one line.
      std::vector<std::string> elsewhere, quiet;
      for (size_t r : i.actions.rows) {
        const ActionRow& row = view.rows[r];
        const std::string label =
            view.orgs.size() > 1 ? fmt::format("{} ({})", row.id, row.org) : row.id;
        if (!row.items.empty() && row.items.front() != i.item) {
          elsewhere.push_back(label);
          continue;
        }
        if (!row.latest && row.rag.brag != Brag::kBlue && !row.contradicts && !row.replanned) {
          quiet.push_back(label);
          continue;
        }
        json a = action_json(view, r);
        std::vector<std::string> others;
        for (size_t k = 1; k < row.items.size(); ++k) others.push_back(row.items[k]->title);
        if (!others.empty())
          a["progress"] = a["progress"].get<std::string>() + " (Also: " + join(others, "; ") + ".)";
        ij["actions"].push_back(std::move(a));
      }
      ij["has_actions"] = !ij["actions"].empty();
      ij["show_progress"] = columns_shown(ij["actions"], {"progress"})["progress"];
      ij["quiet"] = join(quiet);
      ij["has_quiet"] = !quiet.empty();
      ij["elsewhere"] = join(elsewhere);
      ij["has_elsewhere"] = !elsewhere.empty();
      for (const FrameworkItem* e : i.uncovered_expectations)
        ij["uncovered_expectations"].push_back({{"id", e->id}, {"title", e->title}});
      ij["has_uncovered_expectations"] = !i.uncovered_expectations.empty();
      if (i.gap()) {
        gaps.push_back({{"framework", f.framework->title},
                        {"framework_id", f.framework->id},
                        {"id", i.item->id},
                        {"title", i.item->title}});
      }
      fj["items"].push_back(std::move(ij));
    }
    list.push_back(std::move(fj));
  }
  return list;
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
                                    : std::string("not scored")},
                    {"register_ref", risk.register_ref},
                    {"owner", risk.owner},
                    {"mitigations", join_values(risk.mitigations, "; ")},
                    {"actions", join_values(risk.actions, ", ")},
                    {"state", r.open ? "Open" : "Closed"}});
  }
  return list;
}

json timeline_json(const SystemView& view) {
  json list = json::array();
  for (const Milestone* m : view.milestones) {
    Due as_due{Due::Kind::kDate, m->date, m->form, ""};
    if (m->form == DateForm::kQuarter) as_due.text = display(m->date);
    list.push_back({{"date", display(as_due)},
                    {"title", m->title},
                    {"state", m->date <= view.as_of ? "Passed" : "Ahead"}});
  }
  return list;
}

json appendix_json(const SystemView& view) {
  json list = json::array();
  for (const OrgView& org : view.orgs) {
    json oj{{"org", org.label},
            {"name", org.name},
            {"is_icb", org.is_icb},
            {"counts", counts_json(org.actions.counts)},
            {"actions", json::array()}};
    for (size_t r : org.actions.rows) oj["actions"].push_back(action_json(view, r));
    oj["has_actions"] = !org.actions.rows.empty();
    // Each organisation's table drops the columns its own actions leave empty.
    const json shown = columns_shown(oj["actions"], {"group", "cost", "progress"});
    oj["show_group"] = shown["group"];
    oj["show_cost"] = shown["cost"];
    oj["show_progress"] = shown["progress"];
    list.push_back(std::move(oj));
  }
  return list;
}

// The narrative parts, in the order a paper tells them; each organisation's under its name
// when the system's plans have more than one.
json narrative_json(const SystemView& view) {
  struct Part {
    const char* title;
    std::string Narrative::*text;
  };
  static const Part kParts[] = {
      {"Key points for the board", &Narrative::key_points},
      {"Background", &Narrative::background},
      {"Local position", &Narrative::local_position},
      {"What the review found: good practice", &Narrative::good_practice},
      {"What the review found: challenges", &Narrative::challenges},
      {"Who is in scope", &Narrative::cohort_definition},
  };
  json sections = json::array();
  for (const Part& part : kParts) {
    json blocks = json::array();
    bool only_lead = true;
    for (const OrgView& org : view.orgs) {
      const std::string& text = org.plan->narrative.*part.text;
      if (trim(text).empty()) continue;
      only_lead = only_lead && org.plan == view.lead;
      blocks.push_back({{"org", org.name}, {"text_md", escape_markdown_block(text)}});
    }
    if (blocks.empty()) continue;
    // The lead's own text needs no heading; a trust's, or several, are named.
    for (json& b : blocks) b["show_org"] = !only_lead;
    sections.push_back({{"title", part.title}, {"blocks", blocks}});
  }
  return sections;
}

// An action named in a finance sentence: "G-2 (RICB, \u00a361,000 a year)".
std::string costed_action(const SystemView& view, size_t r) {
  const ActionRow& row = view.rows[r];
  const Cost& cost = *row.action->cost;
  const std::string amount = cost.kind == Cost::Kind::kTbc
                                 ? std::string("cost to be confirmed")
                                 : money(cost.amount) + (cost.recurrent ? " a year" : "");
  return view.orgs.size() > 1 ? fmt::format("{} ({}, {})", row.id, row.org, amount)
                              : fmt::format("{} ({})", row.id, amount);
}

std::string and_list(const std::vector<std::string>& parts) {
  if (parts.size() < 2) return join(parts);
  return join(std::vector<std::string>(parts.begin(), parts.end() - 1), ", ") + " and " +
         parts.back();
}

// "2 actions are marked not funded: G-2 (RICB, \u00a361,000 a year) and T-4 (RMHT, cost
// to be confirmed)."
std::string unfunded_sentence(const SystemView& view) {
  const std::vector<size_t>& rows = view.finance.unfunded;
  if (rows.empty()) return "";
  std::vector<std::string> named;
  for (size_t r : rows) named.push_back(costed_action(view, r));
  return fmt::format("{} not funded: {}.",
                     count_of(static_cast<int>(rows.size()), "action is", "actions are"),
                     and_list(named));
}

json finance_json(const SystemView& view) {
  const FinanceView& f = view.finance;
  auto row = [](const std::string& label, const CostTotals& t) {
    auto amount = [](double pounds) { return pounds > 0 ? money(pounds) : kNothing; };
    return json{{"label", label},
                {"one_off", amount(t.one_off)},
                {"recurrent", amount(t.recurrent)},
                {"gap", amount(t.unfunded_one_off + t.unfunded_recurrent)},
                {"tbc", count_cell(static_cast<size_t>(t.tbc))}};
  };
  json items = json::array();
  for (const auto& [item, totals] : f.items)
    items.push_back(row(fmt::format("{} ({})", item->title, item->id), totals));
  // Costs in the system row but under no item row get a row of their own, so the rows
  // reconcile with the total, and a sentence that says why. (The row is the last of
  // `items`: a section of its own between the items and the system row would leave a blank
  // line there when empty, which ends a Markdown table.)
  json unplaced = false;
  if (!f.unplaced_rows.empty()) {
    std::vector<std::string> ids;
    for (size_t r : f.unplaced_rows) {
      const ActionRow& a = view.rows[r];
      ids.push_back(view.orgs.size() > 1 ? fmt::format("{} ({})", a.id, a.org) : a.id);
    }
    const size_t n = ids.size();
    unplaced = row(fmt::format("Under no item above: {}", join(ids)), f.unplaced);
    items.push_back(unplaced);  // the table's last item row
    unplaced["note"] = fmt::format(
        "The system row includes the {} of {}, which {} no framework item scored in this "
        "paper; {} shown on a row of {} own.",
        n == 1 ? "cost" : "costs", and_list(ids), n == 1 ? "addresses" : "address",
        n == 1 ? "it is" : "they are", n == 1 ? "its" : "their");
  }
  const std::string unfunded = unfunded_sentence(view);
  return {{"has_finance", f.system.any()},
          {"items", items},
          {"unplaced", unplaced},
          {"system", row("System", f.system)},
          {"sentence", finance_sentence(f.system)},
          {"unfunded", unfunded},
          {"has_unfunded", !unfunded.empty()}};
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
                    {"public", m.is_public ? (*m.is_public ? "Public" : "Private") : ""},
                    {"purpose", purpose},
                    {"state", j.held ? "Held" : "Planned"}});
  }
  return rows;
}

json compliance_json(const SystemView& view) {
  json rows = json::array();
  for (const MilestoneCheck& c : view.compliance) {
    std::string result;
    if (c.met()) {
      result = "Met, " + display(*c.done);
    } else if (c.done) {
      result = fmt::format("Met late, {} ({} days after)", display(*c.done), c.days_late());
    } else if (c.done_undated) {
      result = "Met; the date is not recorded";
    } else {
      result = c.due_yet ? "Not recorded" : "Not yet due";
    }
    rows.push_back({{"milestone", c.milestone->title},
                    {"date", display(c.milestone->date)},
                    {"org", c.org},
                    {"result", result}});
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
                    {"as_at", has ? display(m.values.back().date) : ""},
                    {"target", m.measure->target ? value(*m.measure->target) : ""},
                    {"chart", measure_chart_file(i)},
                    {"stale", m.stale},
                    {"note", note}});
  }
  return rows;
}

// The system's counts at each past period and now, for "Progress since June 2025".
json trend_json(const SystemView& view) {
  json rows = json::array();
  for (const TrendPoint& p : view.trend) {
    const bool now = &p == &view.trend.back();
    rows.push_back(
        {{"label", now ? "Now (" + display(p.date) + ")"
                       : fmt::format("{} return ({})", month_year(p.date), display(p.date))},
         {"now", now},
         {"counts", counts_json(p.counts)}});
  }
  return rows;
}

json recommendations_json(const SystemView& view) {
  json list = json::array();
  if (view.meeting && !view.meeting->recommendations.empty()) {
    for (const auto& r : view.meeting->recommendations) list.push_back({{"text", r.value}});
    return list;
  }
  list.push_back({{"text", "Note the progress of the action plans set out in this paper."}});
  if (!view.overdue.empty()) {
    list.push_back(
        {{"text", fmt::format("Note the {} and the plans to recover them.",
                              count_of(static_cast<int>(view.overdue.size()), "overdue action"))}});
  }
  if (view.gaps() > 0) {
    list.push_back(
        {{"text", view.gaps() == 1 ? std::string("Note the framework item that no action yet "
                                                 "addresses.")
                                   : fmt::format("Note the {} framework items that no action yet "
                                                 "addresses.",
                                                 view.gaps())}});
  }
  if (view.period && !view.period->local()) {
    list.push_back({{"text", fmt::format("Support the submission of the {} return to NHS England.",
                                         view.period->id)}});
  }
  return list;
}

}  // namespace

json paper_context(const SystemView& view, const PaperSettings& settings) {
  const Organisation& org = view.lead->organisation;
  json meeting = meeting_json(view);
  json gaps = json::array();
  json c;
  c["title"] = default_title(view);
  c["system"] = view.name;
  c["organisation"] = {{"name", org.name ? org.name->value : view.name},
                       {"short", org.label()},
                       {"code", org.code ? org.code->value : ""},
                       {"is_icb", view.lead->is_icb()}};
  c["as_of"] = display_long(view.as_of);
  c["as_of_iso"] = view.as_of.iso();
  c["period"] = view.period ? json{{"id", view.period->id},
                                   {"due", display_long(view.period->due)},
                                   {"title", view.period->title},
                                   {"local", view.period->local()}}
                            : json(false);
  c["previous_period"] =
      view.previous ? json{{"id", view.previous->id}, {"due", display_long(view.previous->due)}}
                    : json(false);
  c["since"] = view.since ? json(display_long(*view.since)) : json(false);
  c["meeting"] = meeting;
  c["cover"] = cover_rows(view, meeting);
  c["sponsor"] = person_line(view.lead->sro);
  c["author"] = person_line(view.lead->author);
  c["summary"] = summary_json(view);
  c["organisations"] = json::array();
  for (const OrgView& o : view.orgs) {
    c["organisations"].push_back(
        {{"label", o.label}, {"name", o.name}, {"counts", counts_json(o.actions.counts)}});
  }
  c["multiple_organisations"] = view.orgs.size() > 1;
  c["totals"] = counts_json(view.all.counts);
  c["chart"] = settings.chart_file;
  c["frameworks"] = frameworks_json(view, gaps);
  c["gaps"] = gaps;
  c["has_gaps"] = !gaps.empty();
  c["risks"] = risks_json(view);
  c["risk_columns"] =
      columns_shown(c["risks"], {"register_ref", "likelihood", "impact", "mitigations", "actions"});
  c["has_risks"] = !view.risks.empty();
  c["timeline"] = timeline_json(view);
  c["next_due"] = json::array();
  for (size_t r : view.next_due) c["next_due"].push_back(action_json(view, r));
  c["has_next_due"] = !view.next_due.empty();
  c["overdue"] = json::array();
  for (size_t r : view.overdue) c["overdue"].push_back(action_json(view, r));
  c["has_overdue"] = !view.overdue.empty();
  c["recommendations"] = recommendations_json(view);
  c["appendix"] = appendix_json(view);
  c["narrative"] = narrative_json(view);
  c["finance"] = finance_json(view);
  c["journey"] = journey_json(view);
  c["journey_columns"] = columns_shown(c["journey"], {"public", "purpose"});
  c["has_journey"] = !view.journey.empty();
  c["compliance"] = compliance_json(view);
  c["has_compliance"] = !view.compliance.empty();
  c["trend"] = trend_json(view);
  c["has_trend"] = !view.trend.empty();
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
  c["dna_discharge"] = json(false);
  if (const auto& dna = view.lead->dna_discharge) {
    c["dna_discharge"] = {{"policy", dna->policy ? capitalised(dna->policy->value) : ""},
                          {"practice", dna->practice ? capitalised(dna->practice->value) : ""},
                          {"note", dna->note}};
  }
  // Filled in by full_paper_context with the terms the rendered paper uses.
  c["glossary"] = json::array();
  c["has_glossary"] = false;
  return c;
}

}  // namespace iact
