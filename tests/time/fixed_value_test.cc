// What the time tagger works out once per distinct hit instead of per hit:
// a value that does not depend on the reference date (HitAttribution::Fixed)
// is what ResolveMatch gives for every reference and tense; and the loader's
// count of a pattern's capturing groups, made without compiling it, is RE2's.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "extract/time/calendar.h"
#include "extract/time/hit_memo.h"
#include "extract/time/resolve.h"
#include "extract/time/time_rules.h"
#include "rules/embedded_rules.h"

namespace kg {
namespace {

// Every hit of the shipped scanner in the rules' examples and in text made of
// them cut and mixed.
std::vector<std::string> Hits(const timex::CompiledRules& rules) {
  std::vector<std::string> texts;
  for (const timex::Example& e : rules.examples) texts.push_back(e.text);
  std::mt19937 rng(3);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int j = 0; j < 4; ++j) {
      const std::string& piece = rules.examples[rng() % rules.examples.size()].text;
      text += piece.substr(rng() % 3 == 0 ? rng() % piece.size() : 0, rng() % 50);
      text += " ,.-'\n"[rng() % 6];
    }
    texts.push_back(text);
  }
  for (const char* extra : {"Feb. 29, 2023", "February 29 last year", "several years ago",
                            "the 20th century", "Thanksgiving 2024", "twice daily", "the 1990s"}) {
    texts.push_back(extra);
  }
  std::vector<std::string> hits;
  for (const std::string& text : texts) {
    const re2::StringPiece input(text);
    for (size_t p = 0; p < text.size(); ++p) {
      re2::StringPiece m;
      if (rules.scanner->Match(input, p, text.size(), RE2::ANCHOR_START, &m, 1) && !m.empty()) {
        hits.emplace_back(m.data(), m.size());
      }
    }
  }
  return hits;
}

TEST(FixedValueTest, HoldsForEveryReferenceAndTense) {
  Result<std::unique_ptr<timex::CompiledRules>> compiled =
      timex::CompileTimeRules(EmbeddedRuleFile("time.yaml"), "rules/time.yaml");
  ASSERT_TRUE(compiled.ok()) << compiled.status().ToString();
  const timex::CompiledRules& rules = **compiled;
  const std::vector<Date> references = {{2024, 3, 13}, {2024, 2, 29}, {1999, 12, 31},
                                        {2013, 1, 5},  {1, 1, 1},     {9999, 12, 31}};
  int fixed = 0, unfixed = 0;
  for (const std::string& hit : Hits(rules)) {
    timex::HitAttribution a;
    timex::Attribute(rules, hit, &a);
    for (size_t i = 0; i < a.rules.size(); ++i) {
      const timex::HitAttribution::Capture& capture = a.captures[i];
      if (!capture.matched) continue;
      const timex::TimeRule& rule = rules.rules[a.rules[i]];
      if (!capture.fixed) {
        unfixed += rule.resolution != timex::Resolution::kIgnore;
        continue;
      }
      ++fixed;
      timex::SlotValues slots;
      timex::FillSlots(rules, a.rules[i], a, capture, hit, &slots);
      EXPECT_EQ(capture.fixed->mod, std::string(slots[timex::kMod])) << hit;
      for (const Date& reference : references) {
        for (timex::Tense tense :
             {timex::Tense::kUnknown, timex::Tense::kPast, timex::Tense::kFuture}) {
          std::optional<timex::Resolved> r = timex::ResolveMatch(rule, slots, reference, tense);
          ASSERT_TRUE(r.has_value()) << hit << " rule " << rule.name;
          EXPECT_EQ(r->value, capture.fixed->value) << hit << " rule " << rule.name;
          EXPECT_FALSE(r->relative) << hit;
        }
      }
      const bool dated = rule.type == "DATE" || rule.type == "TIME";
      EXPECT_EQ(capture.fixed->days,
                dated ? timex::SpanOfValue(capture.fixed->value) : std::nullopt)
          << hit;
    }
  }
  // Both kinds occur: absolute dates and durations, and dates placed by the
  // reference ("Tuesday", "last year").
  EXPECT_GT(fixed, 100);
  EXPECT_GT(unfixed, 100);
}

TEST(FixedValueTest, CapturingGroupsCountedAsRE2Counts) {
  std::vector<std::string> patterns = {
      "abc",           "(a)(b)",   "(?:a)(b)",      "(?P<x>a)|(?i)b", "\\(a\\)",    "[(]a[)]",
      "[]()]x(y)",     "[^](]x",   "[[:alpha:](]x", "\\Q(a)\\E(b)",   "\\Q(a)",     "(?i:(a)|b)",
      "((a)(?:b(c)))", "[\\]](d)", "a{2}(?-i:(b))", "x\\\\(y)",       "[a\\\\](z)",
  };
  Result<std::unique_ptr<timex::CompiledRules>> compiled =
      timex::CompileTimeRules(EmbeddedRuleFile("time.yaml"), "rules/time.yaml");
  ASSERT_TRUE(compiled.ok());
  for (const timex::RuleMatcher& m : (*compiled)->matchers) patterns.push_back(m.pattern);
  for (const std::string& p : patterns) {
    RE2 re(p, timex::RuleOptions());
    ASSERT_TRUE(re.ok()) << p << ": " << re.error();
    EXPECT_EQ(timex::CapturingGroups(p), re.NumberOfCapturingGroups()) << p;
  }
}

}  // namespace
}  // namespace kg
