// The literal prefilter of relation patterns: the words a regex requires
// (RequiredLiterals), and PatternPrefilter, which must never drop a pattern
// that matches — checked against RE2 itself on the news pack and the views of
// the example articles.
#include "extract/prefilter.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <random>

#include "extract/cue_filter.h"
#include "extract/document.h"
#include "extract/extractor.h"
#include "extract/literal_atoms.h"
#include "extract/mention_view.h"
#include "extract/mentions.h"
#include "extract/rule_pack.h"
#include "extract/sentence.h"
#include "extract/time/time_expression.h"
#include "rules/embedded_rules.h"
#include "tests/extract/example_views_util.h"

namespace kg {
namespace {

using Clause = std::vector<std::string>;

bool HasClause(const std::vector<Clause>& clauses, Clause want) {
  std::sort(want.begin(), want.end());
  return std::find(clauses.begin(), clauses.end(), want) != clauses.end();
}

TEST(LiteralAtomsTest, AlternationOfTriggersIsOneClause) {
  const std::vector<Clause> c = RequiredLiterals("<e\\d+> (?:acquired|bought) <e\\d+>");
  EXPECT_TRUE(HasClause(c, {"> acquired <e", "> bought <e"})) << c.size();
}

TEST(LiteralAtomsTest, WordsAfterAnInexactPartStayWhole) {
  const std::vector<Clause> c = RequiredLiterals("\\S+'s merger with \\S+");
  EXPECT_TRUE(HasClause(c, {"'s merger with "}));
}

TEST(LiteralAtomsTest, OptionalAndRepeatedPartsRequireWhatTheyMust) {
  EXPECT_EQ(RequiredLiterals("(?:foo)?bar"), std::vector<Clause>{{"bar"}});
  EXPECT_TRUE(RequiredLiterals("(?:foo)*").empty());
  EXPECT_TRUE(RequiredLiterals("x{0,3}").empty());
  EXPECT_TRUE(HasClause(RequiredLiterals("\\d(?:ab){2,3}\\d"), {"ab"}));
  // One branch that requires nothing makes the alternation require nothing.
  EXPECT_TRUE(RequiredLiterals("\\d(?:sold|\\S+)\\d").empty());
}

TEST(LiteralAtomsTest, CaseIsFolded) {
  EXPECT_EQ(RequiredLiterals("ACQUIRED"), std::vector<Clause>{{"acquired"}});
  EXPECT_EQ(RequiredLiterals("(?i)Sold"), std::vector<Clause>{{"sold"}});
}

TEST(LiteralAtomsTest, SmallClassesAreExactLargeOnesAreAnything) {
  EXPECT_EQ(RequiredLiterals("acquire[sd]"), (std::vector<Clause>{{"acquired", "acquires"}}));
  EXPECT_TRUE(HasClause(RequiredLiterals("ab[^,]cd"), {"ab"}));
  EXPECT_TRUE(HasClause(RequiredLiterals("ab[a-z]cd"), {"cd"}));
}

TEST(LiteralAtomsTest, WhatItCannotReadRequiresNothing) {
  EXPECT_TRUE(RequiredLiterals("\\x41bc").empty());
  EXPECT_TRUE(RequiredLiterals("(abc").empty());
  EXPECT_TRUE(RequiredLiterals("\\1abc").empty());
}

// Former bug: a 200,000-word alternation (tests/reliability/cases.txt,
// rules_huge_pattern) took minutes, its clause copied at every later step.
// Such a clause filters nothing: the alternation now requires nothing.
TEST(LiteralAtomsTest, HugeAlternationRequiresNothingAndIsQuick) {
  std::string words;
  for (int i = 0; i < 200000; ++i) words += (i ? "|w" : "w") + std::to_string(i);
  const auto start = std::chrono::steady_clock::now();
  const std::vector<Clause> c = RequiredLiterals("<e\\d+> (?:" + words + ") (?:x|y) <e\\d+>");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(HasClause(c, {" x <e", " y <e"}));
  for (const Clause& clause : c) EXPECT_LE(clause.size(), 1024u);
  EXPECT_LT(seconds, 20.0);  // minutes before the fix; well under a second after
}

// A string that holds another of its clause says nothing more: it is
// dropped, and the rest keep their sorted order.
TEST(LiteralAtomsTest, StringsHoldingAnotherOfTheClauseAreDropped) {
  EXPECT_EQ(RequiredLiterals("\\S+(?:xab|ab|abc|b)q\\S+"), (std::vector<Clause>{{"abcq", "bq"}}));
  EXPECT_EQ(RequiredLiterals("\\S+(?:sold|resold|sell)\\S+"),
            (std::vector<Clause>{{"sell", "sold"}}));
}

// Many regexes at once share what they read of a repeated group, and must
// come out as each read alone.
TEST(LiteralAtomsTest, ReadingManyAtOnceEqualsReadingEachAlone) {
  const std::vector<std::string> regexes = {
      "\\S+ (?:acquired|bought) (?P<obj>\\S+)", "(?:acquired|bought) \\d+ (?:sold|[a-z]+)",
      "x(?:acquired|bought)", "(?:a[)]b|c\\)d) (?:a[)]b|c\\)d)", "((?:ab)+) ((?:ab)+)"};
  const auto all = RequiredLiterals(regexes);
  ASSERT_EQ(all.size(), regexes.size());
  for (size_t i = 0; i < regexes.size(); ++i) {
    EXPECT_EQ(all[i], RequiredLiterals(regexes[i])) << regexes[i];
  }
  EXPECT_TRUE(HasClause(all[2], {"xacquired", "xbought"}));
  EXPECT_TRUE(HasClause(all[3], {"a)b a)b", "a)b c)d", "c)d a)b", "c)d c)d"}));
}

TEST(PatternPrefilterTest, RejectsViewsWithoutTheWords) {
  PatternPrefilter filter({"<e\\d+> (?:acquired|bought) <e\\d+>", "<e\\d+> sued <e\\d+>", "\\S+"},
                          {"<e0:person>"});
  std::vector<int> got;
  filter.Candidates("<e1:person> bought <e2:person>", &got);
  EXPECT_EQ(got, (std::vector<int>{0, 2}));
  filter.Candidates("<e1:person> praised <e2:person>", &got);
  EXPECT_EQ(got, (std::vector<int>{2}));
  EXPECT_EQ(filter.unfiltered(), 1);
}

TEST(PatternPrefilterTest, ViewsAreComparedCaseBlind) {
  PatternPrefilter filter({"<e\\d+:\\w+> sued <e\\d+:\\w+>"}, {});
  std::vector<int> got;
  filter.Candidates("<e1:person> SUED <e2:person>", &got);
  EXPECT_EQ(got, std::vector<int>{0});
}

// ", " is two bytes but rare in a short view; a two-letter word is not.
TEST(PatternPrefilterTest, ShortPunctuationIsRequiredShortWordsAreNot) {
  PatternPrefilter filter({"<e\\d+:\\w+>, [a-z ]+, sued <e\\d+:\\w+>", "[a-z]+is[a-z]+"}, {});
  std::vector<int> got;
  filter.Candidates("<e1:person> sued <e2:person>", &got);
  EXPECT_EQ(got, std::vector<int>{1});
  filter.Candidates("<e1:person>, the firm, sued <e2:person>", &got);
  EXPECT_EQ(got, (std::vector<int>{0, 1}));
}

TEST(PatternPrefilterTest, LastStartIsTheLastPlaceEveryClauseIsSeen) {
  PatternPrefilter filter({"<e\\d+:\\w+> (?:sued|fined) <e\\d+:\\w+> (?:today|again)", "\\S+"}, {});
  std::vector<int> got;
  std::vector<uint32_t> last;
  const std::string view = "<e1:x> sued <e2:x> today and <e3:x> fined <e4:x> again, today";
  filter.Candidates(view, &got, &last);
  ASSERT_EQ(got, (std::vector<int>{0, 1}));
  // The clause's strings are " sued " and " fined "; "today" at the end comes
  // later, so the verb is what bounds the start.
  EXPECT_EQ(last[0], view.find(" fined "));
  EXPECT_EQ(last[1], view.size());
}

// RE2 folds KELVIN SIGN to k: a view holding one cannot be judged by ASCII.
TEST(PatternPrefilterTest, UnicodeThatFoldsToAsciiKeepsEveryPattern) {
  PatternPrefilter filter({"<e\\d+:\\w+> likes <e\\d+:\\w+>"}, {});
  const std::string view =
      "<e1:person> li\xe2\x84\xaa"
      "es <e2:person>";
  ASSERT_TRUE(RE2::PartialMatch(view, RE2("(?i)<e\\d+:\\w+> likes <e\\d+:\\w+>")));
  std::vector<int> got;
  filter.Candidates(view, &got);
  EXPECT_EQ(got, std::vector<int>{0});
}

// Every pattern of the news pack that matches a view of the example articles
// must be among that view's candidates.
TEST(PatternPrefilterTest, NeverDropsAMatchOfTheNewsPack) {
  auto pack = LoadRulePack({RuleSource{"news.yaml", std::string(EmbeddedRuleFile("news.yaml"))}});
  ASSERT_TRUE(pack.ok()) << pack.status().ToString();
  const RulePack& p = **pack;
  ASSERT_NE(p.prefilter, nullptr);
  EXPECT_LT(p.prefilter->unfiltered(), static_cast<int>(p.patterns.size()) / 10);
  std::vector<std::string> views;
  Status read = testing_util::ExampleArticleViews(p, &views);
  ASSERT_TRUE(read.ok()) << read.ToString();
  ASSERT_GT(views.size(), 100u);
  int matched = 0, rejected = 0;
  std::vector<int> candidates;
  std::vector<uint32_t> last_start, first_end;
  for (const std::string& view : views) {
    p.prefilter->Candidates(view, &candidates, &last_start, nullptr, &first_end);
    ASSERT_EQ(candidates.size(), last_start.size());
    ASSERT_EQ(candidates.size(), first_end.size());
    for (size_t i = 0; i < p.patterns.size(); ++i) {
      auto at = std::lower_bound(candidates.begin(), candidates.end(), static_cast<int>(i));
      const bool candidate = at != candidates.end() && *at == static_cast<int>(i);
      if (RE2::PartialMatch(view, *p.patterns[i].re)) {
        ++matched;
        EXPECT_TRUE(candidate) << p.patterns[i].rule << " matches but was dropped: " << view;
        if (!candidate) continue;
        // No match, at any start, begins after the bound.
        const re2::StringPiece text(view);
        re2::StringPiece whole;
        for (size_t pos = 0;
             pos < text.size() &&
             p.patterns[i].re->Match(text, pos, text.size(), RE2::UNANCHORED, &whole, 1);) {
          const size_t begin = whole.data() - text.data();
          EXPECT_LE(begin, last_start[at - candidates.begin()])
              << p.patterns[i].rule << " in " << view;
          // Nor ends before the other.
          EXPECT_GE(begin + whole.size(), first_end[at - candidates.begin()])
              << p.patterns[i].rule << " in " << view;
          pos = begin + 1;
        }
      } else if (!candidate) {
        ++rejected;
      }
    }
  }
  EXPECT_GT(matched, 20);
  // The filter must also be worth having: most (pattern, view) pairs rejected.
  EXPECT_GT(rejected, static_cast<int>(views.size() * p.patterns.size() * 8 / 10));
}

// What Candidates must answer, read from the requirements alone: a pattern is
// a candidate when each of its clauses has a string in the (ASCII-folded)
// view, and its last start is the least, over its clauses, of the latest
// place one of the clause's strings begins. A character case folding takes to
// ASCII keeps every pattern.
using Requirements = std::vector<std::vector<std::vector<std::string>>>;

Requirements AllRequirements(const PatternPrefilter& filter, int patterns) {
  Requirements out;
  for (int p = 0; p < patterns; ++p) out.push_back(filter.Requirements(p));
  return out;
}

void ReferenceCandidates(const Requirements& requirements, std::string_view view,
                         std::vector<int>* out, std::vector<uint32_t>* last_start,
                         std::vector<uint32_t>* first_end) {
  out->clear();
  last_start->clear();
  first_end->clear();
  std::string folded(view);
  for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool folds = false;
  for (const char* s : {"\xe2\x84\xaa", "\xc5\xbf", "\xc4\xb0", "\xc4\xb1"}) {
    folds = folds || folded.find(s) != std::string::npos;
  }
  for (int p = 0; p < static_cast<int>(requirements.size()); ++p) {
    uint32_t last = static_cast<uint32_t>(view.size()), end = 0;
    bool met = true;
    for (const std::vector<std::string>& clause : requirements[p]) {
      size_t latest = std::string::npos, earliest_end = std::string::npos;
      for (const std::string& s : clause) {
        const size_t at = folded.rfind(s);
        if (at != std::string::npos && (latest == std::string::npos || at > latest)) latest = at;
        const size_t first = folded.find(s);
        if (first != std::string::npos) earliest_end = std::min(earliest_end, first + s.size());
      }
      if (latest == std::string::npos) met = false;
      if (met) {
        last = std::min(last, static_cast<uint32_t>(latest));
        end = std::max(end, static_cast<uint32_t>(earliest_end));
      }
    }
    if (folds) {
      met = true;
      last = static_cast<uint32_t>(view.size());
      end = 0;
    }
    if (!met) continue;
    out->push_back(p);
    last_start->push_back(last);
    first_end->push_back(end);
  }
}

// Texts made of the pack's own clause strings (cut, joined, in upper case),
// entity tokens and filler, so that clauses are met alone, together, and
// several times over.
std::vector<std::string> ClauseTexts(const Requirements& requirements, int count) {
  std::vector<std::string> pieces = {
      "<e1:person>", "<e2:organization>", "<t0>",        ", ", " ", "the",
      "'s ",         "\xc4\xb1",          "caf\xc3\xa9", "by "};
  for (const auto& pattern : requirements) {
    for (const std::vector<std::string>& clause : pattern) {
      pieces.insert(pieces.end(), clause.begin(), clause.end());
    }
  }
  std::mt19937 rng(7);
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 12);
    for (int w = 0; w < n; ++w) {
      std::string piece = pieces[rng() % pieces.size()];
      if (rng() % 6 == 0 && piece.size() > 2) piece = piece.substr(rng() % (piece.size() - 1));
      if (rng() % 8 == 0) {
        for (char& c : piece) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
      if (piece.find('\xc4') != std::string::npos && rng() % 4 != 0) continue;
      text += piece;
      if (rng() % 3 == 0) text += ' ';
    }
    out.push_back(text);
  }
  return out;
}

// Candidates, with shared clauses met once per view, against the reading of
// the requirements one pattern at a time.
TEST(PatternPrefilterTest, CandidatesAreWhatTheRequirementsSay) {
  auto pack = testing_util::NewsPack();
  ASSERT_NE(pack, nullptr);
  const PatternPrefilter& filter = *pack->prefilter;
  const int patterns = static_cast<int>(pack->patterns.size());
  std::vector<std::string> texts;
  Status read = testing_util::ExampleArticleViews(*pack, &texts);
  ASSERT_TRUE(read.ok()) << read.ToString();
  const Requirements requirements = AllRequirements(filter, patterns);
  std::vector<std::string> generated = ClauseTexts(requirements, 5000);
  texts.insert(texts.end(), generated.begin(), generated.end());
  std::vector<int> got, want;
  std::vector<uint32_t> got_last, want_last, got_end, want_end;
  size_t with_candidates = 0, several = 0;
  for (const std::string& text : texts) {
    filter.Candidates(text, &got, &got_last, nullptr, &got_end);
    ReferenceCandidates(requirements, text, &want, &want_last, &want_end);
    ASSERT_EQ(got, want) << text;
    ASSERT_EQ(got_last, want_last) << text;
    ASSERT_EQ(got_end, want_end) << text;
    with_candidates += want.size() > static_cast<size_t>(filter.unfiltered());
    several += want.size() > static_cast<size_t>(filter.unfiltered()) + 3;
  }
  EXPECT_GT(with_candidates, texts.size() / 4);
  EXPECT_GT(several, texts.size() / 20);
  // A user-style pack whose patterns share clauses and strings.
  const std::vector<std::string> sources = {
      "<e\\d+> (?:acquired|bought) <e\\d+>", "<e\\d+> (?:bought|purchased) <e\\d+> for \\$\\d+",
      "<e\\d+>, (?:acquired|bought) by <e\\d+>", "(?:acquired|bought) by <e\\d+>, <e\\d+>",
      "<e\\d+> sold (?:its|a) stake in <e\\d+>", "\\w+",
      // A clause string inside another: "acquired by" begins before the
      // "red" it holds, though it ends later.
      "[a-z]+(?:red|acquired by) <e\\d+>"};
  const PatternPrefilter own(sources, {"<e0:person>"});
  const Requirements own_requirements = AllRequirements(own, static_cast<int>(sources.size()));
  const std::vector<std::string> own_texts = ClauseTexts(own_requirements, 5000);
  for (const std::string& text : own_texts) {
    own.Candidates(text, &got, &got_last, nullptr, &got_end);
    ReferenceCandidates(own_requirements, text, &want, &want_last, &want_end);
    ASSERT_EQ(got, want) << text;
    ASSERT_EQ(got_last, want_last) << text;
    ASSERT_EQ(got_end, want_end) << text;
  }
}

// Texts for the cue answers: cue words, words that hold or end like them, upper
// case, punctuation, entity tokens, and non-ASCII bytes (some that case
// folding takes to ASCII letters).
std::vector<std::string> CueTexts(int count) {
  const std::vector<std::string> words = {"not",
                                          "notable",
                                          "another",
                                          "can't",
                                          "won't",
                                          "we'll",
                                          "'ll",
                                          "no",
                                          "longer",
                                          "no longer",
                                          "never",
                                          "nevertheless",
                                          "Never",
                                          "NOT",
                                          "would",
                                          "would-be",
                                          "could",
                                          "may",
                                          "mayor",
                                          "if",
                                          "IF",
                                          "plans",
                                          "plan",
                                          "to",
                                          "planned",
                                          "rumoured",
                                          "said",
                                          "according",
                                          "claims",
                                          "reportedly",
                                          "<e1:person>",
                                          "<t0>",
                                          "bought",
                                          ",",
                                          "\"",
                                          "-",
                                          "_can",
                                          "didn't",
                                          "n't",
                                          "isn't",
                                          "will",
                                          "William",
                                          "people",
                                          "familiar",
                                          "expected",
                                          "is",
                                          "caf\xc3\xa9",
                                          "\xc4\xb1"
                                          "f",
                                          "acquired",
                                          "sued",
                                          "'s",
                                          "Didn'T",
                                          "ma\xc5\xbfy"};
  std::mt19937 rng(11);
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 10);
    for (int w = 0; w < n; ++w) {
      if (!text.empty() && rng() % 5 != 0) text += ' ';
      text += words[rng() % words.size()];
    }
    out.push_back(text);
  }
  return out;
}

