// iact: action plans for intensive and assertive community mental health care, checked
// against the national frameworks. This file only parses the command line; each command
// is a function in commands/.
#include <cstdlib>
#include <ctime>
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/describe.h"
#include "commands/commands.h"
#include "commands/context.h"
#include "git_commit.h"  // IACT_GIT_COMMIT, written at build time by cmake/git_commit.cmake
#include "plan/model.h"
#include "util/files.h"
#include "util/interrupt.h"
#include "util/output.h"
#include "util/text.h"

namespace {

iact::Date today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return iact::Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

void add_as_of(CLI::App* command, std::string& as_of) {
  command->add_option("--as-of", as_of, "Judge dates as of this day (default: today)")
      ->type_name("YYYY-MM-DD");
}

void add_format(CLI::App* command, std::string& format, const std::vector<std::string>& choices) {
  std::string names;
  for (const std::string& c : choices) names += (names.empty() ? "" : "|") + c;
  command->add_option("--format", format, "Output format")
      ->check(CLI::IsMember(choices))
      ->type_name(names);
}

void add_output(CLI::App* command, std::string& dir, const std::string& what) {
  command
      ->add_option("-o,--output", dir,
                   "Folder for the " + what + ": DIR/<system>/<period>/ (default: reports)")
      ->type_name("DIR");
}

void add_paper_formats(CLI::App* command, std::vector<std::string>& formats) {
  command->add_option("--to", formats, "Paper formats to write (default: docx,pdf,html)")
      ->delimiter(',')
      ->check(CLI::IsMember({"docx", "pdf", "html", "md"}))
      ->type_name("docx,pdf,html,md");
}

void add_stdin_filename(CLI::App* command, std::string& name) {
  command
      ->add_option("--stdin-filename", name,
                   "With PATH -: the plan's file name, for diagnostics and to find its system "
                   "folder")
      ->type_name("FILE");
}

void add_timeout(CLI::App* command, int& seconds) {
  command
      ->add_option("--timeout", seconds,
                   "Stop a pandoc run that takes longer than this (default: 600)")
      ->check(CLI::Range(1, 86400))
      ->type_name("SECONDS");
}

void add_jobs(CLI::App* command, unsigned& jobs, const std::string& what = "Plans read") {
  command->add_option("-j,--jobs", jobs, what + " at once (default: one per core)")
      ->check(CLI::Range(1, 1024))
      ->type_name("N");
}

void add_force(CLI::App* command, bool& force) {
  command->add_flag("--force", force,
                    "Replace reports as of a later day than this run's (the folder records it)");
}

// `when_none`: what the command does when no period is due on or after the as-of date.
void add_period(CLI::App* command, std::string& period, std::string_view when_none) {
  command->add_option("--period", period,
                      fmt::format("Reporting period, e.g. 2026-01 (default: the next one due on "
                                  "or after the as-of date; when none is, {})",
                                  when_none));
}

constexpr std::string_view kNoPeriodRefused =
    "name one, or add your board's next round to .iact-timeline.yaml in the plans folder";

}  // namespace

