// Table-driven tests of the built-in time rules: each row is a text, a
// reference date (or none) and the expression expected in it.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "extract/time/time_expression.h"

namespace kg {
namespace {

struct Row {
  const char* text;
  const char* reference;  // "" = no reference date
  const char* expected;   // the expression's text
  const char* value;
  const char* type;
  const char* start;  // "" = no start/end
  const char* end;
};

const Row kRows[] = {
    // Absolute dates.
    {"Nov. 5, 2024", "", "Nov. 5, 2024", "2024-11-05", "DATE", "2024-11-05", "2024-11-05"},
    {"in November 2022 the", "", "November 2022", "2022-11", "DATE", "2022-11-01", "2022-11-30"},
    {"October 2021", "2024-03-13", "October 2021", "2021-10", "DATE", "2021-10-01", "2021-10-31"},
    {"in 2021,", "", "2021", "2021", "DATE", "2021-01-01", "2021-12-31"},
    {"Jan. 6, 2021", "", "Jan. 6, 2021", "2021-01-06", "DATE", "2021-01-06", "2021-01-06"},
    {"March 22, 2013", "", "March 22, 2013", "2013-03-22", "DATE", "2013-03-22", "2013-03-22"},
    {"on 2013-03-22.", "", "2013-03-22", "2013-03-22", "DATE", "2013-03-22", "2013-03-22"},
    {"on 3/22/2013.", "", "3/22/2013", "2013-03-22", "DATE", "2013-03-22", "2013-03-22"},
    {"Feb. 29, 2024", "", "Feb. 29, 2024", "2024-02-29", "DATE", "2024-02-29", "2024-02-29"},
    {"in mid-2023", "", "mid-2023", "2023", "DATE", "2023-01-01", "2023-12-31"},
    {"the 1990s", "", "the 1990s", "199", "DATE", "1990-01-01", "1999-12-31"},
    {"the 20th century", "", "the 20th century", "19", "DATE", "1900-01-01", "1999-12-31"},
    {"Q3 2023", "", "Q3 2023", "2023-Q3", "DATE", "2023-07-01", "2023-09-30"},
    {"the third quarter of 2023", "", "the third quarter of 2023", "2023-Q3", "DATE", "2023-07-01",
     "2023-09-30"},
    {"summer 2023", "", "summer 2023", "2023-SU", "DATE", "2023-06-01", "2023-08-31"},
    {"winter 2023", "", "winter 2023", "2023-WI", "DATE", "2023-12-01", "2024-02-29"},
    // Relative to the reference date.
    {"last summer", "2024-03-13", "last summer", "2023-SU", "DATE", "2023-06-01", "2023-08-31"},
    {"last summer", "2024-09-10", "last summer", "2024-SU", "DATE", "2024-06-01", "2024-08-31"},
    {"this week", "2024-03-13", "this week", "2024-W11", "DATE", "2024-03-11", "2024-03-17"},
    {"earlier this month", "2024-03-13", "earlier this month", "2024-03", "DATE", "2024-03-01",
     "2024-03-31"},
    {"in August", "2024-03-13", "August", "2023-08", "DATE", "2023-08-01", "2023-08-31"},
    {"in October", "2024-11-20", "October", "2024-10", "DATE", "2024-10-01", "2024-10-31"},
    {"will open in October", "2024-03-13", "October", "2024-10", "DATE", "2024-10-01",
     "2024-10-31"},
    {"in August this year", "2024-09-01", "August this year", "2024-08", "DATE", "2024-08-01",
     "2024-08-31"},
    {"on March 3", "2024-03-13", "March 3", "2024-03-03", "DATE", "2024-03-03", "2024-03-03"},
    {"two years ago", "2024-03-13", "two years ago", "2022", "DATE", "2022-01-01", "2022-12-31"},
    {"yesterday", "2024-03-13", "yesterday", "2024-03-12", "DATE", "2024-03-12", "2024-03-12"},
    {"on Tuesday", "2024-03-13", "Tuesday", "2024-03-12", "DATE", "2024-03-12", "2024-03-12"},
    {"last year", "2024-03-13", "last year", "2023", "DATE", "2023-01-01", "2023-12-31"},
    {"next month", "2024-12-13", "next month", "2025-01", "DATE", "2025-01-01", "2025-01-31"},
    {"the third quarter", "2023-11-02", "the third quarter", "2023-Q3", "DATE", "2023-07-01",
     "2023-09-30"},
    {"this week", "2021-01-01", "this week", "2020-W53", "DATE", "2020-12-28", "2021-01-03"},
    // Times of day.
    {"Tuesday morning", "2013-03-22", "Tuesday morning", "2013-03-19TMO", "TIME", "2013-03-19",
     "2013-03-19"},
    {"at 3 p.m.", "2013-03-22", "3 p.m.", "2013-03-22T15:00", "TIME", "2013-03-22", "2013-03-22"},
    {"at 12:30 a.m.", "2013-03-22", "12:30 a.m.", "2013-03-22T00:30", "TIME", "2013-03-22",
     "2013-03-22"},
    // References, durations and sets.
    {"is now open", "2024-03-13", "now", "PRESENT_REF", "DATE", "", ""},
    {"currently", "", "currently", "PRESENT_REF", "DATE", "", ""},
    {"recently", "", "recently", "PAST_REF", "DATE", "", ""},
    {"in the future", "", "the future", "FUTURE_REF", "DATE", "", ""},
    {"for a month", "", "a month", "P1M", "DURATION", "", ""},
    {"three years", "", "three years", "P3Y", "DURATION", "", ""},
    {"in the past two years", "", "the past two years", "P2Y", "DURATION", "", ""},
    {"over the past decade", "", "the past decade", "P10Y", "DURATION", "", ""},
    {"for 12 hours", "", "12 hours", "PT12H", "DURATION", "", ""},
    {"every week", "", "every week", "P1W", "SET", "", ""},
    {"published weekly", "", "weekly", "P1W", "SET", "", ""},
    // Without a reference date relative values keep what can be written.
    {"in October", "", "October", "XXXX-10", "DATE", "", ""},
    {"last summer", "", "last summer", "XXXX-SU", "DATE", "", ""},
    {"on Tuesday", "", "Tuesday", "XXXX-WXX-2", "DATE", "", ""},
    {"yesterday", "", "yesterday", "XXXX-XX-XX", "DATE", "", ""},
    {"last year", "", "last year", "XXXX", "DATE", "", ""},
    // Forms documented in docs/time.md.
    {"Tuesday, March 22, 2013", "", "Tuesday, March 22, 2013", "2013-03-22", "DATE", "2013-03-22",
     "2013-03-22"},
    {"22 March 2013", "", "22 March 2013", "2013-03-22", "DATE", "2013-03-22", "2013-03-22"},
    {"on 19980303", "", "19980303", "1998-03-03", "DATE", "1998-03-03", "1998-03-03"},
    {"March of '99", "", "March of '99", "1999-03", "DATE", "1999-03-01", "1999-03-31"},
    {"the '80s", "", "the '80s", "198", "DATE", "1980-01-01", "1989-12-31"},
    {"the 5th of November", "2024-03-13", "the 5th of November", "2023-11-05", "DATE", "2023-11-05",
     "2023-11-05"},
    {"this weekend", "2024-03-13", "this weekend", "2024-W11-WE", "DATE", "2024-03-16",
     "2024-03-17"},
    {"the current quarter", "2024-03-13", "the current quarter", "2024-Q1", "DATE", "2024-01-01",
     "2024-03-31"},
    {"three days from now", "2024-03-13", "three days from now", "2024-03-16", "DATE", "2024-03-16",
     "2024-03-16"},
    {"this fall", "2024-03-13", "this fall", "2024-FA", "DATE", "2024-09-01", "2024-11-30"},
    {"in the summer", "2024-03-13", "the summer", "2023-SU", "DATE", "2023-06-01", "2023-08-31"},
    {"next Tuesday", "2024-03-13", "next Tuesday", "2024-03-19", "DATE", "2024-03-19",
     "2024-03-19"},
    {"last Wednesday", "2024-03-13", "last Wednesday", "2024-03-06", "DATE", "2024-03-06",
     "2024-03-06"},
    {"on Wednesday", "2024-03-13", "Wednesday", "2024-03-13", "DATE", "2024-03-13", "2024-03-13"},
    {"tonight", "2024-03-13", "tonight", "2024-03-13TNI", "TIME", "2024-03-13", "2024-03-13"},
    {"the first nine months", "", "the first nine months", "P9M", "DURATION", "", ""},
    {"each summer", "", "each summer", "XXXX-SU", "SET", "", ""},
    {"every Tuesday", "", "every Tuesday", "XXXX-WXX-2", "SET", "", ""},
    {"this week", "", "this week", "XXXX-WXX", "DATE", "", ""},
    // Former bugs.
    {"a Dec. 20 deadline", "2013-01-05", "Dec. 20", "2012-12-20", "DATE", "2012-12-20",
     "2012-12-20"},
    {"a Dec. 15 hearing", "1989-10-27", "Dec. 15", "1989-12-15", "DATE", "1989-12-15",
     "1989-12-15"},
    {"in the past two months", "", "the past two months", "P2M", "DURATION", "", ""},
    {"this winter", "2024-01-15", "this winter", "2023-WI", "DATE", "2023-12-01", "2024-02-29"},
};

class TimeTaggerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<TimeTagger> t = TimeTagger::Default();
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    tagger_ = new TimeTagger(std::move(t).value());
  }
  static void TearDownTestSuite() {
    delete tagger_;
    tagger_ = nullptr;
  }
  static TimeTagger* tagger_;
};

