// RuleSet: the rules it says match a hit are those an RE2 set of every
// pattern as written, case-blind, says, for ASCII hits in any casing (run
// through the lower-cased rewrites) and for hits that are not ASCII (the
// Kelvin sign and the long s, which case-blind RE2 folds to 'k' and 's');
// a pattern that does not parse is refused with RE2's own message.
#include "extract/time/rule_set.h"

#include <gtest/gtest.h>
#include <re2/set.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "extract/ascii.h"
#include "extract/time/lower_case_pattern.h"
#include "extract/time/time_expression.h"
#include "extract/time/time_rules.h"
#include "rules/embedded_rules.h"

namespace kg {
namespace {

// What the reference set matches, ascending, through the first rule of
// `rules` that has no context conditions.
std::vector<int> Expected(const RE2::Set& reference, const timex::CompiledRules& rules,
                          const std::string& hit) {
  std::vector<int> matched;
  if (!reference.Match(hit, &matched)) matched.clear();
  std::sort(matched.begin(), matched.end());
  for (size_t i = 0; i < matched.size(); ++i) {
    const timex::RuleMatcher& m = rules.matchers[static_cast<size_t>(matched[i])];
    if (!m.before && !m.not_before && !m.after && !m.not_after) {
      matched.resize(i + 1);
      break;
    }
  }
  return matched;
}

// Hits of the shipped rules and near misses: what the tagger finds in the
// examples, in capitals and lower case, cut short, and with a letter swapped
// for one that case-blind RE2 matches outside ASCII.
std::vector<std::string> Hits(const timex::CompiledRules& rules) {
  Result<TimeTagger> tagger = TimeTagger::Default();
  EXPECT_TRUE(tagger.ok());
  std::vector<std::string> hits = {"May", "may", "MAY", "May 2020", "this week", "last year"};
  for (const timex::Example& e : rules.examples) {
    for (const TimeExpression& t : tagger->Find(e.text, std::nullopt)) {
      std::string upper = t.text, lower = t.text;
      for (char& c : upper) c = ascii::Lower(c) ? static_cast<char>(c - 32) : c;
      for (char& c : lower) c = ascii::Fold(c);
      for (const std::string& h : {t.text, upper, lower}) {
        hits.push_back(h);
        hits.push_back(h.substr(0, h.size() - 1));
      }
    }
  }
  const size_t ascii_hits = hits.size();
  for (size_t i = 0; i < ascii_hits; ++i) {
    const std::string& h = hits[i];
    const size_t k = h.find_first_of("kK");
    if (k != std::string::npos) hits.push_back(h.substr(0, k) + "\xE2\x84\xAA" + h.substr(k + 1));
    const size_t s = h.find_first_of("sS");
    if (s != std::string::npos) hits.push_back(h.substr(0, s) + "\xC5\xBF" + h.substr(s + 1));
  }
  return hits;
}

TEST(RuleSetTest, MatchesAsTheCaseBlindSetOfAllPatterns) {
  Result<std::unique_ptr<timex::CompiledRules>> loaded =
      timex::CompileTimeRules(EmbeddedRuleFile("time.yaml"), "rules/time.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const timex::CompiledRules& rules = **loaded;
  RE2::Set reference(timex::RuleOptions(), RE2::ANCHOR_BOTH);
  for (const timex::RuleMatcher& m : rules.matchers) {
    std::string error;
    ASSERT_GE(reference.Add(m.pattern, &error), 0) << error;
  }
  ASSERT_TRUE(reference.Compile());
  int matched = 0, outside_ascii = 0;
  for (const std::string& hit : Hits(rules)) {
    const std::vector<int> want = Expected(reference, rules, hit);
    std::vector<int> got = {-1};  // Match replaces what is there
    rules.rule_set->Match(hit, &got);
    EXPECT_EQ(got, want) << hit;
    matched += !want.empty();
    outside_ascii += !want.empty() && !ascii::AllAscii(hit);
  }
  EXPECT_GT(matched, 200);
  EXPECT_GT(outside_ascii, 5);  // "this wee\u212A" is "this week"
}

TEST(RuleSetTest, CaseSensitivePatternsStayCaseSensitive) {
  timex::RuleSet set;
  std::string error;
  ASSERT_TRUE(set.Add("(?:next (?-i:May))", false, &error)) << error;
  ASSERT_TRUE(set.Add("(?:next [A-C]x)", false, &error)) << error;
  ASSERT_TRUE(set.Add("(?:NEXT (?:may|cx))", false, &error)) << error;
  ASSERT_TRUE(set.Compile());
  const std::vector<std::pair<std::string, std::vector<int>>> cases = {
      {"next May", {0, 2}}, {"NEXT May", {0, 2}}, {"next may", {2}}, {"Next MAY", {2}},
      {"next cX", {1, 2}},  {"next Bx", {1}},     {"next dx", {}},   {"next\xE2\x84\xAA", {}}};
  for (const auto& [hit, want] : cases) {
    std::vector<int> got;
    set.Match(hit, &got);
    EXPECT_EQ(got, want) << hit;
  }
}

// The list ends with the first unconditional rule, wherever its pattern
// sits; a rule with conditions before it stays.
TEST(RuleSetTest, ListEndsWithTheFirstUnconditionalRule) {
  timex::RuleSet set;
  std::string error;
  ASSERT_TRUE(set.Add("(?:[a-z]+ x)", false, &error)) << error;     // 0, conditional
  ASSERT_TRUE(set.Add("(?:(?-i:May) x)", true, &error)) << error;   // 1, as written
  ASSERT_TRUE(set.Add("(?:may x)", true, &error)) << error;         // 2
  ASSERT_TRUE(set.Add("(?:(?-i:M)ay x)", false, &error)) << error;  // 3, as written
  ASSERT_TRUE(set.Add("(?:[a-z]+ X)", true, &error)) << error;      // 4
  ASSERT_TRUE(set.Compile());
  const std::vector<std::pair<std::string, std::vector<int>>> cases = {
      {"May x", {0, 1}}, {"may x", {0, 2}}, {"maY x", {0, 2}}, {"june x", {0, 4}}, {"x", {}}};
  for (const auto& [hit, want] : cases) {
    std::vector<int> got;
    set.Match(hit, &got);
    EXPECT_EQ(got, want) << hit;
  }
  timex::RuleSet conditional;
  ASSERT_TRUE(conditional.Add("(?:[a-z]+ x)", false, &error)) << error;
  ASSERT_TRUE(conditional.Add("(?:(?-i:May) x)", false, &error)) << error;
  ASSERT_TRUE(conditional.Add("(?:may x)", false, &error)) << error;
  ASSERT_TRUE(conditional.Compile());
  std::vector<int> got;
  conditional.Match("May x", &got);
  EXPECT_EQ(got, (std::vector<int>{0, 1, 2}));
}

TEST(RuleSetTest, RefusesWhatRE2RefusesWithItsMessage) {
  for (const std::string bad : {"(?:Next", "[Z-A]", "x{3,2}", "Next)", "a**"}) {
    RE2::Set reference(timex::RuleOptions(), RE2::ANCHOR_BOTH);
    std::string want;
    ASSERT_LT(reference.Add(bad, &want), 0) << bad;
    timex::RuleSet set;
    std::string got;
    EXPECT_FALSE(set.Add(bad, true, &got)) << bad;
    EXPECT_EQ(got, want) << bad;
  }
}

}  // namespace
}  // namespace kg
