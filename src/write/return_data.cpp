#include "write/return_data.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "util/text.h"
#include "write/paper_words.h"

namespace iact {

namespace {

// The period cell of a return made before the timeline sets any reporting period.
constexpr std::string_view kNoPeriodWords = "None set at this date";
// A cell the plans cannot fill, such as the date the return is signed off.
constexpr std::string_view kByHand = "To be filled in by hand";

using Kind = FieldKind;

// A due date as a date cell shown as precisely as the plan wrote it (a day, a month, an NHS
// quarter), or in words: "To be confirmed", "Ongoing".
ReturnCell due_cell(const std::optional<Due>& due) {
  if (!due) return {};
  switch (due->kind) {
    case Due::Kind::kTbc:
      return ReturnCell::of(std::string("To be confirmed"));
    case Due::Kind::kOngoing:
      return ReturnCell::of(std::string("Ongoing"));
    case Due::Kind::kDate:
      break;
  }
  return ReturnCell::of(due->date, due->form);
}

ReturnCell date_cell(const std::optional<Located<Date>>& d) {
  return d ? ReturnCell::of(d->value) : ReturnCell{};
}

ReturnCell words_cell(std::string_view code) {
  return ReturnCell::of(as_words(code));
}

ReturnCell brag_cell(Brag b) {
  ReturnCell c = ReturnCell::of(std::string(name_of(b)));
  c.kind = ReturnCell::Kind::kBrag;
  return c;
}

ReturnCell yes_if(bool b) {
  return ReturnCell::of(std::string(b ? "Yes" : ""));
}

// An answer's words: what the plan gives, "Not stated", or nothing when it is missing.
ReturnCell answer_cell(const Answer& a) {
  return ReturnCell::of(a.words);
}

std::string person_cell(const std::optional<Person>& p) {
  if (!p) return "";
  return p->name ? fmt::format("{} ({})", p->role.value, p->name->value) : p->role.value;
}

// ---- Cover: one record ------------------------------------------------------------------

const SystemView& v(const ReturnData& d) {
  return *d.view;
}
const Plan& lead(const ReturnData& d) {
  return *d.view->lead;
}
int count(const std::vector<size_t>& list) {
  return static_cast<int>(list.size());
}
ReturnCell brag_count(const ReturnData& d, Brag b) {
  return ReturnCell::of(v(d).all.counts[b]);
}
// A count of what changed this period; n/a when there is nothing to count from.
ReturnCell period_count(const ReturnData& d, const std::vector<size_t>& list) {
  return v(d).compares() ? ReturnCell::of(count(list)) : ReturnCell::of(std::string("n/a"));
}

const std::array kCoverFields = {
    ReturnField{"icb_name", Kind::kText, "The lead organisation's name (the ICB's in a system).",
                [](const ReturnData& d, size_t) {
                  return ReturnCell::of(value_or_empty(lead(d).organisation.name));
                }},
    ReturnField{"icb_code", Kind::kText, "Its ODS code.",
                [](const ReturnData& d, size_t) {
                  return ReturnCell::of(value_or_empty(lead(d).organisation.code));
                }},
    ReturnField{"region", Kind::kText, "Its NHS England region (organisation: region:).",
                [](const ReturnData& d, size_t) { return answer_cell(v(d).region); },
                [](const ReturnData& d, size_t) { return &v(d).region; }},
    ReturnField{"system", Kind::kText, "The system's folder name.",
                [](const ReturnData& d, size_t) { return ReturnCell::of(v(d).name); }},
    ReturnField{"organisations", Kind::kText, "Every organisation whose plan is included.",
                [](const ReturnData& d, size_t) {
                  std::vector<std::string> names;
                  for (const OrgView& o : v(d).orgs) names.push_back(o.name);
                  return ReturnCell::of(join(names, "; "));
                }},
    ReturnField{"period", Kind::kText,
                "The reporting period, e.g. 2026-01; before the timeline sets any, says so.",
                [](const ReturnData& d, size_t) {
                  return ReturnCell::of(v(d).period ? v(d).period->id
                                                    : std::string(kNoPeriodWords));
                }},
    ReturnField{"period_set_by", Kind::kText,
                "Who set the period: NHS England, or the organisation (a local timeline).",
                [](const ReturnData& d, size_t) {
                  if (!v(d).period) return ReturnCell::of(std::string());
                  return ReturnCell::of(
                      std::string(v(d).period->local() ? "Local reporting round" : "NHS England"));
                }},
    ReturnField{"period_due", Kind::kDate, "When the period's return is due.",
                [](const ReturnData& d, size_t) {
                  return v(d).period ? ReturnCell::of(v(d).period->due) : ReturnCell{};
                }},
    ReturnField{"changes_since", Kind::kDate,
                "Changes are counted after this day: the previous period's due date (with no "
                "earlier return, a sentence saying so).",
                [](const ReturnData& d, size_t) {
                  return v(d).since ? ReturnCell::of(*v(d).since)
                                    : ReturnCell::of(why_no_changes(v(d)));
                }},
    ReturnField{"as_of", Kind::kDate, "The day the statuses are judged at.",
                [](const ReturnData& d, size_t) { return ReturnCell::of(v(d).shown_as_of()); }},
    ReturnField{"sro", Kind::kText, "The senior responsible officer's role (sro:).",
                [](const ReturnData& d, size_t) { return answer_cell(v(d).sro); },
                [](const ReturnData& d, size_t) { return &v(d).sro; }},
    ReturnField{"sign_off", Kind::kText,
                "The role that signs the return off: the senior responsible officer's, when the "
                "plan names one; else empty, to fill in by hand.",
                [](const ReturnData& d, size_t) {
                  return ReturnCell::of(lead(d).sro ? lead(d).sro->role.value : std::string());
                }},
    ReturnField{
        "author", Kind::kText, "The plan author's role.",
        [](const ReturnData& d, size_t) { return ReturnCell::of(person_cell(lead(d).author)); }},
    ReturnField{"board_date", Kind::kDate,
                "The board meeting that discusses this update (the lead plan's first `board:` "
                "entry on or after the as-of date).",
                [](const ReturnData& d, size_t) {
                  return v(d).meeting ? ReturnCell::of(v(d).meeting->date->value) : ReturnCell{};
                },
                [](const ReturnData& d, size_t) { return &v(d).board.date; }},
    ReturnField{"board_body", Kind::kText, "Which board it is.",
                [](const ReturnData& d, size_t) { return answer_cell(v(d).board.body); },
                [](const ReturnData& d, size_t) { return &v(d).board.body; }},
    ReturnField{"board_public", Kind::kText, "Yes if the meeting is held in public, No if not.",
                [](const ReturnData& d, size_t) { return answer_cell(v(d).board.held_in_public); },
                [](const ReturnData& d, size_t) { return &v(d).board.held_in_public; }},
    ReturnField{"board_item", Kind::kText, "The agenda item.",
                [](const ReturnData& d, size_t) {
                  return ReturnCell::of(v(d).meeting ? v(d).meeting->agenda_item : std::string());
                }},
    ReturnField{"board_assurance", Kind::kText, "The level of assurance the paper offers.",
                [](const ReturnData& d, size_t) { return answer_cell(v(d).board.assurance); },
                [](const ReturnData& d, size_t) { return &v(d).board.assurance; }},
    ReturnField{
        "actions", Kind::kNumber, "Actions in the system's plans at the as-of date.",
        [](const ReturnData& d, size_t) { return ReturnCell::of(v(d).all.counts.total()); }},
    ReturnField{"blue", Kind::kNumber, "Of them, Blue (complete).",
                [](const ReturnData& d, size_t) { return brag_count(d, Brag::kBlue); }},
    ReturnField{"red", Kind::kNumber, "Red (off track).",
                [](const ReturnData& d, size_t) { return brag_count(d, Brag::kRed); }},
    ReturnField{"amber", Kind::kNumber, "Amber (at risk, re-planned, or no due date yet).",
                [](const ReturnData& d, size_t) { return brag_count(d, Brag::kAmber); }},
    ReturnField{"green", Kind::kNumber, "Green (on track).",
                [](const ReturnData& d, size_t) { return brag_count(d, Brag::kGreen); }},
    ReturnField{"grey", Kind::kNumber,
                "Grey (not yet started, or with no status reported, and not due soon).",
                [](const ReturnData& d, size_t) { return brag_count(d, Brag::kGrey); }},
    ReturnField{"overdue", Kind::kNumber, "Open actions past their due date.",
                [](const ReturnData& d, size_t) { return ReturnCell::of(count(v(d).overdue)); }},
    ReturnField{
        "completed_in_period", Kind::kNumber,
        "Completed since the previous period (n/a with no earlier return).",
        [](const ReturnData& d, size_t) { return period_count(d, v(d).completed_in_period); }},
    ReturnField{
        "became_overdue", Kind::kNumber, "Became overdue since the previous period (or n/a).",
        [](const ReturnData& d, size_t) { return period_count(d, v(d).overdue_in_period); }},
    ReturnField{"slipped", Kind::kNumber, "Slipped to a later due date since then (or n/a).",
                [](const ReturnData& d, size_t) { return period_count(d, v(d).slipped); }},
    ReturnField{"new_actions", Kind::kNumber, "Added to the plans since then (or n/a).",
                [](const ReturnData& d, size_t) {
                  if (v(d).compares() && !v(d).records_added())
                    return ReturnCell::of(std::string("Not recorded in the plans"));
                  return period_count(d, v(d).new_actions);
                }},
    ReturnField{"risks_open", Kind::kNumber, "Open risks.",
                [](const ReturnData& d, size_t) {
                  return ReturnCell::of(
                      static_cast<int>(std::count_if(v(d).risks.begin(), v(d).risks.end(),
                                                     [](const RiskRow& r) { return r.open; })));
                }},
    ReturnField{"items", Kind::kNumber, "Framework items the plans answer to.",
                [](const ReturnData& d, size_t) {
                  return ReturnCell::of(static_cast<int>(d.items.size()));
                }},
    ReturnField{"gaps", Kind::kNumber, "Of them, items no action addresses.",
                [](const ReturnData& d, size_t) { return ReturnCell::of(v(d).gaps()); }},
    ReturnField{
        "dna_policy", Kind::kText,
        "The lead organisation's own DNA discharge assurance on policy: yes, no or "
        "partial.",
        [](const ReturnData& d, size_t) { return answer_cell(v(d).orgs.front().dna.policy); },
        [](const ReturnData& d, size_t) { return &v(d).orgs.front().dna.policy; }},
    ReturnField{
        "dna_practice", Kind::kText, "The same on practice.",
        [](const ReturnData& d, size_t) { return answer_cell(v(d).orgs.front().dna.practice); },
        [](const ReturnData& d, size_t) { return &v(d).orgs.front().dna.practice; }},
    ReturnField{"blank", Kind::kText,
                "A cell to fill in by hand (e.g. the sign-off date), saying so until it is.",
                [](const ReturnData&, size_t) { return ReturnCell::of(std::string(kByHand)); }},
};

// ---- Framework items ----------------------------------------------------------------------

const ItemView& item(const ReturnData& d, size_t i) {
  return *d.items[i];
}
ReturnCell item_count(const ReturnData& d, size_t i, Brag b) {
  return ReturnCell::of(item(d, i).actions.counts[b]);
}

const std::array kItemFields = {
    ReturnField{"framework", Kind::kText, "The framework's title.",
                [](const ReturnData& d, size_t i) {
                  return ReturnCell::of(d.item_framework[i]->framework->title);
                }},
    ReturnField{"framework_id", Kind::kText, "The framework's id.",
                [](const ReturnData& d, size_t i) {
                  return ReturnCell::of(d.item_framework[i]->framework->id);
                }},
    ReturnField{"item_id", Kind::kText, "The item's id, as plans cite it.",
                [](const ReturnData& d, size_t i) { return ReturnCell::of(item(d, i).item->id); }},
    ReturnField{
        "item", Kind::kText, "The item's title.",
        [](const ReturnData& d, size_t i) { return ReturnCell::of(item(d, i).item->title); }},
    ReturnField{"actions", Kind::kNumber, "Actions that address it.",
                [](const ReturnData& d, size_t i) {
                  return ReturnCell::of(item(d, i).actions.counts.total());
                }},
    ReturnField{"blue", Kind::kNumber, "Of them, Blue.",
                [](const ReturnData& d, size_t i) { return item_count(d, i, Brag::kBlue); }},
    ReturnField{"red", Kind::kNumber, "Red.",
                [](const ReturnData& d, size_t i) { return item_count(d, i, Brag::kRed); }},
    ReturnField{"amber", Kind::kNumber, "Amber.",
                [](const ReturnData& d, size_t i) { return item_count(d, i, Brag::kAmber); }},
    ReturnField{"green", Kind::kNumber, "Green.",
                [](const ReturnData& d, size_t i) { return item_count(d, i, Brag::kGreen); }},
    ReturnField{"grey", Kind::kNumber, "Grey.",
                [](const ReturnData& d, size_t i) { return item_count(d, i, Brag::kGrey); }},
    ReturnField{"gap", Kind::kText,
                "Yes when no action addresses the item, with the action that is to add actions "
                "for it, if any.",
                [](const ReturnData& d, size_t i) {
                  const ItemView& it = item(d, i);
                  if (!it.gap() || it.planned_by.empty()) return yes_if(it.gap());
                  return ReturnCell::of("Yes; " + planners_text(*d.view, it.planned_by, "it"));
                }},
    ReturnField{"uncovered_expectations", Kind::kText,
                "The item's expectations that no action addresses.",
                [](const ReturnData& d, size_t i) {
                  std::vector<std::string> titles;
                  for (const FrameworkItem* e : item(d, i).uncovered_expectations)
                    titles.push_back(e->title);
                  return ReturnCell::of(join(titles, "; "));
                }},
    ReturnField{
        "assurance", Kind::kText,
        "The lead plan's self-assessed assurance on the item (self_assessment:).",
        [](const ReturnData& d, size_t i) { return answer_cell(item(d, i).assessed.assurance); },
        [](const ReturnData& d, size_t i) { return &item(d, i).assessed.assurance; }},
    ReturnField{
        "narrative", Kind::kText, "The narrative of that self-assessment.",
        [](const ReturnData& d, size_t i) { return answer_cell(item(d, i).assessed.narrative); },
        [](const ReturnData& d, size_t i) { return &item(d, i).assessed.narrative; }},
};

// ---- Actions ------------------------------------------------------------------------------

const ActionRow& row(const ReturnData& d, size_t i) {
  return d.view->rows[i];
}
const Action& act(const ReturnData& d, size_t i) {
  return *d.view->rows[i].action;
}

std::string cost_cell_text(const std::optional<Cost>& cost) {
  if (!cost) return "";
  std::string text;
  switch (cost->kind) {
    case Cost::Kind::kNone:
      text = "None";
      break;
    case Cost::Kind::kTbc:
      text = "To be confirmed";
      break;
    case Cost::Kind::kNotStated:
      text = "Costed; figure not stated";
      break;
    case Cost::Kind::kAmount:
      text = fmt::format("£{:.0f}{}", cost->amount,
                         cost->recurrent.value_or(false) ? " recurrent" : "");
      break;
  }
  if (!cost->note.empty()) text += " (" + cost->note + ")";
  return text;
}

const std::array kActionFields = {
    ReturnField{"org", Kind::kText, "The organisation whose plan holds it (short name).",
                [](const ReturnData& d, size_t i) { return ReturnCell::of(row(d, i).org); }},
    ReturnField{"id", Kind::kText, "The action's id.",
                [](const ReturnData& d, size_t i) { return ReturnCell::of(row(d, i).id); }},
    ReturnField{"title", Kind::kText, "What will be done.",
                [](const ReturnData& d, size_t i) {
                  return ReturnCell::of(value_or_empty(act(d, i).title));
                }},
    ReturnField{
        "description", Kind::kText, "More detail.",
        [](const ReturnData& d, size_t i) { return ReturnCell::of(act(d, i).description); }},
    ReturnField{"group", Kind::kText, "Its group.",
                [](const ReturnData& d, size_t i) {
                  return ReturnCell::of(value_or_empty(act(d, i).group));
                }},
    ReturnField{"addresses", Kind::kText, "The framework item ids it addresses, as written.",
                [](const ReturnData& d, size_t i) {
                  return ReturnCell::of(join_values(act(d, i).addresses, ", "));
                }},
    ReturnField{"items", Kind::kText, "The top-level framework items it counts towards, by name.",
                [](const ReturnData& d, size_t i) {
                  std::vector<std::string> titles;
                  for (const FrameworkItem* it : row(d, i).items) titles.push_back(it->title);
                  return ReturnCell::of(join(titles, "; "));
                }},
    ReturnField{"item_ids", Kind::kText, "The same items by id, as plans cite them.",
                [](const ReturnData& d, size_t i) {
                  std::vector<std::string> ids;
                  for (const FrameworkItem* it : row(d, i).items) ids.push_back(it->id);
                  return ReturnCell::of(join(ids));
                }},
    ReturnField{"lead", Kind::kText, "Lead organisations.",
                [](const ReturnData& d, size_t i) {
                  return ReturnCell::of(join_values(act(d, i).lead, ", "));
                }},
    ReturnField{"owner", Kind::kText, "The owning role.",
                [](const ReturnData& d, size_t i) { return ReturnCell::of(act(d, i).owner); }},
    ReturnField{"timeframe", Kind::kText, "short, medium or long.",
                [](const ReturnData& d, size_t i) {
                  return words_cell(value_or_empty(act(d, i).timeframe));
                }},
    ReturnField{"due", Kind::kDue, "The due date at the as-of date (a date, or tbc / ongoing).",
                [](const ReturnData& d, size_t i) { return due_cell(row(d, i).state.due); }},
    ReturnField{"baseline_due", Kind::kDue, "The first agreed due date, when re-planned.",
                [](const ReturnData& d, size_t i) {
                  const auto& b = act(d, i).baseline_due;
                  return b ? due_cell(b->value) : ReturnCell{};
                }},
    ReturnField{
        "status", Kind::kText, "The declared status at the as-of date.",
        [](const ReturnData& d, size_t i) { return words_cell(name_of(row(d, i).state.status)); }},
    ReturnField{"brag", Kind::kBrag, "The computed BRAG status (Blue, Red, Amber, Green, Grey).",
                [](const ReturnData& d, size_t i) { return brag_cell(row(d, i).rag.brag); }},
    ReturnField{"brag_reason", Kind::kText, "Why it has that colour.",
                [](const ReturnData& d, size_t i) {
                  // The paper queries a due date earlier than the plan itself; so does the
                  // return, in the words beside the colour.
                  const ActionRow& r = row(d, i);
                  return ReturnCell::of(r.due_queried
                                            ? r.rag.reason +
                                                  "; the due date is earlier than the plan itself "
                                                  "and is to be confirmed"
                                            : r.rag.reason);
                }},
    ReturnField{"overdue", Kind::kText, "Yes when open past its due date.",
                [](const ReturnData& d, size_t i) { return yes_if(row(d, i).overdue); }},
    ReturnField{"completed", Kind::kDate, "When it was completed (if by the as-of date).",
                [](const ReturnData& d, size_t i) {
                  return row(d, i).state.complete() ? date_cell(act(d, i).completed) : ReturnCell{};
                }},
    ReturnField{"added", Kind::kDate, "When it joined the plan, if recorded.",
                [](const ReturnData& d, size_t i) { return date_cell(act(d, i).added); }},
    ReturnField{"cost", Kind::kText, "Its cost.",
                [](const ReturnData& d, size_t i) {
                  return ReturnCell::of(cost_cell_text(act(d, i).cost));
                }},
    ReturnField{"evidence", Kind::kText, "Evidence of completion.",
                [](const ReturnData& d, size_t i) {
                  return ReturnCell::of(join_values(act(d, i).evidence, "; "));
                }},
    ReturnField{"latest_update", Kind::kText, "The newest update's note, by the as-of date.",
                [](const ReturnData& d, size_t i) {
                  const Update* u = row(d, i).latest;
                  return ReturnCell::of(u ? u->note : std::string());
                }},
    ReturnField{"latest_update_date", Kind::kDate, "Its date.",
                [](const ReturnData& d, size_t i) {
                  const Update* u = row(d, i).latest;
                  return u ? ReturnCell::of(u->date->value) : ReturnCell{};
                }},
    ReturnField{"next_steps", Kind::kText, "What happens next.",
                [](const ReturnData& d, size_t i) { return ReturnCell::of(act(d, i).next_steps); }},
};

// ---- Risks ----------------------------------------------------------------------------------

const Risk& risk(const ReturnData& d, size_t i) {
  return *d.view->risks[i].risk;
}
ReturnCell opt_int(const std::optional<Located<int>>& n) {
  return n ? ReturnCell::of(n->value) : ReturnCell{};
}

const std::array kRiskFields = {
    ReturnField{"org", Kind::kText, "The organisation whose plan holds it.",
                [](const ReturnData& d, size_t i) { return ReturnCell::of(d.view->risks[i].org); }},
    ReturnField{"id", Kind::kText, "The risk's id.",
                [](const ReturnData& d, size_t i) {
                  return ReturnCell::of(value_or_empty(risk(d, i).id));
                }},
    ReturnField{"title", Kind::kText, "The risk.",
                [](const ReturnData& d, size_t i) {
                  return ReturnCell::of(value_or_empty(risk(d, i).title));
                }},
    ReturnField{"likelihood", Kind::kNumber, "1 to 5.",
                [](const ReturnData& d, size_t i) { return opt_int(risk(d, i).likelihood); }},
    ReturnField{"impact", Kind::kNumber, "1 to 5.",
                [](const ReturnData& d, size_t i) { return opt_int(risk(d, i).impact); }},
    ReturnField{"score", Kind::kNumber, "Likelihood times impact.",
                [](const ReturnData& d, size_t i) {
                  auto s = risk(d, i).score();
                  return s ? ReturnCell::of(*s) : ReturnCell{};
                }},
    ReturnField{"state", Kind::kText, "Open or Closed at the as-of date.",
                [](const ReturnData& d, size_t i) {
                  return ReturnCell::of(std::string(d.view->risks[i].open ? "Open" : "Closed"));
                }},
    ReturnField{"closed", Kind::kDate, "When it was closed.",
                [](const ReturnData& d, size_t i) {
                  return d.view->risks[i].open ? ReturnCell{} : date_cell(risk(d, i).closed);
                }},
    ReturnField{"owner", Kind::kText, "The owning role.",
                [](const ReturnData& d, size_t i) { return ReturnCell::of(risk(d, i).owner); }},
    ReturnField{"mitigations", Kind::kText, "How it is reduced.",
                [](const ReturnData& d, size_t i) {
                  return ReturnCell::of(join_values(risk(d, i).mitigations, "; "));
                }},
    ReturnField{"actions", Kind::kText, "The actions that mitigate it.",
                [](const ReturnData& d, size_t i) {
                  return ReturnCell::of(join_values(risk(d, i).actions, ", "));
                }},
};

// ---- Changes since the previous period -------------------------------------------------------

const ChangeEntry& change(const ReturnData& d, size_t i) {
  return d.changes[i];
}

const std::array kChangeFields = {
    ReturnField{"change", Kind::kText, "Completed, Became overdue, Slipped, New or Risk closed.",
                [](const ReturnData& d, size_t i) { return ReturnCell::of(change(d, i).change); }},
    ReturnField{"org", Kind::kText, "The organisation.",
                [](const ReturnData& d, size_t i) {
                  const ChangeEntry& c = change(d, i);
                  return ReturnCell::of(c.row ? c.row->org : c.risk->org);
                }},
    ReturnField{"id", Kind::kText, "The action's or risk's id.",
                [](const ReturnData& d, size_t i) {
                  const ChangeEntry& c = change(d, i);
                  return ReturnCell::of(c.row ? c.row->id : value_or_empty(c.risk->risk->id));
                }},
    ReturnField{"title", Kind::kText, "Its title.",
                [](const ReturnData& d, size_t i) {
                  const ChangeEntry& c = change(d, i);
                  return ReturnCell::of(
                      value_or_empty(c.row ? c.row->action->title : c.risk->risk->title));
                }},
    ReturnField{"brag_before", Kind::kBrag, "Its BRAG at the end of the previous period.",
                [](const ReturnData& d, size_t i) {
                  const ChangeEntry& c = change(d, i);
                  return c.row && c.row->change.before ? brag_cell(*c.row->change.before)
                                                       : ReturnCell{};
                }},
    ReturnField{"brag", Kind::kBrag, "Its BRAG now.",
                [](const ReturnData& d, size_t i) {
                  const ChangeEntry& c = change(d, i);
                  return c.row ? brag_cell(c.row->rag.brag) : ReturnCell{};
                }},
    ReturnField{"due_before", Kind::kDue, "Its due date at the end of the previous period.",
                [](const ReturnData& d, size_t i) {
                  const ChangeEntry& c = change(d, i);
                  return c.row ? due_cell(c.row->change.due_before) : ReturnCell{};
                }},
    ReturnField{"due", Kind::kDue, "Its due date now.",
                [](const ReturnData& d, size_t i) {
                  const ChangeEntry& c = change(d, i);
                  return c.row ? due_cell(c.row->state.due) : ReturnCell{};
                }},
    ReturnField{"baseline_due", Kind::kDue, "The first agreed due date.",
                [](const ReturnData& d, size_t i) {
                  const ChangeEntry& c = change(d, i);
                  return c.row && c.row->action->baseline_due
                             ? due_cell(c.row->action->baseline_due->value)
                             : ReturnCell{};
                }},
    ReturnField{"latest_update", Kind::kText, "The newest update's note.",
                [](const ReturnData& d, size_t i) {
                  const ChangeEntry& c = change(d, i);
                  return ReturnCell::of(c.row && c.row->latest ? c.row->latest->note
                                                               : std::string());
                }},
};

// ---- DNA discharge assurance, one row per organisation ---------------------------------------

const OrgView& org(const ReturnData& d, size_t i) {
  return d.view->orgs[i];
}

const std::array kDnaFields = {
    ReturnField{"org", Kind::kText, "The organisation's short name.",
                [](const ReturnData& d, size_t i) { return ReturnCell::of(org(d, i).label); }},
    ReturnField{"organisation", Kind::kText, "Its full name.",
                [](const ReturnData& d, size_t i) { return ReturnCell::of(org(d, i).name); }},
    ReturnField{"policy", Kind::kText,
                "Its policies say DNA is never a reason to discharge: yes, no, partial, or Not "
                "stated (its own plan's dna_discharge_assurance:).",
                [](const ReturnData& d, size_t i) { return answer_cell(org(d, i).dna.policy); },
                [](const ReturnData& d, size_t i) { return &org(d, i).dna.policy; }},
    ReturnField{"practice", Kind::kText, "Its practice matches the policy: the same words.",
                [](const ReturnData& d, size_t i) { return answer_cell(org(d, i).dna.practice); },
                [](const ReturnData& d, size_t i) { return &org(d, i).dna.practice; }},
    ReturnField{"note", Kind::kText, "The evidence.",
                [](const ReturnData& d, size_t i) {
                  // Dated as the paper dates it, when given for an earlier day.
                  const std::string when = dna_reported(org(d, i), *d.view);
                  const std::string& note = org(d, i).dna.note;
                  return ReturnCell::of(
                      when.empty() || note.empty() ? note : capitalised(when) + ": " + note);
                }},
};

// ---- The required answers a draft lacks ----------------------------------------------------

const MissingAnswer& gap_of(const ReturnData& d, size_t i) {
  return d.missing[i];
}

const std::array kMissingFields = {
    ReturnField{"sheet", Kind::kText, "The sheet the answer goes on.",
                [](const ReturnData& d, size_t i) { return ReturnCell::of(gap_of(d, i).sheet); }},
    ReturnField{"answer", Kind::kText, "Its column heading (on the cover, its label).",
                [](const ReturnData& d, size_t i) { return ReturnCell::of(gap_of(d, i).header); }},
    ReturnField{"row", Kind::kText, "Whose answer: the organisation or framework item.",
                [](const ReturnData& d, size_t i) { return ReturnCell::of(gap_of(d, i).row); }},
    ReturnField{
        "key", Kind::kText, "The plan key that fills it, e.g. board.assurance.",
        [](const ReturnData& d, size_t i) { return ReturnCell::of(gap_of(d, i).answer->key); }},
    ReturnField{"where", Kind::kText,
                "The plan file and line to write it at (the line of the entry it belongs to), "
                "or the file to add it to.",
                [](const ReturnData& d, size_t i) {
                  const Answer& a = *gap_of(d, i).answer;
                  return ReturnCell::of(a.pos.known() ? fmt::format("{}:{}", a.file, a.pos.line)
                                                      : a.file);
                }},
    ReturnField{
        "fix", Kind::kText, "What to write there.",
        [](const ReturnData& d, size_t i) { return ReturnCell::of(gap_of(d, i).answer->fix); }},
};

}  // namespace

size_t ReturnData::count(ReturnSource source) const {
  switch (source) {
    case ReturnSource::kCover:
      return 1;
    case ReturnSource::kItems:
      return items.size();
    case ReturnSource::kActions:
      return view->rows.size();
    case ReturnSource::kRisks:
      return view->risks.size();
    case ReturnSource::kChanges:
      return changes.size();
    case ReturnSource::kDna:
      return view->orgs.size();
    case ReturnSource::kMissing:
      return missing.size();
  }
  return 0;
}

std::string ReturnData::note(ReturnSource source) const {
  return source == ReturnSource::kChanges ? why_no_changes(*view) : std::string();
}

std::string ReturnData::row_label(ReturnSource source, size_t index) const {
  switch (source) {
    case ReturnSource::kItems:
      return items[index]->item->title;
    case ReturnSource::kDna:
      return view->orgs[index].name;
    default:
      return "";
  }
}

namespace {

// The required answers the records lack, sheet by sheet, row by row.
std::vector<MissingAnswer> missing_answers(const ReturnData& d, const ReturnLayout& layout) {
  std::vector<MissingAnswer> missing;
  for (const ReturnSheet& sheet : layout.sheets) {
    for (size_t i = 0; i < d.count(sheet.rows); ++i) {
      for (const ReturnColumn& col : sheet.columns) {
        if (!col.required || !col.field->answer) continue;
        const Answer* a = col.field->answer(d, i);
        if (!a->answered())
          missing.push_back(MissingAnswer{sheet.name, col.header, d.row_label(sheet.rows, i), a});
      }
    }
  }
  return missing;
}

}  // namespace

ReturnData return_data(const SystemView& view, const ReturnLayout& layout) {
  ReturnData d;
  d.view = &view;
  for (const FrameworkView& f : view.frameworks) {
    for (const ItemView& i : f.items) {
      d.items.push_back(&i);
      d.item_framework.push_back(&f);
    }
  }
  d.missing = missing_answers(d, layout);
  if (!view.compares()) return d;  // nothing to count changes from
  auto add = [&](const char* what, const std::vector<size_t>& rows) {
    for (size_t r : rows) d.changes.push_back(ChangeEntry{what, &view.rows[r], nullptr});
  };
  add("Completed", view.completed_in_period);
  add("Became overdue", view.overdue_in_period);
  add("Slipped", view.slipped);
  add("New", view.new_actions);
  for (size_t r : view.closed_risks)
    d.changes.push_back(ChangeEntry{"Risk closed", nullptr, &view.risks[r]});
  return d;
}

std::span<const ReturnField> return_fields(ReturnSource source) {
  switch (source) {
    case ReturnSource::kCover:
      return kCoverFields;
    case ReturnSource::kItems:
      return kItemFields;
    case ReturnSource::kActions:
      return kActionFields;
    case ReturnSource::kRisks:
      return kRiskFields;
    case ReturnSource::kChanges:
      return kChangeFields;
    case ReturnSource::kDna:
      return kDnaFields;
    case ReturnSource::kMissing:
      return kMissingFields;
  }
  return {};
}

const ReturnField* find_return_field(ReturnSource source, std::string_view name) {
  for (const ReturnField& f : return_fields(source)) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::string as_words(std::string_view code) {
  std::string out = capitalised(code);
  std::replace(out.begin(), out.end(), '-', ' ');
  return out;
}

}  // namespace iact
