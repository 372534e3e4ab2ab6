#include "write/return_record.h"

#include "write/xlsx_cells.h"

namespace iact {

namespace {

class RecordWriter {
 public:
  explicit RecordWriter(lxw_worksheet* ws) : ws_(ws) {}
  RecordWriter& row(const char* kind) {
    ++row_;
    col_ = 0;
    return text(kind);
  }
  RecordWriter& text(const std::string& s) {
    if (error_ == LXW_NO_ERROR)
      error_ = worksheet_write_string(ws_, row_, col_, fit_cell(s).c_str(), nullptr);
    ++col_;
    return *this;
  }
  RecordWriter& number(double n) {
    if (error_ == LXW_NO_ERROR) error_ = worksheet_write_number(ws_, row_, col_, n, nullptr);
    ++col_;
    return *this;
  }
  RecordWriter& counts(const BragCounts& c) {
    for (Brag b : kBragOrder) number(c[b]);
    return *this;
  }
  lxw_error error() const { return error_; }

 private:
  lxw_worksheet* ws_;
  lxw_row_t row_ = static_cast<lxw_row_t>(-1);
  lxw_col_t col_ = 0;
  lxw_error error_ = LXW_NO_ERROR;
};

}  // namespace

lxw_error write_return_record(lxw_workbook* wb, const SystemSummary& s) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, kReturnRecordSheet);
  if (!ws) return LXW_ERROR_MEMORY_MALLOC_FAILED;
  RecordWriter w(ws);
  w.row(kReturnRecordMark).number(kReturnRecordVersion).text(IACT_VERSION);
  w.row("system").text(s.system);
  w.row("code").text(s.code);
  w.row("name").text(s.name);
  w.row("region").text(s.region);
  w.row("period").text(s.period);
  w.row("period_local").text(s.period_local ? "yes" : "no");
  w.row("as_of").text(s.as_of.iso());
  w.row("last_update").text(s.last_update ? plan_form(*s.last_update) : "");
  w.row("counts").counts(s.counts);
  w.row("overdue").number(s.overdue);
  w.row("replanned").number(s.replanned);
  w.row("contradictions").number(s.contradictions);
  for (const FrameworkCoverage& f : s.coverage)
    w.row("framework").text(f.id).text(f.title).number(f.covered).number(f.items);
  for (const ItemCounts& i : s.items)
    w.row("item").text(i.framework).text(i.item).text(i.title).counts(i.counts);
  for (const TrendPoint& p : s.trend)
    w.row("trend").text(p.label).text(p.date.iso()).counts(p.counts);
  if (w.error() != LXW_NO_ERROR) return w.error();
  worksheet_hide(ws);
  worksheet_protect(ws, nullptr, nullptr);
  return LXW_NO_ERROR;
}

}  // namespace iact
