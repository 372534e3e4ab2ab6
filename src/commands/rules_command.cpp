#include <algorithm>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "check/report.h"
#include "check/rules.h"
#include "commands/commands.h"
#include "commands/context.h"
#include "util/edit_distance.h"

namespace iact {

namespace {

// The rules named, in the table's order; every rule when none is. Prints why and returns
// nothing if a name is not a rule's id.
std::optional<std::vector<Rule>> named_rules(const std::vector<std::string>& ids) {
  std::vector<std::string> known;
  for (const Rule& r : all_rules()) known.emplace_back(r.id);
  for (const std::string& id : ids) {
    if (std::find(known.begin(), known.end(), id) != known.end()) continue;
    const std::optional<std::string> near = closest_match(id, known);
    std::cerr << fmt::format(
        "iact: no rule '{}'{}\n", id,
        near ? fmt::format("; did you mean '{}'?", *near) : std::string("; iact rules lists them"));
    return std::nullopt;
  }
  std::vector<Rule> out;
  for (const Rule& r : all_rules()) {
    if (ids.empty() || std::find(ids.begin(), ids.end(), r.id) != ids.end()) out.push_back(r);
  }
  return out;
}

}  // namespace

int run_rules(const ListOptions& options) {
  const std::optional<std::vector<Rule>> rules = named_rules(options.rules);
  if (!rules) return kExitUsage;
  if (options.format == "json") {
    nlohmann::json array = nlohmann::json::array();
    for (const Rule& r : *rules) {
      array.push_back({{"id", r.id},
                       {"severity", severity_name(r.severity)},
                       {"summary", r.summary},
                       {"why", r.why},
                       {"fix", r.fix},
                       {"example", r.example},
                       {"help_uri", rule_help_uri(r)}});
    }
    std::cout << array.dump(2) << '\n';
  } else if (options.explain || !options.rules.empty()) {
    if (options.rules.empty()) {
      std::cout << rules_reference(*rules);
    } else {
      for (const Rule& r : *rules)
        std::cout << fmt::format("{}## {}\n\n{}", &r == &rules->front() ? "" : "\n", r.id,
                                 rule_help_markdown(r));
    }
  } else if (options.format == "markdown") {
    std::cout << "| rule | severity | what it finds |\n| --- | --- | --- |\n";
    for (const Rule& r : *rules) {
      std::cout << fmt::format("| `{}` | {} | {} |\n", r.id, severity_name(r.severity), r.summary);
    }
  } else {
    for (const Rule& r : *rules) {
      std::cout << fmt::format("{:<26} {:<8} {}\n", r.id, severity_name(r.severity), r.summary);
    }
  }
  return kExitOk;
}

int run_frameworks(const ListOptions& options, const CommonOptions& common) {
  Diagnostics diags;
  std::optional<Catalogue> catalogue = load_frameworks(common, diags);
  if (!catalogue) return kExitUsage;
  if (options.format == "json") {
    nlohmann::json out = nlohmann::json::object();
    nlohmann::json frameworks = nlohmann::json::array();
    for (const Framework& f : catalogue->frameworks) {
      nlohmann::json items = nlohmann::json::array();
      for (size_t i : f.items) {
        const FrameworkItem& item = catalogue->items[i];
        items.push_back({{"id", item.id}, {"parent", item.parent}, {"title", item.title}});
      }
      frameworks.push_back({{"id", f.id},
                            {"title", f.title},
                            {"source", f.source_document},
                            {"date", f.source_date.iso()},
                            {"items", items}});
    }
    nlohmann::json periods = nlohmann::json::array();
    for (const Period& p : catalogue->periods) {
      periods.push_back({{"id", p.id},
                         {"due", p.due.iso()},
                         {"title", p.title},
                         {"local", p.local() ? nlohmann::json(p.local_file) : nlohmann::json()}});
    }
    out["frameworks"] = frameworks;
    out["periods"] = periods;
    std::cout << out.dump(2) << '\n';
    return kExitOk;
  }
  for (const Framework& f : catalogue->frameworks) {
    std::cout << fmt::format("{} - {} ({}, {})\n", f.id, f.title, f.source_document,
                             f.source_date.iso());
    for (size_t i : f.items) {
      const FrameworkItem& item = catalogue->items[i];
      std::cout << fmt::format("  {}{:<44} {}\n", item.is_expectation() ? "  " : "", item.id,
                               item.title);
    }
    std::cout << '\n';
  }
  std::cout << "Reporting periods:\n";
  for (const Period& p : catalogue->periods) {
    std::cout << fmt::format("  {}  due {}  {}{}\n", p.id, p.due.iso(), p.title,
                             p.local() ? fmt::format(" (local: {})", p.local_file) : "");
  }
  return kExitOk;
}

}  // namespace iact
