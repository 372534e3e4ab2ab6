#include <gtest/gtest.h>

#include "read/return_record.h"
#include "view/summary.h"
#include "write/chart.h"

namespace iact {
namespace {

BragCounts counts(int blue, int red, int amber, int green, int grey) {
  BragCounts c;
  c.n = {blue, red, amber, green, grey};
  return c;
}

SystemSummary system(std::string name, std::string region, BragCounts c,
                     std::vector<ItemCounts> items, std::vector<TrendPoint> trend = {}) {
  SystemSummary s;
  s.system = name;
  s.code = "Q" + name.substr(0, 2);
  s.name = name;
  s.region = std::move(region);
  s.period = "2026-01";
  s.as_of = Date{2026, 2, 1};
  s.counts = c;
  s.items = std::move(items);
  s.trend = std::move(trend);
  return s;
}

TEST(RollUp, ItemsCountWhoAddressesWhoIsRedAndWhoHasAGap) {
  const Rollup r = roll_up({
      system("zed", "South West", counts(1, 1, 0, 0, 0),
             {{"f", "a", "A", counts(1, 1, 0, 0, 0)}, {"f", "b", "B", counts(0, 0, 0, 0, 0)}}),
      system("abe", "Midlands", counts(0, 0, 2, 0, 0),
             {{"f", "a", "A", counts(0, 0, 1, 0, 0)}, {"f", "b", "B", counts(0, 0, 1, 0, 0)}}),
      // Answers to another framework only: neither addressing f's items nor a gap in them.
      system("kay", "Midlands", counts(0, 3, 0, 0, 0), {{"g", "c", "C", counts(0, 3, 0, 0, 0)}}),
  });
  ASSERT_EQ(r.systems.size(), 3u);  // by region, then name
  EXPECT_EQ(r.systems[0].name, "abe");
  EXPECT_EQ(r.systems[1].name, "kay");
  EXPECT_EQ(r.systems[2].name, "zed");
  EXPECT_EQ(r.counts[Brag::kRed], 4);
  EXPECT_EQ(r.counts.total(), 7);
  ASSERT_EQ(r.items.size(), 3u);
  const ItemAcross& a = r.items[0];
  EXPECT_EQ(a.item, "a");
  EXPECT_EQ(a.addressed, 2);
  EXPECT_EQ(a.red, 1);
  EXPECT_EQ(a.red_in, std::vector<std::string>{"zed"});
  EXPECT_TRUE(a.gaps.empty());
  const ItemAcross& b = r.items[1];
  EXPECT_EQ(b.addressed, 1);
  EXPECT_EQ(b.gaps, std::vector<std::string>{"zed"});
  EXPECT_EQ(r.items[2].item, "c");
  EXPECT_EQ(r.items[2].addressed, 1);
}

TEST(RollUp, TheTrendSumsEachPeriodAcrossTheSystemsThatHaveIt) {
  const Rollup r = roll_up({
      system("one", "", {}, {},
             {{"2025-06", Date{2025, 6, 30}, counts(1, 0, 0, 2, 0)},
              {"2026-01", Date{2026, 1, 31}, counts(2, 1, 0, 0, 0)},
              {"now", Date{2026, 2, 1}, counts(3, 0, 0, 0, 0)}}),
      // Began after June: no June point.
      system("two", "", {}, {},
             {{"2026-01", Date{2026, 1, 31}, counts(0, 0, 1, 0, 0)},
              {"now", Date{2026, 2, 10}, counts(0, 1, 0, 0, 0)}}),
  });
  EXPECT_EQ(r.trend_labels, (std::vector<std::string>{"2025-06", "2026-01", "now"}));
  ASSERT_EQ(r.trend.size(), 3u);
  EXPECT_EQ(r.trend[0].counts.total(), 3);
  EXPECT_EQ(r.trend[1].counts[Brag::kAmber], 1);
  EXPECT_EQ(r.trend[1].counts.total(), 4);
  EXPECT_EQ(r.trend[2].counts.total(), 4);
  EXPECT_EQ(r.trend[2].date, (Date{2026, 2, 10}));  // now: the latest as-of date
  EXPECT_EQ(trend_label(r.trend, r.trend[0]), "June 2025 return");
  EXPECT_EQ(trend_label(r.trend, r.trend[2]), "Now (10 Feb 2026)");
}

// A record as the return writes it (write/return_record.h), cell by cell.
Workbook record(std::vector<std::vector<Cell>> rows) {
  Workbook book;
  book.file = "return.xlsx";
  book.format = "xlsx";
  Sheet sheet;
  sheet.name = "iact";
  sheet.hidden = true;
  for (size_t i = 0; i < rows.size(); ++i)
    sheet.rows.push_back(Row{static_cast<int>(i) + 1, rows[i]});
  book.sheets.push_back(sheet);
  return book;
}

Cell text(std::string t) {
  Cell c;
  c.kind = Cell::Kind::kText;
  c.text = std::move(t);
  return c;
}

Cell number(double n) {
  Cell c;
  c.kind = Cell::Kind::kNumber;
  c.number = n;
  c.text = format_number(n);
  return c;
}

std::vector<std::vector<Cell>> good_rows() {
  return {{text("iact-return"), number(1), text("0.1.0")},
          {text("system"), text("fifth")},
          {text("code"), text("QFV")},
          {text("name"), text("NHS Fifth Valley ICB")},
          {text("region"), text("Midlands")},
          {text("period"), text("2026-01")},
          {text("as_of"), text("2026-02-01")},
          {text("last_update"), text("2025-11-01")},
          {text("counts"), number(1), number(2), number(1), number(2), number(1)},
          {text("overdue"), number(2)},
          {text("replanned"), number(1)},
          {text("framework"), text("f"), text("F"), number(1), number(2)},
          {text("item"), text("f"), text("a"), text("A"), number(1), number(0), number(0),
           number(0), number(0)},
          {text("trend"), text("2025-06"), text("2025-06-30"), number(0), number(1), number(0),
           number(0), number(0)}};
}

TEST(ReturnRecord, ReadsWhatTheReturnWrote) {
  auto read = read_return_record(record(good_rows()));
  ASSERT_TRUE(std::holds_alternative<SystemSummary>(read)) << std::get<ReadError>(read).message;
  const SystemSummary& s = std::get<SystemSummary>(read);
  EXPECT_EQ(s.code, "QFV");
  EXPECT_EQ(s.region, "Midlands");
  EXPECT_EQ(s.as_of, (Date{2026, 2, 1}));
  EXPECT_EQ(s.last_update, (Date{2025, 11, 1}));
  EXPECT_EQ(s.counts.total(), 7);
  EXPECT_EQ(s.overdue, 2);
  EXPECT_EQ(s.replanned, 1);
  ASSERT_EQ(s.coverage.size(), 1u);
  EXPECT_EQ(s.coverage[0].covered, 1);
  ASSERT_EQ(s.items.size(), 1u);
  EXPECT_EQ(s.items[0].counts[Brag::kBlue], 1);
  ASSERT_EQ(s.trend.size(), 1u);
  EXPECT_EQ(s.trend[0].counts[Brag::kRed], 1);
  EXPECT_EQ(s.source, "return.xlsx");
}

std::string error_of(const Workbook& book) {
  auto read = read_return_record(book);
  return std::holds_alternative<ReadError>(read) ? std::get<ReadError>(read).message : "";
}

TEST(ReturnRecord, SaysWhatIsWrongAndWhere) {
  auto rows = good_rows();
  rows[0][1] = number(2);
  EXPECT_EQ(error_of(record(rows)),
            "its return record is version 2 (written by iact 0.1.0); this iact reads version 1");
  rows = good_rows();
  rows[8][3] = text("lots");
  EXPECT_EQ(error_of(record(rows)),
            "row 9 of its hidden 'iact' sheet is damaged: column D should hold a whole number");
  rows = good_rows();
  rows[8][2] = number(-1);
  EXPECT_NE(error_of(record(rows)).find("row 9"), std::string::npos);
  rows = good_rows();
  rows[12][1] = text("unknown");
  EXPECT_EQ(error_of(record(rows)),
            "row 13 of its hidden 'iact' sheet is damaged: framework 'unknown' is not listed");
  rows = good_rows();
  rows[11][3] = number(3);  // more covered than items
  EXPECT_NE(error_of(record(rows)).find("more items covered"), std::string::npos);
  rows = good_rows();
  rows.erase(rows.begin() + 2);  // no code
  EXPECT_EQ(error_of(record(rows)), "its hidden 'iact' sheet is damaged: it has no code");
  rows = good_rows();
  rows[6][1] = text("1 Feb 2026");
  EXPECT_NE(error_of(record(rows)).find("column B should hold a date"), std::string::npos);

  Workbook form = record(good_rows());
  form.sheets[0].rows[0].cells[0] = text("iact-form");
  EXPECT_EQ(error_of(form), "this is an owners' update form (`iact collect`), not a return");
  Workbook other = record(good_rows());
  other.sheets[0].name = "Data";
  EXPECT_EQ(error_of(other), "not a return written by iact: it has no hidden 'iact' sheet");
  Workbook csv = record(good_rows());
  csv.format = "csv";
  EXPECT_EQ(error_of(csv), "not a return: it is not an XLSX workbook");
}

}  // namespace
}  // namespace iact
