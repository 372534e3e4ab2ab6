#include "check/rules.h"

#include <array>
#include <cstdio>
#include <cstdlib>

namespace iact {

namespace {
using enum Severity;

constexpr std::array kRules = {
    // Reading the file.
    Rule{"file-unreadable", kError, "the file cannot be read, or is too large to be a plan"},
    Rule{"file-empty", kError, "the file is empty or holds only comments"},
    Rule{"file-encoding", kError, "the file is not UTF-8 text (UTF-16, binary data, bad bytes)"},
    Rule{"yaml-syntax", kError, "the YAML cannot be parsed"},
    Rule{"yaml-depth", kError, "the YAML nests deeper than a plan ever needs"},
    Rule{"yaml-alias", kError, "YAML aliases (*name) are not allowed in plans"},
    Rule{"yaml-multiple-documents", kError, "more than one YAML document (---) in one file"},
    Rule{"duplicate-key", kError, "the same key appears twice in one mapping"},
    // The shape of a plan, from the field table.
    Rule{"wrong-type", kError, "a value has the wrong type (text, number, list, mapping)"},
    Rule{"unknown-key", kError, "a key that the plan format does not define"},
    Rule{"missing-field", kError, "a required field is missing"},
    Rule{"invalid-value", kError, "a value is not one of those allowed"},
    Rule{"invalid-date", kError, "a date that does not parse or does not exist"},
    Rule{"out-of-range", kError, "a number outside its allowed range (risk scores are 1-5)"},
    Rule{"unsupported-version", kError, "the plan's `iact:` format version is not supported"},
    Rule{"invalid-id", kError, "an id uses characters other than letters, digits, '.', '_', '-'"},
    // The content of a plan.
    Rule{"invalid-code", kError,
         "an organisation's, its ICB's or a predecessor's code is not an ODS code"},
    Rule{"duplicate-id", kError, "two actions, risks or framework items share an id"},
    Rule{"unknown-framework", kError, "`frameworks` names a framework that no file defines"},
    Rule{"unknown-item", kError,
         "`addresses` or `self_assessment` names a framework item that does not exist"},
    Rule{"unknown-group", kError, "an action's `group` is not one of the plan's `groups`"},
    Rule{"unknown-milestone", kError,
         "a `submissions` entry names no timeline milestone met by a submission"},
    Rule{"completed-in-future", kError, "`completed` is later than the as-of date"},
    Rule{"unknown-risk-action", kError, "a risk's `actions` names an action the plan lacks"},
    Rule{"item-outside-frameworks", kWarning,
         "an action addresses an item of a framework the plan does not list"},
    Rule{"coverage-gap", kWarning,
         "a framework item of the plan's frameworks that no action addresses"},
    Rule{"due-tbc", kWarning, "an action's due date is still `tbc`"},
    Rule{"complete-unevidenced", kWarning,
         "a complete action with no evidence or no `completed` date"},
    Rule{"completed-not-complete", kWarning,
         "an action has a `completed` date but is not complete"},
    Rule{"status-contradiction", kWarning,
         "the declared status contradicts the BRAG status computed for the as-of date"},
    Rule{"update-in-future", kWarning, "an update is dated after the as-of date"},
    Rule{"update-order", kWarning, "updates are not in date order (the log is oldest first)"},
    Rule{"stale-action", kWarning, "an open action with no update in the last reporting period"},
    Rule{"replan-mismatch", kWarning,
         "an action's `due` differs from the latest re-planned `due` in its updates"},
    Rule{"replan-no-baseline", kWarning,
         "an action re-planned in its updates has no `baseline_due` (the first agreed date)"},
    Rule{"placeholder-text", kWarning,
         "an action's or a risk's title is placeholder text (\"Action text missing\", TBC)"},
    Rule{"due-before-plan", kWarning,
         "an open action is due before the plan was made (often a slip of the year)"},
    Rule{"status-log-mismatch", kWarning,
         "the declared status differs from the newest status in the action's updates"},
    // A system: the ICB's plan with its trusts' plans in one folder.
    Rule{"system-multiple-icb", kError, "a system folder holds more than one ICB plan"},
    Rule{"system-icb-mismatch", kError, "a trust's `icb` is not the code of the system's ICB"},
    Rule{"duplicate-organisation", kError, "two plans in one system are for the same organisation"},
    Rule{"unknown-lead", kError, "an action's `lead` names no organisation of the system"},
    Rule{"return-incomplete", kWarning,
         "the return will have empty cells: no `self_assessment:` for an item, no "
         "`dna_discharge_assurance:` for an organisation, or no `sro:` to name on its cover "
         "(`not-stated` answers them)"},
    Rule{"return-draft", kError,
         "a required answer of the return is missing, so the return is a draft "
         "(`validate --for-return`, `return --final`, `build --final`)"},
    // Importing a tracker (iact import): the line is the tracker's row, the column its column.
    Rule{"import-header", kError,
         "no header row, or a mapping file's column, sheet or value that the tracker lacks"},
    Rule{"import-date", kError, "a tracker's date that is not a date in any form iact reads"},
    Rule{"import-status", kError, "a tracker's status or RAG word that iact does not know"},
    Rule{"import-theme", kError, "a tracker's theme that matches no framework item, or none given"},
    Rule{"import-duplicate", kError, "two rows of a tracker with the same reference"},
    Rule{"import-row", kError, "a tracker row with no action text"},
    Rule{"import-lead", kWarning,
         "a tracker's lead that names no organisation of the system, read as the owner"},
    Rule{"import-assumed", kWarning,
         "a value the tracker left blank, filled in (no status: not-started; no date: tbc)"},
    // Owners' returned update forms (iact apply): the line is the form's row.
    Rule{"form-invalid", kError,
         "a file that is not an iact update form, or one whose columns were changed"},
    Rule{"form-value", kError,
         "a form's answer iact cannot read or take: a status or date that is not one, a new "
         "due date before the day it is applied, a completion in the future or with another "
         "status"},
    Rule{"form-stale", kError, "an action changed in the plan since its form was made"},
    Rule{"form-changed", kError,
         "a form changed after it was made: its hidden record, its rows or its grey "
         "(read-only) text"},
    Rule{"form-unknown-action", kError,
         "a form row naming an action the plans do not have, answered or not"},
    // The national framework and timeline files.
    Rule{"framework-invalid", kError, "a framework or timeline file is malformed"},
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

}  // namespace iact
