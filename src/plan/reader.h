// Reads YAML mappings against the field table: unknown keys, missing required fields and
// wrong types are reported here, once, so the code that builds the model only converts.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "check/diagnostic.h"
#include "plan/date.h"
#include "plan/fields.h"
#include "plan/model.h"
#include "plan/yaml_tree.h"

namespace iact {

class FieldReader {
 public:
  // Checks `node` against `def`. If it is not a mapping, one wrong-type error is reported
  // and every accessor returns nothing.
  FieldReader(const YamlNode& node, const ObjectDef& def, const std::string& file,
              Diagnostics& diags);

  bool ok() const { return map_ != nullptr; }
  Pos pos() const { return pos_; }

  // Accessors return nothing when the field is absent, empty or malformed (already reported).
  std::optional<Located<std::string>> text(std::string_view name) const;
  std::string text_or_empty(std::string_view name) const;  // optional free text
  std::optional<Located<int>> integer(std::string_view name) const;
  std::optional<Located<double>> number(std::string_view name) const;
  std::optional<Located<bool>> boolean(std::string_view name) const;
  std::optional<Located<Date>> date(std::string_view name) const;
  std::optional<Located<Due>> due(std::string_view name) const;
  std::optional<Located<std::string>> choice(std::string_view name) const;
  std::vector<Located<std::string>> texts(std::string_view name) const;
  // For kObject fields: a reader for the nested mapping, if present.
  std::optional<FieldReader> object(std::string_view name) const;
  // For kObjectList fields: one reader per list item.
  std::vector<FieldReader> objects(std::string_view name) const;
  // The raw value node of a field (for kCost), if present and not empty.
  const YamlNode* value(std::string_view name) const;
  // The position of the field's key, or of the mapping when it is absent.
  Pos key_pos(std::string_view name) const;
  // The fields written `not-stated` (those the table allows it for), each at its value. Every
  // accessor above reads such a field as absent.
  NotStated not_stated() const;

  const std::string& file() const { return *file_; }
  Diagnostics& diags() const { return *diags_; }

 private:
  const FieldDef& def(std::string_view name, FieldType expected) const;
  const YamlEntry* entry(std::string_view name) const;
  void wrong_type(const FieldDef& f, const YamlNode& n, std::string_view wanted) const;
  std::optional<Located<std::string>> checked_choice(const FieldDef& f, const YamlNode& n) const;

  const YamlNode* map_ = nullptr;
  const ObjectDef* def_;
  const std::string* file_;
  Diagnostics* diags_;
  Pos pos_;
};

}  // namespace iact
