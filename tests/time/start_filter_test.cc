// StartFilter: it never rejects a position where RE2 finds a match, on
// regexes that use the constructs it models and those it does not and on the
// shipped rules; it looks into the second word; and the tagger finds the same
// expressions with it as with the plain unanchored scan.
#include "extract/time/start_filter.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "extract/time/regex_prefixes.h"
#include "extract/time/time_expression.h"
#include "extract/time/time_rules.h"
#include "rules/embedded_rules.h"

namespace kg {
namespace {

using timex::StartFilter;

// Random text over the bytes the patterns below care about, and some others.
std::string RandomText(std::mt19937* rng, size_t size) {
  static const std::vector<std::string> pieces = {
      "a",        "b",     "c",  "k",  "s",  "x",    "A",        "B",
      "K",        "S",     "0",  "1",  "7",  "9",    " ",        "\t",
      "\n",       "-",     ".",  "'",  ",",  "/",    ":",        "(",
      ")",        "|",     "{",  "}",  "_",  "\xC3", "\xC3\xA9", "\xE2\x84\xAA",
      "\xC5\xBF", "ab",    "ba", "ks", "sk", "10",   "2020",     "the ",
      "May",      "may 5", "q3"};
  std::string out;
  while (out.size() < size) out += pieces[(*rng)() % pieces.size()];
  return out;
}

TEST(StartFilterTest, NeverRejectsAMatchStart) {
  const std::vector<std::string> regexes = {
      "ab|ba",
      "a+b{2,3}",
      "(?:a|b)?[0-9]{2}",
      "[a-c][^x]k",
      "[]a]|[^]]s",
      "x\\s+(?:k|s)",
      "(?-i:AB)|(?i:ks)",
      "(?P<n>sk)|\\.\\-'",
      "a.b",
      "\\d\\d/\\w+",
      "\\bk\\b|s$",
      "(?:a{0,2}b){1,3}c?",
      "\xC3\xA9"
      "a|\\pLb",
      "x{,2}|\\{1\\}",
      "(?:\\Qa|b\\E)x",
      "a*",
      "(?:ab)*(?:ba)+k",
      "(?:(?:a|b)\\s)+s",
      "[[:alpha:]]0|k[\\x41-\\x43]",
      "1[6-9][0-9][0-9]|20[0-9][0-9]",
      // The same group text more than once (read once, see RepeatedGroups).
      "(?:a|b)(?:a|b)k",
      "((?:a|k)s)|(?:a|k)s?x",
      "(?:[ab]|\\.)x(?:[ab]|\\.)",
      "(?:[)]|a)b(?:[)]|a)",
  };
  std::mt19937 rng(7);
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_longest_match(true);
  for (const std::string& regex : regexes) {
    RE2 re(regex, options);
    ASSERT_TRUE(re.ok()) << regex << ": " << re.error();
    std::optional<StartFilter> filter = StartFilter::FromRegex(regex);
    for (int round = 0; round < 300; ++round) {
      const std::string text = RandomText(&rng, 40);
      const re2::StringPiece input(text);
      for (size_t p = 0; p < text.size(); ++p) {
        re2::StringPiece m;
        if (!re.Match(input, p, text.size(), RE2::ANCHOR_START, &m, 1) || m.empty()) continue;
        ASSERT_TRUE(!filter || filter->MayStartAt(text, p))
            << "regex " << regex << " matches '" << std::string(m.data(), m.size()) << "' at " << p
            << " of '" << text << "'";
      }
    }
  }
}

TEST(StartFilterTest, RejectsWhatCannotBegin) {
  std::optional<StartFilter> filter = StartFilter::FromRegex("(?:last|next) (?:week|year)|1990s");
  ASSERT_TRUE(filter.has_value());
  for (const char* yes : {"last week", "LAST\tYEAR", "next years", "1990s", "2345s"}) {
    EXPECT_TRUE(filter->MayStartAt(yes, 0)) << yes;
  }
  for (const char* no : {"lasting", "nexus", "199", "week", "la", " last", "next y", "next yard"}) {
    EXPECT_FALSE(filter->MayStartAt(no, 0)) << no;
  }
  // Nothing to go by: empty matches, or a leading construct not modelled.
  for (const char* none : {"a*", "(?:)|x", ".x", "\\pLx", "\\bx?", "(?:\\Qa\\E)"}) {
    EXPECT_FALSE(StartFilter::FromRegex(none).has_value()) << none;
  }
  Result<std::unique_ptr<timex::CompiledRules>> rules =
      timex::CompileTimeRules(EmbeddedRuleFile("time.yaml"), "rules/time.yaml");
  ASSERT_TRUE(rules.ok());
  EXPECT_TRUE((*rules)->start_filter.has_value()) << "the shipped rules give no start filter";
}

// A group that comes again gives the same strings as the first time.
TEST(StartFilterTest, RepeatedGroups) {
  std::optional<timex::RegexPrefixes> p =
      timex::ReadRegexPrefixes("(?:ab|c)x(?:ab|c)|(?:ab|c)", StartFilter::kMaxDepth, 5);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->exact, (std::vector<std::string>{"ab", "abxab", "abxc", "c", "cxab", "cxc"}));
  EXPECT_TRUE(p->open.empty());
  EXPECT_TRUE(p->top_level_bar);
}

// Strings joined out of order ("a" + "z" after "ab" + "c") come out as a
// sorted set, as they do in order.
TEST(StartFilterTest, ExactStringsAreASortedSet) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"(?:a|ab)(?:c|z)", {"abc", "abz", "ac", "az"}},
      {"(?:ab|a)(?:z|c)x?", {"abc", "abcx", "abz", "abzx", "ac", "acx", "az", "azx"}},
      {"(?:b|a)(?:a|b)|ab|ba", {"aa", "ab", "ba", "bb"}},
  };
  for (const auto& [regex, expected] : cases) {
    std::optional<timex::RegexPrefixes> p =
        timex::ReadRegexPrefixes(regex, StartFilter::kMaxDepth, 5);
    ASSERT_TRUE(p.has_value()) << regex;
    EXPECT_EQ(p->exact, expected) << regex;
  }
}

