// iact import: an organisation's existing action tracker (CSV or XLSX) as a plan, or merged
// into its plan; and iact new: a starter plan to fill in.
#include <algorithm>
#include <iostream>
#include <set>

#include <fmt/format.h>

#include "check/coverage.h"
#include "check/report.h"
#include "check/return_checks.h"
#include "check/system_checks.h"
#include "commands/commands.h"
#include "commands/context.h"
#include "edit/plan_text.h"
#include "import/map_file.h"
#include "import/tracker.h"
#include "plan/loader.h"
#include "read/table.h"
#include "util/escape.h"
#include "util/files.h"
#include "util/plan_lock.h"
#include "util/text.h"
#include "write/plan_yaml.h"

namespace iact {

namespace fs = std::filesystem;

namespace {

void print_diagnostics(const Diagnostics& diags) {
  print_text(diags, std::cerr, TextStyle{stderr_wants_colour(), false});
}

// The organisation the plan is for, from the options or from the --into plan.
struct PlanOrganisation {
  std::string code, name, short_name, kind, icb, region;
  std::string label() const { return short_name.empty() ? code : short_name; }
};

// The organisations a lead cell may name: the plan's own, its ICB, the plans beside it and
// their partners.
std::vector<KnownOrganisation> known_organisations(const PlanOrganisation& own,
                                                   const std::vector<Plan>& siblings,
                                                   const Plan* into) {
  std::vector<KnownOrganisation> orgs;
  KnownOrganisation self{own.label(), {own.code, own.short_name, own.name}};
  if (own.kind == "trust") {
    for (std::string_view w : {"trust", "the trust", "provider", "the provider"})
      self.names.emplace_back(w);
  } else {
    for (std::string_view w : {"icb", "the icb", "system", "the system"})
      self.names.emplace_back(w);
  }
  orgs.push_back(self);
  // A trust's "ICB" is its ICB: by the short name the ICB's own plan gives it, when that
  // plan is beside this one (so the paper and the forms name it one way), else by its code.
  auto is_own_icb = [&](const Plan& p) {
    return !own.icb.empty() && p.organisation.code && p.organisation.code->value == own.icb;
  };
  const bool icb_plan_known =
      std::any_of(siblings.begin(), siblings.end(), is_own_icb) || (into && is_own_icb(*into));
  if (!own.icb.empty() && !icb_plan_known) {
    orgs.push_back(KnownOrganisation{own.icb, {own.icb, "icb", "the icb"}});
  }
  auto add_plan = [&](const Plan& p) {
    const Organisation& o = p.organisation;
    if (o.code) {
      KnownOrganisation k{o.label(), {o.code->value}};
      if (o.short_name) k.names.push_back(o.short_name->value);
      if (o.name) k.names.push_back(o.name->value);
      if (is_own_icb(p)) {
        k.names.emplace_back("icb");
        k.names.emplace_back("the icb");
      }
      if (o.code->value != own.code) orgs.push_back(k);
    }
    for (const Partner& partner : p.partners) {
      KnownOrganisation k{partner.short_name.value, {partner.short_name.value, partner.name}};
      if (partner.code) k.names.push_back(partner.code->value);
      orgs.push_back(k);
    }
  };
  for (const Plan& p : siblings) add_plan(p);
  if (into) add_plan(*into);
  return orgs;
}

// The plans in `folder`, to know the organisations of the system (errors are not ours here).
std::vector<Plan> plans_in(const fs::path& folder, const fs::path& except) {
  std::vector<Plan> plans;
  std::error_code ec;
  if (folder.empty() || !fs::is_directory(folder, ec)) return plans;
  for (const fs::path& f : yaml_files_in(folder)) {
    if (fs::weakly_canonical(f, ec) == fs::weakly_canonical(except, ec)) continue;
    Diagnostics ignored;
    if (auto p = load_plan_file(f, f.string(), ignored)) plans.push_back(std::move(*p));
  }
  return plans;
}

std::string provenance(const Workbook& book, const ColumnMapping& m, int row) {
  if (book.format == "csv") return fmt::format("{}, row {}", book.file, row);
  return fmt::format("{}, sheet '{}', row {}", book.file, m.sheet->name, row);
}

// Validates the plan text as it will be written, with its siblings; prints the problems.
Diagnostics check_written(const std::string& text, const std::string& display,
                          const std::vector<Plan>& siblings, const Catalogue& catalogue, Date as_of,
                          Date today, const std::map<std::string, std::string>& sources,
                          bool show_warnings) {
  Diagnostics diags;
  std::optional<Plan> plan = load_plan_text(text, display, diags);
  if (plan) {
    // As of the import's date; what the tracker records up to today is history, not an error.
    check_plan(*plan, CheckContext{catalogue, as_of, std::nullopt, std::max(as_of, today)}, diags);
    std::vector<const Plan*> system;
    for (const Plan& p : siblings) system.push_back(&p);
    system.push_back(&*plan);
    Diagnostics all;
    check_system(system, all);
    check_coverage(system, catalogue, all);
    check_return_readiness(system, catalogue, as_of, all);
    for (const Diagnostic& d : all.items()) {
      if (d.file == display) diags.items().push_back(d);
    }
  }
  diags.sort();
  Diagnostics shown;
  for (const Diagnostic& d : diags.items()) {
    if (show_warnings || d.severity == Severity::kError) shown.items().push_back(d);
  }
  print_text(shown, std::cerr, TextStyle{stderr_wants_colour(), true, &sources});
  return diags;
}

// What --into does where the plan and the tracker differ.
struct MergeChoices {
  bool prefer_tracker = false;  // --prefer tracker: its values win even over newer plan values
  bool update_titles = false;   // --update-titles: the tracker's titles replace the plan's
};

struct MergeResult {
  std::vector<std::string> changes;  // "  X due: a -> b", "  added Y: title"
  std::vector<std::string> kept;     // the plan's newer values the tracker would have undone,
                                     // and older tracker updates left out of the log
  size_t values_kept = 0;            // of those, values
  std::vector<std::string> titles;   // actions whose titles differ from the tracker's, kept
};

// Merges imported actions into a plan's text by id: new actions are appended, those already
// there have the fields the tracker fills in brought up to date, and an update the plan does
// not hold yet is added. Where the plan has news newer than the tracker's row (an update, or
// a completion, dated after it), its values stay and are listed in `kept`, unless
// --prefer tracker. Returns false and sets `error` if the file cannot take an edit.
bool merge_into(PlanText& text, const Plan& plan, const std::vector<ImportedAction>& actions,
                const std::vector<std::string>& comments, Date update_date,
                const MergeChoices& choices, MergeResult& out, std::string& error) {
  std::string new_block;
  for (size_t i = 0; i < actions.size(); ++i) {
    const ImportedAction& a = actions[i];
    const Action* old = nullptr;
    for (const Action& x : plan.actions) {
      if (x.id && x.id->value == a.id) old = &x;
    }
    if (!old) {
      if (!new_block.empty()) new_block += "\n";
      ImportedAction joined = a;
      joined.added = update_date;  // so the paper counts it as new this period
      new_block += action_yaml(joined, comments[i]);
      out.changes.push_back(fmt::format("  added {}: {}", a.id, a.title));
      continue;
    }
    // The plan's newest news of this action, and the day the tracker's row speaks for.
    const Update* newest = old->newest_update(Action::UpdateKind::kAny);
    std::optional<Date> news;
    std::string news_said;
    if (newest && newest->date) {
      news = newest->date->value;
      news_said = fmt::format("update of {}", news->iso());
    }
    if (old->completed && (!news || *news < old->completed->value)) {
      news = old->completed->value;
      news_said = fmt::format("completion on {}", news->iso());
    }
    const Date row_date = a.update ? a.update->date : update_date;
    const bool plan_newer = news && row_date < *news && !choices.prefer_tracker;
    auto set = [&](std::string_view key, const std::string& now, const std::string& value_yaml,
                   const std::string& was, const std::vector<std::string_view>& after) {
      if (now == was) return true;
      if (plan_newer) {
        out.kept.push_back(fmt::format(
            "  {} {}: kept {}, not the tracker's {}: the plan's {} is newer than the tracker "
            "({})",
            a.id, key, was.empty() ? "(none)" : was, now, news_said, row_date.iso()));
        ++out.values_kept;
        return true;
      }
      if (!text.set_action_field(a.id, key, value_yaml, after, error)) return false;
      out.changes.push_back(
          fmt::format("  {} {}: {} -> {}", a.id, key, was.empty() ? "(none)" : was, now));
      return true;
    };
    if (a.title != value_or_empty(old->title)) {
      if (!choices.update_titles) {
        out.titles.push_back(a.id);
      } else if (!set("title", a.title, yaml_scalar(a.title), value_or_empty(old->title), {"id"})) {
        return false;
      }
    }
    const std::string due_now = plan_form(a.due);
    const std::string due_was = old->due ? plan_form(old->due->value) : "";
    if (old->due && !(old->due->value == a.due)) {
      // A moved date keeps the first agreed one as baseline_due, so the paper shows the slip.
      if (!plan_newer && !old->baseline_due && old->due->value.is_date() &&
          !set("baseline_due", due_was, yaml_scalar(due_was), "", {"due"}))
        return false;
      if (!set("due", due_now, yaml_scalar(due_now), due_was, {"timeframe"})) return false;
    }
    const Status status_was = old->status ? old->status->value : Status::kNotStarted;
    if (!set("status", std::string(name_of(a.status)), std::string(name_of(a.status)),
             old->status ? std::string(name_of(status_was)) : std::string(),
             {"due", "baseline_due"}))
      return false;
    // Reopened by a newer tracker: the completion date goes with the status.
    if (!plan_newer && status_was == Status::kComplete && a.status != Status::kComplete &&
        old->completed) {
      if (!text.remove_action_field(a.id, "completed", error)) return false;
      out.changes.push_back(
          fmt::format("  {} completed: {} -> (none)", a.id, old->completed->value.iso()));
    }
    if (a.completed) {
      const std::string was = old->completed ? old->completed->value.iso() : "";
      if (!set("completed", a.completed->iso(), a.completed->iso(), was, {"status"})) return false;
    }
    if (!a.owner.empty() && !set("owner", a.owner, yaml_scalar(a.owner), old->owner, {"lead"}))
      return false;
    if (a.update) {
      const bool known =
          std::any_of(old->updates.begin(), old->updates.end(),
                      [&](const Update& u) { return trim(u.note) == trim(a.update->note); });
      if (!known && newest && newest->date && a.update->date < newest->date->value) {
        // The log stays in date order, so its newest entry is the latest news.
        out.kept.push_back(fmt::format(
            "  {} update {}: not added: the plan's log has a newer update ({}), and stays in "
            "date order",
            a.id, a.update->date.iso(), newest->date->value.iso()));
      } else if (!known) {
        std::string item = fmt::format("date: {}", a.update->date.iso());
        if (a.update->status) item += fmt::format("\nstatus: {}", name_of(*a.update->status));
        item += "\nnote: " + yaml_scalar(a.update->note);
        if (!text.append_to_action_list(a.id, "updates", item, {}, error)) return false;
        out.changes.push_back(fmt::format("  {} update {}: {}", a.id, a.update->date.iso(),
                                          shortened(a.update->note, 60)));
      }
    }
  }
  return new_block.empty() || text.append_actions(new_block, error);
}

}  // namespace

int run_import(const ImportOptions& options, const CommonOptions& common) {
  Diagnostics framework_diags;
  const std::string near = !options.into.empty() ? options.into : options.output;
  std::optional<Catalogue> catalogue =
      load_frameworks(common, framework_diags, {near.empty() ? std::string(".") : near});
  if (!catalogue) return kExitUsage;
  const std::string tracker = options.tracker;

  // The plan to merge into, or the organisation named on the command line.
  PlanOrganisation org;
  std::optional<Plan> into;
  std::string into_text;
  std::optional<PlanLock> into_lock;  // held from reading the plan until it is written
  if (!options.into.empty()) {
    if (!options.show_mapping && fs::exists(options.into)) {
      std::string lock_error;
      into_lock = PlanLock::take(options.into, lock_error);
      if (!into_lock) {
        std::cerr << "iact: " << lock_error << '\n';
        return kExitUsage;
      }
    }
    FileRead read = read_file(options.into, kMaxPlanFileBytes);
    if (!read.bytes) {
      std::cerr << fmt::format("iact: {}: {}\n", options.into, read.error);
      return kExitUsage;
    }
    into_text = *read.bytes;
    Diagnostics diags;
    into = load_plan_text(into_text, options.into, diags);
    if (!into || diags.has_errors()) {
      print_text(diags, std::cerr, TextStyle{stderr_wants_colour(), true});
      std::cerr << fmt::format("iact: {} has errors; fix them before importing into it\n",
                               options.into);
      return kExitPlanErrors;
    }
    const Organisation& o = into->organisation;
    org = {value_or_empty(o.code),           value_or_empty(o.name), value_or_empty(o.short_name),
           into->is_icb() ? "icb" : "trust", value_or_empty(o.icb),  o.region};
  } else {
    std::vector<std::string> missing;
    if (options.code.empty()) missing.push_back("--code");
    if (options.name.empty()) missing.push_back("--name");
    if (options.kind.empty()) missing.push_back("--kind");
    if (options.kind == "trust" && options.icb.empty()) missing.push_back("--icb (a trust's ICB)");
    if (!missing.empty() && !options.show_mapping) {
      std::cerr << fmt::format(
          "iact: import needs {} to make a new plan (or --into PLAN.yaml to add to one)\n",
          join(missing));
      return kExitUsage;
    }
    org = {options.code, options.name, options.short_name,
           options.kind, options.icb,  options.region};
  }

  std::optional<ImportMap> map;
  if (!options.map.empty()) {
    Diagnostics diags;
    map = load_import_map(options.map, options.map, *catalogue, diags);
    if (!diags.items().empty())
      print_text(diags, std::cerr, TextStyle{stderr_wants_colour(), true});
    if (!map) {
      std::cerr << "iact: the mapping file has errors; fix them first\n";
      return kExitUsage;
    }
  }
  std::variant<Workbook, ReadError> read = read_table_file(tracker, tracker);
  if (const ReadError* e = std::get_if<ReadError>(&read)) {
    std::cerr << fmt::format("{}: error: {}\n", tracker, e->message);
    if (!e->hint.empty()) std::cerr << "  hint: " << e->hint << '\n';
    return kExitUsage;
  }
  const Workbook& book = std::get<Workbook>(read);
  for (const std::string& note : book.notes) std::cerr << fmt::format("{}: {}\n", tracker, note);

  ColumnChoices choices = map ? map->columns : ColumnChoices{};
  if (!options.sheet.empty()) choices.sheet = options.sheet;
  std::string error, hint;
  std::optional<ColumnMapping> mapping = map_columns(book, choices, error, hint);
  if (!mapping) {
    Diagnostics d;
    d.add(tracker, {}, "import-header", error, hint);
    print_diagnostics(d);
    if (options.show_mapping) std::cout << describe_first_rows(book, choices.sheet);
    return kExitPlanErrors;
  }
  for (const std::string& f : options.frameworks) {
    if (!catalogue->framework(f)) {
      std::cerr << fmt::format("iact: no framework '{}' (known: {})\n", f,
                               join(catalogue->framework_ids()));
      return kExitUsage;
    }
  }
  if (options.show_mapping) {
    std::cout << describe_mapping(*mapping, book);
    // What the theme texts become: the rows are read as the import reads them.
    ImportSettings look;
    look.catalogue = &*catalogue;
    look.frameworks = options.frameworks;
    look.update_date = common.today;
    if (map) look.values = map->values;
    std::cout << describe_themes(import_tracker(book, *mapping, look));
    return kExitOk;
  }

  // Where the plan goes, and the plans beside it (their organisations may lead actions).
  const std::string out = !options.output.empty() ? options.output : options.into;
  if (out.empty()) {
    std::cerr << "iact: say where the plan goes: -o PLAN.yaml (or --into PLAN.yaml)\n";
    return kExitUsage;
  }
  std::error_code ec;
  if (fs::equivalent(out, tracker, ec)) {  // the same file, by any name or link
    std::cerr << fmt::format(
        "iact: {} is the tracker being imported; writing the plan there would replace it. "
        "Give the plan its own name: -o PLAN.yaml\n",
        out);
    return kExitUsage;
  }
  ec.clear();
  if (out != options.into && fs::exists(out, ec) && !options.force) {
    std::cerr << fmt::format(
        "iact: {} exists; to add the tracker's actions to it use --into {}, or --force to "
        "replace it\n",
        out, out);
    return kExitUsage;
  }
  const std::vector<Plan> siblings = plans_in(fs::path(out).parent_path(), out);

  std::optional<Date> update_date = resolve_as_of(options.date, common.today);
  if (!update_date) return kExitUsage;
  // The tracker's "latest update" column says what was true when it was last saved, not
  // today: dated today, old news would read as current and hide actions gone stale.
  if (options.date.empty()) {
    if (book.saved && *book.saved <= common.today) {
      update_date = book.saved;
      std::cerr << fmt::format(
          "iact: the tracker's progress updates are dated {}, when it was last saved; give "
          "--date YYYY-MM-DD if they were written on another day\n",
          book.saved->iso());
    } else {
      std::cerr << fmt::format(
          "iact: the tracker's progress updates are dated today, {}; if they were written "
          "earlier, give --date YYYY-MM-DD, the day the tracker was last brought up to date\n",
          common.today.iso());
    }
  }
  ImportSettings settings;
  settings.catalogue = &*catalogue;
  settings.frameworks = options.frameworks;
  if (settings.frameworks.empty() && into) {
    for (const auto& f : into->frameworks) settings.frameworks.push_back(f.value);
  }
  settings.organisations = known_organisations(org, siblings, into ? &*into : nullptr);
  settings.own_label = org.label();
  settings.update_date = *update_date;
  if (map) {
    settings.values = map->values;
    settings.default_addresses = map->addresses;
  }
  for (const std::string& item : options.addresses) {
    ItemResolution r = catalogue->resolve(item);
    if (!r.item) {
      std::cerr << fmt::format("iact: --addresses: {}{}\n", r.error,
                               r.hint.empty() ? "" : " (" + r.hint + ")");
      return kExitUsage;
    }
    settings.default_addresses.push_back(r.item->id);
  }

  TrackerImport imported = import_tracker(book, *mapping, settings);
  // A new plan answers to the frameworks the tracker's themes cite, not to every framework
  // one of its words happens to touch.
  if (settings.frameworks.empty() && !imported.cited.empty()) {
    std::vector<std::string> loose;
    for (const std::string& f : imported.frameworks) {
      if (std::find(imported.cited.begin(), imported.cited.end(), f) == imported.cited.end())
        loose.push_back(f);
    }
    settings.frameworks = imported.cited;
    imported = import_tracker(book, *mapping, settings);
    std::cerr << fmt::format(
        "iact: the tracker's themes cite {}, so the plan answers to {}{}; choose with "
        "--framework ID (repeat it for more)\n",
        join(settings.frameworks), settings.frameworks.size() == 1 ? "it" : "those",
        loose.empty() ? std::string()
                      : fmt::format(" ({} matched only loosely and {} left out)", join(loose),
                                    loose.size() == 1 ? "is" : "are"));
  }
  print_diagnostics(imported.diags);
  const int errors = imported.diags.error_count();
  if (errors > 0 && !options.keep_going) {
    std::cerr << fmt::format(
        "iact: {} row{} of {} cannot be imported (shown above); nothing was written\n"
        "  hint: fix the tracker, name columns or words with --map, or use --keep-going to "
        "write the other {} action{}\n",
        imported.rows_left_out, imported.rows_left_out == 1 ? "" : "s", tracker,
        imported.actions.size(), imported.actions.size() == 1 ? "" : "s");
    return kExitPlanErrors;
  }
  if (imported.actions.empty()) {
    std::cerr << fmt::format("iact: {} holds no actions below its header row (row {})\n", tracker,
                             mapping->sheet->rows[mapping->header_index].number);
    return kExitPlanErrors;
  }

  std::vector<std::string> comments;
  for (const ImportedAction& a : imported.actions)
    comments.push_back(provenance(book, *mapping, a.row));
  std::string text;
  MergeResult merged;
  const std::vector<std::string>& changes = merged.changes;
  if (into) {
    Diagnostics diags;
    PlanText plan_text(into_text, options.into, diags);
    if (!plan_text.ok()) {
      print_text(diags, std::cerr, TextStyle{stderr_wants_colour(), true});
      return kExitPlanErrors;
    }
    const MergeChoices choices{options.prefer == "tracker", options.update_titles};
    if (!merge_into(plan_text, *into, imported.actions, comments, *update_date, choices, merged,
                    error)) {
      std::cerr << "iact: " << error << "; nothing was written\n";
      return kExitPlanErrors;
    }
    text = plan_text.text();
  } else {
    PlanHeader header;
    header.code = org.code;
    header.name = org.name;
    header.short_name = org.short_name;
    header.kind = org.kind;
    header.icb = org.icb;
    header.region = org.region;
    header.frameworks = settings.frameworks.empty() ? imported.frameworks : settings.frameworks;
    header.groups = imported.groups;
    header.comments = {
        fmt::format("Imported by `iact import` on {} from", common.today.iso()),
        fmt::format("  {}{}", tracker,
                    book.format == "xlsx" ? fmt::format(", sheet '{}'", mapping->sheet->name)
                                          : std::string()),
        "Check the organisation, the frameworks, and each action's addresses (its themes) and",
        "lead; a comment above each action names the row it came from. Then run iact validate.",
    };
    text = plan_yaml(header, imported.actions, comments);
  }

  if (text.size() > kMaxPlanFileBytes) {  // every command would refuse to read it
    std::cerr << fmt::format(
        "iact: the plan made from {} would be {:.1f} MiB, over the {} MiB a plan may be; "
        "nothing was written. Import the tracker's sheets or organisations into separate "
        "plans\n",
        tracker, static_cast<double>(text.size()) / (1024.0 * 1024.0),
        kMaxPlanFileBytes / (1024 * 1024));
    return kExitUsage;
  }
  // The plan as it will be written must load; its warnings are shown for the lead to check.
  const std::map<std::string, std::string> sources = {{out, text}};
  // A new plan's warnings are the lead's to-do list; a plan merged into already had most of
  // its warnings, so they are counted, not repeated.
  Diagnostics written = check_written(text, out, siblings, *catalogue, *update_date, common.today,
                                      sources, /*show_warnings=*/!into);
  if (written.has_errors()) {
    std::cerr << fmt::format(
        "iact: the plan made from {} has errors (above); nothing was written\n", tracker);
    return kExitPlanErrors;
  }
  // What the tracker would have undone, said per field; and titles, changed only when asked.
  for (const std::string& k : merged.kept) std::cout << k << '\n';
  if (!merged.titles.empty()) {
    std::cerr << fmt::format(
        "iact: {} differ{} from the tracker's; the plan's {} kept (--update-titles takes the "
        "tracker's)\n",
        merged.titles.size() == 1
            ? fmt::format("action {}'s title", merged.titles[0])
            : fmt::format("{} actions' titles ({})", merged.titles.size(), join(merged.titles)),
        merged.titles.size() == 1 ? "s" : "", merged.titles.size() == 1 ? "is" : "are");
  }
  if (merged.values_kept > 0) {
    std::cerr << "iact: where the plan has newer news than the tracker, its values stand "
                 "(listed above); --prefer tracker takes the tracker's\n";
  }
  if (into && changes.empty()) {
    std::cerr << fmt::format("iact: {} already holds everything in {}; nothing changed\n",
                             options.into, tracker);
    return errors > 0 ? kExitPlanErrors : kExitOk;
  }
  if (!fs::path(out).parent_path().empty()) fs::create_directories(fs::path(out).parent_path(), ec);
  // A plan merged into is edited in place: through a link, keeping its mode; a new one
  // (or one -o --force replaces) is written afresh.
  if (!(into ? rewrite_file_atomic(out, text, error) : write_file_atomic(out, text, error))) {
    std::cerr << "iact: " << error << '\n';
    return kExitUsage;
  }
  for (const std::string& c : changes) std::cout << c << '\n';
  std::cerr << fmt::format(
      "iact: wrote {}: {} action{} from {}{}; {} error{}, {} warning{} as of {}"
      "{}\n",
      out, imported.actions.size(), imported.actions.size() == 1 ? "" : "s", tracker,
      into ? fmt::format(" ({} change{})", changes.size(), changes.size() == 1 ? "" : "s") : "",
      written.error_count(), written.error_count() == 1 ? "" : "s", written.warning_count(),
      written.warning_count() == 1 ? "" : "s", update_date->iso(),
      into && written.warning_count() > 0 ? fmt::format(" (iact validate {} lists them)", out)
                                          : std::string());
  if (errors > 0) {
    std::cerr << fmt::format("iact: left out {} row{} with errors (shown above)\n",
                             imported.rows_left_out, imported.rows_left_out == 1 ? "" : "s");
    return kExitPlanErrors;
  }
  return kExitOk;
}

}  // namespace iact
