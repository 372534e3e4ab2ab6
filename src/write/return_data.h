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

enum class ReturnSource { kCover, kItems, kActions, kRisks, kChanges, kDna, kMissing };

// One cell's value. Text is always written as a string (never a formula).
struct ReturnCell {
  enum class Kind { kEmpty, kText, kNumber, kDate, kBrag };
  Kind kind = Kind::kEmpty;
  std::string text;  // kText, kBrag (the BRAG name)
  double number = 0;
  Date date;
  DateForm form = DateForm::kDay;  // kDate: shown as a day, a month or an NHS quarter

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
  // A date keeps the precision its source gave it (a month reads "June 2025") unless
  // `form` says otherwise.
  static ReturnCell of(Date d, std::optional<DateForm> form = std::nullopt) {
    ReturnCell c;
    c.kind = Kind::kDate;
    c.date = d;
    c.form = form.value_or(d.form);
    return c;
  }
};

// One change since the previous period, as the Changes sheet lists it.
struct ChangeEntry {
  std::string change;              // "Completed", "Became overdue", "Slipped", "New", "Risk closed"
  const ActionRow* row = nullptr;  // the action, or null for a risk
  const RiskRow* risk = nullptr;
};

// A required answer (a `required: true` column) that the plans leave empty.
struct MissingAnswer {
  std::string sheet;   // the sheet's name
  std::string header;  // the column's heading (the cover's label)
  std::string row;     // whose answer: the organisation or framework item; "" on a cover
  const Answer* answer = nullptr;  // in the view: the plan key, where, and what to write
};

struct ReturnField;

struct ReturnColumn {
  std::string header;
  const ReturnField* field = nullptr;
  int width = 0;  // characters; 0: a width from the field's kind
  bool wrap = false;
  std::string choices;    // drop-down list: one of kReturnChoiceListNames, or empty
  bool required = false;  // NHS England needs the answer: empty, the return is a draft
};

struct ReturnSheet {
  std::string name;
  ReturnSource rows = ReturnSource::kActions;
  std::string heading;
  bool table = false;
  bool landscape = false;
  std::vector<ReturnColumn> columns;
};

// The layout of the return (templates/return.yaml, read by return_workbook.h).
struct ReturnLayout {
  std::string file;
  std::string title;
  std::vector<ReturnSheet> sheets;
};

// The records the sheets list, made once from the view.
struct ReturnData {
  const SystemView* view = nullptr;
  std::vector<const ItemView*> items;                // every framework item, framework by framework
  std::vector<const FrameworkView*> item_framework;  // the framework of items[i]
  // Since the previous period; none when there is nothing to compare with (view.compares()).
  std::vector<ChangeEntry> changes;
  std::vector<MissingAnswer> missing;  // what makes the return a draft (return_workbook.h)

  size_t count(ReturnSource source) const;
  // Whose answer row `index` of a sheet of `source` holds, in words: the framework item
  // (items), the organisation (dna); "" otherwise.
  std::string row_label(ReturnSource source, size_t index) const;
  // A sentence to write under a sheet's rows, or "": the changes sheet's, when there is no
  // earlier return to count changes from.
  std::string note(ReturnSource source) const;
};

// The records of `view`, and the answers the required columns of `layout` lack.
ReturnData return_data(const SystemView& view, const ReturnLayout& layout);

// A return that lacks a required answer is a draft.
inline bool is_draft(const ReturnData& data) {
  return !data.missing.empty();
}

// What a field holds, for the type shown by `--fields`.
enum class FieldKind { kText, kNumber, kDate, kBrag, kDue };

struct ReturnField {
  std::string_view name;
  FieldKind kind;
  std::string_view doc;
  ReturnCell (*get)(const ReturnData& data, size_t index);
  // For a field a plan answers (which a layout may mark required): the answer, from the view.
  const Answer* (*answer)(const ReturnData& data, size_t index) = nullptr;
};

std::span<const ReturnField> return_fields(ReturnSource source);

// A plan's code word as a return shows it to people: "on-track" -> "On track", "partial" ->
// "Partial", "medium-long" -> "Medium long"; "" stays "".
std::string as_words(std::string_view code);
const ReturnField* find_return_field(ReturnSource source, std::string_view name);

}  // namespace iact
