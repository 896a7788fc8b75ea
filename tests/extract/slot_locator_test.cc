// SlotLocator: slot groups placed without RE2's capture pass must be exactly
// where the capture pass puts them, and the locator must decline whenever it
// cannot be sure (several placements, patterns that do not split).
#include "extract/slot_locator.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <sstream>

#include "extract/ascii.h"
#include "extract/case_blind.h"
#include "extract/document.h"
#include "extract/extractor.h"
#include "extract/mention_view.h"
#include "extract/mentions.h"
#include "extract/pattern_macros.h"
#include "extract/prefilter.h"
#include "extract/rule_pack.h"
#include "extract/sentence.h"
#include "extract/time/time_expression.h"
#include "rules/embedded_rules.h"
#include "tests/extract/example_views_util.h"

namespace kg {
namespace {

// Views recombined from the words and tokens of `views`, with words that
// follow tokens where the news pack's searches fail ("was", "and", "'s",
// ", the") and slot leads mixed in.
std::vector<std::string> GeneratedViews(const std::vector<std::string>& views, int count) {
  std::vector<std::string> words = {"was",
                                    "and",
                                    "'s",
                                    ",",
                                    "the",
                                    "ceo",
                                    "chief",
                                    "executive",
                                    "of",
                                    "both",
                                    "either",
                                    "or",
                                    "by",
                                    "as",
                                    "<e7:person>",
                                    "<e8:organization>",
                                    "<e9:platform>",
                                    "<e5:unknown>",
                                    "<t1>"};
  for (const std::string& v : views) {
    std::istringstream in(v);
    for (std::string w; in >> w;) words.push_back(w);
  }
  std::mt19937 rng(5);
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    std::string view;
    const int n = 3 + static_cast<int>(rng() % 12);
    for (int w = 0; w < n; ++w) {
      if (!view.empty()) view += ' ';
      view += words[rng() % words.size()];
    }
    out.push_back(view);
  }
  return out;
}

// `views` followed by `count` views recombined from them (GeneratedViews).
std::vector<std::string> WithRecombinedViews(std::vector<std::string> views, int count) {
  const std::vector<std::string> generated = GeneratedViews(views, count);
  views.insert(views.end(), generated.begin(), generated.end());
  return views;
}

// For every match of `re` (pattern `i` of `p`, compiled as the matcher would
// for the view) in `view`: where Locate places the slots, they are the
// capture pass's groups. Counts the matches and the located ones.
void ExpectLocatedAsCaptured(const RulePack& p, int i, const RE2& re, const std::string& view,
                             int* matches, int* located) {
  const PatternDef& pat = p.patterns[i];
  const re2::StringPiece text(view);
  re2::StringPiece groups[16];
  const int ngroups = std::min(re.NumberOfCapturingGroups() + 1, 16);
  for (size_t pos = 0;
       pos < text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, groups, ngroups);) {
    ++*matches;
    const size_t begin = groups[0].data() - text.data();
    const size_t end = begin + groups[0].size();
    pos = end > begin ? end : begin + 1;
    SlotSpans spans;
    if (!p.slots->Locate(i, text, begin, end, &spans)) continue;
    ++*located;
    const re2::StringPiece& s = groups[pat.subject_group];
    // A pattern without {obj} pairs inside its {subj}: both spans are that group's.
    const re2::StringPiece& o = groups[pat.object_group > 0 ? pat.object_group : pat.subject_group];
    ASSERT_EQ(spans.subject_begin, static_cast<size_t>(s.data() - text.data()))
        << pat.rule << ": " << view;
    ASSERT_EQ(spans.subject_end, static_cast<size_t>(s.data() + s.size() - text.data()))
        << pat.rule << ": " << view;
    ASSERT_EQ(spans.object_begin, static_cast<size_t>(o.data() - text.data()))
        << pat.rule << ": " << view;
    ASSERT_EQ(spans.object_end, static_cast<size_t>(o.data() + o.size() - text.data()))
        << pat.rule << ": " << view;
  }
}

// The news pack as kg extract loads it (patterns compiled on first use) and
// the example articles' views followed by `count` recombined ones.
void DeferredPackAndViews(int count, std::shared_ptr<const RulePack>* pack,
                          std::vector<std::string>* views) {
  *pack = testing_util::NewsPack(/*deferred=*/true);
  ASSERT_TRUE(*pack);
  ASSERT_NE((*pack)->slots, nullptr);
  std::vector<std::string> articles;
  ASSERT_TRUE(testing_util::ExampleArticleViews(**pack, &articles).ok());
  *views = WithRecombinedViews(std::move(articles), count);
}

PatternDef Pattern(const std::string& source) {
  RelationForms forms;
  forms.subject_types = {"person"};
  forms.object_types = {"person", "organization"};
  Result<std::string> expanded = ExpandMacros(source, forms, {});
  EXPECT_TRUE(expanded.ok()) << expanded.status().ToString();
  PatternDef def;
  def.rule = "test";
  def.source = expanded.ok() ? *expanded : source;
  RE2::Options options;
  options.set_case_sensitive(false);
  def.re = LazyRegex(std::make_unique<RE2>(def.source, options));
  EXPECT_TRUE(def.re->ok()) << def.re->error();
  const auto& groups = def.re->NamedCapturingGroups();
  if (groups.count("subj")) def.subject_group = groups.at("subj");
  if (groups.count("obj")) def.object_group = groups.at("obj");
  return def;
}

