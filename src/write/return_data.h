// What the NHS England return can show: for each kind of row a sheet lists (the cover, the
// framework items, the actions, risks, changes and DNA assurance), the named fields a
// column may take, read from the system view. The return definition file
// (templates/return.yaml) picks from these by name; this table is the one list of them,
// so the loader's checks, `iact return --fields` and the writer cannot disagree.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "view/system_view.h"

namespace iact {

enum class ReturnSource { kCover, kItems, kActions, kRisks, kChanges, kDna };

// One cell's value. Text is always written as a string (never a formula).
struct ReturnCell {
  enum class Kind { kEmpty, kText, kNumber, kDate, kBrag };
  Kind kind = Kind::kEmpty;
  std::string text;  // kText, kBrag (the BRAG name)
  double number = 0;
  Date date;

  static ReturnCell of(std::string t) {
    ReturnCell c;
    c.kind = t.empty() ? Kind::kEmpty : Kind::kText;
    c.text = std::move(t);
    return c;
  }
  static ReturnCell of(int n) {
    ReturnCell c;
    c.kind = Kind::kNumber;
    c.number = n;
    return c;
  }
  static ReturnCell of(Date d) {
    ReturnCell c;
    c.kind = Kind::kDate;
    c.date = d;
    return c;
  }
};

// One change since the previous period, as the Changes sheet lists it.
struct ChangeEntry {
  std::string change;              // "Completed", "Became overdue", "Slipped", "New", "Risk closed"
  const ActionRow* row = nullptr;  // the action, or null for a risk
  const RiskRow* risk = nullptr;
};

// The records the sheets list, made once from the view.
struct ReturnData {
  const SystemView* view = nullptr;
  std::vector<const ItemView*> items;                // every framework item, framework by framework
  std::vector<const FrameworkView*> item_framework;  // the framework of items[i]
  std::map<std::string, const SelfAssessment*> assessed;  // the lead plan's, by item id
  std::vector<ChangeEntry> changes;

  size_t count(ReturnSource source) const;
};

ReturnData return_data(const SystemView& view, const Catalogue& catalogue);

// What a field holds, for the type shown by `--fields`.
enum class FieldKind { kText, kNumber, kDate, kBrag, kDue };

struct ReturnField {
  std::string_view name;
  FieldKind kind;
  std::string_view doc;
  ReturnCell (*get)(const ReturnData& data, size_t index);
};

std::span<const ReturnField> return_fields(ReturnSource source);

// A plan's code word as a return shows it to people: "on-track" -> "On track", "partial" ->
// "Partial", "medium-long" -> "Medium long"; "" stays "".
std::string as_words(std::string_view code);
const ReturnField* find_return_field(ReturnSource source, std::string_view name);

}  // namespace iact