// Parses the command line and runs the command; main() then checks its output was written.
int run(int argc, char** argv) {
  CLI::App app{
      "iact checks the action plans that ICBs and mental health trusts keep for intensive and\n"
      "assertive community mental health care, against NHS England's frameworks and timeline."};
  app.name("iact");
  app.set_version_flag("--version",
                       std::string("iact ") + IACT_VERSION + " (commit " + IACT_GIT_COMMIT + ")");
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the command: iact status plans --frameworks D
  app.footer(
      "Exit codes: 0 success (warnings allowed), 1 the plans have errors, 2 usage or I/O error.");

  iact::CommonOptions common;
  common.exe = iact::running_executable(argv[0]);
  app.add_option("--frameworks", common.frameworks_dir,
                 "Folder of national framework files (default: the installed ones)")
      ->type_name("DIR");
  app.add_option("--rag-policy", common.rag_policy,
                 "RAG policy file (iact-policy: 1, rag: {...}); overrides the plans' rag: blocks")
      ->type_name("FILE");
  app.add_option("--timeline", common.timeline,
                 "A local timeline of your own reporting periods (default: .iact-timeline.yaml "
                 "in the plans folder or above it)")
      ->type_name("FILE");
  app.add_option("--templates", common.templates_dir,
                 "Folder of paper templates and the return layout (default: the installed ones)")
      ->type_name("DIR");
  std::string colour = "auto";
  app.add_option("--color", colour,
                 "Colour in diagnostics and status: auto (a terminal, unless NO_COLOR is set or "
                 "TERM is dumb), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("auto|always|never");

  iact::ValidateOptions validate;
  CLI::App* validate_cmd = app.add_subcommand(
      "validate", "Check plans: every problem with file:line:col, a rule id and a hint");
  validate_cmd->add_option("PATH", validate.paths,
                           "Plan files or folders (searched for *.yaml and *.yml), or - for one "
                           "plan on standard input; default: plans/. A file named "
                           ".iact-timeline.yaml is checked as a local timeline; a file not named "
                           "*.yaml or *.yml is skipped with a note");
  add_stdin_filename(validate_cmd, validate.stdin_filename);
  add_as_of(validate_cmd, validate.as_of);
  validate_cmd->add_flag("--strict", validate.strict, "Treat warnings as errors (exit 1)");
  validate_cmd->add_flag("-q,--quiet,--errors-only", validate.quiet,
                         "Print the errors and the summary line, not the warnings");
  validate_cmd->add_flag("--summary", validate.summary,
                         "Count the problems by rule and by file instead of printing each");
  validate_cmd
      ->add_option("--max-diagnostics", validate.max_diagnostics,
                   "Print at most N problems, then say how many more (default: all)")
      ->check(CLI::Validator(
          [](const std::string& n) {
            return n.starts_with("-") ? n + " is less than 0; give a number of problems, or 0 "
                                            "for all"
                                      : std::string();
          },
          ""))
      ->type_name("N");
  add_format(validate_cmd, validate.format, {"text", "json", "sarif", "github", "gitlab"});
  validate_cmd
      ->add_option("--for-return", validate.for_return,
                   "Also list every required answer the return of this period (e.g. 2026-01) "
                   "will lack, each an error at the plan line that should give it")
      ->type_name("PERIOD");
  add_jobs(validate_cmd, common.jobs);

  iact::StatusOptions status;
  CLI::App* status_cmd = app.add_subcommand(
      "status", "Summarise BRAG per organisation and framework item, overdue actions and gaps");
  status_cmd->add_option("PATH", status.paths,
                         "System folders or plan files, or - for one plan on standard input; "
                         "default: plans/ (every system)");
  add_stdin_filename(status_cmd, status.stdin_filename);
  add_as_of(status_cmd, status.as_of);
  add_period(status_cmd, status.period, "the status is shown for no period, with a note");
  add_format(status_cmd, status.format, {"text", "json"});
  add_jobs(status_cmd, common.jobs);

  iact::PaperOptions paper;
  CLI::App* paper_cmd = app.add_subcommand(
      "paper", "Write the board paper (DOCX, PDF, HTML) of a system from templates/");
  paper_cmd->add_option("PATH", paper.paths, "A system folder or plan file; default: plans/");
  add_as_of(paper_cmd, paper.as_of);
  add_period(paper_cmd, paper.period, kNoPeriodRefused);
  paper_cmd
      ->add_option("--meeting", paper.meeting,
                   "Date of the board: entry whose cover sheet to use (default: the next)")
      ->type_name("YYYY-MM-DD");
  add_paper_formats(paper_cmd, paper.formats);
  add_output(paper_cmd, paper.out_dir, "papers");
  add_timeout(paper_cmd, paper.timeout_seconds);
  add_force(paper_cmd, paper.force);
  paper_cmd->add_flag("--dump-context", paper.dump_context,
                      "Print the template's data as JSON instead of writing the paper");

  iact::ReturnOptions ret;
  CLI::App* return_cmd = app.add_subcommand(
      "return", "Write the NHS England assurance return (XLSX) of a system from templates/");
  return_cmd->add_option("PATH", ret.paths, "A system folder or plan file; default: plans/");
  add_as_of(return_cmd, ret.as_of);
  add_period(return_cmd, ret.period, kNoPeriodRefused);
  add_output(return_cmd, ret.out_dir, "returns");
  add_force(return_cmd, ret.force);
  add_jobs(return_cmd, common.jobs, "Plans read, and returns written,");
  return_cmd->add_flag("--final", ret.final,
                       "Refuse a draft: if a required answer is missing, name each (as validate "
                       "does), write nothing and exit 1");
  return_cmd->footer(
      "Exit codes: 0 written (a draft, lacking a required answer, is written and says so), 1 the "
      "plans have errors, or with --final a return is a draft (it is not written), 2 usage or "
      "I/O error.");
  return_cmd->add_flag("--fields", ret.list_fields,
                       "List the fields a column of the return definition may name, and exit");

  iact::BuildOptions build;
  CLI::App* build_cmd = app.add_subcommand(
      "build", "Validate every system under PLANS_DIR and write its board paper and return");
  build_cmd->add_option("PLANS_DIR", build.plans_dir,
                        "A folder of system folders, or one system folder (default: plans)");
  add_output(build_cmd, build.out_dir, "papers and returns");
  add_as_of(build_cmd, build.as_of);
  add_period(build_cmd, build.period, kNoPeriodRefused);
  build_cmd->add_option("-j,--jobs", build.jobs, "pandoc runs at once (default: one per core)")
      ->check(CLI::Range(1, 1024))
      ->type_name("N");
  add_paper_formats(build_cmd, build.formats);
  add_timeout(build_cmd, build.timeout_seconds);
  add_force(build_cmd, build.force);
  build_cmd->add_flag("--final", build.final,
                      "Refuse a system whose return is a draft: name each missing answer, write "
                      "nothing for it, and exit 1");
  build_cmd->footer(
      "Exit codes: 0 every system built, 1 a system's plans have errors, or with --final its "
      "return is a draft (that system is not built; the others are), 2 usage or I/O error.");
  build_cmd->add_flag("-q,--quiet", build.quiet,
                      "No progress line on a terminal and no notes; the line per system stays");
  build_cmd->footer(
      "Exit codes: 0 every system's paper and return written, 1 a system whose plans have "
      "errors was skipped (the others were written), 2 usage or I/O error, or a report could "
      "not be written, 129 stopped by SIGHUP, 130 stopped by Ctrl-C, 143 stopped by SIGTERM "
      "(the run's partial files removed).");

  iact::DiffOptions diff;
  CLI::App* diff_cmd = app.add_subcommand(
      "diff", "Show what changed between two versions of a plan or system, field by field");
  diff_cmd
      ->add_option("OLD", diff.before,
                   "Plan file or folder, or git:REV:path (e.g. git:HEAD~1:plans/nenc)")
      ->required();
  diff_cmd->add_option("NEW", diff.after, "The same, newer")->required();
  add_format(diff_cmd, diff.format, {"text", "json"});
  diff_cmd->add_flag("--exit-code", diff.exit_code,
                     "Exit 1 when the plans differ and 0 when they do not (for scripts)");
  diff_cmd->footer(
      "Exit codes: 0 the changes were shown (or, with --exit-code, there are none), 1 with "
      "--exit-code the plans differ, or a plan cannot be read or has errors, 2 usage or I/O "
      "error.");

  iact::ImportOptions import;
  CLI::App* import_cmd = app.add_subcommand(
      "import", "Make a plan from an action tracker (CSV or XLSX), or add one to a plan");
  import_cmd->add_option("TRACKER", import.tracker, "The tracker: a .csv or .xlsx file")
      ->required();
  auto add_organisation = [](CLI::App* cmd, std::string& code, std::string& name,
                             std::string& short_name, std::string& kind, std::string& icb,
                             std::string& region) {
    cmd->add_option("--code", code, "The organisation's ODS code, e.g. RH5")->type_name("CODE");
    cmd->add_option("--name", name, "Its full name")->type_name("NAME");
    cmd->add_option("--short", short_name, "Its short name, used in tables and leads (e.g. SFT)")
        ->type_name("NAME");
    cmd->add_option("--kind", kind, "trust or icb")
        ->check(CLI::IsMember({"trust", "icb"}))
        ->type_name("trust|icb");
    cmd->add_option("--icb", icb, "A trust's ICB: its ODS code, e.g. QSL")->type_name("CODE");
    cmd->add_option("--region", region, "NHS England region (an ICB's return names it)")
        ->type_name("REGION");
  };
  add_organisation(import_cmd, import.code, import.name, import.short_name, import.kind, import.icb,
                   import.region);
  import_cmd
      ->add_option("--sheet", import.sheet,
                   "The sheet that holds the tracker (default: the one with the header row)")
      ->type_name("NAME");
  import_cmd
      ->add_option("--map", import.map,
                   "Mapping file: columns, status words, leads, themes and dates the guess "
                   "gets wrong (docs/importing.md)")
      ->type_name("MAP.yaml");
  import_cmd
      ->add_option("--into", import.into,
                   "Add the tracker's actions to this plan, by action id, changing "
                   "nothing else in it")
      ->type_name("PLAN.yaml");
  import_cmd->add_option("-o,--output", import.output, "Where to write the plan")
      ->type_name("PLAN.yaml");
  import_cmd
      ->add_option("--framework", import.frameworks,
                   "Match themes against this framework's items only (repeat for more; "
                   "default: those the tracker's themes cite, or the --into plan's)")
      ->type_name("ID");
  import_cmd
      ->add_option("--addresses", import.addresses, "Framework items for rows that name no theme")
      ->delimiter(',')
      ->type_name("ITEM,...");
  import_cmd
      ->add_option("--date", import.date,
                   "Date of the imported progress updates (default: the day an XLSX tracker was "
                   "last saved, else today)")
      ->type_name("YYYY-MM-DD");
  import_cmd->add_flag("--keep-going", import.keep_going,
                       "Write the rows that can be imported, and list those left out (exit 1)");
  import_cmd->add_flag("--show-mapping", import.show_mapping,
                       "Print which column holds which field, and why, and what each theme "
                       "text becomes, then stop");
  import_cmd->add_flag("--force", import.force, "Replace the -o file if it exists");
  import_cmd
      ->add_option("--prefer", import.prefer,
                   "With --into, where the plan and the tracker differ: the newer value (the "
                   "plan's, when it has an update dated after the tracker), or the tracker's")
      ->check(CLI::IsMember({"newer", "tracker"}))
      ->type_name("newer|tracker");
  import_cmd->add_flag("--update-titles", import.update_titles,
                       "With --into, replace the plan's titles with the tracker's where they "
                       "differ");

  iact::NewOptions new_plan;
  CLI::App* new_cmd =
      app.add_subcommand("new",
                         "Write a starter plan for an organisation: every required key, "
                         "one example action, and comments");
  add_organisation(new_cmd, new_plan.code, new_plan.name, new_plan.short_name, new_plan.kind,
                   new_plan.icb, new_plan.region);
  new_cmd->get_option("--code")->required();
  new_cmd->get_option("--name")->required();
  new_cmd->get_option("--kind")->required();
  new_cmd->add_option("-o,--output", new_plan.output, "Where to write it")
      ->type_name("PLAN.yaml")
      ->required();
  new_cmd->add_flag("--force", new_plan.force, "Replace the file if it exists");

  iact::CollectOptions collect;
  CLI::App* collect_cmd = app.add_subcommand(
      "collect", "Write each lead an XLSX form of their open actions to fill in, and its email");
  collect_cmd->add_option("PATH", collect.path,
                          "A system folder or a folder of them (default: plans)");
  add_as_of(collect_cmd, collect.as_of);
  collect_cmd
      ->add_option("--by", collect.by,
                   "One form per lead (an action's owner, else its lead organisation) or "
                   "per organisation")
      ->check(CLI::IsMember({"lead", "org"}))
      ->type_name("lead|org");
  collect_cmd->add_option("-o,--output", collect.out_dir, "Folder for the forms")
      ->type_name("DIR")
      ->required();
  collect_cmd
      ->add_option("--return-by", collect.return_by,
                   "The date to ask for the forms back (default: two weeks on)")
      ->type_name("YYYY-MM-DD");
  collect_cmd->add_flag("--force", collect.force,
                        "Replace forms (and their emails) already in the folder");

  iact::ApplyOptions apply;
  CLI::App* apply_cmd = app.add_subcommand(
      "apply",
      "Write the answers of returned update forms into the plans, keeping everything else");
  apply_cmd->add_option("FORM", apply.forms, "Returned forms (.xlsx)")->required();
  apply_cmd->add_option("--plans", apply.plans, "The plans folder the forms were made from")
      ->type_name("DIR");
  apply_cmd->add_option("--date", apply.date, "Date of the new update entries (default: today)")
      ->type_name("YYYY-MM-DD");
  apply_cmd->add_flag("--dry-run", apply.dry_run, "Show the changes as a diff; write nothing");

  iact::UpdateOptions update;
  CLI::App* update_cmd = app.add_subcommand(
      "update", "Record progress on one action: status, due date, a note, evidence");
  update_cmd->add_option("PLAN", update.plan, "The plan file")->required();
  update_cmd->add_option("ACTION", update.action, "The action's id")->required();
  update_cmd->add_option("--status", update.status, "New status (or in words: On track)")
      ->type_name(iact::join(iact::kReportedStatusNames, "|"));
  update_cmd
      ->add_option("--due", update.due,
                   "New due date; the first agreed one is kept as baseline_due")
      ->type_name("DATE");
  update_cmd->add_option("--note", update.note, "What has happened")->type_name("TEXT");
  update_cmd->add_option("--evidence", update.evidence, "Evidence to add (repeat for more)")
      ->type_name("TEXT");
  update_cmd->add_option("--date", update.date, "Date of the update (default: today)")
      ->type_name("YYYY-MM-DD");
  update_cmd
      ->add_option("--completed", update.completed,
                   "The day the work was done, if not the update's date (it makes the action "
                   "complete)")
      ->type_name("YYYY-MM-DD");

  iact::RollupOptions rollup;
  CLI::App* rollup_cmd = app.add_subcommand(
      "rollup",
      "Put every system side by side for a region or England (XLSX, Markdown, HTML), from the "
      "plans or from the returns received");
  rollup_cmd->add_option("PATH", rollup.paths,
                         "A folder of system folders (default: plans), or return workbooks "
                         "(.xlsx) written by iact");
  add_as_of(rollup_cmd, rollup.as_of);
  rollup_cmd->add_option(
      "--period", rollup.period,
      "Reporting period, e.g. 2026-01. From plans, default: the next one due on or after the "
      "as-of date; when none is, the roll-up is for no period, as of that date "
      "(rollup-<as-of>.*), and a note says so. From returns: only that period's returns are "
      "rolled up, the others skipped with a note; default: the one period they are for");
  rollup_cmd->footer(
      "Exit codes: 0 written (returns of other periods, given twice or replaced by a later one "
      "are skipped with a note), 1 written, but a system whose plans have errors, or a "
      "workbook that is not a readable iact return, was left out, 2 usage or I/O error: "
      "nothing written.");
  rollup_cmd->add_option("--region", rollup.region, "Only the systems of this NHS England region")
      ->type_name("REGION");
  rollup_cmd
      ->add_option("--returns", rollup.returns,
                   "A folder of the returns received (searched below it), to show whose "
                   "return is in")
      ->type_name("DIR");
  rollup_cmd->add_option("--title", rollup.title, "The roll-up's title")->type_name("TEXT");
  rollup_cmd
      ->add_option("-o,--output", rollup.out_dir,
                   "Folder for rollup-<period>.xlsx, .md and .html (default: reports)")
      ->type_name("DIR");

  iact::SiteOptions site;
  CLI::App* site_cmd = app.add_subcommand(
      "site",
      "Write a static website of every system: an index with counts and trends, a page per "
      "system and per framework item");
  site_cmd->add_option("PLANS_DIR", site.plans_dir,
                       "A folder of system folders, or one system folder (default: plans)");
  add_as_of(site_cmd, site.as_of);
  add_period(site_cmd, site.period, "the pages are for no period, as of that date");
  site_cmd->add_option("--region", site.region, "Only the systems of this NHS England region")
      ->type_name("REGION");
  site_cmd->add_option("--title", site.title, "The site's title")->type_name("TEXT");
  site_cmd
      ->add_option("--contact", site.contact,
                   "Who readers tell of an accessibility problem, for the site's accessibility "
                   "statement: an email address, a web address or a name")
      ->type_name("TEXT");
  site_cmd->add_option("-o,--output", site.out_dir, "Folder for the site (default: site)")
      ->type_name("DIR");

  iact::ListOptions rules;
  CLI::App* rules_cmd = app.add_subcommand("rules", "List every check, its rule id and severity");
  add_format(rules_cmd, rules.format, {"text", "json", "markdown"});
  rules_cmd->add_option("RULE", rules.rules,
                        "Rule ids whose documentation to print (what each finds, why it "
                        "matters, how to fix it, an example) instead of the table");
  rules_cmd->add_flag("--explain", rules.explain,
                      "Every rule's documentation, in Markdown (docs/rules.md), instead of the "
                      "table");

  CLI::App* format_cmd = app.add_subcommand(
      "format", "Print the reference of the plan format (Markdown), from the field table");

  iact::SchemaOptions schema;
  CLI::App* schema_cmd = app.add_subcommand(
      "schema", "Print the JSON Schema of the plan format (for editor completion)");
  schema_cmd
      ->add_option("-o,--output", schema.output,
                   "Write it to this file (e.g. schema/iact-plan.schema.json in a plans "
                   "repository) instead of printing it")
      ->type_name("FILE");

  iact::ListOptions frameworks;
  CLI::App* frameworks_cmd = app.add_subcommand(
      "frameworks", "List the national frameworks, the item ids plans cite, and the periods");
  add_format(frameworks_cmd, frameworks.format, {"text", "json"});

  iact::CompletionOptions completion;
  CLI::App* completion_cmd = app.add_subcommand(
      "completion", "Print the completion script of a shell: iact completion bash > FILE");
  completion_cmd->add_option("SHELL", completion.shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  completion_cmd->add_option("-o,--output", completion.output, "Write it to this file")
      ->type_name("FILE");

  iact::ManPagesOptions man_pages;
  CLI::App* man_pages_cmd =
      app.add_subcommand("man-pages", "Write iact.1 and iact-COMMAND.1 (the build runs this)");
  man_pages_cmd->group("");  // hidden: not in --help, completion or the man pages
  man_pages_cmd->add_option("-o,--output", man_pages.out_dir, "Folder for the pages")
      ->type_name("DIR")
      ->required();
  man_pages.commit_date = IACT_GIT_DATE;

  if (argc == 1) {  // no command: show what there is
    std::cerr << app.help();
    return iact::kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    if (const std::string message = iact::unknown_command_message(app); !message.empty()) {
      std::cerr << message;  // iact validat: did you mean validate?
      return iact::kExitUsage;
    }
    app.exit(e);
    return iact::kExitUsage;
  }
  iact::set_colour(colour);

  // From here on a signal stops iact cleanly: children ended, partial files removed.
  iact::install_interrupt_handling();
  common.today = today();
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    const long long value = std::strtoll(epoch, &end, 10);
    if (*end != '\0' || value < 0) {
      std::cerr << "iact: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970\n";
      return iact::kExitUsage;
    }
    common.source_date_epoch = value;
  }
  if (*validate_cmd)
    return iact::run_guarded("validate", [&] { return iact::run_validate(validate, common); });
  if (*status_cmd)
    return iact::run_guarded("status", [&] { return iact::run_status(status, common); });
  if (*paper_cmd) return iact::run_guarded("paper", [&] { return iact::run_paper(paper, common); });
  if (*return_cmd)
    return iact::run_guarded("return", [&] { return iact::run_return(ret, common); });
  if (*build_cmd) return iact::run_guarded("build", [&] { return iact::run_build(build, common); });
  if (*diff_cmd) return iact::run_guarded("diff", [&] { return iact::run_diff(diff, common); });
  if (*import_cmd)
    return iact::run_guarded("import", [&] { return iact::run_import(import, common); });
  if (*new_cmd) return iact::run_guarded("new", [&] { return iact::run_new(new_plan, common); });
  if (*collect_cmd)
    return iact::run_guarded("collect", [&] { return iact::run_collect(collect, common); });
  if (*apply_cmd) return iact::run_guarded("apply", [&] { return iact::run_apply(apply, common); });
  if (*update_cmd)
    return iact::run_guarded("update", [&] { return iact::run_update(update, common); });
  if (*rollup_cmd)
    return iact::run_guarded("rollup", [&] { return iact::run_rollup(rollup, common); });
  if (*site_cmd) return iact::run_guarded("site", [&] { return iact::run_site(site, common); });
  if (*rules_cmd) return iact::run_guarded("rules", [&] { return iact::run_rules(rules); });
  if (*format_cmd) return iact::run_guarded("format", [&] { return iact::run_format(); });
  if (*schema_cmd)
    return iact::run_guarded("schema", [&] { return iact::run_schema(schema, common); });
  if (*frameworks_cmd)
    return iact::run_guarded("frameworks",
                             [&] { return iact::run_frameworks(frameworks, common); });
  if (*completion_cmd)
    return iact::run_guarded("completion", [&] {
      return iact::run_completion(completion, iact::describe_cli(app, IACT_VERSION));
    });
  if (*man_pages_cmd)
    return iact::run_guarded("man-pages", [&] {
      return iact::run_man_pages(man_pages, iact::describe_cli(app, IACT_VERSION), common);
    });
  return iact::kExitUsage;
}

int main(int argc, char** argv) {
  iact::CheckedStandardOutput output;
  const int code = run(argc, argv);
  // A report that could not be written (a full disk) must not pass: a CI job would upload an
  // empty or cut-off file as if it were the report.
  if (const std::string error = output.finish(); !error.empty()) {
    std::cerr << "iact: could not write to standard output: " << error << '\n';
    return iact::kExitUsage;
  }
  return code;
}
