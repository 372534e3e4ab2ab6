// The owners' monthly round trip: iact collect writes a form per lead of their open actions;
// iact apply writes the returned forms' answers into the plans; iact update makes the same
// edit for one action from the command line.
#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "check/coverage.h"
#include "check/report.h"
#include "check/return_checks.h"
#include "check/system_checks.h"
#include "commands/commands.h"
#include "commands/context.h"
#include "commands/outputs.h"
#include "edit/action_update.h"
#include "edit/plan_text.h"
#include "import/tracker.h"
#include "plan/loader.h"
#include "read/update_form.h"
#include "util/edit_distance.h"
#include "util/escape.h"
#include "util/files.h"
#include "util/plan_lock.h"
#include "util/safe_path.h"
#include "util/text.h"
#include "util/text_diff.h"
#include "write/update_form.h"

namespace iact {

namespace fs = std::filesystem;

namespace {

// How a form names its lead in a file name: "Head of Community Services" ->
// head-of-community-services.
std::string slug(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      out += static_cast<char>(std::tolower(u));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() > 60) out.resize(60);
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "lead" : out;
}

std::string friendly(Status s) {
  if (s == Status::kNotReported) return "Not reported";
  return std::string(kFormStatusWords[static_cast<size_t>(s)]);
}

// The day answers are recorded as: --date, else today; never a day still to come.
std::optional<Date> answer_date(const std::string& text, Date today) {
  if (text.empty()) return today;
  std::optional<Date> date = parse_iso_day(text);
  if (!date) {
    std::cerr << fmt::format("iact: --date '{}' is not a date; write it as YYYY-MM-DD\n", text);
    return std::nullopt;
  }
  if (today < *date) {
    std::cerr << fmt::format(
        "iact: --date {} is after today ({}); an update records what has already happened\n",
        date->iso(), today.iso());
    return std::nullopt;
  }
  return date;
}

Date due_or_max(const ActionRow& row) {
  return row.state.due && row.state.due->is_date() ? row.state.due->date : Date{9999, 12, 31};
}

}  // namespace

