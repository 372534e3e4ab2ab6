#include "plan/date.h"

#include <gtest/gtest.h>

namespace iact {
namespace {

Due due_of(std::string_view text) {
  auto parsed = parse_due(text);
  EXPECT_TRUE(std::holds_alternative<Due>(parsed)) << text;
  return std::holds_alternative<Due>(parsed) ? std::get<Due>(parsed) : Due{};
}

DateError error_of(std::string_view text) {
  auto parsed = parse_due(text);
  EXPECT_TRUE(std::holds_alternative<DateError>(parsed)) << text;
  return std::holds_alternative<DateError>(parsed) ? std::get<DateError>(parsed) : DateError{};
}

TEST(Date, IsoDay) {
  Due d = due_of("2024-10-30");
  EXPECT_EQ(d.kind, Due::Kind::kDate);
  EXPECT_EQ(d.form, DateForm::kDay);
  EXPECT_EQ(d.date, (Date{2024, 10, 30}));
}

TEST(Date, MonthMeansItsLastDay) {
  EXPECT_EQ(due_of("2025-07").date, (Date{2025, 7, 31}));
  EXPECT_EQ(due_of("2024-02").date, (Date{2024, 2, 29}));  // leap year
  EXPECT_EQ(due_of("2025-02").date, (Date{2025, 2, 28}));
  EXPECT_EQ(due_of("2025-07").form, DateForm::kMonth);
}

struct QuarterCase {
  const char* text;
  Date end;
};

TEST(Date, NhsFinancialQuartersEndOnTheirLastDay) {
  const QuarterCase cases[] = {
      {"Q1 2025/26", {2025, 6, 30}}, {"Q2 2025/26", {2025, 9, 30}}, {"Q3 2025/26", {2025, 12, 31}},
      {"Q4 2025/26", {2026, 3, 31}}, {"q2 2024/25", {2024, 9, 30}}, {"Q2  2025/26", {2025, 9, 30}},
      {"Q4 1999/00", {2000, 3, 31}},
  };
  for (const auto& c : cases) {
    Due d = due_of(c.text);
    EXPECT_EQ(d.date, c.end) << c.text;
    EXPECT_EQ(d.form, DateForm::kQuarter) << c.text;
  }
}

TEST(Date, TbcAndOngoingInAnyCase) {
  EXPECT_EQ(due_of("tbc").kind, Due::Kind::kTbc);
  EXPECT_EQ(due_of("TBC").kind, Due::Kind::kTbc);
  EXPECT_EQ(due_of("Ongoing").kind, Due::Kind::kOngoing);
}

TEST(Date, ImpossibleDatesAreErrorsThatSayWhy) {
  EXPECT_EQ(error_of("2025-02-30").message,
            "'2025-02-30' does not exist: February 2025 has 28 days");
  EXPECT_EQ(error_of("2025-04-31").message, "'2025-04-31' does not exist: April 2025 has 30 days");
  EXPECT_NE(error_of("2025-13-01").message.find("months run 01 to 12"), std::string::npos);
  EXPECT_NE(error_of("2025-00").message.find("months run 01 to 12"), std::string::npos);
}

TEST(Date, BadQuartersAreErrors) {
  EXPECT_NE(error_of("Q5 2025/26").message.find("quarters run Q1 to Q4"), std::string::npos);
  DateError years = error_of("Q2 2025/27");
  EXPECT_NE(years.message.find("second year must follow"), std::string::npos);
  EXPECT_EQ(years.hint, "did you mean \"Q2 2025/26\"?");
  EXPECT_NE(error_of("Q2 2025").hint.find("Q2 2025/26"), std::string::npos);
}

TEST(Date, UnknownFormsListTheAcceptedFormsAndGuess) {
  DateError e = error_of("30.10.24");
  EXPECT_EQ(e.message, "'30.10.24' is not a date iact understands");
  EXPECT_NE(e.hint.find("did you mean 2024-10-30?"), std::string::npos);
  EXPECT_NE(e.hint.find("accepted forms"), std::string::npos);
  EXPECT_NE(error_of("end of July 2025").hint.find("did you mean 2025-07?"), std::string::npos);
  DateError plain = error_of("soon");
  EXPECT_EQ(plain.hint.rfind("accepted forms", 0), 0u);
  EXPECT_TRUE(std::holds_alternative<DateError>(parse_due("")));
}

TEST(Date, TheHintForADayInWordsIsThatDay) {
  EXPECT_NE(error_of("15 March 2026").hint.find("did you mean 2026-03-15?"), std::string::npos);
}

// Every form a tracker or board paper writes, and the plan form it becomes.
TEST(Date, WrittenFormsKeepTheirForm) {
  const std::pair<const char*, const char*> cases[] = {
      {"31/03/2025", "2025-03-31"},
      {"31.03.25", "2025-03-31"},
      {"1/4/2025", "2025-04-01"},
      {"31-03-2025", "2025-03-31"},
      {"2025-03-31", "2025-03-31"},
      {"31 March 2025", "2025-03-31"},
      {"31st Mar 25", "2025-03-31"},
      {"1st April 2026", "2026-04-01"},
      {"31-Mar-2025", "2025-03-31"},
      {"Jun-25", "2025-06"},
      {"July 2025", "2025-07"},
      {"Sept 2025", "2025-09"},
      {"March-26", "2026-03"},
      {"03/2026", "2026-03"},
      {"2025-07", "2025-07"},
      {"end of March 2026", "2026-03"},
      {"End March 2026", "2026-03"},
      {"by 31/03/2026", "2026-03-31"},
      {"by the end of June 2025", "2025-06"},
      {"Q4 2025/26", "Q4 2025/26"},
      {"q2 2025/26", "Q2 2025/26"},
      {"Q4 25/26", "Q4 2025/26"},
      {"Q3 2025-26", "Q3 2025/26"},
      {"Q1 2026/2027", "Q1 2026/27"},
      {"2025/26 Q4", "Q4 2025/26"},
      {"Q4 FY25/26", "Q4 2025/26"},
      {"2025/26", "Q4 2025/26"},
      {"TBC", "tbc"},
      {"tba", "tbc"},
      {"To be confirmed", "tbc"},
      {"Ongoing", "ongoing"},
      {"On-going", "ongoing"},
      {"BAU", "ongoing"},
      {"  30.10.24 ", "2024-10-30"},
  };
  for (const auto& [written, plan] : cases) {
    auto parsed = parse_written_due(written);
    ASSERT_TRUE(std::holds_alternative<Due>(parsed)) << written;
    EXPECT_EQ(plan_form(std::get<Due>(parsed)), plan) << written;
  }
  EXPECT_EQ(std::get<Due>(parse_written_due("Jun-25")).date, (Date{2025, 6, 30}));
  EXPECT_EQ(std::get<Due>(parse_written_due("Q4 25/26")).date, (Date{2026, 3, 31}));
}

TEST(Date, WrittenFormsThatAreNotDates) {
  for (const char* bad : {"31/02/2025", "03/31/2025", "soon", "next year", "2026", "Q5 2025/26",
                          "Q4 2025/27", "", "March", "32/01/2025", "1/2/3/4", "31 Foo 2025"}) {
    auto parsed = parse_written_due(bad);
    ASSERT_TRUE(std::holds_alternative<DateError>(parsed)) << bad;
    EXPECT_NE(std::get<DateError>(parsed).hint.find("a month (March 2026)"), std::string::npos);
  }
}

TEST(Date, ParseDateRefusesTbc) {
  auto parsed = parse_date("tbc");
  ASSERT_TRUE(std::holds_alternative<DateError>(parsed));
  EXPECT_NE(std::get<DateError>(parsed).message.find("needs a date"), std::string::npos);
  EXPECT_EQ(std::get<Date>(parse_date("2025-03")), (Date{2025, 3, 31}));
}

TEST(Date, DayArithmeticRoundTrips) {
  EXPECT_EQ((Date{1970, 1, 1}).days(), 0);
  EXPECT_EQ((Date{2024, 3, 1}).days() - (Date{2024, 2, 28}).days(), 2);
  for (long d = -800000; d < 800000; d += 997) {
    EXPECT_EQ(Date::from_days(d).days(), d);
  }
  EXPECT_EQ((Date{2024, 12, 31}).plus_days(1), (Date{2025, 1, 1}));
}

TEST(Date, AsOfAcceptsOnlyDays) {
  EXPECT_EQ(parse_iso_day("2025-06-30"), (Date{2025, 6, 30}));
  EXPECT_FALSE(parse_iso_day("2025-06"));
  EXPECT_FALSE(parse_iso_day("Q1 2025/26"));
  EXPECT_FALSE(parse_iso_day("2025-02-29"));
}

TEST(Date, DisplayReadsLikeAPaper) {
  EXPECT_EQ(display(due_of("2024-10-30")), "30 Oct 2024");
  EXPECT_EQ(display(due_of("2025-07")), "July 2025");
  EXPECT_EQ(display(due_of("Q2 2025/26")), "Q2 2025/26");
  EXPECT_EQ(display(due_of("tbc")), "TBC");
}

}  // namespace
}  // namespace iact

