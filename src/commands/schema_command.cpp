// `iact schema`: the JSON Schema of the plan format, generated from the field table (so the
// editor and the checks agree), with the loaded frameworks' ids offered for completion.
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands/commands.h"
#include "commands/context.h"
#include "plan/fields.h"
#include "util/files.h"

namespace iact {

namespace {

using nlohmann::json;

// The date forms of plan/date.cpp, as a pattern (the checks still give the exact error).
constexpr const char* kDatePattern =
    "^([0-9]{4}-[0-9]{2}(-[0-9]{2})?|[Qq][1-4] *[0-9]{4}/[0-9]{2})$";
constexpr const char* kDuePattern =
    "^([0-9]{4}-[0-9]{2}(-[0-9]{2})?|[Qq][1-4] "
    "*[0-9]{4}/[0-9]{2}|[Tt][Bb][Cc]|[Oo]ngoing|ONGOING)$";
constexpr const char* kAmountPattern = "^\\u00a3?[0-9][0-9,]*(\\.[0-9]+)?[kKmM]?$";
// not-stated as the reader takes it: any capitals, a hyphen or a space.
constexpr const char* kNotStatedPattern = "^[Nn][Oo][Tt][- ][Ss][Tt][Aa][Tt][Ee][Dd]$";

std::string ref(const ObjectDef& def) {
  std::string name(def.name);
  for (char& c : name) c = c == ' ' ? '_' : c;
  return name;
}

json choices(const FieldDef& f) {
  json e = json::array();
  for (std::string_view c : f.choices) e.push_back(c);
  return json{{"enum", e}};
}

json one_or_list(json item, bool accepts_single) {
  json list{{"type", "array"}, {"items", item}};
  if (!accepts_single) return list;
  return json{{"anyOf", json::array({item, list})}};
}

struct Completions {
  json framework_ids = json::array();
  json item_ids = json::array();
};

json field_schema(const FieldDef& f, const Completions& ids) {
  json s;
  switch (f.type) {
    case FieldType::kText:
      s = {{"type", "string"}};
      if (f.is_id) s["pattern"] = "^[A-Za-z0-9._-]+$";
      break;
    case FieldType::kInteger:
      s = {{"type", "integer"}};
      if (f.max > f.min) s["minimum"] = f.min, s["maximum"] = f.max;
      break;
    case FieldType::kNumber:
      s = {{"type", "number"}};
      break;
    case FieldType::kBoolean:
      s = {{"type", "boolean"}};
      break;
    case FieldType::kDate:
      s = {{"type", "string"}, {"pattern", kDatePattern}};
      break;
    case FieldType::kDue:
      s = {{"type", "string"}, {"pattern", kDuePattern}};
      break;
    case FieldType::kChoice:
      s = choices(f);
      break;
    case FieldType::kChoiceList:
      s = one_or_list(choices(f), f.accepts_single);
      break;
    case FieldType::kTextList: {
      json item = {{"type", "string"}};
      // Framework ids and items are offered for completion; qualified items (framework/item)
      // and frameworks added later still pass, and `iact validate` has the last word.
      if (f.name == "frameworks")
        item = {{"anyOf", json::array({{{"enum", ids.framework_ids}}, item})}};
      if (f.name == "addresses") item = {{"anyOf", json::array({{{"enum", ids.item_ids}}, item})}};
      s = one_or_list(item, f.accepts_single);
      if (f.required) s["minItems"] = 1;
      break;
    }
    case FieldType::kObject:
      s = {{"$ref", "#/definitions/" + ref(*f.object)}};
      break;
    case FieldType::kObjectList:
      s = one_or_list({{"$ref", "#/definitions/" + ref(*f.object)}}, f.accepts_single);
      break;
    case FieldType::kAmount:
      s = {{"anyOf", json::array({{{"type", "number"}, {"minimum", 0}},
                                  {{"type", "string"}, {"pattern", kAmountPattern}},
                                  {{"enum", {"tbc", "not stated"}}}})}};
      break;
    case FieldType::kCost:
      s = {{"anyOf", json::array({{{"enum", {"none", "tbc", "not stated"}}},
                                  {{"type", "number"}, {"minimum", 0}},
                                  {{"type", "string"}, {"pattern", kAmountPattern}},
                                  {{"$ref", "#/definitions/" + ref(*f.object)}}})}};
      break;
  }
  if (f.may_be_not_stated) {
    // Offered for completion as `not-stated`; the other spellings the reader takes pass too.
    s = {{"anyOf", json::array({s,
                                {{"const", std::string(kNotStated)}},
                                {{"type", "string"}, {"pattern", kNotStatedPattern}}})}};
  }
  s["description"] = f.doc;
  return s;
}

json object_schema(const ObjectDef& def, const Completions& ids, json& definitions) {
  json properties = json::object();
  json required = json::array();
  for (const FieldDef& f : def.fields) {
    properties[std::string(f.name)] = field_schema(f, ids);
    if (f.required) required.push_back(f.name);
    if (f.object && !definitions.contains(ref(*f.object))) {
      definitions[ref(*f.object)] = json::object();  // placeholder: stops recursion
      definitions[ref(*f.object)] = object_schema(*f.object, ids, definitions);
    }
  }
  if (def.any_keys) {
    return {{"type", "object"},
            {"description", def.doc},
            {"additionalProperties", {{"type", "string"}}}};
  }
  json s = {{"type", "object"},
            {"description", def.doc},
            {"additionalProperties", false},
            {"properties", properties}};
  if (!required.empty()) s["required"] = required;
  return s;
}

}  // namespace

int run_schema(const SchemaOptions& options, const CommonOptions& common) {
  Diagnostics diags;
  std::optional<Catalogue> catalogue = load_frameworks(common, diags);
  if (!catalogue) return kExitUsage;
  Completions ids;
  for (const Framework& f : catalogue->frameworks) ids.framework_ids.push_back(f.id);
  for (const FrameworkItem& item : catalogue->items) ids.item_ids.push_back(item.id);
  json definitions = json::object();
  json schema = object_schema(plan_def(), ids, definitions);
  schema["$schema"] = "http://json-schema.org/draft-07/schema#";
  schema["$id"] = "https://iact.invalid/schema/iact-plan.schema.json";
  schema["title"] = "iact plan";
  schema["definitions"] = definitions;
  if (options.output.empty()) {
    std::cout << schema.dump(2) << '\n';
    return kExitOk;
  }
  std::string error;
  if (!write_file_atomic(options.output, schema.dump(2) + "\n", error)) {
    std::cerr << "iact: " << error << '\n';
    return kExitUsage;
  }
  std::cerr << "iact: wrote " << options.output
            << "; start each plan with `# yaml-language-server: $schema=<path to it>`\n";
  return kExitOk;
}

}  // namespace iact