// The filter built from `regex`, and the strings (exact and open) read from
// it, to hold the filter's answers against.
struct FilterAndStrings {
  void Build(const std::string& regex) {
    std::optional<timex::RegexPrefixes> prefixes =
        timex::ReadRegexPrefixes(regex, StartFilter::kMaxDepth, 5);
    filter = StartFilter::FromRegex(regex);
    ASSERT_TRUE(prefixes.has_value() && filter.has_value()) << regex;
    strings = prefixes->exact;
    strings.insert(strings.end(), prefixes->open.begin(), prefixes->open.end());
  }

  // Whether `text`, folded, holds one of the strings at `pos`.
  bool BeginsAt(const std::string& text, size_t pos) const {
    std::string folded;
    for (char c : text) folded += static_cast<char>(timex::FoldPrefixByte(c));
    for (const std::string& s : strings) {
      if (folded.compare(pos, s.size(), s) == 0) return true;
    }
    return false;
  }

  std::optional<StartFilter> filter;
  std::vector<std::string> strings;
};

// Strings that share long beginnings, are beginnings of one another, or run
// past kMaxDepth, exact and open: the filter lets a position through exactly
// when the text there begins with one of the strings it was built from.
TEST(StartFilterTest, AgreesWithItsStringsWhenTheyShareBeginnings) {
  std::mt19937 rng(11);
  auto word = [&rng](size_t size) {
    std::string w;
    while (w.size() < size) w += "abc"[rng() % 3];
    return w;
  };
  for (int round = 0; round < 60; ++round) {
    std::string regex;
    const std::string stem = word(2 + rng() % 6);
    for (int i = 0; i < 40; ++i) {
      std::string alternative = rng() % 4 == 0 ? word(3 + rng() % 30) : stem + word(rng() % 26);
      if (alternative.size() < 3) alternative += "cab";
      if (rng() % 3 == 0) alternative += ".";  // an open string
      regex += (regex.empty() ? "" : "|") + alternative;
    }
    FilterAndStrings f;
    ASSERT_NO_FATAL_FAILURE(f.Build(regex));
    for (int t = 0; t < 400; ++t) {
      std::string text = f.strings[rng() % f.strings.size()];
      text.resize(rng() % (text.size() + 1));
      if (rng() % 2 == 0) text += word(rng() % 4);
      if (!text.empty() && rng() % 4 == 0) text[rng() % text.size()] = 'A';
      if (text.empty()) continue;
      EXPECT_EQ(f.filter->MayStartAt(text, 0), f.BeginsAt(text, 0))
          << "'" << text << "' for " << regex;
    }
  }
}

