// iact diff OLD NEW: what changed between two versions of a plan or a system. Either side may
// be a path, or git:REV:path for the version committed at REV (read from git).
#include <algorithm>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "check/report.h"
#include "commands/commands.h"
#include "commands/context.h"
#include "plan/loader.h"
#include "util/escape.h"
#include "util/files.h"
#include "util/process.h"
#include "util/text.h"
#include "view/plan_diff.h"

namespace iact {

namespace fs = std::filesystem;

namespace {

struct Version {
  std::vector<Plan> plans;
  std::string error;  // a usage or I/O problem: exit 2
};

bool is_yaml(const std::string& name) {
  return name.ends_with(".yaml") || name.ends_with(".yml");
}

// Whether a path in a commit is a plan, as a folder's plans are found on disk: *.yaml, not
// hidden and not in a hidden folder (.iact-timeline.yaml is a setting, .github holds none).
bool is_committed_plan(const std::string& path) {
  if (!is_yaml(path)) return false;
  size_t start = 0;
  while (start < path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    const std::string_view part = std::string_view(path).substr(start, slash - start);
    if (part.starts_with('.') && part != "." && part != "..") return false;
    start = slash + 1;
  }
  return true;
}

std::optional<std::string> git(const std::vector<std::string>& args, std::string& error) {
  std::vector<std::string> argv = {"git"};
  argv.insert(argv.end(), args.begin(), args.end());
  std::string out;
  ProcessOptions process;
  process.output = &out;
  process.max_output = kMaxPlanFileBytes;
  ProcessResult r = run_process(argv, process);
  if (!r.started) {
    error = fmt::format("cannot run git: {}", r.error);
    return std::nullopt;
  }
  if (r.exit_code != 0 || r.output_truncated) {
    std::string why = r.error.substr(0, r.error.find('\n'));
    error = r.output_truncated
                ? fmt::format("`git {}` gave more than a plan file can hold", join(args, " "))
                : fmt::format("`git {}` failed: {}", join(args, " "), why);
    return std::nullopt;
  }
  return out;
}

void load_text(Version& v, const std::string& text, const std::string& display,
               Diagnostics& diags) {
  if (std::optional<Plan> plan = load_plan_text(text, display, diags)) {
    v.plans.push_back(std::move(*plan));
  }
}

// git:REV:path -> the plan, or every plan under the folder, as committed at REV.
Version load_git(const std::string& spec, Diagnostics& diags) {
  Version v;
  const std::string rest = spec.substr(4);
  const size_t colon = rest.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == rest.size()) {
    v.error = fmt::format("'{}' is not git:REV:path (e.g. git:HEAD~1:plans/nenc)", spec);
    return v;
  }
  const std::string rev = rest.substr(0, colon);
  if (rev.front() == '-') {  // would read as an option of git
    v.error = fmt::format("'{}' is not a revision", rev);
    return v;
  }
  std::string path = rest.substr(colon + 1);
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  // "./" makes git read the path from the current folder, as every other PATH is. The
  // blobs are read with cat-file, which gives their bytes as committed (no filters).
  const std::string object = rev + ":./" + path;
  std::optional<std::string> type = git({"cat-file", "-t", object}, v.error);
  if (!type) return v;
  if (type->starts_with("blob")) {
    if (std::optional<std::string> text = git({"cat-file", "blob", object}, v.error))
      load_text(v, *text, spec, diags);
    return v;
  }
  // -z: names as they are, NUL-terminated (not quoted when they hold other characters).
  std::optional<std::string> names =
      git({"ls-tree", "-r", "-z", "--name-only", rev, "--", path}, v.error);
  if (!names) return v;
  std::vector<std::string> files;
  size_t start = 0;
  while (start < names->size()) {
    size_t end = names->find('\0', start);
    if (end == std::string::npos) end = names->size();
    std::string name = names->substr(start, end - start);
    if (is_committed_plan(name)) files.push_back(name);
    start = end + 1;
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) {
    std::optional<std::string> text = git({"cat-file", "blob", rev + ":./" + file}, v.error);
    if (!text) return v;
    load_text(v, *text, fmt::format("git:{}:{}", rev, file), diags);
  }
  if (files.empty()) v.error = fmt::format("{} holds no *.yaml plans at {}", path, rev);
  return v;
}

Version load_version(const std::string& spec, Diagnostics& diags) {
  if (spec.starts_with("git:")) return load_git(spec, diags);
  Version v;
  std::error_code ec;
  if (fs::is_directory(spec, ec)) {
    std::vector<fs::path> files = find_yaml_files(spec);
    if (files.empty()) v.error = fmt::format("{} holds no *.yaml plans", spec);
    for (const fs::path& f : files) {
      if (std::optional<Plan> plan = load_plan_file(f, f.string(), diags))
        v.plans.push_back(std::move(*plan));
    }
    return v;
  }
  if (!fs::exists(spec, ec)) {
    v.error = fmt::format("{} does not exist", spec);
    return v;
  }
  if (std::optional<Plan> plan = load_plan_file(spec, spec, diags))
    v.plans.push_back(std::move(*plan));
  return v;
}

std::vector<const Plan*> pointers(const Version& v) {
  std::vector<const Plan*> out;
  for (const Plan& p : v.plans) out.push_back(&p);
  return out;
}

std::string shown(const std::string& value) {
  return value.empty() ? "(none)" : value;
}

void print_changes(const std::vector<ItemChange>& changes, const std::string& before,
                   const std::string& after) {
  if (changes.empty()) {
    std::cout << terminal_text(fmt::format("No changes between {} and {}.\n", before, after));
    return;
  }
  std::string out;  // plan text, shown as a terminal would not obey it
  int added = 0, removed = 0, changed = 0;
  for (const ItemChange& c : changes) {
    const char mark = c.kind == ItemChange::Kind::kAdded     ? '+'
                      : c.kind == ItemChange::Kind::kRemoved ? '-'
                                                             : '~';
    (c.kind == ItemChange::Kind::kAdded     ? added
     : c.kind == ItemChange::Kind::kRemoved ? removed
                                            : changed)++;
    out += fmt::format("{} {} {} {}: {}\n", mark, c.organisation, c.what, c.id, c.title);
    for (const FieldChange& f : c.fields) {
      if (f.field == "updates") {
        if (!f.after.empty()) out += fmt::format("    updates: + {}\n", f.after);
        if (!f.before.empty()) out += fmt::format("    updates: - {}\n", f.before);
        continue;
      }
      out += fmt::format("    {}: {} -> {}\n", f.field, shown(f.before), shown(f.after));
    }
  }
  out += fmt::format("{} added, {} removed, {} changed between {} and {}.\n", added, removed,
                     changed, before, after);
  std::cout << terminal_text(out);
}

nlohmann::json to_json(const std::vector<ItemChange>& changes) {
  nlohmann::json out = nlohmann::json::array();
  for (const ItemChange& c : changes) {
    nlohmann::json fields = nlohmann::json::array();
    for (const FieldChange& f : c.fields)
      fields.push_back({{"field", f.field}, {"before", f.before}, {"after", f.after}});
    out.push_back({{"change", name_of(c.kind)},
                   {"what", c.what},
                   {"organisation", c.organisation},
                   {"id", c.id},
                   {"title", c.title},
                   {"fields", fields}});
  }
  return out;
}

}  // namespace

int run_diff(const DiffOptions& options, const CommonOptions&) {
  Diagnostics diags;
  Version before = load_version(options.before, diags);
  Version after = load_version(options.after, diags);
  for (const Version* v : {&before, &after}) {
    if (!v->error.empty()) {
      std::cerr << "iact: " << v->error << '\n';
      return kExitUsage;
    }
  }
  if (diags.has_errors()) {
    Diagnostics errors;
    for (const Diagnostic& d : diags.items()) {
      if (d.severity == Severity::kError) errors.items().push_back(d);
    }
    print_text(errors, std::cerr, TextStyle{stderr_wants_colour(), false});
    std::cerr << "iact: fix these errors before comparing; the plans cannot be read as they are\n";
    return kExitPlanErrors;
  }
  const std::vector<ItemChange> changes = diff_plans(pointers(before), pointers(after));
  if (options.format == "json") {
    std::cout << json_text(to_json(changes)) << '\n';
  } else {
    print_changes(changes, options.before, options.after);
  }
  // As `git diff --exit-code`: 1 says "they differ", so a script can branch on it.
  if (options.exit_code && !changes.empty()) return kExitPlanErrors;
  return kExitOk;
}

}  // namespace iact
