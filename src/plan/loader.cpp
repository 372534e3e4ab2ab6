#include "plan/loader.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "plan/fields.h"
#include "plan/reader.h"
#include "util/files.h"
#include "util/text.h"

namespace iact {

namespace {

template <typename Enum, size_t N>
std::optional<Located<Enum>> to_enum(const std::optional<Located<std::string>>& word,
                                     const std::array<std::string_view, N>& names) {
  if (!word) return std::nullopt;
  auto it = std::find(names.begin(), names.end(), word->value);
  if (it == names.end()) return std::nullopt;
  return Located<Enum>{static_cast<Enum>(it - names.begin()), word->pos};
}

std::optional<Person> read_person(const FieldReader& parent, std::string_view name) {
  auto r = parent.object(name);
  if (!r) return std::nullopt;
  auto role = r->text("role");
  if (!role) return std::nullopt;
  return Person{*role, r->text("name")};
}

Organisation read_organisation(const FieldReader& r) {
  Organisation o;
  o.pos = r.pos();
  o.code = r.text("code");
  o.name = r.text("name");
  o.short_name = r.text("short");
  o.kind = to_enum<OrgKind>(r.choice("kind"), kOrgKindNames);
  o.region = r.text_or_empty("region");
  o.icb = r.text("icb");
  o.predecessors = r.texts("predecessors");
  if (o.kind && o.kind->value == OrgKind::kTrust && !o.icb) {
    r.diags().add(r.file(), o.kind->pos, "missing-field",
                  "a trust's organisation needs 'icb': the ODS code of the ICB it reports to",
                  "add e.g. `icb: QSL`");
  }
  return o;
}

}  // namespace

std::optional<double> parse_amount(std::string text) {
  std::erase(text, ',');
  if (text.rfind("\xC2\xA3", 0) == 0) text.erase(0, 2);  // a leading pound sign
  double scale = 1;
  if (!text.empty() && (text.back() == 'k' || text.back() == 'K'))
    scale = 1e3, text.pop_back();
  else if (!text.empty() && (text.back() == 'm' || text.back() == 'M'))
    scale = 1e6, text.pop_back();
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value) || value < 0) return std::nullopt;
  return value * scale;
}

namespace {

std::optional<Cost> read_cost_amount(const YamlNode& n, const std::string& file, Diagnostics& diags,
                                     bool allow_none) {
  const std::string_view kHint =
      "cost is none, tbc, not stated, an amount in GBP such as 61000 or \xC2\xA3"
      "61k, "
      "or { amount: 61000, recurrent: true, note: ... }";
  if (!n.is_scalar()) {
    diags.add(file, n.pos, "wrong-type",
              fmt::format("'cost' must be none, tbc, not stated or an amount, not {}", describe(n)),
              std::string(kHint));
    return std::nullopt;
  }
  Cost c;
  c.pos = n.pos;
  const std::string v = lowercase(n.scalar);
  if (allow_none && v == "none") {
    c.kind = Cost::Kind::kNone;
  } else if (v == "tbc") {
    c.kind = Cost::Kind::kTbc;
  } else if (v == "not stated") {
    c.kind = Cost::Kind::kNotStated;
  } else if (auto amount = parse_amount(n.scalar)) {
    c.kind = Cost::Kind::kAmount;
    c.amount = *amount;
  } else {
    diags.add(file, n.pos, "invalid-value", fmt::format("'{}' is not a cost", n.scalar),
              std::string(kHint));
    return std::nullopt;
  }
  return c;
}

// An action's `cost`, or a submission's `amount`: none (for a cost), tbc, an amount, or the
// cost mapping.
std::optional<Cost> read_cost(const FieldReader& action, std::string_view key = "cost") {
  const YamlNode* n = action.value(key);
  if (!n) return std::nullopt;
  if (!n->is_map()) return read_cost_amount(*n, action.file(), action.diags(), key == "cost");
  FieldReader r(*n, *plan_def().field("actions")->object->field("cost")->object, action.file(),
                action.diags());
  const YamlNode* amount = r.value("amount");
  if (!amount) return std::nullopt;  // missing: reported by the reader
  auto c = read_cost_amount(*amount, action.file(), action.diags(), false);
  if (!c) return std::nullopt;
  c->pos = n->pos;
  if (auto recurrent = r.boolean("recurrent")) c->recurrent = recurrent->value;
  if (auto funded = r.boolean("funded")) c->funded = funded->value;
  c->note = r.text_or_empty("note");
  return c;
}

Action read_action(const FieldReader& r) {
  Action a;
  a.pos = r.pos();
  a.id = r.text("id");
  a.title = r.text("title");
  a.description = r.text_or_empty("description");
  a.group = r.text("group");
  a.addresses = r.texts("addresses");
  if (auto updates = r.boolean("updates_plan")) a.updates_plan = updates->value;
  a.lead = r.texts("lead");
  a.owner = r.text_or_empty("owner");
  a.timeframe = r.choice("timeframe");
  a.due = r.due("due");
  a.baseline_due = r.due("baseline_due");
  a.status = to_enum<Status>(r.choice("status"), kStatusNames);
  a.completed = r.date("completed");
  a.added = r.date("added");
  a.cost = read_cost(r);
  a.evidence = r.texts("evidence");
  a.next_steps = r.text_or_empty("next_steps");
  a.notes = r.text_or_empty("notes");
  for (const FieldReader& u : r.objects("updates")) {
    Update update;
    update.pos = u.pos();
    update.date = u.date("date");
    update.status = to_enum<Status>(u.choice("status"), kStatusNames);
    update.due = u.due("due");
    update.note = u.text_or_empty("note");
    a.updates.push_back(std::move(update));
  }
  return a;
}

RagSettings read_rag(const FieldReader& r) {
  return RagSettings{r.integer("due_soon_days"), r.integer("overdue_grace_days"),
                     r.choice("replanned"), r.choice("due_tbc"), r.pos()};
}

Risk read_risk(const FieldReader& r) {
  Risk k;
  k.pos = r.pos();
  k.id = r.text("id");
  k.title = r.text("title");
  k.likelihood = r.integer("likelihood");
  k.impact = r.integer("impact");
  k.mitigations = r.texts("mitigations");
  k.actions = r.texts("actions");
  k.owner = r.text_or_empty("owner");
  k.closed = r.date("closed");
  k.register_ref = r.text_or_empty("register_ref");
  return k;
}

void read_plan(const YamlNode& root, Plan& plan, Diagnostics& diags);

}  // namespace

