// GoverningTime: which time token dates a match. A time right after the match
// counts until a clause word, the quick rejections of which (by a word's first
// letter; no token lookup but at '<') must not change the answer.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/clause.h"
#include "extract/mention_view.h"
#include "tests/extract/example_views_util.h"

namespace kg {
namespace {

// A view of `text` whose "<e..>" and "<t..>" runs are its tokens; the n-th
// time token has time index n.
MentionView ViewOf(const std::string& text) {
  MentionView view;
  view.text = text;
  int entity = 0, time = 0;
  for (size_t at = text.find('<'); at != std::string::npos; at = text.find('<', at + 1)) {
    ViewToken t;
    t.begin = at;
    t.end = text.find('>', at) + 1;
    if (text[at + 1] == 'e') {
      t.entity = entity;
      t.mention = entity++;
    } else {
      t.time = time++;
    }
    view.tokens.push_back(t);
  }
  return view;
}

// The match: from the first token to the end of the second.
MatchSpans MatchOf(const MentionView& view) {
  MatchSpans m;
  m.begin = m.subject_begin = view.tokens[0].begin;
  m.subject_end = view.tokens[0].end;
  m.object_begin = view.tokens[1].begin;
  m.end = m.object_end = view.tokens[1].end;
  return m;
}

TEST(TimeAttachmentTest, ClauseWordsEndTheTimeAfterTheMatch) {
  for (const char* w :
       {"which", "who", "that", "after", "before", "when", "while", "since", "because", "but",
        "and", "although", "if", "where", "as", "until", "whom", "whose"}) {
    const MentionView view = ViewOf(std::string("<e0:person> met <e1:person> ") + w + " <t0> .");
    EXPECT_EQ(GoverningTime(view, MatchOf(view), false), std::nullopt) << w;
  }
  for (const char* w : {"in", "on", "at", "quietly", "whichever", "a", "t", "bu", "u", "z", "1",
                        "thus", "once", "wh0", "Which", "after-"}) {
    const MentionView view = ViewOf(std::string("<e0:person> met <e1:person> ") + w + " <t0> .");
    EXPECT_EQ(GoverningTime(view, MatchOf(view), false), 0) << w;
  }
}

TEST(TimeAttachmentTest, TimeTokensAfterWordsAndEntities) {
  const MentionView after = ViewOf("<e0:person> met <e1:person> in <t0> .");
  EXPECT_EQ(GoverningTime(after, MatchOf(after), false), 0);
  EXPECT_EQ(GoverningTime(after, MatchOf(after), true), std::nullopt);
  // An entity token is a word; the time after it still governs.
  const MentionView entity = ViewOf("<e0:person> met <e1:person> at <e2:place> <t0> .");
  EXPECT_EQ(GoverningTime(entity, MatchOf(entity), false), 0);
  // Too many words in between.
  const MentionView far = ViewOf("<e0:person> met <e1:person> a b c d e <t0> .");
  EXPECT_EQ(GoverningTime(far, MatchOf(far), false), std::nullopt);
}

// What the '<' test relies on: every token of a real view opens with '<', and
// every '<' opens a token.
TEST(TimeAttachmentTest, TokensAndOnlyTokensOpenWithAnAngleBracket) {
  std::shared_ptr<const RulePack> pack = testing_util::NewsPack();
  ASSERT_TRUE(pack);
  std::vector<MentionView> views;
  ASSERT_TRUE(testing_util::ExampleArticleMentionViews(*pack, &views).ok());
  ASSERT_GT(views.size(), 100u);
  size_t tokens = 0;
  for (const MentionView& view : views) {
    for (size_t i = 0; i < view.text.size(); ++i) {
      ASSERT_EQ(view.text[i] == '<', view.TokenAt(i) != nullptr) << view.text << " at " << i;
    }
    tokens += view.tokens.size();
  }
  EXPECT_GT(tokens, 300u);
}

}  // namespace
}  // namespace kg