// The answer Candidates gives for the cue lists is the cue filter's, and
// asking for it changes nothing else.
void ExpectCueAnswers(const std::vector<std::string>& sources, const CueFilter& cues,
                      const std::vector<std::string>& texts) {
  const PatternPrefilter with(sources, {"<e0:person>"}, &cues);
  const PatternPrefilter without(sources, {"<e0:person>"});
  ASSERT_TRUE(with.answers_cues());
  ASSERT_FALSE(without.answers_cues());
  std::vector<int> got, want;
  std::vector<uint32_t> got_last, want_last;
  for (const std::string& text : texts) {
    uint32_t answer = 12345;
    with.Candidates(text, &got, &got_last, &answer);
    without.Candidates(text, &want, &want_last);
    EXPECT_EQ(answer, cues.MayMatch(text)) << text;
    EXPECT_EQ(got, want) << text;
    EXPECT_EQ(got_last, want_last) << text;
  }
}

TEST(PatternPrefilterTest, CueAnswerIsTheCueFilters) {
  auto pack = testing_util::NewsPack();
  ASSERT_NE(pack, nullptr);
  ASSERT_NE(pack->cues.filter, nullptr);
  ASSERT_TRUE(pack->prefilter->answers_cues());
  std::vector<std::string> texts;
  Status read = testing_util::ExampleArticleViews(*pack, &texts);
  ASSERT_TRUE(read.ok()) << read.ToString();
  const size_t views = texts.size();
  std::vector<std::string> generated = CueTexts(20000);
  texts.insert(texts.end(), generated.begin(), generated.end());
  std::vector<std::string> sources;
  for (const PatternDef& p : pack->patterns) sources.push_back(p.source);
  ExpectCueAnswers(sources, *pack->cues.filter, texts);
  // The pack's own prefilter answers the same.
  std::vector<int> got;
  std::vector<uint32_t> last;
  int with_cues = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    uint32_t answer = 0;
    pack->prefilter->Candidates(texts[i], &got, &last, &answer);
    ASSERT_EQ(answer, pack->cues.filter->MayMatch(texts[i])) << texts[i];
    if (i < views && answer != 0) ++with_cues;
  }
  EXPECT_GT(with_cues, 10);
}

