// Pattern screens (ExpandScreen, PatternDef::RulesOut): a text holding a match
// of a pattern must hold a match of its screen, or the matcher would skip a
// pattern that matches. Checked for every pattern of the news pack on the
// example articles' views and on views mutated from them, and for user-style
// patterns (slots inside, at either end, counted repetitions, odd titles) on
// generated views.
#include <gtest/gtest.h>

#include <memory>
#include <random>

#include "extract/case_blind.h"
#include "extract/extractor.h"
#include "extract/pattern_macros.h"
#include "extract/pre_check.h"
#include "extract/rule_pack.h"
#include "rules/embedded_rules.h"
#include "tests/extract/example_views_util.h"

namespace kg {
namespace {

RE2::Options CaseFree() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_never_capture(true);
  return o;
}

// Views cut from `views` and spliced with words and tokens a pattern reads.
std::vector<std::string> Mutated(const std::vector<std::string>& views, size_t count) {
  static const char* kPieces[] = {"<e1:person> ",
                                  "<e2:organization> ",
                                  "<e3:platform> ",
                                  "<e4:place> ",
                                  "<e5:unknown> ",
                                  "<e6:agency> ",
                                  "<t0> ",
                                  "the ",
                                  "a ",
                                  "former ",
                                  "ceo ",
                                  "chief executive ",
                                  "and ",
                                  ", ",
                                  "'s ",
                                  "both ",
                                  "which ",
                                  "who ",
                                  "was ",
                                  "by ",
                                  "of ",
                                  "as ",
                                  "its ",
                                  "company ",
                                  "said ",
                                  "not ",
                                  "acquired ",
                                  "bought ",
                                  "met ",
                                  "sued ",
                                  "visited ",
                                  "founder ",
                                  "x "};
  std::mt19937 rng(7);
  std::vector<std::string> out;
  for (size_t n = 0; n < count && !views.empty(); ++n) {
    std::string v = views[rng() % views.size()];
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const size_t at = v.empty() ? 0 : rng() % v.size();
      const std::string piece = kPieces[rng() % (sizeof kPieces / sizeof *kPieces)];
      switch (rng() % 3) {
        case 0:
          v.insert(at, piece);
          break;
        case 1:
          v.erase(at, rng() % 12);
          break;
        default:
          v.replace(at, std::min<size_t>(v.size() - at, piece.size()), piece);
      }
    }
    out.push_back(v);
  }
  return out;
}

TEST(PatternScreenTest, NewsPackScreensMatchWhereverTheirPatternsDo) {
  std::shared_ptr<const RulePack> loaded = testing_util::NewsPack(/*deferred=*/true);
  ASSERT_TRUE(loaded);
  const RulePack& pack = *loaded;
  std::vector<std::string> views;
  ASSERT_TRUE(testing_util::ExampleArticleViews(pack, &views).ok());
  std::vector<std::string> all = Mutated(views, 6000);
  all.insert(all.end(), views.begin(), views.end());
  int screened = 0, matched = 0, ruled_out = 0, pre_ruled_out = 0, with_pre_check = 0;
  for (const PatternDef& pat : pack.patterns) {
    if (!pat.screen) continue;
    ++screened;
    // Deferred, so it must compile: RulesOut cannot tell a view apart otherwise.
    ASSERT_TRUE(pat.screen->ok()) << pat.rule << ": " << pat.screen->error();
    // Compiled case-sensitively for case-free views, as re_case_free is.
    EXPECT_TRUE(CaseNeutralRegex(pat.screen->pattern())) << pat.rule;
    // The loader keeps a screen of at most three quarters of its pattern's
    // source; its program is then smaller than the pattern's.
    EXPECT_LT(pat.screen->ProgramSize() * 4, pat.re_case_free->ProgramSize() * 3) << pat.rule;
    for (const std::string& view : all) {
      if (!CaseFreeText(view)) continue;
      const bool full = RE2::PartialMatch(view, *pat.re_case_free);
      const bool screen = RE2::PartialMatch(view, *pat.screen);
      ASSERT_TRUE(screen || !full) << pat.rule << " matches, its screen does not, in: " << view;
      const bool pre_rules_out = pat.pre_check.RulesOut(view, 0, view.size());
      ASSERT_FALSE(pre_rules_out && full)
          << pat.rule << " matches, its {pre} check rules out: " << view;
      matched += full;
      ruled_out += !screen;
      pre_ruled_out += screen && pre_rules_out;
      with_pre_check += static_cast<bool>(pat.pre_check);
    }
  }
  EXPECT_GT(screened, static_cast<int>(pack.patterns.size()) * 8 / 10);
  EXPECT_GT(matched, 500);
  EXPECT_GT(ruled_out, matched);
  // The {pre} check applies to many patterns, and rules out views their
  // screens let through.
  EXPECT_GT(with_pre_check, 0);
  EXPECT_GT(pre_ruled_out, 0);
}