TimeTagger* TimeTaggerTest::tagger_ = nullptr;

TEST_F(TimeTaggerTest, Table) {
  for (const Row& row : kRows) {
    SCOPED_TRACE(std::string(row.text) + " @ " + row.reference);
    std::optional<Date> ref;
    if (*row.reference) ref = ParseDate(row.reference);
    std::vector<TimeExpression> found = tagger_->Find(row.text, ref);
    const TimeExpression* hit = nullptr;
    for (const TimeExpression& t : found) {
      if (t.text == row.expected) hit = &t;
    }
    if (hit == nullptr) {
      std::string got;
      for (const TimeExpression& t : found) got += "[" + t.text + "=" + t.value + "] ";
      ADD_FAILURE() << "no expression '" << row.expected << "'; found " << got;
      continue;
    }
    EXPECT_EQ(hit->value, row.value);
    EXPECT_EQ(hit->type, row.type);
    EXPECT_EQ(std::string(row.text).substr(hit->begin, hit->end - hit->begin), row.expected);
    if (*row.start) {
      ASSERT_TRUE(hit->days.has_value());
      EXPECT_EQ(hit->days->start.ToString(), row.start);
      EXPECT_EQ(hit->days->end.ToString(), row.end);
    } else {
      EXPECT_FALSE(hit->days.has_value()) << hit->days->start.ToString();
    }
  }
}

