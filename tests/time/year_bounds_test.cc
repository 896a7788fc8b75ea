// Dates placed in the year next to a reference at the ends of the calendar:
// "next July" on 9999-12-31 has no year to go to, and must come back at once
// (the time fuzzer once found such searches running without end).
#include <gtest/gtest.h>

#include <chrono>

#include "extract/time/time_expression.h"

namespace kg {
namespace {

TEST(YearBoundsTest, PlacingPastTheLastYearEnds) {
  Result<TimeTagger> tagger = TimeTagger::Default();
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  const auto start = std::chrono::steady_clock::now();
  for (const Date& ref : {Date{9999, 12, 31}, Date{1, 1, 1}}) {
    for (const char* text : {"next July", "last summer", "next summer, two weeks ago", "in winter",
                             "on Dec. 15", "next Thanksgiving", "last spring"}) {
      const std::vector<TimeExpression> found = tagger->Find(text, ref);
      EXPECT_FALSE(found.empty()) << text;
    }
  }
  // Each answer takes microseconds; a search without end would not return.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

}  // namespace
}  // namespace kg
