#include "plan/date.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <vector>

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

DateError unknown_form(std::string_view text) {
  // For text in none of the plan's forms, offer the date the writer meant, in a plan's form.
  std::string g;
  if (auto meant = parse_written_due(text); std::holds_alternative<Due>(meant))
    g = plan_form(std::get<Due>(meant));
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
             fmt::format("Q{} {:04d}/{:02d}", *quarter, *first, *second)};
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

namespace {

// A parsed due date's day carries the form it was written in.
std::variant<Due, DateError> with_form(std::variant<Due, DateError> parsed) {
  if (Due* due = std::get_if<Due>(&parsed)) due->date.form = due->form;
  return parsed;
}

std::variant<Due, DateError> parse_due_as_written(std::string_view text) {
  const std::string folded = lowercase(text);
  if (folded == "tbc") return Due{Due::Kind::kTbc, {}, DateForm::kDay, "tbc"};
  if (folded == "ongoing") return Due{Due::Kind::kOngoing, {}, DateForm::kDay, "ongoing"};
  if (auto numeric = parse_numeric(text)) return *numeric;
  if (auto quarter = parse_quarter(text)) return *quarter;
  return unknown_form(text);
}

}  // namespace

std::variant<Due, DateError> parse_due(std::string_view text) {
  return with_form(parse_due_as_written(text));
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

Due month_due(int y, int m) {
  return Due{Due::Kind::kDate, Date{y, m, days_in_month(y, m), DateForm::kMonth}, DateForm::kMonth,
             fmt::format("{:04d}-{:02d}", y, m)};
}

namespace {

// Words and numbers of free text: "end of March 2026" -> end, of, march, 2026; "31/03/25"
// -> 31, 03, 25 with the separators kept apart.
struct Token {
  std::string text;  // lower case
  bool number = false;
};

std::vector<Token> tokens_of(std::string_view text) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::isdigit(c)) {
      size_t j = i;
      while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
      // 1st, 2nd, 3rd, 31st: the suffix belongs to the number.
      std::string_view rest = text.substr(j, 2);
      const std::string low = lowercase(rest);
      if (low == "st" || low == "nd" || low == "rd" || low == "th") {
        if (j + 2 >= text.size() || !std::isalpha(static_cast<unsigned char>(text[j + 2]))) {
          out.push_back({std::string(text.substr(i, j - i)), true});
          i = j + 2;
          continue;
        }
      }
      out.push_back({std::string(text.substr(i, j - i)), true});
      i = j;
    } else if (std::isalpha(c)) {
      size_t j = i;
      while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
      out.push_back({lowercase(text.substr(i, j - i)), false});
      i = j;
    } else if (c == '/' || c == '.' || c == '-') {
      out.push_back({std::string(1, static_cast<char>(c)), false});
      ++i;
    } else {
      ++i;  // spaces, commas, brackets
    }
  }
  return out;
}

int year_of(const Token& t) {
  const int v = std::stoi(t.text.size() > 6 ? "0" : t.text);
  if (t.text.size() == 2) return 2000 + v;
  if (t.text.size() == 4) return v;
  return -1;
}

Due day_due(int y, int m, int d) {
  return Due{Due::Kind::kDate, Date{y, m, d}, DateForm::kDay, Date{y, m, d}.iso()};
}

std::optional<Due> quarter_due(int quarter, int first_year) {
  if (quarter < 1 || quarter > 4 || first_year < 1900 || first_year > 9998) return std::nullopt;
  auto parsed =
      parse_quarter(fmt::format("Q{} {}/{:02d}", quarter, first_year, (first_year + 1) % 100));
  if (!parsed) return std::nullopt;
  if (const Due* d = std::get_if<Due>(&*parsed)) return *d;
  return std::nullopt;
}