// Strings of one and two bytes beside longer ones, and texts that end after
// one or two bytes: the filter's answer from its first two bytes (a string
// ending there, or one going on) is what the strings say.
TEST(StartFilterTest, AgreesWithShortStrings) {
  std::mt19937 rng(5);
  auto word = [&rng](size_t size) {
    std::string w;
    while (w.size() < size) w += "ab1 "[rng() % 4];
    return w;
  };
  for (int round = 0; round < 200; ++round) {
    std::string regex;
    for (int i = 0; i < 1 + static_cast<int>(rng() % 6); ++i) {
      std::string alternative = word(1 + rng() % 4);
      if (alternative[0] == ' ') alternative[0] = 'a';
      regex += (regex.empty() ? "" : "|") + alternative;
    }
    FilterAndStrings f;
    ASSERT_NO_FATAL_FAILURE(f.Build(regex));
    for (int t = 0; t < 100; ++t) {
      const std::string text = word(1 + rng() % 5);
      for (size_t pos = 0; pos < text.size(); ++pos) {
        EXPECT_EQ(f.filter->MayStartAt(text, pos), f.BeginsAt(text, pos))
            << "'" << text << "' at " << pos << " for " << regex;
      }
    }
  }
}

// Strings of three to six bytes sharing their first three, exact and open,
// and texts that leave them at every byte: the filter's check of the fifth
// byte before its walk (skipped where a string ends at the third or fourth)
// changes no answer.
TEST(StartFilterTest, AgreesWithStringsAroundTheFifthByte) {
  std::mt19937 rng(23);
  auto word = [&rng](size_t size) {
    std::string w;
    while (w.size() < size) w += "ab1 c"[rng() % 5];
    return w;
  };
  for (int round = 0; round < 200; ++round) {
    std::string regex;
    const std::string stem = std::string(1, 'a').append(word(2));
    for (int i = 0; i < 1 + static_cast<int>(rng() % 8); ++i) {
      std::string alternative = rng() % 3 == 0 ? std::string(1, 'b').append(word(2)) : stem;
      alternative += word(rng() % 4);
      if (rng() % 4 == 0) alternative += ".";  // an open string
      regex += (regex.empty() ? "" : "|") + alternative;
    }
    FilterAndStrings f;
    ASSERT_NO_FATAL_FAILURE(f.Build(regex));
    for (int t = 0; t < 100; ++t) {
      std::string text = rng() % 2 == 0 ? stem : word(1);
      text += word(rng() % 6);
      for (size_t pos = 0; pos < text.size(); ++pos) {
        EXPECT_EQ(f.filter->MayStartAt(text, pos), f.BeginsAt(text, pos))
            << "'" << text << "' at " << pos << " for " << regex;
      }
    }
  }
}

// The first word alone lets through every "the"; the start of the second
// tells "the past" from "the company". Past the first few bytes of the
// second word the filter lets anything through.
TEST(StartFilterTest, LooksAtTheSecondWord) {
  std::optional<StartFilter> filter =
      StartFilter::FromRegex("the (?:past|coming|fiscal) (?:week|year)|now");
  ASSERT_TRUE(filter.has_value());
  for (const char* yes :
       {"the past week", "THE Coming year", "the fisc", "the pastry", "nowhere"}) {
    EXPECT_TRUE(filter->MayStartAt(yes, 0)) << yes;
  }
  for (const char* no : {"the company", "the", "the ", "the p", "then", "the cold", "no"}) {
    EXPECT_FALSE(filter->MayStartAt(no, 0)) << no;
  }
}

// Two-word beginnings too many to keep: the first few bytes still filter.
TEST(StartFilterTest, FallsBackToFirstBytes) {
  std::optional<StartFilter> filter = StartFilter::FromRegex("[a-j]{3} [a-j]{3}");
  ASSERT_TRUE(filter.has_value());
  for (const char* yes : {"abc def", "JJJ aaa", "abc de"}) {
    EXPECT_TRUE(filter->MayStartAt(yes, 0)) << yes;
  }
  for (const char* no : {"abc kkk", "abcd", "ab ", "k"}) {
    EXPECT_FALSE(filter->MayStartAt(no, 0)) << no;
  }
}