TEST_F(TimeTaggerTest, RelativeIsSetOnlyWhenTheReferenceIsUsed) {
  std::vector<TimeExpression> found = tagger_->Find("In 2021 and last year", Date{2024, 3, 13});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_FALSE(found[0].relative);
  EXPECT_TRUE(found[1].relative);
  EXPECT_FALSE(tagger_->Find("last year", std::nullopt)[0].relative);
}

TEST_F(TimeTaggerTest, ModIsReported) {
  std::vector<TimeExpression> found = tagger_->Find("by mid-2023", std::nullopt);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].mod, "MID");
}

TEST_F(TimeTaggerTest, NonTimesAreNotTagged) {
  for (const char* text : {"Theresa May said", "to his dismay", "the 6-year-old boy",
                           "a 52-year-old man", "as soon as possible", "she may go", "prices fall",
                           "a spring in his step", "the Mayday parade", "2021abc", "sun"}) {
    std::vector<TimeExpression> found = tagger_->Find(text, Date{2024, 3, 13});
    std::string got;
    for (const TimeExpression& t : found) got += "[" + t.text + "] ";
    EXPECT_TRUE(found.empty()) << text << ": " << got;
  }
}

TEST_F(TimeTaggerTest, InvalidDatesAreNotInvented) {
  for (const char* text : {"February 30, 2023", "13/45/2013", "2013-02-30"}) {
    for (const TimeExpression& t : tagger_->Find(text, Date{2024, 3, 13})) {
      ASSERT_TRUE(t.days.has_value()) << text;
      EXPECT_TRUE(IsValidDate(t.days->start.year, t.days->start.month, t.days->start.day));
      EXPECT_NE(t.value.substr(0, 7), "2023-02") << text;
    }
  }
}

