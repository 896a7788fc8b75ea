#include "graph/query_parser.h"

#include <gtest/gtest.h>

#include <random>

namespace kg {
namespace {

Query Parse(const std::string& text) {
  Query q;
  QueryError e;
  EXPECT_TRUE(ParseQuery(text, &q, &e)) << text << ": " << e.message;
  return q;
}

QueryError ParseError(const std::string& text) {
  Query q;
  QueryError e;
  EXPECT_FALSE(ParseQuery(text, &q, &e)) << text;
  return e;
}

TEST(QueryParserTest, NeighborsWithEveryOption) {
  Query q = Parse(
      "neighbors \"Elon Musk\" depth 2 rel banned, suspended dir out from 2021 to "
      "2022-06 type Person negated");
  EXPECT_EQ(q.kind, QueryKind::kNeighbors);
  ASSERT_EQ(q.entities.size(), 1u);
  EXPECT_EQ(q.entities[0].text, "Elon Musk");
  EXPECT_TRUE(q.entities[0].quoted);
  EXPECT_EQ(q.depth, 2);
  ASSERT_EQ(q.relations.size(), 2u);
  EXPECT_EQ(q.relations[1].name, "suspended");
  EXPECT_EQ(q.direction, Direction::kOut);
  EXPECT_EQ(q.window.from->start, (Date{2021, 1, 1}));
  EXPECT_EQ(q.window.to->end, (Date{2022, 6, 30}));
  EXPECT_EQ(q.type, "person");
  EXPECT_TRUE(q.include_negated);
}

TEST(QueryParserTest, BareMultiWordEntityStopsAtKeyword) {
  Query q = Parse("timeline Donald Trump from 2020");
  EXPECT_EQ(q.entities[0].text, "Donald Trump");
  EXPECT_EQ(q.entities[0].range.offset, 9u);
  EXPECT_EQ(q.entities[0].range.length, 12u);
}

TEST(QueryParserTest, EntityPairs) {
  Query two = Parse("path Musk Trump");
  ASSERT_EQ(two.entities.size(), 2u);
  EXPECT_EQ(two.entities[1].text, "Trump");
  Query quoted = Parse("tpath Musk \"Donald Trump\" to 2024");
  EXPECT_EQ(quoted.entities[0].text, "Musk");
  EXPECT_EQ(quoted.entities[1].text, "Donald Trump");
  Query run = Parse("paths Elon Musk Donald Trump max 4 limit 3");
  EXPECT_TRUE(run.entities.empty());
  ASSERT_TRUE(run.pair_words.has_value());
  EXPECT_EQ(run.pair_words->words.size(), 4u);
  EXPECT_EQ(run.max_hops, 4);
  EXPECT_EQ(run.limit, 3u);
}

TEST(QueryParserTest, AtWrapsAQueryOrStandsAlone) {
  Query q = Parse("at 2022-06 neighbors Trump");
  EXPECT_EQ(q.kind, QueryKind::kNeighbors);
  EXPECT_EQ(q.at->end, (Date{2022, 6, 30}));
  Query alone = Parse("at 2022");
  EXPECT_EQ(alone.kind, QueryKind::kAt);
  Query diff = Parse("diff 2021 2023-01");
  EXPECT_EQ(diff.diff_from.end, (Date{2021, 12, 31}));
  EXPECT_EQ(diff.diff_to.end, (Date{2023, 1, 31}));
}

TEST(QueryParserTest, CommandsAndKeywordsAreCaseInsensitive) {
  Query q = Parse("FACTS Subject Musk REL acquired");
  EXPECT_EQ(q.kind, QueryKind::kFacts);
  EXPECT_EQ(q.subject->text, "Musk");
  Query top = Parse("top pagerank 5 type person");
  EXPECT_TRUE(top.pagerank);
  EXPECT_EQ(top.top_n, 5u);
}

struct ErrorCase {
  const char* query;
  const char* message;
  size_t offset;
  size_t length;
};

TEST(QueryParserTest, ErrorsPointAtTheOffendingToken) {
  const ErrorCase cases[] = {
      {"", "empty query; try `help`", 0, 1},
      {"neighbours Musk", "unknown command 'neighbours'; did you mean \"neighbors\"?", 0, 10},
      {"neighbors Musk depth two", "expected a depth from 1 to 10, got 'two'", 21, 3},
      {"neighbors Musk depth 0", "expected a depth from 1 to 10, got '0'", 21, 1},
      {"neighbors Musk from 2021-13",
       "'2021-13' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD", 20, 7},
      {"neighbors \"Musk\" dept 2", "unexpected 'dept'; did you mean \"depth\"?", 17, 4},
      {"path Musk Trump depth 2", "option 'depth' does not apply to 'path'", 16, 5},
      {"neighbors Musk depth 1 depth 2", "option 'depth' given twice", 23, 5},
      {"neighbors depth 2", "expected an entity", 10, 5},
      {"neighbors \"Elon Musk", "unterminated string: missing the closing \"", 10, 1},
      {"path Musk", "expected a second entity", 9, 1},
      {"neighbors Musk rel banned,", "expected a relation name", 26, 1},
      {"neighbors Musk dir sideways", "expected out, in or both after 'dir', got 'sideways'", 19,
       8},
      {"facts from 2023 to 2021", "the 'to' date is before the 'from' date", 19, 4},
      {"at 2022 diff 2021 2022", "'diff' cannot follow 'at DATE'", 8, 4},
      {"stats now", "unexpected 'now': 'stats' takes no options", 6, 3},
      {"explain", "expected a fact id after 'explain'", 7, 1},
      {"diff 2023 2021", "diff: the second date is before the first", 10, 4},
      {"paths Musk Trump max 9", "max 9 is over the cap of 8 (raise it with kg query --max-hops)",
       21, 1},
  };
  for (const ErrorCase& c : cases) {
    QueryError e = ParseError(c.query);
    EXPECT_EQ(e.message, c.message) << c.query;
    EXPECT_EQ(e.range.offset, c.offset) << c.query;
    EXPECT_EQ(e.range.length, c.length) << c.query;
  }
}

TEST(QueryParserTest, TokenizerHandlesEscapesAndCommas) {
  QueryTokens tokens;
  QueryError e;
  ASSERT_TRUE(TokenizeQuery("a \"b \\\"c\\\" d\",e", &tokens, &e));
  ASSERT_EQ(tokens.list.size(), 4u);
  EXPECT_EQ(tokens.list[1].text, "b \"c\" d");
  EXPECT_EQ(tokens.list[1].kind, QueryToken::kQuoted);
  EXPECT_EQ(tokens.list[2].kind, QueryToken::kComma);
  EXPECT_EQ(tokens.list[3].range.offset, 14u);
}

// A token that owns its text, as the tokenizer's tokens did before they
// became views of the query.
struct OwnedToken {
  QueryToken::Kind kind;
  std::string text;
  TextRange range;
};

// A quoted string read byte by byte, as the tokenizer did before it took
// runs in one piece: the reference for its texts, ranges and errors.
bool ReferenceTokenize(std::string_view text, std::vector<OwnedToken>* tokens, QueryError* error) {
  tokens->clear();
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (c == ',') {
      tokens->push_back({QueryToken::kComma, ",", {i, 1}});
      ++i;
    } else if (c == '"') {
      size_t start = i++;
      std::string value;
      bool closed = false;
      while (i < text.size()) {
        if (text[i] == '\\' && i + 1 < text.size()) {
          value += text[i + 1];
          i += 2;
        } else if (text[i] == '"') {
          ++i;
          closed = true;
          break;
        } else {
          value += text[i++];
        }
      }
      if (!closed) {
        *error = {"unterminated string: missing the closing \"", {start, 1}};
        return false;
      }
      tokens->push_back({QueryToken::kQuoted, std::move(value), {start, i - start}});
    } else {
      size_t start = i;
      while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\r' &&
             text[i] != '\n' && text[i] != ',' && text[i] != '"') {
        ++i;
      }
      tokens->push_back(
          {QueryToken::kWord, std::string(text.substr(start, i - start)), {start, i - start}});
    }
  }
  return true;
}

