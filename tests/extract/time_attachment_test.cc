// GoverningTime: which time token dates a match. A time right after the match
// counts until a clause word, the quick rejections of which (by a word's first
// letter; no token lookup but at '<') must not change the answer.
#include <gtest/gtest.h>

#include <algorithm>
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

// A match from the word at `first` to the end of entity `object`, whose
// subject is entity `subject` ("<e" + n).
MatchSpans MatchFrom(const MentionView& view, const std::string& first, int subject, int object) {
  auto entity = [&](int n) {
    for (const ViewToken& t : view.tokens) {
      if (t.entity == n) return t;
    }
    return ViewToken{};
  };
  MatchSpans m;
  m.begin = view.text.find(first);
  m.subject_begin = entity(subject).begin;
  m.subject_end = entity(subject).end;
  m.object_begin = entity(object).begin;
  m.end = m.object_end = entity(object).end;
  return m;
}

TEST(TimeAttachmentTest, TimeBeforeTheVerbThatOpensTheMatch) {
  // "The board on Monday named Ann Lee as chief of Acme": the naming dates the
  // title, even for a stative relation.
  for (const char* before : {"<e0:organization> on <t0> ", "<e0:organization> <t0> "}) {
    const MentionView view =
        ViewOf(std::string(before) + "named <e1:person> as chief of <e2:organization> .");
    EXPECT_EQ(GoverningTime(view, MatchFrom(view, "named", 1, 2), true), 0) << before;
  }
  // "The 2016 purchase of Widgets by Acme": the time premodifies the noun.
  for (const char* before : {"the <t0> ", "its <t0> "}) {
    const MentionView view =
        ViewOf(std::string(before) + "purchase of <e0:organization> by <e1:organization> .");
    EXPECT_EQ(GoverningTime(view, MatchFrom(view, "purchase", 1, 0), false), 0) << before;
  }
  // The time ends a phrase of its own when no subject stands before it.
  const MentionView tail =
      ViewOf("the board hired in <t0> named <e0:person> as chief of <e1:organization> .");
  EXPECT_EQ(GoverningTime(tail, MatchFrom(tail, "named", 0, 1), true), std::nullopt);
}

TEST(TimeAttachmentTest, DatedReportOfAPresentPerfect) {
  // "Acme said on Friday that it has bought Widgets": bought by Friday.
  for (const char* report :
       {"<e0:organization> said on <t0> that ", "<e0:organization> announced <t0> ",
        "<e0:organization> on <t0> "
        "confirmed that "}) {
    const MentionView view =
        ViewOf(std::string(report) + "<e1:organization> has bought <e2:organization> .");
    EXPECT_EQ(GoverningTime(view, MatchFrom(view, "<e1", 1, 2), false), 0) << report;
  }
  // A past perfect or a plain past may lie well before the report; a verb that
  // reports nothing does not date what follows it.
  for (const char* clause : {"<e0:organization> said on <t0> that <e1:organization> had bought",
                             "<e0:organization> said on <t0> that <e1:organization> bought",
                             "<e0:organization> hoped on <t0> that <e1:organization> has bought"}) {
    const MentionView view = ViewOf(std::string(clause) + " <e2:organization> .");
    EXPECT_EQ(GoverningTime(view, MatchFrom(view, "<e1", 1, 2), false), std::nullopt) << clause;
  }
}

TEST(TimeAttachmentTest, ReportAfterAPresentPerfect) {
  // "Acme has bought Widgets for $2 billion, the company said on Friday."
  for (const char* report :
       {" for $2 billion , the company said on <t0> .", " , <e2:organization> announced <t0> .",
        " , its chief <e2:person> confirmed on <t0>."}) {
    const MentionView view =
        ViewOf(std::string("<e0:organization> has bought <e1:organization>") + report);
    EXPECT_EQ(GoverningTime(view, MatchFrom(view, "<e0", 0, 1), false), 0) << report;
  }
  // A plain past may lie before the report; a clause between the match and the
  // report, or a long phrase before the verb, may be another's.
  for (const char* text :
       {"<e0:organization> bought <e1:organization> , the company said on <t0> .",
        "<e0:organization> has bought <e1:organization> which grew , the company said <t0> .",
        "<e0:organization> has bought <e1:organization> , people who know the firm said <t0> .",
        "<e0:organization> has bought <e1:organization> , a b c d e said <t0> ."}) {
    const MentionView view = ViewOf(text);
    EXPECT_EQ(GoverningTime(view, MatchFrom(view, "<e0", 0, 1), false), std::nullopt) << text;
  }
}

