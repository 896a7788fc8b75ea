// TimeScan: tagging a text a piece at a time must give exactly Find's list,
// whatever the limits, including limits inside an expression; tagging one
// piece alone (Within) gives what lies in it, none running past its end.
#include <gtest/gtest.h>

#include <random>

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

// Find's expressions that lie in text[begin, end), in order.
std::vector<TimeExpression> Inside(const std::vector<TimeExpression>& list, size_t begin,
                                   size_t end) {
  std::vector<TimeExpression> out;
  for (const TimeExpression& t : list) {
    if (t.begin >= begin && t.end <= end) out.push_back(t);
  }
  return out;
}

bool Crosses(const std::vector<TimeExpression>& list, size_t at) {
  for (const TimeExpression& t : list) {
    if (t.begin < at && at < t.end) return true;
  }
  return false;
}

// Where no expression of the whole text crosses a piece's edge, the piece's
// own scan finds exactly the whole text's expressions inside it: the bytes
// before and after it are still read as context (tense cues in the sentence
// before, "ago" conditions after), not cut off.
TEST(TimeScanTest, WithinAPieceGivesFindsExpressionsInIt) {
  Result<TimeTagger> tagger = TimeTagger::Default();
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  const std::vector<std::string> words = {
      "Musk",  "said",     "he",    "will", "buy",   "Twitter", "in",      "October", "2022",
      "two",   "years",    "ago",   "last", "week",  "on",      "Monday",  "next",    "year",
      "March", "6,",       "2021",  "the",  "deal",  "closed",  "third",   "quarter", "of",
      "since", "mid-2020", "10:30", "a.m.", "later", "Friday",  "morning", "summer",  "this"};
  std::mt19937 random(7);
  const Date reference{2024, 1, 15};
  size_t pieces = 0, found = 0;
  for (int n = 0; n < 300; ++n) {
    // Sentences, some ending without a period (headlines), and the pieces
    // [begin, end) they take.
    std::string text;
    std::vector<std::pair<size_t, size_t>> spans;
    const int sentences = 1 + static_cast<int>(random() % 4);
    for (int s = 0; s < sentences; ++s) {
      if (s > 0) text += random() % 3 == 0 ? "\n\n" : " ";
      const size_t begin = text.size();
      text += "Then";
      const int length = 2 + static_cast<int>(random() % 10);
      for (int w = 0; w < length; ++w) text += " " + words[random() % words.size()];
      if (random() % 4 != 0) text += ".";
      spans.emplace_back(begin, text.size());
    }
    const std::vector<TimeExpression> whole = tagger->Find(text, reference);
    const TimeScan scan(*tagger, text, reference);
    for (const auto& [begin, end] : spans) {
      if (Crosses(whole, begin) || Crosses(whole, end)) continue;
      std::vector<TimeExpression> within;
      scan.Within(begin, end, &within);
      EXPECT_EQ(Describe(within), Describe(Inside(whole, begin, end)))
          << text.substr(begin, end - begin) << " in " << text;
      ++pieces;
      found += within.size();
    }
  }
  EXPECT_GT(pieces, 300u);
  EXPECT_GT(found, 100u);
}

// Sentence splits the time rules would otherwise run over (a headline or
// dateline line, a blank line): each side is scanned on its own. Find, which
// knows no sentences, still reads them as one expression.
TEST(TimeScanTest, WithinStopsAnExpressionAtThePiecesEnd) {
  Result<TimeTagger> tagger = TimeTagger::Default();
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  const Date reference{2024, 3, 13};
  struct Case {
    std::string text;
    size_t split;       // where the first sentence ends; the second begins past the breaks
    std::string whole;  // Describe(Find)
    std::string first;  // Describe(Within) of the first sentence
  };
  const Case cases[] = {
      {"Stocks slide on Monday\n\nMorning trade was thin.", 22, "16-31 2024-03-11TMO TIME; ",
       "16-22 2024-03-11 DATE; "},
      {"Updated March 3\n2021 was the year.", 15, "8-20 2021-03-03 DATE; ",
       "8-15 2024-03-03 DATE; "},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Describe(tagger->Find(c.text, reference)), c.whole) << c.text;
    const TimeScan scan(*tagger, c.text, reference);
    std::vector<TimeExpression> first;
    scan.Within(0, c.split, &first);
    EXPECT_EQ(Describe(first), c.first) << c.text;
    // Nothing of the first sentence's expression is left to the second.
    size_t second_begin = c.split;
    while (c.text[second_begin] == '\n') ++second_begin;
    std::vector<TimeExpression> second;
    scan.Within(second_begin, c.text.size(), &second);
    for (const TimeExpression& t : second) EXPECT_GE(t.begin, second_begin) << c.text;
  }
}

}  // namespace
}  // namespace kg
