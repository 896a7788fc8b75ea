// CueFilter may say "maybe" too often, never "no" where the cue regex
// matches: checked against the regexes of the news pack on the example
// articles' views and on generated clauses full of near-misses, and against
// small lists of its own that exercise each kind of cue.
#include "extract/cue_filter.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <random>

#include "extract/extractor.h"
#include "extract/rule_pack.h"
#include "rules/embedded_rules.h"
#include "tests/extract/example_views_util.h"

namespace kg {
namespace {

using testing_util::NewsPack;

using Lists = std::vector<std::vector<std::string>>;

// How the rule loader compiles a cue list.
std::unique_ptr<RE2> ListRegex(const std::vector<std::string>& cues) {
  std::string alt;
  for (const std::string& c : cues) alt += (alt.empty() ? "" : "|") + c;
  RE2::Options options;
  options.set_case_sensitive(false);
  return std::make_unique<RE2>("\\b(?:" + alt + ")\\b", options);
}

// Clauses of words that are cues, hold cues ("notable", "mayor"), end like
// cues ("won't", "we'll"), with upper case, punctuation and entity tokens.
std::vector<std::string> GeneratedClauses(int count) {
  const std::vector<std::string> words = {
      "not",       "notable",    "another",     "can't",
      "won't",     "we'll",      "'ll",         "no",
      "longer",    "no longer",  "never",       "nevertheless",
      "Never",     "NOT",        "would",       "would-be",
      "could",     "may",        "mayor",       "if",
      "gift",      "can",        "american",    "plans",
      "plan",      "to",         "planned",     "rumoured",
      "rumored",   "reportedly", "reports",     "said",
      "according", "claims",     "claimed",     "sources",
      "people",    "familiar",   "<e1:person>", "<e2:organization>",
      "<t0>",      "acquired",   "bought",      "the",
      ",",         "\"",         "-",           "_can",
      "can_",      "didn't",     "n't",         "isn't",
      "o'clock",   "will",       "William"};
  std::mt19937 rng(7);
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 9);
    for (int w = 0; w < n; ++w) {
      if (!text.empty() && rng() % 5 != 0) text += ' ';
      text += words[rng() % words.size()];
    }
    out.push_back(text);
  }
  return out;
}

// List `list` of the filter answers for `regex`.
void ExpectNoFalseNo(const CueFilter& filter, int list, const RE2& regex,
                     const std::vector<std::string>& texts, int* rejected) {
  for (const std::string& text : texts) {
    const bool may = (filter.MayMatch(text) >> list & 1) != 0;
    if (RE2::PartialMatch(text, regex)) {
      EXPECT_TRUE(may) << "the regex matches '" << text << "'";
    }
    if (!may) ++*rejected;
  }
}

TEST(CueFilterTest, NewsPackFiltersNeverRejectAMatch) {
  auto pack = NewsPack();
  ASSERT_NE(pack, nullptr);
  const CueSet& cues = pack->cues;
  ASSERT_NE(cues.filter, nullptr);
  EXPECT_EQ(cues.filter->always(), 0u);
  EXPECT_FALSE(cues.filter->HasSpaceRuns());
  std::vector<std::string> views;
  Status read = testing_util::ExampleArticleViews(*pack, &views);
  ASSERT_TRUE(read.ok()) << read.ToString();
  // Every clause window a view can give: its cuts at every 4th byte, both ends.
  std::vector<std::string> texts;
  for (const std::string& view : views) {
    for (size_t cut = 0; cut < view.size(); cut += 4) {
      texts.push_back(view.substr(0, cut));
      texts.push_back(view.substr(cut));
    }
  }
  std::vector<std::string> generated = GeneratedClauses(20000);
  texts.insert(texts.end(), generated.begin(), generated.end());
  int rejected[3] = {0, 0, 0};
  ExpectNoFalseNo(*cues.filter, 0, *cues.negation, texts, &rejected[0]);
  ExpectNoFalseNo(*cues.filter, 1, *cues.modality, texts, &rejected[1]);
  ExpectNoFalseNo(*cues.filter, 2, *cues.hedge, texts, &rejected[2]);
  // And it is worth having: most texts hold no cue of a given list.
  for (int r : rejected) EXPECT_GT(r, static_cast<int>(texts.size()) / 3);
}