// LoadRulePack's prefilter built on a thread of its own (kg extract --jobs 2
// and up) answers as the one built in turn: same candidates, last starts,
// first ends and cue answers on the example views and generated cue texts.
TEST(PatternPrefilterTest, BuiltInParallelAnswersTheSame) {
  const RuleSource news{"news.yaml", std::string(EmbeddedRuleFile("news.yaml"))};
  for (const bool deferred : {false, true}) {
    auto in_turn = LoadRulePack({news}, int64_t{4} << 20, deferred, false);
    auto beside = LoadRulePack({news}, int64_t{4} << 20, deferred, true);
    ASSERT_TRUE(in_turn.ok()) << in_turn.status().ToString();
    ASSERT_TRUE(beside.ok()) << beside.status().ToString();
    ASSERT_NE((*beside)->prefilter, nullptr);
    ASSERT_NE((*beside)->slots, nullptr);
    ASSERT_TRUE((*beside)->prefilter->answers_cues());
    std::vector<std::string> texts;
    Status read = testing_util::ExampleArticleViews(**in_turn, &texts);
    ASSERT_TRUE(read.ok()) << read.ToString();
    std::vector<std::string> generated = CueTexts(2000);
    texts.insert(texts.end(), generated.begin(), generated.end());
    size_t with_candidates = 0;
    for (const std::string& text : texts) {
      std::vector<int> want, got;
      std::vector<uint32_t> want_last, got_last, want_end, got_end;
      uint32_t want_cues = 0, got_cues = 0;
      (*in_turn)->prefilter->Candidates(text, &want, &want_last, &want_cues, &want_end);
      (*beside)->prefilter->Candidates(text, &got, &got_last, &got_cues, &got_end);
      ASSERT_EQ(got, want) << text;
      ASSERT_EQ(got_last, want_last) << text;
      ASSERT_EQ(got_end, want_end) << text;
      ASSERT_EQ(got_cues, want_cues) << text;
      with_candidates += !want.empty();
    }
    EXPECT_GT(with_candidates, 10u);
  }
  // An error found once the prefilter has started (each cue fits the budget,
  // the list compiled whole does not) is reported all the same.
  std::string cues;
  for (char c = 'a'; c <= 'z'; ++c) {
    cues += std::string(cues.empty() ? "" : ", ") + "'" + c + "[a-z]{300}'";
  }
  const RuleSource big{"big.yaml", "cues: {negation: [" + cues + "]}\n"};
  for (const bool parallel : {false, true}) {
    auto failed = LoadRulePack({big}, int64_t{1} << 16, false, parallel);
    ASSERT_FALSE(failed.ok());
    EXPECT_NE(failed.status().ToString().find("cue list does not compile"), std::string::npos)
        << failed.status().ToString();
  }
}

