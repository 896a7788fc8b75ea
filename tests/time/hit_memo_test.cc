// HitMemo: a remembered attribution is the one computed afresh, and tagging
// does not depend on what the memo already holds, how full it is, or which
// threads filled it.
#include "extract/time/hit_memo.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "extract/time/time_expression.h"
#include "rules/embedded_rules.h"

namespace kg {
namespace {

std::string Describe(const std::vector<TimeExpression>& list) {
  std::string out;
  for (const TimeExpression& t : list) {
    out += std::to_string(t.begin) + "-" + std::to_string(t.end) + " " + t.text + " " + t.type +
           " " + t.value + " " + t.mod + (t.relative ? " rel" : "") + "; ";
  }
  return out;
}

std::string Describe(const timex::HitAttribution& a, std::string_view hit) {
  std::string out;
  for (size_t i = 0; i < a.rules.size(); ++i) {
    out += "rule " + std::to_string(a.rules[i]) + (a.captures[i].matched ? ":" : " unmatched");
    for (const timex::GroupValue& g : a.captures[i].groups) {
      out += g.kind == timex::GroupValue::kUnset ? " -" : " [" + std::string(a.Value(g, hit)) + "]";
    }
    out += "; ";
  }
  return out;
}

TEST(HitMemoTest, RememberedEqualsComputed) {
  Result<std::unique_ptr<timex::CompiledRules>> rules =
      timex::CompileTimeRules(EmbeddedRuleFile("time.yaml"), "rules/time.yaml");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  timex::HitMemo memo(**rules);
  const std::vector<std::string> hits = {
      "Tuesday",           "two years ago", "twenty-four hours", "2 1/2 years",   "May 5, 2020",
      "mid-November 2022", "the 1990s",     "no rule here",      "a dozen years", "Tuesday"};
  for (const std::string& hit : hits) {
    timex::HitAttribution fresh;
    timex::Attribute(**rules, hit, &fresh);
    const timex::HitAttribution* first = memo.Find(hit);
    const timex::HitAttribution* again = memo.Find(std::string(hit));  // other bytes, same text
    EXPECT_EQ(first, again) << hit;
    EXPECT_EQ(Describe(*first, hit), Describe(fresh, hit)) << hit;
  }
  timex::HitAttribution compound;
  timex::Attribute(**rules, "twenty-four hours", &compound);
  EXPECT_NE(Describe(compound, "twenty-four hours").find("[24]"), std::string::npos)
      << Describe(compound, "twenty-four hours");
}

// The memo's key: a change of any one byte, at any place of a hit of any
// length, gives other bytes and (for this hash) another hash; the same bytes
// in other buffers, whatever follows them, are the same key.
TEST(HitMemoTest, KeySeesEveryByteAndNothingElse) {
  for (size_t size = 0; size <= 40; ++size) {
    std::string hit;
    for (size_t i = 0; i < size; ++i) hit += static_cast<char>('a' + (i * 7) % 26);
    const std::string followed_a = hit + "a tail";
    const std::string followed_b = hit + "b other";
    const std::string_view in_a(followed_a.data(), size);
    const std::string_view in_b(followed_b.data(), size);
    EXPECT_TRUE(ascii::SameBytes(in_a, in_b)) << size;
    EXPECT_EQ(timex::HitMemo::Hash(in_a), timex::HitMemo::Hash(in_b)) << size;
    // One byte longer or shorter is another hit.
    EXPECT_FALSE(ascii::SameBytes(in_a, std::string_view(followed_a.data(), size + 1)));
    EXPECT_NE(timex::HitMemo::Hash(in_a), timex::HitMemo::Hash(followed_a.substr(0, size + 1)));
    for (size_t i = 0; i < size; ++i) {
      for (char change : {'\x01', '\x80', 'A'}) {
        std::string other = hit;
        other[i] = static_cast<char>(other[i] ^ change);
        EXPECT_FALSE(ascii::SameBytes(hit, other)) << size << " at " << i;
        EXPECT_NE(timex::HitMemo::Hash(hit), timex::HitMemo::Hash(other)) << size << " at " << i;
      }
    }
  }
}

// More distinct hits than the memo keeps: "N unit" for many N and units.
std::string ManyDistinctHits() {
  std::string text;
  for (int n = 1; n < 1000; ++n) {
    for (const char* unit : {"days", "weeks", "months", "years", "hours", "minutes", "decades",
                             "quarters", "centuries", "weeks ago"}) {
      text += "It took " + std::to_string(n) + " " + unit + ". ";
    }
  }
  return text;
}

TEST(HitMemoTest, TaggingDoesNotDependOnTheMemo) {
  const std::string text =
      ManyDistinctHits() + "On Tuesday, two years ago, in May 2020 and the 1990s, for 2 1/2 years.";
  const Date reference{2024, 3, 13};
  Result<TimeTagger> cold = TimeTagger::Default();
  ASSERT_TRUE(cold.ok());
  const std::string expected = Describe(cold->Find(text, reference));
  EXPECT_NE(expected.find(" 537 days DURATION P537D "), std::string::npos);
  EXPECT_NE(expected.find(" 2 1/2 years DURATION P2Y6M "), std::string::npos);
  // The memo is full now; the same tagger again, and piece by piece from the
  // end (another order of filling), give the same list.
  EXPECT_EQ(Describe(cold->Find(text, reference)), expected);
  Result<TimeTagger> backwards = TimeTagger::Default();
  ASSERT_TRUE(backwards.ok());
  for (size_t cut = text.size(); cut > 0;) {
    cut = cut > 5000 ? text.rfind(". ", cut - 5000) : 0;
    backwards->Find(std::string_view(text).substr(cut == std::string::npos ? 0 : cut), reference);
    if (cut == std::string::npos) break;
  }
  EXPECT_EQ(Describe(backwards->Find(text, reference)), expected);
  Result<TimeTagger> shared = TimeTagger::Default();
  ASSERT_TRUE(shared.ok());
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] { results[i] = Describe(shared->Find(text, reference)); });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& r : results) EXPECT_EQ(r, expected);
}

}  // namespace
}  // namespace kg