Plan build_plan(const YamlNode& root, const std::string& file, Diagnostics& diags) {
  Plan plan;
  plan.file = file;
  const int errors_before = diags.error_count();
  read_plan(root, plan, diags);
  plan.had_load_errors = diags.error_count() > errors_before;
  return plan;
}

namespace {

void read_plan(const YamlNode& root, Plan& plan, Diagnostics& diags) {
  const std::string& file = plan.file;
  FieldReader r(root, plan_def(), file, diags);
  if (!r.ok()) return;
  plan.version = r.integer("iact");
  if (auto org = r.object("organisation")) plan.organisation = read_organisation(*org);
  plan.frameworks = r.texts("frameworks");
  plan.frameworks_pos = r.key_pos("frameworks");
  plan.sro = read_person(r, "sro");
  plan.author = read_person(r, "author");
  if (auto review = r.object("review")) {
    plan.review = Review{review->date("date"), review->text_or_empty("summary")};
  }
  if (auto dna = r.object("dna_discharge_assurance")) {
    plan.dna_discharge = DnaAssurance{dna->choice("policy"),
                                      dna->choice("practice"),
                                      dna->text_or_empty("note"),
                                      dna->not_stated(),
                                      dna->pos(),
                                      dna->date("date")};
  }
  for (const FieldReader& p : r.objects("partners")) {
    if (auto short_name = p.text("short")) {
      plan.partners.push_back(Partner{*short_name, p.text_or_empty("name"), p.text("code")});
    }
  }
  for (const FieldReader& b : r.objects("board")) {
    BoardMeeting m;
    m.pos = b.pos();
    m.date = b.date("date");
    m.body = b.text_or_empty("body");
    if (auto pub = b.boolean("public")) m.is_public = pub->value;
    m.status = b.choice("status");
    m.milestone = b.text("milestone");
    m.agenda_item = b.text_or_empty("agenda_item");
    m.title = b.text_or_empty("title");
    m.purpose = b.texts("purpose");
    m.presented_by = b.text_or_empty("presented_by");
    m.previously_considered = b.texts("previously_considered");
    m.recommendations = b.texts("recommendations");
    m.assurance = b.choice("assurance");
    m.risks = b.text_or_empty("risks");
    m.financial_implications = b.text_or_empty("financial_implications");
    m.equality_impact = b.text_or_empty("equality_impact");
    m.patient_involvement = b.text_or_empty("patient_involvement");
    m.classification = b.choice("classification");
    m.strategic_objectives = b.texts("strategic_objectives");
    m.conflicts_of_interest = b.text_or_empty("conflicts_of_interest");
    m.legal_regulatory = b.text_or_empty("legal_regulatory");
    m.quality_impact = b.text_or_empty("quality_impact");
    m.impact_assessment = b.text_or_empty("impact_assessment");
    m.data_protection = b.text_or_empty("data_protection");
    m.not_stated = b.not_stated();
    plan.board.push_back(std::move(m));
  }
  for (const FieldReader& s : r.objects("submissions")) {
    plan.submissions.push_back(Submission{s.pos(), s.text("milestone"), s.date("date"),
                                          s.text_or_empty("note"), read_cost(s, "amount")});
  }
  if (auto rag = r.object("rag")) plan.rag = read_rag(*rag);
  plan.groups = r.texts("groups");
  for (const FieldReader& s : r.objects("self_assessment")) {
    plan.self_assessment.push_back(SelfAssessment{s.text("item"), s.choice("assurance"),
                                                  s.text_or_empty("narrative"), s.pos(),
                                                  s.not_stated()});
  }
  plan.created = r.date("created");
  plan.incomplete = r.text_or_empty("incomplete");
  plan.not_stated = r.not_stated();
  for (const FieldReader& n : r.objects("narrative")) {
    plan.narratives.push_back(
        Narrative{n.date("written_for"), n.pos(), n.text_or_empty("background"),
                  n.text_or_empty("local_position"), n.text_or_empty("good_practice"),
                  n.text_or_empty("challenges"), n.text_or_empty("cohort_definition"),
                  n.text_or_empty("key_points")});
  }
  if (const YamlNode* g = r.value("glossary"); g && r.object("glossary")) {
    for (const YamlEntry& e : g->entries) {
      if (e.value->is_scalar()) {
        plan.glossary.emplace_back(e.key, e.value->scalar);
      } else {
        r.diags().add(r.file(), e.value->pos, "wrong-type",
                      fmt::format("the glossary's '{}' must be its meaning, in words", e.key),
                      "write `TERM: what it stands for`");
      }
    }
  }
  for (const FieldReader& a : r.objects("actions")) plan.actions.push_back(read_action(a));
  for (const FieldReader& k : r.objects("risks")) plan.risks.push_back(read_risk(k));
  for (const FieldReader& m : r.objects("measures")) {
    Measure measure;
    measure.pos = m.pos();
    measure.id = m.text("id");
    measure.title = m.text_or_empty("title");
    measure.unit = m.text_or_empty("unit");
    if (auto t = m.number("target")) measure.target = t->value;
    if (auto h = m.boolean("higher_is_better")) measure.higher_is_better = h->value;
    for (const FieldReader& v : m.objects("values")) {
      auto date = v.date("date");
      auto value = v.number("value");
      if (date && value)
        measure.values.push_back({date->value, value->value, v.text_or_empty("note")});
    }
    plan.measures.push_back(std::move(measure));
  }
}

}  // namespace

