// MentionTracker against the finder it replaced (MentionTrackerReference,
// mention_reference_util.h): the same mentions, entities, resolutions and
// document entities on generated documents built from a pack's own names,
// roles and lexicon (in every case, glued to punctuation, in headlines and
// quotations), on the example articles, and with trackers alive side by side
// or reused one after another on a thread (they share per-thread buffers).
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/ascii.h"
#include "extract/document.h"
#include "extract/gazetteer.h"
#include "extract/mentions.h"
#include "extract/sentence.h"
#include "mention_reference_util.h"
#include "tests/extract/example_views_util.h"

namespace kg {
namespace {

struct Rng {
  uint64_t state;
  uint32_t Next() {
    state = state * 6364136223846793005u + 1442695040888963407u;
    return static_cast<uint32_t>(state >> 33);
  }
  size_t Below(size_t n) { return n == 0 ? 0 : Next() % n; }
  bool OneIn(size_t n) { return Below(n) == 0; }
};

// Words to build sentences from: the pack's names, aliases, role phrases and
// lexicon words, invented capitalised words, and the little words and marks
// the finder's rules turn on.
std::vector<std::string> Vocabulary(const RulePack& pack) {
  std::vector<std::string> v;
  for (const EntityDef& e : pack.entities) {
    v.push_back(e.name);
    for (const std::string& a : e.aliases) v.push_back(a);
  }
  for (const RoleDef& r : pack.roles) v.push_back(r.phrase);
  for (const auto* list : {&pack.names.person_titles, &pack.names.given_names,
                           &pack.names.org_words, &pack.names.agency_words, &pack.names.place_words,
                           &pack.names.not_names, &pack.names.female_names, &pack.names.demonyms}) {
    v.insert(v.end(), list->begin(), list->end());
  }
  for (const char* w : {"Velmor",
                        "Quocor",
                        "Linquo",
                        "Staran",
                        "Petner",
                        "Zanbar",
                        "Dellinger",
                        "Hampton",
                        "Bourla",
                        "Pfizer",
                        "Globex",
                        "Initech",
                        "Cheung",
                        "Ortiz",
                        "said",
                        "says",
                        "told",
                        "wrote",
                        "met",
                        "visited",
                        "sued",
                        "the",
                        "a",
                        "of",
                        "for",
                        "and",
                        "on",
                        "own",
                        "in",
                        "company",
                        "platform",
                        "social",
                        "media",
                        "network",
                        "startup",
                        "firm",
                        "new",
                        "he",
                        "she",
                        "his",
                        "its",
                        "they",
                        "two",
                        "Inc.",
                        "Co.",
                        "Corp.",
                        "Jr.",
                        "J.",
                        "Mr.",
                        "Ms.",
                        "Dr.",
                        "St.",
                        "D'Angelo",
                        "O\xe2\x80\x99"
                        "Brien",
                        "X.com",
                        "Disney+",
                        "Mar-a-Lago",
                        "Beijing-based",
                        "NYSE-owner",
                        "AT&T",
                        "U.S.",
                        "2022",
                        "June",
                        "Monday",
                        "In",
                        "The",
                        "But",
                        "CEO",
                        "of",
                        "for",
                        "Department",
                        "Authority",
                        "Group",
                        "Studios",
                        "\xc3\x89lise",
                        "s"}) {
    v.push_back(w);
  }
  return v;
}

std::string InLowerCase(std::string_view word) {
  std::string out(word);
  for (char& c : out) c = ascii::Fold(c);
  return out;
}

// An entity's name, then its aliases.
std::vector<std::string> NameAndAliases(const EntityDef& e) {
  std::vector<std::string> names = {e.name};
  names.insert(names.end(), e.aliases.begin(), e.aliases.end());
  return names;
}

std::string InCapitals(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (ascii::Lower(c)) c = static_cast<char>(c - 32);
  }
  return out;
}

std::string Capitalised(std::string_view word) {
  std::string out(word);
  if (!out.empty() && ascii::Lower(out[0])) out[0] = static_cast<char>(out[0] - 32);
  return out;
}

std::string Recase(const std::string& w, Rng* rng) {
  switch (rng->Below(8)) {
    case 0:
      return InLowerCase(w);
    case 1:
      return InCapitals(w);
    case 2:
      return Capitalised(w);
    default:
      return w;  // as written, most often
  }
}

struct Doc {
  std::string text;
  std::vector<SentenceSpan> sentences;
};

Doc RandomDocument(const std::vector<std::string>& vocab, Rng* rng) {
  static const char* const kGlue[] = {", ",
                                      " ",
                                      " ",
                                      " ",
                                      " ",
                                      "'s ",
                                      "\xe2\x80\x99s ",
                                      ": ",
                                      " \"",
                                      "\" ",
                                      ",\" ",
                                      " \xe2\x80\x9c",
                                      "\xe2\x80\x9d ",
                                      ",' ",
                                      " - ",
                                      "-",
                                      " (",
                                      ") ",
                                      " of ",
                                      " for ",
                                      "  "};
  Doc doc;
  const size_t sentences = 1 + rng->Below(10);
  for (size_t s = 0; s < sentences; ++s) {
    if (s > 0) doc.text += rng->OneIn(4) ? "\n\n" : " ";
    const size_t begin = doc.text.size();
    if (rng->OneIn(6)) doc.text += rng->OneIn(2) ? "\"" : "\xe2\x80\x9c";
    const size_t words = 1 + rng->Below(22);
    for (size_t w = 0; w < words; ++w) {
      if (w > 0) doc.text += rng->OneIn(3) ? kGlue[rng->Below(std::size(kGlue))] : " ";
      doc.text += Recase(vocab[rng->Below(vocab.size())], rng);
    }
    switch (rng->Below(6)) {
      case 0:
        break;  // a headline: no period
      case 1:
        doc.text += ".\"";
        break;
      case 2:
        doc.text += "?";
        break;
      default:
        doc.text += ".";
    }
    doc.sentences.push_back({begin, doc.text.size()});
  }
  return doc;
}

// Finds every sentence of `doc` with both trackers and compares what they say.
void ExpectSameMentions(const Gazetteer& gazetteer, const std::string& text,
                        const std::vector<SentenceSpan>& sentences, std::optional<Date> date,
                        const std::string& label) {
  MentionTrackerReference reference(gazetteer, date);
  MentionTracker tracker(gazetteer, date);
  std::vector<Mention> mentions;
  for (const SentenceSpan& s : sentences) {
    const std::vector<Mention> expected = reference.Find(text, s.begin, s.end);
    tracker.Find(text, s.begin, s.end, &mentions);
    const std::string where = label + " sentence [" + std::to_string(s.begin) + ", " +
                              std::to_string(s.end) + "): " + text.substr(s.begin, s.end - s.begin);
    ASSERT_EQ(mentions.size(), expected.size()) << where;
    for (size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(mentions[i].begin, expected[i].begin) << where;
      EXPECT_EQ(mentions[i].end, expected[i].end) << where;
      EXPECT_EQ(mentions[i].entities, expected[i].entities) << where;
      EXPECT_EQ(mentions[i].resolution, expected[i].resolution) << where;
      EXPECT_EQ(mentions[i].possessive, expected[i].possessive) << where;
      for (int id : expected[i].entities) {
        EXPECT_EQ(tracker.entity(id).name, reference.entity(id).name) << where;
        EXPECT_EQ(tracker.entity(id).type, reference.entity(id).type) << where;
      }
    }
  }
}

RulePack SmallPack() {
  RulePack pack;
  pack.entities.push_back(EntityDef{"Jane Roe", "person", {"Roe"}, std::nullopt, {}, {}});
  pack.entities.push_back(
      EntityDef{"Acme Widgets", "organization", {"Acme", "the acme"}, std::nullopt, {}, {}});
  pack.entities.push_back(EntityDef{"Acme Labs", "organization", {}, std::nullopt, {}, {}});
  RoleDef maker;
  maker.phrase = "the widget maker";
  maker.types = {"organization"};
  pack.roles.push_back(maker);
  RoleDef she;
  she.phrase = "she";
  she.types = {"person"};
  she.gender = "female";
  pack.roles.push_back(she);
  pack.names.person_titles = {"Gaffer.", "Boss"};
  pack.names.given_names = {"Jane", "Bob"};
  pack.names.female_names = {"Jane"};
  pack.names.org_words = {"Gizmos", "Group"};
  pack.names.not_names = {"The", "Acme."};
  pack.names.demonyms = {"Zanbari"};
  return pack;
}

TEST(MentionTrackerTest, AgreesWithThePreviousFinderOnGeneratedDocuments) {
  const std::shared_ptr<const RulePack> news = testing_util::NewsPack();
  ASSERT_NE(news, nullptr);
  const RulePack small = SmallPack();
  // A lexicon entry "." is the empty word once its period goes: every word
  // that opens a sentence then follows a title.
  RulePack dotted = SmallPack();
  dotted.names.person_titles.push_back(".");
  const std::optional<Date> dates[] = {std::nullopt, Date{2020, 5, 1}, Date{2024, 12, 1},
                                       Date{2025, 3, 1}};
  for (const RulePack* pack :
       {news.get(), static_cast<const RulePack*>(&small), static_cast<const RulePack*>(&dotted)}) {
    const Gazetteer gazetteer(*pack);
    const std::vector<std::string> vocab = Vocabulary(*pack);
    Rng rng{pack == &small ? 11u : pack == &dotted ? 13u : 7u};
    for (int round = 0; round < 1500; ++round) {
      const Doc doc = RandomDocument(vocab, &rng);
      ExpectSameMentions(gazetteer, doc.text, doc.sentences, dates[rng.Below(std::size(dates))],
                         "round " + std::to_string(round));
      if (HasFatalFailure()) return;
    }
  }
}

TEST(MentionTrackerTest, AgreesWithThePreviousFinderOnTheExampleArticles) {
  const std::shared_ptr<const RulePack> news = testing_util::NewsPack();
  ASSERT_NE(news, nullptr);
  const Gazetteer gazetteer(*news);
  ReadOptions options;
  options.default_date = Date{2024, 1, 1};
  int documents = 0;
  const Status status = ForEachDocument(
      {std::string(KG_SOURCE_DIR) + "/docs/examples"}, options, [&](Document&& doc) {
        ++documents;
        ExpectSameMentions(gazetteer, doc.text, SplitSentences(doc.text), doc.date, doc.id);
        return Status::Ok();
      });
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_GT(documents, 5);
}

TEST(MentionTrackerTest, DescriptionsAfterEitherApostropheAgreeWithThePreviousFinder) {
  // "Donald Trump's media company", "Elon Muskâs social network": a
  // description starts three bytes after its possessor's mention or five
  // (the curly apostrophe), at a lower-case word the finder otherwise passes
  // by; and nowhere else ("Trump's" then a title, a name, a function word).
  const std::shared_ptr<const RulePack> news = testing_util::NewsPack();
  ASSERT_NE(news, nullptr);
  const Gazetteer gazetteer(*news);
  const char* const possessors[] = {"Donald Trump", "Elon Musk", "Meta", "Trump", "ByteDance"};
  const char* const apostrophes[] = {"'s ", "\xe2\x80\x99s ", "' s ", "\xe2\x80\x99 s ", "s "};
  const char* const descriptions[] = {
      "media company", "social media platform", "social network", "video app",
      "company",       "own platform",          "new firm",       "the company"};
  std::string text;
  std::vector<SentenceSpan> sentences;
  for (const char* who : possessors) {
    for (const char* apostrophe : apostrophes) {
      for (const char* what : descriptions) {
        const size_t begin = text.size();
        text += std::string("Later ") + who + apostrophe + what + " said so.";
        sentences.push_back({begin, text.size()});
        text += " ";
      }
    }
  }
  const Date date{2024, 6, 1};
  ExpectSameMentions(gazetteer, text, sentences, date, "descriptions");
  // The sentences hold descriptions after both apostrophes (so a finder that
  // missed either would disagree above).
  MentionTracker tracker(gazetteer, date);
  int straight = 0, curly = 0;
  for (const SentenceSpan& span : sentences) {
    for (const Mention& m : tracker.Find(text, span.begin, span.end)) {
      if (m.resolution != "description") continue;
      straight += text.compare(m.begin - 3, 3, "'s ") == 0 ? 1 : 0;
      curly += text.compare(m.begin - 5, 5, "\xe2\x80\x99s ") == 0 ? 1 : 0;
    }
  }
  EXPECT_GE(straight, 3);
  EXPECT_GE(curly, 3);
}

// Each word of `words` between each opening of `before` and each ending of
// `after`, a sentence each, appended to *text with a space after it.
template <size_t B, size_t A>
void AppendWordSentences(const std::vector<std::string>& words, const char* const (&before)[B],
                         const char* const (&after)[A], std::string* text,
                         std::vector<SentenceSpan>* sentences) {
  for (const std::string& w : words) {
    for (const char* b : before) {
      for (const char* a : after) {
        const size_t begin = text->size();
        *text += b + w + a;
        sentences->push_back({begin, text->size()});
        *text += " ";
      }
    }
  }
}

// For the news pack and `small`: every word `words_of` gives for the pack,
// between each of `before` and each of `after`, a sentence each, must get the
// same mentions from both finders.
template <size_t B, size_t A>
void ExpectSameMentionsAroundWords(
    const RulePack& small, const std::function<std::vector<std::string>(const RulePack&)>& words_of,
    const char* const (&before)[B], const char* const (&after)[A]) {
  const std::shared_ptr<const RulePack> news = testing_util::NewsPack();
  ASSERT_NE(news, nullptr);
  for (const RulePack* pack : {news.get(), &small}) {
    const Gazetteer gazetteer(*pack);
    std::string text;
    std::vector<SentenceSpan> sentences;
    AppendWordSentences(words_of(*pack), before, after, &text, &sentences);
    ASSERT_GT(sentences.size(), 100u);
    ExpectSameMentions(gazetteer, text, sentences, Date{2024, 6, 1},
                       pack == &small ? "small pack" : "news pack");
    if (testing::Test::HasFatalFailure()) return;
  }
}

TEST(MentionTrackerTest, TitlesAndNonNamesBeforeAnyWordAgreeWithThePreviousFinder) {
  // A capitalised title or word that is no name, followed by a space and a
  // word that is no capital and no "of "/"for ", is let go without NewName's call:
  // every such word of the lexicon, as written, capitalised and in capitals,
  // opening a sentence and inside one, before lower-case words (those
  // opening with 'o' or 'f' among them), connectors, names and punctuation.
  const RulePack small = SmallPack();
  const char* const before[] = {"", "Later ", "Jane Roe and ", "\"", "Bob Velmor met "};
  const char* const after[] = {" former aide.",   " of",        " for.",
                               " of the firm.",   " for Acme.", " figures rose.",
                               " said so.",       " oil rose.", " for Quocor met.",
                               " of Velmor met.", " ofer met.", " Velmor met.",
                               ", figures rose.", " o",         " fell",
                               " Acme met.",      " she said."};
  auto words_of = [](const RulePack& pack) {
    std::vector<std::string> words;
    for (const auto* list :
         {&pack.names.not_names, &pack.names.person_titles, &pack.names.demonyms}) {
      for (const std::string& word : *list) {
        words.insert(words.end(), {word, Capitalised(word), InCapitals(word)});
      }
    }
    return words;
  };
  ExpectSameMentionsAroundWords(small, words_of, before, after);
}

TEST(MentionTrackerTest, NamesAtWordEndsAndInsideWordsAgreeWithThePreviousFinder) {
  // A known name is looked for only where the text has a word end as far on
  // as one of its aliases that ends with a letter or digit, or where an alias
  // ends otherwise ("Quocor Inc.") or is 64 bytes or longer: every alias, as
  // written, in capitals and in lower case, at the sentence's end, before
  // punctuation, and running on into a longer word ("Acmes", "Disney+", "X.com").
  RulePack small = SmallPack();
  small.entities.push_back(
      EntityDef{"Quocor Inc.", "organization", {"Quocor Inc"}, std::nullopt, {}, {}});
  small.entities.push_back(
      EntityDef{"Velmor Amalgamated Widget And Gizmo Manufacturing Corporation Of Old Town",
                "organization",
                {"Velmor"},
                std::nullopt,
                {},
                {}});
  const char* const before[] = {"", "Later ", "\""};
  const char* const after[] = {"",         ".",      " met.", "s met.", "+ met.",     ".com met.",
                               "'s aide.", "-based", ",",     "1",      " Group met."};
  auto words_of = [](const RulePack& pack) {
    std::vector<std::string> words;
    for (const EntityDef& e : pack.entities) {
      for (const std::string& name : NameAndAliases(e)) {
        words.insert(words.end(), {name, InCapitals(name), InLowerCase(name)});
      }
    }
    return words;
  };
  ExpectSameMentionsAroundWords(small, words_of, before, after);
}

TEST(MentionTrackerTest, NamesCutByTheByteAfterTheirFirstWordAgreeWithThePreviousFinder) {
  // A name of several words is looked for only where the byte after its first
  // word's separator, folded, is one of its aliases', and a word with no
  // capital first only where an alias is written so ("the acme", "xAI"):
  // every alias's first word followed by its rest, by the rest with that byte
  // changed, recased or cut short, and by words of its own length, in every
  // case, opening a sentence and inside one.
  RulePack small = SmallPack();
  small.entities.push_back(EntityDef{
      "Acme Labs Group", "organization", {"the acme labs", "ACME"}, std::nullopt, {}, {}});
  small.entities.push_back(
      EntityDef{"xWidget", "platform", {"xWidget Pro", "Xwidget Max"}, std::nullopt, {}, {}});
  const char* const before[] = {"", "Later ", "\"", "Jane Roe's "};
  const char* const after[] = {"", " met.", "'s aide.", " Group met.", ", she said."};
  auto words_of = [](const RulePack& pack) {
    std::vector<std::string> words;
    for (const EntityDef& e : pack.entities) {
      for (const std::string& name : NameAndAliases(e)) {
        size_t first = 0;
        while (first < name.size() && ascii::Alnum(name[first])) ++first;
        std::vector<std::string> variants = {name};
        if (first + 1 < name.size()) {
          std::string changed = name, recased = name;
          changed[first + 1] = changed[first + 1] == 'q' ? 'r' : 'q';
          recased[first + 1] = ascii::Upper(recased[first + 1])
                                   ? ascii::Fold(recased[first + 1])
                                   : static_cast<char>(recased[first + 1] - 32);
          variants.insert(variants.end(),
                          {changed, recased, name.substr(0, first + 2), name.substr(0, first + 1),
                           name.substr(0, first) + " company",
                           name.substr(0, first) + "-" + name.substr(first + 1)});
        }
        for (const std::string& v : variants) {
          words.insert(words.end(), {v, Capitalised(v), InCapitals(v), InLowerCase(v)});
        }
      }
    }
    return words;
  };
  ExpectSameMentionsAroundWords(small, words_of, before, after);
}

TEST(MentionTrackerTest, NewNamesOfEveryKindAfterTitlesAgreeWithThePreviousFinder) {
  // A new name's type is read from its words first, and the title before it
  // is asked for only where they make no person of it: names of one to three
  // words from every list of the lexicon (given names, organisation, agency
  // and place words, titles, words that are no names) and invented ones,
  // after a title or none, opening a sentence and inside one, before a title
  // ("Pfizer CEO") or a plain word.
  RulePack small = SmallPack();
  small.names.agency_words = {"Authority"};
  small.names.place_words = {"Port"};
  small.names.person_titles.push_back("adviser");
  const char* const before[] = {"",          "Later ",     "Boss ",        "Gaffer. ",
                                "adviser ",  "Mr. ",       "Boss of ",     "\"",
                                "The Boss ", "Later The ", "Jane Roe and "};
  const char* const after[] = {" met.", " Boss met.", ".", " of Port met.", "'s aide."};
  auto words_of = [](const RulePack& pack) {
    std::vector<std::string> parts = {"Velmor", "Quocor", "Bob", "Jane"};
    for (const auto* list :
         {&pack.names.given_names, &pack.names.org_words, &pack.names.agency_words,
          &pack.names.place_words, &pack.names.person_titles, &pack.names.not_names,
          &pack.names.demonyms}) {
      for (size_t i = 0; i < list->size() && i < 6; ++i) parts.push_back(Capitalised((*list)[i]));
    }
    std::vector<std::string> words;
    for (const std::string& a : parts) {
      words.push_back(a);
      for (const std::string& b : {std::string("Velmor"), std::string("Group"),
                                   std::string("Authority"), std::string("Port")}) {
        words.push_back(a + " " + b);
        words.push_back(a + " Staran " + b);
      }
    }
    return words;
  };
  ExpectSameMentionsAroundWords(small, words_of, before, after);
}

// Each mention of `text`, sentence by sentence, as "its words/" and what
// `describe` says of its first entity.
template <typename Describe>
std::vector<std::string> MentionsRead(MentionTracker* tracker, const std::string& text,
                                      Describe describe) {
  std::vector<std::string> found;
  for (const SentenceSpan& s : SplitSentences(text)) {
    for (const Mention& m : tracker->Find(text, s.begin, s.end)) {
      found.push_back(text.substr(m.begin, m.end - m.begin) + "/" +
                      describe(tracker->entity(m.entities[0])));
    }
  }
  return found;
}

// A demonym is no name alone or before a title, and a word of any other name:
// "Turkish Prime Minister Recep Erdogan", "the Turkish team", "Turkish Airlines".
TEST(MentionTrackerTest, DemonymsGoBeforeTitlesAndStayInOtherNames) {
  const RulePack pack = SmallPack();
  const Gazetteer gazetteer(pack);
  MentionTracker tracker(gazetteer, std::nullopt);
  const std::string text =
      "Later Zanbari Boss Bob Petner met the Zanbari team. The Zanbari Quocor Gizmos sued "
      "Bob Petner.";
  const std::vector<std::string> found =
      MentionsRead(&tracker, text, [](const DocEntity& e) { return e.type; });
  EXPECT_EQ(found,
            (std::vector<std::string>{"Bob Petner/person", "Zanbari Quocor Gizmos/organization",
                                      "Bob Petner/person"}));
}

// A hyphen before a capital joins a name ("Miami-Dade", "Asia-Pacific"), one
// before a lower-case word ends it ("Texas-based").
TEST(MentionTrackerTest, AKnownNameEndsAtAHyphenOnlyBeforeALowerCaseWord) {
  const RulePack pack = SmallPack();
  const Gazetteer gazetteer(pack);
  MentionTracker tracker(gazetteer, std::nullopt);
  const std::string text =
      "The Acme-Quocor Gizmos met Bob Petner. An Acme-based team met Jane Roe.";
  const std::vector<std::string> found =
      MentionsRead(&tracker, text, [](const DocEntity& e) { return e.name; });
  EXPECT_EQ(found, (std::vector<std::string>{"Acme-Quocor Gizmos/Acme-Quocor Gizmos",
                                             "Bob Petner/Bob Petner", "Acme/Acme Widgets",
                                             "Jane Roe/Jane Roe"}));
}

TEST(MentionTrackerTest, TrackersSideBySideKeepTheirOwnState) {
  // Two documents read in turns by two live trackers, then again by trackers
  // made one after another (the second reuses the first one's buffers): each
  // must answer as a tracker of its own.
  const RulePack pack = SmallPack();
  const Gazetteer gazetteer(pack);
  const std::string a = "Bob Velmor met Jane Roe. Velmor said she left. Boss Ann Quocor came.";
  const std::string b = "Quocor Gizmos sued Acme. Velmor Group and Quocor met. She said so.";
  const std::vector<SentenceSpan> sa = SplitSentences(a), sb = SplitSentences(b);
  ASSERT_EQ(sa.size(), 3u);
  ASSERT_EQ(sb.size(), 3u);
  auto same = [](const std::vector<Mention>& x, const std::vector<Mention>& y) {
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i) {
      if (x[i].begin != y[i].begin || x[i].end != y[i].end || x[i].entities != y[i].entities ||
          x[i].resolution != y[i].resolution || x[i].possessive != y[i].possessive) {
        return false;
      }
    }
    return true;
  };
  MentionTrackerReference ra(gazetteer, std::nullopt), rb(gazetteer, std::nullopt);
  {
    MentionTracker ta(gazetteer, std::nullopt), tb(gazetteer, std::nullopt);
    for (size_t i = 0; i < 3; ++i) {
      EXPECT_TRUE(same(ta.Find(a, sa[i].begin, sa[i].end), ra.Find(a, sa[i].begin, sa[i].end)))
          << i;
      EXPECT_TRUE(same(tb.Find(b, sb[i].begin, sb[i].end), rb.Find(b, sb[i].begin, sb[i].end)))
          << i;
    }
  }
  for (int again = 0; again < 3; ++again) {
    for (const auto* doc : {&a, &b}) {
      MentionTrackerReference r(gazetteer, std::nullopt);
      MentionTracker t(gazetteer, std::nullopt);
      for (const SentenceSpan& s : doc == &a ? sa : sb) {
        EXPECT_TRUE(same(t.Find(*doc, s.begin, s.end), r.Find(*doc, s.begin, s.end)));
      }
    }
  }
}