std::vector<PatternDef> Patterns(const std::vector<std::string>& sources) {
  std::vector<PatternDef> out;
  for (const std::string& s : sources) out.push_back(Pattern(s));
  return out;
}

TEST(SlotLocatorTest, PlacesBothSlotsOfAnActivePattern) {
  const std::vector<PatternDef> patterns = Patterns({"{subj} (?:acquired|bought) {obj}"});
  SlotLocator locator(patterns);
  ASSERT_TRUE(locator.Splits(0));
  const std::string view = "then <e1:person> bought <e2:organization> last year";
  re2::StringPiece text(view), whole;
  ASSERT_TRUE(patterns[0].re->Match(text, 0, text.size(), RE2::UNANCHORED, &whole, 1));
  const size_t begin = whole.data() - text.data();
  SlotSpans spans;
  ASSERT_TRUE(locator.Locate(0, text, begin, begin + whole.size(), &spans));
  EXPECT_EQ(view.substr(spans.subject_begin, spans.subject_end - spans.subject_begin),
            "<e1:person>");
  EXPECT_EQ(view.substr(spans.object_begin, spans.object_end - spans.object_begin),
            "<e2:organization>");
}

// Locate over the whole of `view`, called until the pattern's ambiguous
// matches no longer go to the capture pass (false if they always do).
bool LocateOnceWarm(const SlotLocator& locator, int p, const std::string& view, SlotSpans* spans) {
  for (int call = 0; call < 1000; ++call) {
    if (locator.Locate(p, view, 0, view.size(), spans)) return true;
  }
  return false;
}

// A pattern's first matches that the pieces around its groups leave
// ambiguous go to the capture pass (Locate declines); later ones are told
// apart by its middle piece, compiled then.
TEST(SlotLocatorTest, MiddlePieceOnlyForAPatternWithManyAmbiguousMatches) {
  const std::vector<PatternDef> patterns = Patterns({"{obj},? (?:was )?bought by {subj}"});
  SlotLocator locator(patterns);
  const std::string view = "<e2:organization>, was bought by <e1:person> and <e3:person>";
  const std::string one = "<e2:organization> bought by <e1:person>";
  SlotSpans spans;
  int declined = 0;
  for (int call = 0; call < 200; ++call) {
    // Unambiguous matches do not count.
    ASSERT_TRUE(locator.Locate(0, one, 0, one.size(), &spans));
    if (!locator.Locate(0, view, 0, view.size(), &spans)) {
      ++declined;
      continue;
    }
    EXPECT_EQ(view.substr(spans.subject_begin, spans.subject_end - spans.subject_begin),
              "<e1:person> and <e3:person>");
  }
  EXPECT_GT(declined, 10);
  EXPECT_LT(declined, 100);
}

// Patterns whose slots are of the same types share the compiled pieces of
// their slot bodies, but only when compiled alike: a case-sensitive pattern's
// body, compiled first, must not serve a case-blind one, which reads
// "<e1:person> AND <e2:person>" as one slot.
TEST(SlotLocatorTest, SlotBodiesSharedOnlyWhenCompiledAlike) {
  std::vector<PatternDef> patterns = Patterns({"{subj} met {obj}", "{subj} met {obj}"});
  RE2::Options case_sensitive;
  case_sensitive.set_case_sensitive(true);
  patterns[0].re = LazyRegex(std::make_unique<RE2>(patterns[0].source, case_sensitive));
  SlotLocator locator(patterns);
  SlotSpans spans;
  const std::string lower = "<e1:person> and <e2:person> met <e3:person>";
  ASSERT_TRUE(LocateOnceWarm(locator, 0, lower, &spans));
  EXPECT_EQ(lower.substr(spans.subject_begin, spans.subject_end - spans.subject_begin),
            "<e1:person> and <e2:person>");
  const std::string upper = "<e1:person> AND <e2:person> met <e3:person>";
  re2::StringPiece text(upper), groups[3];
  ASSERT_TRUE(patterns[1].re->Match(text, 0, text.size(), RE2::ANCHOR_BOTH, groups, 3));
  ASSERT_EQ(groups[1], "<e1:person> AND <e2:person>");
  ASSERT_TRUE(LocateOnceWarm(locator, 1, upper, &spans));
  EXPECT_EQ(upper.substr(spans.subject_begin, spans.subject_end - spans.subject_begin),
            "<e1:person> AND <e2:person>");
  EXPECT_EQ(upper.substr(spans.object_begin, spans.object_end - spans.object_begin), "<e3:person>");
}

TEST(SlotLocatorTest, ObjectBeforeSubject) {
  const std::vector<PatternDef> patterns = Patterns({"{obj},? (?:was )?bought by {subj}"});
  SlotLocator locator(patterns);
  const std::string view = "<e2:organization>, was bought by <e1:person> and <e3:person>";
  SlotSpans spans;
  // Two placements fit around the groups: the middle piece, compiled once
  // the pattern has had a few such matches, tells them apart.
  ASSERT_TRUE(LocateOnceWarm(locator, 0, view, &spans));
  EXPECT_EQ(view.substr(spans.subject_begin, spans.subject_end - spans.subject_begin),
            "<e1:person> and <e3:person>");
  EXPECT_EQ(spans.object_begin, 0u);
  EXPECT_EQ(spans.object_end, view.find(','));
}

