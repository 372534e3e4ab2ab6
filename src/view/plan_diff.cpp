#include "view/plan_diff.h"

#include <algorithm>
#include <filesystem>
#include <utility>

#include <fmt/format.h>

#include "util/text.h"

namespace iact {

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

std::string day(const std::optional<Located<Date>>& d) {
  return d ? d->value.iso() : "";
}
// A due date in the form the plan writes it: "Q3 2025/26" stays a quarter, "2025-12" a month.
std::string due(const std::optional<Located<Due>>& d) {
  return d ? plan_form(d->value) : "";
}
std::string number(const std::optional<Located<int>>& n) {
  return n ? std::to_string(n->value) : "";
}

std::string cost(const std::optional<Cost>& c) {
  if (!c) return "";
  switch (c->kind) {
    case Cost::Kind::kNone:
      return "none";
    case Cost::Kind::kTbc:
      return "tbc";
    case Cost::Kind::kNotStated:
      return "not stated";
    case Cost::Kind::kAmount:
      return fmt::format("{:.0f}{}{}", c->amount, c->recurrent.value_or(false) ? " recurrent" : "",
                         c->note.empty() ? "" : " (" + c->note + ")");
  }
  return "";
}

std::string update_text(const Update& u) {
  std::string s = day(u.date);
  if (u.status) s += fmt::format(" {}", name_of(u.status->value));
  if (u.due) s += fmt::format(" due {}", due(u.due));
  if (!u.note.empty()) s += ": " + u.note;
  return s;
}

// The fields compared, in the plan format's order, as text. Updates are compared apart.
Fields action_fields(const Action& a) {
  return {{"title", value_or_empty(a.title)},
          {"description", a.description},
          {"group", value_or_empty(a.group)},
          {"addresses", join_values(a.addresses, ", ")},
          {"lead", join_values(a.lead, ", ")},
          {"owner", a.owner},
          {"timeframe", value_or_empty(a.timeframe)},
          {"due", due(a.due)},
          {"baseline_due", due(a.baseline_due)},
          {"status", a.status ? std::string(name_of(a.status->value)) : ""},
          {"completed", day(a.completed)},
          {"added", day(a.added)},
          {"cost", cost(a.cost)},
          {"evidence", join_values(a.evidence, ", ")},
          {"next_steps", a.next_steps}};
}

Fields risk_fields(const Risk& r) {
  auto score = r.score();
  return {{"title", value_or_empty(r.title)},
          {"likelihood", number(r.likelihood)},
          {"impact", number(r.impact)},
          {"score", score ? std::to_string(*score) : ""},
          {"mitigations", join_values(r.mitigations, ", ")},
          {"actions", join_values(r.actions, ", ")},
          {"owner", r.owner},
          {"closed", day(r.closed)}};
}

std::vector<FieldChange> compare(const Fields& before, const Fields& after) {
  std::vector<FieldChange> changes;
  for (size_t i = 0; i < after.size(); ++i) {
    if (before[i].second != after[i].second)
      changes.push_back({after[i].first, before[i].second, after[i].second});
  }
  return changes;
}

// Updates are a log: list the entries the newer version adds, and say if older ones were
// edited or removed.
void compare_updates(const Action& before, const Action& after, std::vector<FieldChange>& out) {
  std::vector<std::string> old_entries, new_entries;
  for (const Update& u : before.updates) old_entries.push_back(update_text(u));
  for (const Update& u : after.updates) new_entries.push_back(update_text(u));
  std::vector<std::string> added, dropped;
  for (const std::string& e : new_entries) {
    if (std::find(old_entries.begin(), old_entries.end(), e) == old_entries.end())
      added.push_back(e);
  }
  for (const std::string& e : old_entries) {
    if (std::find(new_entries.begin(), new_entries.end(), e) == new_entries.end())
      dropped.push_back(e);
  }
  if (!dropped.empty()) out.push_back({"updates", join(dropped, " | "), ""});
  if (!added.empty()) out.push_back({"updates", "", join(added, " | ")});
}

// What an action's fields and updates say beyond compare(): a due date rewritten in another
// form for the same day ("2025-09-30", "Q2 2025/26") is no change; the updates as a log.
void compare_action(const Action& before, const Action& after, std::vector<FieldChange>& out) {
  auto same_day = [](const std::optional<Located<Due>>& a, const std::optional<Located<Due>>& b) {
    return a && b && a->value == b->value;
  };
  std::erase_if(out, [&](const FieldChange& f) {
    return (f.field == "due" && same_day(before.due, after.due)) ||
           (f.field == "baseline_due" && same_day(before.baseline_due, after.baseline_due));
  });
  compare_updates(before, after, out);
}

template <typename T>
std::string id_of(const T& item) {
  return value_or_empty(item.id);
}

template <typename T, typename FieldsOf, typename Extra>
void diff_items(const std::vector<T>& before, const std::vector<T>& after, const char* what,
                const std::string& org, FieldsOf fields_of, Extra extra,
                std::vector<ItemChange>& out) {
  auto find = [](const std::vector<T>& items, const std::string& id) -> const T* {
    for (const T& i : items) {
      if (id_of(i) == id) return &i;
    }
    return nullptr;
  };
  for (const T& old_item : before) {
    if (!find(after, id_of(old_item)))
      out.push_back({ItemChange::Kind::kRemoved,
                     what,
                     org,
                     id_of(old_item),
                     value_or_empty(old_item.title),
                     {}});
  }
  for (const T& new_item : after) {
    const T* old_item = find(before, id_of(new_item));
    if (!old_item) {
      out.push_back({ItemChange::Kind::kAdded,
                     what,
                     org,
                     id_of(new_item),
                     value_or_empty(new_item.title),
                     {}});
      continue;
    }
    std::vector<FieldChange> fields = compare(fields_of(*old_item), fields_of(new_item));
    extra(*old_item, new_item, fields);
    if (!fields.empty())
      out.push_back({ItemChange::Kind::kChanged, what, org, id_of(new_item),
                     value_or_empty(new_item.title), std::move(fields)});
  }
}

std::string plan_key(const Plan& p) {
  if (p.organisation.code) return p.organisation.code->value;
  return std::filesystem::path(p.file).filename().string();
}

}  // namespace