TEST_F(TimeTaggerTest, OffsetsAreBytesAndExpressionsDoNotOverlap) {
  const std::string text = "Café news — on Jan. 6, 2021, and later in March 2022; now.";
  std::vector<TimeExpression> found = tagger_->Find(text, Date{2022, 5, 1});
  ASSERT_EQ(found.size(), 3u);
  size_t last_end = 0;
  for (const TimeExpression& t : found) {
    EXPECT_LE(last_end, t.begin);
    EXPECT_EQ(text.substr(t.begin, t.end - t.begin), t.text);
    last_end = t.end;
  }
}

}  // namespace
}  // namespace kg

namespace kg {
namespace {

// Arbitrary bytes, huge counts and odd references must neither crash nor
// produce expressions outside the text or invalid spans.
TEST(TimeTaggerRobustnessTest, ArbitraryInput) {
  Result<TimeTagger> tagger = TimeTagger::Default();
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  std::vector<std::string> texts = {
      "",
      std::string("\0\0May 5\0", 8),
      "9999 years ago 9999 weeks ago 9999 days from now the 99th century the 00s",
      "last Friday next Friday this Friday Friday 0:00 a.m. 13 p.m. 12:61 p.m. 99/99/99",
      "\xff\xfe Nov. \xe2\x80\x94 5, 2024 \xc3",
      std::string(100000, 'a') + " 2021",
  };
  uint32_t state = 12345;
  std::string noise;
  const char* pieces[] = {"May ", "5 ", "2021 ",    "last ",    "the ", "year ", "ago ", "-",   "/",
                          ", ",   "\n", "Tuesday ", "morning ", "a ",   "half ", "and ", "1/2 "};
  for (int i = 0; i < 5000; ++i) {
    state = state * 1103515245 + 12345;
    noise += pieces[(state >> 16) % (sizeof(pieces) / sizeof(pieces[0]))];
  }
  texts.push_back(noise);
  for (const std::optional<Date>& ref :
       {std::optional<Date>(), std::optional<Date>(Date{2024, 2, 29}),
        std::optional<Date>(Date{1, 1, 1}), std::optional<Date>(Date{9999, 12, 31})}) {
    for (const std::string& text : texts) {
      size_t last_end = 0;
      for (const TimeExpression& t : tagger->Find(text, ref)) {
        ASSERT_LE(last_end, t.begin);
        ASSERT_LT(t.begin, t.end);
        ASSERT_LE(t.end, text.size());
        last_end = t.end;
        if (t.days) {
          EXPECT_LE(t.days->start, t.days->end) << t.text << " " << t.value;
        }
      }
    }
  }
}

}  // namespace
}  // namespace kg
