// ExtentMemo and StartFilter::ReachAt: where the filter says a position's
// match is decided by its first bytes, RE2's anchored longest match there is
// shorter and stays the same whatever follows, on regexes the filter models
// and does not and on the shipped rules, and the filter's answer itself
// depends on those bytes alone; the memo keeps every byte of its key apart;
// and the tagger, whose scan answers from the memo, finds what the
// unfiltered scan (RE2 at every hit) finds.
#include "extract/time/extent_memo.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <thread>
#include <vector>

#include "extract/time/start_filter.h"
#include "extract/time/time_expression.h"
#include "extract/time/time_rules.h"
#include "rules/embedded_rules.h"

namespace kg {
namespace {

using timex::ExtentMemo;
using timex::StartFilter;

std::string RandomText(std::mt19937* rng, const std::vector<std::string>& pieces, size_t size) {
  std::string out;
  while (out.size() < size) out += pieces[(*rng)() % pieces.size()];
  return out;
}

RE2::Options ScannerOptions() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_longest_match(true);
  return options;
}

// For every position of `text` the filter decides: RE2's match there ends
// inside the deciding bytes, and is the same when other bytes follow them.
// Returns how many positions were decided.
int CheckDecided(const RE2& re, const StartFilter& filter, const std::string& text,
                 const std::vector<std::string>& pieces, std::mt19937* rng) {
  int decided = 0;
  for (size_t p = 0; p < text.size(); ++p) {
    const StartFilter::Reach reach = filter.ReachAt(text, p, text.size());
    EXPECT_LE(p + reach.length, text.size());
    if (reach.length == 0) continue;
    // The answer is the same for any bytes after the key.
    const std::string cut = text.substr(0, p + reach.length) + RandomText(rng, pieces, 12);
    const StartFilter::Reach again = filter.ReachAt(cut, p, cut.size());
    EXPECT_EQ(again.length, reach.length) << "at " << p << " of '" << cut << "'";
    EXPECT_EQ(again.decided, reach.decided) << "at " << p << " of '" << cut << "'";
    if (!reach.decided) continue;
    const size_t d = reach.length;
    ++decided;
    re2::StringPiece m;
    const bool found = re.Match(re2::StringPiece(text), p, text.size(), RE2::ANCHOR_START, &m, 1);
    if (found) {
      EXPECT_LT(m.size(), d) << "at " << p << " of '" << text << "'";
    }
    for (int other = 0; other < 4; ++other) {
      const std::string changed = text.substr(0, p + d) + RandomText(rng, pieces, 12);
      re2::StringPiece n;
      const bool again =
          re.Match(re2::StringPiece(changed), p, changed.size(), RE2::ANCHOR_START, &n, 1);
      EXPECT_EQ(found, again) << "at " << p << " of '" << text << "' / '" << changed << "'";
      if (found && again) {
        EXPECT_EQ(m.size(), n.size()) << "at " << p << " of '" << changed << "'";
      }
    }
  }
  return decided;
}

TEST(ExtentMemoTest, DecidingBytesDecideTheMatch) {
  const std::vector<std::string> regexes = {
      "ab|ba",
      "a+b{2,3}",
      "(?:a|b)?[0-9]{2}",
      "[a-c][^x]k",
      "x\\s+(?:k|s)",
      "(?-i:AB)|(?i:ks)",
      "a.b",
      "\\d\\d/\\w+",
      "\\bk\\b|s$",
      "(?:a{0,2}b){1,3}c?",
      "\xC3\xA9"
      "a|\\pLb",
      "(?:ab)*(?:ba)+k",
      "(?:(?:a|b)\\s)+s",
      "1[6-9][0-9][0-9]|20[0-9][0-9]",
      "\\bab\\b|\\bab c\\b|ab cd",
      "(?:a|b)(?:a|b)k",
  };
  const std::vector<std::string> pieces = {"a",
                                           "b",
                                           "c",
                                           "k",
                                           "s",
                                           "x",
                                           "A",
                                           "B",
                                           "K",
                                           "S",
                                           "0",
                                           "1",
                                           "7",
                                           "9",
                                           " ",
                                           "\t",
                                           "\n",
                                           "-",
                                           ".",
                                           "'",
                                           ",",
                                           "/",
                                           ":",
                                           "_",
                                           "ab",
                                           "ba",
                                           "\xC3",
                                           "\xC3\xA9",
                                           "\xE2\x84\xAA",
                                           "\xC5\xBF",
                                           "ks",
                                           "sk",
                                           "10",
                                           "2020",
                                           "ab c",
                                           "ab cd"};
  std::mt19937 rng(3);
  int decided = 0;
  for (const std::string& regex : regexes) {
    RE2 re(regex, ScannerOptions());
    ASSERT_TRUE(re.ok()) << regex;
    std::optional<StartFilter> filter = StartFilter::FromRegex(regex);
    if (!filter) continue;
    for (int round = 0; round < 150; ++round) {
      decided += CheckDecided(re, *filter, RandomText(&rng, pieces, 30), pieces, &rng);
    }
  }
  EXPECT_GT(decided, 10000);
}

TEST(ExtentMemoTest, ShippedRulesDecidingBytesDecideTheMatch) {
  Result<std::unique_ptr<timex::CompiledRules>> rules =
      timex::CompileTimeRules(EmbeddedRuleFile("time.yaml"), "rules/time.yaml");
  ASSERT_TRUE(rules.ok());
  ASSERT_TRUE((*rules)->start_filter.has_value());
  std::vector<std::string> pieces;
  for (const timex::Example& e : (*rules)->examples) pieces.push_back(e.text);
  for (const char* extra : {" ", ", ", ". ", "-", "\xC3\xA9", "\xE2\x84\xAA", "\xC5\xBF", "said ",
                            "and ", "s", "MONDAY ", "tuesDay ", "2019", "'", "_"}) {
    pieces.push_back(extra);
  }
  std::mt19937 rng(9);
  int decided = 0;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int j = 0; j < 4; ++j) {
      const std::string& piece = pieces[rng() % pieces.size()];
      const size_t from = rng() % 3 == 0 ? rng() % piece.size() : 0;
      text += piece.substr(from, rng() % 40);
      text += " ,.-'\n"[rng() % 6];
    }
    decided += CheckDecided(*(*rules)->scanner, *(*rules)->start_filter, text, pieces, &rng);
  }
  EXPECT_GT(decided, 1000);
}

