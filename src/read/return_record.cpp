#include "read/return_record.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "util/text.h"
#include "write/return_record.h"

namespace iact {

namespace {

struct Damaged {
  int row;
  std::string why;
};

int count_at(const Row& row, size_t col) {
  const Cell* c = row.at(col);
  if (!c || c->kind != Cell::Kind::kNumber || c->number < 0 || c->number > 1e7 ||
      c->number != std::floor(c->number))
    throw Damaged{row.number,
                  fmt::format("column {} should hold a whole number", column_name(col))};
  return static_cast<int>(c->number);
}

BragCounts counts_at(const Row& row, size_t first) {
  BragCounts counts;
  for (size_t i = 0; i < kBragOrder.size(); ++i)
    counts.n[static_cast<size_t>(kBragOrder[i])] = count_at(row, first + i);
  return counts;
}

Date date_at(const Row& row, size_t col) {
  const std::optional<Date> d = parse_iso_day(text_at(row, col));
  if (!d) throw Damaged{row.number, fmt::format("column {} should hold a date", column_name(col))};
  return *d;
}

// A date as a plan writes it, keeping its precision: 2025-06-30, 2025-06 or "Q1 2025/26".
Date plan_date_at(const Row& row, size_t col) {
  const auto parsed = parse_date(text_at(row, col));
  if (const Date* d = std::get_if<Date>(&parsed)) return *d;
  throw Damaged{row.number, fmt::format("column {} should hold a date", column_name(col))};
}

std::string required(const Row& row, size_t col) {
  std::string t = text_at(row, col);
  if (t.empty()) throw Damaged{row.number, fmt::format("column {} is empty", column_name(col))};
  return t;
}

SystemSummary parse(const Sheet& sheet) {
  SystemSummary s;
  std::map<std::string, std::string> meta;
  bool counted = false;
  for (const Row& r : sheet.rows) {
    if (r.number == 1) continue;
    const std::string kind = text_at(r, 0);
    if (kind.empty()) continue;
    if (kind == "counts") {
      s.counts = counts_at(r, 1);
      counted = true;
    } else if (kind == "overdue") {
      s.overdue = count_at(r, 1);
    } else if (kind == "replanned") {
      s.replanned = count_at(r, 1);
    } else if (kind == "contradictions") {
      s.contradictions = count_at(r, 1);
    } else if (kind == "framework") {
      FrameworkCoverage f{required(r, 1), text_at(r, 2), count_at(r, 3), count_at(r, 4)};
      if (f.covered > f.items) throw Damaged{r.number, "more items covered than there are"};
      s.coverage.push_back(std::move(f));
    } else if (kind == "item") {
      ItemCounts i{required(r, 1), required(r, 2), text_at(r, 3), counts_at(r, 4)};
      const bool known =
          std::any_of(s.coverage.begin(), s.coverage.end(),
                      [&](const FrameworkCoverage& f) { return f.id == i.framework; });
      if (!known) throw Damaged{r.number, fmt::format("framework '{}' is not listed", i.framework)};
      s.items.push_back(std::move(i));
    } else if (kind == "trend") {
      s.trend.push_back(TrendPoint{required(r, 1), date_at(r, 2), counts_at(r, 3)});
    } else {
      meta[kind] = text_at(r, 1);
      if (kind == "as_of") s.as_of = date_at(r, 1);
      if (kind == "last_update" && !meta[kind].empty()) s.last_update = plan_date_at(r, 1);
    }
  }
  for (const char* key : {"system", "code", "as_of"}) {
    if (meta[key].empty()) throw Damaged{0, fmt::format("it has no {}", key)};
  }
  if (!counted) throw Damaged{0, "it has no counts"};
  s.system = meta["system"];
  s.code = meta["code"];
  s.name = meta["name"].empty() ? s.system : meta["name"];
  s.region = meta["region"];
  s.period = meta["period"];
  s.period_local = meta["period_local"] == "yes";
  return s;
}

}  // namespace

std::variant<SystemSummary, ReadError> read_return_record(const Workbook& book) {
  const std::string remake =
      "roll up the returns that `iact return` or `iact build` wrote; if the workbook was "
      "copied into another template, send the one iact made";
  if (book.format != "xlsx") return ReadError{"not a return: it is not an XLSX workbook", remake};
  const Sheet* sheet = nullptr;
  for (const Sheet& s : book.sheets) {
    if (s.name == kReturnRecordSheet) sheet = &s;
  }
  if (!sheet)
    return ReadError{"not a return written by iact: it has no hidden 'iact' sheet", remake};
  const Row* first =
      sheet->rows.empty() || sheet->rows.front().number != 1 ? nullptr : &sheet->rows.front();
  const std::string mark = first ? text_at(*first, 0) : "";
  if (mark == "iact-form")
    return ReadError{"this is an owners' update form (`iact collect`), not a return",
                     "apply it with `iact apply`; roll up returns"};
  if (mark != kReturnRecordMark)
    return ReadError{"not a return written by iact: its hidden 'iact' sheet is not a return record",
                     remake};
  const Cell* version = first->at(1);
  if (!version || version->kind != Cell::Kind::kNumber || version->number < 1)
    return ReadError{"its return record has no version", remake};
  if (version->number != kReturnRecordVersion) {
    const std::string by = text_at(*first, 2);
    return ReadError{
        fmt::format("its return record is version {}{}; this iact reads version {}",
                    format_number(version->number),
                    by.empty() ? "" : " (written by iact " + by + ")", kReturnRecordVersion),
        version->number > kReturnRecordVersion ? "update iact to a version that reads it"
                                               : "make the return again with this iact"};
  }
  try {
    SystemSummary s = parse(*sheet);
    s.source = book.file;
    return s;
  } catch (const Damaged& d) {
    return ReadError{
        d.row > 0 ? fmt::format("row {} of its hidden 'iact' sheet is damaged: {}", d.row, d.why)
                  : fmt::format("its hidden 'iact' sheet is damaged: {}", d.why),
        remake};
  }
}

}  // namespace iact