// Each kind of cue: whole words, openings, after a word ("'ll"), strings
// looked for anywhere ("n't"), a cue that cannot be read (always), a list
// string with upper case (which the filter, reading folded text, never finds),
// cue strings that are also pattern words, and cues sharing strings.
TEST(PatternPrefilterTest, CueAnswerForEachKindOfCue) {
  const CueFilter cues({{"not", "no longer", "Never", "[a-z]+n't", "sued"},
                        {"'ll", "plans? to", "would-be", "(?-i:X)Yz+"},
                        {"[a-z]+"},
                        {"reportedly", "sued", "-be"}});
  const std::vector<std::string> sources = {"<e\\d+:\\w+> sued <e\\d+:\\w+>",
                                            "<e\\d+:\\w+> (?:would|not) buy <e\\d+:\\w+>",
                                            "\\S+ plans \\S+"};
  std::vector<std::string> texts = CueTexts(5000);
  for (const char* t :
       {"she'll",     "'ll",   "x'll",  "no longer", "no  longer",   "plan to", "plans to",
        "a would-be", "-be",   "be-be", "xyzz",      "XYZ",          "Xyz",     "sued",
        "resued",     "sued_", "SUED",  "nOt",       "nevertheless", "n't",     "don't"}) {
    texts.push_back(t);
  }
  ExpectCueAnswers(sources, cues, texts);
}

}  // namespace
}  // namespace kg