int run_collect(const CollectOptions& options, const CommonOptions& common) {
  ReportInputs inputs;
  if (int rc = load_report_inputs({options.path}, options.as_of, "", common, inputs); rc != kExitOk)
    return rc;
  const fs::path root = fs::is_directory(options.path) ? fs::path(options.path)
                                                       : fs::path(options.path).parent_path();
  std::optional<Date> return_by;
  if (!options.return_by.empty()) {
    return_by = parse_iso_day(options.return_by);
    if (!return_by) {
      std::cerr << fmt::format("iact: --return-by '{}' is not a date; write it as YYYY-MM-DD\n",
                               options.return_by);
      return kExitUsage;
    }
  }
  std::string error;
  std::optional<fs::path> out = make_output_dir(options.out_dir, {}, error);
  if (!out) {
    std::cerr << "iact: " << error << '\n';
    return kExitUsage;
  }
  // One form per lead of each system: the action's owner (a role), else its lead
  // organisation; with --by org, per lead organisation. Two systems' leads of one name (every
  // ICB's "ICB") are two forms, each with its own system's contact.
  struct Group {
    UpdateForm form;
    std::vector<const ActionRow*> rows;
  };
  std::map<std::pair<std::string, std::string>, Group> groups;
  const ViewOptions view_options{inputs.as_of, "", std::nullopt, inputs.policy};
  std::vector<SystemView> views;
  views.reserve(inputs.scopes.size());
  for (const ReportScope& scope : inputs.scopes) {
    std::optional<SystemView> view = view_of(scope, inputs, view_options, /*needs_period=*/false);
    if (!view) return kExitUsage;
    views.push_back(std::move(*view));
    const SystemView& v = views.back();
    for (const ActionRow& row : v.rows) {
      if (row.rag.brag == Brag::kBlue) continue;  // done: nothing to ask
      const Action& a = *row.action;
      std::string lead = options.by == "org" || a.owner.empty()
                             ? (a.lead.empty() ? row.org : a.lead.front().value)
                             : a.owner;
      Group& g = groups[{v.name, lead}];
      g.form.lead = lead;
      g.form.system = v.lead->organisation.name ? v.lead->organisation.name->value : v.name;
      g.form.as_of = inputs.as_of;
      g.form.return_by = return_by.value_or(inputs.as_of.plus_days(14));
      if (g.form.contact.empty() && v.lead->author) g.form.contact = v.lead->author->role.value;
      g.rows.push_back(&row);
    }
  }
  if (groups.empty()) {
    std::cerr << fmt::format("iact: no open actions in {} as of {}; no forms to send\n",
                             options.path, inputs.as_of.iso());
    return kExitOk;
  }
  // Forms of several systems go side by side, each named after its system too.
  const bool several_systems = views.size() > 1;
  std::set<std::string> names;
  std::map<const Group*, std::string> name_of_group;
  std::vector<std::string> existing;  // a form sent, or filled in and returned, is never lost
  for (const auto& [key, g] : groups) {
    const auto& [system, lead] = key;
    const std::string base = several_systems ? slug(system) + "-" + slug(lead) : slug(lead);
    std::string name = base;
    for (int n = 2; names.count(name); ++n) name = fmt::format("{}-{}", base, n);
    names.insert(name);
    name_of_group[&g] = name;
    std::error_code ec;
    for (const char* ext : {".xlsx", ".txt"}) {
      if (fs::exists(*out / (name + ext), ec)) existing.push_back((*out / (name + ext)).string());
    }
  }
  if (!existing.empty() && !options.force) {
    std::cerr << fmt::format(
        "iact: {} already holds {} this would replace: {}; a returned form could be lost. "
        "Collect into a new folder, or give --force to replace them\n",
        out->string(), existing.size() == 1 ? "a file" : std::to_string(existing.size()) + " files",
        join(existing));
    return kExitUsage;
  }
  const long long epoch = created_epoch(common, inputs.as_of);
  int failures = 0;
  for (auto& [key, g] : groups) {
    const auto& [system, lead] = key;
    // Overdue first, then by due date.
    std::stable_sort(g.rows.begin(), g.rows.end(), [](const ActionRow* a, const ActionRow* b) {
      if (a->overdue != b->overdue) return a->overdue;
      return due_or_max(*a) < due_or_max(*b);
    });
    for (const ActionRow* row : g.rows) {
      const Action& a = *row->action;
      FormAction fa;
      fa.id = row->id;
      fa.title = value_or_empty(a.title);
      fa.due = row->state.due ? display(*row->state.due) : "";
      fa.current_status = friendly(row->state.status);
      if (row->contradicts) {
        fa.current_status += fmt::format(" (shown Red: {})", row->rag.reason);
      } else if (row->overdue) {
        fa.current_status += fmt::format(" (overdue: {})", row->rag.reason);
      }
      if (row->latest) {
        fa.last_update =
            row->latest->note.empty()
                ? display(row->latest->date->value)
                : fmt::format("{}: {}", display(row->latest->date->value), row->latest->note);
      }
      fa.overdue = row->overdue;
      fa.org_code = value_or_empty(row->plan->organisation.code);
      fa.plan_file = fs::path(row->plan->file).lexically_relative(root).generic_string();
      fa.fingerprint = action_fingerprint(a);
      g.form.actions.push_back(std::move(fa));
    }
    const std::string& name = name_of_group[&g];
    const fs::path file = *out / (name + ".xlsx");
    if (std::optional<std::string> failed = write_update_form(g.form, file, epoch)) {
      std::cerr << "iact: " << *failed << '\n';
      ++failures;
      continue;
    }
    if (!write_file_atomic(*out / (name + ".txt"), update_form_email(g.form, name + ".xlsx"),
                           error)) {
      std::cerr << "iact: " << error << '\n';
      ++failures;
      continue;
    }
    size_t overdue = 0;
    for (const FormAction& a : g.form.actions) overdue += a.overdue ? 1 : 0;
    std::cout << terminal_text(
        fmt::format("{}  {} action{}{}  {}\n", file.string(), g.form.actions.size(),
                    g.form.actions.size() == 1 ? "" : "s",
                    overdue ? fmt::format(" ({} overdue)", overdue) : std::string(), lead));
  }
  if (failures > 0) {  // no summary that reads as success after the errors above
    std::cerr << fmt::format(
        "iact: {} of {} form{} could not be written (above); send none until `iact collect` "
        "has written them all (--force replaces those written)\n",
        failures, groups.size(), groups.size() == 1 ? "" : "s");
    return kExitUsage;
  }
  std::cerr << fmt::format(
      "iact: {} form{} in {}, each with its covering email (.txt); when they come back, run "
      "`iact apply {}/*.xlsx --plans {}`\n",
      groups.size(), groups.size() == 1 ? "" : "s", out->string(), out->string(), options.path);
  return kExitOk;
}

