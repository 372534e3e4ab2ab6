#include "view/answers.h"

#include <fmt/format.h>

#include "util/text.h"

namespace iact {

namespace {

Answer given(std::string words, const Plan& plan, Pos pos, std::string key) {
  return Answer{Answer::State::kGiven, std::move(words), plan.file, pos, std::move(key), ""};
}

Answer not_stated(const Plan& plan, Pos pos, std::string key) {
  return Answer{
      Answer::State::kNotStated, std::string(kNotStatedWords), plan.file, pos, std::move(key), ""};
}

Answer missing(const Plan& plan, Pos pos, std::string key, std::string fix) {
  return Answer{Answer::State::kMissing, "", plan.file, pos, std::move(key), std::move(fix)};
}

// One choice of a mapping: given, written `not-stated`, or (after a load error) missing.
Answer choice_answer(const std::optional<Located<std::string>>& value, const NotStated& said,
                     std::string_view name, const Plan& plan, Pos mapping, const std::string& key,
                     const std::string& fix) {
  if (value) return given(capitalised(value->value), plan, value->pos, key);
  if (const Pos* p = said.find(name)) return not_stated(plan, *p, key);
  return missing(plan, mapping, key, fix);
}

}  // namespace

DnaAnswers dna_answers(const Plan& plan) {
  constexpr std::string_view kKey = "dna_discharge_assurance";
  const std::string policy_key = fmt::format("{}.policy", kKey);
  const std::string practice_key = fmt::format("{}.practice", kKey);
  DnaAnswers a;
  if (const Pos* p = plan.not_stated.find(kKey)) {
    a.policy = not_stated(plan, *p, policy_key);
    a.practice = not_stated(plan, *p, practice_key);
    return a;
  }
  const std::optional<DnaAssurance>& dna = plan.dna_discharge;
  if (!dna) {
    const std::string fix = fmt::format(
        "add `{}: {{ policy: yes|no|partial, practice: yes|no|partial, note: ... }}` to the plan "
        "of {}, or `{}: not-stated` when its source does not say",
        kKey, plan.organisation.label(), kKey);
    a.policy = missing(plan, plan.organisation.pos, policy_key, fix);
    a.practice = missing(plan, plan.organisation.pos, practice_key, fix);
    return a;
  }
  a.policy = choice_answer(dna->policy, dna->not_stated, "policy", plan, dna->pos, policy_key,
                           "add `policy: yes|no|partial` (or not-stated)");
  a.practice = choice_answer(dna->practice, dna->not_stated, "practice", plan, dna->pos,
                             practice_key, "add `practice: yes|no|partial` (or not-stated)");
  a.note = dna->note;
  if (dna->date) a.given = dna->date->value;
  return a;
}

Answer sro_answer(const Plan& lead) {
  if (lead.sro) {
    const Person& p = *lead.sro;
    return given(p.name ? fmt::format("{} ({})", p.role.value, p.name->value) : p.role.value, lead,
                 p.role.pos, "sro");
  }
  if (const Pos* p = lead.not_stated.find("sro")) return not_stated(lead, *p, "sro");
  return missing(lead, lead.organisation.pos, "sro",
                 "add `sro: { role: Chief Nursing Officer }` (a role; a name is optional), or "
                 "`sro: not-stated` when the source does not say");
}

Answer region_answer(const Plan& lead) {
  if (!lead.organisation.region.empty())
    return given(lead.organisation.region, lead, lead.organisation.pos, "organisation.region");
  return missing(lead, lead.organisation.pos, "organisation.region",
                 "add `region:` under `organisation:`: the NHS England region, e.g. South West");
}

MeetingAnswers meeting_answers(const Plan& lead, const BoardMeeting* m, Date as_of) {
  MeetingAnswers a;
  if (!m || !m->date) {
    const std::string fix = fmt::format(
        "add a `board:` entry for the meeting that discusses this update, on or after {} "
        "(date, body, public: true, assurance)",
        display_long(as_of));
    a.date = missing(lead, {}, "board.date", fix);
    a.body = missing(lead, {}, "board.body", fix);
    a.held_in_public = missing(lead, {}, "board.public", fix);
    a.assurance = missing(lead, {}, "board.assurance", fix);
    return a;
  }
  const std::string entry = fmt::format("the `board:` entry of {}", display_long(m->date->value));
  a.date = given(display_long(m->date->value), lead, m->date->pos, "board.date");
  a.body = m->body.empty() ? missing(lead, m->pos, "board.body",
                                     fmt::format("add `body:` (which board) to {}", entry))
                           : given(m->body, lead, m->pos, "board.body");
  if (m->is_public) {
    a.held_in_public = given(*m->is_public ? "Yes" : "No", lead, m->pos, "board.public");
  } else if (const Pos* p = m->not_stated.find("public")) {
    a.held_in_public = not_stated(lead, *p, "board.public");
  } else {
    a.held_in_public = missing(
        lead, m->pos, "board.public",
        fmt::format("add `public: true` (or false, or not-stated when the source does not say) "
                    "to {}",
                    entry));
  }
  a.assurance = choice_answer(
      m->assurance, m->not_stated, "assurance", lead, m->pos, "board.assurance",
      fmt::format("add `assurance:` (substantial, reasonable, limited or none; not-stated when "
                  "the paper does not say) to {}",
                  entry));
  return a;
}

AssessmentAnswers assessment_answers(const Plan& lead, const FrameworkItem& item,
                                     const Catalogue& catalogue) {
  AssessmentAnswers a;
  if (const Pos* p = lead.not_stated.find("self_assessment")) {
    a.assurance = not_stated(lead, *p, "self_assessment.assurance");
    a.narrative = not_stated(lead, *p, "self_assessment.narrative");
    return a;
  }
  const SelfAssessment* entry = nullptr;
  for (const SelfAssessment& s : lead.self_assessment) {
    if (!s.item) continue;
    const FrameworkItem* assessed = catalogue.resolve(s.item->value).item;
    if (assessed && assessed->is_expectation()) assessed = catalogue.resolve(assessed->parent).item;
    if (assessed == &item) {
      entry = &s;
      break;
    }
  }
  if (!entry) {
    const Pos where =
        lead.self_assessment.empty() ? lead.organisation.pos : lead.self_assessment.front().pos;
    const std::string fix = fmt::format(
        "add `- {{ item: {}, assurance: reasonable, narrative: ... }}` under `self_assessment:` "
        "(assurance: substantial, reasonable, limited, none or not-stated), or "
        "`self_assessment: not-stated` when the source gives no self-assessment",
        item.id);
    a.assurance = missing(lead, where, "self_assessment.assurance", fix);
    a.narrative = missing(lead, where, "self_assessment.narrative", fix);
    return a;
  }
  a.assurance = choice_answer(entry->assurance, entry->not_stated, "assurance", lead, entry->pos,
                              "self_assessment.assurance",
                              "add `assurance:` (substantial, reasonable, limited, none or "
                              "not-stated) to the entry");
  if (!entry->narrative.empty()) {
    a.narrative = given(entry->narrative, lead, entry->pos, "self_assessment.narrative");
  } else if (const Pos* p = entry->not_stated.find("narrative")) {
    a.narrative = not_stated(lead, *p, "self_assessment.narrative");
  } else if (a.assurance.state == Answer::State::kNotStated) {
    a.narrative = not_stated(lead, a.assurance.pos, "self_assessment.narrative");
  } else {
    a.narrative = missing(lead, entry->pos, "self_assessment.narrative",
                          fmt::format("add `narrative:` to the self_assessment entry for {} (why "
                                      "that assurance, in a few sentences), or `narrative: "
                                      "not-stated`",
                                      item.id));
  }
  return a;
}

}  // namespace iact
