// FindTenseWindow, sixteen bytes a step, against the byte-at-a-time reading
// it replaced, for every expression extent of generated texts full of the
// bytes that end windows.
#include "extract/time/tense_window.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <random>
#include <string>
#include <string_view>

namespace kg::timex {
namespace {

TenseWindow ByteAtATime(std::string_view text, size_t begin, size_t end, size_t window) {
  TenseWindow w;
  w.from = begin > window ? begin - window : 0;
  for (size_t i = begin; i > w.from; --i) {
    const char c = text[i - 1];
    if (c == '\n' || ((c == '.' || c == '?' || c == '!') && i < begin && text[i] == ' ' && i >= 3 &&
                      std::islower(static_cast<unsigned char>(text[i - 2])) &&
                      std::islower(static_cast<unsigned char>(text[i - 3])))) {
      w.from = i;
      break;
    }
  }
  w.to = std::min(text.size(), end + window);
  for (size_t i = end; i < w.to; ++i) {
    if (text[i] == '\n' || text[i] == '.' || text[i] == '?' || text[i] == '!') {
      w.to = i;
      break;
    }
  }
  return w;
}

TEST(TenseWindowTest, SameAsByteAtATime) {
  // Stops are rare in some texts (long windows) and dense in others.
  const std::string pieces[] = {"ab", "cd", "X",  " ",  " ", "  ",      ".",
                                "?",  "!",  "\n", "e.", "5", "\xC3\xA9"};
  std::mt19937 rng(7);
  int bounded = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const size_t size = 1 + rng() % 140;
    const bool sparse = round % 2 == 0;
    while (text.size() < size) {
      const std::string& piece = pieces[rng() % std::size(pieces)];
      const bool stop = piece.find_first_of(".?!\n") != std::string::npos;
      if (sparse && stop && rng() % 8 != 0) continue;
      text += piece;
    }
    for (size_t window : {0, 1, 15, 16, 17, 33, 80, 200}) {
      for (size_t begin = 0; begin <= text.size(); ++begin) {
        for (size_t end = begin; end <= text.size() && end <= begin + 12; ++end) {
          const TenseWindow want = ByteAtATime(text, begin, end, window);
          const TenseWindow got = FindTenseWindow(text, begin, end, window);
          ASSERT_EQ(got.from, want.from)
              << window << " " << begin << " " << end << " [" << text << "]";
          ASSERT_EQ(got.to, want.to) << window << " " << begin << " " << end << " [" << text << "]";
          bounded += want.from > (begin > window ? begin - window : 0);
        }
      }
    }
  }
  EXPECT_GT(bounded, 10000);
}

}  // namespace
}  // namespace kg::timex
