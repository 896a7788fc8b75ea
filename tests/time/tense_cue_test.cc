// Tense cues: windows where the cue regexes' start filters say no cue can
// begin are passed over without a search. The shipped rules must date the
// same as when the cues cannot be filtered (a prefix the filter cannot read,
// matching nothing in these texts, takes their filters away).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "extract/time/time_expression.h"
#include "extract/time/time_rules.h"
#include "rules/embedded_rules.h"

namespace kg {
namespace {

std::string Describe(const std::vector<TimeExpression>& list) {
  std::string out;
  for (const TimeExpression& t : list) {
    out += std::to_string(t.begin) + "-" + std::to_string(t.end) + " " + t.value + "; ";
  }
  return out;
}

// The shipped rules with "(?:\Qqqzzqq\E)?" before each cue regex.
std::string UnfilteredCues() {
  std::string yaml(EmbeddedRuleFile("time.yaml"));
  for (const std::string key : {"  future: >-\n    ", "  past: >-\n    "}) {
    const size_t at = yaml.find(key);
    if (at == std::string::npos) return "";
    yaml.insert(at + key.size(), "(?:\\Qqqzzqq\\E)?");
  }
  return yaml;
}

TEST(TenseCueTest, ShippedCuesHaveFilters) {
  Result<std::unique_ptr<timex::CompiledRules>> rules =
      timex::CompileTimeRules(EmbeddedRuleFile("time.yaml"), "rules/time.yaml");
  ASSERT_TRUE(rules.ok());
  EXPECT_TRUE((*rules)->future_cue_filter.has_value());
  EXPECT_TRUE((*rules)->past_cue_filter.has_value());
  const std::string yaml = UnfilteredCues();
  ASSERT_FALSE(yaml.empty()) << "rules/time.yaml's tense section changed form";
  Result<std::unique_ptr<timex::CompiledRules>> unfiltered =
      timex::CompileTimeRules(yaml, "unfiltered.yaml");
  ASSERT_TRUE(unfiltered.ok()) << unfiltered.status().ToString();
  EXPECT_FALSE((*unfiltered)->future_cue_filter.has_value());
  EXPECT_FALSE((*unfiltered)->past_cue_filter.has_value());
}

TEST(TenseCueTest, SameDatesWithoutCueFilters) {
  Result<TimeTagger> filtered = TimeTagger::Default();
  Result<TimeTagger> unfiltered = TimeTagger::FromYaml(UnfilteredCues(), "unfiltered.yaml");
  ASSERT_TRUE(filtered.ok());
  ASSERT_TRUE(unfiltered.ok()) << unfiltered.status().ToString();
  // Cues (whole, inside words, at window edges), dates that need a tense,
  // and sentence ends that bound the windows.
  const std::vector<std::string> words = {
      "will",     "won't", "Will",        "'ll",      "going to", "plans to",  "scheduled",
      "expected", "next",  "coming",      "until",    "was",      "were",      "had",
      "did",      "ago",   "last",        "since",    "earlier",  "began",     "has been",
      "previous", "wasp",  "swill",       "bygone",   "hadn't",   "Friday",    "in October",
      "on May 5", "March", "this summer", "the firm", "said",     "officials", "Musk",
      "and",      ",",     ".",           "?",        "\n",       "Mr.",       "U.S.",
      "2019",     "a",     "it",          "the",      "to"};
  std::mt19937 rng(3);
  int dated = 0;
  const Date reference{2024, 3, 13};
  for (int round = 0; round < 600; ++round) {
    std::string text;
    const int n = 4 + static_cast<int>(rng() % 30);
    for (int i = 0; i < n; ++i) {
      if (!text.empty() && rng() % 5 != 0) text += ' ';
      text += words[rng() % words.size()];
    }
    const std::vector<TimeExpression> want = unfiltered->Find(text, reference);
    dated += static_cast<int>(want.size());
    EXPECT_EQ(Describe(filtered->Find(text, reference)), Describe(want)) << text;
  }
  EXPECT_GT(dated, 500);
}

}  // namespace
}  // namespace kg
