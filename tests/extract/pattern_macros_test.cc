// Macro expansion: the determiner list names each word once (a repeat only
// adds to RE2's program). Every news-pack pattern must find the same matches,
// with the same groups, as with the former list, which this file keeps. And
// MacroExpander tells whether an expansion is case-neutral as reading it
// would. Slot groups, written with their token three times, match as they did
// with it four times.
#include "extract/pattern_macros.h"

#include <gtest/gtest.h>

#include <random>

#include "extract/case_blind.h"
#include "extract/extractor.h"
#include "extract/lazy_regex.h"
#include "extract/rule_pack.h"
#include "rules/embedded_rules.h"
#include "tests/extract/example_views_util.h"

namespace kg {
namespace {

// The list as it was, with "ceo", "chief", "founder" and "director" twice.
constexpr char kFormerDeterminers[] =
    "(?:(?:the|a|an|its|his|her|their|both|either|former|then|new|current|ex|us|u\\.s\\.|"
    "and|president|president-elect|vice|prime|minister|sen\\.|senator|rep\\.|gov\\.|governor|"
    "chief|executive|ceo|founder|billionaire|rapper|entrepreneur|business|magnate|tech|mogul|"
    "tycoon|investor|co-founder|chairman|chairwoman|commissioner|mr\\.|ms\\.|mrs\\.|dr\\.|"
    "[a-z]+(?:ian|ese|ish|eli)|german|french|greek|thai|saudi|chancellor|crown|prince|king|queen|"
    "secretary|director|leader|rival|ally|longtime|republican|democratic|democrat|incoming|"
    "outgoing|acting|interim|deputy|senior|top|fellow|ceo|chief|founder|judge|justice|general|"
    "gen\\.|adviser|advisor|aide|spokesperson|spokesman|spokeswoman|candidate|nominee|star|"
    "singer|actor|director|owner|head) )*";
std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) {
    s.replace(at, from.size(), to);
  }
  return s;
}

// Expects the regex of `source` to find, in every view (only the case-free
// ones when `case_free_only`), the same leftmost-first matches as the regex of
// `former` (an earlier expansion of the same pattern), each with the same
// groups, and a smaller RE2 program; adds the matches to *matches.
void ExpectSameMatchesAsFormer(const std::string& rule, const std::string& source,
                               const std::string& former, const RE2::Options& options,
                               const std::vector<std::string>& views, bool case_free_only,
                               int* matches) {
  RE2 a(source, options), b(former, options);
  ASSERT_TRUE(a.ok() && b.ok()) << rule;
  EXPECT_LT(a.ProgramSize(), b.ProgramSize()) << rule;
  const int groups = std::min(a.NumberOfCapturingGroups() + 1, 16);
  ASSERT_EQ(groups, std::min(b.NumberOfCapturingGroups() + 1, 16));
  re2::StringPiece now[16], before[16];
  for (const std::string& view : views) {
    if (case_free_only && !CaseFreeText(view)) continue;
    const re2::StringPiece text(view);
    for (size_t pos = 0; pos < text.size();) {
      const bool x = a.Match(text, pos, text.size(), RE2::UNANCHORED, now, groups);
      const bool y = b.Match(text, pos, text.size(), RE2::UNANCHORED, before, groups);
      ASSERT_EQ(x, y) << rule << " in " << view;
      if (!x) break;
      ++*matches;
      for (int g = 0; g < groups; ++g) {
        ASSERT_EQ(now[g].data(), before[g].data()) << rule << " group " << g << ": " << view;
        ASSERT_EQ(now[g].size(), before[g].size()) << rule << " group " << g << ": " << view;
      }
      pos = now[0].data() - text.data() + 1;
    }
  }
}

TEST(PatternMacrosTest, DeterminersWithoutRepeatsMatchAsBefore) {
  RelationForms forms;
  auto det = ExpandMacros("{det}", forms, {});
  ASSERT_TRUE(det.ok());
  ASSERT_NE(*det, kFormerDeterminers);

  std::shared_ptr<const RulePack> loaded = testing_util::NewsPack(/*deferred=*/true);
  ASSERT_TRUE(loaded);
  const RulePack& pack = *loaded;
  std::vector<std::string> views;
  ASSERT_TRUE(testing_util::ExampleArticleViews(pack, &views).ok());
  // Views with more determiners and descriptors than the articles have.
  static const char* kWords[] = {"the ",     "former ", "chief ",    "ceo ",   "and ", "u.s. ",
                                 "israeli ", "firm ",   "company, ", "maker ", "us ",  "a "};
  std::mt19937 rng(5);
  const size_t articles = views.size();
  for (size_t n = 0; n < 4 * articles; ++n) {
    std::string v = views[n % articles];
    const size_t token = v.find("<e", 1 + rng() % std::max<size_t>(1, v.size()));
    if (token == std::string::npos) continue;
    for (int k = 1 + static_cast<int>(rng() % 4); k > 0; --k) {
      v.insert(token, kWords[rng() % (sizeof kWords / sizeof *kWords)]);
    }
    views.push_back(v);
  }
  int compared = 0, matches = 0;
  for (const PatternDef& pat : pack.patterns) {
    const std::string former = ReplaceAll(pat.source, *det, kFormerDeterminers);
    if (former == pat.source) continue;
    ++compared;
    RE2::Options options;
    options.set_log_errors(false);
    ExpectSameMatchesAsFormer(pat.rule, pat.source, former, options, views,
                              /*case_free_only=*/true, &matches);
  }
  EXPECT_GT(compared, static_cast<int>(pack.patterns.size()) * 8 / 10);
  EXPECT_GT(matches, 100);
}

