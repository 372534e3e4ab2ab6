// iact new: a starter plan that validates, with a comment beside every key saying what goes
// there, for a programme lead's first ten minutes.
#include <iostream>

#include <fmt/format.h>

#include "check/coverage.h"
#include "check/report.h"
#include "check/return_checks.h"
#include "check/system_checks.h"
#include "commands/commands.h"
#include "commands/context.h"
#include "plan/loader.h"
#include "util/escape.h"
#include "util/files.h"

namespace iact {

namespace fs = std::filesystem;

namespace {

// The schema for editors, if iact can find it: as a path from the plan's folder when the
// plan lives beside it (plans/ of this repository), else where it is installed, in full, so
// that a plan made elsewhere does not point into a folder it has nothing to do with.
std::string schema_path(const CommonOptions& common, const fs::path& plan) {
  std::optional<fs::path> dir = find_data_dir("schema", "", "IACT_SCHEMA", common.exe);
  std::error_code ec;
  if (!dir || !fs::exists(*dir / "iact-plan.schema.json", ec)) return "";
  const fs::path schema = fs::weakly_canonical(fs::absolute(*dir / "iact-plan.schema.json"), ec);
  if (ec) return "";
  const fs::path from =
      fs::weakly_canonical(fs::absolute(plan.parent_path().empty() ? "." : plan.parent_path()), ec);
  if (ec) return schema.generic_string();
  const fs::path home = schema.parent_path().parent_path();  // the repository, or share/iact
  const fs::path inside = from.lexically_relative(home);
  if (inside.empty() || *inside.begin() == "..") return schema.generic_string();
  return schema.lexically_relative(from).generic_string();
}

// A line of YAML with its comment lined up with the others.
std::string commented(const std::string& yaml, std::string_view comment) {
  constexpr size_t kCommentColumn = 40;
  const size_t pad = yaml.size() < kCommentColumn ? kCommentColumn - yaml.size() : 1;
  return yaml + std::string(pad, ' ') + yaml_comment(comment) + "\n";
}

std::string starter_plan(const NewOptions& o, const std::string& schema, Date today) {
  const std::string label = o.short_name.empty() ? o.code : o.short_name;
  // The example is due at the end of the third month from today.
  int year = today.year, month = today.month + 3;
  if (month > 12) month -= 12, ++year;
  std::string out;
  if (!schema.empty()) out += yaml_comment("yaml-language-server: $schema=" + schema) + "\n";
  out += yaml_comment(fmt::format("The action plan of {}", o.name)) + "\n";
  out += fmt::format(
      "# for intensive and assertive community mental health care, started with `iact new` on\n"
      "# {}. Replace the example action with your own, then\n"
      "# check the plan with `iact validate`. `iact format` describes every key; `iact\n"
      "# frameworks` lists the framework items an action can address.\n",
      today.iso());
  out += "iact: 1\n";
  out += "organisation:\n";
  out += commented("  code: " + yaml_scalar(o.code), "ODS code");
  out += fmt::format("  name: {}\n", yaml_scalar(o.name));
  if (!o.short_name.empty())
    out += commented("  short: " + yaml_scalar(o.short_name), "used in tables and in action leads");
  out += commented("  kind: " + yaml_scalar(o.kind), "trust or icb");
  if (o.kind == "trust")
    out += commented("  icb: " + yaml_scalar(o.icb), "the ICB the trust reports to");
  if (!o.region.empty()) out += fmt::format("  region: {}\n", yaml_scalar(o.region));
  out +=
      "# The national frameworks the plan answers to: each of their items is a gap until an\n"
      "# action addresses it.\n"
      "frameworks: [nhse-2024-themes, investigation-2025, webinar-2025]\n"
      "# Who answers for the plan, and who keeps it (roles; a name is optional). The return's\n"
      "# cover names the senior responsible officer; forms ask owners to reply to the author.\n"
      "# sro: { role: Chief Nursing Officer }\n"
      "# author: { role: Head of Mental Health Transformation }\n"
      "# The return asks whether non-attendance (DNA) is ever a reason to discharge. Where\n"
      "# your source does not say, write not-stated: the return then reads \"Not stated\".\n"
      "# dna_discharge_assurance: { policy: yes, practice: partial, note: ... }\n"
      "# Meetings where the plan is discussed; the board paper's cover sheet comes from here.\n"
      "# board:\n"
      "#   - date: 2027-01-28\n"
      "#     body: Board of Directors\n"
      "#     public: true\n"
      "#     assurance: reasonable   # substantial, reasonable, limited, none or not-stated\n"
      "actions:\n";
  out += commented("  - id: ACT-01", "unique in the plan: letters, digits, . _ -");
  out +=
      "    title: \"Example: agree how the service identifies the people who need intensive "
      "care\"\n";
  out += commented("    addresses: [cohort-identification, model-governance]", "framework items");
  out += commented("    lead: " + yaml_scalar(label), "the lead organisation(s)");
  out += commented("    owner: Associate Director of Mental Health", "a role, not a name");
  out += commented(fmt::format("    due: {:04d}-{:02d}", year, month),
                   "a day, a month, \"Q4 2025/26\", tbc or ongoing");
  out += commented("    status: not-started",
                   "not-started, on-track, at-risk, off-track, blocked, complete");
  out += commented("    added: " + today.iso(), "when the action joined the plan");
  out += commented("    # updates:", "the progress log, oldest first");
  out += "    #   - date: " + today.iso() +
         "\n"
         "    #     status: on-track\n"
         "    #     note: What happened since the last update.\n";
  return out;
}

}  // namespace

int run_new(const NewOptions& options, const CommonOptions& common) {
  if (options.kind == "trust" && options.icb.empty()) {
    std::cerr << "iact: a trust's plan needs --icb, the ODS code of the ICB it reports to\n";
    return kExitUsage;
  }
  std::error_code ec;
  if (fs::exists(options.output, ec) && !options.force) {
    std::cerr << fmt::format("iact: {} exists; pass --force to replace it\n", options.output);
    return kExitUsage;
  }
  const std::string text = starter_plan(options, schema_path(common, options.output), common.today);
  // The starter must load and check without errors, or the options made it wrong.
  Diagnostics framework_diags;
  std::optional<Catalogue> catalogue = load_frameworks(common, framework_diags, {options.output});
  if (!catalogue) return kExitUsage;
  Diagnostics diags;
  std::optional<Plan> plan = load_plan_text(text, options.output, diags);
  if (plan) {
    check_plan(*plan, CheckContext{*catalogue, common.today}, diags);
    check_system({&*plan}, diags);
    check_coverage({&*plan}, *catalogue, diags);
    check_return_readiness({&*plan}, *catalogue, common.today, diags);
  }
  if (diags.has_errors()) {
    Diagnostics errors;
    for (const Diagnostic& d : diags.items()) {
      if (d.severity == Severity::kError) errors.items().push_back(d);
    }
    const std::map<std::string, std::string> sources = {{options.output, text}};
    print_text(errors, std::cerr, TextStyle{stderr_wants_colour(), true, &sources});
    std::cerr << "iact: the options above make a plan with errors; nothing was written\n";
    return kExitPlanErrors;
  }
  if (!fs::path(options.output).parent_path().empty())
    fs::create_directories(fs::path(options.output).parent_path(), ec);
  std::string error;
  if (!write_file_atomic(options.output, text, error)) {
    std::cerr << "iact: " << error << '\n';
    return kExitUsage;
  }
  std::cerr << fmt::format("iact: wrote {}; edit its example action, then run `iact validate {}`\n",
                           options.output, options.output);
  return kExitOk;
}

}  // namespace iact
