// Tests for SplitSentences: a table of news snippets and the sentences they
// must split into, ending in a "former bugs" section; then the real seed
// articles (skipped when KG_SHARED_DIR is absent).
#include "extract/sentence.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "extract/document.h"

namespace kg {
namespace {

std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> out;
  for (const SentenceSpan& span : SplitSentences(text)) {
    out.emplace_back(text.substr(span.begin, span.end - span.begin));
  }
  return out;
}

struct Case {
  const char* text;
  std::vector<std::string> sentences;
};

const Case kCases[] = {
    // Plain punctuation.
    {"Musk bought Twitter. He renamed it X.", {"Musk bought Twitter.", "He renamed it X."}},
    {"Is it over? Not yet! The board met.", {"Is it over?", "Not yet!", "The board met."}},
    {"It rose 5%. 2023 was a good year.", {"It rose 5%.", "2023 was a good year."}},
    {"", {}},
    {"   \n\n  ", {}},
    {"No final period", {"No final period"}},
    {"  Leading and trailing spaces.  ", {"Leading and trailing spaces."}},
    // Lowercase after a period is not a new sentence.
    {"The deal closed at 3 p.m. on Friday.", {"The deal closed at 3 p.m. on Friday."}},
    // Titles and abbreviations.
    {"Mr. Trump met Mrs. Haley and Ms. Smith.", {"Mr. Trump met Mrs. Haley and Ms. Smith."}},
    {"Dr. Fauci testified. Sen. Paul objected.", {"Dr. Fauci testified.", "Sen. Paul objected."}},
    {"Gen. Milley spoke to Rep. Jordan and Gov. DeSantis.",
     {"Gen. Milley spoke to Rep. Jordan and Gov. DeSantis."}},
    {"They met on St. Patrick's Day.", {"They met on St. Patrick's Day."}},
    {"The U.S. Justice Department sued. The U.K. regulator agreed.",
     {"The U.S. Justice Department sued.", "The U.K. regulator agreed."}},
    {"Trade with the U.S. The talks failed.", {"Trade with the U.S.", "The talks failed."}},
    {"Microsoft Corp. Chief Executive Satya Nadella spoke.",
     {"Microsoft Corp. Chief Executive Satya Nadella spoke."}},
    {"He bought Activision Blizzard Inc. The deal closed in October.",
     {"He bought Activision Blizzard Inc.", "The deal closed in October."}},
    {"Apple Inc. CEO Tim Cook met Trump.", {"Apple Inc. CEO Tim Cook met Trump."}},
    {"Samsung Co. Ltd. Vice Chairman Lee spoke.", {"Samsung Co. Ltd. Vice Chairman Lee spoke."}},
    {"The riot on Jan. 6 shocked Congress.", {"The riot on Jan. 6 shocked Congress."}},
    {"It ranked No. 1 in sales.", {"It ranked No. 1 in sales."}},
    {"Trump vs. Biden was close.", {"Trump vs. Biden was close."}},
    // Initials and numbers.
    {"Trump picked J. D. Vance as his running mate.",
     {"Trump picked J. D. Vance as his running mate."}},
    {"George W. Bush and J. A. Smith met.", {"George W. Bush and J. A. Smith met."}},
    {"He posted it on X. The post was deleted.", {"He posted it on X.", "The post was deleted."}},
    {"Musk paid $44.5 billion. The board agreed.",
     {"Musk paid $44.5 billion.", "The board agreed."}},
    {"Shares fell 3.2 percent. Analysts were surprised.",
     {"Shares fell 3.2 percent.", "Analysts were surprised."}},
    // Quotes and brackets, ASCII and curly.
    {"\"We are done.\" The CEO left.", {"\"We are done.\"", "The CEO left."}},
    {"\u201CIf I run, I will only use Truth,\u201D he said in October. \u201CWhen I post, it "
     "is everywhere.\u201D",
     {"\u201CIf I run, I will only use Truth,\u201D he said in October.",
      "\u201CWhen I post, it is everywhere.\u201D"}},
    {"\u201CIs it true?\u201D he asked.", {"\u201CIs it true?\u201D he asked."}},
    {"He called it \u2018a mistake.\u2019 Then he left.",
     {"He called it \u2018a mistake.\u2019", "Then he left."}},
    {"The sale closed (in October.) Musk cheered.",
     {"The sale closed (in October.)", "Musk cheered."}},
    {"He wrote: \u201CI am back!\u201D Fans cheered.",
     {"He wrote: \u201CI am back!\u201D", "Fans cheered."}},
    // Ellipses.
    {"We will see... The vote is Friday.", {"We will see...", "The vote is Friday."}},
    {"We will see\u2026 The vote is Friday.", {"We will see\u2026", "The vote is Friday."}},
    // Lines: blank lines always end a sentence; a headline line does too.
    {"Threat of prison\n\nIn August, Trump wrote a book.",
     {"Threat of prison", "In August, Trump wrote a book."}},
    {"Trump Reportedly In Talks With Meta About Facebook Return\nAs the election nears, "
     "candidates look for outlets.",
     {"Trump Reportedly In Talks With Meta About Facebook Return",
      "As the election nears, candidates look for outlets."}},
    {"Meet between Trump and Musk\nThe report, which indicated a continuing relationship between "
     "the two men, said that there was a meeting earlier this month.",
     {"Meet between Trump and Musk",
      "The report, which indicated a continuing relationship between the two men, said that "
      "there was a meeting earlier this month."}},
    {"A paragraph without a period\n\nNext paragraph.",
     {"A paragraph without a period", "Next paragraph."}},
    {"One line ends here.\nThe next line starts.",
     {"One line ends here.", "The next line starts."}},
    {"Windows line ends.\r\n\r\nStill split.", {"Windows line ends.", "Still split."}},
    // Blank lines holding blanks, and runs of them, after a headline and a
    // paragraph: the sentence after them starts at their last line break.
    {"Tesla update\n \t\nShares rose today.", {"Tesla update", "Shares rose today."}},
    {"Tesla update\n\n\nShares rose today.\n\n \n\nA quiet day\nFor traders",
     {"Tesla update", "Shares rose today.", "A quiet day", "For traders"}},
    // Hard-wrapped prose is not a run of headlines.
    {"Former US President Donald Trump reached out to\nElon Musk last summer, asking whether\n"
     "the Tesla CEO would buy Truth Social.",
     {"Former US President Donald Trump reached out to\nElon Musk last summer, asking whether\n"
      "the Tesla CEO would buy Truth Social."}},
    {"The deal was approved by the\nCompetition and Markets Authority in October.",
     {"The deal was approved by the\nCompetition and Markets Authority in October."}},

    {"Musk Buys Twitter For Billions\nElon Musk agreed on Monday to buy the company,\nending "
     "weeks of talks with\nthe board.",
     {"Musk Buys Twitter For Billions",
      "Elon Musk agreed on Monday to buy the company,\nending weeks of talks with\nthe board."}},
    // Captions and datelines in one-paragraph-a-line text.
    {"Musk speaking at a conference (Getty Images)\nJack Dorsey, co-founder of Twitter, resigned.",
     {"Musk speaking at a conference (Getty Images)",
      "Jack Dorsey, co-founder of Twitter, resigned."}},
    // Edge cases.
    // "Mr." at the end of a paragraph still ends at the blank line.
    {"It was signed by Mr.\n\nThe next day it leaked.",
     {"It was signed by Mr.", "The next day it leaked."}},
    // The seed's "2021, protest" after "Jan. 6," stayed whole.
    {"in the wake of the Jan. 6, 2021, protest on Capitol Hill.",
     {"in the wake of the Jan. 6, 2021, protest on Capitol Hill."}},
    // A Latin-1 capital after a period starts a sentence (UTF-8 two-byte).
    {"He met the minister. \u00C9mile Zola Street was closed.",
     {"He met the minister.", "\u00C9mile Zola Street was closed."}},
    // An em dash line break is not a headline break.
    {"Only one person \u2014 former President Donald Trump \u2014 has declared.",
     {"Only one person \u2014 former President Donald Trump \u2014 has declared."}},

    // Former bugs.
    // TimeBank newswire opens quotes with two backticks; the sentence
    // before such a quote ran on into it.
    {"They disagree on gas debts. ``We have covered the list,'' Yeltsin said.",
     {"They disagree on gas debts.", "``We have covered the list,'' Yeltsin said."}},
    // dev/04: a photo caption ending in ")" ran into the first sentence of
    // the article, because only title-cased lines counted as headlines.
    {"Jack Dorsey speaking at a recent cryptocurrency conference (Joe Raedle/Getty Images)\n"
     "Jack Dorsey, co-founder and CEO of Twitter, announced that he has resigned his post, which "
     "will be taken over by current CTO Parag Agrawal.",
     {"Jack Dorsey speaking at a recent cryptocurrency conference (Joe Raedle/Getty Images)",
      "Jack Dorsey, co-founder and CEO of Twitter, announced that he has resigned his post, which "
      "will be taken over by current CTO Parag Agrawal."}},
};

TEST(SentenceTest, Table) {
  for (const Case& c : kCases) {
    EXPECT_EQ(Split(c.text), c.sentences) << "text: " << c.text;
  }
}

TEST(SentenceTest, SpansAreTrimmedOffsetsIntoTheText) {
  std::string text = "  First one.  \n\n  Second one.  ";
  std::vector<SentenceSpan> spans = SplitSentences(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].begin, 2u);
  EXPECT_EQ(spans[0].end, 12u);
  EXPECT_EQ(text.substr(spans[1].begin, spans[1].end - spans[1].begin), "Second one.");
}

