#include "write/plan_yaml.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "util/escape.h"

namespace iact {

namespace {

void field(std::string& out, int indent, std::string_view key, std::string_view value) {
  out += yaml_field(indent, key, value);
}

bool id_like(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(),
                     [](char c) {
                       return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' ||
                              c == '-' || c == '/' || c == ' ';
                     }) &&
         s.front() != '-' && s.front() != ' ' && s.back() != ' ';
}

// A list on one line when its items are short words, else one item a line.
void list(std::string& out, int indent, std::string_view key,
          const std::vector<std::string>& items) {
  if (items.empty()) return;
  const bool flow = std::all_of(items.begin(), items.end(), [](const std::string& s) {
    return id_like(s) && yaml_scalar(s) == s;
  });
  const std::string pad(static_cast<size_t>(indent), ' ');
  if (flow && items.size() == 1) {
    out += fmt::format("{}{}: {}\n", pad, key, items.front());
    return;
  }
  std::string joined;
  for (const std::string& i : items) joined += (joined.empty() ? "" : ", ") + i;
  if (flow && joined.size() + key.size() + static_cast<size_t>(indent) < 90) {
    out += fmt::format("{}{}: [{}]\n", pad, key, joined);
    return;
  }
  out += fmt::format("{}{}:\n", pad, key);
  for (const std::string& i : items) out += fmt::format("{}  - {}\n", pad, yaml_scalar(i));
}

std::string cost_text(const Cost& c) {
  switch (c.kind) {
    case Cost::Kind::kNone:
      return "none";
    case Cost::Kind::kTbc:
      return "tbc";
    case Cost::Kind::kNotStated:
      return "not stated";
    case Cost::Kind::kAmount:
      break;
  }
  const std::string amount = fmt::format("{}", c.amount);
  return c.recurrent.value_or(false) ? fmt::format("{{ amount: {}, recurrent: true }}", amount)
                                     : amount;
}

}  // namespace

std::string action_yaml(const ImportedAction& a, const std::string& comment) {
  std::string out;
  if (!comment.empty()) out += "  " + yaml_comment(comment) + "\n";
  out += fmt::format("  - id: {}\n", yaml_scalar(a.id));
  field(out, 4, "title", a.title);
  if (!a.description.empty()) field(out, 4, "description", a.description);
  if (!a.group.empty()) field(out, 4, "group", a.group);
  list(out, 4, "addresses", a.addresses);
  list(out, 4, "lead", a.lead);
  if (!a.owner.empty()) field(out, 4, "owner", a.owner);
  if (!a.timeframe.empty()) field(out, 4, "timeframe", a.timeframe);
  out += fmt::format("    due: {}\n", yaml_scalar(plan_form(a.due)));
  if (a.baseline_due)
    out += fmt::format("    baseline_due: {}\n", yaml_scalar(plan_form(*a.baseline_due)));
  out += fmt::format("    status: {}\n", name_of(a.status));
  if (a.completed) out += fmt::format("    completed: {}\n", a.completed->iso());
  if (a.added) out += fmt::format("    added: {}\n", a.added->iso());
  if (a.cost) out += fmt::format("    cost: {}\n", cost_text(*a.cost));
  list(out, 4, "evidence", a.evidence);
  if (!a.notes.empty()) {
    std::string notes;
    for (const std::string& n : a.notes) notes += (notes.empty() ? "" : "\n") + n;
    field(out, 4, "notes", notes);
  }
  if (a.update) {
    out += "    updates:\n";
    out += fmt::format("      - date: {}\n", a.update->date.iso());
    if (a.update->status) out += fmt::format("        status: {}\n", name_of(*a.update->status));
    field(out, 8, "note", a.update->note);
  }
  return out;
}

std::string plan_yaml(const PlanHeader& h, const std::vector<ImportedAction>& actions,
                      const std::vector<std::string>& action_comments) {
  std::string out;
  if (!h.schema.empty()) out += yaml_comment("yaml-language-server: $schema=" + h.schema) + "\n";
  for (const std::string& c : h.comments) out += yaml_comment(c) + "\n";
  out += "iact: 1\n";
  out += "organisation:\n";
  field(out, 2, "code", h.code);
  field(out, 2, "name", h.name);
  if (!h.short_name.empty()) field(out, 2, "short", h.short_name);
  field(out, 2, "kind", h.kind);
  if (!h.icb.empty()) field(out, 2, "icb", h.icb);
  if (!h.region.empty()) field(out, 2, "region", h.region);
  list(out, 0, "frameworks", h.frameworks);
  list(out, 0, "groups", h.groups);
  out += "actions:\n";
  for (size_t i = 0; i < actions.size(); ++i) {
    if (i > 0) out += "\n";
    out += action_yaml(actions[i], i < action_comments.size() ? action_comments[i] : "");
  }
  return out;
}

}  // namespace iact
