// Plan text in, diagnostics and reports out: the loader, every check, the view of the plan's
// system and what each writer reads of it. A plan that loads with errors stops at the
// diagnostics, as iact does. Wherever the fast YAML path takes a text, yaml-cpp must read
// it to the same tree, without a word to say (a difference is a finding).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>

#include "check/coverage.h"
#include "check/plan_checks.h"
#include "check/report.h"
#include "check/return_checks.h"
#include "check/system_checks.h"
#include "frameworks/catalogue.h"
#include "plan/loader.h"
#include "plan/yaml_fast.h"
#include "util/text.h"
#include "view/system_view.h"
#include "write/chart.h"
#include "write/paper_context.h"
#include "write/return_workbook.h"
#include "write/status.h"

namespace {

const iact::Catalogue& catalogue() {
  static const iact::Catalogue c = [] {
    iact::Diagnostics ignored;
    return iact::load_catalogue(IACT_FUZZ_FRAMEWORKS, ignored);
  }();
  return c;
}

const iact::ReturnLayout& layout() {
  static const iact::ReturnLayout l = [] {
    iact::Diagnostics ignored;
    return *iact::load_return_layout(IACT_FUZZ_TEMPLATES "/return.yaml", ignored);
  }();
  return l;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace iact;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string file = "fuzz.yaml";
  if (!find_encoding_problem(text)) {
    const std::string_view body = strip_utf8_bom(text);
    if (std::optional<YamlNode> fast = parse_yaml_fast(body)) {
      Diagnostics said;
      std::optional<YamlNode> slow = parse_yaml_with_yaml_cpp(body, file, said);
      std::string where;
      if (!slow || !said.items().empty() || !same_yaml_tree(*fast, *slow, where)) __builtin_trap();
    }
  }
  Diagnostics diags;
  std::optional<Plan> plan = load_plan_text(text, file, diags);
  if (plan) {
    const CheckContext ctx{catalogue(), Date{2025, 7, 31}};
    check_plan(*plan, ctx, diags);
    check_system({&*plan}, diags);
    check_coverage({&*plan}, catalogue(), diags);
    check_return_readiness({&*plan}, catalogue(), Date{2025, 7, 31}, diags);
  }
  std::ostringstream out;
  const std::map<std::string, std::string> sources = {{file, std::string(text)}};
  print_text(diags, out, TextStyle{true, true, &sources});
  print_json(diags, out);
  if (!plan || diags.has_errors()) return 0;

  ViewError error;
  std::optional<SystemView> view =
      build_view("fuzz", {&*plan}, catalogue(),
                 ViewOptions{Date{2025, 7, 31}, "", std::nullopt, std::nullopt}, error);
  if (!view) return 0;
  write_status_text(*view, out, StatusStyle{false});
  out << status_json(*view).dump();
  out << paper_context(*view, PaperSettings{"chart.svg"}).dump();
  out << brag_chart_svg(*view);
  Diagnostics draft;
  add_draft_diagnostics(return_data(*view, layout()), draft);
  return 0;
}
