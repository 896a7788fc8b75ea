// The word-at-a-time scanners of text_scan.h against byte-by-byte references,
// and the writers built on them (fact lines, fact ids, the UTF-8 check)
// against the forms they replaced.
#include "graph/model/text_scan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "graph/model/fact.h"
#include "graph/model/fact_json.h"
#include "graph/model/text_bytes.h"

namespace kg {
namespace {

size_t ReferenceStop(std::string_view s, size_t from, bool stop_at_high) {
  for (size_t i = from; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '"' || c == '\\' || (stop_at_high && c >= 0x80)) return i;
  }
  return s.size();
}

// Random strings of every length up to 40 whose few special bytes sit
// anywhere, in particular next to word boundaries and in the tail.
std::string RandomText(std::mt19937& rng) {
  static const char kSpecial[] = {'"',    '\\',   '\0',   '\x01', '\x1f', '\n', '\x7f', ' ',
                                  '\x80', '\xc3', '\xe2', '\xff', '!',    '~',  'a',    'Z'};
  std::string s(rng() % 41, 'x');
  for (char& c : s) {
    if (rng() % 6 == 0) c = kSpecial[rng() % sizeof kSpecial];
  }
  return s;
}

TEST(TextScanTest, FindJsonStopAgreesWithAByteLoop) {
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    const std::string s = RandomText(rng);
    const size_t from = rng() % (s.size() + 1);
    for (bool high : {false, true}) {
      ASSERT_EQ(text_scan::FindJsonStop(s, from, high), ReferenceStop(s, from, high))
          << i << " from " << from << " high " << high;
    }
    ASSERT_EQ(text_scan::JsonPlainPrefix(s), ReferenceStop(s, 0, false)) << i;
  }
}

TEST(TextScanTest, FindAnyOfAndFindNulOrHighAgreeWithAByteLoop) {
  std::mt19937 rng(10);
  for (int i = 0; i < 20000; ++i) {
    const std::string s = RandomText(rng) + RandomText(rng);
    const size_t from = rng() % (s.size() + 1);
    size_t any = s.size(), nul_or_high = s.size();
    for (size_t k = s.size(); k-- > from;) {
      const unsigned char c = static_cast<unsigned char>(s[k]);
      if (c == '!' || c == '"' || c == 0xE2) any = k;
      if (c == 0 || c >= 0x80) nul_or_high = k;
    }
    ASSERT_EQ((text_scan::FindAnyOf<'!', '"', 0xE2>(s, from)), any) << i << " from " << from;
    ASSERT_EQ(text_scan::FindNulOrHigh(s, from), nul_or_high) << i << " from " << from;
  }
}

// Long plain runs with a rare NUL or high byte anywhere in them: the
// 64-byte steps, the 16-byte steps that find the hit and the tail.
TEST(TextScanTest, FindNulOrHighAgreesWithAByteLoopOnLongRuns) {
  std::mt19937 rng(13);
  const char kHits[] = {'\0', '\x80', '\xc3', '\xff'};
  for (int i = 0; i < 5000; ++i) {
    std::string s(rng() % 300, 'x');
    for (int hits = static_cast<int>(rng() % 3); hits > 0 && !s.empty(); --hits) {
      s[rng() % s.size()] = kHits[rng() % sizeof kHits];
    }
    const size_t from = rng() % (s.size() + 1);
    size_t expected = from;
    while (expected < s.size() && s[expected] != '\0' &&
           static_cast<unsigned char>(s[expected]) < 0x80) {
      ++expected;
    }
    ASSERT_EQ(text_scan::FindNulOrHigh(s, from), expected) << i << " from " << from;
  }
}

