// Polarity of a match: negation and modality cues read in the clause (one
// RE2::Set pass, which must answer as the two cue regexes do), hedges
// anywhere in the sentence.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include "extract/clause.h"
#include "extract/extractor.h"
#include "extract/rule_pack.h"
#include "rules/embedded_rules.h"
#include "tests/extract/example_views_util.h"

namespace kg {
namespace {

using testing_util::NewsPack;

MentionView ViewOf(const std::string& text) {
  MentionView view;
  view.text = text;
  return view;
}

// The whole view as the match, slots at the two entity tokens.
MatchSpans Spans(const std::string& text) {
  MatchSpans m;
  m.end = text.size();
  m.subject_begin = text.find("<e1");
  m.subject_end = text.find('>', m.subject_begin) + 1;
  m.object_begin = text.find("<e2");
  m.object_end = text.find('>', m.object_begin) + 1;
  return m;
}

TEST(PolarityTest, CuesInTheClauseOutsideTheSlots) {
  auto pack = NewsPack();
  ASSERT_NE(pack, nullptr);
  ASSERT_NE(pack->cues.clause, nullptr);
  struct Case {
    std::string view;
    bool negated, modal;
  };
  for (const Case& c : std::vector<Case>{
           {"<e1:person> acquired <e2:organization>", false, false},
           {"<e1:person> did not acquire <e2:organization>", true, false},
           {"<e1:person> won't acquire <e2:organization>", true, false},
           {"<e1:person> would acquire <e2:organization>", false, true},
           {"<e1:person> would not acquire <e2:organization>", true, true},
           {"<e1:person> acquired notable <e2:organization>", false, false},
       }) {
    const Polarity p = ReadPolarity(pack->cues, ViewOf(c.view), Spans(c.view), false);
    EXPECT_EQ(p.negated, c.negated) << c.view;
    EXPECT_EQ(p.modal, c.modal) << c.view;
    EXPECT_FALSE(p.hedged) << "read by SentenceHedged";
  }
  EXPECT_TRUE(SentenceHedged(pack->cues, ViewOf("<e1:person> reportedly bought <e2:person>")));
  EXPECT_FALSE(SentenceHedged(pack->cues, ViewOf("<e1:person> bought <e2:person>")));
}

// The set and the two regexes give the same answers on every sentence of the
// example articles, whole and cut into the prefixes a clause window can be.
TEST(PolarityTest, ClauseSetAnswersAsTheCueRegexes) {
  auto pack = NewsPack();
  ASSERT_NE(pack, nullptr);
  ASSERT_NE(pack->cues.clause, nullptr);
  std::vector<std::string> views;
  Status read = testing_util::ExampleArticleViews(*pack, &views);
  ASSERT_TRUE(read.ok()) << read.ToString();
  int negated = 0, modal = 0;
  std::vector<int> found;
  for (const std::string& view : views) {
    for (size_t cut = 8; cut < view.size() + 8; cut += 8) {
      const std::string text = view.substr(0, cut);
      const bool n = RE2::PartialMatch(text, *pack->cues.negation);
      const bool m = RE2::PartialMatch(text, *pack->cues.modality);
      found.clear();
      pack->cues.clause->Match(text, &found);
      std::sort(found.begin(), found.end());
      std::vector<int> want;
      if (n) want.push_back(0);
      if (m) want.push_back(1);
      EXPECT_EQ(found, want) << text;
      negated += n;
      modal += m;
    }
  }
  EXPECT_GT(negated, 10);
  EXPECT_GT(modal, 10);
}

// Reading the view's cues first (ViewCues) changes no answer: for every
// example view, matches spanning each pair of its entity tokens and matches
// cut at arbitrary bytes (mid-word, where the shortcut must not apply).
TEST(PolarityTest, ViewCuesChangeNoAnswer) {
  auto pack = NewsPack();
  ASSERT_NE(pack, nullptr);
  std::vector<std::string> views;
  Status read = testing_util::ExampleArticleViews(*pack, &views);
  ASSERT_TRUE(read.ok()) << read.ToString();
  views.push_back("<e1:person> would not buy <e2:organization>");
  views.push_back("<e1:person> bought <e2:organization>, reportedly");
  views.push_back("knot<e1:person> acquired <e2:organization>won't");
  int skipped = 0, compared = 0;
  for (const std::string& text : views) {
    const MentionView view = ViewOf(text);
    const uint32_t view_cues = ViewCues(pack->cues, view);
    EXPECT_EQ(SentenceHedged(pack->cues, view, view_cues),
              RE2::PartialMatch(text, *pack->cues.hedge))
        << text;
    std::vector<std::pair<size_t, size_t>> tokens;
    for (size_t at = text.find("<e"); at != std::string::npos; at = text.find("<e", at + 1)) {
      tokens.emplace_back(at, text.find('>', at) + 1);
    }
    std::vector<MatchSpans> spans;
    for (size_t i = 0; i < tokens.size(); ++i) {
      for (size_t j = i + 1; j < tokens.size(); ++j) {
        MatchSpans m;
        m.begin = m.subject_begin = tokens[i].first;
        m.subject_end = tokens[i].second;
        m.object_begin = tokens[j].first;
        m.end = m.object_end = tokens[j].second;
        spans.push_back(m);
        // Cut inside words: one byte in from each end.
        if (m.end - m.begin > 4) {
          MatchSpans cut = m;
          cut.begin = cut.subject_begin = m.begin + 1;
          cut.end = cut.object_end = m.end - 1;
          spans.push_back(cut);
        }
      }
    }
    for (const MatchSpans& m : spans) {
      for (bool stative : {false, true}) {
        const Polarity with = ReadPolarity(pack->cues, view, m, stative, view_cues);
        const Polarity without = ReadPolarity(pack->cues, view, m, stative);
        EXPECT_EQ(with.negated, without.negated) << text << " from " << m.begin;
        EXPECT_EQ(with.modal, without.modal) << text << " from " << m.begin;
        ++compared;
        skipped += (view_cues & (kNegationCues | kModalityCues)) == 0;
      }
    }
  }
  EXPECT_GT(compared, 100);
  EXPECT_GT(skipped, 10);  // the shortcut is taken
}

}  // namespace
}  // namespace kg