// Time tokens ("<t0>") and a stray '<' or '>' in the text cannot bound a
// slot: two entity tokens then leave the groups one place.
TEST(SlotLocatorTest, OnlyEntityTokensBoundTheSlots) {
  const std::vector<PatternDef> patterns =
      Patterns({"{subj} (?:[a-z<>0-9]+ )?(?:sued|fined) (?:<t\\d+> )?{obj}"});
  SlotLocator locator(patterns);
  for (const std::string view :
       {"<e1:person> <t0> sued <t1> <e2:organization>", "<e1:person> a>b fined <e2:person>",
        "<e1:person> <<t2> sued <e2:person>"}) {
    re2::StringPiece text(view), groups[3];
    ASSERT_TRUE(patterns[0].re->Match(text, 0, text.size(), RE2::UNANCHORED, groups, 3)) << view;
    const size_t begin = groups[0].data() - text.data();
    SlotSpans spans;
    ASSERT_TRUE(locator.Locate(0, text, begin, begin + groups[0].size(), &spans)) << view;
    const re2::StringPiece& subject = groups[patterns[0].subject_group];
    const re2::StringPiece& object = groups[patterns[0].object_group];
    EXPECT_EQ(spans.subject_begin, static_cast<size_t>(subject.data() - text.data())) << view;
    EXPECT_EQ(spans.subject_end, spans.subject_begin + subject.size()) << view;
    EXPECT_EQ(spans.object_begin, static_cast<size_t>(object.data() - text.data())) << view;
    EXPECT_EQ(spans.object_end, spans.object_begin + object.size()) << view;
  }
}

TEST(SlotLocatorTest, DeclinesWhenTwoPlacementsFit) {
  // "A and B and C": the subject may be "A and B" or "A"; which one RE2 picks
  // depends on the groups' priorities, so the capture pass must decide.
  const std::vector<PatternDef> patterns = Patterns({"{subj} and {obj}"});
  SlotLocator locator(patterns);
  const std::string view = "<e1:person> and <e2:person> and <e3:person>";
  SlotSpans spans;
  EXPECT_FALSE(locator.Locate(0, view, 0, view.size(), &spans));
}

// A pattern without {obj} pairs the members of its coordinated {subj}.
TEST(SlotLocatorTest, LocatesALoneGroup) {
  const std::vector<PatternDef> patterns = Patterns({"{subj} met\\b"});
  SlotLocator locator(patterns);
  ASSERT_TRUE(locator.Splits(0));
  for (const std::string view :
       {"<e1:person> and <e2:person> met", "both <e1:person> and <e2:person> met",
        "<e1:person>, <e2:person> and <e3:person> met"}) {
    re2::StringPiece groups[2];
    const RE2& re = *patterns[0].re;
    ASSERT_TRUE(re.Match(view, 0, view.size(), RE2::UNANCHORED, groups, 2)) << view;
    const size_t begin = groups[0].data() - view.data();
    SlotSpans spans;
    ASSERT_TRUE(locator.Locate(0, view, begin, begin + groups[0].size(), &spans)) << view;
    EXPECT_EQ(spans.subject_begin, static_cast<size_t>(groups[1].data() - view.data())) << view;
    EXPECT_EQ(spans.subject_end, spans.subject_begin + groups[1].size()) << view;
    EXPECT_EQ(spans.object_begin, spans.subject_begin);
    EXPECT_EQ(spans.object_end, spans.subject_end);
  }
}

// A match of a pattern that opens with a slot begins at a token of a type the
// slot takes (any case), and one that ends with a slot holds a later token of
// a type that slot takes; MayFind tells, without RE2, when there is none.
TEST(SlotLocatorTest, MayFindReadsTheSlotsTypes) {
  const std::vector<PatternDef> patterns =
      Patterns({"{subj} (?:acquired|bought) {obj}", "{subj:place|agency} bought {obj}",
                "{subj:person!} bought {obj}", "(?:acquired|bought) {obj}", "{subj} and {obj} met",
                "{subj} met"});
  SlotLocator locator(patterns);
  struct Case {
    int pattern;
    std::string view;
    bool may_find;
  };
  const std::vector<Case> cases = {
      {0, "<e1:place> bought <e2:organization>", false},
      {0, "<e1:place> and <e2:agency> bought <e3:place>", false},
      {0, "<e1:persons> bought <e2:place>", false},
      {0, "<e1:person bought <e2:place>", false},
      {0, "<e:person> bought <e2:agency>", false},
      {0, "<e1:place> bought <e2:unknown> bought <e3:person>", true},
      {0, "<E1:PERSON> BOUGHT <E2:ORGANIZATION>", true},
      {0, "either <e1:unknown> or <e2:person> bought <e3:organization>", true},
      {1, "<e1:person> bought <e2:organization>", false},
      {1, "<e1:agency> bought <e2:organization>", true},
      {1, "<e1:Place> bought <e2:organization>", true},
      {2, "<e1:unknown> bought <e2:organization>", false},
      {2, "<e1:person> bought <e2:organization>", true},
      {0, "<e1:person> bought <e2:place>", false},
      {0, "<e2:organization> and <e1:person> bought", false},
      {0, "<e1:person> bought <e2:organization>", true},
      {1, "<e1:place> bought <e2:place> and <e3:Organization>", true},
      {3, "<e1:place> bought <e2:place>", false},
      {3, "<e1:person> bought <e2:place>", true},
      {3, "bought <e1:unknown>", true},
      {4, "<e1:place> and <e2:agency> met", false},
      // Only a slot that ends the pattern is read for its types.
      {4, "<e1:person> and <e2:agency> met", true},
      {4, "<e1:agency> and <e2:person> and <e3:unknown> met", true},
      {5, "<e1:place> met", false},
      {5, "<e1:person> met", true},
  };
  std::vector<uint32_t> starts;
  for (const Case& c : cases) {
    const re2::StringPiece text(c.view);
    const RE2& re = *patterns[c.pattern].re;
    SlotLocator::TokenStarts(c.view, &starts);
    EXPECT_EQ(locator.MayFind(c.pattern, c.view, starts), c.may_find) << c.view;
    re2::StringPiece want, got;
    const bool expected = re.Match(text, 0, text.size(), RE2::UNANCHORED, &want, 1);
    EXPECT_TRUE(c.may_find || !expected) << c.view;
    ASSERT_EQ(locator.Find(c.pattern, re, text, 0, &got), expected) << c.view;
    EXPECT_EQ(got.data(), want.data()) << c.view;
    EXPECT_EQ(got.size(), want.size()) << c.view;
  }
}