TEST(ExtentMemoTest, KeySeesEveryByteAndTheOneBefore) {
  ExtentMemo& memo = ExtentMemo::ForThread(~uint64_t{0} - 1);
  const std::string text = " Monday said";
  EXPECT_EQ(memo.Find(text, 1, text.size()), ExtentMemo::kUnknown);
  memo.Put(text, 1, text.size(), 8, 6);
  EXPECT_EQ(memo.Find(text, 1, text.size()), 6);
  EXPECT_EQ(memo.Find(" Monday sat", 1, 11), 6);
  EXPECT_EQ(memo.Find(text, 1, 9), 6);  // the key ends by `end`
  EXPECT_EQ(memo.Find(text, 1, 8), ExtentMemo::kUnknown);
  for (const std::string other : {"xMonday said", "Monday said", " Monday aaid", " monday said",
                                  " MondaY said", " Monday,said", " Mondays aid"}) {
    const size_t at = other[0] == 'M' ? 0 : 1;
    EXPECT_EQ(memo.Find(other, at, other.size()), ExtentMemo::kUnknown) << other;
  }
  // Keys that share their first bytes are all kept.
  memo.Put(" Monday a", 1, 9, 8, ExtentMemo::kNoMatch);
  memo.Put(" Monday m", 1, 9, 8, ExtentMemo::kOpen);
  EXPECT_EQ(memo.Find(text, 1, text.size()), 6);
  EXPECT_EQ(memo.Find(" Monday a", 1, 9), ExtentMemo::kNoMatch);
  EXPECT_EQ(memo.Find(" Monday m", 1, 9), ExtentMemo::kOpen);
  // At the text's start there is no byte before.
  memo.Put("2019.", 0, 5, 5, 4);
  EXPECT_EQ(memo.Find("2019.", 0, 5), 4);
  EXPECT_EQ(memo.Find(" 2019.", 1, 6), ExtentMemo::kUnknown);
  // Another rule set's memo starts empty.
  EXPECT_EQ(ExtentMemo::ForThread(~uint64_t{0}).Find(text, 1, text.size()), ExtentMemo::kUnknown);
  EXPECT_EQ(ExtentMemo::ForThread(~uint64_t{0} - 1).Find(text, 1, text.size()),
            ExtentMemo::kUnknown);
}

