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
      EXPECT_EQ(out, "x" + Printf(format, value)) << value << " width " << width;
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
