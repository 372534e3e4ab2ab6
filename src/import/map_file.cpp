#include "import/map_file.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "plan/model.h"
#include "plan/reader.h"
#include "plan/yaml_tree.h"
#include "util/files.h"
#include "util/text.h"

namespace iact {

namespace {

using enum FieldType;

// The `columns:` mapping has a key per tracker field (import/columns.cpp holds the list).
const std::vector<FieldDef>& column_fields() {
  static const std::vector<FieldDef> fields = [] {
    std::vector<FieldDef> out;
    for (const TrackerFieldDef& f : tracker_fields()) {
      out.push_back(FieldDef{f.name, kText, false, f.doc});
    }
    return out;
  }();
  return fields;
}

const ObjectDef& columns_def() {
  static const ObjectDef def{"columns mapping",
                             "The tracker's column for each field: its header text, its letter "
                             "(C), or none.",
                             column_fields()};
  return def;
}

constexpr ObjectDef kWords{"mapping of tracker words", "Tracker text: what it means.", {}, true};

const std::vector<FieldDef>& map_fields() {
  static const std::vector<FieldDef> fields = {
      FieldDef{"iact-import-map", kInteger, true, "Format version: 1."},
      FieldDef{"sheet", kText, false,
               "The sheet that holds the tracker (default: the one whose "
               "header row names the most fields)."},
      FieldDef{"header_row",
               kInteger,
               false,
               "The row number of the column headers.",
               {},
               nullptr,
               false,
               1,
               1048576},
      FieldDef{"columns", kObject, false, "The column of each field.", {}, &columns_def()},
      FieldDef{"statuses",
               kObject,
               false,
               "Tracker status words and the plan status each means, e.g. \"Amber - awaiting "
               "sign-off\": at-risk.",
               {},
               &kWords},
      FieldDef{"leads",
               kObject,
               false,
               "Tracker lead text and the organisation(s) it means, e.g. \"Somerset FT\": SFT.",
               {},
               &kWords},
      FieldDef{"themes",
               kObject,
               false,
               "Tracker theme text and the framework item(s) it means, e.g. \"Theme 2\": [carers].",
               {},
               &kWords},
      FieldDef{"dates",
               kObject,
               false,
               "Tracker date words and the date each means, written as a plan writes a due "
               "date, e.g. \"Spring 2026\": 2026-05.",
               {},
               &kWords},
      FieldDef{"addresses",
               kTextList,
               false,
               "Framework items for rows with no theme of their own.",
               {},
               nullptr,
               true},
  };
  return fields;
}

}  // namespace

const ObjectDef& import_map_def() {
  static const ObjectDef def{"import mapping file",
                             "How `iact import` reads one organisation's tracker.", map_fields()};
  return def;
}

std::optional<ImportMap> load_import_map(const std::filesystem::path& path,
                                         const std::string& display, const Catalogue& catalogue,
                                         Diagnostics& diags) {
  FileRead read = read_file(path, kMaxPlanFileBytes);
  if (!read.bytes) {
    diags.add(display, {}, "file-unreadable",
              fmt::format("cannot read the mapping file: {}", read.error));
    return std::nullopt;
  }
  std::optional<YamlNode> root = parse_yaml(*read.bytes, display, diags);
  if (!root) return std::nullopt;
  const int errors_before = diags.error_count();
  FieldReader r(*root, import_map_def(), display, diags);
  ImportMap map;
  if (r.ok()) {
    if (auto v = r.integer("iact-import-map"); v && v->value != 1) {
      diags.add(
          display, v->pos, "unsupported-version",
          fmt::format("mapping file version {} is not supported; this iact reads 1", v->value),
          "write `iact-import-map: 1`");
    }
    map.columns.sheet = r.text_or_empty("sheet");
    if (auto row = r.integer("header_row")) map.columns.header_row = row->value;
    if (auto columns = r.object("columns")) {
      for (const TrackerFieldDef& f : tracker_fields()) {
        if (auto given = columns->text(f.name)) map.columns.columns[f.field] = given->value;
      }
    }
    auto words = [&](std::string_view section, auto&& take) {
      const YamlNode* node = r.value(section);
      if (!node || !node->is_map()) return;
      for (const YamlEntry& e : node->entries) take(e);
    };
    words("statuses", [&](const YamlEntry& e) {
      const std::string word = e.value->is_scalar() ? e.value->scalar : "";
      if (std::find(kStatusNames.begin(), kStatusNames.end(), word) == kStatusNames.end()) {
        diags.add(display, e.value->pos, "invalid-value",
                  fmt::format("'{}' is not a plan status", word),
                  fmt::format("a status is one of: {}", join(kStatusNames)));
        return;
      }
      map.values.statuses[normalise_header(e.key)] = word;
    });
    words("leads", [&](const YamlEntry& e) {
      if (!e.value->is_scalar()) {
        diags.add(display, e.value->pos, "wrong-type",
                  "a lead is the organisation's short name or code, e.g. SFT (several: SFT, ICB)");
        return;
      }
      map.values.leads[normalise_header(e.key)] = e.value->scalar;
    });
    words("themes", [&](const YamlEntry& e) {
      std::vector<const YamlNode*> items;
      if (e.value->is_scalar()) items.push_back(e.value.get());
      for (const YamlNode& n : e.value->items) items.push_back(&n);
      std::vector<std::string> ids;
      for (const YamlNode* n : items) {
        ItemResolution res = catalogue.resolve(n->is_scalar() ? n->scalar : "");
        if (!res.item) {
          diags.add(display, n->pos, "unknown-item", res.error, res.hint);
          continue;
        }
        ids.push_back(res.item->id);
      }
      if (ids.empty() && items.empty()) {
        diags.add(display, e.value->pos, "wrong-type",
                  "a theme maps to a framework item id or a list of them");
      }
      map.values.themes[normalise_header(e.key)] = ids;
    });
    words("dates", [&](const YamlEntry& e) {
      const std::string text = e.value->is_scalar() ? e.value->scalar : "";
      auto parsed = parse_written_due(text);
      if (const DateError* bad = std::get_if<DateError>(&parsed)) {
        diags.add(display, e.value->pos, "invalid-date", fmt::format("'{}' is not a date", text),
                  bad->hint);
        return;
      }
      map.values.dates[normalise_header(e.key)] = std::get<Due>(parsed);
    });
    for (const auto& item : r.texts("addresses")) {
      ItemResolution res = catalogue.resolve(item.value);
      if (!res.item) {
        diags.add(display, item.pos, "unknown-item", res.error, res.hint);
        continue;
      }
      map.addresses.push_back(res.item->id);
    }
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return map;
}

}  // namespace iact