namespace {

// A plan being edited: its file, its text as it will be written, and what changed.
struct Edited {
  fs::path file;
  std::string before;
  std::string text;
  std::vector<std::string> changes;
};

// A problem with an answer, at its form cell.
void add_form_value(Diagnostics& diags, const std::string& form_file, const ReadForm& form, int row,
                    FormColumn c, const std::string& message, std::string hint) {
  const int col = form.columns[c];
  diags.add(form_file, Pos{row, col + 1}, "form-value",
            fmt::format("sheet 'Updates', row {}, column {} ({}): {}", row,
                        column_name(static_cast<size_t>(col)), kFormHeaders[c], message),
            std::move(hint));
}

// Reads one answer's values; problems go to `diags` at the form's row and column.
std::optional<ActionAnswer> answer_of(const FormRow& in, const ReadForm& form,
                                      const std::string& form_file, Date date, Diagnostics& diags) {
  ActionAnswer a;
  a.date = date;
  bool ok = true;
  auto problem = [&](FormColumn c, const std::string& message, std::string hint) {
    add_form_value(diags, form_file, form, in.row, c, message, std::move(hint));
    ok = false;
  };
  if (in.status) {
    a.status = status_from_words(in.status->text);
    if (a.status == Status::kNotReported) a.status.reset();  // an answer reports a status
    if (!a.status)
      problem(kFormNewStatus, fmt::format("'{}' is not a status", in.status->text),
              "choose one from the list: Not started, On track, At risk, Off track, Blocked, "
              "Complete");
  }
  // A date cell, or a date written as text.
  auto due_in = [&](const Cell& c, FormColumn column) -> std::optional<Due> {
    if (c.kind == Cell::Kind::kDate)
      return Due{Due::Kind::kDate, c.date, DateForm::kDay, c.date.iso()};
    auto parsed = parse_written_due(c.text);
    if (const Due* d = std::get_if<Due>(&parsed)) return *d;
    problem(column, fmt::format("'{}' is not a date", c.text), std::get<DateError>(parsed).hint);
    return std::nullopt;
  };
  if (in.due) a.due = due_in(*in.due, kFormNewDue);
  if (in.completed) {
    if (std::optional<Due> done = due_in(*in.completed, kFormCompleted)) {
      if (done->is_date() && done->form == DateForm::kDay) {
        a.completed = done->date;
      } else {
        problem(kFormCompleted, fmt::format("'{}' is not a day", in.completed->text),
                "give the day the work was done, for example 14/08/2025");
      }
    }
  }
  a.note = in.update;
  for (const std::string& line : [&] {
         std::vector<std::string> lines;
         size_t start = 0;
         while (start <= in.evidence.size()) {
           size_t end = in.evidence.find('\n', start);
           if (end == std::string::npos) end = in.evidence.size();
           const std::string_view l =
               trim(std::string_view(in.evidence).substr(start, end - start));
           if (!l.empty()) lines.emplace_back(l);
           start = end + 1;
         }
         return lines;
       }()) {
    a.evidence.push_back(line);
  }
  if (!ok) return std::nullopt;
  return a;
}

// Reports what an answer that reads well cannot do (answer_problems) at its form cell.
bool answer_takes(const ActionAnswer& a, const FormRow& in, const ReadForm& form,
                  const std::string& form_file, Diagnostics& diags) {
  const std::vector<AnswerProblem> problems = answer_problems(a);
  for (const AnswerProblem& p : problems) {
    using Field = AnswerProblem::Field;
    const FormColumn c = p.field == Field::kDue         ? kFormNewDue
                         : p.field == Field::kCompleted ? kFormCompleted
                                                        : kFormNewStatus;
    add_form_value(diags, form_file, form, in.row, c, p.message, p.hint);
  }
  return problems.empty();
}

// Whether two answers say the same thing (their day aside: one run records one day).
bool same_answer(const ActionAnswer& a, const ActionAnswer& b) {
  return a.status == b.status && a.due == b.due && a.completed == b.completed && a.note == b.note &&
         a.evidence == b.evidence;
}

// An answer taken in this run: where it came from, and what it said.
struct Given {
  std::string form;
  int row = 0;
  ActionAnswer answer;
};

// Reads every plan under `folder` that loads without errors, with its text.
void read_plans(const std::string& folder, std::vector<Plan>& plans,
                std::map<std::string, std::string>& texts) {
  for (const fs::path& f : find_yaml_files(folder)) {
    FileRead read = read_file(f, kMaxPlanFileBytes);
    if (!read.bytes) continue;
    Diagnostics diags;
    std::optional<Plan> plan = load_plan_text(*read.bytes, f.string(), diags);
    if (!plan || diags.has_errors()) continue;  // validate reports these; forms for them fail
    texts[f.string()] = *read.bytes;
    plans.push_back(std::move(*plan));
  }
}

// Checks the plan text as it will be written: it must load and pass the checks without
// errors. Prints what is wrong.
bool still_valid(const Edited& e, const std::vector<Plan>& all, const Catalogue& catalogue,
                 Date today) {
  Diagnostics diags;
  std::optional<Plan> plan = load_plan_text(e.text, e.file.string(), diags);
  if (plan) {
    check_plan(*plan, CheckContext{catalogue, today}, diags);
    std::vector<const Plan*> system;
    for (const Plan& p : all) {
      if (fs::path(p.file).parent_path() == e.file.parent_path() && p.file != e.file.string())
        system.push_back(&p);
    }
    system.push_back(&*plan);
    Diagnostics all_diags;
    check_system(system, all_diags);
    for (const Diagnostic& d : all_diags.items()) {
      if (d.file == e.file.string()) diags.items().push_back(d);
    }
  }
  Diagnostics errors;
  for (const Diagnostic& d : diags.items()) {
    if (d.severity == Severity::kError) errors.items().push_back(d);
  }
  if (errors.items().empty()) return true;
  const std::map<std::string, std::string> sources = {{e.file.string(), e.text}};
  print_text(errors, std::cerr, TextStyle{stderr_wants_colour(), true, &sources});
  return false;
}

// Writes the edited plans (or, with dry_run, shows them as a diff). Returns the exit code;
// `unwritten` counts the changed plans left as they were.
int write_edited(std::map<std::string, Edited>& edited, const std::vector<Plan>& plans,
                 const Catalogue& catalogue, Date today, bool dry_run, size_t& unwritten) {
  int status = kExitOk;
  unwritten = 0;
  for (auto& [name, e] : edited) {
    if (e.changes.empty()) continue;
    if (e.text.size() > kMaxPlanFileBytes) {  // every command would refuse to read it
      std::cerr << fmt::format(
          "iact: {} would grow to {:.1f} MiB, over the {} MiB a plan may be; it was not "
          "changed. Move finished actions' updates to an archive plan, or split the plan\n",
          terminal_text(name), static_cast<double>(e.text.size()) / (1024.0 * 1024.0),
          kMaxPlanFileBytes / (1024 * 1024));
      status = kExitUsage;
      ++unwritten;
      continue;
    }
    if (!still_valid(e, plans, catalogue, today)) {
      std::cerr << fmt::format("iact: {} would not validate after the edit; it was not changed\n",
                               name);
      status = kExitPlanErrors;
      ++unwritten;
      continue;
    }
    if (dry_run) {
      std::cout << unified_diff(e.before, e.text, name, name);
      continue;
    }
    std::string error;
    if (!rewrite_file_atomic(e.file, e.text, error)) {
      std::cerr << "iact: " << error << '\n';
      status = kExitUsage;
      ++unwritten;
      continue;
    }
    std::string done = name + ":\n";
    for (const std::string& c : e.changes) done += "  " + c + '\n';
    std::cout << terminal_text(done);
  }
  return status;
}

}  // namespace

