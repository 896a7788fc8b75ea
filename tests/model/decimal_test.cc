// decimal::Write must write what std::to_chars writes for every int64: the
// short path's every length and edge, and the values it hands to to_chars.
#include "graph/model/decimal.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cstdint>
#include <limits>
#include <random>
#include <string>

namespace kg {
namespace {

std::string Written(int64_t v) {
  char text[decimal::kMaxChars];
  return std::string(text, decimal::Write(v, text));
}

std::string Reference(int64_t v) {
  char text[32];
  return std::string(text, std::to_chars(text, text + sizeof text, v).ptr);
}

TEST(DecimalTest, WritesWhatToCharsWrites) {
  for (int64_t v = -2000; v <= 200000; ++v) ASSERT_EQ(Written(v), Reference(v)) << v;
  for (int64_t ten = 1; ten <= std::numeric_limits<int64_t>::max() / 10; ten *= 10) {
    for (int64_t v : {ten - 1, ten, ten + 1, -ten - 1, -ten, -ten + 1}) {
      ASSERT_EQ(Written(v), Reference(v)) << v;
    }
  }
  for (int64_t v : {std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max()}) {
    EXPECT_EQ(Written(v), Reference(v)) << v;
  }
  std::mt19937_64 rng(3);
  for (int i = 0; i < 100000; ++i) {
    const int64_t v = static_cast<int64_t>(rng()) >> (rng() % 64);
    ASSERT_EQ(Written(v), Reference(v)) << v;
  }
}

TEST(DecimalTest, WritePairWritesTwoDigits) {
  for (unsigned v = 0; v < 100; ++v) {
    char text[2];
    decimal::WritePair(v, text);
    EXPECT_EQ(std::string(text, 2), (v < 10 ? "0" : "") + std::to_string(v)) << v;
  }
}

}  // namespace
}  // namespace kg