bool valid_day(int y, int m, int d) {
  return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

// The forms board papers and trackers use, once the words around them are gone.
std::optional<Due> parse_written_tokens(const std::vector<Token>& t) {
  auto is = [&](size_t i, std::string_view s) { return i < t.size() && t[i].text == s; };
  auto num = [&](size_t i) { return i < t.size() && t[i].number; };
  auto sep = [&](size_t i) { return is(i, "/") || is(i, ".") || is(i, "-"); };
  const size_t n = t.size();
  // 31/03/2025, 31.03.25, 31-03-2025 (day first, as the NHS writes dates)
  if (n == 5 && num(0) && sep(1) && num(2) && is(3, t[1].text) && num(4) && t[0].text.size() <= 2 &&
      t[2].text.size() <= 2) {
    const int d = std::stoi(t[0].text), m = std::stoi(t[2].text), y = year_of(t[4]);
    if (valid_day(y, m, d)) return day_due(y, m, d);
    return std::nullopt;
  }
  // 31 March 2025, 31 Mar 25, 31-Mar-2025
  {
    std::vector<Token> w;
    for (const Token& x : t) {
      if (x.text != "-") w.push_back(x);  // 31-Mar-2025, Jun-25
    }
    auto wnum = [&](size_t i) { return i < w.size() && w[i].number; };
    auto wmonth = [&](size_t i) -> std::optional<int> {
      if (i >= w.size() || w[i].number) return std::nullopt;
      return month_from_name(w[i].text);
    };
    if (w.size() == 3 && wnum(0) && wmonth(1) && wnum(2) && w[0].text.size() <= 2) {
      const int d = std::stoi(w[0].text), m = *wmonth(1), y = year_of(w[2]);
      if (valid_day(y, m, d)) return day_due(y, m, d);
      return std::nullopt;
    }
    // March 2026, Jun-25, Mar 26, March-2026
    if (w.size() == 2 && wmonth(0) && wnum(1) && (w[1].text.size() == 2 || w[1].text.size() == 4)) {
      const int y = year_of(w[1]);
      if (y >= 1900 && y <= 9999) return month_due(y, *wmonth(0));
    }
  }
  // 03/2026, 2026/03 (a month)
  if (n == 3 && num(0) && (is(1, "/") || is(1, ".")) && num(2)) {
    if (t[0].text.size() <= 2 && t[2].text.size() == 4) {
      const int m = std::stoi(t[0].text), y = year_of(t[2]);
      if (m >= 1 && m <= 12) return month_due(y, m);
    }
  }
  // Quarters: Q4 2025/26, Q4 25/26, Q4 2025-26, Q4 2025/2026, 2025/26 Q4, Q4 FY25/26
  {
    std::vector<Token> w;
    for (const Token& x : t) {
      if (x.text != "fy") w.push_back(x);
    }
    auto quarter_at = [&](size_t i) -> int {
      if (i < w.size() && !w[i].number && w[i].text == "q" && i + 1 < w.size() && w[i + 1].number)
        return std::stoi(w[i + 1].text.size() == 1 ? w[i + 1].text : "0");
      return 0;
    };
    auto year_pair = [&](size_t i) -> int {  // 2025/26 at i..i+2: the first year, or 0
      if (i + 2 >= w.size() || !w[i].number || !(w[i + 1].text == "/" || w[i + 1].text == "-") ||
          !w[i + 2].number)
        return 0;
      const int a = year_of(w[i]);
      const int b = year_of(w[i + 2]);
      return a > 0 && b == a + 1 ? a : 0;
    };
    // The tokeniser reads "Q4" as q, 4.
    if (w.size() == 5 && quarter_at(0) > 0) {
      if (const int a = year_pair(2)) return quarter_due(quarter_at(0), a);
    }
    if (w.size() == 5 && quarter_at(3) > 0) {
      if (const int a = year_pair(0)) return quarter_due(quarter_at(3), a);
    }
    // A financial year on its own, 2025/26: due at its end.
    if (w.size() == 3) {
      if (const int a = year_pair(0)) return quarter_due(4, a);
    }
  }
  return std::nullopt;
}

}  // namespace