// A leading \b means matches begin at word boundaries; anything that weakens
// it does not.
TEST(StartFilterTest, KnowsWhenMatchesBeginAtWordBoundaries) {
  for (const char* yes : {"\\b(?:will|'ll)\\b", "\\bnext (?:week|year)", "\\b(?:a|b)(?:c|d)x"}) {
    std::optional<StartFilter> filter = StartFilter::FromRegex(yes);
    ASSERT_TRUE(filter.has_value()) << yes;
    EXPECT_TRUE(filter->at_word_boundaries()) << yes;
  }
  for (const char* no : {"\\bx|y", "(?:\\bx|y)", "\\b?x", "\\b{0,1}x", "x\\b", "will"}) {
    std::optional<StartFilter> filter = StartFilter::FromRegex(no);
    ASSERT_TRUE(filter.has_value()) << no;
    EXPECT_FALSE(filter->at_word_boundaries()) << no;
  }
}

// The shipped rules' scanner: wherever it matches, the filter lets the
// position through, on text made of the rules' own examples cut and mixed.
TEST(StartFilterTest, NeverRejectsAShippedRuleMatch) {
  Result<std::unique_ptr<timex::CompiledRules>> rules =
      timex::CompileTimeRules(EmbeddedRuleFile("time.yaml"), "rules/time.yaml");
  ASSERT_TRUE(rules.ok());
  ASSERT_TRUE((*rules)->start_filter.has_value());
  const StartFilter& filter = *(*rules)->start_filter;
  std::vector<std::string> pieces;
  for (const timex::Example& e : (*rules)->examples) pieces.push_back(e.text);
  ASSERT_FALSE(pieces.empty());
  std::mt19937 rng(5);
  int matches = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    for (int j = 0; j < 5; ++j) {
      const std::string& piece = pieces[rng() % pieces.size()];
      const size_t from = rng() % 3 == 0 ? rng() % piece.size() : 0;
      text += piece.substr(from, rng() % 60);
      text += " ,.-'\n"[rng() % 6];
    }
    const re2::StringPiece input(text);
    for (size_t p = 0; p < text.size(); ++p) {
      re2::StringPiece m;
      if (!(*rules)->scanner->Match(input, p, text.size(), RE2::ANCHOR_START, &m, 1) || m.empty()) {
        continue;
      }
      ++matches;
      ASSERT_TRUE(filter.MayStartAt(text, p))
          << "'" << std::string(m.data(), m.size()) << "' at " << p << " of '" << text << "'";
    }
  }
  EXPECT_GT(matches, 1000);
}

std::string Describe(const std::vector<TimeExpression>& list) {
  std::string out;
  for (const TimeExpression& t : list) {
    out += std::to_string(t.begin) + "-" + std::to_string(t.end) + " " + t.type + " " + t.value +
           " " + t.mod + "; ";
  }
  return out;
}

