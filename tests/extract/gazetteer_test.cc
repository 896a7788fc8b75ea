// The gazetteer's word index (FoldedWords) against a plain map, and the
// gazetteer and mention tracker on a rule pack of their own: whatever the
// index keeps must come from the loaded pack, not the built-in one.
#include "extract/gazetteer.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "extract/ascii.h"
#include "extract/folded_words.h"
#include "extract/mentions.h"

namespace kg {
namespace {

TEST(FoldedWordsTest, FindsWordsInAnyCaseAndOnlyWhole) {
  FoldedWords words;
  const int trump = words.Add("trump");
  const int us = words.Add("u.s");
  const int empty = words.Add("");
  EXPECT_EQ(words.Add("trump"), trump);  // already there
  EXPECT_EQ(words.size(), 3u);
  EXPECT_EQ(words.Find("Trump"), trump);
  EXPECT_EQ(words.Find("TRUMP"), trump);
  EXPECT_EQ(words.Find("U.S"), us);
  EXPECT_EQ(words.Find(""), empty);
  EXPECT_EQ(words.Find("Trum"), -1);
  EXPECT_EQ(words.Find("Trumps"), -1);
  EXPECT_EQ(words.Find("trump "), -1);
  EXPECT_EQ(words.Find("u"), -1);
}

TEST(FoldedWordsTest, AgreesWithAMapOfLowerCaseWords) {
  // Words of every length up to past the length mask's last bit (31), over a
  // small alphabet so that many share first bytes, lengths and hash slots.
  uint32_t state = 12345;
  auto next = [&] { return state = state * 1103515245u + 12345u, state >> 8; };
  // Bytes next to the capitals ('@', '[') and their bit-5 twins ('`', '{'),
  // and bytes from 0x80 ('\xc1' becomes '\xe1' if folded like a capital).
  const std::string alphabet = "abAB0.-\xe2@[`{Zz\xc1";
  FoldedWords words;
  std::map<std::string, int> reference;
  std::vector<std::string> queries;
  for (int i = 0; i < 4000; ++i) {
    std::string written;
    const size_t length = next() % 40;
    for (size_t k = 0; k < length; ++k) written += alphabet[next() % alphabet.size()];
    std::string lower = written;
    for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    queries.push_back(written);
    if (next() % 2 == 0) {
      const int id = words.Add(lower);
      auto [it, added] = reference.emplace(lower, id);
      EXPECT_EQ(it->second, id) << lower;
      EXPECT_EQ(added, id == static_cast<int>(reference.size()) - 1) << lower;
    }
  }
  EXPECT_EQ(words.size(), reference.size());
  for (const std::string& q : queries) {
    std::string lower = q;
    for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    auto it = reference.find(lower);
    EXPECT_EQ(words.Find(q), it == reference.end() ? -1 : it->second) << q;
  }
}

RulePack CustomPack() {
  RulePack pack;
  pack.entities.push_back(EntityDef{"Jane Roe", "person", {"Roe"}, std::nullopt, {}, {}});
  pack.entities.push_back(
      EntityDef{"Acme Widgets", "organization", {"Acme", "the acme"}, std::nullopt, {}, {}});
  RoleDef maker;
  maker.phrase = "the widget maker";
  maker.types = {"organization"};
  pack.roles.push_back(maker);
  RoleDef boss;
  boss.phrase = "the boss";
  boss.types = {"person"};
  pack.roles.push_back(boss);
  pack.names.person_titles = {"Gaffer."};
  pack.names.org_words = {"Gizmos"};
  return pack;
}

TEST(GazetteerTest, FindsTheLongestNameOfItsOwnPack) {
  const RulePack pack = CustomPack();
  const Gazetteer gazetteer(pack);
  const std::string text = "Acme Widgets and ACME WIDGETS, Acme, Acmes, the acme; Trump.";
  const Gazetteer::Match full = gazetteer.Longest(text, 0);
  EXPECT_EQ(full.length, 12u);
  EXPECT_EQ(full.entity, 1);
  EXPECT_TRUE(full.canonical);
  EXPECT_EQ(gazetteer.Longest(text, text.find("ACME")).length, 12u);  // capitalised variant
  const Gazetteer::Match alias = gazetteer.Longest(text, text.find("Acme,"));
  EXPECT_EQ(alias.length, 4u);
  EXPECT_FALSE(alias.canonical);
  EXPECT_EQ(gazetteer.Longest(text, text.find("Acmes")).length, 0u);
  EXPECT_EQ(gazetteer.Longest(text, text.find("the acme")).length, 8u);
  EXPECT_EQ(gazetteer.Longest(text, text.find("Trump")).length, 0u);  // built-in pack only
  EXPECT_EQ(gazetteer.Longest(text, text.size()).length, 0u);
}

TEST(GazetteerTest, RolesMayStartOnlyAtTheirFirstWord) {
  const RulePack pack = CustomPack();
  const Gazetteer gazetteer(pack);
  EXPECT_TRUE(gazetteer.MayStartRole("The boss", 0));
  EXPECT_TRUE(gazetteer.MayStartRole("the company", 0));  // "the" opens a role
  EXPECT_FALSE(gazetteer.MayStartRole("Then", 0));
  EXPECT_FALSE(gazetteer.MayStartRole("he said", 0));  // a built-in pronoun, not this pack's
}

TEST(GazetteerTest, WordsLetGoByMayStartLowerOpenNoNameOrRole) {
  // Against the definitions: a word that opens with no capital and that
  // MayStartLower lets go starts no known name (Longest) and no role phrase
  // (its bytes equal ignoring case, then a word end).
  RulePack pack = CustomPack();
  pack.entities.push_back(
      EntityDef{"eBay", "organization", {"21st Century", "x.ai"}, std::nullopt, {}, {}});
  RoleDef digits;
  digits.phrase = "9 to 5 firm";
  digits.types = {"organization"};
  pack.roles.push_back(digits);
  const Gazetteer gazetteer(pack);
  std::vector<std::string> words = {"the acme", "the boss",    "the widget maker",
                                    "ebay",     "eBay",        "21st Century",
                                    "x.ai",     "9 to 5 firm", "acme",
                                    "roe",      "jane",        "thé",
                                    "t",        "the",         "th",
                                    "b",        "e",           "2",
                                    "x",        "x.",          "9 to"};
  uint32_t state = 5;
  const std::string alphabet = "abehtxy259.- \xc3";
  for (int i = 0; i < 3000; ++i) {
    std::string w;
    const size_t n = 1 + (state = state * 1103515245u + 12345u, state >> 16) % 6;
    for (size_t k = 0; k < n; ++k) {
      state = state * 1103515245u + 12345u;
      w += alphabet[(state >> 16) % alphabet.size()];
    }
    words.push_back(w);
  }
  int let_go = 0;
  for (const std::string& w : words) {
    const std::string text = w + " said";
    if (!ascii::Alnum(text[0]) || ascii::Upper(text[0])) continue;
    if (gazetteer.MayStartLower(text, 0, text.size())) continue;
    ++let_go;
    EXPECT_EQ(gazetteer.Longest(text, 0).length, 0u) << text;
    for (const RoleDef& r : pack.roles) {
      bool equal = r.phrase.size() <= text.size();
      for (size_t k = 0; equal && k < r.phrase.size(); ++k) {
        equal = ascii::Fold(text[k]) == ascii::Fold(r.phrase[k]);
      }
      // Read past the phrase only where the text has that many bytes.
      const bool ends =
          equal && (r.phrase.size() == text.size() || !ascii::Alnum(text[r.phrase.size()]));
      EXPECT_FALSE(ends) << text << " / " << r.phrase;
    }
  }
  EXPECT_GT(let_go, 1000);
}

TEST(MentionTrackerTest, ResolvesTheRolesOfItsOwnPack) {
  const RulePack pack = CustomPack();
  const Gazetteer gazetteer(pack);
  MentionTracker tracker(gazetteer, std::nullopt);
  const std::string text =
      "Acme Widgets hired Jane Roe. The widget maker said the boss left. The widget makers, he "
      "said.";
  const size_t second = text.find("The widget maker said");
  const size_t third = text.find("The widget makers");
  ASSERT_EQ(tracker.Find(text, 0, second - 1).size(), 2u);
  const std::vector<Mention> roles = tracker.Find(text, second, third - 1);
  ASSERT_EQ(roles.size(), 2u);
  EXPECT_EQ(roles[0].begin, second);
  EXPECT_EQ(roles[0].end, second + 16);
  EXPECT_EQ(roles[0].entities, std::vector<int>{1});
  EXPECT_EQ(roles[0].resolution, "role");
  EXPECT_EQ(roles[1].entities, std::vector<int>{0});
  // "makers" is no "maker", and "he" is no role of this pack.
  EXPECT_TRUE(tracker.Find(text, third, text.size()).empty());
}

TEST(MentionTrackerTest, TypesNewNamesWithItsOwnLexicon) {
  const RulePack pack = CustomPack();
  const Gazetteer gazetteer(pack);
  MentionTracker tracker(gazetteer, std::nullopt);
  const std::string text = "Yesterday gaffer Bob Smith met Globex Gizmos in Ohio.";
  const std::vector<Mention> mentions = tracker.Find(text, 0, text.size());
  ASSERT_EQ(mentions.size(), 3u);
  EXPECT_EQ(text.substr(mentions[0].begin, mentions[0].end - mentions[0].begin), "Bob Smith");
  EXPECT_EQ(tracker.entity(mentions[0].entities[0]).type, "person");  // after "gaffer"
  EXPECT_EQ(text.substr(mentions[1].begin, mentions[1].end - mentions[1].begin), "Globex Gizmos");
  EXPECT_EQ(tracker.entity(mentions[1].entities[0]).type, "organization");
  EXPECT_EQ(tracker.entity(mentions[2].entities[0]).type, "unknown");  // no place words
}

TEST(MentionTrackerTest, RolePhrasesOfAnyLength) {
  // Phrases of 64 bytes and more are tried apart from the shorter ones (whose
  // lengths are bits of a word); one ending in a period ends at any byte.
  RulePack pack = CustomPack();
  const std::string long_phrase =
      "the maker of widgets, gadgets, gizmos and every other thing one might want";
  ASSERT_GE(long_phrase.size(), 64u);
  RoleDef longer;
  longer.phrase = long_phrase;
  longer.types = {"organization"};
  RoleDef dotted;
  dotted.phrase = "the w.m.";
  dotted.types = {"organization"};
  pack.roles.push_back(longer);
  pack.roles.push_back(dotted);
  const Gazetteer gazetteer(pack);
  MentionTracker tracker(gazetteer, std::nullopt);
  const std::string text =
      "Acme Widgets grew. The Maker of widgets, gadgets, gizmos and every "
      "other thing one might want grew. The w.m.s grew. The w.m.'s plant grew.";
  const size_t second = text.find("The Maker");
  const size_t third = text.find("The w.m.");
  const size_t fourth = text.find("The w.m.'");
  ASSERT_EQ(tracker.Find(text, 0, second - 1).size(), 1u);
  const std::vector<Mention> longest = tracker.Find(text, second, third - 1);
  ASSERT_EQ(longest.size(), 1u);
  EXPECT_EQ(longest[0].end - longest[0].begin, long_phrase.size());
  EXPECT_EQ(longest[0].entities, std::vector<int>{1});
  // "the w.m." needs no letter or digit after it: not "w.m.s", but "w.m.'s".
  EXPECT_TRUE(tracker.Find(text, third, fourth - 1).empty());
  const std::vector<Mention> dotted_mentions = tracker.Find(text, fourth, text.size());
  ASSERT_EQ(dotted_mentions.size(), 1u);
  EXPECT_EQ(dotted_mentions[0].end - dotted_mentions[0].begin, 8u);
}

TEST(MentionTrackerTest, FindIntoAVectorReusesItsMentions) {
  const RulePack pack = CustomPack();
  const Gazetteer gazetteer(pack);
  MentionTracker by_value(gazetteer, std::nullopt), into(gazetteer, std::nullopt);
  const std::string text =
      "Acme Widgets hired Jane Roe and Bob Smith. The boss left. Nobody came. The widget maker "
      "said the boss and Roe left.";
  std::vector<Mention> mentions(5);  // more than the first sentence needs
  for (size_t begin = 0; begin < text.size();) {
    size_t end = text.find('.', begin);
    end = end == std::string::npos ? text.size() : end + 1;
    const std::vector<Mention> expected = by_value.Find(text, begin, end);
    into.Find(text, begin, end, &mentions);
    ASSERT_EQ(mentions.size(), expected.size()) << begin;
    for (size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(mentions[i].begin, expected[i].begin);
      EXPECT_EQ(mentions[i].end, expected[i].end);
      EXPECT_EQ(mentions[i].entities, expected[i].entities);
      EXPECT_EQ(mentions[i].resolution, expected[i].resolution);
      EXPECT_EQ(mentions[i].possessive, expected[i].possessive);
    }
    begin = end;
    while (begin < text.size() && text[begin] == ' ') ++begin;
  }
}

}  // namespace
}  // namespace kg
