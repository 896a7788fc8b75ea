// RuleMatcher::Capture: a rule of several patterns captures with them one at a
// time; what it captures must be what the rule's whole regex (all patterns as
// one alternation) captures, on every hit, including hits that more than one
// pattern matches and patterns that set flags for what follows them.
#include <gtest/gtest.h>

#include <initializer_list>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/time/time_expression.h"
#include "extract/time/time_rules.h"
#include "rules/embedded_rules.h"

namespace kg {
namespace {

// Each group's text in brackets, "-" where it took no part.
std::string Describe(const std::vector<re2::StringPiece>& groups) {
  std::string out;
  for (const re2::StringPiece& g : groups) {
    if (g.data() == nullptr) {
      out += '-';
    } else {
      out += '[';
      out.append(g.data(), g.size());
      out += ']';
    }
  }
  return out;
}

// What the whole regex captures on `hit`: "no match", or each group's text
// ("-" where it took no part).
std::string WholeCapture(const timex::RuleMatcher& m, const std::string& hit) {
  const RE2* re = m.regex();
  if (re == nullptr) return "no regex";
  std::vector<re2::StringPiece> subs(m.groups.size() + 1);
  if (!re->Match(hit, 0, hit.size(), RE2::ANCHOR_BOTH, subs.data(),
                 static_cast<int>(subs.size()))) {
    return "no match";
  }
  return Describe(std::vector<re2::StringPiece>(subs.begin() + 1, subs.end()));
}

std::string SplitCapture(const timex::RuleMatcher& m, const std::string& hit) {
  std::vector<re2::StringPiece> groups;
  if (!m.Capture(hit, &groups)) return "no match";
  EXPECT_EQ(groups.size(), m.groups.size());
  return Describe(groups);
}

std::string Join(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view part : parts) out.append(part);
  return out;
}

std::unique_ptr<timex::CompiledRules> Load(const std::string& yaml) {
  Result<std::unique_ptr<timex::CompiledRules>> rules = timex::CompileTimeRules(yaml, "t.yaml");
  EXPECT_TRUE(rules.ok()) << rules.status().ToString();
  return rules.ok() ? std::move(*rules) : nullptr;
}

// Rules whose patterns overlap, so that many strings match several of them
// with different captures: the first pattern that matches must win, as in
// the alternation.
const char kOverlapping[] =
    "slots:\n"
    "  number:\n"
    "    pattern: '[0-9]+'\n"
    "  unit:\n"
    "    pattern: '[0-9]*x'\n"
    "  day:\n"
    "    pattern: '[0-9]{1,2}'\n"
    "  year:\n"
    "    pattern: 'x?[0-9]+'\n"
    "rules:\n"
    "  - name: a\n"
    "    pattern: ['{number}{unit}', '{unit}', '{day}x?{year}?']\n"
    "    resolve: ignore\n"
    "  - name: b\n"
    "    pattern: ['{day}{number}?x?', '(?:{year}|{unit})+', '{number} {day}']\n"
    "    resolve: ignore\n"
    // A pattern that sets a flag for the rest of the alternation: alone, the
    // second pattern would match \"X\" too.
    "  - name: c\n"
    "    pattern: ['(?-i){unit}9', 'x{number}']\n"
    "    resolve: ignore\n";

TEST(RuleCaptureTest, PatternsOneAtATimeCaptureWhatTheAlternationDoes) {
  std::unique_ptr<timex::CompiledRules> rules = Load(kOverlapping);
  ASSERT_NE(rules, nullptr);
  std::mt19937 random(7);
  const char alphabet[] = {'1', '2', '9', 'x', 'X', ' '};
  int matched = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string hit;
    const int size = 1 + static_cast<int>(random() % 6);
    for (int j = 0; j < size; ++j) hit += alphabet[random() % sizeof(alphabet)];
    for (const timex::RuleMatcher& m : rules->matchers) {
      const std::string whole = WholeCapture(m, hit);
      EXPECT_EQ(SplitCapture(m, hit), whole) << "'" << hit << "' in " << m.pattern;
      matched += whole != "no match";
    }
  }
  EXPECT_GT(matched, 2000);  // the strings do reach the rules
  // The rule whose first pattern sets a flag is captured whole.
  EXPECT_TRUE(rules->matchers[2].alternatives.empty());
  EXPECT_EQ(rules->matchers[0].alternatives.size(), 3u);
}

