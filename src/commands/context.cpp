#include "commands/context.h"

#include <unistd.h>
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "check/report.h"
#include "plan/loader.h"

namespace iact {

bool stderr_wants_colour() {
  return isatty(STDERR_FILENO) && !std::getenv("NO_COLOR");
}

std::optional<Date> resolve_as_of(const std::string& as_of, Date today) {
  if (as_of.empty()) return today;
  if (auto d = parse_iso_day(as_of)) return d;
  std::cerr << fmt::format(
      "iact: --as-of '{}' is not a date; write it as YYYY-MM-DD, e.g. 2025-06-30\n", as_of);
  return std::nullopt;
}

std::optional<Catalogue> load_frameworks(const CommonOptions& common, Diagnostics& diags) {
  auto dir = find_frameworks_dir(common.frameworks_dir, common.exe);
  std::error_code ec;
  if (!dir || !std::filesystem::is_directory(*dir, ec)) {
    std::cerr << "iact: cannot find the frameworks folder"
              << (dir ? fmt::format(" ({})", dir->string()) : std::string()) << '\n'
              << "  hint: pass --frameworks DIR or set IACT_FRAMEWORKS to the folder that holds "
                 "the framework *.yaml files\n";
    return std::nullopt;
  }
  Diagnostics found;
  Catalogue catalogue = load_catalogue(*dir, found);
  if (found.has_errors()) {
    found.sort();
    print_text(found, std::cerr, TextStyle{stderr_wants_colour(), true});
    std::cerr << "iact: the frameworks in " << dir->string() << " have errors; fix them first\n";
    return std::nullopt;
  }
  if (catalogue.frameworks.empty()) {
    std::cerr << "iact: no frameworks found in " << dir->string() << '\n';
    return std::nullopt;
  }
  diags.append(found);
  return catalogue;
}

bool load_rag_policy(const CommonOptions& common, std::optional<RagSettings>& policy) {
  if (common.rag_policy.empty()) return true;
  Diagnostics diags;
  policy = load_policy_file(common.rag_policy, common.rag_policy, diags);
  if (!diags.items().empty()) {
    diags.sort();
    print_text(diags, std::cerr, TextStyle{stderr_wants_colour(), true});
  }
  if (!policy) {
    std::cerr << "iact: the RAG policy " << common.rag_policy << " cannot be used; fix it first\n";
    return false;
  }
  return true;
}

}  // namespace iact
