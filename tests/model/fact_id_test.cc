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

// WriteFactId writes the same id over whatever the string held, into the
// fact's own id field too, and keeps a buffer that has room for it.
TEST(FactIdTest, WriteFactIdSameAsMakeFactIdAndKeepsItsBuffer) {
  std::mt19937 rng(11);
  const std::string previous[] = {"", "x", "0123456789abcdef", std::string(100, 'z')};
  for (int i = 0; i < 200; ++i) {
    Fact f;
    f.doc = "doc" + std::to_string(rng() % 1000);
    f.rule = "acquired.active";
    f.subject = std::string(rng() % 30, 'S');
    f.relation = "acquired";
    f.object = std::string(rng() % 30, 'O');
    f.span_begin = static_cast<int64_t>(rng() % 100000);
    f.span_end = f.span_begin + static_cast<int64_t>(rng() % 500);
    const std::string expected = ReferenceId(f);
    for (const std::string& before : previous) {
      std::string id = before;
      id.reserve(16);
      const char* const buffer = id.data();
      WriteFactId(f, &id);
      EXPECT_EQ(id, expected) << i << " over '" << before << "'";
      EXPECT_EQ(id.data(), buffer) << "a new buffer for an id with room for one";
    }
    f.id = previous[i % 4];
    WriteFactId(f, &f.id);
    EXPECT_EQ(f.id, expected) << i;
    EXPECT_EQ(MakeFactId(f), expected) << i;
  }
}

}  // namespace
}  // namespace kg