namespace {

std::variant<Due, DateError> parse_written_as_written(std::string_view text) {
  const std::string_view trimmed = trim(text);
  const std::string folded = lowercase(trimmed);
  static constexpr std::string_view kTbc[] = {
      "tbc", "tba", "tbd", "to be confirmed", "to be agreed", "to be determined"};
  static constexpr std::string_view kOngoing[] = {"ongoing", "on-going",          "on going",
                                                  "bau",     "business as usual", "continuous"};
  for (std::string_view w : kTbc) {
    if (folded == w) return Due{Due::Kind::kTbc, {}, DateForm::kDay, "tbc"};
  }
  for (std::string_view w : kOngoing) {
    if (folded == w) return Due{Due::Kind::kOngoing, {}, DateForm::kDay, "ongoing"};
  }
  // The plan's own forms (not parse_due, whose error hint comes back here).
  if (auto numeric = parse_numeric(trimmed); numeric && std::holds_alternative<Due>(*numeric))
    return *numeric;
  if (auto quarter = parse_quarter(trimmed); quarter && std::holds_alternative<Due>(*quarter))
    return *quarter;
  std::vector<Token> t = tokens_of(text);
  // Words around the date that do not change it: "end of March 2026", "by 31/03/2026".
  static constexpr std::string_view kLead[] = {"by",     "end",   "of", "the",
                                               "before", "close", "w",  "e"};
  size_t skip = 0;
  while (skip < t.size() && !t[skip].number &&
         std::find(std::begin(kLead), std::end(kLead), t[skip].text) != std::end(kLead) &&
         !month_from_name(t[skip].text)) {
    ++skip;
  }
  t.erase(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(skip));
  if (auto due = parse_written_tokens(t)) return *due;
  return DateError{fmt::format("'{}' is not a date iact understands", text),
                   "write a day (31/03/2026 or 2026-03-31), a month (March 2026), an NHS "
                   "quarter (Q4 2025/26), TBC or Ongoing"};
}

}  // namespace

std::variant<Due, DateError> parse_written_due(std::string_view text) {
  return with_form(parse_written_as_written(text));
}

std::string plan_form(const Due& due) {
  switch (due.kind) {
    case Due::Kind::kTbc:
      return "tbc";
    case Due::Kind::kOngoing:
      return "ongoing";
    case Due::Kind::kDate:
      break;
  }
  switch (due.form) {
    case DateForm::kDay:
      return due.date.iso();
    case DateForm::kMonth:
      return fmt::format("{:04d}-{:02d}", due.date.year, due.date.month);
    case DateForm::kQuarter:
      return due.text;
  }
  return due.text;
}

namespace {

// "Q2 2025/26": the NHS financial quarter that ends in the month of `date`.
std::string quarter_name(Date date) {
  const int quarter = date.month <= 3 ? 4 : (date.month - 1) / 3;
  const int first = date.month <= 3 ? date.year - 1 : date.year;
  return fmt::format("Q{} {:04d}/{:02d}", quarter, first, (first + 1) % 100);
}

}  // namespace

Date Date::first_day() const {
  switch (form) {
    case DateForm::kDay:
      return *this;
    case DateForm::kMonth:
      return Date{year, month, 1, form};
    case DateForm::kQuarter: {
      const int m = month - 2;  // a quarter ends in its third month
      return m >= 1 ? Date{year, m, 1, form} : Date{year - 1, m + 12, 1, form};
    }
  }
  return *this;
}

std::string display(Date date) {
  switch (date.form) {
    case DateForm::kDay:
      break;
    case DateForm::kMonth:
      return month_year(date);
    case DateForm::kQuarter:
      return quarter_name(date);
  }
  return fmt::format("{} {} {}", date.day, kMonthNames[date.month - 1].substr(0, 3), date.year);
}

std::string display_long(Date date) {
  if (!date.is_day()) return display(date);
  return fmt::format("{} {} {}", date.day, kMonthNames[date.month - 1], date.year);
}

std::string month_year(Date date) {
  return fmt::format("{} {}", kMonthNames[date.month - 1], date.year);
}

std::string plan_form(Date date) {
  switch (date.form) {
    case DateForm::kDay:
      break;
    case DateForm::kMonth:
      return fmt::format("{:04d}-{:02d}", date.year, date.month);
    case DateForm::kQuarter:
      return quarter_name(date);
  }
  return date.iso();
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
