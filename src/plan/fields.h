// The plan format as data: every object, its fields, their types, which are required,
// and the allowed values. The loader checks plans against this table, `iact rules` and the
// docs describe it, and the JSON Schema of the plan format is generated from it. Adding a
// field to the format starts here.
#pragma once

#include <array>
#include <span>
#include <string_view>

namespace iact {

enum class FieldType {
  kText,        // a string
  kInteger,     // a whole number, optionally within [min, max]
  kNumber,      // a number, whole or decimal (a measure's value)
  kBoolean,     // true / false (yes / no accepted)
  kDate,        // a real date: 2024-10-30, 2024-10 or "Q2 2025/26"
  kDue,         // a due date: a date, tbc or ongoing
  kChoice,      // one of `choices`
  kTextList,    // a list of strings (or one string, when accepts_single)
  kChoiceList,  // a list of `choices`
  kObject,      // a mapping described by `object`
  kObjectList,  // a list of mappings described by `object`
  kCost,        // none | tbc | an amount | a mapping described by `object`
  kAmount,      // an amount in GBP (61000, or as papers write it: £61k) or tbc
};

struct ObjectDef;

// What people write instead of an allowed word ("in progress" for on-track), so the hint
// can offer the word they meant.
struct Synonym {
  std::string_view written;
  std::string_view meant;
};

struct FieldDef {
  std::string_view name;
  FieldType type;
  bool required;
  std::string_view doc;
  std::span<const std::string_view> choices = {};
  const ObjectDef* object = nullptr;
  bool accepts_single = false;  // a list that may also be written as a single item
  int min = 0;                  // integer range, when max > min
  int max = 0;
  bool is_id = false;                      // text that must match [A-Za-z0-9._-]+
  std::span<const Synonym> synonyms = {};  // for kChoice: common other words
  // The field may instead be written `not-stated`: the plan's source does not say (the
  // return then writes "Not stated" and counts the answer as given). See kNotStated.
  bool may_be_not_stated = false;
};

// The word a plan writes for an answer its source does not state (`assurance: not-stated`).
// "not stated" and "Not stated" are read as the same word.
inline constexpr std::string_view kNotStated = "not-stated";

// The same field, which may also be written `not-stated`.
constexpr FieldDef or_not_stated(FieldDef f) {
  f.may_be_not_stated = true;
  return f;
}

struct ObjectDef {
  std::string_view name;  // in messages: "an action is missing 'due'"
  std::string_view doc;
  std::span<const FieldDef> fields;
  bool any_keys = false;  // a mapping whose keys are the user's own (tracker words)

  const FieldDef* field(std::string_view name) const;
};

// The return definition (templates/return.yaml): which view records each sheet lists, and
// the choices a column's drop-down may offer.
inline constexpr std::array<std::string_view, 7> kReturnSourceNames = {
    "cover", "items", "actions", "risks", "changes", "dna", "missing"};
inline constexpr std::array<std::string_view, 5> kReturnChoiceListNames = {
    "status", "brag", "assurance", "yes-no-partial", "yes-no"};

// The plan format (one YAML file per organisation).
const ObjectDef& plan_def();
// The national framework and timeline files in frameworks/.
const ObjectDef& framework_def();
const ObjectDef& timeline_def();
// A RAG policy file (--rag-policy): the plan's `rag:` block on its own.
const ObjectDef& policy_def();
// The return definition file (templates/return.yaml).
const ObjectDef& return_layout_def();

}  // namespace iact
