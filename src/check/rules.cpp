#include "check/rules.h"

#include <array>
#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

namespace iact {

namespace {
using enum Severity;

constexpr std::array kRules = {
    // Reading the file.
    Rule{"file-unreadable", kError, "the file cannot be read, or is too large to be a plan",
         "A plan iact cannot read is left out of every check, paper and return, so the system's "
         "numbers would be short without anyone noticing.",
         "Check the path and its permissions. A plan is a regular file of at most 16 MiB: a link "
         "that leads nowhere, a folder or a named pipe named `*.yaml` is not one.",
         "plans/nenc/cntw.yaml -> ../archive/cntw.yaml   # a link to a file that was moved\n# fix: "
         "point the link at the plan, or copy the plan into plans/nenc/"},
    Rule{"file-empty", kError, "the file is empty or holds only comments",
         "An empty file in a system folder is usually a plan that was never written or was lost in "
         "a bad merge; the system would be reported without it.",
         "Write the plan (`iact new` makes a starter that validates), or delete the file.",
         "# Somerset Foundation Trust plan: to do\n# fix: iact new --code RH5 --name \"Somerset "
         "NHS Foundation Trust\" --kind trust --icb QSL -o plans/somerset/sft.yaml --force"},
    Rule{"file-encoding", kError, "the file is not UTF-8 text (UTF-16, binary data, bad bytes)",
         "Plans are read as UTF-8; a file saved as UTF-16 or Windows-1252 by a spreadsheet or an "
         "old editor would show wrong characters in the board paper, or not parse at all.",
         "Save the file as UTF-8 (in VS Code: the encoding in the status bar, then \"Save with "
         "Encoding\"). To bring in a tracker, use `iact import`, which reads Excel and CSV in any "
         "of their encodings.",
         "title: Carers\\x92 assessments offered   # 0x92: Windows-1252 for a right quote, not "
         "UTF-8\n# fix: save as UTF-8, where it is written ’ (or write a plain ')"},
    Rule{"invalid-text", kError,
         "text that holds a control character, a noncharacter or bytes that are not UTF-8",
         "YAML escapes (\\0, \\e, \\N, \\_, \\uFFFE, \\uD800) can put characters into a value "
         "that no board paper, return or web page can carry: a spreadsheet with them does not "
         "open, and a terminal may act on them. Every output shows such a character as U+FFFD (a "
         "replacement mark).",
         "Rewrite the value without the escape: a line break as a new line of a `|` block (or "
         "\\n), a space as a space; tabs and line breaks are the only control characters a "
         "plan's text may hold.",
         "    title: \"Review\\e[2J caseloads\"   # \\e: a terminal escape\n    # fix: title: "
         "Review caseloads"},
    Rule{"yaml-syntax", kError, "the YAML cannot be parsed",
         "Nothing in a file that does not parse can be checked, so none of its actions reaches the "
         "paper or the return.",
         "Look at the line shown and the one above it: a missing space after `:`, an indentation "
         "that does not line up, a quote left open, or a `:` in text that needs quotes.",
         "    title: Review: caseloads     # a second ': ' inside text\n    # fix: title: "
         "\"Review: caseloads\""},
    Rule{"yaml-depth", kError, "the YAML nests deeper than a plan ever needs",
         "A plan nests a few levels deep; a file nested more than 64 levels is not a plan (or is "
         "built to make a parser run out of memory), so it is refused before it is read.",
         "Check that the file is the plan you meant to check; flatten the nesting to the plan "
         "format's shape (`iact format`).",
         "actions: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ ...\n# fix: "
         "actions is a list of mappings, one per action"},
    Rule{"yaml-alias", kError, "YAML aliases (*name) are not allowed in plans",
         "An alias repeats another part of the file without saying so, which a reader of the plan "
         "(or a reviewer of a change) does not see; aliases can also make a small file expand to a "
         "huge one.",
         "Write the value out where it is used, instead of `&name` and `*name`.",
         "    addresses: &themes [carers, continuity]\n  - id: GOV-02\n    addresses: *themes      "
         "    # fix: addresses: [carers, continuity]"},
    Rule{"yaml-multiple-documents", kError, "more than one YAML document (---) in one file",
         "One file is one organisation's plan; a second document after `---` would be silently "
         "ignored by most tools, and by a reader too.",
         "Put each plan in a file of its own, or remove the stray `---` line.",
         "iact: 1\norganisation: { code: RH5, name: Somerset NHS Foundation Trust, kind: trust, "
         "icb: QSL }\n---                              # fix: remove it, or start a new file here"},
    Rule{"duplicate-key", kError, "the same key appears twice in one mapping",
         "YAML keeps only one of the two values, so the other is lost without a word: a status or "
         "a due date that someone wrote would not be the one reported.",
         "Keep one of the two lines (the right one), and delete the other.",
         "  - id: GOV-01\n    status: on-track\n    status: complete            # fix: keep one "
         "status line"},
    // The shape of a plan, from the field table.
    Rule{"wrong-type", kError, "a value has the wrong type (text, number, list, mapping)",
         "A value of the wrong shape cannot be read as the field it is meant to be, so the field "
         "is as good as missing in every report.",
         "Write the value in the shape the field takes (`iact format` lists each field's type): a "
         "list in `[a, b]` or `- a` lines, a mapping in `key: value` lines.",
         "    addresses: carers, continuity    # text, but addresses is a list\n    # fix: "
         "addresses: [carers, continuity]"},
    Rule{"unknown-key", kError, "a key that the plan format does not define",
         "A mistyped key is not read at all, so what it holds (a due date, a status) would be "
         "missing from the paper and the return while the plan looks complete.",
         "Correct the spelling (the hint gives the nearest key), or move the text to `notes:`.",
         "  - id: GOV-01\n    adresses: [carers]           # fix: addresses: [carers]"},
    Rule{"missing-field", kError, "a required field is missing",
         "The paper and the return cannot be written without it: an action with no `due` or "
         "`status` has no BRAG status, a trust with no `icb` has no system.",
         "Add the field; the message says which, and `iact format` says what each holds.",
         "  - id: GOV-01\n    title: Review a sample of caseloads\n    addresses: "
         "[long-term-planning]\n    lead: SFT\n    status: on-track             # fix: add due: "
         "2025-03-31 (or tbc)"},
    Rule{"invalid-value", kError, "a value is not one of those allowed",
         "Fields such as `status`, `kind` and `timeframe` take one of a few words, which decide "
         "the BRAG status and how the return reads; any other word means nothing to iact.",
         "Use one of the words the hint lists (they are in `iact format` too).",
         "    status: In progress          # fix: status: on-track"},
    Rule{"invalid-date", kError, "a date that does not parse or does not exist",
         "A due date iact cannot read gives the action no BRAG status, and a day that does not "
         "exist (30 February) is usually a typing slip that hides the real date.",
         "Write a day as 2025-03-31, a month as 2025-03 (due at its end), an NHS quarter as \"Q4 "
         "2024/25\", or `tbc` / `ongoing`; the hint offers the date it looks like.",
         "    due: 31.03.25                # fix: due: 2025-03-31"},
    Rule{"out-of-range", kError, "a number outside its allowed range (risk scores are 1-5)",
         "Risk scores multiply likelihood by impact on a 5 by 5 matrix; a number outside it puts "
         "the risk in no rating band.",
         "Use a whole number from 1 to 5 for `likelihood` and `impact`.",
         "  - id: R1\n    likelihood: 3\n    impact: 7                    # fix: impact: 5 (at "
         "most)"},
    Rule{"unsupported-version", kError, "the plan's `iact:` format version is not supported",
         "The version says how the file is to be read; a plan written for another version may use "
         "fields this iact reads differently.",
         "Write `iact: 1`, or check the plan with the version of iact it was written for.",
         "iact: 2                          # fix: iact: 1"},
    Rule{"invalid-id", kError, "an id uses characters other than letters, digits, '.', '_', '-'",
         "Ids are used in risk links, diffs, update forms and file names; spaces or other "
         "characters in them break those links.",
         "Use letters, digits, '.', '_' and '-' only.",
         "  - id: GOV 01                   # fix: id: GOV-01"},
    // The content of a plan.
    Rule{"invalid-code", kError,
         "an organisation's, its ICB's or a predecessor's code is not an ODS code",
         "Plans are matched to their ICB, and returns to their system, by ODS code; a code that is "
         "not one matches nothing.",
         "Write the organisation's code from the NHS Organisation Data Service, in capitals: 3 to "
         "5 letters and digits (RH5), and for an ICB three characters starting with Q (QSL).",
         "organisation:\n  code: rh5                      # fix: code: RH5\n  icb: Somerset        "
         "          # fix: icb: QSL"},
    Rule{"duplicate-id", kError, "two actions, risks or framework items share an id",
         "An id names one action in the paper, the return, update forms and diffs; two with one id "
         "would be mixed up in all of them.",
         "Give each action (or risk) an id of its own; the hint says where the first one is.",
         "  - id: GOV-01\n    title: Review caseloads\n  - id: GOV-01                   # fix: id: "
         "GOV-02\n    title: Audit discharges"},
    Rule{"unknown-framework", kError, "`frameworks` names a framework that no file defines",
         "The plan is checked for coverage against each framework it lists; one iact does not know "
         "cannot be checked or reported.",
         "Correct the name (`iact frameworks` lists them), or add the framework's file to the "
         "frameworks folder.",
         "frameworks: [nhse-2024-themes, investigaton-2025]   # fix: investigation-2025"},
    Rule{"unknown-item", kError,
         "`addresses` or `self_assessment` names a framework item that does not exist",
         "An action is counted against the framework items it addresses; an item that does not "
         "exist counts for nothing, and the coverage the paper shows would be wrong.",
         "Use an item id from `iact frameworks` (the hint gives the nearest), bare (`carers`) or "
         "with its framework (`investigation-2025/families`).",
         "    addresses: [carer, continuity]    # fix: addresses: [carers, continuity]"},
    Rule{"unknown-group", kError, "an action's `group` is not one of the plan's `groups`",
         "The paper lists actions under the plan's groups in their order; an action in a group "
         "that is not listed would have no place in it.",
         "Use one of the groups in `groups:`, or add the new group there.",
         "groups: [Governance, Clinical delivery]\nactions:\n  - id: GOV-01\n    group: governance "
         "           # fix: group: Governance"},
    Rule{"unknown-milestone", kError,
         "a `submissions` entry names no timeline milestone met by a submission, or a board "
         "meeting's `milestone` none met by that board in public",
         "The paper's governance section says which national milestones were met and how; a "
         "submission for a milestone that does not exist, or that a board meeting meets, proves "
         "nothing.",
         "Name a milestone of the timeline that asks for a submission (the hint lists them); a "
         "milestone met by a board in public is met by a `board:` entry instead, and a meeting's "
         "`milestone:` names one a meeting of that board can meet.",
         "submissions:\n  - { milestone: plans-report, date: 2025-06-30 }   # fix: milestone: "
         "plans-reported"},
    Rule{"completed-in-future", kError, "`completed` is later than the as-of date",
         "An action cannot have been completed on a day that has not come; the date is usually a "
         "slip of the year, and the paper would count the action complete too early.",
         "Correct the date (often the year), or leave `completed:` out until the action is done.",
         "    status: complete\n    completed: 2026-03-31        # as of 2025-07-15; fix: "
         "completed: 2025-03-31"},
    Rule{"unknown-risk-action", kError, "a risk's `actions` names an action the plan lacks",
         "A risk's mitigating actions are listed beside it in the paper; an id that names no "
         "action leaves the risk without the mitigation the plan claims.",
         "Use the id of one of this plan's actions (the hint gives the nearest), or remove it.",
         "risks:\n  - id: R1\n    actions: [GOV-1]             # fix: actions: [GOV-01]"},
    Rule{"item-outside-frameworks", kWarning,
         "an action addresses an item of a framework the plan does not list",
         "Coverage is reported for the frameworks in `frameworks:`; an action on an item of "
         "another framework is not counted where a reader would expect it.",
         "Add the item's framework to `frameworks:`, or address an item of a framework the plan "
         "lists.",
         "frameworks: [nhse-2024-themes]\n...\n    addresses: [care-treatment.care-plan-review]   "
         "# fix: frameworks: [nhse-2024-themes, webinar-2025]"},
    Rule{"coverage-gap", kWarning,
         "a framework item of the plan's frameworks that no action addresses",
         "NHS England asks each plan to answer every item of its frameworks; an item no action "
         "addresses is a gap the board paper and the return show.",
         "Add an action that addresses the item, or add the item to an action that already covers "
         "it.",
         "frameworks: [nhse-2024-themes]    # and no action has addresses: [dna-discharge]\n# fix: "
         "an action with addresses: [dna-discharge]"},
    Rule{"framework-not-taken-in", kWarning,
         "no plan of the system answers to a framework NHS England asked every plan to take in",
         "NHS England asked every local plan to answer to some frameworks once published (the "
         "independent investigation of February 2025, for one). A plan made before such a "
         "framework has not taken it in until it cites it, and its paper says so instead of "
         "scoring it.",
         "Add the framework's id to `frameworks:` of the plan that answers it, and its items "
         "to the `addresses:` of the actions that cover them.",
         "frameworks: [nhse-2024-themes]    # as of 2025, investigation-2025 is missing\n# fix: "
         "frameworks: [nhse-2024-themes, investigation-2025]"},
    Rule{"due-tbc", kWarning, "an action's due date is still `tbc`",
         "An action without a date cannot be overdue, so it can drift unseen; by default it counts "
         "as Amber until a date is agreed.",
         "Agree a due date and write it.",
         "    due: tbc                     # fix: due: 2025-09-30"},
    Rule{"complete-unevidenced", kWarning,
         "a complete action with no evidence or no `completed` date",
         "Boards and NHS England ask what shows an action is done, and when; a completion without "
         "them gives no assurance.",
         "Add `evidence:` (what shows it is done) and `completed:` (the day it was).",
         "    status: complete             # fix: add completed: 2025-03-28\n                      "
         "           #      and evidence: [Audit report to Quality Committee]"},
    Rule{"completed-not-complete", kWarning, "an action has a `completed` date but is not complete",
         "The completion date and the status disagree, so either the status is out of date or the "
         "date was written too early.",
         "Set `status: complete`, or remove `completed:`.",
         "    status: on-track\n    completed: 2025-03-28        # fix: status: complete"},
    Rule{"status-contradiction", kWarning,
         "the declared status contradicts the BRAG status computed for the as-of date",
         "The paper shows the status computed from the dates; a plan that says `on-track` for an "
         "overdue action tells the board something the paper will not.",
         "Update the status, or re-plan: set a new `due:` and keep the first date as "
         "`baseline_due:`.",
         "    due: 2025-05-31\n    status: on-track             # overdue as of 2025-07-15; fix: "
         "status: off-track,\n                                 # or due: 2025-09-30 with "
         "baseline_due: 2025-05-31"},
    Rule{"update-in-future", kWarning, "an update is dated after the as-of date",
         "An update from a day that has not come is usually a slip of the year; reports as of "
         "today would leave it out.",
         "Correct the date, or run with `--as-of` the day you mean.",
         "    updates:\n      - { date: 2026-06-30, note: Audit done. }   # as of 2025-07-15; fix: "
         "date: 2025-06-30"},
    Rule{"update-order", kWarning, "updates are not in date order (the log is oldest first)",
         "The newest update is the last; iact reads the history from it, so an update out of order "
         "gives the wrong latest status and note.",
         "Keep the log oldest first: add new updates at the end.",
         "    updates:\n      - { date: 2025-05-01, note: Started. }\n      - { date: 2025-03-01, "
         "note: Agreed. }     # fix: move it above the May update"},
    Rule{"stale-action", kWarning, "an open action with no update in the last reporting period",
         "Each return reports progress since the last one; an open action with no update in the "
         "period has no progress to report, and the paper says so.",
         "Add an update with the date, the status and a line on what has happened.",
         "    status: on-track\n    updates:\n      - { date: 2024-11-28, note: Scoping started. } "
         "  # nothing since\n# fix: - { date: 2025-06-20, status: on-track, note: Pilot began in "
         "two teams. }"},
    Rule{"replan-mismatch", kWarning,
         "an action's `due` differs from the latest re-planned `due` in its updates",
         "The updates are the history of the action; when the newest re-plan and `due` disagree, "
         "the return's \"slipped\" and the paper's due date tell two stories.",
         "Set `due:` to the latest re-planned date, or correct the update.",
         "    due: 2025-09-30\n    updates:\n      - { date: 2025-06-01, due: 2025-12-31, note: "
         "Re-planned. }   # fix: due: 2025-12-31"},
    Rule{"replan-no-baseline", kWarning,
         "an action re-planned in its updates has no `baseline_due` (the first agreed date)",
         "Without the first agreed date, the paper cannot say how far an action slipped, and "
         "re-planned actions cannot be shown as Amber.",
         "Add `baseline_due:` with the first agreed due date.",
         "    due: 2025-12-31\n    updates:\n      - { date: 2025-06-01, due: 2025-12-31, note: "
         "Re-planned. }\n    # fix: baseline_due: 2025-09-30"},
    Rule{"placeholder-text", kWarning,
         "an action's or a risk's title is placeholder text (\"Action text missing\", TBC)",
         "The paper prints titles as written; a placeholder tells the board nothing about what "
         "will be done.",
         "Say what will be done (or what the risk is) in one line.",
         "  - id: GOV-03\n    title: Action text missing   # fix: title: Audit discharges after "
         "non-attendance"},
    Rule{"due-before-plan", kWarning,
         "an open action is due before the plan was made (often a slip of the year)",
         "An action cannot have been planned to finish before the plan existed; the year is "
         "usually wrong, and the action shows as overdue.",
         "Check the year; the hint gives the date a year later.",
         "created: 2024-09-30\n...\n    due: 2024-07-30              # fix: due: 2025-07-30"},
    Rule{"status-log-mismatch", kWarning,
         "the declared status differs from the newest status in the action's updates",
         "The updates record when a status changed; a declared status no update records leaves the "
         "return's history and the paper's status apart.",
         "Add an update with the new status and the date it changed.",
         "    status: at-risk\n    updates:\n      - { date: 2025-05-01, status: on-track, note: "
         "Going well. }\n# fix: - { date: 2025-07-01, status: at-risk, note: Recruitment delayed. "
         "}"},
    // A system: the ICB's plan with its trusts' plans in one folder.
    Rule{"system-multiple-icb", kError, "a system folder holds more than one ICB plan",
         "A system is one ICB and its trusts; with two ICB plans in one folder, iact cannot tell "
         "whose paper and return the trusts belong to.",
         "Put each ICB's system in a folder of its own.",
         "plans/somerset/somerset-icb.yaml   # kind: icb\nplans/somerset/bnssg-icb.yaml      # "
         "kind: icb; fix: move it to plans/bnssg/"},
    Rule{"system-icb-mismatch", kError, "a trust's `icb` is not the code of the system's ICB",
         "A trust's actions are rolled up into its ICB's paper and return; a trust that names "
         "another ICB would be reported in the wrong system.",
         "Write the code of the ICB whose folder the trust is in (an ICB's earlier codes go under "
         "its `predecessors:`).",
         "organisation:\n  code: RH5\n  kind: trust\n  icb: Q1A                       # the "
         "folder's ICB is QSL; fix: icb: QSL"},
    Rule{"duplicate-organisation", kError, "two plans in one system are for the same organisation",
         "Two plans for one organisation would count its actions twice in the system's paper and "
         "return.",
         "Keep one plan per organisation (often an old copy was left in the folder).",
         "plans/somerset/sft.yaml           # code: RH5\nplans/somerset/sft-old.yaml       # code: "
         "RH5; fix: delete the old copy"},
    Rule{"unknown-lead", kError, "an action's `lead` names no organisation of the system",
         "The paper and the owners' update forms are organised by lead; a lead that names no "
         "organisation has nobody to answer for the action.",
         "Use the short name or code of an organisation of the system (the hint gives the "
         "nearest); an organisation without a plan of its own goes under `partners:`.",
         "    lead: ELTF                   # fix: lead: ELFT, or add { short: ELTF, name: ... } "
         "under partners:"},
    Rule{"narrative-undated", kWarning,
         "the plan's narrative does not say which meeting or period it was written for, so a "
         "paper cannot tell whether it is current",
         "Narrative is written for one meeting; printed in a later paper as if current, it says "
         "things that are no longer true (\"guidance is expected very soon\").",
         "Add `written_for:` with the date of the board meeting the text was written for, or the "
         "reporting period (2026-01); keep older narratives in the list for the record.",
         "narrative:\n  background: ...          # fix: written_for: 2025-05-01 above it"},
    // The board paper (iact paper, iact build).
    Rule{"undefined-abbreviation", kWarning,
         "the board paper uses an abbreviation that neither its glossary nor the plans define",
         "Board papers are public: every abbreviation must be defined for a reader who does not "
         "know the service.",
         "Add the term to the plan's `glossary:` (or to templates/glossary.yaml for every "
         "paper), or write it out in full.",
         "glossary:\n  SDU: Service delivery unit   # the paper's glossary then lists it"},
    Rule{"return-incomplete", kWarning,
         "the return will have empty cells: no `self_assessment:` for an item, no "
         "`dna_discharge_assurance:` for an organisation, or no `sro:` to name on its cover "
         "(`not-stated` answers them)",
         "NHS England's return asks for these answers; without them the workbook is a draft with "
         "empty cells.",
         "Add what the message names: `self_assessment:` entries per framework item, "
         "`dna_discharge_assurance:` per organisation, `sro:` on the ICB's plan; where the "
         "organisation has not stated an answer, write `not-stated`.",
         "organisation: { code: QSL, name: NHS Somerset ICB, kind: icb }\n# fix: sro: { role: "
         "Chief Nursing Officer }"},
    Rule{"return-draft", kError,
         "a required answer of the return is missing, so the return is a draft "
         "(`validate --for-return`, `return --final`, `build --final`)",
         "templates/return.yaml marks the answers NHS England requires; a return without one is "
         "a draft, says so on its cover and lists what is missing, and `--final` refuses to "
         "write it.",
         "Write the answer where the message says (the plan and key), or `not-stated` where the "
         "organisation has not stated it; the hint says what to write.",
         "board:\n  - { date: 2026-01-29, body: NHS Somerset ICB Board, public: true }\n"
         "# no assurance: for the cover; fix: assurance: reasonable (or not-stated)"},
    // Importing a tracker (iact import): the line is the tracker's row, the column its column.
    Rule{"import-header", kError,
         "no header row, or a mapping file's column, sheet or value that the tracker lacks",
         "Without a header row iact cannot tell which column is the action, the date or the "
         "status, so nothing can be imported.",
         "Give the tracker a header row (\"Ref\", \"Action\", \"Lead\", \"Due date\", \"Status\"), "
         "or name its columns in a mapping file (`--map`, docs/importing.md).",
         "# tracker.csv, whose first row is already an action:\n1.1,Review "
         "caseloads,SFT,31/03/2025,Complete\n# fix: a first row Ref,Action,Lead,Due date,Status"},
    Rule{"import-date", kError, "a tracker's date that is not a date in any form iact reads",
         "An action imported without its due date would have no BRAG status.",
         "Write the date in the tracker in a form iact reads (31/03/2025, Mar-25, Q4 2024/25, "
         "TBC), or map the word in a mapping file.",
         "Ref,Action,Due date\n1.1,Review caseloads,soon     # fix: 31/03/2025, or TBC"},
    Rule{"import-status", kError, "a tracker's status or RAG word that iact does not know",
         "The status decides the action's BRAG status; a word iact does not know would have to be "
         "guessed.",
         "Use a word iact reads (Complete, In progress, Delayed, Red, Amber, Green...), or map "
         "yours in a mapping file under `statuses:`.",
         "Ref,Action,Status\n1.1,Review caseloads,Nearly there   # fix: On track, or map it with "
         "--map"},
    Rule{"import-theme", kError, "a tracker's theme that matches no framework item, or none given",
         "Every action must address a framework item; a theme iact cannot match leaves the action "
         "counted nowhere.",
         "Write the theme as a framework item's title or id, map it in a mapping file under "
         "`themes:`, or give `--addresses` for rows with none.",
         "Ref,Action,Theme\n1.1,Review caseloads,Misc    # fix: Continuity of care, or --map with "
         "themes:"},
    Rule{"import-duplicate", kError, "two rows of a tracker with the same reference",
         "The reference becomes the action's id, which must be unique in the plan.",
         "Give each row a reference of its own.",
         "Ref,Action\n1.1,Review caseloads\n1.1,Audit discharges          # fix: 1.2"},
    Rule{"import-row", kError, "a tracker row with no action text",
         "An action with no title cannot be reported; the row is usually a stray or a note.",
         "Write the action's text, or delete the row.",
         "Ref,Action,Due date\n1.3,,31/03/2025              # fix: write the action, or delete the "
         "row"},
    Rule{"import-lead", kWarning,
         "a tracker's lead that names no organisation of the system, read as the owner",
         "An action must be led by an organisation of the system; a lead iact does not know is "
         "kept as the action's owner and the action is given to the plan's own organisation, "
         "which may not be who leads it.",
         "Import the tracker as the organisation that leads (`--kind trust`), add the lead to "
         "the plan's `partners:`, or map the word in a mapping file under `leads:`.",
         "Ref,Action,Lead\n1.1,Review caseloads,CNTW    # fix: --kind trust, or partners: "
         "[{short: CNTW, name: ...}]"},
    Rule{"import-assumed", kWarning,
         "a value the tracker left blank, filled in (no status: not-started; no date: tbc)",
         "The plan holds a value nobody wrote; it should be checked before the plan is used.",
         "Fill the cell in the tracker and import again, or correct the plan.",
         "Ref,Action,Due date,Status\n1.4,Train staff,,             # imported as due: tbc, "
         "status: not-started"},
    // Owners' returned update forms (iact apply): the line is the form's row.
    Rule{"form-invalid", kError,
         "a file that is not an iact update form, or one whose columns were changed",
         "iact writes answers back into the plans by the form's rows; a changed layout could put "
         "an answer on the wrong action.",
         "Send the owner a new form (`iact collect`) and ask them to fill in the answer columns "
         "only.",
         "forms/2026-02/SFT.xlsx            # a column was inserted before \"New status\"\n# fix: "
         "iact collect plans -o forms/2026-02, and send it again"},
    Rule{"form-value", kError,
         "a form's answer iact cannot read or take: a status or date that is not one, a new "
         "due date before the day it is applied, a completion in the future or with another "
         "status",
         "An answer iact cannot read, or one that would put the plan's log out of order, cannot "
         "be written into the plan.",
         "Choose the status from the form's drop-down, write dates as dates, and give a new due "
         "date that is still to come.",
         "New status: Nearly done          # fix: On track (from the drop-down)"},
    Rule{"form-stale", kError, "an action changed in the plan since its form was made",
         "The owner answered about the action as it was; writing the answer over a newer change "
         "could undo it.",
         "Make a new form for the action (`iact collect`), or apply the answer by hand with `iact "
         "update`.",
         "forms/2026-02/SFT.xlsx            # GOV-01 re-planned in the plan after the form was "
         "made\n# fix: iact update plans/somerset/sft.yaml GOV-01 --status complete --note ..."},
    Rule{"form-conflict", kError,
         "two different answers for one action in one `iact apply` run: from two forms, or "
         "from two rows of one form",
         "Both cannot be true; taking one would silently drop the other, and taking both would "
         "leave the plan saying two things (blocked, with a completion date).",
         "Agree one answer with both leads, clear the other row (or leave its form out) and "
         "apply again; the same answer given twice is taken once and is not a problem.",
         "forms/SFT.xlsx row 7: GOV-01 Complete; forms/SFT (1).xlsx row 7: GOV-01 Blocked\n# "
         "fix: agree which is true, clear the other row"},
    Rule{"form-changed", kError,
         "a form changed after it was made: its hidden record, its rows or its grey "
         "(read-only) text",
         "Answers are matched to actions by the form's own record; a form edited outside its "
         "answer columns may no longer say which action an answer is for.",
         "Send the owner a new form (`iact collect`) and ask them to change only the yellow "
         "answer columns.",
         "forms/2026-02/SFT.xlsx            # a row's action id was typed over\n# fix: iact "
         "collect plans -o forms/2026-03, and send it again"},
    Rule{"form-unknown-action", kError,
         "a form row naming an action the plans do not have, answered or not",
         "An answer for an action the plans lack has nowhere to go, and a row added by hand may "
         "hide a typing slip in an id.",
         "Delete the row, or add the action to its plan first and make a new form.",
         "forms/2026-02/SFT.xlsx            # row 9 names GOV-99\n# fix: delete the row"},
    // The national framework and timeline files.
    Rule{"framework-invalid", kError, "a framework or timeline file is malformed",
         "Every plan is checked against the frameworks and the timeline; a broken file would make "
         "every check wrong.",
         "Correct the file as the message says (docs/frameworks.md describes the format).",
         "periods:\n  - { id: December, due: 2026-12-31 }   # fix: id: 2026-12"},
};
}  // namespace

std::span<const Rule> all_rules() {
  return kRules;
}

const Rule& rule(std::string_view id) {
  for (const Rule& r : kRules) {
    if (r.id == id) return r;
  }
  std::fprintf(stderr, "internal error: no rule '%.*s'\n", static_cast<int>(id.size()), id.data());
  std::abort();
}

std::string_view severity_name(Severity s) {
  return s == Severity::kError ? "error" : "warning";
}

std::string rule_help_uri(const Rule& r) {
  return fmt::format("{}#{}", kRulesDocUri, r.id);
}

std::string rule_help_text(const Rule& r) {
  return fmt::format("{}: {}.\n\nWhy it matters: {}\n\nHow to fix it: {}\n\nExample:\n{}\n", r.id,
                     r.summary, r.why, r.fix, r.example);
}

std::string rule_help_markdown(const Rule& r) {
  return fmt::format(
      "**{}**: {}.\n\n**Why it matters.** {}\n\n**How to fix it.** {}\n\n**Example:**\n\n"
      "```yaml\n{}\n```\n",
      severity_name(r.severity), r.summary, r.why, r.fix, r.example);
}

std::string rules_reference(std::span<const Rule> rules) {
  std::string out =
      "# The rules iact checks\n\n"
      "<!-- Generated by `iact rules --explain` from the rule table (src/check/rules.cpp); "
      "edit the table, not this page. -->\n\n"
      "Every problem `iact validate` reports names its rule, as in `[unknown-item]`. Errors make "
      "`iact validate` exit 1; warnings do too with `--strict`. `iact rules RULE` prints a "
      "rule's section of this page, and code scanning shows it beside each alert.\n\n"
      "| rule | severity | what it finds |\n| --- | --- | --- |\n";
  for (const Rule& r : rules)
    out +=
        fmt::format("| [`{0}`](#{0}) | {1} | {2} |\n", r.id, severity_name(r.severity), r.summary);
  for (const Rule& r : rules) out += fmt::format("\n## {}\n\n{}", r.id, rule_help_markdown(r));
  return out;
}

}  // namespace iact