TEST(SentenceTest, SplittingIntoAVectorReplacesItsContents) {
  std::vector<SentenceSpan> spans;
  for (const Case& c : kCases) {
    SplitSentences(c.text, &spans);  // holds the previous case's spans
    const std::vector<SentenceSpan> fresh = SplitSentences(c.text);
    ASSERT_EQ(spans.size(), fresh.size()) << c.text;
    for (size_t i = 0; i < spans.size(); ++i) {
      EXPECT_EQ(spans[i].begin, fresh[i].begin) << c.text;
      EXPECT_EQ(spans[i].end, fresh[i].end) << c.text;
    }
  }
  SplitSentences("", &spans);
  EXPECT_TRUE(spans.empty());
}

TEST(SentenceTest, SpansAreOrderedAndDisjointOnArbitraryBytes) {
  // Every byte value in every position class: spans must stay in bounds and ordered.
  std::string text;
  for (int i = 0; i < 4096; ++i) text += static_cast<char>((i * 37 + i / 7) % 256);
  size_t last_end = 0;
  for (const SentenceSpan& span : SplitSentences(text)) {
    EXPECT_LE(last_end, span.begin);
    EXPECT_LT(span.begin, span.end);
    EXPECT_LE(span.end, text.size());
    last_end = span.end;
  }
}

