// Mention views: the view text, and the source offsets that map every view
// byte back to the document bytes it came from (held as runs, looked up by
// offset; checked here byte by byte against what each byte must map to).
#include "extract/mention_view.h"

#include <gtest/gtest.h>

#include "extract/extractor.h"
#include "extract/gazetteer.h"
#include "extract/rule_pack.h"
#include "rules/embedded_rules.h"

namespace kg {
namespace {

TEST(SourceOffsetsTest, AdvancingAndConstantRuns) {
  SourceOffsets o;
  EXPECT_TRUE(o.empty());
  o.Append(3, 10, 11, true);   // view 0..2 <- [10, 11), [11, 12), [12, 13)
  o.Append(2, 13, 14, true);   // continues the run: [13, 14), [14, 15)
  o.Append(4, 40, 45, false);  // a token: [40, 45) four times
  o.Append(1, 40, 45, true);   // one byte fits the constant run
  o.Append(1, 40, 46, false);  // the same begin, another end: a new run
  o.Append(2, 50, 51, true);   // [50, 51), [51, 52)
  o.Append(0, 99, 99, true);   // nothing
  ASSERT_EQ(o.size(), 13u);
  const size_t begins[] = {10, 11, 12, 13, 14, 40, 40, 40, 40, 40, 40, 50, 51};
  const size_t ends[] = {11, 12, 13, 14, 15, 45, 45, 45, 45, 45, 46, 51, 52};
  for (size_t i = 0; i < o.size(); ++i) {
    EXPECT_EQ(o.Begin(i), begins[i]) << i;
    EXPECT_EQ(o.End(i), ends[i]) << i;
  }
  o.clear();
  EXPECT_EQ(o.size(), 0u);
  o.Append(1, 7, 8, false);
  o.Append(1, 8, 9, true);   // a single byte after a single byte: continues it
  o.Append(1, 8, 9, true);   // the same source again: a new run
  o.Append(1, 9, 12, true);  // the next begin, but not the next end: a new run
  o.Append(1, 10, 13, true);
  const size_t begins2[] = {7, 8, 8, 9, 10};
  const size_t ends2[] = {8, 9, 9, 12, 13};
  for (size_t i = 0; i < o.size(); ++i) {
    EXPECT_EQ(o.Begin(i), begins2[i]) << i;
    EXPECT_EQ(o.End(i), ends2[i]) << i;
  }
}

class MentionViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pack = LoadRulePack({RuleSource{"news.yaml", std::string(EmbeddedRuleFile("news.yaml"))}});
    ASSERT_TRUE(pack.ok()) << pack.status().ToString();
    pack_ = *pack;
    gazetteer_ = std::make_unique<Gazetteer>(*pack_);
  }

  int EntityId(const std::string& name) const {
    for (size_t i = 0; i < pack_->entities.size(); ++i) {
      if (pack_->entities[i].name == name) return static_cast<int>(i);
    }
    ADD_FAILURE() << name << " is not in the news pack";
    return 0;
  }

  // A mention of `entity` at the first occurrence of `words` in `text`.
  Mention At(const std::string& text, const std::string& words, const std::string& entity,
             std::string_view resolution = "name") const {
    Mention m;
    m.begin = text.find(words);
    m.end = m.begin + words.size();
    m.entities = {EntityId(entity)};
    m.resolution = resolution;
    return m;
  }

  std::shared_ptr<const RulePack> pack_;
  std::unique_ptr<Gazetteer> gazetteer_;
};