// A pattern is compiled only when the ones before it did not match: a hit
// of the first pattern leaves the others uncompiled, and one of a later
// pattern compiles the patterns up to it, not the whole regex.
TEST(RuleCaptureTest, PatternsAreCompiledOnlyWhenReached) {
  std::unique_ptr<timex::CompiledRules> rules = Load(kOverlapping);
  ASSERT_NE(rules, nullptr);
  const timex::RuleMatcher& a = rules->matchers[0];  // '{number}{unit}', '{unit}', '{day}x?{year}?'
  ASSERT_EQ(a.alternatives.size(), 3u);
  auto compiled = [&] {
    std::string out;
    for (const timex::RuleMatcher::Alternative& alt : a.alternatives) {
      out += alt.compiled->re != nullptr || alt.compiled->lower != nullptr ? '+' : '-';
    }
    return out + (a.compiled->re != nullptr || a.compiled->lower != nullptr ? " whole" : "");
  };
  const std::vector<std::pair<std::string, std::string>> steps = {
      {"12x", "+--"}, {"x", "++-"}, {"1x2", "+++"}, {"X X", "+++"}};
  std::vector<std::string> captured;
  for (const auto& [hit, after] : steps) {
    captured.push_back(SplitCapture(a, hit));
    EXPECT_EQ(compiled(), after) << hit;
  }
  // What they captured is the whole regex's (which compiles it).
  for (size_t i = 0; i < steps.size(); ++i) {
    EXPECT_EQ(captured[i], WholeCapture(a, steps[i].first)) << steps[i].first;
  }
  EXPECT_EQ(captured[0], "[12][x]---");
  EXPECT_EQ(captured[3], "no match");
}

// The shipped rules, on every hit the tagger finds in sentences built from
// their words: dates with and without weekdays, day first or month first,
// ordinals, quarters and halves, which are the rules of several patterns.
TEST(RuleCaptureTest, ShippedRulesCaptureWhatTheirWholeRegexDoes) {
  Result<std::unique_ptr<timex::CompiledRules>> loaded =
      timex::CompileTimeRules(EmbeddedRuleFile("time.yaml"), "rules/time.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const timex::CompiledRules& rules = **loaded;
  Result<TimeTagger> tagger = TimeTagger::Default();
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  const std::vector<std::string> weekdays = {"", "Tuesday, ", "Sunday "};
  const std::vector<std::string> months = {"March", "Sept.", "May", "dec", "November"};
  const std::vector<std::string> days = {"3", "22", "1st", "31st", "09"};
  const std::vector<std::string> years = {"", ", 2013", " 1999", " '98"};
  std::vector<std::string> texts;
  for (const std::string& w : weekdays) {
    for (const std::string& m : months) {
      for (const std::string& d : days) {
        for (const std::string& y : years) {
          texts.push_back(Join({"said on ", w, m, " ", d, y, " that"}));
          texts.push_back(Join({"on ", w, "the ", d, " of ", m, y, "."}));
          texts.push_back(Join({w, d, " ", m, y}));
        }
      }
    }
  }
  for (const char* q : {"first", "third", "4th", "2nd"}) {
    for (const char* y : {"2023", "1998"}) {
      texts.push_back(Join({"in the ", q, " quarter of ", y, ", and the ", q, " half of ", y}));
      texts.push_back(Join({q, "-quarter ", y, ", the ", y, " ", q, "-quarter and Q3, ", y}));
      texts.push_back(Join({y, " Q2 and early ", y, " and the ", q, " half ", y}));
    }
  }
  for (const timex::Example& e : rules.examples) texts.push_back(e.text);
  int compared = 0;
  for (const std::string& text : texts) {
    for (const TimeExpression& t : tagger->Find(text, std::nullopt)) {
      for (const timex::RuleMatcher& m : rules.matchers) {
        if (m.alternatives.size() < 2) continue;
        const std::string whole = WholeCapture(m, t.text);
        EXPECT_EQ(SplitCapture(m, t.text), whole) << "'" << t.text << "' in " << m.pattern;
        compared += whole != "no match";
      }
    }
  }
  EXPECT_GT(compared, 300);
}

}  // namespace
}  // namespace kg
