#include "frameworks/catalogue.h"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "plan/fields.h"
#include "plan/reader.h"
#include "plan/yaml_tree.h"
#include "util/edit_distance.h"
#include "util/files.h"
#include "util/work_count.h"

namespace iact {

namespace fs = std::filesystem;

const Framework* Catalogue::framework(std::string_view id) const {
  for (const Framework& f : frameworks) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

std::vector<std::string> Catalogue::framework_ids() const {
  std::vector<std::string> ids;
  for (const Framework& f : frameworks) ids.push_back(f.id);
  return ids;
}

bool Catalogue::add_item(FrameworkItem item) {
  if (by_id_.count(item.id)) return false;
  by_id_.emplace(item.id, items.size());
  item_ids_.push_back(item.id);
  items.push_back(std::move(item));
  return true;
}

ItemResolution Catalogue::resolve(std::string_view ref) const {
  std::string_view framework_id;
  std::string_view item_id = ref;
  if (size_t slash = ref.find('/'); slash != std::string_view::npos) {
    framework_id = ref.substr(0, slash);
    item_id = ref.substr(slash + 1);
    if (!framework(framework_id)) {
      auto ids = framework_ids();
      auto near = closest_match(framework_id, ids);
      return {nullptr, fmt::format("no framework '{}'", framework_id),
              near ? fmt::format("did you mean '{}/{}'?", *near, item_id) : std::string()};
    }
  }
  auto it = by_id_.find(std::string(item_id));
  if (it != by_id_.end()) {
    const FrameworkItem& item = items[it->second];
    if (framework_id.empty() || item.framework == framework_id) return {&item, {}, {}};
    return {nullptr,
            fmt::format("'{}' is an item of {}, not of {}", item_id, item.framework, framework_id),
            fmt::format("write '{}/{}' or just '{}'", item.framework, item_id, item_id)};
  }
  auto near = closest_match(item_id, item_ids_);
  return {nullptr, fmt::format("no framework item '{}'", item_id),
          near ? fmt::format("did you mean '{}'?", *near)
               : std::string("`iact frameworks` lists every item id")};
}

const Period* Catalogue::last_period_ended(Date as_of) const {
  const Period* last = nullptr;
  for (const Period& p : periods) {
    if (p.due <= as_of) last = &p;
  }
  return last;
}

const Period* Catalogue::period_before(const Period& p) const {
  const Period* before = nullptr;
  for (const Period& q : periods) {
    if (q.due < p.due) before = &q;
  }
  return before;
}

namespace {

bool check_version(const FieldReader& r, std::string_view key, const std::string& file,
                   Diagnostics& diags) {
  auto version = r.integer(key);
  if (version && version->value != 1) {
    diags.add(
        file, version->pos, "framework-invalid",
        fmt::format("{} {} is not supported; this iact reads version 1", key, version->value));
    return false;
  }
  return version.has_value();
}

void load_framework(const YamlNode& root, const std::string& file, Catalogue& cat,
                    Diagnostics& diags) {
  FieldReader r(root, framework_def(), file, diags);
  if (!r.ok() || !check_version(r, "iact-framework", file, diags)) return;
  auto id = r.text("id");
  if (!id) return;
  if (cat.framework(id->value)) {
    diags.add(file, id->pos, "duplicate-id",
              fmt::format("framework '{}' is defined twice", id->value),
              fmt::format("the other is in {}", cat.framework(id->value)->file));
    return;
  }
  Framework f;
  f.id = id->value;
  f.title = r.text_or_empty("title");
  f.called = r.text_or_empty("called");
  f.file = file;
  if (auto source = r.object("source")) {
    f.source_document = source->text_or_empty("document");
    f.source_publisher = source->text_or_empty("publisher");
    if (auto d = source->date("date")) f.source_date = d->value;
  }
  if (auto every = r.boolean("every_plan")) f.every_plan = every->value;
  auto add = [&](FrameworkItem item, Pos pos) {
    const std::string item_id = item.id;
    if (!cat.add_item(std::move(item))) {
      diags.add(file, pos, "duplicate-id",
                fmt::format("framework item '{}' is already defined", item_id),
                "item ids are unique across all frameworks");
      return;
    }
    f.items.push_back(cat.items.size() - 1);
  };
  for (const FieldReader& ir : r.objects("items")) {
    auto item_id = ir.text("id");
    if (!item_id) continue;
    auto texts = [](const FieldReader& reader, std::string_view key) {
      std::vector<std::string> out;
      for (const auto& a : reader.texts(key)) out.push_back(a.value);
      return out;
    };
    add(FrameworkItem{item_id->value, f.id, "", ir.text_or_empty("title"),
                      ir.text_or_empty("description"), texts(ir, "aliases"), file, item_id->pos,
                      texts(ir, "wording")},
        item_id->pos);
    for (const FieldReader& er : ir.objects("expectations")) {
      auto slug = er.text("id");
      if (!slug) continue;
      add(FrameworkItem{fmt::format("{}.{}", item_id->value, slug->value), f.id, item_id->value,
                        er.text_or_empty("title"), "", texts(er, "aliases"), file, slug->pos,
                        std::vector<std::string>()},
          slug->pos);
    }
  }
  cat.frameworks.push_back(std::move(f));
}

void load_timeline(const YamlNode& root, const std::string& file, Catalogue& cat,
                   Diagnostics& diags, bool local) {
  const std::string local_file = local ? file : std::string();
  FieldReader r(root, timeline_def(), file, diags);
  if (!r.ok() || !check_version(r, "iact-timeline", file, diags)) return;
  for (const FieldReader& m : r.objects("milestones")) {
    auto id = m.text("id");
    const YamlNode* date_node = m.value("date");
    auto date = m.date("date");
    if (!id || !date || !date_node) continue;
    auto due = parse_due(date_node->scalar);
    DateForm form = std::holds_alternative<Due>(due) ? std::get<Due>(due).form : DateForm::kDay;
    Milestone milestone{id->value, date->value, form, m.text_or_empty("title"), local_file, {}, {}};
    if (auto announced = m.date("announced")) milestone.announced = announced->value;
    if (auto requires_ = m.choice("requires")) milestone.requires_ = requires_->value;
    if (auto reported = m.boolean("reported")) milestone.reported = reported->value;
    cat.milestones.push_back(std::move(milestone));
  }
  // The periods already defined, by id: looking each new one up among all of them would
  // cost the square of a long timeline.
  std::unordered_map<std::string, size_t> defined;
  for (size_t i = 0; i < cat.periods.size(); ++i) defined.emplace(cat.periods[i].id, i);
  count_work(Work::kPeriods, cat.periods.size());
  for (const FieldReader& p : r.objects("periods")) {
    auto id = p.text("id");
    auto due = p.date("due");
    if (!id || !due) continue;
    count_work(Work::kPeriods);
    if (auto at = defined.find(id->value); at != defined.end()) {
      const Period* clash = &cat.periods[at->second];
      diags.add(file, id->pos, "duplicate-id",
                fmt::format("period '{}' is defined twice", id->value),
                clash->local() ? fmt::format("the other is in {}", clash->local_file)
                               : std::string("the national timeline already has it; a local "
                                             "timeline adds periods of its own"));
      continue;
    }
    if (!parse_iso_day(id->value + "-01")) {
      diags.add(file, id->pos, "framework-invalid",
                fmt::format("period id '{}' is not a month written YYYY-MM", id->value),
                fmt::format("name a period by the month it is due, e.g. {:04d}-{:02d}",
                            due->value.year, due->value.month));
      continue;
    }
    Period period{id->value, due->value, p.text_or_empty("title"), local_file, {}};
    if (auto announced = p.date("announced")) period.announced = announced->value;
    defined.emplace(period.id, cat.periods.size());
    cat.periods.push_back(std::move(period));
  }
}

}  // namespace

void add_catalogue_text(std::string_view text, const std::string& file, Catalogue& cat,
                        Diagnostics& diags, bool local) {
  std::optional<YamlNode> root = parse_yaml(text, file, diags);
  if (!root) return;
  if (root->is_map() && root->find("iact-framework")) {
    if (local) {
      diags.add(file, root->pos, "framework-invalid",
                "a local timeline holds periods and milestones, not a framework",
                "start it with `iact-timeline: 1`; new national frameworks go in the frameworks "
                "folder");
      return;
    }
    load_framework(*root, file, cat, diags);
  } else if (root->is_map() && root->find("iact-timeline")) {
    load_timeline(*root, file, cat, diags, local);
  } else if (local) {
    diags.add(file, root->pos, "framework-invalid", "this local timeline does not start as one",
              "start it with `iact-timeline: 1`, then list `periods:`");
  } else {
    diags.add(file, root->pos, "framework-invalid",
              "this file in the frameworks folder is neither a framework nor the timeline",
              "a framework starts with `iact-framework: 1`, the timeline with `iact-timeline: 1`");
  }
  std::stable_sort(cat.milestones.begin(), cat.milestones.end(),
                   [](const Milestone& a, const Milestone& b) { return a.date < b.date; });
  std::stable_sort(cat.periods.begin(), cat.periods.end(),
                   [](const Period& a, const Period& b) { return a.due < b.due; });
}

Catalogue load_catalogue(const fs::path& dir, Diagnostics& diags) {
  Catalogue cat;
  for (const fs::path& path : yaml_files_in(dir)) {
    const std::string file = path.string();
    FileRead read = read_file(path, kMaxPlanFileBytes);
    if (!read.bytes) {
      diags.add(file, {}, "file-unreadable", read.error);
      continue;
    }
    add_catalogue_text(*read.bytes, file, cat, diags);
  }
  return cat;
}

std::optional<fs::path> find_local_timeline(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(fs::absolute(start, ec), ec);
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  while (!dir.empty()) {
    const fs::path candidate = dir / kLocalTimelineName;
    if (fs::exists(candidate, ec)) return candidate;
    if (fs::exists(dir / ".git", ec) || dir == dir.root_path()) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

std::optional<fs::path> find_frameworks_dir(const std::string& flag, const fs::path& exe) {
  return find_data_dir("frameworks", flag, "IACT_FRAMEWORKS", exe);
}

}  // namespace iact