TEST(PatternScreenTest, RulesOutOnlyBeforeThePatternIsCompiled) {
  std::shared_ptr<const RulePack> loaded = testing_util::NewsPack(/*deferred=*/true);
  ASSERT_TRUE(loaded);
  const PatternDef& pat = loaded->patterns.front();
  ASSERT_TRUE(pat.screen);
  EXPECT_TRUE(pat.RulesOut("nothing here names anyone ."));
  EXPECT_FALSE(pat.re_case_free.compiled());
  EXPECT_FALSE(pat.RulesOut("<e1:person> visited <e2:place> ."));
  ASSERT_TRUE(pat.re_case_free->ok());
  // Once compiled, the pattern itself is searched: no second opinion.
  EXPECT_FALSE(pat.RulesOut("nothing here names anyone ."));
  // Packs compiled at load have no screens.
  auto eager = LoadRulePack({RuleSource{"news.yaml", std::string(EmbeddedRuleFile("news.yaml"))}});
  ASSERT_TRUE(eager.ok());
  EXPECT_FALSE((*eager)->patterns.front().screen);
  EXPECT_FALSE((*eager)->patterns.front().RulesOut("nothing here names anyone ."));
}

TEST(PatternScreenTest, SlotsAtTheEndsAreOneToken) {
  RelationForms forms;
  forms.subject_types = {"person"};
  forms.object_types = {"organization"};
  auto screen = ExpandScreen("{subj} met {obj}", forms, {});
  ASSERT_TRUE(screen.ok());
  EXPECT_EQ(*screen,
            "<e\\d+:(?:person|unknown)> met (?:both |either )?<e\\d+:(?:organization|unknown)>");
  auto inside = ExpandScreen("x {subj} met {obj} y", forms, {});
  ASSERT_TRUE(inside.ok());
  EXPECT_NE(inside->find("(?:both |either )?<e\\d+:(?:person|unknown)>(?:(?:,|,? (?:and|or|&)) "),
            std::string::npos)
      << *inside;
}

TEST(PatternScreenTest, CountedRepetitionsWiden) {
  RelationForms forms;
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"a{2}", "a+"},
           {"a{0,3}", "a*"},
           {"a{00,3}", "a*"},
           {"a{1,}", "a+"},
           {"a{0}b", "a*b"},
           {"a{,3}", "a{,3}"},  // not a repetition to RE2: the text "{,3}"
           {"a{2}?", "a+?"}}) {
    auto screen = ExpandScreen(from, forms, {});
    ASSERT_TRUE(screen.ok());
    EXPECT_EQ(*screen, to) << from;
  }
}

TEST(PatternScreenTest, TitlesBecomeAClassOnlyWhenPlainWords) {
  RelationForms forms;
  auto plain = ExpandScreen("{title}", forms, {"chief executive", "co-founder", "sen\\."});
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(*plain, "[- \\.cdefhinorstuvx]+");
  // An unescaped '.' is any character, which no class of letters covers.
  auto regex = ExpandScreen("{title}", forms, {"ceo", "c.o"});
  ASSERT_TRUE(regex.ok());
  EXPECT_EQ(*regex, "(?:ceo|c.o)");
}