TEST(MentionTrackerTest, TrackersOfOtherGazetteersOnOneThreadAnswerForTheirOwn) {
  // Trackers made one after another on a thread keep a memo of the words
  // their gazetteer looked up; a tracker of another gazetteer (or of a new
  // one, perhaps at the same address) must not read it. The packs differ in
  // the words the text repeats: in one "Velmor" is a known name, "Boss" a
  // title and "Quocor" an organisation word; in the other none of them.
  RulePack known = SmallPack();
  known.entities.push_back(EntityDef{"Velmor", "person", {}, std::nullopt, {}, {}});
  known.names.org_words.push_back("Quocor");
  RulePack bare = SmallPack();
  bare.names.person_titles = {"Gaffer."};
  const std::string text =
      "Yesterday Velmor met Boss Ann Roe in Acme Quocor. Then Velmor and Boss Linquo left. "
      "The Staran Quocor hired Velmor.";
  const std::vector<SentenceSpan> sentences = SplitSentences(text);
  ASSERT_EQ(sentences.size(), 3u);
  std::vector<std::vector<Mention>> answers[2];
  for (int round = 0; round < 6; ++round) {
    const RulePack& pack = round % 2 == 0 ? known : bare;
    const Gazetteer gazetteer(pack);
    MentionTrackerReference r(gazetteer, std::nullopt);
    MentionTracker t(gazetteer, std::nullopt);
    std::vector<std::vector<Mention>> found;
    for (const SentenceSpan& s : sentences) {
      const std::vector<Mention> got = t.Find(text, s.begin, s.end);
      const std::vector<Mention> want = r.Find(text, s.begin, s.end);
      ASSERT_EQ(got.size(), want.size()) << round;
      for (size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].begin, want[i].begin) << round;
        EXPECT_EQ(got[i].end, want[i].end) << round;
        EXPECT_EQ(got[i].entities, want[i].entities) << round;
        EXPECT_EQ(got[i].resolution, want[i].resolution) << round;
      }
      found.push_back(got);
    }
    if (round < 2) {
      answers[round] = found;
    } else {
      // The same answers every time the pack comes round again.
      const std::vector<std::vector<Mention>>& first = answers[round % 2];
      for (size_t s = 0; s < found.size(); ++s) {
        ASSERT_EQ(found[s].size(), first[s].size());
        for (size_t i = 0; i < found[s].size(); ++i) {
          EXPECT_EQ(found[s][i].entities, first[s][i].entities);
        }
      }
    }
  }
  // The packs answer differently here, so a memo read across them would show.
  ASSERT_NE(answers[0].size(), 0u);
  bool differ = false;
  for (size_t s = 0; s < answers[0].size(); ++s) {
    differ = differ || answers[0][s].size() != answers[1][s].size();
    for (size_t i = 0; !differ && i < answers[0][s].size(); ++i) {
      differ = answers[0][s][i].resolution != answers[1][s][i].resolution ||
               answers[0][s][i].end != answers[1][s][i].end;
    }
  }
  EXPECT_TRUE(differ);
}

}  // namespace
}  // namespace kg