TEST(QueryParserTest, TokenizerAgreesWithTheByteByByteReaderOnRandomText) {
  static const char kPieces[] = {'a', 'B', ' ', '"', '\\', ',', '\t', '\n', '\xc3', '\xa9'};
  std::mt19937 rng(3);
  int failures = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    for (int k = static_cast<int>(rng() % 14); k > 0; --k) text += kPieces[rng() % sizeof kPieces];
    QueryTokens tokens;
    std::vector<OwnedToken> want;
    QueryError got_error, want_error;
    const bool ok = TokenizeQuery(text, &tokens, &got_error);
    const std::vector<QueryToken>& got = tokens.list;
    ASSERT_EQ(ok, ReferenceTokenize(text, &want, &want_error)) << text;
    if (!ok) {
      ++failures;
      EXPECT_EQ(got_error.message, want_error.message) << text;
      EXPECT_EQ(got_error.range.offset, want_error.range.offset) << text;
      continue;
    }
    ASSERT_EQ(got.size(), want.size()) << text;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].kind, want[i].kind) << text;
      EXPECT_EQ(got[i].text, want[i].text) << text;
      EXPECT_EQ(got[i].range.offset, want[i].range.offset) << text;
      EXPECT_EQ(got[i].range.length, want[i].range.length) << text;
    }
  }
  EXPECT_GT(failures, 1000);  // unterminated strings are common in this soup
}

}  // namespace
}  // namespace kg
