// Calendar dates, and the date forms that plans use for due dates.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace iact {

// How a date was written: a day, a whole month (due at its end) or an NHS financial
// quarter (due at its end; the NHS year runs April to March).
enum class DateForm { kDay, kMonth, kQuarter };

// A calendar day, and how precisely its source gave it: a date written as a month (2024-10)
// is its last day, and reads back as "October 2024", never as a day the source did not give.
// The form plays no part in comparisons: "2024-10" and "2024-10-31" are the same day.
struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;
  DateForm form = DateForm::kDay;

  friend bool operator==(const Date& a, const Date& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend std::strong_ordering operator<=>(const Date& a, const Date& b) {
    if (auto c = a.year <=> b.year; c != 0) return c;
    if (auto c = a.month <=> b.month; c != 0) return c;
    return a.day <=> b.day;
  }

  // Days since 1970-01-01 (negative before), for arithmetic on dates.
  long days() const;
  static Date from_days(long days);
  Date plus_days(long n) const { return from_days(days() + n); }
  // The first day the date covers: the day itself, or the first of its month or quarter.
  Date first_day() const;
  bool is_day() const { return form == DateForm::kDay; }

  std::string iso() const;  // 2024-10-30
};

int days_in_month(int year, int month);

// A due date as people write it in plans.
struct Due {
  enum class Kind { kDate, kTbc, kOngoing };
  Kind kind = Kind::kTbc;
  Date date;                       // the last day it covers, when kind == kDate
  DateForm form = DateForm::kDay;  // how it was written, when kind == kDate
  std::string text;                // as written, for display ("Q2 2025/26")

  bool is_date() const { return kind == Kind::kDate; }
  // The same due date, however written ("2025-07" and "2025-07-31" are the same day).
  bool operator==(const Due& o) const { return kind == o.kind && (!is_date() || date == o.date); }
};

// A month due at its end, written "YYYY-MM".
Due month_due(int year, int month);

struct DateError {
  std::string message;  // what is wrong with this text
  std::string hint;     // the accepted forms, or the likely intended date
};

// Parses every form plans may use: 2024-10-30, 2024-10, "Q2 2025/26", tbc, ongoing.
std::variant<Due, DateError> parse_due(std::string_view text);

// Parses a date that must be a real date (not tbc or ongoing): a day, a month or a quarter;
// the result is the last day the text covers.
std::variant<Date, DateError> parse_date(std::string_view text);

// Parses a due date in the forms board papers and trackers use, beyond the plan's own:
// 31/03/2025, 31.03.25, 31 March 2025, 31st Mar 25, Jun-25, July 2025, 03/2026,
// Q4 25/26, Q4 2025-26, 2025/26 Q4, 2025/26 (the year's end), "end of March 2026",
// "by 31/03/2026", TBC, TBA, Ongoing, BAU. Days are read day first. The result keeps the
// form it was written in (a day, a month, a quarter, tbc, ongoing).
std::variant<Due, DateError> parse_written_due(std::string_view text);

// How a plan writes a due date: 2025-03-31, 2025-03, "Q4 2025/26", tbc, ongoing.
std::string plan_form(const Due& due);

// Parses today's date or an --as-of argument: only YYYY-MM-DD.
std::optional<Date> parse_iso_day(std::string_view text);

// "30 Sep 2025", "Sep 2025" or "Q2 2025/26": how a due date reads in a report.
std::string display(const Due& due);
// "30 Sep 2025", as tables show a day; "September 2025" or "Q2 2025/26" for a date its
// source gave as a month or a quarter.
std::string display(Date date);
// "30 September 2025", as cover sheets and prose show a day (a month or quarter as above).
std::string display_long(Date date);
// How a plan writes the date: 2025-09-30, 2025-09 or "Q2 2025/26".
std::string plan_form(Date date);
// "June 2025".
std::string month_year(Date date);

}  // namespace iact
