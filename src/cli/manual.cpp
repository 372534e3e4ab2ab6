#include "cli/manual.h"

#include <algorithm>

namespace iact {

namespace {

const std::vector<CommandManual>& manuals() {
  static const std::vector<CommandManual> kManuals = {
      {"validate",
       "Checks each plan against the plan format, the national frameworks and timeline, and the "
       "other plans of its system (the folder it is in), and prints each problem as "
       "file:line:column: error|warning: message [rule], with the line of the plan, a caret under "
       "the place and a hint where the fix is clear. A file is always checked with the other "
       "plans of its folder, so the answer for one file is the answer for its folder.\n\n"
       "Dates are judged as of today unless --as-of is given, so a CI run can be repeated. Errors "
       "make the exit status 1; warnings do too with --strict. The formats for CI systems (sarif, "
       "github, gitlab) and json print to standard output and the summary line to standard "
       "error; text prints everything to standard error. iact rules explains each rule.",
       {{"iact validate plans/", "Check every system under plans/."},
        {"iact validate plans/bnssg/awp.yaml --as-of 2025-06-30",
         "Check one plan, with the other plans of its folder, as of 30 June 2025."},
        {"iact validate plans/ --format sarif > iact.sarif",
         "Write SARIF for GitHub code scanning."},
        {"iact validate national/ --summary", "Count the problems by rule and by file."},
        {"iact validate - --stdin-filename plans/nenc/cntw.yaml < edited.yaml",
         "Check the plan an editor holds, as the file it will be saved as."}},
       {{".iact-timeline.yaml", "A local timeline named on the command line is checked as one."}}},
      {"status",
       "Sums up each system on the terminal: per organisation, action group and framework item, "
       "how many actions are Blue (complete), Red, Amber, Green and Grey as of the as-of date; the "
       "framework items no action addresses (gaps); and the overdue actions with their due dates. "
       "Plans with errors are not summed up: their errors are shown instead, and the exit status "
       "is 1.\n\n"
       "--format json gives the same numbers for scripts, the ones iact rollup and the return use.",
       {{"iact status plans/nenc --as-of 2025-07-29", "One system, as of 29 July 2025."},
        {"iact status plans/ --format json", "Every system's numbers, as JSON."}},
       {}},
      {"paper",
       "Writes the board paper of a system (or of one trust's plan) for a reporting period: a "
       "cover sheet from the plan's board: entry, an executive summary written from the numbers, "
       "progress by framework item, risks, the timeline, recommendations, the full action plan "
       "with coloured BRAG cells, and a glossary. It is made from the Markdown template and the "
       "Word and CSS styles in the templates folder, and converted by pandoc (PDF by "
       "WeasyPrint).\n\n"
       "The same plans, --as-of and SOURCE_DATE_EPOCH give byte-identical files. Each file is "
       "written under a temporary name and renamed when complete; if pandoc fails nothing is left "
       "behind and the exit status is 2.",
       {{"iact paper plans/nenc --as-of 2025-07-29",
         "DOCX, PDF and HTML in reports/nenc/<period>/."},
        {"iact paper plans/somerset --meeting 2024-11-28 --as-of 2024-11-28 --to docx",
         "The Word paper for the board meeting of 28 November 2024."},
        {"iact paper plans/bob --dump-context",
         "Print the data the template sees, as JSON, to adapt the template."}},
       {{"templates/board-paper.md, reference.docx, paper.css, glossary.yaml",
         "The paper's template, Word styles, HTML and PDF styles, and glossary."},
        {"reports/SYSTEM/PERIOD/board-paper.docx, .pdf, .html",
         "What it writes (-o chooses the folder)."}}},
      {"return",
       "Writes the NHS England assurance return of a system for a period as an Excel workbook: "
       "Cover, Summary, Actions, Risks, Changes since the previous period and DNA discharge "
       "assurance, from the same view of the plans as the board paper, so the numbers agree. The "
       "layout is data, templates/return.yaml, which a programme lead can change without a new "
       "iact. With --period and no --as-of, a period that has ended is reported as the plans "
       "stood on its due date.",
       {{"iact return plans/nenc --period 2026-01", "reports/nenc/2026-01/return.xlsx."},
        {"iact return --fields", "List what a column of the layout can show."}},
       {{"templates/return.yaml", "The workbook's layout: sheets, columns, drop-downs."},
        {"reports/SYSTEM/PERIOD/return.xlsx", "What it writes (-o chooses the folder)."}}},
      {"build",
       "Validates every system under the folder, then writes each system's board paper and return "
       "for the period into reports/SYSTEM/PERIOD/. Systems are written side by side, with at most "
       "-j pandoc runs at once. A system whose plans have errors is reported and skipped and the "
       "others are still built. On a terminal a progress line shows the system being built.\n\n"
       "Ctrl-C, SIGTERM or SIGHUP stops pandoc and everything it started, removes the partial "
       "files of the run and exits 130, 143 or 129.",
       {{"iact build", "Every system of plans/ into reports/, for the next period due."},
        {"iact build plans --period 2026-01 -o reports -j 4",
         "A given period, four pandoc runs at once."},
        {"iact build plans --to docx,md", "Only some paper formats."}},
       {{"reports/SYSTEM/PERIOD/",
         "The papers and returns, and .iact-as-of, the day they are as of."}}},
      {"diff",
       "Shows what changed between two versions of a plan or a system: actions and risks added and "
       "removed, matched by ODS code and id, and field by field what changed in the others (a due "
       "date, new updates, a risk's score). OLD and NEW are files, folders, or git:REV:path for "
       "the "
       "version committed at REV, read with git show, so run it inside the repository.",
       {{"iact diff git:HEAD~1:plans/nenc plans/nenc", "What changed since the last commit."},
        {"iact diff git:v2025-06:plans/ plans/ --format json",
         "Since a tag, every system, as JSON."},
        {"iact diff --exit-code git:period-2026-01:plans plans >/dev/null || echo changed",
         "Ask whether anything changed."}},
       {}},
      {"import",
       "Reads an organisation's existing action tracker, Excel or CSV, and writes it as a plan: it "
       "finds the header row, knows the column names trackers use, reads dates, statuses and RAG "
       "colours in the forms boards write them, and matches theme text to framework items. A row "
       "it cannot read is named by row and column and nothing is written (exit 1), unless "
       "--keep-going. --into merges the tracker into a plan by action id, changing only the lines "
       "that differ.",
       {{"iact import tracker.xlsx --code RH5 --name \"Somerset NHS Foundation Trust\" --short SFT "
         "--kind trust --icb QSL -o plans/somerset/somerset-ft.yaml",
         "A new plan from a tracker."},
        {"iact import tracker.csv --show-mapping", "Which column is read as which field, and why."},
        {"iact import tracker.xlsx --into plans/somerset/somerset-ft.yaml",
         "Add the tracker's actions to a plan that exists."}},
       {{"MAP.yaml", "A mapping file (--map): columns, words and themes the guess gets wrong."}}},
      {"new",
       "Writes a starter plan for an organisation that validates as it is: every required key, one "
       "example action to replace, and comments saying what each part is for. The first line names "
       "the plan format's JSON Schema, so VS Code's YAML extension completes the keys.\n\n"
       "A trust's plan needs --icb, the ODS code of the ICB it reports to, and goes in that ICB's "
       "system folder. An existing file is not replaced without --force. To start from a tracker "
       "the organisation already keeps, use iact import instead.",
       {{"iact new --code RH5 --name \"Somerset NHS Foundation Trust\" --short SFT --kind trust "
         "--icb QSL -o plans/somerset/somerset-ft.yaml",
         "A trust's starter plan."}},
       {}},
      {"collect",
       "Writes each lead (an action's owner, or its lead organisation) a protected Excel form of "
       "their open actions, overdue first, with a drop-down of statuses and a column for a new due "
       "date, and a covering email to send with it. iact apply reads the forms back.",
       {{"iact collect plans -o forms/2026-02", "A form and an email per lead."},
        {"iact collect plans/nenc --by org --return-by 2026-02-20 -o forms/nenc",
         "A form per organisation, asked back by 20 February."}},
       {{"DIR/*.xlsx, DIR/*.txt", "The forms and their emails."}}},
      {"apply",
       "Writes the answers of returned update forms into the plans: the status, a re-planned date "
       "(the first kept as baseline_due), the completion date, evidence and an update entry, "
       "changing no other line of the file. A form with a problem is refused by sheet, row and "
       "column and changes nothing; applying a form twice changes nothing the second time.",
       {{"iact apply forms/2026-02/*.xlsx --plans plans", "Write the answers into the plans."},
        {"iact apply forms/2026-02/*.xlsx --plans plans --dry-run", "Show them as a diff."}},
       {}},
      {"update",
       "Records progress on one action from the command line: a new status, a re-planned due date "
       "(the first agreed one kept as baseline_due), a note and evidence, as an entry under its "
       "updates:, changing no other line of the plan.\n\n"
       "The status may be written as the plan writes it (on-track) or in words (On track). The "
       "update is dated today unless --date is given. The plan is checked with its system after "
       "the change, and the change is refused if it would give the plan an error.",
       {{"iact update plans/nenc/nenc-icb.yaml DEF-01 --status complete --note \"Agreed.\"",
         "Mark an action complete, with a note."},
        {"iact update plans/nenc/cntw.yaml COH-01 --due 2026-06-30 --note \"Recruitment delayed.\"",
         "Re-plan an action."}},
       {}},
      {"rollup",
       "Puts every system side by side, for a regional team or for England: a workbook with a row "
       "per system (the BRAG counts, overdue, coverage of each framework, whether its return is "
       "in), each framework item across the systems, and the trend at each past return; and "
       "Markdown and HTML summaries. From the plans, or from the returns received, which carry a "
       "hidden record of their numbers.",
       {{"iact rollup plans --period 2026-01", "reports/rollup-2026-01.xlsx, .md and .html."},
        {"iact rollup plans --region \"South West\" --returns inbox/",
         "One region, and whose return is in."},
        {"iact rollup inbox/*.xlsx -o region/", "From the returns received, no plans needed."}},
       {{"reports/rollup-PERIOD.xlsx, .md, .html", "What it writes (-o chooses the folder)."}}},
      {"site",
       "Writes a self-contained website: an index of every system with its counts and a small "
       "trend chart, a page per system with every action, a page per framework item across the "
       "systems, and an accessibility statement. Pages load nothing from anywhere and read in "
       "full without JavaScript; with it, tables sort and the actions can be filtered.",
       {{"iact site plans -o site/ --contact access@example.nhs.uk",
         "Every system, with whom readers tell of an accessibility problem."},
        {"iact site plans --region \"North East and Yorkshire\" --title \"NEY plans\" -o site/",
         "One region, with a title of its own."}},
       {{"DIR/index.html, systems/, items/, accessibility.html", "What it writes."}}},
      {"rules",
       "Lists every check iact makes, with its rule id and severity. Named rules, or --explain for "
       "all of them, are explained instead: what each finds, why it matters, how to fix it, and an "
       "example, as docs/rules.md has them and code scanning shows them.",
       {{"iact rules", "The table."},
        {"iact rules unknown-item stale-action", "Two rules explained."},
        {"iact rules --explain > docs/rules.md", "Every rule explained, in Markdown."}},
       {}},
      {"format",
       "Prints the reference of the plan format in Markdown, from the same field table the checks "
       "use: every key, its type, whether it is required, and what it holds; then the format of "
       "the framework and timeline files. docs/plan-format.md is its output, so the reference "
       "cannot drift from what iact validate accepts.",
       {{"iact format > docs/plan-format.md", "The reference, as a file."}},
       {}},
      {"schema",
       "Prints the JSON Schema of the plan format, generated from the same field table as the "
       "checks, with the framework item ids offered for completion. An editor that reads JSON "
       "Schema (VS Code with the YAML extension) then completes keys and values as you type; "
       "iact validate still has the last word.",
       {{"iact schema -o schema/iact-plan.schema.json", "Write it into a plans repository."}},
       {}},
      {"frameworks",
       "Lists the national frameworks iact knows, each with the item ids a plan cites in "
       "addresses: (bare, or qualified by the framework: investigation-2025/families), and the "
       "reporting periods of the timeline, the local ones marked with the file they come from. "
       "The frameworks are data files: a new NHS England letter is a new file in the frameworks "
       "folder, not a new iact.",
       {{"iact frameworks", "Frameworks, items and periods."},
        {"iact frameworks --format json", "The same, as JSON."}},
       {}},
      {"completion",
       "Prints the completion script of bash, zsh or fish, written from iact's own command line: "
       "commands, options, the choices of an option, and file or folder names where one goes. "
       "The Debian package and cmake --install put the scripts where the shells look.",
       {{"source <(iact completion bash)", "Complete iact in this bash."},
        {"iact completion fish -o ~/.config/fish/completions/iact.fish", "Install fish's."}},
       {}},
  };
  return kManuals;
}

}  // namespace

std::span<const CommandManual> command_manuals() {
  return manuals();
}

const CommandManual* command_manual(std::string_view command) {
  const std::vector<CommandManual>& all = manuals();
  auto it = std::find_if(all.begin(), all.end(),
                         [&](const CommandManual& m) { return m.command == command; });
  return it == all.end() ? nullptr : &*it;
}

std::string_view program_description() {
  return "Each organisation keeps its action plan as a YAML file, one per organisation; an "
         "ICB's system is a folder holding the ICB's plan and its trusts' plans. iact checks the "
         "plans line by line, the way a spell-checker would (iact validate), sums them up on "
         "the terminal (iact status), writes the board paper in DOCX, PDF and HTML (iact paper) "
         "and the NHS England assurance return in XLSX (iact return), or both for every system "
         "(iact build), shows what changed between two versions (iact diff), and puts systems "
         "side by side (iact rollup, iact site). The paper and the return read one computed "
         "view of each system, so their numbers agree.\n\n"
         "Dates are judged as of today unless --as-of is given, and the same plans, --as-of and "
         "SOURCE_DATE_EPOCH give byte-identical reports.";
}

std::span<const ManualItem> environment_variables() {
  static const std::vector<ManualItem> kVariables = {
      {"NO_COLOR",
       "When set to anything but the empty string, no colour in diagnostics and status "
       "(no-color.org); --color always still colours."},
      {"TERM", "dumb: no colour unless --color always."},
      {"SOURCE_DATE_EPOCH",
       "The time written into papers, returns and workbooks, in seconds since 1970, for "
       "reproducible files (default: the as-of date)."},
      {"IACT_FRAMEWORKS",
       "The folder of national framework files, when --frameworks is not given."},
      {"IACT_TEMPLATES",
       "The folder of templates and the return layout, when --templates is not given."},
      {"IACT_SCHEMA",
       "The folder of the plan format's JSON Schema, whose path iact new writes into a plan."},
      {"PATH", "Where pandoc, weasyprint, rsvg-convert and git are found."},
  };
  return kVariables;
}

std::span<const ManualItem> common_files() {
  static const std::vector<ManualItem> kFiles = {
      {"/usr/share/iact/frameworks/",
       "The national frameworks and timeline, as YAML (beside the binary: ../share/iact)."},
      {"/usr/share/iact/templates/",
       "The board paper's template and styles, and the return's layout."},
      {"/usr/share/iact/schema/iact-plan.schema.json", "The plan format's JSON Schema."},
      {".iact-timeline.yaml",
       "A local timeline: reporting periods of your own, found in the plans folder or a folder "
       "above it (--timeline names another)."},
  };
  return kFiles;
}

}  // namespace iact
