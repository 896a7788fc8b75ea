// LazyRegex and deferred pattern compilation: group numbers read from a
// pattern's source must be RE2's, the built-in pack may defer its patterns
// (and every one of them compiles at the default budget), and any other pack
// is still compiled, and its errors reported, at load.
#include "extract/lazy_regex.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "extract/extractor.h"
#include "extract/rule_pack.h"
#include "rules/embedded_rules.h"

namespace kg {
namespace {

int Re2Number(const std::string& pattern, const std::string& name) {
  RE2 re(pattern);
  EXPECT_TRUE(re.ok()) << pattern << ": " << re.error();
  auto it = re.NamedCapturingGroups().find(name);
  return it == re.NamedCapturingGroups().end() ? 0 : it->second;
}

TEST(LazyRegexTest, GroupNumbersAreRe2s) {
  for (const std::string pattern : {
           "(?P<subj>a) (?P<obj>b)",
           "(a)(?:b)(?P<obj>c)(?P<subj>d)",
           "\\((x)\\) (?P<subj>a)",
           "[(](y)[^)](?P<subj>a)",
           "[]()](z)[^]()](?P<subj>a)",
           "[[:alpha:](](w)(?P<subj>a)",
           "\\Q((\\E(v)(?P<subj>a)",
           "(?i:(u))(?i)(?P<subj>a)(?P<obj>b)",
           "no groups at all",
       }) {
    EXPECT_EQ(NamedGroupNumber(pattern, "subj"), Re2Number(pattern, "subj")) << pattern;
    EXPECT_EQ(NamedGroupNumber(pattern, "obj"), Re2Number(pattern, "obj")) << pattern;
    EXPECT_EQ(NamedGroupNumbers(pattern, {"obj", "subj", "none"}),
              (std::vector<int>{Re2Number(pattern, "obj"), Re2Number(pattern, "subj"), 0}))
        << pattern;
  }
}

// SyntaxBytes::Next against find_first_of, on regex-like text with bytes of
// every kind (non-ASCII and NUL too), from every start: for stop sets read
// eight bytes a step (one to three bytes, a repeated one, NUL, 0xff) and for
// larger ones (read a byte at a time).
TEST(SyntaxBytesTest, NextIsTheFirstOfTheBytes) {
  static constexpr SyntaxBytes kFive("\\[()|"), kThree("\\[("), kTwo("{\\"), kOne("("),
      kRepeated("((["), kHigh("\xff\x80"), kNul(std::string_view("\0a", 2)), kSix("\\[()|?");
  const std::vector<std::pair<const SyntaxBytes*, std::string>> sets = {
      {&kFive, "\\[()|"},
      {&kThree, "\\[("},
      {&kTwo, "{\\"},
      {&kOne, "("},
      {&kRepeated, "(["},
      {&kHigh, "\xff\x80"},
      {&kNul, std::string("\0a", 2)},
      {&kSix, "\\[()|?"}};
  std::mt19937 rng(3);
  const std::string alphabet = std::string("ab \\[]()|?:<>e{}\xc4\xb1\x80\xff") + '\0';
  for (const auto& [stop, bytes] : sets) {
    for (int n = 0; n < 1500; ++n) {
      std::string text;
      const size_t size = rng() % 80;
      const int odd = 2 + static_cast<int>(rng() % 12);  // dense or sparse stops
      for (size_t i = 0; i < size; ++i) {
        text += rng() % odd == 0 ? alphabet[rng() % alphabet.size()]
                                 : static_cast<char>('a' + rng() % 26);
      }
      for (size_t from = 0; from <= text.size(); ++from) {
        const size_t want = text.find_first_of(bytes, from);
        ASSERT_EQ(stop->Next(text, from), want == std::string::npos ? text.size() : want)
            << bytes << " in " << text << " from " << from;
      }
    }
  }
}

TEST(LazyRegexTest, CompilesOnFirstUse) {
  LazyRegex lazy("a(b+)c", RE2::Options());
  EXPECT_FALSE(lazy.compiled());
  EXPECT_EQ(lazy.options().case_sensitive(), true);
  EXPECT_FALSE(lazy.compiled());
  EXPECT_TRUE(RE2::PartialMatch("xabbc", *lazy));
  EXPECT_TRUE(lazy.compiled());
  EXPECT_FALSE(LazyRegex());
  EXPECT_EQ(LazyRegex().get(), nullptr);
}

RuleSource BuiltIn() { return RuleSource{"news.yaml", std::string(EmbeddedRuleFile("news.yaml"))}; }

// What lets LoadRulePack defer the built-in pack: each of its patterns
// compiles at the default budget, and deferring changes no group number.
TEST(LazyRegexTest, BuiltInPackDefersPatternsThatAllCompile) {
  auto eager = LoadRulePack({BuiltIn()});
  ASSERT_TRUE(eager.ok()) << eager.status().ToString();
  auto deferred = LoadRulePack({BuiltIn()}, int64_t{4} << 20, true);
  ASSERT_TRUE(deferred.ok()) << deferred.status().ToString();
  const RulePack& e = **eager;
  const RulePack& d = **deferred;
  ASSERT_EQ(e.patterns.size(), d.patterns.size());
  ASSERT_GT(d.patterns.size(), 100u);
  for (size_t i = 0; i < d.patterns.size(); ++i) {
    EXPECT_TRUE(e.patterns[i].re.compiled());
    EXPECT_FALSE(d.patterns[i].re.compiled()) << d.patterns[i].rule;
    EXPECT_EQ(d.patterns[i].source, e.patterns[i].source);
    EXPECT_EQ(d.patterns[i].subject_group, e.patterns[i].subject_group) << d.patterns[i].rule;
    EXPECT_EQ(d.patterns[i].object_group, e.patterns[i].object_group) << d.patterns[i].rule;
    EXPECT_TRUE(d.patterns[i].re->ok()) << d.patterns[i].rule;
    EXPECT_EQ(d.patterns[i].re->NumberOfCapturingGroups(),
              e.patterns[i].re->NumberOfCapturingGroups());
  }
}

TEST(LazyRegexTest, OtherPacksAndSmallerBudgetsCompileAtLoad) {
  // A smaller budget than the tested one: compiled (and checked) at load.
  auto small = LoadRulePack({BuiltIn()}, int64_t{3} << 20, true);
  ASSERT_TRUE(small.ok()) << small.status().ToString();
  EXPECT_TRUE((*small)->patterns.front().re.compiled());
  // A changed pack: its bad pattern is still an error at load.
  RuleSource changed = BuiltIn();
  changed.text += "\n  - name: broken\n    patterns: ['{subj} (bought {obj}']\n";
  auto bad = LoadRulePack({changed}, int64_t{4} << 20, true);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("rule 'broken': pattern 'pattern1' does not compile"),
            std::string::npos)
      << bad.status().ToString();
}

}  // namespace
}  // namespace kg