// One byte >= 0x80 (or none) anywhere in runs of every length around the
// 64-byte steps and the 8-byte tail.
TEST(TextScanTest, HasHighByteAgreesWithAByteLoop) {
  std::mt19937 rng(14);
  for (int i = 0; i < 5000; ++i) {
    std::string s(rng() % 300, 'x');
    if (!s.empty() && rng() % 2) s[rng() % s.size()] = static_cast<char>(0x80 + rng() % 128);
    if (!s.empty() && rng() % 4 == 0) s[rng() % s.size()] = '\0';
    const bool expected = std::any_of(s.begin(), s.end(),
                                      [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    ASSERT_EQ(text_scan::HasHighByte(s), expected) << i;
  }
}

TEST(TextScanTest, WriteJsonStringMatchesNlohmannOrRefusesInvalidUtf8) {
  std::mt19937 rng(8);
  for (int i = 0; i < 20000; ++i) {
    std::string s = RandomText(rng);
    if (rng() % 2) s += "é – 😀 “quoted” " + RandomText(rng);
    std::string out(text_scan::MaxJsonStringSize(s), '\0');
    char* end = text_scan::WriteJsonString(s, out.data());
    // Only invalid UTF-8 is refused; a NUL is escaped like any control byte.
    std::string without_nul = s;
    std::replace(without_nul.begin(), without_nul.end(), '\0', ' ');
    if (!CheckTextBytes(without_nul, "").ok()) {
      EXPECT_EQ(end, nullptr) << i;
      continue;
    }
    ASSERT_NE(end, nullptr) << i;
    out.resize(static_cast<size_t>(end - out.data()));
    EXPECT_EQ(out, nlohmann::json(s).dump()) << i;
  }
}

TEST(TextScanTest, IsPlainJsonPaddedAgreesWithFindJsonStop) {
  // Every length to 40, one byte of each kind at every position, and bytes
  // that would be stops just past the end (which must not count).
  const char kinds[] = {'a', '"', '\\', '\n', '\x1f', '\x7f', '\x80', '\xe9', ' '};
  for (size_t n = 0; n <= 40; ++n) {
    for (size_t at = 0; at <= n; ++at) {
      for (char kind : kinds) {
        std::string buffer(n + 16, '"');
        std::fill(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(n), 'x');
        if (at < n) buffer[at] = kind;
        const std::string_view s(buffer.data(), n);
        EXPECT_EQ(text_scan::IsPlainJsonPadded(buffer.data(), n),
                  text_scan::FindJsonStop(s, 0, true) == n)
            << "length " << n << ", byte " << int(kind) << " at " << at;
      }
    }
  }
}

TEST(TextScanTest, CheckTextBytesLocatesTheFirstBadByteAfterLongAsciiRuns) {
  for (size_t at = 0; at < 40; ++at) {
    std::string s(48, 'a');
    s[at / 2] = '\n';
    s[at] = '\xff';
    Status st = CheckTextBytes(s, "f");
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.ToString().find("at byte offset " + std::to_string(at) + ")"), std::string::npos)
        << st.ToString();
    s[at] = '\0';
    st = CheckTextBytes(s, "f");
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.ToString().find("NUL byte at byte offset " + std::to_string(at)),
              std::string::npos)
        << st.ToString();
  }
  EXPECT_TRUE(CheckTextBytes(std::string(100, 'a') + "é" + std::string(13, 'b'), "f").ok());
  EXPECT_FALSE(CheckTextBytes(std::string(100, 'a') + "\xc3", "f").ok());
}

TEST(TextScanTest, AppendFactJsonAppendsTheLineFactToJsonWrites) {
  Fact f;
  f.doc = "d";
  f.sentence = std::string(300, 's') + "\"quoted\"\n" + std::string(5000, 't');
  f.span_begin = INT64_MIN;
  f.span_end = INT64_MAX;
  f.doc_date = Date{-5, 123, 7};  // out of range: Date::ToString's own form
  f.time = FactTime{Date{12345, 1, 1}, Date{2024, 2, 29}, "v", "t", "explicit"};
  std::string out = "earlier line\n";
  AppendFactJson(f, &out);
  EXPECT_EQ(out, "earlier line\n" + FactToJson(f));
  EXPECT_NE(out.find("\"span\":[-9223372036854775808,9223372036854775807]"), std::string::npos);
  EXPECT_NE(out.find("\"doc_date\":\"" + f.doc_date->ToString() + "\""), std::string::npos);
  EXPECT_NE(out.find("\"start\":\"12345-01-01\""), std::string::npos);
  // A fact with invalid UTF-8 takes the replacing path, still appended.
  f.subject = "bad \xff";
  out = "x";
  AppendFactJson(f, &out);
  EXPECT_EQ(out, "x" + FactToJson(f));
  EXPECT_NE(out.find("bad \xef\xbf\xbd"), std::string::npos);
}

}  // namespace
}  // namespace kg
