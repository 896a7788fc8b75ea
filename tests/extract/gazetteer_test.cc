// The gazetteer's word index (FoldedWords) against a plain map, and the
// gazetteer and mention tracker on a rule pack of their own: whatever the
// index keeps must come from the loaded pack, not the built-in one.
#include "extract/gazetteer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "extract/ascii.h"
#include "extract/folded_words.h"
#include "extract/mentions.h"
#include "tests/extract/example_views_util.h"

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

// Longest as the plain search it shortens: every name and alias of the pack,
// longest first (pack order among equals), whose first word is the text's
// first word at pos ignoring case, that fits in the text, ends where the text
// ends a word (not before '+', nor before a '.' that joins more letters), is
// valid on `date`, equals the text ignoring case and is written so or is a
// capitalised variant longer than three bytes.
Gazetteer::Match PlainLongest(const RulePack& pack, std::string_view text, size_t pos,
                              std::optional<Date> date) {
  auto fold = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) c = ascii::Fold(c);
    return out;
  };
  auto first_word = [](std::string_view s) {
    size_t w = 0;
    while (w < s.size() && ascii::Alnum(s[w])) ++w;
    return s.substr(0, w);
  };
  struct Name {
    std::string written;
    int entity;
    bool canonical;
    std::optional<DaySpan> valid;
  };
  std::vector<Name> names;
  for (size_t i = 0; i < pack.entities.size(); ++i) {
    const EntityDef& e = pack.entities[i];
    std::vector<std::pair<std::string, bool>> all = {{e.name, true}};
    for (const std::string& a : e.aliases) all.emplace_back(a, false);
    for (const auto& [written, canonical] : all) {
      if (written.empty()) continue;
      auto dated = e.name_valid.find(written);
      names.push_back(Name{written, static_cast<int>(i), canonical,
                           dated != e.name_valid.end() ? std::optional(dated->second) : e.valid});
    }
  }
  std::stable_sort(names.begin(), names.end(), [](const Name& a, const Name& b) {
    return a.written.size() > b.written.size();
  });
  const std::string text_word = fold(first_word(text.substr(pos)));
  for (const Name& n : names) {
    const std::string lower = fold(n.written);
    const size_t size = lower.size(), after = pos + size;
    if (fold(first_word(lower)) != text_word || after > text.size()) continue;
    if (after < text.size() && ascii::Alnum(lower.back()) &&
        (ascii::Alnum(text[after]) || text[after] == '+' ||
         (text[after] == '.' && after + 1 < text.size() && ascii::Alnum(text[after + 1])) ||
         (text[after] == '-' && after + 1 < text.size() && ascii::Upper(text[after + 1])))) {
      continue;
    }
    if (n.valid && date && !n.valid->Contains(*date)) continue;
    const std::string_view cand = text.substr(pos, size);
    if (fold(cand) != lower) continue;
    if (cand != n.written && !(ascii::Upper(cand[0]) && size > 3)) continue;
    return Gazetteer::Match{size, n.entity, n.canonical};
  }
  return {};
}

TEST(GazetteerTest, LongestAgreesWithAPlainSearchOfEveryName) {
  // The news pack and a pack of awkward names: sharing first words, long
  // (past eight and sixteen bytes, where names are compared eight bytes a
  // step), ending in no letter, dated, written in lower case.
  const std::shared_ptr<const RulePack> news = testing_util::NewsPack();
  ASSERT_NE(news, nullptr);
  RulePack odd = CustomPack();
  odd.entities.push_back(EntityDef{"Acme Widgets International Holdings Group",
                                   "organization",
                                   {"Acme W.", "ACME", "acme widgets intl", "Acme-Widgets"},
                                   std::nullopt,
                                   {},
                                   {}});
  EntityDef dated{"X", "platform", {"X Corp", "x.ai", "eBay"}, std::nullopt, {}, {}};
  dated.valid = DaySpan{Date{2023, 7, 1}, Date{2030, 1, 1}};
  dated.name_valid["X Corp"] = DaySpan{Date{2020, 1, 1}, Date{2021, 1, 1}};
  odd.entities.push_back(dated);
  const std::optional<Date> dates[] = {std::nullopt, Date{2020, 6, 1}, Date{2024, 1, 1}};
  const char* const glue[] = {" ", " ", ", ", "+", ".com", "s", "-", ". ", "'s ", ""};
  for (const RulePack* pack : {news.get(), static_cast<const RulePack*>(&odd)}) {
    const Gazetteer gazetteer(*pack);
    std::vector<std::string> vocab = {"the", "of", "Inc", "said", "Widgets", "Corp"};
    for (const EntityDef& e : pack->entities) {
      vocab.push_back(e.name);
      vocab.insert(vocab.end(), e.aliases.begin(), e.aliases.end());
    }
    uint32_t state = 17;
    auto next = [&] { return state = state * 1103515245u + 12345u, state >> 8; };
    int found = 0;
    for (int round = 0; round < 3000; ++round) {
      std::string text;
      const size_t words = 1 + next() % 5;
      for (size_t w = 0; w < words; ++w) {
        std::string word = vocab[next() % vocab.size()];
        switch (next() % 6) {  // as written, most often, else in another case
          case 0:
            for (char& c : word) c = ascii::Fold(c);
            break;
          case 1:
            for (char& c : word) c = ascii::Upper(c) ? c : ascii::Lower(c) ? c - 32 : c;
            break;
          default:
            break;
        }
        text += word;
        text += glue[next() % std::size(glue)];
      }
      // A text may end right after a name, or inside one.
      if (next() % 3 == 0) text.resize(next() % (text.size() + 1));
      const std::optional<Date> date = dates[next() % std::size(dates)];
      for (size_t pos = 0; pos < text.size(); ++pos) {
        if (!ascii::Alnum(text[pos]) || (pos > 0 && ascii::Alnum(text[pos - 1]))) continue;
        const Gazetteer::Match want = PlainLongest(*pack, text, pos, date);
        const Gazetteer::Match got = gazetteer.Longest(text, pos, date);
        ASSERT_EQ(got.length, want.length) << round << ": " << text << " at " << pos;
        ASSERT_EQ(got.entity, want.entity) << round << ": " << text << " at " << pos;
        ASSERT_EQ(got.canonical, want.canonical) << round << ": " << text << " at " << pos;
        found += want.length > 0 ? 1 : 0;
      }
    }
    EXPECT_GT(found, 1000);
  }
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
