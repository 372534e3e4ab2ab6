#include "plan/date.h"

#include <array>
#include <cctype>
#include <cstdio>

#include <fmt/format.h>

#include "util/text.h"

namespace iact {

namespace {

bool is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

constexpr std::string_view kAcceptedForms =
    "accepted forms: a day 2024-10-30, a month 2025-07 (its last day), an NHS quarter "
    "\"Q2 2025/26\" (its last day), tbc, ongoing";

// Reads exactly `width` digits at s[pos].
std::optional<int> digits(std::string_view s, size_t pos, size_t width) {
  if (pos + width > s.size()) return std::nullopt;
  int value = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

std::optional<int> month_from_name(std::string_view word) {
  const std::string w = lowercase(word);
  if (w.size() < 3) return std::nullopt;
  for (size_t i = 0; i < kMonthNames.size(); ++i) {
    const std::string name = lowercase(kMonthNames[i]);
    if (name.compare(0, w.size(), w) == 0) return static_cast<int>(i) + 1;
  }
  return std::nullopt;
}

// For text in none of the accepted forms, guess what the writer meant so the hint can
// offer it: "30.10.24" (board papers' dd.mm.yy), "July 2025", "end of July 2025".
std::string guess(std::string_view text) {
  int d = 0, m = 0, y = 0;
  char sep1 = 0, sep2 = 0;
  std::string t(text);
  if (std::sscanf(t.c_str(), "%d%c%d%c%d", &d, &sep1, &m, &sep2, &y) == 5 && sep1 == sep2 &&
      (sep1 == '.' || sep1 == '/') && y >= 0) {
    if (y < 100) y += 2000;
    if (m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m)) {
      return Date{y, m, d}.iso();
    }
  }
  // A month name followed by a year, anywhere in the text.
  std::string word;
  std::optional<int> month;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i < t.size() && std::isalpha(static_cast<unsigned char>(t[i]))) {
      word += t[i];
      continue;
    }
    if (!word.empty() && !month) month = month_from_name(word);
    word.clear();
    if (month && i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) {
      if (auto year = digits(t, i, 4)) return fmt::format("{:04d}-{:02d}", *year, *month);
    }
  }
  return {};
}

DateError unknown_form(std::string_view text) {
  std::string g = guess(text);
  std::string hint = g.empty() ? std::string(kAcceptedForms)
                               : fmt::format("did you mean {}? ({})", g, kAcceptedForms);
  return DateError{fmt::format("'{}' is not a date iact understands", text), hint};
}

// YYYY-MM-DD or YYYY-MM; nullopt if the text has another shape.
std::optional<std::variant<Due, DateError>> parse_numeric(std::string_view text) {
  auto year = digits(text, 0, 4);
  if (!year || text.size() < 7 || text[4] != '-') return std::nullopt;
  auto month = digits(text, 5, 2);
  if (!month) return std::nullopt;
  if (text.size() == 7) {
    if (*month < 1 || *month > 12) {
      return DateError{fmt::format("'{}' has month {}; months run 01 to 12", text, *month),
                       std::string(kAcceptedForms)};
    }
    Date last{*year, *month, days_in_month(*year, *month)};
    return Due{Due::Kind::kDate, last, DateForm::kMonth, std::string(text)};
  }
  if (text.size() != 10 || text[7] != '-') return std::nullopt;
  auto day = digits(text, 8, 2);
  if (!day) return std::nullopt;
  if (*month < 1 || *month > 12) {
    return DateError{fmt::format("'{}' has month {}; months run 01 to 12", text, *month),
                     "write dates as year-month-day, e.g. 2024-10-30"};
  }
  const int max_day = days_in_month(*year, *month);
  if (*day < 1 || *day > max_day) {
    return DateError{fmt::format("'{}' does not exist: {} {} has {} days", text,
                                 kMonthNames[*month - 1], *year, max_day),
                     "check the day of the month"};
  }
  return Due{Due::Kind::kDate, Date{*year, *month, *day}, DateForm::kDay, std::string(text)};
}

