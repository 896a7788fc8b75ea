#include "graph/model/date.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace kg {
namespace {

TEST(DateTest, RoundTripsThroughDayNumbers) {
  for (int64_t d = -800000; d < 800000; d += 37) {
    EXPECT_EQ(Date::FromDays(d).ToDays(), d);
  }
  EXPECT_EQ((Date{1970, 1, 1}).ToDays(), 0);
  EXPECT_EQ((Date{2024, 3, 1}).AddDays(-1), (Date{2024, 2, 29}));
}

TEST(DateTest, WritesWhatThePrintfFormatWrites) {
  // ToString has a digit-by-digit path for ordinary fields and printf for the rest.
  auto printf_form = [](const Date& d) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return std::string(buf);
  };
  for (int64_t n = -800000; n < 2950000; n += 17) {
    Date d = Date::FromDays(n);
    ASSERT_EQ(d.ToString(), printf_form(d));
  }
  for (Date d : {Date{0, 0, 0}, Date{9999, 99, 99}, Date{10000, 1, 1}, Date{-5, 1, 1},
                 Date{2024, 100, 7}, Date{2024, 7, -1}, Date{7, 3, 4}}) {
    EXPECT_EQ(d.ToString(), printf_form(d));
  }
  EXPECT_EQ((Date{2024, 3, 9}).ToString(), "2024-03-09");
}

TEST(DateTest, KnowsWeekdays) {
  EXPECT_EQ((Date{2024, 11, 5}).Weekday(), 1);  // a Tuesday
  EXPECT_EQ((Date{2021, 1, 6}).Weekday(), 2);   // a Wednesday
}

TEST(DateTest, ParsesOnlyRealCalendarDays) {
  EXPECT_EQ(ParseDate("2024-02-29"), (Date{2024, 2, 29}));
  EXPECT_FALSE(ParseDate("2023-02-29"));
  EXPECT_FALSE(ParseDate("2023-13-01"));
  EXPECT_FALSE(ParseDate("2023-1-01"));
  EXPECT_FALSE(ParseDate("20230101"));
  EXPECT_FALSE(ParseDate(""));
}

TEST(DateTest, SpansCoverWholeYearsAndMonths) {
  EXPECT_EQ(ParseDateSpan("2021"), (DaySpan{{2021, 1, 1}, {2021, 12, 31}}));
  EXPECT_EQ(ParseDateSpan("2024-02"), (DaySpan{{2024, 2, 1}, {2024, 2, 29}}));
  EXPECT_EQ(ParseDateSpan("2024-02-03"), (DaySpan{{2024, 2, 3}, {2024, 2, 3}}));
  EXPECT_FALSE(ParseDateSpan("2024-00"));
  EXPECT_FALSE(ParseDateSpan("24"));
  EXPECT_TRUE(ParseDateSpan("2021")->Overlaps(*ParseDateSpan("2021-12-31")));
  EXPECT_FALSE(ParseDateSpan("2021")->Overlaps(*ParseDateSpan("2022-01")));
}

}  // namespace
}  // namespace kg
