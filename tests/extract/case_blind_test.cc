// When a relation pattern may be compiled case-sensitively: only where case
// folding cannot change what it matches, and then it must match as the
// case-blind compile does.
#include "extract/case_blind.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include "extract/extractor.h"
#include "extract/prefilter.h"
#include "extract/rule_pack.h"
#include "rules/embedded_rules.h"
#include "tests/extract/example_views_util.h"

namespace kg {
namespace {

TEST(CaseBlindTest, NeutralRegexes) {
  for (std::string_view source :
       {"<e\\d+:person> (?:acquired|bought) \\S+\\s\\w+\\b", "[^,;\"()]{1,100}", "a\\.b\\$",
        "(?i:x)|(?-i:y)", "\\A\\z\\n\\t", "(?P<Subj>x)(?U)y"}) {
    EXPECT_TRUE(CaseNeutralRegex(source)) << source;
  }
  for (std::string_view source :
       {"Acquired", "\\x41", "\\101", "\\pL", "\\P{Lu}", "\\Qa\\E", "[[:upper:]]", "caf\xc3\xa9",
        "\\C", "\\e", "(?:X)", "(?P<a>B)"}) {
    EXPECT_FALSE(CaseNeutralRegex(source)) << source;
  }
}

TEST(CaseBlindTest, CaseFreeText) {
  EXPECT_TRUE(CaseFreeText("<e1:person> bought <e2:organization> \xe2\x80\x94 caf\xc3\xa9"));
  EXPECT_FALSE(CaseFreeText("<e1:Person> bought"));
  EXPECT_FALSE(
      CaseFreeText("li\xe2\x84\xaa"
                   "es"));                   // KELVIN SIGN
  EXPECT_FALSE(CaseFreeText("ba\xc5\xbf"));  // LONG S
  EXPECT_TRUE(HasAsciiFoldingChars("\xc4\xb1"));
  EXPECT_FALSE(HasAsciiFoldingChars("abc"));
}

// CaseFreeText reads eight or sixteen bytes at a time (the last sixteen
// overlapping): every byte value at every place of texts of every length
// around those sizes, up to three blocks of sixteen, answers as a
// byte-by-byte reading would (only upper-case ASCII turns the answer; the
// non-ASCII bytes here are lone bytes, never a folding character).
TEST(CaseBlindTest, CaseFreeTextReadsEveryByte) {
  for (size_t size = 1; size <= 50; ++size) {
    for (size_t at = 0; at < size; ++at) {
      for (int b = 1; b < 256; ++b) {
        std::string text(size, 'z');
        text[at] = static_cast<char>(b);
        // A neighbour with its high bit set must not hide an upper-case byte.
        if (at + 1 < size) text[at + 1] = '\xff';
        const bool upper = b >= 'A' && b <= 'Z';
        EXPECT_EQ(CaseFreeText(text), !upper) << "byte " << b << " at " << at << " of " << size;
        // The two-answer form: the same, and whether every byte is ASCII
        // (here without the high neighbour, so `b` alone decides).
        text[at + 1 < size ? at + 1 : at] = at + 1 < size ? 'z' : text[at];
        bool ascii = false;
        EXPECT_EQ(CaseFreeText(text, &ascii), !upper) << "byte " << b << " at " << at;
        EXPECT_EQ(ascii, b < 0x80) << "byte " << b << " at " << at << " of " << size;
        text[at] = 'Q';
        if (at + 1 < size) text[at + 1] = static_cast<char>(b);
        EXPECT_FALSE(CaseFreeText(text, &ascii));
        EXPECT_EQ(ascii, at + 1 >= size || b < 0x80) << "after an upper-case byte: " << b;
      }
    }
  }
}

// Every case-neutral pattern of the news pack, compiled both ways, finds the
// same matches with the same groups on the example articles' case-free
// views and on views case folding would change (where only the case-blind
// compile is right, and the matcher uses it).
TEST(CaseBlindTest, NewsPackCompilesAgreeOnCaseFreeViews) {
  std::shared_ptr<const RulePack> pack = testing_util::NewsPack(/*deferred=*/true);
  ASSERT_TRUE(pack);
  const RulePack& p = *pack;
  std::vector<std::string> views;
  Status read = testing_util::ExampleArticleViews(p, &views);
  ASSERT_TRUE(read.ok()) << read.ToString();
  int neutral = 0, matches = 0, free_views = 0;
  for (const PatternDef& pat : p.patterns) {
    if (!pat.re_case_free) continue;
    ++neutral;
    // The pack defers these on the promise that they compile (LoadRulePack).
    EXPECT_TRUE(pat.re_case_free->ok()) << pat.rule << ": " << pat.re_case_free->error();
  }
  EXPECT_GT(neutral, static_cast<int>(p.patterns.size()) * 9 / 10);
  std::vector<int> candidates;
  re2::StringPiece blind[16], sensitive[16];
  for (const std::string& view : views) {
    if (!CaseFreeText(view)) continue;
    ++free_views;
    p.prefilter->Candidates(view, &candidates);
    const re2::StringPiece text(view);
    for (int i : candidates) {
      const PatternDef& pat = p.patterns[i];
      if (!pat.re_case_free) continue;
      const int groups = std::min(pat.re->NumberOfCapturingGroups() + 1, 16);
      for (size_t pos = 0; pos < text.size(); ++pos) {
        const bool a = pat.re->Match(text, pos, text.size(), RE2::UNANCHORED, blind, groups);
        const bool b =
            pat.re_case_free->Match(text, pos, text.size(), RE2::UNANCHORED, sensitive, groups);
        ASSERT_EQ(a, b) << pat.rule << " in " << view;
        if (!a) break;
        ++matches;
        for (int g = 0; g < groups; ++g) {
          EXPECT_EQ(blind[g].data(), sensitive[g].data()) << pat.rule << " group " << g;
          EXPECT_EQ(blind[g].size(), sensitive[g].size()) << pat.rule << " group " << g;
        }
        pos = blind[0].data() - text.data();
      }
    }
  }
  EXPECT_GT(free_views, static_cast<int>(views.size()) / 2);
  EXPECT_GT(matches, 20);
}

}  // namespace
}  // namespace kg