std::optional<Plan> load_plan_text(std::string_view text, const std::string& display,
                                   Diagnostics& diags) {
  std::optional<YamlNode> root = parse_yaml(text, display, diags);
  if (!root) return std::nullopt;
  return build_plan(*root, display, diags);
}

std::optional<Plan> load_plan_file(const std::filesystem::path& path, const std::string& display,
                                   Diagnostics& diags, bool streams_ok) {
  FileRead read = read_file(path, kMaxPlanFileBytes, streams_ok);
  if (!read.bytes) {
    diags.add(display, {}, "file-unreadable", fmt::format("cannot read the plan: {}", read.error));
    return std::nullopt;
  }
  return load_plan_text(*read.bytes, display, diags);
}

std::optional<RagSettings> load_policy_file(const std::filesystem::path& path,
                                            const std::string& display, Diagnostics& diags) {
  FileRead read = read_file(path, kMaxPlanFileBytes);
  if (!read.bytes) {
    diags.add(display, {}, "file-unreadable",
              fmt::format("cannot read the RAG policy: {}", read.error));
    return std::nullopt;
  }
  std::optional<YamlNode> root = parse_yaml(*read.bytes, display, diags);
  if (!root) return std::nullopt;
  const int errors_before = diags.error_count();
  FieldReader r(*root, policy_def(), display, diags);
  std::optional<RagSettings> settings;
  if (r.ok()) {
    r.integer("iact-policy");
    if (auto rag = r.object("rag")) settings = read_rag(*rag);
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return settings;
}

}  // namespace iact