std::string_view name_of(ItemChange::Kind kind) {
  switch (kind) {
    case ItemChange::Kind::kAdded:
      return "added";
    case ItemChange::Kind::kRemoved:
      return "removed";
    case ItemChange::Kind::kChanged:
      return "changed";
  }
  return "";
}

std::vector<ItemChange> diff_plans(const std::vector<const Plan*>& before,
                                   const std::vector<const Plan*>& after) {
  std::vector<ItemChange> out;
  auto find = [](const std::vector<const Plan*>& plans, const std::string& key) -> const Plan* {
    for (const Plan* p : plans) {
      if (plan_key(*p) == key) return p;
    }
    return nullptr;
  };
  for (const Plan* old_plan : before) {
    if (!find(after, plan_key(*old_plan)))
      out.push_back({ItemChange::Kind::kRemoved,
                     "plan",
                     old_plan->organisation.label(),
                     old_plan->file,
                     value_or_empty(old_plan->organisation.name),
                     {}});
  }
  for (const Plan* new_plan : after) {
    const std::string org = new_plan->organisation.label();
    const Plan* old_plan = find(before, plan_key(*new_plan));
    if (!old_plan) {
      out.push_back({ItemChange::Kind::kAdded,
                     "plan",
                     org,
                     new_plan->file,
                     value_or_empty(new_plan->organisation.name),
                     {}});
      continue;
    }
    diff_items(old_plan->actions, new_plan->actions, "action", org, action_fields, compare_action,
               out);
    diff_items(
        old_plan->risks, new_plan->risks, "risk", org, risk_fields,
        [](const Risk&, const Risk&, std::vector<FieldChange>&) {}, out);
  }
  return out;
}

}  // namespace iact