int run_apply(const ApplyOptions& options, const CommonOptions& common) {
  std::optional<Date> date = answer_date(options.date, common.today);
  if (!date) return kExitUsage;
  Diagnostics framework_diags;
  std::optional<Catalogue> catalogue = load_frameworks(common, framework_diags, {options.plans});
  if (!catalogue) return kExitUsage;
  std::error_code ec;
  if (!fs::is_directory(options.plans, ec)) {
    std::cerr << fmt::format("iact: --plans {}: no such folder\n", options.plans);
    return kExitUsage;
  }
  // Every plan under --plans, by organisation code: a form names its actions' organisations.
  std::vector<Plan> plans;
  std::map<std::string, std::string> texts;
  read_plans(options.plans, plans, texts);
  auto codes_of = [](const std::vector<Plan>& all) {
    std::map<std::string, const Plan*> by;
    for (const Plan& p : all) {
      if (p.organisation.code) by[p.organisation.code->value] = &p;
    }
    return by;
  };
  std::map<std::string, const Plan*> by_code = codes_of(plans);
  // Every form is read first, so that the plans they answer can be locked before they are
  // read for editing: two runs at once (a shared inbox, a CI job, an update) then each edit
  // what the other wrote, and no answer is lost.
  std::vector<std::variant<Workbook, ReadError>> books;
  // Each form read once; its problems are said when it is applied below.
  std::vector<std::optional<ReadForm>> forms(options.forms.size());
  std::vector<Diagnostics> form_diags(options.forms.size());
  books.reserve(options.forms.size());
  for (size_t i = 0; i < options.forms.size(); ++i) {
    books.push_back(read_table_file(options.forms[i], options.forms[i]));
    if (const Workbook* book = std::get_if<Workbook>(&books.back()))
      forms[i] = read_update_form(*book, form_diags[i]);
  }
  std::vector<PlanLock> locks;
  std::set<std::string> locked;
  if (!options.dry_run) {
    std::vector<fs::path> answered;
    for (const std::optional<ReadForm>& form : forms) {
      if (!form) continue;
      for (const FormRecord& rec : form->records) {
        auto it = by_code.find(rec.org_code);
        if (it != by_code.end() && locked.insert(it->second->file).second)
          answered.emplace_back(it->second->file);
      }
    }
    std::string error;
    std::optional<std::vector<PlanLock>> taken = take_plan_locks(answered, error);
    if (!taken) {
      std::cerr << "iact: " << error << '\n';
      return kExitUsage;
    }
    locks = std::move(*taken);
    // The locked plans are read again: another run may have written them since.
    if (!locks.empty()) {
      std::vector<Plan> fresh;
      for (Plan& p : plans) {
        if (!locked.count(p.file)) {
          fresh.push_back(std::move(p));
          continue;
        }
        texts.erase(p.file);
        FileRead again = read_file(p.file, kMaxPlanFileBytes);
        if (!again.bytes) continue;
        Diagnostics diags;
        std::optional<Plan> plan = load_plan_text(*again.bytes, p.file, diags);
        if (!plan || diags.has_errors()) continue;
        texts[p.file] = std::move(*again.bytes);
        fresh.push_back(std::move(*plan));
      }
      plans = std::move(fresh);
      by_code = codes_of(plans);
    }
  }
  std::map<std::string, Edited> edited;  // plan file -> what the forms changed in it so far
  // Each action's answer taken so far in this run: a later one is judged against it.
  std::map<std::pair<std::string, std::string>, Given> given;  // (plan file, action id)
  // Each plan answered, parsed once and cut at its actions: an answer costs its action's
  // lines, not the whole plan's.
  std::map<std::string, PlanActions> cut_plans;
  std::map<const Plan*, std::unordered_map<std::string, const Action*>> actions_of;  // by id
  int refused = 0, applied_forms = 0;
  size_t already = 0, repeated = 0;
  for (size_t form_index = 0; form_index < options.forms.size(); ++form_index) {
    const std::string& form_file = options.forms[form_index];
    const std::variant<Workbook, ReadError>& read = books[form_index];
    if (const ReadError* e = std::get_if<ReadError>(&read)) {
      std::cerr << fmt::format("{}: error: {} [form-invalid]\n", form_file, e->message);
      ++refused;
      continue;
    }
    Diagnostics& diags = form_diags[form_index];
    const std::optional<ReadForm>& form = forms[form_index];
    // This form's edits, made on the actions cut out: a form with any problem changes
    // nothing.
    std::map<std::pair<std::string, std::string>, PlanText> mine;  // (plan, action id) -> text
    std::map<std::string, std::vector<std::string>> my_changes;    // plan -> what changed
    std::map<std::pair<std::string, std::string>, Given> mine_given = given;
    std::vector<std::string> repeats;  // answers given earlier in this run, said once applied
    std::vector<std::pair<const Action*, std::string>> to_apply;
    if (form) {
      // Every row's action must be in the plans, answered or not: a row for an action the
      // plans do not have was made from other plans, or the plan has lost it since.
      std::map<int, std::pair<const Plan*, const Action*>> found;  // by form row
      for (const FormRecord& rec : form->records) {
        auto plan_it = by_code.find(rec.org_code);
        const Plan* plan = plan_it == by_code.end() ? nullptr : plan_it->second;
        const Action* action = nullptr;
        if (plan) {
          auto [index, fresh] = actions_of.try_emplace(plan);
          if (fresh) {  // once per plan: a search per row would cost rows times actions
            for (const Action& a : plan->actions) {
              if (a.id) index->second.insert_or_assign(a.id->value, &a);
            }
          }
          if (auto a = index->second.find(rec.action); a != index->second.end()) action = a->second;
        }
        if (action) {
          found[rec.row] = {plan, action};
        } else if (!rec.changed) {
          diags.add(
              form_file, Pos{rec.row, kFormId + 1}, "form-unknown-action",
              fmt::format("sheet 'Updates', row {}: {} has no action '{}'", rec.row,
                          plan ? plan->file : rec.org_code + " under " + options.plans, rec.action),
              plan ? "the plan no longer has it (removed or renamed since the form was "
                     "made); send the lead a new form (`iact collect`)"
                   : "check --plans names the folder the forms were made from");
        }
      }
      for (const FormRow& in : form->rows) {
        const FormRecord* rec = form->record(in.row);
        const auto it = found.find(in.row);
        if (!in.answered() || !rec || rec->changed || it == found.end()) continue;
        const auto [plan, action] = it->second;
        std::optional<ActionAnswer> answer = answer_of(in, *form, form_file, *date, diags);
        if (!answer) continue;
        // A second answer for one action in one run (two forms, one form twice, a row
        // copied): the same answer is taken once; another one is refused.
        const std::pair<std::string, std::string> key{plan->file, rec->action};
        if (auto earlier = mine_given.find(key); earlier != mine_given.end()) {
          const Given& g = earlier->second;
          const std::string where = g.form == form_file
                                        ? fmt::format("row {} of this form", g.row)
                                        : fmt::format("{}, sheet 'Updates', row {}", g.form, g.row);
          if (same_answer(g.answer, *answer)) {
            repeats.push_back(fmt::format(
                "iact: {}: sheet 'Updates', row {}: the same answer for {} as {}; taken once\n",
                form_file, in.row, rec->action, where));
            continue;
          }
          diags.add(form_file, Pos{in.row, kFormId + 1}, "form-conflict",
                    fmt::format("sheet 'Updates', row {}: action {} of {} is answered "
                                "differently by {} in this run",
                                in.row, rec->action, plan->file, where),
                    "agree one answer with both leads and apply the form that has it (or "
                    "make the edit with `iact update`); this form's other answers can be "
                    "applied again once the row is cleared");
          continue;
        }
        mine_given[key] = Given{form_file, in.row, *answer};
        // An answer the plan already holds changes nothing, whatever the day it is applied.
        if (already_applied(*action, *answer)) {
          ++already;
          continue;
        }
        if (!answer_takes(*answer, in, *form, form_file, diags)) continue;
        if (action_fingerprint(*action) != rec->fingerprint) {
          diags.add(form_file, Pos{in.row, kFormId + 1}, "form-stale",
                    fmt::format("sheet 'Updates', row {}: action {} has changed in {} since this "
                                "form was made (as of {})",
                                in.row, rec->action, plan->file, form->as_of.iso()),
                    "the form's answer could undo that change; send the lead a new form "
                    "(`iact collect`), or make the edit with `iact update`");
          continue;
        }
        if (!options.dry_run && !locked.count(plan->file)) {
          diags.add(form_file, Pos{in.row, kFormId + 1}, "form-invalid",
                    fmt::format("sheet 'Updates', row {}: {} changed while it was being read "
                                "(another run wrote it)",
                                in.row, plan->file),
                    "run iact apply again");
          continue;
        }
        std::string error;
        auto piece = mine.find(key);
        if (piece == mine.end()) {
          Diagnostics parse_diags;
          auto cut =
              cut_plans.try_emplace(plan->file, texts[plan->file], plan->file, parse_diags).first;
          if (std::optional<PlanText> text = cut->second.cut(key.second, error))
            piece = mine.emplace(key, std::move(*text)).first;
        }
        if (piece == mine.end() ||
            !apply_answer(piece->second, *action, *answer, my_changes[plan->file], error)) {
          diags.add(form_file, Pos{in.row, kFormId + 1}, "form-invalid",
                    fmt::format("sheet 'Updates', row {}: {}", in.row, error), "");
          continue;
        }
      }
    }
    diags.sort();
    print_text(diags, std::cerr, TextStyle{stderr_wants_colour(), false});
    if (diags.has_errors()) {
      std::cerr << fmt::format("iact: {}: {} problem{}; this form changed nothing\n", form_file,
                               diags.error_count(), diags.error_count() == 1 ? "" : "s");
      ++refused;
      continue;
    }
    for (const auto& [key, text] : mine) cut_plans.at(key.first).put(key.second, text);
    for (auto& [file, changes] : my_changes) {
      Edited& e = edited[file];
      if (e.file.empty()) {
        e.file = file;
        e.before = texts[file];
      }
      e.changes.insert(e.changes.end(), changes.begin(), changes.end());
    }
    given = std::move(mine_given);
    for (const std::string& r : repeats) std::cerr << r;
    repeated += repeats.size();
    ++applied_forms;
  }
  for (auto& [file, e] : edited) e.text = cut_plans.at(file).text();
  size_t unwritten = 0;
  int status = write_edited(edited, plans, *catalogue, std::max(*date, common.today),
                            options.dry_run, unwritten);
  size_t changed = 0;
  for (const auto& [name, e] : edited) changed += e.changes.empty() ? 0 : 1;
  if (unwritten > 0) {  // no summary that reads as success after the errors above
    std::cerr << fmt::format(
        "iact: {} of {} plan{} the forms would change {} not changed (above); {} changed. "
        "Fix what is said above and run iact apply again: answers already in a plan are "
        "skipped\n",
        unwritten, changed, changed == 1 ? "" : "s", unwritten == 1 ? "was" : "were",
        changed - unwritten);
    if (status == kExitOk) status = kExitUsage;
    return status;
  }
  std::cerr << fmt::format(
      "iact: {} form{} {}, {} refused; {} plan{} {}{}{}\n", applied_forms,
      applied_forms == 1 ? "" : "s", options.dry_run ? "read" : "applied", refused, changed,
      changed == 1 ? "" : "s", options.dry_run ? "would change (the diff above)" : "changed",
      already ? fmt::format("; {} answer{} already in the plans", already,
                            already == 1 ? " was" : "s were")
              : std::string(),
      repeated
          ? fmt::format("; {} answer{} given twice, taken once", repeated, repeated == 1 ? "" : "s")
          : std::string());
  if (refused > 0 && status == kExitOk) status = kExitPlanErrors;
  return status;
}