TEST(TimeAttachmentTest, WhenClauseOfATime) {
  // "its largest purchase since the one it made in 2009 when it bought Widgets".
  for (const char* frame : {"its largest since the one it made in <t0> when ",
                            "the shares fell for months after the slump of <t0>, when "}) {
    const MentionView view =
        ViewOf(std::string(frame) + "<e0:organization> bought <e1:organization> .");
    EXPECT_EQ(GoverningTime(view, MatchFrom(view, "<e0", 0, 1), false), 0) << frame;
  }
  // "after" puts the clause before the time, not at it.
  const MentionView after = ViewOf(
      "it slumped in <t0> after <e0:organization> bought "
      "<e1:organization> .");
  EXPECT_EQ(GoverningTime(after, MatchFrom(after, "<e0", 0, 1), false), std::nullopt);
}

TEST(TimeAttachmentTest, OpeningTimeWithoutAComma) {
  // "In 2019 Acme bought Widgets", "Last year Acme bought Widgets".
  for (const char* opening : {"in <t0> ", "on <t0> ", "during <t0> ", "<t0> "}) {
    const MentionView view =
        ViewOf(std::string(opening) + "<e0:organization> bought <e1:organization> .");
    EXPECT_EQ(GoverningTime(view, MatchFrom(view, "<e0", 0, 1), false), 0) << opening;
    EXPECT_EQ(GoverningTime(view, MatchFrom(view, "<e0", 0, 1), true), std::nullopt) << opening;
  }
  // "By 2019 Acme had bought Widgets" bounds the purchase; a time that ends a
  // clause of its own ("it said in 2019 Acme ...") is not the sentence's
  // opening.
  for (const char* before : {"by <t0> ", "since <t0> ", "it said in <t0> "}) {
    const MentionView view =
        ViewOf(std::string(before) + "<e0:organization> bought <e1:organization> .");
    EXPECT_EQ(GoverningTime(view, MatchFrom(view, "<e0", 0, 1), false), std::nullopt) << before;
  }
}

TEST(TimeAttachmentTest, PastPerfectAfterASlot) {
  for (const char* text : {"<e0:organization> had bought <e1:organization> .",
                           "<e0:organization> had already bought <e1:organization> .",
                           "<e0:organization> had each held a stake in <e1:organization> .",
                           "<e0:organization> had not taken over <e1:organization> .",
                           "<e1:organization> had been bought by <e0:organization> ."}) {
    const MentionView view = ViewOf(text);
    const size_t first = std::min(view.tokens[0].begin, view.tokens[1].begin);
    MatchSpans m = MatchFrom(view, "<e", 0, 1);
    m.begin = first;
    m.end = std::max(view.tokens[0].end, view.tokens[1].end);
    EXPECT_TRUE(InPastPerfect(view, m)) << text;
  }
  // "had" as a verb of its own, other tenses, and a past perfect in an
  // apposition rather than after the slot.
  for (const char* text : {"<e0:organization> had talks with <e1:organization> .",
                           "<e0:organization> had seven stores near <e1:organization> .",
                           "<e0:organization> has bought <e1:organization> .",
                           "<e0:organization> bought <e1:organization> .",
                           "<e0:organization> , which had been fined , sued <e1:organization> ."}) {
    const MentionView view = ViewOf(text);
    EXPECT_FALSE(InPastPerfect(view, MatchOf(view))) << text;
  }
  // The word after the later slot is no part of the match.
  const MentionView after = ViewOf("<e0:organization> sued <e1:organization> had bought it .");
  EXPECT_FALSE(InPastPerfect(after, MatchOf(after)));
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
