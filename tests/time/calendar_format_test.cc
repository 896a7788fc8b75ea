// AppendPadded and the Format helpers write what printf's "%0Nd" wrote before
// them, for every value a resolver can produce (negative years and years past
// 9999 included).
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "extract/time/calendar.h"

namespace kg::timex {
namespace {

std::string Printf(const char* format, int value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

TEST(CalendarFormatTest, PaddedAsPrintf) {
  for (int value :
       {0,      1,  9,  10,  99,  100,  999,  1000,  2024,   9999,       10000,
        123456, -1, -9, -10, -99, -100, -999, -1000, -12345, 2147483647, -2147483647 - 1}) {
    for (auto [width, format] : {std::pair{2, "%02d"}, {3, "%03d"}, {4, "%04d"}}) {
      std::string out = "x";
      AppendPadded(&out, value, width);
      std::string expected = "x";
      expected += Printf(format, value);
      EXPECT_EQ(out, expected) << value << " width " << width;
    }
  }
}

// Every value around the widths' limits, where the one-append path hands
// over to the digit-by-digit one.
TEST(CalendarFormatTest, PaddedAsPrintfAroundTheLimits) {
  for (int value = -1100; value <= 11000; ++value) {
    for (auto [width, format] : {std::pair{1, "%01d"}, {2, "%02d"}, {3, "%03d"}, {4, "%04d"}}) {
      std::string out = "x";
      AppendPadded(&out, value, width);
      std::string expected = "x";
      expected += Printf(format, value);
      ASSERT_EQ(out, expected) << value << " width " << width;
    }
  }
}

// Days and months as printf wrote them, four-digit years and others, and
// months and days past two digits (which no resolver makes, but which must
// still be written whole).
TEST(CalendarFormatTest, DaysAndMonthsAsPrintf) {
  for (int year : {-10000, -44, -1, 0, 1, 9, 99, 987, 1999, 2024, 9999, 10000, 123456}) {
    for (int month : {-1, 0, 1, 9, 10, 12, 99, 100}) {
      for (int day : {-5, 0, 1, 9, 10, 31, 99, 100, 1000}) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
        EXPECT_EQ(FormatDay(Date{year, month, day}), buf) << year << " " << month << " " << day;
        std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
        EXPECT_EQ(FormatMonth(year, month), buf) << year << " " << month;
      }
    }
  }
}

TEST(CalendarFormatTest, FormatHelpers) {
  EXPECT_EQ(FormatYear(987), "0987");
  EXPECT_EQ(FormatMonth(2024, 3), "2024-03");
  EXPECT_EQ(FormatDay(Date{-44, 3, 15}), "-044-03-15");
  EXPECT_EQ(FormatWeek(IsoWeek{2020, 53}), "2020-W53");
}

}  // namespace
}  // namespace kg::timex