std::string Describe(const std::vector<TimeExpression>& list) {
  std::string out;
  for (const TimeExpression& t : list) {
    out += std::to_string(t.begin) + "-" + std::to_string(t.end) + " " + t.type + " " + t.value +
           " " + t.mod + "; ";
  }
  return out;
}

// Sentences of dates, weekdays, relative expressions and ranges, in mixed
// case and next to bytes past ASCII.
std::string GeneratedSentence(std::mt19937* rng) {
  static const std::vector<std::string> words = {"Monday",
                                                 "tuesday",
                                                 "WEDNESDAY",
                                                 "Thursday",
                                                 "Friday,",
                                                 "Sat.",
                                                 "2019",
                                                 "2020.",
                                                 "1990s",
                                                 "'80s",
                                                 "March 3",
                                                 "March 3, 2021",
                                                 "May",
                                                 "may",
                                                 "Jan. 6",
                                                 "June 5, 2022",
                                                 "5 June 2022",
                                                 "2013-03-22",
                                                 "3/22/2013",
                                                 "last week",
                                                 "last year",
                                                 "Last Month",
                                                 "next Tuesday",
                                                 "this summer",
                                                 "a year earlier",
                                                 "two years ago",
                                                 "the quarter",
                                                 "the third quarter of 2023",
                                                 "months",
                                                 "yesterday",
                                                 "today",
                                                 "tonight",
                                                 "the past two years",
                                                 "2019-2020",
                                                 "from 2019 to 2021",
                                                 "between May and June",
                                                 "said",
                                                 "the",
                                                 "company",
                                                 "and",
                                                 "in",
                                                 "on",
                                                 "of",
                                                 "\xC3\xA9t\xC3\xA9",
                                                 "caf\xC3\xA9",
                                                 "\xE2\x84\xAA",
                                                 "\xC5\xBFunday",
                                                 "Sunday\xC3\xA9",
                                                 "x2019",
                                                 "10 p.m.",
                                                 "noon",
                                                 "Q3 2023",
                                                 "mid-2023",
                                                 "early September"};
  static const std::vector<std::string> gaps = {" ", " ", " ", ", ", ". ", "-", "\n", "\xC2\xA0"};
  std::string out;
  const int n = 3 + static_cast<int>((*rng)() % 10);
  for (int i = 0; i < n; ++i) {
    out += words[(*rng)() % words.size()];
    out += gaps[(*rng)() % gaps.size()];
  }
  return out;
}

// The shipped rules and a rule that matches none of the texts but begins
// with '.', so that its scanner has no start filter (and no memo).
TEST(ExtentMemoTest, TaggerFindsWhatTheUnfilteredScanFinds) {
  const std::string unfiltered_yaml = std::string(EmbeddedRuleFile("time.yaml")) +
                                      "  - name: zz_unfiltered\n"
                                      "    pattern: '.qqzzqq'\n"
                                      "    resolve: ignore\n";
  Result<TimeTagger> memo = TimeTagger::Default();
  Result<TimeTagger> plain = TimeTagger::FromYaml(unfiltered_yaml, "unfiltered.yaml");
  ASSERT_TRUE(memo.ok());
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  std::mt19937 rng(17);
  std::vector<std::string> texts;
  for (int i = 0; i < 1500; ++i) texts.push_back(GeneratedSentence(&rng));
  const Date reference{2024, 3, 13};
  std::vector<std::string> expected;
  for (const std::string& text : texts) expected.push_back(Describe(plain->Find(text, reference)));
  // Twice in this thread (the second time every key is remembered), and
  // once on another thread in the other order.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < texts.size(); ++i) {
      EXPECT_EQ(Describe(memo->Find(texts[i], reference)), expected[i]) << texts[i];
    }
  }
  std::vector<std::string> other(texts.size());
  std::thread([&] {
    for (size_t i = texts.size(); i-- > 0;) other[i] = Describe(memo->Find(texts[i], reference));
  }).join();
  for (size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(other[i], expected[i]) << texts[i];
}

}  // namespace
}  // namespace kg
