// LowerCasePattern: the rewrite of a case-insensitive regex, run
// case-sensitively over lower-cased ASCII text, matches where the original
// matches the text and puts every group at the same offsets; patterns it
// cannot rewrite with certainty are refused. Checked on small random
// patterns over mixed-case random text, and on every shipped time rule over
// the hits the tagger finds, in three casings.
#include "extract/time/lower_case_pattern.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "extract/ascii.h"
#include "extract/time/time_expression.h"
#include "extract/time/time_rules.h"
#include "rules/embedded_rules.h"

namespace kg {
namespace {

std::string Lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii::Fold(c);
  return out;
}

// What `re` matches of all of `text`: "no match", or each group's offsets
// into `text` ("-" where it took no part).
std::string Groups(const RE2& re, const std::string& text) {
  std::vector<re2::StringPiece> subs(re.NumberOfCapturingGroups() + 1);
  if (!re.Match(text, 0, text.size(), RE2::ANCHOR_BOTH, subs.data(),
                static_cast<int>(subs.size()))) {
    return "no match";
  }
  std::string out;
  for (const re2::StringPiece& s : subs) {
    out += s.data() == nullptr
               ? std::string("-")
               : std::to_string(s.data() - text.data()) + "+" + std::to_string(s.size());
    out += ' ';
  }
  return out;
}

// Compares the original on `text` with the rewrite on its lower-cased copy;
// counts the texts either matches.
void ExpectSame(const std::string& pattern, const std::vector<std::string>& texts, int* matched) {
  const std::optional<std::string> rewrite = timex::LowerCasePattern(pattern);
  ASSERT_TRUE(rewrite.has_value()) << pattern;
  const RE2 original(pattern, timex::RuleOptions());
  RE2::Options options = timex::RuleOptions();
  options.set_case_sensitive(true);
  const RE2 lower(*rewrite, options);
  ASSERT_TRUE(original.ok()) << pattern;
  ASSERT_TRUE(lower.ok()) << *rewrite;
  for (const std::string& text : texts) {
    const std::string want = Groups(original, text);
    EXPECT_EQ(Groups(lower, Lowered(text)), want) << "'" << text << "' by " << pattern;
    *matched += want != "no match";
  }
}

TEST(LowerCasePatternTest, RewritesLettersAndRefusesWhatItCannotBeSureOf) {
  EXPECT_EQ(timex::LowerCasePattern("Jan\\.?(?: 1ST|[A-C]x)\\s+\\S\\b"),
            "jan\\.?(?: 1st|[a-c]x)\\s+\\S\\b");
  EXPECT_EQ(timex::LowerCasePattern("[^A-Z0-9\\s-][]X]"), "[^a-z0-9\\s-][]x]");
  EXPECT_EQ(timex::LowerCasePattern("a{2,3}$"), "a{2,3}$");
  for (const char* refused :
       {"(?-i:May)", "(?i)x", "(?P<n>x)", "\\pL", "\\x41", "\\Qab\\E", "[[:upper:]]", "[0-Z]",
        "[A-z]", "[\\b]", "\xC3\xA9", "[\\.-z]", "a\\", "[ab", "\\1"}) {
    EXPECT_EQ(timex::LowerCasePattern(refused), std::nullopt) << refused;
  }
}

TEST(LowerCasePatternTest, RandomPatternsMatchAsTheOriginalDoes) {
  std::mt19937 random(11);
  const std::vector<std::string> atoms = {"a",     "B",      "k",       "S",    "ab",    "[a-c]",
                                          "[B-D]", "[^a-b]", "[0-9]",   "\\s",  "\\S",   "\\w",
                                          "\\W",   "\\b",    "\\.",     "-",    "x",     "[xK ]",
                                          "[^K]",  ".",      "(?:a|B)", "[]a]", "(k|s)", "(\\d+)"};
  const char alphabet[] = {'a', 'A', 'b', 'B', 'c', 'k', 'K', 's',
                           'S', 'x', 'X', '1', ' ', '.', '-'};
  const char* const kQuantifiers[] = {"", "", "*", "+", "?"};
  int matched = 0;
  for (int round = 0; round < 400; ++round) {
    std::string pattern;
    const int pieces = 1 + static_cast<int>(random() % 5);
    for (int i = 0; i < pieces; ++i) {
      std::string piece = atoms[random() % atoms.size()];
      if (random() % 4 == 0) piece = "(" + piece + "|" + atoms[random() % atoms.size()] + ")";
      pattern += piece + kQuantifiers[random() % 5];
    }
    std::vector<std::string> texts;
    for (int t = 0; t < 60; ++t) {
      std::string text;
      const int size = static_cast<int>(random() % 7);
      for (int j = 0; j < size; ++j) text += alphabet[random() % sizeof(alphabet)];
      texts.push_back(text);
    }
    ExpectSame(pattern, texts, &matched);
  }
  EXPECT_GT(matched, 1000);  // the texts do reach the patterns
}

// Every hit the tagger finds in the rules' examples and in sentences made of
// their words, as found, in capitals and lower case.
std::vector<std::string> ShippedHits(const timex::CompiledRules& rules) {
  Result<TimeTagger> tagger = TimeTagger::Default();
  EXPECT_TRUE(tagger.ok());
  std::vector<std::string> texts;
  for (const timex::Example& e : rules.examples) texts.push_back(e.text);
  for (const char* text :
       {"two and a half years ago, twenty-four hours later, a couple of days from now",
        "the 1990s, the first quarter of 2023, 3rd-quarter 2022, Q4 2021, the second half of 1999",
        "at 10:30 p.m. EST, Tuesday, March 22, 2013, and 5 PM Friday, mid-November 2022",
        "a 6-year-old, 7-day-olds, every week, each Monday, the past 3 years, recent years",
        "last Christmas, New Year's Eve, the Fourth of July, Martin Luther King Jr. Day"}) {
    texts.push_back(text);
  }
  std::vector<std::string> hits;
  for (const std::string& text : texts) {
    for (const TimeExpression& t : tagger->Find(text, std::nullopt)) {
      hits.push_back(t.text);
      std::string upper = t.text;
      for (char& c : upper) c = ascii::Lower(c) ? static_cast<char>(c - 32) : c;
      hits.push_back(upper);
      hits.push_back(Lowered(t.text));
    }
  }
  return hits;
}

TEST(LowerCasePatternTest, ShippedRulesCaptureAsTheOriginalDoes) {
  Result<std::unique_ptr<timex::CompiledRules>> loaded =
      timex::CompileTimeRules(EmbeddedRuleFile("time.yaml"), "rules/time.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const timex::CompiledRules& rules = **loaded;
  const std::vector<std::string> hits = ShippedHits(rules);
  int matched = 0, rewritten = 0, refused = 0;
  for (const timex::RuleMatcher& m : rules.matchers) {
    std::vector<const std::string*> patterns = {&m.pattern};
    for (const timex::RuleMatcher::Alternative& a : m.alternatives) patterns.push_back(&a.pattern);
    for (const std::string* p : patterns) {
      if (!timex::LowerCasePattern(*p)) {
        ++refused;
        continue;
      }
      ++rewritten;
      ExpectSame(*p, hits, &matched);
    }
  }
  // Most rules are rewritten; those with case-sensitive slots ("May") not.
  EXPECT_GT(rewritten, 60);
  EXPECT_GT(refused, 0);
  EXPECT_GT(matched, 500);
}

}  // namespace
}  // namespace kg