// "Q2 2025/26": quarter 2 of the NHS financial year April 2025 - March 2026.
std::optional<std::variant<Due, DateError>> parse_quarter(std::string_view text) {
  if (text.size() < 2 || (text[0] != 'Q' && text[0] != 'q')) return std::nullopt;
  auto quarter = digits(text, 1, 1);
  if (!quarter) return std::nullopt;
  size_t pos = 2;
  while (pos < text.size() && text[pos] == ' ') ++pos;
  auto first = digits(text, pos, 4);
  if (!first || pos == 2 || text.size() != pos + 7 || text[pos + 4] != '/') {
    return DateError{fmt::format("'{}' is not a quarter iact understands", text),
                     "write NHS financial quarters as \"Q2 2025/26\" (Q1 is April to June)"};
  }
  auto second = digits(text, pos + 5, 2);
  if (!second || *second != (*first + 1) % 100) {
    return DateError{
        fmt::format("'{}' is not a financial year: the second year must follow the first", text),
        fmt::format("did you mean \"Q{} {}/{:02d}\"?", *quarter, *first, (*first + 1) % 100)};
  }
  if (*quarter < 1 || *quarter > 4) {
    return DateError{fmt::format("'{}' has quarter {}; quarters run Q1 to Q4", text, *quarter),
                     "Q1 is April-June, Q2 July-September, Q3 October-December, Q4 January-March"};
  }
  // Q1 ends 30 June, Q2 30 September, Q3 31 December (all of the first year), Q4 31 March.
  static constexpr std::array<int, 4> kEndMonth = {6, 9, 12, 3};
  const int year = *quarter == 4 ? *first + 1 : *first;
  const int month = kEndMonth[*quarter - 1];
  Date last{year, month, days_in_month(year, month)};
  return Due{Due::Kind::kDate, last, DateForm::kQuarter,
             fmt::format("Q{} {}/{:02d}", *quarter, *first, *second)};
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil / civil_from_days.
long Date::days() const {
  const int y = month <= 2 ? year - 1 : year;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(month > 2 ? month - 3 : month + 9);
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

Date Date::from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe) + static_cast<int>(era) * 400 + (m <= 2 ? 1 : 0);
  return Date{y, m, d};
}

std::string Date::iso() const {
  return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}

std::variant<Due, DateError> parse_due(std::string_view text) {
  const std::string folded = lowercase(text);
  if (folded == "tbc") return Due{Due::Kind::kTbc, {}, DateForm::kDay, "tbc"};
  if (folded == "ongoing") return Due{Due::Kind::kOngoing, {}, DateForm::kDay, "ongoing"};
  if (auto numeric = parse_numeric(text)) return *numeric;
  if (auto quarter = parse_quarter(text)) return *quarter;
  return unknown_form(text);
}

std::variant<Date, DateError> parse_date(std::string_view text) {
  auto parsed = parse_due(text);
  if (auto* error = std::get_if<DateError>(&parsed)) return *error;
  const Due& due = std::get<Due>(parsed);
  if (!due.is_date()) {
    return DateError{fmt::format("'{}' is not allowed here: this field needs a date", text),
                     "write the date, e.g. 2025-03-31 or 2025-03"};
  }
  return due.date;
}

std::optional<Date> parse_iso_day(std::string_view text) {
  auto parsed = parse_numeric(text);
  if (!parsed) return std::nullopt;
  const Due* due = std::get_if<Due>(&*parsed);
  if (!due || due->form != DateForm::kDay) return std::nullopt;
  return due->date;
}

std::string display(Date date) {
  return fmt::format("{} {} {}", date.day, kMonthNames[date.month - 1].substr(0, 3), date.year);
}

std::string display_long(Date date) {
  return fmt::format("{} {} {}", date.day, kMonthNames[date.month - 1], date.year);
}

std::string display(const Due& due) {
  switch (due.kind) {
    case Due::Kind::kTbc:
      return "TBC";
    case Due::Kind::kOngoing:
      return "Ongoing";
    case Due::Kind::kDate:
      break;
  }
  switch (due.form) {
    case DateForm::kDay:
      return display(due.date);
    case DateForm::kMonth:
      return fmt::format("{} {}", kMonthNames[due.date.month - 1], due.date.year);
    case DateForm::kQuarter:
      return due.text;
  }
  return due.text;
}

}  // namespace iact
