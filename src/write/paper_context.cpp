#include "write/paper_context.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "plan/date.h"
#include "util/text.h"

namespace iact {

using nlohmann::json;

std::string count_of(int n, const std::string& singular, const std::string& plural) {
  const std::string word = n == 1 ? singular : (plural.empty() ? singular + "s" : plural);
  if (n == 0) return "no " + word;
  return fmt::format("{} {}", n, word);
}

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
constexpr std::array<const char*, 5> kMeanings = {
    "complete", "off track: overdue, off track or blocked", "at risk", "on track",
    "not yet started, and not due soon"};

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

json counts_json(const BragCounts& c) {
  json j;
  for (Brag b : kBragOrder) j[lower(b)] = c[b];
  j["total"] = c.total();
  j["open"] = c.open();
  return j;
}

std::string person(const std::optional<Person>& p) {
  if (!p) return "";
  return p->name ? fmt::format("{}, {}", p->name->value, p->role.value) : p->role.value;
}

std::string capitalised(std::string_view word) {
  std::string s(word);
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string due_text(const ActionRow& row) {
  return row.state.due ? display(*row.state.due) : "";
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
         {"completed", a.completed && row.state.complete() ? display(a.completed->value) : ""}};
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
  add("Executive sponsor", person(lead.sro));
  add("Report author", person(lead.author));
  if (meeting.is_object()) {
    add("Presented by", meeting["presented_by"]);
    add("Previously considered by", meeting["previously_considered"]);
    add("Level of assurance", meeting["assurance"]);
    add("Risks", meeting["risks"]);
    add("Financial implications", meeting["financial_implications"]);
    add("Equality and inequalities", meeting["equality_impact"]);
    add("Patient and public involvement", meeting["patient_involvement"]);
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
  if (amber == 0) return "0 Amber";
  std::vector<std::string> parts;
  if (at_risk) parts.push_back(fmt::format("{} at risk", at_risk));
  if (replanned) parts.push_back(fmt::format("{} re-planned to a later date", replanned));
  if (tbc) parts.push_back(fmt::format("{} awaiting a due date", tbc));
  if (soon) parts.push_back(fmt::format("{} not started and due soon", soon));
  if (parts.size() == 1) return fmt::format("{} Amber ({})", amber, parts[0]);
  return fmt::format("{} Amber ({})", amber, join(parts, ", "));
}

json summary_json(const SystemView& view) {
  const BragCounts& c = view.all.counts;
  json paragraphs = json::array();
  std::string totals =
      fmt::format("The {} {} {} as of {}: {} complete, {} on track, {} and {} off track or overdue",
                  orgs_phrase(view), view.orgs.size() == 1 ? "plan holds" : "plans hold",
                  count_of(c.total(), "action"), display_long(view.as_of), c[Brag::kBlue],
                  c[Brag::kGreen], amber_phrase(view), c[Brag::kRed]);
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
    auto n = [](const std::vector<size_t>& list) { return static_cast<int>(list.size()); };
    std::string text =
        fmt::format("Since {}, {} {} completed, {} became overdue and {} slipped to a later date",
                    since, count_of(n(view.completed_in_period), "action"),
                    view.completed_in_period.size() == 1 ? "was" : "were",
                    n(view.overdue_in_period), n(view.slipped));
    if (!view.new_actions.empty()) {
      text += fmt::format("; {} {} added to the plans", count_of(n(view.new_actions), "action"),
                          view.new_actions.size() == 1 ? "was" : "were");
    }
    paragraphs.push_back(text + ".");
    changes.push_back({{"label", "Completed"}, {"count", view.completed_in_period.size()}});
    changes.push_back({{"label", "Became overdue"}, {"count", view.overdue_in_period.size()}});
    changes.push_back({{"label", "Slipped to a later date"}, {"count", view.slipped.size()}});
    changes.push_back({{"label", "New actions"}, {"count", view.new_actions.size()}});
    changes.push_back({{"label", "Risks closed"}, {"count", view.closed_risks.size()}});
  } else {
    paragraphs.push_back(
        "This is the first reporting period, so there is no earlier return to compare with.");
  }
  changes.push_back(
      {{"label", "Re-planned later than first agreed"}, {"count", view.replanned.size()}});
  changes.push_back({{"label", "Overdue now"}, {"count", view.overdue.size()}});

  for (const FrameworkView& f : view.frameworks) {
    std::string text = fmt::format("Actions address {} of the {} items of {}", f.covered(),
                                   f.items.size(), f.framework->title);
    std::vector<std::string> gaps;
    for (const ItemView& i : f.items) {
      if (i.gap()) gaps.push_back(fmt::format("{} ({})", i.item->title, i.item->id));
    }
    if (!gaps.empty()) text += fmt::format("; none yet addresses {}", join(gaps, "; "));
    paragraphs.push_back(text + ".");
  }
  if (!view.contradictions.empty()) {
    paragraphs.push_back(fmt::format(
        "{} declared on track or at risk in the plans, but {} due date has passed; this paper "
        "shows {} as Red.",
        view.contradictions.size() == 1 ? "One action is"
                                        : fmt::format("{} actions are", view.contradictions.size()),
        view.contradictions.size() == 1 ? "its" : "their",
        view.contradictions.size() == 1 ? "it" : "them"));
  }
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
            {"count", f.items.size()},
            {"items", json::array()}};
    for (const ItemView& i : f.items) {
      json ij{{"id", i.item->id},         {"title", i.item->title},
              {"gap", i.gap()},           {"counts", counts_json(i.actions.counts)},
              {"actions", json::array()}, {"uncovered_expectations", json::array()}};
      for (size_t r : i.actions.rows) ij["actions"].push_back(action_json(view, r));
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
  for (const RiskRow& r : view.risks) {
    const Risk& risk = *r.risk;
    auto num = [](const std::optional<Located<int>>& v) {
      return v ? std::to_string(v->value) : std::string("–");
    };
    const std::optional<int> score = risk.score();
    list.push_back({{"org", r.org},
                    {"id", risk.id ? risk.id->value : ""},
                    {"title", risk.title ? risk.title->value : ""},
                    {"likelihood", num(risk.likelihood)},
                    {"impact", num(risk.impact)},
                    {"score", score ? std::to_string(*score) : "not scored"},
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
    list.push_back(std::move(oj));
  }
  return list;
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
  c["sponsor"] = person(view.lead->sro);
  c["author"] = person(view.lead->author);
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
