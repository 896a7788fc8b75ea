#include "graph/model/date.h"

#include <gtest/gtest.h>

namespace kg {
namespace {

TEST(DateTest, RoundTripsThroughDayNumbers) {
  for (int64_t d = -800000; d < 800000; d += 37) {
    EXPECT_EQ(Date::FromDays(d).ToDays(), d);
  }
  EXPECT_EQ((Date{1970, 1, 1}).ToDays(), 0);
  EXPECT_EQ((Date{2024, 3, 1}).AddDays(-1), (Date{2024, 2, 29}));
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
