// ReadQuantifier: the quantifiers of RE2 syntax, and the '{' that is a
// literal; ControlEscape: the one-letter control escapes.
#include "extract/regex_syntax.h"

#include <gtest/gtest.h>

namespace kg {
namespace {

struct Read {
  bool ok;
  int min, max;
  size_t end;
};

Read At(std::string_view re, size_t pos) {
  int min = 7, max = 7;
  const bool ok = ReadQuantifier(re, &pos, &min, &max);
  return {ok, min, max, pos};
}

TEST(RegexSyntaxTest, ReadsEveryForm) {
  struct Case {
    std::string_view re;
    int min, max;
    size_t end;
  };
  for (const Case& c : std::vector<Case>{{"a*b", 0, -1, 2},
                                         {"a+?b", 1, -1, 3},
                                         {"a?", 0, 1, 2},
                                         {"a{3}b", 3, 3, 4},
                                         {"a{2,}", 2, -1, 5},
                                         {"a{0,100}?x", 0, 100, 9}}) {
    const Read r = At(c.re, 1);
    EXPECT_TRUE(r.ok) << c.re;
    EXPECT_EQ(r.min, c.min) << c.re;
    EXPECT_EQ(r.max, c.max) << c.re;
    EXPECT_EQ(r.end, c.end) << c.re;
  }
}

TEST(RegexSyntaxTest, LiteralBracesAndOtherBytesAreNone) {
  for (std::string_view re : {"ab", "a{", "a{x}", "a{,3}", "a{3", "a{3,x}", "a{1234567}", "a"}) {
    const Read r = At(re, 1);
    EXPECT_FALSE(r.ok) << re;
    EXPECT_EQ(r.end, 1u) << re;
    EXPECT_EQ(r.min, 7) << re;
  }
}

TEST(RegexSyntaxTest, ControlEscapes) {
  EXPECT_EQ(ControlEscape('n'), '\n');
  EXPECT_EQ(ControlEscape('t'), '\t');
  EXPECT_EQ(ControlEscape('a'), '\a');
  EXPECT_EQ(ControlEscape('d'), -1);  // a class, not a byte
  EXPECT_EQ(ControlEscape('.'), -1);
}

}  // namespace
}  // namespace kg