TEST(SlotLocatorTest, PatternsThatDoNotSplit) {
  const std::vector<PatternDef> patterns =
      Patterns({"{subj} met {obj}|met", "(?P<subj>\\w+) met {obj}", "(?i){subj} met {obj}",
                "(?:{subj} met {obj})", "(?P<subj>\\w+) met"});
  SlotLocator locator(patterns);
  for (int p = 0; p < static_cast<int>(patterns.size()); ++p) {
    EXPECT_FALSE(locator.Splits(p)) << patterns[p].source;
    SlotSpans spans;
    EXPECT_FALSE(locator.Locate(p, "<e1:person> met <e2:person>", 0, 27, &spans));
  }
}

// When the pieces around a lone group leave two placements, the group's own
// piece decides: "<e2:place>" may follow the group, but "<e1:person>
// <e2:place>" is no coordinated list.
TEST(SlotLocatorTest, LoneGroupPieceDecidesBetweenPlacements) {
  const std::vector<PatternDef> patterns = Patterns({"{subj} (?:<e\\d+:[a-z_]+> )?met\\b"});
  SlotLocator locator(patterns);
  ASSERT_TRUE(locator.Splits(0));
  const std::string view = "<e1:person> <e2:place> met";
  re2::StringPiece groups[2];
  ASSERT_TRUE((*patterns[0].re).Match(view, 0, view.size(), RE2::ANCHOR_BOTH, groups, 2));
  SlotSpans spans;
  ASSERT_TRUE(locator.Locate(0, view, 0, view.size(), &spans));
  EXPECT_EQ(spans.subject_begin, 0u);
  EXPECT_EQ(spans.subject_end, groups[1].size());
  EXPECT_EQ(spans.object_end, spans.subject_end);
}

// The slot lead ("both ", "either ") and empty pieces are told from their
// bytes, not by RE2: on every span of views with leads in any case, doubled,
// cut short or with a non-ASCII letter RE2 folds onto 'i', the locator must
// place the groups where the capture pass does, for patterns compiled
// case-blind or not.
TEST(SlotLocatorTest, LeadAndEmptyPiecesAgreeWithTheCapturePass) {
  const std::vector<std::string> sources = {"{subj} met {obj}", "{subj} met\\b", "{subj} and {obj}",
                                            "met {subj} and {obj}"};
  const std::vector<std::string> views = {
      "both <e1:person> met <e2:person> and either <e3:person> met",
      "Both <e1:person> met BOTH <e2:person> EiThEr <e3:person> met <e4:person>",
      "both both <e1:person> met bot <e2:person> ither <e3:person> met <e4:person>",
      "e\xc4\xb1ther <e1:person> met <e2:person> both  <e3:person> met both",
      "met either <e1:person> and both <e2:person> and <e3:person> met",
  };
  int located = 0;
  for (bool case_sensitive : {false, true}) {
    std::vector<PatternDef> patterns = Patterns(sources);
    for (PatternDef& def : patterns) {
      RE2::Options options;
      options.set_case_sensitive(case_sensitive);
      def.re = LazyRegex(std::make_unique<RE2>(def.source, options));
    }
    SlotLocator locator(patterns);
    for (int p = 0; p < static_cast<int>(patterns.size()); ++p) {
      ASSERT_TRUE(locator.Splits(p)) << patterns[p].source;
      const RE2& re = *patterns[p].re;
      re2::StringPiece groups[3];
      const int ngroups = std::min(re.NumberOfCapturingGroups() + 1, 3);
      for (const std::string& view : views) {
        for (size_t begin = 0; begin < view.size(); ++begin) {
          for (size_t end = begin + 1; end <= view.size(); ++end) {
            if (!re.Match(view, begin, end, RE2::ANCHOR_BOTH, groups, ngroups)) continue;
            SlotSpans spans;
            if (!locator.Locate(p, view, begin, end, &spans)) continue;
            ++located;
            const re2::StringPiece& subject = groups[patterns[p].subject_group];
            const re2::StringPiece& object =
                groups[patterns[p].object_group > 0 ? patterns[p].object_group
                                                    : patterns[p].subject_group];
            EXPECT_EQ(spans.subject_begin, static_cast<size_t>(subject.data() - view.data()))
                << patterns[p].source << " on " << view.substr(begin, end - begin);
            EXPECT_EQ(spans.subject_end, spans.subject_begin + subject.size());
            EXPECT_EQ(spans.object_begin, static_cast<size_t>(object.data() - view.data()))
                << patterns[p].source << " on " << view.substr(begin, end - begin);
            EXPECT_EQ(spans.object_end, spans.object_begin + object.size());
          }
        }
      }
    }
  }
  EXPECT_GT(located, 30);
}