int run_update(const UpdateOptions& options, const CommonOptions& common) {
  std::optional<Date> date = answer_date(options.date, common.today);
  if (!date) return kExitUsage;
  Diagnostics framework_diags;
  std::optional<Catalogue> catalogue = load_frameworks(common, framework_diags, {options.plan});
  if (!catalogue) return kExitUsage;
  // Locked before it is read, until it is written: another run's edit is never lost.
  std::string lock_error;
  std::optional<PlanLock> lock;
  if (fs::exists(options.plan)) {
    lock = PlanLock::take(options.plan, lock_error);
    if (!lock) {
      std::cerr << "iact: " << lock_error << '\n';
      return kExitUsage;
    }
  }
  FileRead read = read_file(options.plan, kMaxPlanFileBytes);
  if (!read.bytes) {
    std::cerr << fmt::format("iact: {}: {}\n", options.plan, read.error);
    return kExitUsage;
  }
  Diagnostics diags;
  std::optional<Plan> plan = load_plan_text(*read.bytes, options.plan, diags);
  if (!plan || diags.has_errors()) {
    print_text(diags, std::cerr, TextStyle{stderr_wants_colour(), true});
    std::cerr << fmt::format("iact: {} has errors; fix them first\n", options.plan);
    return kExitPlanErrors;
  }
  const Action* action = nullptr;
  std::vector<std::string> ids;
  for (const Action& a : plan->actions) {
    if (a.id) ids.push_back(a.id->value);
    if (a.id && a.id->value == options.action) action = &a;
  }
  if (!action) {
    auto near = closest_match(options.action, ids);
    std::cerr << fmt::format("iact: {} has no action '{}'{}\n", options.plan, options.action,
                             near ? fmt::format("; did you mean '{}'?", *near) : std::string());
    return kExitUsage;
  }
  ActionAnswer answer;
  answer.date = *date;
  if (!options.status.empty()) {
    answer.status = status_from_words(options.status);
    if (answer.status == Status::kNotReported) answer.status.reset();  // an update reports one
    if (!answer.status) {
      std::cerr << fmt::format("iact: --status '{}' is not a status; use one of: {}\n",
                               options.status, join(kReportedStatusNames));
      return kExitUsage;
    }
  }
  if (!options.due.empty()) {
    auto parsed = parse_written_due(options.due);
    if (const DateError* e = std::get_if<DateError>(&parsed)) {
      std::cerr << fmt::format("iact: --due: {}\n  hint: {}\n", e->message, e->hint);
      return kExitUsage;
    }
    answer.due = std::get<Due>(parsed);
  }
  if (!options.completed.empty()) {
    answer.completed = parse_iso_day(options.completed);
    if (!answer.completed) {
      std::cerr << fmt::format("iact: --completed '{}' is not a date; write it as YYYY-MM-DD\n",
                               options.completed);
      return kExitUsage;
    }
  }
  answer.note = options.note;
  answer.evidence = options.evidence;
  if (!answer.status && !answer.due && !answer.completed && answer.note.empty() &&
      answer.evidence.empty()) {
    std::cerr << "iact: say what changed: --status, --due, --completed, --note or --evidence\n";
    return kExitUsage;
  }
  const std::vector<AnswerProblem> problems = answer_problems(answer);
  for (const AnswerProblem& p : problems) {
    std::cerr << fmt::format("iact: {}: {}\n  hint: {}\n",
                             p.field == AnswerProblem::Field::kDue ? "--due" : "--completed",
                             p.message, p.hint);
  }
  if (!problems.empty()) return kExitUsage;
  if (already_applied(*action, answer) && answer.evidence.empty()) {
    std::cerr << fmt::format("iact: {} already says this; nothing changed\n", options.action);
    return kExitOk;
  }
  PlanText text(*read.bytes, options.plan, diags);
  Edited e{options.plan, *read.bytes, "", {}};
  std::string error;
  if (!apply_answer(text, *action, answer, e.changes, error)) {
    std::cerr << "iact: " << error << '\n';
    return kExitPlanErrors;
  }
  e.text = text.text();
  std::map<std::string, Edited> edited{{options.plan, e}};
  // The plan's folder gives the system the leads are checked against.
  std::vector<Plan> siblings;
  const fs::path folder = fs::path(options.plan).parent_path();
  for (const fs::path& f : yaml_files_in(folder.empty() ? fs::path(".") : folder)) {
    Diagnostics ignored;
    if (auto p = load_plan_file(f, (folder.empty() ? f.filename() : f).string(), ignored))
      siblings.push_back(std::move(*p));
  }
  size_t unwritten = 0;
  return write_edited(edited, siblings, *catalogue, std::max(*date, common.today), false,
                      unwritten);
}

}  // namespace iact