// `source` with each slot group's body (up to the group's own ')') written as
// it was, the token four times: "T(?:(?:, T)+,? (?:and|or|&) T| (?:and|or|&) T)?".
std::string FormerSlots(std::string source) {
  for (const std::string open : {"(?P<subj>", "(?P<obj>"}) {
    const size_t at = source.find(open);
    if (at == std::string::npos) continue;
    const size_t body = at + open.size();
    size_t close = body;
    for (int depth = 0; close < source.size(); ++close) {
      const char c = source[close];
      if (c == '\\') {
        ++close;
      } else if (c == '[') {
        close = RegexClassEnd(source, close);
      } else if (c == '(') {
        ++depth;
      } else if (c == ')' && depth-- == 0) {
        break;
      }
    }
    const std::string tok = source.substr(body, source.find('>', body) + 1 - body);
    source.replace(
        body, close - body,
        tok + "(?:(?:, " + tok + ")+,? (?:and|or|&) " + tok + "| (?:and|or|&) " + tok + ")?");
  }
  return source;
}

TEST(PatternMacrosTest, SlotsWithTheTokenThriceMatchAsWithItFourTimes) {
  std::shared_ptr<const RulePack> loaded = testing_util::NewsPack(/*deferred=*/true);
  ASSERT_TRUE(loaded);
  const RulePack& pack = *loaded;
  std::vector<std::string> views;
  ASSERT_TRUE(testing_util::ExampleArticleViews(pack, &views).ok());
  // Views with coordinated lists where the articles have single mentions, and
  // the separators that must not make one (", and").
  static const char* kLists[] = {"<e9:person> and ",
                                 "<e8:organization>, ",
                                 "<e7:unknown>, <e6:person>, ",
                                 "<e5:platform> or ",
                                 "<e4:organization> & ",
                                 ", and <e3:person> ",
                                 "both ",
                                 "either ",
                                 "<e2:person>, <e1:unknown>, and "};
  std::mt19937 rng(9);
  const size_t articles = views.size();
  for (size_t n = 0; n < 6 * articles; ++n) {
    std::string v = views[n % articles];
    for (int k = 1 + static_cast<int>(rng() % 3); k > 0; --k) {
      const size_t token = v.find("<e", rng() % std::max<size_t>(1, v.size()));
      if (token == std::string::npos) break;
      v.insert(token, kLists[rng() % (sizeof kLists / sizeof *kLists)]);
    }
    views.push_back(v);
  }
  int compared = 0, matches = 0;
  for (const PatternDef& pat : pack.patterns) {
    const std::string former = FormerSlots(pat.source);
    if (former == pat.source) continue;
    ++compared;
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(true);
    ExpectSameMatchesAsFormer(pat.rule, pat.source, former, options, views,
                              /*case_free_only=*/false, &matches);
  }
  EXPECT_EQ(compared, static_cast<int>(pack.patterns.size()));
  EXPECT_GT(matches, 300);
}

// Whether an expansion is case-neutral, told from the pattern and the macros,
// agrees with reading the whole expansion (CaseNeutralRegex).
TEST(PatternMacrosTest, CaseNeutralityToldAsReadingTheExpansionWould) {
  std::shared_ptr<const RulePack> loaded = testing_util::NewsPack(/*deferred=*/true);
  ASSERT_TRUE(loaded);
  for (const PatternDef& pat : loaded->patterns) {
    EXPECT_EQ(static_cast<bool>(pat.re_case_free), CaseNeutralRegex(pat.source)) << pat.rule;
  }
  const std::vector<std::string> patterns = {
      "{subj} met {obj}",         "{subj} Met {obj}",          "{subj} (?i:met) {obj}",
      "{subj} \\x41 {obj}",       "{subj} [[:upper:]] {obj}",  "{subj} {title} {obj}",
      "(?P<Name>x){subj} {obj}",  "\\{W} {subj} {obj}",        "{subj} {W}{2} {obj}",
      "{subj:person} \\pL {obj}", "[(]{subj}[)] {pre}{obj}",   "{subj}\\{adv} {obj}",
      "{subj} {adv}X{obj}",       "{poss}{subj} {premod}{obj}"};
  for (const std::vector<std::string>& types :
       std::vector<std::vector<std::string>>{{"person"}, {"Person"}, {}}) {
    for (const std::vector<std::string>& titles :
         std::vector<std::vector<std::string>>{{"ceo", "chief executive"}, {"CFO"}}) {
      RelationForms forms;
      forms.subject_types = types;
      MacroExpander macros(titles);
      for (const std::string& p : patterns) {
        bool neutral = false;
        auto expanded = macros.Expand(p, forms, &neutral);
        ASSERT_TRUE(expanded.ok()) << p;
        const bool read = CaseNeutralRegex(*expanded);
        if (titles.front() == "CFO") {
          // A macro holds upper case: told conservatively.
          EXPECT_TRUE(!neutral || read) << p;
        } else {
          EXPECT_EQ(neutral, read) << p << " -> " << *expanded;
        }
      }
    }
  }
}

}  // namespace
}  // namespace kg
