#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "check/report.h"
#include "check/rules.h"
#include "commands/commands.h"
#include "commands/context.h"

namespace iact {

int run_rules(const ListOptions& options) {
  if (options.format == "json") {
    nlohmann::json array = nlohmann::json::array();
    for (const Rule& r : all_rules()) {
      array.push_back(
          {{"id", r.id}, {"severity", severity_name(r.severity)}, {"summary", r.summary}});
    }
    std::cout << array.dump(2) << '\n';
  } else if (options.format == "markdown") {
    std::cout << "| rule | severity | what it finds |\n| --- | --- | --- |\n";
    for (const Rule& r : all_rules()) {
      std::cout << fmt::format("| `{}` | {} | {} |\n", r.id, severity_name(r.severity), r.summary);
    }
  } else {
    for (const Rule& r : all_rules()) {
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