namespace iact {
namespace {

// A date keeps the precision it was written with: a month reads as a month, a quarter as a
// quarter, in every report; the form plays no part in comparing dates.
TEST(DatePrecision, AMonthStaysAMonth) {
  auto month = std::get<Date>(parse_date("2024-10"));
  EXPECT_EQ(month, (Date{2024, 10, 31}));
  EXPECT_EQ(display(month), "October 2024");
  EXPECT_EQ(display_long(month), "October 2024");
  EXPECT_EQ(plan_form(month), "2024-10");
  EXPECT_EQ(month.first_day(), (Date{2024, 10, 1}));
  auto quarter = std::get<Date>(parse_date("Q4 2024/25"));
  EXPECT_EQ(quarter, (Date{2025, 3, 31}));
  EXPECT_EQ(display(quarter), "Q4 2024/25");
  EXPECT_EQ(quarter.first_day(), (Date{2025, 1, 1}));
  auto day = std::get<Date>(parse_date("2024-10-31"));
  EXPECT_EQ(display(day), "31 Oct 2024");
  EXPECT_EQ(display_long(day), "31 October 2024");
  EXPECT_TRUE(day == month);                           // the same day however written
  EXPECT_EQ(display(day.plus_days(1)), "1 Nov 2024");  // arithmetic gives days
}

}  // namespace
}  // namespace iact
