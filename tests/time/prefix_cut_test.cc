// PrefixCut: it cuts where a byte-by-byte reading of the policy (first word,
// gap, start of the second word, depth) cuts, however the bytes are split
// into pieces, at the depths the start filter uses and at small ones.
#include "extract/time/prefix_cut.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>

namespace kg {
namespace {

using timex::PrefixCut;

// The policy as prefix_cut.h states it, one byte at a time: how many bytes of
// `s` are kept, or npos if it is kept whole.
size_t KeptByTheRule(std::string_view s, size_t max_depth) {
  auto word = [](unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  size_t first = 0, gap = 0, second = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    // Cut before byte i when the bytes before it fill a part or the depth.
    if (i == max_depth || first == PrefixCut::kMaxFirstWord || gap == PrefixCut::kMaxGap ||
        second == PrefixCut::kMaxSecondWord) {
      return i;
    }
    if (i > 0 && second > 0 && !word(static_cast<unsigned char>(s[i - 1]))) return i;
    const bool w = word(static_cast<unsigned char>(s[i]));
    if (gap == 0 && second == 0 && w) {
      ++first;
    } else if (second == 0 && !w) {
      ++gap;
    } else {
      ++second;
    }
  }
  return std::string_view::npos;
}

TEST(PrefixCutTest, CutsWhereTheRuleSays) {
  const std::vector<std::pair<std::string, size_t>> cases = {
      {"the past year", 8},                 // "the past": four bytes of the second word
      {"the pa", std::string_view::npos},   // ends before the cut
      {"may 5, 2020", 6},                   // "may 5,": the byte after the second word
      {"  , x", 3},                         // a gap of three
      {"abcdefghijklmnopq", 16},            // a first word of sixteen
      {"in 2020", std::string_view::npos},  // ends at the cut
  };
  for (const auto& [s, kept] : cases) {
    EXPECT_EQ(KeptByTheRule(s, 24), kept) << s;
    PrefixCut cut(24);
    EXPECT_EQ(cut.Read(s), kept) << s;
  }
}

TEST(PrefixCutTest, AgreesWithTheRuleOnGeneratedStrings) {
  std::mt19937 rng(7);
  const std::string bytes = "aZ09 ,-'\t.\xC3";
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const size_t size = rng() % 30;
    for (size_t i = 0; i < size; ++i) s += bytes[rng() % bytes.size()];
    const size_t max_depth = round % 3 == 0 ? 1 + rng() % 8 : 24;
    const size_t expected = KeptByTheRule(s, max_depth);
    // Read in random pieces, as Concat reads x and then y.
    PrefixCut cut(max_depth);
    size_t at = 0;
    size_t kept = std::string_view::npos;
    while (at < s.size()) {
      const size_t piece = 1 + rng() % (s.size() - at);
      const size_t n = cut.Read(std::string_view(s).substr(at, piece));
      if (n != std::string_view::npos) {
        kept = at + n;
        break;
      }
      at += piece;
    }
    ASSERT_EQ(kept, expected) << "'" << s << "' depth " << max_depth;
    if (expected == std::string_view::npos) {
      // Kept whole: full exactly when the rule would cut the next byte.
      EXPECT_EQ(cut.full(), KeptByTheRule(s + "a", max_depth) == s.size() &&
                                KeptByTheRule(s + " ", max_depth) == s.size())
          << "'" << s << "' depth " << max_depth;
    }
  }
}

}  // namespace
}  // namespace kg