TEST_F(MentionViewTest, EveryViewByteMapsToItsSource) {
  // Two spaces and a tab collapse; curly quotes, a dash and a no-break space
  // fold; "<" and ">" of the text become spaces; a time and two mentions
  // become tokens.
  const std::string text =
      "Intro. Tesla  \t said \xE2\x80\x9CNo\xE2\x80\x9D <ok> \xE2\x80\x94 to\xC2\xA0"
      "Apple in 2022.";
  const size_t begin = text.find("Tesla");
  const size_t end = text.size();
  MentionTracker tracker(*gazetteer_, std::nullopt);
  const std::vector<Mention> mentions = {At(text, "Tesla", "Tesla"), At(text, "Apple", "Apple")};
  const size_t year = text.find("2022");
  const std::vector<TimeSpanRef> times = {{0, 5}, {year, year + 4}};
  MentionView view;
  BuildView(text, begin, end, mentions, times, tracker, &view);
  const std::string tesla = "<e" + std::to_string(EntityId("Tesla")) + ":organization>";
  const std::string apple = "<e" + std::to_string(EntityId("Apple")) + ":organization>";
  ASSERT_EQ(view.text, tesla + " said \"no\" ok - to " + apple + " in <t1>.");
  ASSERT_EQ(view.sources.size(), view.text.size());

  // What each view byte must map to, worked out from the text.
  std::vector<std::pair<size_t, size_t>> expected;
  auto constant = [&](size_t n, size_t b, size_t e) {
    for (size_t k = 0; k < n; ++k) expected.emplace_back(b, e);
  };
  auto copied = [&](const std::string& words) {
    const size_t at = text.find(words, begin);
    for (size_t k = 0; k < words.size(); ++k) expected.emplace_back(at + k, at + k + 1);
  };
  constant(tesla.size(), mentions[0].begin, mentions[0].end);
  copied(" ");  // the first of the blanks after "Tesla"
  copied("said ");
  const size_t open = text.find("\xE2\x80\x9C");
  constant(1, open, open + 3);
  copied("No");
  constant(1, open + 5, open + 8);
  expected.emplace_back(open + 8, open + 9);  // the space; "<" after it is dropped
  copied("ok");
  const size_t closer = text.find('>');
  expected.emplace_back(closer, closer + 1);  // ">" becomes the space; the blank after it goes
  const size_t dash = text.find("\xE2\x80\x94");
  constant(2, dash, dash + 3);  // " - " after a space: "- "
  copied("to");
  const size_t nbsp = text.find("\xC2\xA0");
  constant(1, nbsp, nbsp + 2);
  constant(apple.size(), mentions[1].begin, mentions[1].end);
  copied(" in ");
  constant(4, year, year + 4);
  copied(".");
  ASSERT_EQ(expected.size(), view.text.size());
  for (size_t i = 0; i < view.text.size(); ++i) {
    EXPECT_EQ(view.sources.Begin(i), expected[i].first) << "view byte " << i << " of " << view.text;
    EXPECT_EQ(view.sources.End(i), expected[i].second) << "view byte " << i << " of " << view.text;
  }

  ASSERT_EQ(view.tokens.size(), 3u);
  EXPECT_EQ(view.tokens[0].entity, EntityId("Tesla"));
  EXPECT_EQ(view.tokens[1].entity, EntityId("Apple"));
  EXPECT_EQ(view.tokens[2].time, 1);
  EXPECT_EQ(view.TokenAt(view.tokens[1].begin), &view.tokens[1]);
}

TEST_F(MentionViewTest, ReusedViewForgetsTheLastSentence) {
  const std::string text = "Tesla and Apple met in a long sentence here. Apple sued Tesla.";
  MentionTracker tracker(*gazetteer_, std::nullopt);
  MentionView view;
  const size_t second = text.find("Apple sued");
  BuildView(text, 0, second - 1, {At(text, "Tesla", "Tesla"), At(text, "Apple", "Apple")}, {},
            tracker, &view);
  Mention apple = At(text, "Apple", "Apple");
  apple.begin = second;
  apple.end = second + 5;
  Mention tesla;
  tesla.begin = text.rfind("Tesla");
  tesla.end = tesla.begin + 5;
  tesla.entities = {EntityId("Tesla")};
  tesla.resolution = "name";
  BuildView(text, second, text.size(), {apple, tesla}, {}, tracker, &view);
  const MentionView fresh = BuildView(text, second, text.size(), {apple, tesla}, {}, tracker);
  EXPECT_EQ(view.text, fresh.text);
  ASSERT_EQ(view.sources.size(), fresh.sources.size());
  for (size_t i = 0; i < view.text.size(); ++i) {
    EXPECT_EQ(view.sources.Begin(i), fresh.sources.Begin(i));
    EXPECT_EQ(view.sources.End(i), fresh.sources.End(i));
  }
  EXPECT_EQ(view.tokens.size(), 2u);
  EXPECT_EQ(view.sources.Begin(view.text.size() - 1), text.size() - 1);
}

// The view of text with no mention or time, byte by byte: blanks, "<" and ">"
// are one space (none at the start, none after a space), the typographic
// sequences fold, ASCII capitals are lower-cased, every other byte is kept.
std::string PlainView(std::string_view text) {
  static const std::pair<std::string_view, std::string_view> kFolds[] = {
      {"\xe2\x80\x99", "'"},  {"\xe2\x80\x98", "'"},   {"\xe2\x80\x9c", "\""},
      {"\xe2\x80\x9d", "\""}, {"\xe2\x80\x94", " - "}, {"\xe2\x80\x93", " - "},
      {"\xc2\xa0", " "}};
  std::string out;
  auto put = [&](char c) {
    if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
  };
  for (size_t i = 0; i < text.size();) {
    bool folded = false;
    for (const auto& [from, to] : kFolds) {
      if (text.substr(i, from.size()) == from) {
        for (char c : to) put(c);
        i += from.size();
        folded = true;
        break;
      }
    }
    if (folded) continue;
    const char c = text[i++];
    if (c == ' ' || (c >= '\t' && c <= '\r') || c == '<' || c == '>') {
      put(' ');
    } else {
      put(c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c);
    }
  }
  return out;
}