TEST(SentenceTest, SeedArticles) {
  std::filesystem::path seeds = std::filesystem::path(KG_SHARED_DIR) / "corpus" / "seeds";
  if (!std::filesystem::is_directory(seeds)) {
    GTEST_SKIP() << "shared corpus not found at " << seeds;
  }
  Result<std::vector<Document>> docs = ReadDocuments({seeds.string()}, ReadOptions{});
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 4u);
  for (const Document& doc : *docs) {
    std::vector<std::string> sentences = Split(doc.text);
    EXPECT_GT(sentences.size(), 5u) << doc.id;
    for (const std::string& s : sentences) {
      // No sentence swallows a paragraph break, and none is cut after a title.
      EXPECT_EQ(s.find("\n\n"), std::string::npos) << doc.id << ": " << s;
      for (const char* title : {"Mr.", "Dr.", "Jan."}) {
        EXPECT_FALSE(s.size() >= 4 && s.substr(s.size() - std::string(title).size()) == title)
            << doc.id << ": " << s;
      }
    }
  }
  // Pinned sentences from the seeds.
  auto contains = [&](const std::string& id, const std::string& sentence) {
    for (const Document& doc : *docs) {
      if (doc.id != id) continue;
      for (const std::string& s : Split(doc.text)) {
        if (s == sentence) return true;
      }
    }
    return false;
  };
  EXPECT_TRUE(contains("000_4422c009182fa4ce.txt",
                       "Trump Reportedly In Talks With Meta About Facebook Return"));
  EXPECT_TRUE(contains("001_dd05d0a961fa166a.txt",
                       "Truth Social is a social media platform that was announced by Trump in "
                       "October 2021."));
  EXPECT_TRUE(contains("002_dd0cac55e210b4c1.txt", "Threat of prison"));
}