// A deferred pack's case-neutral patterns have their pieces compiled
// case-sensitively, as their re_case_free: on the example articles' views,
// views recombined from them, and the same with words upper-cased or holding
// a KELVIN SIGN, every placement the locator gives is the capture pass's (of
// re_case_free on case-free views, of the case-blind re on the others, as
// the matcher picks), and it gives one for most matches.
TEST(SlotLocatorTest, CaseSensitivePiecesAgreeWithTheCapturePass) {
  std::shared_ptr<const RulePack> loaded;
  std::vector<std::string> views;
  DeferredPackAndViews(3000, &loaded, &views);
  if (HasFatalFailure()) return;
  const RulePack& p = *loaded;
  // Lists joined by upper-case words: the case-blind match takes the whole
  // list, case-sensitive pieces would place the group on its first member.
  for (const char* list : {"<e1:organization> AND <e2:organization>",
                           "<e1:organization>, <e2:organization> OR <e4:organization>",
                           "BOTH <e1:organization> and <e2:organization>"}) {
    for (const char* rest : {" acquired <e3:organization> .", " bought the startup <e3:platform>",
                             " said <e5:person> met <e3:person>", " sued <e3:organization>"}) {
      views.push_back(std::string(list) + rest);
      views.push_back("<e6:person> said " + std::string(list) + rest);
    }
  }
  std::mt19937 rng(3);
  const size_t plain = views.size();
  for (size_t n = 0; n < plain; ++n) {
    std::string v = views[n];
    for (int k = 0; k < 2; ++k) {
      const size_t at = rng() % std::max<size_t>(1, v.size());
      if (rng() % 4 == 0) {
        if (v[at] == 'k') v.replace(at, 1, "\xe2\x84\xaa");
        continue;
      }
      for (size_t i = at; i < v.size() && v[i] != ' '; ++i) {
        v[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(v[i])));
      }
    }
    views.push_back(v);
  }
  int case_free_pieces = 0, matches = 0, located = 0, other_case = 0;
  std::vector<int> candidates;
  for (const std::string& view : views) {
    const bool case_free = CaseFreeText(view);
    p.prefilter->Candidates(view, &candidates);
    for (int i : candidates) {
      const PatternDef& pat = p.patterns[i];
      if (!pat.re_case_free || !p.slots->Splits(i)) continue;
      ++case_free_pieces;
      const int before = matches;
      ExpectLocatedAsCaptured(p, i, case_free ? *pat.re_case_free : *pat.re, view, &matches,
                              &located);
      if (!case_free) other_case += matches - before;
    }
  }
  EXPECT_GT(case_free_pieces, 1000);
  EXPECT_GT(other_case, 50);
  EXPECT_GT(located, matches * 7 / 10);
}

// The lead and empty pieces, told from their bytes, fit exactly the spans
// their regexes match in full.
TEST(SlotLocatorTest, LeadAndEmptyPiecesFitAsTheirRegexes) {
  const std::string view =
      "both either Both BOTH EiThEr both  bot ither e\xc4\xb1ther ei\xe2\x84\xaaher <e1:person>";
  int fitted = 0;
  for (bool case_sensitive : {false, true}) {
    std::vector<PatternDef> patterns = Patterns({"{subj} met {obj}"});
    RE2::Options options;
    options.set_case_sensitive(case_sensitive);
    patterns[0].re = LazyRegex(std::make_unique<RE2>(patterns[0].source, options));
    SlotLocator locator(patterns);
    const RE2 lead("(?:(?:both |either )?)", options);
    const RE2 empty("(?:)", options);
    for (size_t from = 0; from <= view.size(); ++from) {
      for (size_t to = from; to <= view.size(); ++to) {
        const bool is_lead = lead.Match(view, from, to, RE2::ANCHOR_BOTH, nullptr, 0);
        ASSERT_EQ(locator.PieceFits(0, 0, view, from, to), is_lead)
            << case_sensitive << " '" << view.substr(from, to - from) << "'";
        ASSERT_EQ(locator.PieceFits(0, 4, view, from, to),
                  empty.Match(view, from, to, RE2::ANCHOR_BOTH, nullptr, 0));
        fitted += is_lead && to > from ? 1 : 0;
      }
    }
  }
  EXPECT_GT(fitted, 8);
}

// Every match of the news pack on the example articles' views: where the
// locator answers, it answers what the capture pass does, and it answers for
// most matches.
// The news pack and the example articles' views, loaded once for the tests
// that run every pattern over them (compiling the pack is most of their time).
class NewsPackTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded =
        LoadRulePack({RuleSource{"news.yaml", std::string(EmbeddedRuleFile("news.yaml"))}});
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    pack_ = new std::shared_ptr<const RulePack>(*loaded);
    views_ = new std::vector<std::string>;
    Status read = testing_util::ExampleArticleViews(**pack_, views_);
    ASSERT_TRUE(read.ok()) << read.ToString();
  }
  static void TearDownTestSuite() {
    delete pack_;
    delete views_;
    pack_ = nullptr;
    views_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(pack_, nullptr); }

  static std::shared_ptr<const RulePack>* pack_;
  static std::vector<std::string>* views_;
};

std::shared_ptr<const RulePack>* NewsPackTest::pack_ = nullptr;
std::vector<std::string>* NewsPackTest::views_ = nullptr;