// The shipped rules with one more rule that matches none of the texts below
// but begins with '.', so that its scanner has no start filter.
TEST(StartFilterTest, TaggerFindsTheSameWithoutTheFilter) {
  const std::string unfiltered_yaml = std::string(EmbeddedRuleFile("time.yaml")) +
                                      "  - name: zz_unfiltered\n"
                                      "    pattern: '.qqzzqq'\n"
                                      "    resolve: ignore\n";
  Result<TimeTagger> filtered = TimeTagger::Default();
  Result<TimeTagger> unfiltered = TimeTagger::FromYaml(unfiltered_yaml, "unfiltered.yaml");
  ASSERT_TRUE(filtered.ok());
  ASSERT_TRUE(unfiltered.ok()) << unfiltered.status().ToString();
  const std::vector<std::string> texts = {
      "xMay 2020 and May 2020; '80sx '80s 1990sabc the 1990s Tuesdays Tuesday.",
      "the 6-year-old boy, a 6-year-old, 2 1/2 years, twenty-four hours, 11/02/89 3/22/2013.",
      "At 10:30 a.m. EST Tuesday, Q3 2023, 2023 Q4, the third quarter of 2020; mid-2023.",
      "ffiscal year 2020, fiscal year 2020; Xmas, Christmas Eve, New Year's Day; MLK Day.",
      "\xC5\xBFunday and \xE2\x84\xAA then Sunday; caf\xC3\xA9 2020s; 2020-01-05T10:00.",
      "a year earlier a year earlierx years ago; yesterday morning; last night; tonight.",
      "He was 45 years old. Five years later. For years, in the coming months, weekly.",
  };
  std::mt19937 rng(11);
  std::vector<std::string> all = texts;
  for (int i = 0; i < 200; ++i) {
    std::string mixed;
    for (int j = 0; j < 6; ++j) {
      const std::string& t = texts[rng() % texts.size()];
      const size_t from = rng() % t.size();
      mixed += t.substr(from, rng() % 40);
    }
    all.push_back(mixed);
  }
  const Date reference{2024, 3, 13};
  for (const std::string& text : all) {
    EXPECT_EQ(Describe(filtered->Find(text, reference)),
              Describe(unfiltered->Find(text, reference)))
        << text;
  }
}

// Positions are tried sixteen bytes at a time: the tagger finds what the
// unfiltered scan finds across block edges, with every kind of white space
// and bytes past ASCII between words, also when a rule may begin with white
// space (so that white space is tried too).
TEST(StartFilterTest, BlocksFindWhatTheScanFinds) {
  const std::string space_rule =
      "  - name: zz_space\n"
      "    pattern: ' zzq {month}'\n"
      "    type: DATE\n"
      "    resolve: date\n";
  const std::string unfiltered_rule =
      "  - name: zz_unfiltered\n"
      "    pattern: '.qqzzqq'\n"
      "    resolve: ignore\n";
  const std::string shipped(EmbeddedRuleFile("time.yaml"));
  Result<TimeTagger> plain = TimeTagger::Default();
  Result<TimeTagger> plain_unfiltered = TimeTagger::FromYaml(shipped + unfiltered_rule, "u.yaml");
  Result<TimeTagger> spaced = TimeTagger::FromYaml(shipped + space_rule, "s.yaml");
  Result<TimeTagger> spaced_unfiltered =
      TimeTagger::FromYaml(shipped + space_rule + unfiltered_rule, "su.yaml");
  ASSERT_TRUE(plain.ok() && plain_unfiltered.ok());
  ASSERT_TRUE(spaced.ok()) << spaced.status().ToString();
  ASSERT_TRUE(spaced_unfiltered.ok()) << spaced_unfiltered.status().ToString();
  const std::vector<std::string> pieces = {"March",
                                           "May",
                                           "2020",
                                           "last",
                                           "year",
                                           "the",
                                           "past",
                                           "week",
                                           "Tuesday",
                                           "ago",
                                           "two",
                                           "years",
                                           "zzq",
                                           " zzq May",
                                           "\tzzq\n\nJune",
                                           "x",
                                           "1990s",
                                           "mid-",
                                           "a.m.",
                                           "10",
                                           "3",
                                           "\xC3\xA9",
                                           "\xE2\x84\xAA",
                                           " ",
                                           "  ",
                                           "\t",
                                           "\n",
                                           "\v",
                                           "\f",
                                           "\r",
                                           ",",
                                           ".",
                                           "'",
                                           "-",
                                           "/"};
  std::mt19937 rng(13);
  const Date reference{2024, 3, 13};
  int found = 0;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const size_t size = 1 + rng() % 200;
    while (text.size() < size) {
      text += pieces[rng() % pieces.size()];
      if (rng() % 2 == 0) text += ' ';
    }
    const std::string expected = Describe(plain_unfiltered->Find(text, reference));
    EXPECT_EQ(Describe(plain->Find(text, reference)), expected) << text;
    const std::vector<TimeExpression> spaced_times = spaced->Find(text, reference);
    EXPECT_EQ(Describe(spaced_times), Describe(spaced_unfiltered->Find(text, reference))) << text;
    for (const TimeExpression& t : spaced_times) found += t.text.find("zzq") != std::string::npos;
  }
  EXPECT_GT(found, 30);  // the rule that begins with white space did match
}

}  // namespace
}  // namespace kg