// The words between tokens are classed sixteen bytes a step: every byte next
// to the classes' edges ("@" and "[" around the capitals, the blanks' neighbours
// 0x08 and 0x0E, "=" between "<" and ">", lead bytes 0xC2/0xE2 and their
// neighbours) at every place of a block, against the byte-by-byte reading.
TEST(MentionViewWordsTest, EveryByteClassedAsOneByOne) {
  const RulePack pack;
  Gazetteer gazetteer(pack);
  MentionTracker tracker(gazetteer, std::nullopt);
  const std::vector<std::string> pieces = {"a",
                                           "z",
                                           "A",
                                           "Z",
                                           "@",
                                           "[",
                                           "`",
                                           "{",
                                           "0",
                                           " ",
                                           " ",
                                           "  ",
                                           "\t",
                                           "\n",
                                           "\r",
                                           "\v",
                                           "\f",
                                           "\x08",
                                           "\x0e",
                                           "\x1f",
                                           "<",
                                           ">",
                                           "=",
                                           "?",
                                           ";",
                                           "\x7f",
                                           "\x80",
                                           "\xa0",
                                           "\xc0",
                                           "\xc2",
                                           "\xc3",
                                           "\xe2",
                                           "\xe3",
                                           "\xa2",
                                           "\xf2",
                                           "\xc2\xa0",
                                           "\xe2\x80\x99",
                                           "\xe2\x80\x9c",
                                           "\xe2\x80\x94",
                                           "\xe2\x80",
                                           "word",
                                           "Word "};
  uint64_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 6364136223846793005u + 1442695040888963407u;
    return static_cast<size_t>(seed >> 33);
  };
  MentionView view;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const size_t count = next() % 40;
    for (size_t k = 0; k < count; ++k) text += pieces[next() % pieces.size()];
    BuildView(text, 0, text.size(), {}, {}, tracker, &view);
    ASSERT_EQ(view.text, PlainView(text)) << "round " << round;
  }
}

// A user's pack: types of every length around the 16 bytes a token's type is
// copied in one step, entity and time indices of one, two and three digits.
// Every token must read exactly "<e{id}:{type}>" or "<t{index}>".
TEST(MentionViewTokensTest, TypesOfAnyLengthAndIndicesOfAnyWidth) {
  std::string yaml = "entities:\n";
  std::vector<std::string> types;
  for (int i = 0; i < 120; ++i) {
    types.push_back(std::string(1 + i % 40, static_cast<char>('a' + i % 26)));
    yaml += "  - {name: Entity" + std::to_string(i) + ", type: " + types.back() + "}\n";
  }
  auto pack = LoadRulePack({RuleSource{"mine.yaml", yaml}});
  ASSERT_TRUE(pack.ok()) << pack.status().ToString();
  Gazetteer gazetteer(**pack);
  MentionTracker tracker(gazetteer, std::nullopt);
  // "w w w ..." : a mention or a time on every other word.
  std::string text;
  for (int k = 0; k < 240; ++k) text += "w" + std::to_string(k) + " ";
  std::vector<Mention> mentions;
  std::vector<TimeSpanRef> times;
  std::string expected;
  size_t at = 0;
  for (int k = 0; k < 240; ++k) {
    const size_t word_end = text.find(' ', at);
    if (k % 2 == 0) {
      Mention m;
      m.begin = at;
      m.end = word_end;
      const int e = (k / 2) % 120;
      m.entities = {e};
      m.resolution = "name";
      mentions.push_back(m);
      ASSERT_EQ(tracker.entity(e).type, types[e]);
      expected += "<e" + std::to_string(e) + ":" + types[e] + ">";
    } else {
      times.push_back({at, word_end});
      expected += "<t" + std::to_string(times.size() - 1) + ">";
    }
    expected += k + 1 < 240 ? " " : "";
    at = word_end + 1;
  }
  MentionView view;
  BuildView(text, 0, text.size() - 1, mentions, times, tracker, &view);
  EXPECT_EQ(view.text, expected);
  ASSERT_EQ(view.tokens.size(), 240u);
  for (const ViewToken& t : view.tokens) {
    EXPECT_EQ(view.sources.Begin(t.begin),
              t.entity >= 0 ? mentions[t.mention].begin : times[static_cast<size_t>(t.time)].begin);
  }
}

// Indices written past the short cases: a time's index is its place in the
// document's list, so times before the sentence push its tokens' indices to
// four, five and six digits (entity ids of a large pack get as wide).
TEST(MentionViewTokensTest, TimeIndicesUpToSixDigits) {
  const RulePack pack;
  Gazetteer gazetteer(pack);
  MentionTracker tracker(gazetteer, std::nullopt);
  const std::string text = "x a b c";
  for (const size_t before :
       {8u, 98u, 99u, 998u, 999u, 9998u, 9999u, 99998u, 99999u, 100000u, 123455u}) {
    // Spans ending before the sentence (text[2, 7)) are the earlier sentences' times.
    std::vector<TimeSpanRef> times(before, TimeSpanRef{0, 1});
    times.push_back({2, 3});
    times.push_back({6, 7});
    MentionView view;
    BuildView(text, 2, text.size(), {}, times, tracker, &view);
    std::string expected = "<t";
    expected.append(std::to_string(before)).append("> b <t");
    expected.append(std::to_string(before + 1)).append(">");
    EXPECT_EQ(view.text, expected);
    ASSERT_EQ(view.tokens.size(), 2u);
    EXPECT_EQ(view.sources.Begin(view.tokens[1].begin), 6u);
  }
}

}  // namespace
}  // namespace kg