TEST_F(NewsPackTest, SlotsAgreeWithTheCapturePass) {
  const RulePack& p = **pack_;
  ASSERT_NE(p.slots, nullptr);
  const std::vector<std::string>& views = *views_;
  int matches = 0, located = 0;
  std::vector<int> candidates;
  for (const std::string& view : views) {
    p.prefilter->Candidates(view, &candidates);
    for (int i : candidates)
      ExpectLocatedAsCaptured(p, i, *p.patterns[i].re, view, &matches, &located);
  }
  EXPECT_GT(matches, 20);
  EXPECT_GT(located, matches * 8 / 10);
}

// Locate over a view's tokens answers as Locate over its bytes: for every
// match of every candidate pattern in the example articles' views, and for
// spans cut anywhere (inside tokens too).
TEST_F(NewsPackTest, TokenBoundsLocateAsTheBytesDo) {
  const RulePack& p = **pack_;
  std::vector<MentionView> views;
  Status read = testing_util::ExampleArticleMentionViews(p, &views);
  ASSERT_TRUE(read.ok()) << read.ToString();
  ASSERT_GT(views.size(), 100u);
  std::mt19937 rng(5);
  std::vector<int> candidates;
  int compared = 0, located = 0;
  auto same = [&](int i, const MentionView& view, size_t begin, size_t end) {
    const re2::StringPiece text(view.text);
    SlotSpans by_bytes, by_tokens;
    const bool bytes = p.slots->Locate(i, text, begin, end, &by_bytes);
    const bool tokens = p.slots->Locate(i, view, begin, end, &by_tokens);
    ++compared;
    ASSERT_EQ(bytes, tokens) << p.patterns[i].rule << " [" << begin << ", " << end << ") "
                             << view.text;
    if (!bytes) return;
    ++located;
    EXPECT_EQ(by_bytes.subject_begin, by_tokens.subject_begin) << view.text;
    EXPECT_EQ(by_bytes.subject_end, by_tokens.subject_end) << view.text;
    EXPECT_EQ(by_bytes.object_begin, by_tokens.object_begin) << view.text;
    EXPECT_EQ(by_bytes.object_end, by_tokens.object_end) << view.text;
  };
  for (const MentionView& view : views) {
    p.prefilter->Candidates(view.text, &candidates);
    const re2::StringPiece text(view.text);
    re2::StringPiece whole;
    for (int i : candidates) {
      for (size_t pos = 0;
           pos < text.size() &&
           p.patterns[i].re->Match(text, pos, text.size(), RE2::UNANCHORED, &whole, 1);) {
        const size_t begin = whole.data() - text.data();
        const size_t end = begin + whole.size();
        pos = end > begin ? end : begin + 1;
        same(i, view, begin, end);
      }
      for (int k = 0; k < 3 && !text.empty(); ++k) {
        const size_t a = rng() % text.size(), b = rng() % (text.size() + 1);
        same(i, view, std::min(a, b), std::max(a, b));
      }
    }
  }
  EXPECT_GT(located, 20);
  EXPECT_GT(compared, located * 2);
}

// Find must return what an unanchored search returns, from every start, for
// every pattern of the news pack: on the example articles' views, and on
// views with the slot lead words, upper case, stray '<' and non-ASCII text.
TEST_F(NewsPackTest, FindEqualsTheUnanchoredSearch) {
  const RulePack& p = **pack_;
  std::vector<std::string> views = {
      "both <e1:person> and <e2:person> met <e3:person> <t0>.",
      "<e9:organization> said either <e1:person> or <e2:person> sued <e3:organization>",
      "EITHER <E1:PERSON> OR <E2:PERSON> SUED <E3:ORGANIZATION>",
      "a <b <e1:person> <t1> acquired <<e2:organization>, bought <e3:organization>",
      "e\xc4\xb1ther <e1:person> or <e2:person> sued <e3:organization>",
      // Tokens of types a slot may not take, and text that only looks like tokens.
      "<e1:place> and <e2:unknown> met <e3:agency>, <e4:platform> sued <e5:Person>",
      "<e:person> met <e1person> and <e2:per son> sued <e3:person> <e4:organization",
      // Opening slots of types the token does not have, in lists and out.
      "<e1:place>, <e2:person> and <e3:person> acquired <e4:organization>",
      "<e1:PLACE> and <E2:Person> ACQUIRED <e3:Organization>, <e4:product> sued <e5:persons>",
      "<e1:organization> sued <e2:place> and <e12:> met <e3:person_> or <e4:unknown>",
  };
  const size_t crafted = views.size();
  views.insert(views.end(), views_->begin(), views_->end());
  int opens = 0;
  for (size_t i = 0; i < p.patterns.size(); ++i) opens += p.slots->OpensWithSlot(i) ? 1 : 0;
  EXPECT_GT(opens, static_cast<int>(p.patterns.size()) / 2);
  int found = 0;
  std::vector<int> every(p.patterns.size()), candidates;
  std::vector<uint32_t> last_starts;
  for (size_t i = 0; i < every.size(); ++i) every[i] = static_cast<int>(i);
  for (size_t v = 0; v < views.size(); ++v) {
    const std::string& view = views[v];
    const re2::StringPiece text(view);
    // The prefilter's other patterns find nothing either way (its own test);
    // its bound on where a match can begin is passed on as the matcher does.
    if (v >= crafted) p.prefilter->Candidates(view, &candidates, &last_starts);
    const std::vector<int>& patterns = v < crafted ? every : candidates;
    for (size_t c = 0; c < patterns.size(); ++c) {
      const int i = patterns[c];
      const size_t last_start = v < crafted ? std::string::npos : last_starts[c];
      const RE2& re = *p.patterns[i].re;
      // No match ends after the last '>', so none ends after the last token.
      const size_t tokens_end = view.rfind('>') + 1;
      for (size_t pos = 0; pos < text.size(); pos += 7) {
        re2::StringPiece want, got, bounded;
        const bool expected = re.Match(text, pos, text.size(), RE2::UNANCHORED, &want, 1);
        ASSERT_EQ(p.slots->Find(i, re, text, pos, &got, last_start), expected)
            << p.patterns[i].rule << " from " << pos << " in " << view;
        ASSERT_EQ(p.slots->Find(i, re, text, pos, &bounded, last_start, false, tokens_end),
                  expected)
            << p.patterns[i].rule << " from " << pos << " in " << view;
        if (!expected) break;
        ++found;
        EXPECT_EQ(got.data(), want.data()) << p.patterns[i].rule << " in " << view;
        EXPECT_EQ(got.size(), want.size()) << p.patterns[i].rule << " in " << view;
        EXPECT_EQ(bounded.data(), want.data()) << p.patterns[i].rule << " in " << view;
        EXPECT_EQ(bounded.size(), want.size()) << p.patterns[i].rule << " in " << view;
      }
    }
  }
  EXPECT_GT(found, 100);
}