TEST(CueFilterTest, PlainCuesNeedWholeWords) {
  const std::vector<std::string> list = {"not", "no longer", "Never", "would-be", "'ll"};
  const CueFilter filter(Lists{list});
  EXPECT_EQ(filter.always(), 0u);
  auto regex = ListRegex(list);
  struct Case {
    std::string text;
    bool match;
  };
  for (const Case& c : std::vector<Case>{
           {"<e1:person> did not buy <e2:person>", true},
           {"a notable deal", false},
           {"another deal", false},
           {"NOT now", true},
           {"never", true},
           {"nevermore", false},
           {"no  longer", false},
           {"no longer", true},
           {"no longer_", false},
           {"a would-be buyer", true},
           {"she'll buy", true},
           {"'ll buy", false},
           {"she 'll", false},
           {"", false},
       }) {
    EXPECT_EQ(RE2::PartialMatch(c.text, *regex), c.match) << "test case itself: " << c.text;
    EXPECT_EQ(filter.MayMatch(c.text), c.match ? 1u : 0u) << c.text;
  }
}

TEST(CueFilterTest, OtherCuesNeedTheirRequiredStrings) {
  const std::vector<std::string> list = {"plans? to", "[a-z]+n't", "rumou?red"};
  const CueFilter filter(Lists{list});
  EXPECT_EQ(filter.always(), 0u);
  EXPECT_EQ(filter.MayMatch("it plans to buy"), 1u);
  EXPECT_EQ(filter.MayMatch("it didn't buy"), 1u);
  EXPECT_EQ(filter.MayMatch("a rumored deal"), 1u);
  EXPECT_EQ(filter.MayMatch("it bought the company"), 0u);
  int rejected = 0;
  ExpectNoFalseNo(filter, 0, *ListRegex(list), GeneratedClauses(5000), &rejected);
  EXPECT_GT(rejected, 0);
}

TEST(CueFilterTest, UnreadableCuesLetEverythingThrough) {
  EXPECT_EQ(CueFilter(Lists{{"never", "[a-z]+"}}).always(), 1u);  // nothing literal is required
  EXPECT_EQ(CueFilter(Lists{{"a)|(b"}}).always(), 1u);            // not a regex on its own
  EXPECT_EQ(CueFilter(Lists{{"[a-z]+"}}).MayMatch("nothing here"), 1u);
  EXPECT_EQ(CueFilter(Lists{{"[a-z]+ly"}}).MayMatch("nothing here"), 0u);  // needs "ly"
  EXPECT_EQ(CueFilter(Lists{std::vector<std::string>{}}).MayMatch("an empty list matches nothing"),
            0u);
}

// One pass answers for each list on its own.
TEST(CueFilterTest, SpaceRuns) {
  EXPECT_FALSE(CueFilter(Lists{{"no longer", "plans? to", "[a-z]+n't"}}).HasSpaceRuns());
  EXPECT_TRUE(CueFilter(Lists{{"never", "no  longer"}}).HasSpaceRuns());
  EXPECT_TRUE(CueFilter(Lists{{"(?:a|b)  c"}}).HasSpaceRuns());
}

TEST(CueFilterTest, ListsAnswerApart) {
  const CueFilter filter(Lists{{"not", "never"}, {"would", "plans? to"}, {"[a-z]+"}});
  EXPECT_EQ(filter.always(), 4u);
  EXPECT_EQ(filter.MayMatch("it did not buy"), 1u | 4u);
  EXPECT_EQ(filter.MayMatch("it would buy"), 2u | 4u);
  EXPECT_EQ(filter.MayMatch("it never plans to buy"), 1u | 2u | 4u);
  EXPECT_EQ(filter.MayMatch("it bought"), 4u);
}

}  // namespace
}  // namespace kg