// A screen's {pre} is any run of view words and tokens when the titles are
// plain words: every text the exact {pre} spans (the news pack's titles, its
// determiners, descriptors, nationalities, words and tokens in random order)
// it spans too; with a title that is a regex it keeps the exact shape.
TEST(PatternScreenTest, PreIsAnyRunOfWordsAndTokensWithPlainTitles) {
  std::shared_ptr<const RulePack> loaded = testing_util::NewsPack(/*deferred=*/true);
  ASSERT_TRUE(loaded);
  const MacroExpander macros(loaded->titles);
  RelationForms forms;
  auto exact_source = macros.Expand("{pre}", forms);
  auto screen_source = macros.Screen("{pre}", forms);
  ASSERT_TRUE(exact_source.ok() && screen_source.ok());
  EXPECT_EQ(*screen_source, "(?:[- $%&',.0-9a-z]|<t\\d+>|<e\\d+:[a-z_]+>)*");
  auto regex_titles = ExpandScreen("{pre}", forms, {"ceo", "c.o"});
  ASSERT_TRUE(regex_titles.ok());
  EXPECT_NE(regex_titles->find("(?:ceo|c.o)"), std::string::npos) << *regex_titles;

  RE2 exact(*exact_source, CaseFree()), screen(*screen_source, CaseFree());
  ASSERT_TRUE(exact.ok() && screen.ok());
  std::vector<std::string> pieces = {"the ",
                                     "a ",
                                     "former ",
                                     "u.s. ",
                                     "sen. ",
                                     "co-founder ",
                                     "israeli ",
                                     "german ",
                                     "mr. ",
                                     "firm ",
                                     "firm, ",
                                     "company ",
                                     "startup, ",
                                     "the italian ",
                                     "$44 ",
                                     "co-founded ",
                                     "3.5% ",
                                     "at&t ",
                                     "didn't ",
                                     "<t2> ",
                                     "<e1:place> ",
                                     "<e2:person>'s ",
                                     "<e3:organization> ",
                                     "<e4:person> ",
                                     "'s ",
                                     "and ",
                                     ", ",
                                     "x ",
                                     "chief executive officer "};
  for (const std::string& title : loaded->titles) pieces.push_back(title + " ");
  std::mt19937 rng(5);
  int spanned = 0;
  for (int n = 0; n < 40000; ++n) {
    std::string text;
    const int len = 1 + static_cast<int>(rng() % 6);
    for (int i = 0; i < len; ++i) text += pieces[rng() % pieces.size()];
    if (!RE2::FullMatch(text, exact)) continue;
    ++spanned;
    ASSERT_TRUE(RE2::FullMatch(text, screen)) << text;
  }
  EXPECT_GT(spanned, 2000);
}

// User-style patterns, each with a text it matches: on that text's random
// edits (most still match, many no longer do) and on random texts, wherever the
// pattern matches, its screen does.
TEST(PatternScreenTest, UserPatternsScreenGeneratedViews) {
  RelationForms forms;
  forms.subject_types = {"person"};
  forms.object_types = {"organization", "platform!"};
  const std::vector<std::string> titles = {"chief executive", "ceo", "co-founder", "head of"};
  const std::vector<std::pair<std::string, std::string>> patterns = {
      {"{subj} {adv}(?:met|sued) {pre}{obj}", "<e1:person> met the ceo <e2:organization> ."},
      {"(?:named|hired) {subj},? (?:as )?{det}{title} (?:of|at) {pre}{obj}",
       "named <e1:person>, as the chief executive of <e2:organization> ."},
      {"{obj}(?:'s | )(?:{W} ){0,2}{title} {subj}",
       "<e2:organization>'s new ceo both <e1:person> and <e4:unknown> ."},
      {"{subj} {gap}(?:sued|met)\\b", "<e1:person> and <e4:unknown> then sued ."},
      {"{subj}(?:, [^,;()]{1,5}){1,2}, (?:met) {obj}", "<e1:person>, x y, met <e3:platform> ."},
      {"{obj},? (?:which|that) {subj} {adv}(?:sued)\\b",
       "<e2:organization>, which <e1:person> sued"},
      {"(?:{subj}|{obj}) and (?:{tok} ){2}", "<e1:person> and <e5:place> <e2:organization> ."},
      {"x{subj}{premod}", "x<e1:person><e2:organization>'s ceo ."},
      {"{poss}{subj} {premod}{obj}",
       "its <e1:person> <e2:organization>'s co-founder <e3:platform>"},
  };
  static const char* kPieces[] = {"<e1:person> ",
                                  "<e2:organization> ",
                                  "<e3:platform> ",
                                  "<e4:unknown> ",
                                  "<e5:place> ",
                                  "<e1:person>",
                                  "<e2:organization>, ",
                                  "<t1> ",
                                  "the ",
                                  "former ",
                                  "chief executive ",
                                  "ceo ",
                                  "head of ",
                                  "co-founder ",
                                  "and ",
                                  ", ",
                                  ",",
                                  "'s ",
                                  "both ",
                                  "which ",
                                  "as ",
                                  "of ",
                                  "at ",
                                  "met ",
                                  "sued ",
                                  "named ",
                                  "x",
                                  "company ",
                                  "its ",
                                  "or ",
                                  "a b, ",
                                  "-"};
  const size_t kinds = sizeof kPieces / sizeof *kPieces;
  std::mt19937 rng(11);
  for (const auto& [p, sample] : patterns) {
    auto full_source = ExpandMacros(p, forms, titles);
    auto screen_source = ExpandScreen(p, forms, titles);
    ASSERT_TRUE(full_source.ok() && screen_source.ok()) << p;
    RE2::Options options = CaseFree();
    RE2 full(*full_source, options), screen(*screen_source, options);
    ASSERT_TRUE(full.ok()) << p << ": " << full.error();
    ASSERT_TRUE(screen.ok()) << p << ": " << screen.error();
    ASSERT_TRUE(RE2::PartialMatch(sample, full)) << p;
    int matched = 0, missed = 0;
    for (int n = 0; n < 4000; ++n) {
      std::string v;
      if (n % 2 == 0) {
        v = sample;
        const int edits = static_cast<int>(rng() % 4);
        for (int e = 0; e < edits; ++e) {
          const size_t at = rng() % (v.size() + 1);
          if (rng() % 2 == 0) {
            v.insert(at, kPieces[rng() % kinds]);
          } else {
            v.erase(at, 1 + rng() % 6);
          }
        }
      } else {
        const int len = 2 + static_cast<int>(rng() % 10);
        for (int i = 0; i < len; ++i) v += kPieces[rng() % kinds];
      }
      if (!RE2::PartialMatch(v, full)) {
        ++missed;
        continue;
      }
      ++matched;
      ASSERT_TRUE(RE2::PartialMatch(v, screen)) << p << " -> " << *screen_source << " in " << v;
    }
    EXPECT_GT(matched, 200) << p;
    EXPECT_GT(missed, 200) << p;
  }
}

}  // namespace
}  // namespace kg