// Find agrees with the unanchored search on the recombined views too, told
// or not told that they are ASCII.
TEST_F(NewsPackTest, FindEqualsTheUnanchoredSearchOnRecombinedViews) {
  const RulePack& p = **pack_;
  int found = 0;
  for (const std::string& view : GeneratedViews(*views_, 800)) {
    const re2::StringPiece text(view);
    const bool ascii = ascii::AllAscii(view);
    for (size_t i = 0; i < p.patterns.size(); ++i) {
      const RE2& re = *p.patterns[i].re;
      for (size_t pos = 0; pos < text.size(); pos += 5) {
        re2::StringPiece want, got, told;
        const bool expected = re.Match(text, pos, text.size(), RE2::UNANCHORED, &want, 1);
        const int pi = static_cast<int>(i);
        ASSERT_EQ(p.slots->Find(pi, re, text, pos, &got), expected)
            << p.patterns[i].rule << " from " << pos << " in " << view;
        ASSERT_EQ(
            p.slots->Find(pi, re, text, pos, &told, std::string::npos, ascii, view.rfind('>') + 1),
            expected)
            << p.patterns[i].rule << " from " << pos << " in " << view;
        if (!expected) break;
        ++found;
        EXPECT_EQ(got, want) << p.patterns[i].rule << " in " << view;
        EXPECT_EQ(told.data(), want.data()) << p.patterns[i].rule << " in " << view;
        EXPECT_EQ(told.size(), want.size()) << p.patterns[i].rule << " in " << view;
      }
    }
  }
  EXPECT_GT(found, 20);
}

// MayFind says no only where neither Find nor the unanchored search finds a
// match: for every pattern of the news pack, on the example articles' views
// and recombined ones, with and without the prefilter's bound on where a match
// can begin.
TEST_F(NewsPackTest, MayFindRulesOutOnlyViewsWithoutAMatch) {
  const RulePack& p = **pack_;
  const std::vector<std::string> views = WithRecombinedViews(*views_, 800);
  std::vector<int> candidates;
  std::vector<uint32_t> last_starts, starts;
  int ruled_out = 0, matched = 0;
  for (const std::string& view : views) {
    const re2::StringPiece text(view);
    if (!ascii::AllAscii(view)) continue;
    SlotLocator::TokenStarts(view, &starts);
    p.prefilter->Candidates(view, &candidates, &last_starts);
    for (size_t i = 0; i < p.patterns.size(); ++i) {
      const int pi = static_cast<int>(i);
      const auto c = std::lower_bound(candidates.begin(), candidates.end(), pi);
      const bool candidate = c != candidates.end() && *c == pi;
      const size_t last_start = candidate ? last_starts[c - candidates.begin()] : std::string::npos;
      const RE2& re = *p.patterns[i].re;
      re2::StringPiece want, got;
      const bool expected = re.Match(text, 0, text.size(), RE2::UNANCHORED, &want, 1);
      matched += expected ? 1 : 0;
      for (size_t bound : {std::string::npos, last_start}) {
        if (bound != std::string::npos && !candidate) continue;
        if (p.slots->MayFind(pi, view, starts, bound)) continue;
        ++ruled_out;
        EXPECT_FALSE(expected) << p.patterns[i].rule << " in " << view;
        EXPECT_FALSE(p.slots->Find(pi, re, text, 0, &got, bound, true))
            << p.patterns[i].rule << " in " << view;
      }
    }
  }
  EXPECT_GT(matched, 40);
  EXPECT_GT(ruled_out, 1000) << ruled_out;
}