// A token with a period inside it ("U.S", "p.m") may end a sentence only
// before an opening word; without one it ends it before any capital. Tokens
// of every length around the eight bytes the splitter tests at once, the
// period at every place in them, and tokens near the start of the text
// (fewer than eight bytes before the final period).
TEST(SentenceTest, PeriodsInsideTokensAtEveryPlace) {
  int checked = 0;
  for (size_t pad = 0; pad <= 9; ++pad) {
    for (size_t length = 2; length <= 12; ++length) {
      for (size_t dot = 0; dot <= length; ++dot) {
        // dot == length: no period inside the token.
        std::string token(length, 'b');
        if (dot < length) token[dot] = '.';
        if (token.front() == '.' || token.back() == '.') continue;
        const std::string text =
            std::string(pad, 'x') + (pad > 0 ? " " : "") + token + ". Smith spoke.";
        const size_t expected = dot < length ? 1 : 2;
        EXPECT_EQ(SplitSentences(text).size(), expected) << text;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 500);
}

// Every word of the splitter's lists still acts as one (the lists are
// screened by length and first two bytes before any compare): titles never
// end a sentence, number abbreviations not before a number, abbreviations
// that may end one only before an opening word, and every opening word opens
// one after such an abbreviation. Words outside the lists that share a
// length and first bytes with them end sentences as plain words do.
TEST(SentenceTest, EveryListWordIsStillRecognised) {
  auto count = [](const std::string& text) { return SplitSentences(text).size(); };
  const std::vector<std::string> titles = {
      "Mr",   "Mrs",  "Ms",   "Dr",  "Prof", "Gen",  "Sen", "Rep",  "Gov",    "Lt",  "Col",  "Capt",
      "Sgt",  "Adm",  "Rev",  "Hon", "Pres", "St",   "Mt",  "Ft",   "Messrs", "Mme", "Sens", "Reps",
      "Govs", "Gens", "Cmdr", "Maj", "Brig", "Supt", "Det", "Atty", "Amb",    "Rt"};
  for (const std::string& t : titles) EXPECT_EQ(count("He met " + t + ". Smith today."), 1u) << t;
  const std::vector<std::string> before_number = {
      "No",  "Nos", "Vol", "Vols", "Art", "Fig", "p",   "pp",   "Ch",  "Sec", "Jan",
      "Feb", "Mar", "Apr", "Jun",  "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"};
  for (const std::string& b : before_number) {
    EXPECT_EQ(count("See " + b + ". 5 today."), 1u) << b;
    EXPECT_EQ(count("See " + b + ". Smith today."), 1u) << b;
    EXPECT_EQ(count("See " + b + ". The end."), 2u) << b;
  }
  const std::vector<std::string> may_end = {"Inc",  "Corp", "Co",   "Ltd",   "Jr",     "Sr",
                                            "Bros", "etc",  "al",   "Ave",   "Blvd",   "Rd",
                                            "Dept", "Univ", "vs",   "Calif", "Fla",    "Mass",
                                            "Wash", "Ariz", "Conn", "Penn",  "approx", "Assn"};
  for (const std::string& m : may_end) {
    EXPECT_EQ(count("It was " + m + ". Smith spoke."), 1u) << m;
    EXPECT_EQ(count("It was " + m + ". The deal closed."), 2u) << m;
  }
  const std::vector<std::string> openers = {
      "The",       "A",      "An",     "It",      "Its",      "He",      "She",   "They",
      "We",        "I",      "His",    "Her",     "Their",    "Our",     "This",  "That",
      "These",     "Those",  "There",  "But",     "And",      "In",      "On",    "At",
      "For",       "After",  "Before", "As",      "When",     "While",   "Since", "However",
      "Meanwhile", "Still",  "Yet",    "Now",     "Last",     "Earlier", "Later", "If",
      "According", "Under",  "With",   "Despite", "Although", "So",      "Then",  "What",
      "Who",       "Shares", "Some",   "Many"};
  for (const std::string& o : openers) EXPECT_EQ(count("It was Inc. " + o + " went."), 2u) << o;
  // Near misses: the same lengths and first bytes, not in any list.
  for (const std::string w : {"Mx", "Mrx", "Dx", "Incx", "Cox", "Nox", "Janx", "Ltx", "ap"}) {
    EXPECT_EQ(count("He met " + w + ". Smith today."), 2u) << w;
  }
}

}  // namespace
}  // namespace kg