namespace kg {
namespace {

TEST(PreCheckTest, WordsBeforePreAreThePlainAlternation) {
  using Words = std::vector<std::string>;
  EXPECT_EQ(WordsBeforePre("{subj} {adv}(?:met|sued|kicked off) {pre}{obj}"),
            (Words{"met", "sued", "kicked off"}));
  EXPECT_EQ(WordsBeforePre("(?:by) {pre}{subj} x (?:a) {pre}{obj}"), (Words{"by"}));
  // Each alternative's literal end, however it begins.
  EXPECT_EQ(WordsBeforePre("(?:kicked .{0,20}off|banned) {pre}{obj}"), (Words{"off", "banned"}));
  EXPECT_EQ(WordsBeforePre("{subj} (?:bought|(?:made|closed) (?:a|the) deal for) {pre}{obj}"),
            (Words{"bought", "deal for"}));
  EXPECT_EQ(WordsBeforePre("(?:sued|(?:(?:<t\\d+>|[a-z]+) ){0,5}against) {pre}{obj}"),
            (Words{"sued", "against"}));
  EXPECT_EQ(WordsBeforePre("[(|)] (?:a|[|)(]+b) {pre}{obj}"), (Words{"a", "b"}));
  EXPECT_EQ(WordsBeforePre("\\Q(|\\E(?:x\\Q|\\Ey) {pre}{obj}"), (Words{"y"}));
  // An alternative ending otherwise: no check.
  EXPECT_EQ(WordsBeforePre("(?:x\\d) {pre}{obj}"), Words{});
  EXPECT_EQ(WordsBeforePre("(?:met|x\\.) {pre}{obj}"), Words{});
  EXPECT_EQ(WordsBeforePre("(?:met|meets?) {pre}{obj}"), Words{});
  EXPECT_EQ(WordsBeforePre("(?:a(?:b|c)) {pre}{obj}"), Words{});
  EXPECT_EQ(WordsBeforePre("(?i:met) {pre}{obj}"), Words{});
  EXPECT_EQ(WordsBeforePre("met) {pre}{obj}"), Words{});
  EXPECT_EQ(WordsBeforePre("(?:met\\) {pre}{obj}"), Words{});
  EXPECT_EQ(WordsBeforePre("[(?:met) {pre}{obj}"), Words{});
  EXPECT_EQ(WordsBeforePre("(?:met|) {pre}{obj}"), Words{});
  EXPECT_EQ(WordsBeforePre("(?:such as |including )?{pre}{obj}"), Words{});
  EXPECT_EQ(WordsBeforePre("{subj} met {pre}{obj}"), Words{});
  EXPECT_EQ(WordsBeforePre("{subj} (?:met) {obj}"), Words{});
}

// The types the {pre} check lets the slot's first token name are the slot's
// as a slot macro writes them: "unknown" too unless the list is strict, any
// for no list or a "!" list, or when no slot follows the first {pre}.
TEST(PreCheckTest, PreSlotTypesAreTheSlotsAfterTheFirstPre) {
  using Types = std::vector<std::string>;
  RelationForms forms;
  forms.subject_types = {"person"};
  forms.object_types = {"organization", "platform"};
  const MacroExpander macros({"ceo"});
  EXPECT_EQ(macros.PreSlotTypes("{subj} (?:met) {pre}{obj}", forms),
            (Types{"organization", "platform", "unknown"}));
  EXPECT_EQ(macros.PreSlotTypes("{obj} (?:by) {pre}{subj} (?:x) {pre}{obj}", forms),
            (Types{"person", "unknown"}));
  EXPECT_EQ(macros.PreSlotTypes("{subj} (?:met) {pre}{obj:place|agency}", forms),
            (Types{"place", "agency", "unknown"}));
  EXPECT_EQ(macros.PreSlotTypes("{subj} (?:met) {pre}{obj:place|person!}", forms),
            (Types{"place", "person"}));
  EXPECT_EQ(macros.PreSlotTypes("{subj} (?:met) {pre}{obj:!}", forms), Types{});
  EXPECT_EQ(macros.PreSlotTypes("{subj} (?:met) {pre}x {obj}", forms), Types{});
  EXPECT_EQ(macros.PreSlotTypes("{subj} (?:met) {obj}", forms), Types{});
  forms.object_types.clear();
  EXPECT_EQ(macros.PreSlotTypes("{subj} (?:met) {pre}{obj}", forms), Types{});
  // A token of another type after {pre} is no match: ruled out.
  const std::string pattern = "{subj} (?:met) {pre}{obj:place}";
  const PreCheck check(WordsBeforePre(pattern),
                       std::make_shared<const LazyRegex>(macros.PreThenSlotLead(), CaseFree()),
                       macros.PreSlotTypes(pattern, forms));
  const std::string person = "<e1:person> met the ceo <e2:person> .";
  const std::string place = "<e1:person> met the ceo <e2:person> in <e3:place> .";
  const std::string unknown = "<e1:person> met the ceo both <e2:unknown> .";
  EXPECT_TRUE(check.RulesOut(person, 0, person.size()));
  EXPECT_TRUE(check.RulesOut(place, 0, place.size()));
  EXPECT_FALSE(check.RulesOut(unknown, 0, unknown.size()));
  // The token must end inside the window.
  EXPECT_TRUE(check.RulesOut(unknown, 0, unknown.size() - 4));
}

// A pattern of a person subject and an organization object, expanded in
// full and as its {pre} check, to hold the check against the pattern.
struct PatternAndPreCheck {
  void Build(const std::string& pattern, const std::vector<std::string>& titles) {
    RelationForms forms;
    forms.subject_types = {"person"};
    forms.object_types = {"organization"};
    auto full_source = ExpandMacros(pattern, forms, titles);
    ASSERT_TRUE(full_source.ok());
    full = std::make_unique<RE2>(*full_source, CaseFree());
    ASSERT_TRUE(full->ok());
    const MacroExpander macros(titles);
    check = PreCheck(WordsBeforePre(pattern),
                     std::make_shared<const LazyRegex>(macros.PreThenSlotLead(), CaseFree()),
                     macros.PreSlotTypes(pattern, forms));
    ASSERT_TRUE(check);
  }