// MayFind's window holds every match of the pattern, so a screen (whose match
// lies inside the pattern's) searched there alone still finds one wherever the
// pattern matches: for every pattern of the news pack as kg extract loads it,
// on the example articles' views and recombined ones.
TEST(SlotLocatorTest, MayFindsWindowHoldsEveryMatchAndItsScreensMatch) {
  std::shared_ptr<const RulePack> loaded;
  std::vector<std::string> views;
  DeferredPackAndViews(5000, &loaded, &views);
  if (HasFatalFailure()) return;
  const RulePack& p = *loaded;
  std::vector<int> candidates;
  std::vector<uint32_t> last_starts, starts;
  int narrowed = 0, matched = 0, screened = 0;
  for (const std::string& view : views) {
    if (!CaseFreeText(view) || !ascii::AllAscii(view)) continue;
    const re2::StringPiece text(view);
    SlotLocator::TokenStarts(view, &starts);
    p.prefilter->Candidates(view, &candidates, &last_starts);
    for (size_t c = 0; c < candidates.size(); ++c) {
      const int pi = candidates[c];
      const PatternDef& pat = p.patterns[pi];
      MatchWindow window;
      if (!p.slots->MayFind(pi, view, starts, last_starts[c], &window)) continue;
      ASSERT_LE(window.begin, window.end) << pat.rule << " in " << view;
      ASSERT_LE(window.end, view.size()) << pat.rule << " in " << view;
      narrowed += window.begin > 0 || window.end < view.size() ? 1 : 0;
      const RE2& re = pat.re_case_free ? *pat.re_case_free : *pat.re;
      re2::StringPiece found;
      bool any = false;
      for (size_t pos = 0;
           pos < text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, &found, 1);) {
        const size_t begin = found.data() - text.data(), end = begin + found.size();
        EXPECT_GE(begin, window.begin) << pat.rule << " in " << view;
        EXPECT_LE(end, window.end) << pat.rule << " in " << view;
        any = true;
        pos = end > begin ? end : begin + 1;
      }
      matched += any ? 1 : 0;
      if (!any || !pat.screen || !pat.screen->ok()) continue;
      ++screened;
      EXPECT_TRUE(pat.screen->Match(text, window.begin, window.end, RE2::UNANCHORED, nullptr, 0))
          << pat.rule << " matches, its screen not in [" << window.begin << ", " << window.end
          << ") of " << view;
    }
  }
  EXPECT_GT(matched, 40);
  EXPECT_GT(screened, 20);
  EXPECT_GT(narrowed, 1000) << narrowed << " " << matched << " " << screened;
}

// As the matcher calls it: bounded by where the view's last entity token ends,
// Find returns what the unanchored search over the whole view returns, for
// every pattern from every start on the example articles' views.
TEST_F(NewsPackTest, FindBoundedByTheLastTokenEqualsTheUnanchoredSearch) {
  const RulePack& p = **pack_;
  std::vector<MentionView> views;
  ASSERT_TRUE(testing_util::ExampleArticleMentionViews(p, &views).ok());
  int found = 0, bounded = 0;
  for (const MentionView& view : views) {
    const re2::StringPiece text(view.text);
    size_t tokens_end = 0;
    for (const ViewToken& t : view.tokens) {
      if (t.entity >= 0) tokens_end = t.end;
    }
    bounded += tokens_end < view.text.size() ? 1 : 0;
    for (size_t i = 0; i < p.patterns.size(); ++i) {
      const RE2& re = *p.patterns[i].re;
      const int pi = static_cast<int>(i);
      for (size_t pos = 0; pos < text.size(); pos += 3) {
        re2::StringPiece want, got;
        const bool expected = re.Match(text, pos, text.size(), RE2::UNANCHORED, &want, 1);
        ASSERT_EQ(p.slots->Find(pi, re, text, pos, &got, std::string::npos,
                                ascii::AllAscii(view.text), tokens_end),
                  expected)
            << p.patterns[i].rule << " from " << pos << " in " << view.text;
        if (!expected) break;
        ++found;
        EXPECT_EQ(got.data(), want.data()) << p.patterns[i].rule << " in " << view.text;
        EXPECT_EQ(got.size(), want.size()) << p.patterns[i].rule << " in " << view.text;
      }
    }
  }
  EXPECT_GT(found, 100);
  EXPECT_GT(bounded, 20);
}

// A match of a pattern that ends with a slot ends at a token's '>' and holds
// each of the pattern's required words, so where every occurrence of one ends
// after the last '>' (the prefilter's first end), the pattern cannot match:
// checked for every candidate of the example articles' views and recombined
// ones.
TEST_F(NewsPackTest, NoMatchWhenARequiredWordEndsOnlyAfterTheLastToken) {
  const RulePack& p = **pack_;
  int closing = 0;
  for (size_t i = 0; i < p.patterns.size(); ++i) closing += p.slots->ClosesWithSlot(i) ? 1 : 0;
  EXPECT_GT(closing, static_cast<int>(p.patterns.size()) / 2);
  const std::vector<std::string> views = WithRecombinedViews(*views_, 3000);
  std::vector<int> candidates;
  std::vector<uint32_t> last_starts, first_ends;
  int ruled_out = 0, matched = 0;
  for (const std::string& view : views) {
    const re2::StringPiece text(view);
    const size_t tokens_end = view.rfind('>') + 1;
    p.prefilter->Candidates(view, &candidates, &last_starts, nullptr, &first_ends);
    for (size_t c = 0; c < candidates.size(); ++c) {
      const RE2& re = *p.patterns[candidates[c]].re;
      const bool any = re.Match(text, 0, text.size(), RE2::UNANCHORED, nullptr, 0);
      matched += any ? 1 : 0;
      if (!p.slots->ClosesWithSlot(candidates[c]) || first_ends[c] <= tokens_end) continue;
      ++ruled_out;
      EXPECT_FALSE(any) << p.patterns[candidates[c]].rule << " in " << view;
    }
  }
  EXPECT_GT(matched, 40);
  EXPECT_GT(ruled_out, 100) << ruled_out;
}

}  // namespace
}  // namespace kg
