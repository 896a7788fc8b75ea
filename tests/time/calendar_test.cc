// ISO weeks, seasons and the day spans of TIMEX3 values.
#include "extract/time/calendar.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace kg::timex {
namespace {

TEST(CalendarTest, IsoWeeks) {
  struct {
    Date day;
    int year, week;
  } rows[] = {
      {{2024, 3, 13}, 2024, 11}, {{2021, 1, 1}, 2020, 53},   {{2019, 12, 30}, 2020, 1},
      {{2013, 3, 22}, 2013, 12}, {{2015, 12, 31}, 2015, 53}, {{2024, 1, 1}, 2024, 1},
  };
  for (const auto& row : rows) {
    IsoWeek w = IsoWeekOf(row.day);
    EXPECT_EQ(w.year, row.year) << row.day.ToString();
    EXPECT_EQ(w.week, row.week) << row.day.ToString();
    EXPECT_EQ(MondayOfIsoWeek(w.year, w.week).Weekday(), 0);
  }
}

TEST(CalendarTest, SpansOfValues) {
  struct {
    const char* value;
    const char* start;
    const char* end;
  } rows[] = {
      {"2024", "2024-01-01", "2024-12-31"},
      {"2024-02", "2024-02-01", "2024-02-29"},
      {"2023-02", "2023-02-01", "2023-02-28"},
      {"2024-03-13", "2024-03-13", "2024-03-13"},
      {"2024-03-13TMO", "2024-03-13", "2024-03-13"},
      {"2024-W11", "2024-03-11", "2024-03-17"},
      {"2024-W11-WE", "2024-03-16", "2024-03-17"},
      {"2023-Q4", "2023-10-01", "2023-12-31"},
      {"2023-H1", "2023-01-01", "2023-06-30"},
      {"2023-SP", "2023-03-01", "2023-05-31"},
      {"2023-SU", "2023-06-01", "2023-08-31"},
      {"2023-FA", "2023-09-01", "2023-11-30"},
      {"2023-WI", "2023-12-01", "2024-02-29"},
      {"199", "1990-01-01", "1999-12-31"},
      {"19", "1900-01-01", "1999-12-31"},
  };
  for (const auto& row : rows) {
    std::optional<DaySpan> span = SpanOfValue(row.value);
    ASSERT_TRUE(span.has_value()) << row.value;
    EXPECT_EQ(span->start.ToString(), row.start) << row.value;
    EXPECT_EQ(span->end.ToString(), row.end) << row.value;
  }
}

// The span of a year and the rest of a value is the span of the value
// written out, for every four-digit year and rests that have a span and
// rests that have none.
TEST(CalendarTest, SpanOfYearAndIsSpanOfTheValue) {
  const std::vector<std::string> rests = {
      "01",     "02",    "12",    "13",    "00", "1",     "SP", "SU",  "FA",  "WI",
      "XX",     "Q1",    "Q4",    "Q5",    "H1", "H2",    "H3", "W01", "W53", "W54",
      "W10-WE", "02-29", "02-30", "12-31", "",   "05T10", "T",  "WE",  "05-"};
  for (int year = 0; year <= 9999; ++year) {
    for (const std::string& rest : rests) {
      const std::optional<DaySpan> whole = SpanOfValue(FormatYear(year) + "-" + rest);
      const std::optional<DaySpan> split = SpanOfYearAnd(year, rest);
      ASSERT_EQ(whole.has_value(), split.has_value()) << year << " " << rest;
      if (whole) {
        ASSERT_EQ(whole->start, split->start) << year << " " << rest;
        ASSERT_EQ(whole->end, split->end) << year << " " << rest;
      }
    }
  }
}

TEST(CalendarTest, ValuesWithoutASpan) {
  for (const char* value : {"P1M", "PRESENT_REF", "XXXX-10", "2024-13", "2023-02-29", "2024-W54",
                            "2024-Q5", "20X", "", "2024-XX"}) {
    EXPECT_FALSE(SpanOfValue(value).has_value()) << value;
  }
}

}  // namespace
}  // namespace kg::timex
