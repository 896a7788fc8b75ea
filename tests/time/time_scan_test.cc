// TimeScan: tagging a text a piece at a time must give exactly Find's list,
// whatever the limits, including limits inside an expression.
#include <gtest/gtest.h>

#include "extract/time/time_expression.h"

namespace kg {
namespace {

std::string Describe(const std::vector<TimeExpression>& list) {
  std::string out;
  for (const TimeExpression& t : list) {
    out +=
        std::to_string(t.begin) + "-" + std::to_string(t.end) + " " + t.value + " " + t.type + "; ";
  }
  return out;
}

TEST(TimeScanTest, PiecesGiveFindsList) {
  Result<TimeTagger> tagger = TimeTagger::Default();
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  const std::vector<std::string> texts = {
      "Musk bought Twitter in October 2022. Two years ago he sold shares; last week, on "
      "Monday, he said he will buy more next year. Since 2019-05-04 the firm grew.",
      "On 5 March 2021 and again on March 6, 2021, officials met. The deal closed in the "
      "third quarter of 2020, about three months later than planned, at 10:30 a.m.",
      "No time here at all.",
  };
  const Date reference{2024, 1, 15};
  for (const std::string& text : texts) {
    const std::vector<TimeExpression> whole = tagger->Find(text, reference);
    ASSERT_FALSE(text != texts[2] && whole.empty()) << text;
    for (size_t step : {1, 3, 7, 20, 64}) {
      TimeScan scan(*tagger, text, reference);
      std::vector<TimeExpression> pieces;
      for (size_t limit = step; limit < text.size() + step; limit += step) {
        scan.Until(std::min(limit, text.size()), &pieces);
        // Everything that begins before the limit is there, nothing else.
        for (const TimeExpression& t : pieces) EXPECT_LT(t.begin, std::min(limit, text.size()));
        size_t expected = 0;
        while (expected < whole.size() && whole[expected].begin < limit) ++expected;
        EXPECT_EQ(pieces.size(), expected) << "step " << step << " limit " << limit;
      }
      EXPECT_EQ(Describe(pieces), Describe(whole)) << "step " << step;
    }
  }
}

}  // namespace
}  // namespace kg