  // Whether the check lets `view` through wherever the pattern matches it;
  // counts the views matched and those ruled out.
  bool Agrees(const std::string& view) {
    const bool matches = RE2::PartialMatch(view, *full);
    const bool rules_out = check.RulesOut(view, 0, view.size());
    matched += matches;
    ruled_out += rules_out;
    return !(matches && rules_out);
  }

  std::unique_ptr<RE2> full;
  PreCheck check;
  int matched = 0, ruled_out = 0;
};

// Views with many determiners, descriptors, titles, tokens and commas between
// the verb and an entity: wherever the user-style pattern matches, the {pre}
// check must let the view through; and it rules out many of the others.
TEST(PreCheckTest, NeverRulesOutAViewThePatternMatches) {
  PatternAndPreCheck p;
  ASSERT_NO_FATAL_FAILURE(p.Build("{subj} {adv}(?:met|sued) {pre}{obj}",
                                  {"chief executive", "ceo", "co-founder", "head of"}));
  static const char* kPieces[] = {"the ",
                                  "a ",
                                  "former ",
                                  "u.s. ",
                                  "sen. ",
                                  "israeli ",
                                  "mr. ",
                                  "firm ",
                                  "firm, ",
                                  "company ",
                                  "startup, ",
                                  "the italian ",
                                  "$44 ",
                                  "<t2> ",
                                  "<e3:place> ",
                                  "<e4:person>'s ",
                                  "<e5:organization> ",
                                  "<e6:person> ",
                                  "and ",
                                  ", ",
                                  "x ",
                                  "ceo ",
                                  "head of ",
                                  "chief executive ",
                                  "co-founder ",
                                  "both ",
                                  "either ",
                                  "met ",
                                  "sued ",
                                  "ruling, ",
                                  "with ",
                                  "their ",
                                  "-based ",
                                  "<e7:unknown>-based "};
  const size_t kinds = sizeof kPieces / sizeof *kPieces;
  std::mt19937 rng(17);
  for (int n = 0; n < 30000; ++n) {
    std::string view = rng() % 4 == 0 ? "" : "<e1:person> ";
    view += rng() % 3 == 0 ? "sued " : "met ";
    const int len = static_cast<int>(rng() % 7);
    for (int i = 0; i < len; ++i) view += kPieces[rng() % kinds];
    view += rng() % 5 == 0 ? "<e8:place> ." : "<e2:organization> .";
    ASSERT_TRUE(p.Agrees(view)) << view;
    // Within a window holding the whole match, the same answer.
    ASSERT_EQ(p.check.RulesOut("x, " + view, 3, view.size() + 3),
              p.check.RulesOut(view, 0, view.size()))
        << view;
  }
  EXPECT_GT(p.matched, 2000);
  EXPECT_GT(p.ruled_out, 2000);
}

// Alternatives that end in words after other syntax ("kicked .{0,20}off",
// "(?:made|closed) (?:a|the) deal for"): the check looks for those endings,
// and must let through every view the pattern matches, whatever came before
// them; it rules out many of the others.
TEST(PreCheckTest, NeverRulesOutAViewAPatternOfLiteralEndingsMatches) {
  const std::string pattern =
      "{subj} {adv}(?:met|kicked .{0,20}off|(?:made|closed) (?:a|the) deal for) {pre}{obj}";
  ASSERT_EQ(WordsBeforePre(pattern), (std::vector<std::string>{"met", "off", "deal for"}));
  PatternAndPreCheck p;
  ASSERT_NO_FATAL_FAILURE(p.Build(pattern, {"ceo", "head of"}));
  static const char* kOpeners[] = {"met ",
                                   "kicked off ",
                                   "kicked them all off ",
                                   "kicked <e9:person> off ",
                                   "kicked a very long way off ",
                                   "made a deal for ",
                                   "closed the deal for ",
                                   "made deal for ",
                                   "deal for ",
                                   "off ",
                                   "kicked ",
                                   "takeoff "};
  static const char* kPieces[] = {"the ",        "ceo ",           "head of ", "firm, ",
                                  "<e3:place> ", "<e4:person>'s ", "<t2> ",    "x ",
                                  ", ",          "off ",           "met "};
  std::mt19937 rng(29);
  for (int n = 0; n < 20000; ++n) {
    std::string view = rng() % 5 == 0 ? "" : "<e1:person> ";
    view += kOpeners[rng() % std::size(kOpeners)];
    const int len = static_cast<int>(rng() % 4);
    for (int i = 0; i < len; ++i) view += kPieces[rng() % std::size(kPieces)];
    view += rng() % 5 == 0 ? "<e8:place> ." : "<e2:organization> .";
    ASSERT_TRUE(p.Agrees(view)) << view;
  }
  EXPECT_GT(p.matched, 1000);
  EXPECT_GT(p.ruled_out, 1000);
}

}  // namespace
}  // namespace kg
