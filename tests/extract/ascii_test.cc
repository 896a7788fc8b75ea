// The word-at-a-time helpers of extract/ascii.h against byte loops: loading
// up to eight bytes, folding eight bytes at once, comparing folded runs of
// any length, and the in-line word comparison.
#include "extract/ascii.h"

#include <gtest/gtest.h>

#include <string>

namespace kg {
namespace {

// Bytes next to the capitals ('@', '[') and their bit-5 twins ('`', '{'),
// both cases, digits, and bytes from 0x80 (0xC1 would become 0xE1 if it were
// folded like a capital).
const std::string kAlphabet = "aAzZmM09@[`{ .-\xc1\xe1\x80\xff";

std::string RandomBytes(uint32_t* state, size_t length) {
  std::string s;
  for (size_t i = 0; i < length; ++i) {
    *state = *state * 1103515245u + 12345u;
    s += kAlphabet[(*state >> 8) % kAlphabet.size()];
  }
  return s;
}

TEST(AsciiTest, Load8ReadsTheBytesLittleEndianZeroAbove) {
  const std::string bytes = "\x01\x02\x03\x04\x05\x06\x07\x08\xff";
  for (size_t n = 0; n <= 8; ++n) {
    uint64_t expected = 0;
    for (size_t i = 0; i < n; ++i) {
      expected |= uint64_t{static_cast<unsigned char>(bytes[i])} << (8 * i);
    }
    EXPECT_EQ(ascii::Load8(bytes.data(), n), expected) << n;
  }
}

TEST(AsciiTest, FoldBytesFoldsEachByteLikeFold) {
  for (int c = 0; c < 256; ++c) {
    // The byte in every lane, next to bytes that could carry into it.
    for (uint64_t filler : {uint64_t{0}, uint64_t{0xFF}, uint64_t{'Z'}, uint64_t{'@'}}) {
      for (int lane = 0; lane < 8; ++lane) {
        uint64_t v = 0, expected = 0;
        for (int i = 0; i < 8; ++i) {
          const uint64_t b = i == lane ? static_cast<uint64_t>(c) : filler;
          v |= b << (8 * i);
          expected |= uint64_t{static_cast<unsigned char>(ascii::Fold(static_cast<char>(b)))}
                      << (8 * i);
        }
        ASSERT_EQ(ascii::FoldBytes(v), expected) << c << " in lane " << lane;
      }
    }
  }
}

TEST(AsciiTest, EqualFoldedAgreesWithAByteLoop) {
  uint32_t state = 3;
  for (int round = 0; round < 20000; ++round) {
    const size_t n = (state >> 4) % 30;
    const std::string text = RandomBytes(&state, n);
    std::string lower = text;
    for (char& c : lower) c = ascii::Fold(c);
    // Equal most of the time; otherwise one byte changed anywhere.
    if ((state >> 9) % 3 == 0 && n > 0) {
      lower[(state >> 12) % n] = kAlphabet[(state >> 17) % kAlphabet.size()];
    }
    bool expected = true;
    for (size_t i = 0; i < n; ++i) expected = expected && ascii::Fold(text[i]) == lower[i];
    ASSERT_EQ(ascii::EqualFolded(text.data(), lower.data(), n), expected)
        << round << ": " << text << " / " << lower;
  }
}

TEST(AsciiTest, IsComparesWholeWords) {
  EXPECT_TRUE(ascii::Is("person", "person"));
  EXPECT_FALSE(ascii::Is("persons", "person"));
  EXPECT_FALSE(ascii::Is("Person", "person"));
  EXPECT_FALSE(ascii::Is("", "person"));
  EXPECT_TRUE(ascii::Is("", ""));
}

// Runs of every length around the sixteen-byte steps, ending at every
// position, with any byte of the alphabet before them (those outside the run
// stop it; '.' and the letters and digits do not).
TEST(AsciiTest, AlnumOrDotRunStartAgreesWithAByteLoop) {
  uint32_t state = 7;
  for (int round = 0; round < 4000; ++round) {
    const std::string text = RandomBytes(&state, static_cast<size_t>(round % 70));
    std::string runs = text;
    // Long runs too: random bytes rarely give more than a few in a row.
    for (size_t i = 0; i < runs.size(); ++i) {
      if ((round / 70) % 3 == 1 && runs[i] != '@') runs[i] = i % 7 == 3 ? '.' : 'k';
    }
    for (size_t pos = 0; pos <= runs.size(); ++pos) {
      size_t want = pos;
      while (want > 0 && (ascii::Alnum(runs[want - 1]) || runs[want - 1] == '.')) --want;
      EXPECT_EQ(ascii::AlnumOrDotRunStart(runs, pos), want) << "round " << round << " pos " << pos;
    }
  }
}

}  // namespace
}  // namespace kg
