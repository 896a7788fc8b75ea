// MakeFactId against FNV-1a written out byte by byte, the definition the ids
// have always had: a faster hash loop must give the same ids.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>

#include "graph/model/fact.h"

namespace kg {
namespace {

std::string ReferenceId(const Fact& f) {
  uint64_t h = 14695981039346656037ull;
  auto byte = [&h](unsigned char c) {
    h ^= c;
    h *= 1099511628211ull;
  };
  auto field = [&](const std::string& s) {
    for (unsigned char c : s) byte(c);
    byte(0xff);
  };
  field(f.doc);
  field(std::to_string(f.span_begin) + ":" + std::to_string(f.span_end));
  field(f.rule);
  field(f.subject);
  field(f.relation);
  field(f.object);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

TEST(FactIdTest, SameAsByteAtATimeFnv) {
  // Fields of every length from 0 to 9 bytes (the hash takes four at a time),
  // negative and large spans, bytes above 0x7f.
  const std::string pieces[] = {"",       "a", "ab",    "abc",       "abcd",           "abcde",
                                "abcdef", "é", "a\xff", "Elon Musk", "acquired.active"};
  int checked = 0;
  for (const std::string& doc : pieces) {
    for (const std::string& subject : pieces) {
      Fact f;
      f.doc = doc;
      f.subject = subject;
      f.object = subject + doc;
      f.relation = "acquired";
      f.rule = doc + "." + subject;
      f.span_begin = static_cast<int64_t>(doc.size()) * 1234567 - 3;
      f.span_end = f.span_begin + static_cast<int64_t>(subject.size()) * 99991;
      EXPECT_EQ(MakeFactId(f), ReferenceId(f)) << "doc '" << doc << "' subject '" << subject << "'";
      ++checked;
    }
  }
  Fact extreme;
  extreme.span_begin = INT64_MIN;
  extreme.span_end = INT64_MAX;
  EXPECT_EQ(MakeFactId(extreme), ReferenceId(extreme));
  EXPECT_EQ(checked, 121);
}

// Random fields of random bytes, spans at both ends of their range.
TEST(FactIdTest, SameAsByteAtATimeFnvOnRandomFacts) {
  std::mt19937 rng(9);
  auto text = [&rng] {
    std::string s(rng() % 40, ' ');
    for (char& c : s) c = static_cast<char>(rng() % 256);
    return s;
  };
  for (int i = 0; i < 2000; ++i) {
    Fact f;
    f.doc = text();
    f.rule = text();
    f.subject = text();
    f.relation = text();
    f.object = text();
    f.span_begin = static_cast<int64_t>(rng()) - (int64_t{1} << 31);
    f.span_end = i == 0 ? INT64_MIN : i == 1 ? INT64_MAX : static_cast<int64_t>(rng());
    ASSERT_EQ(MakeFactId(f), ReferenceId(f)) << i;
  }
}

}  // namespace
}  // namespace kg
