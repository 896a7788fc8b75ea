#include "graph/query_engine.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "tests/graph/test_graph.h"

namespace kg {
namespace {

class QueryEngineTest : public ::testing::Test {
 protected:
  QueryEngineTest() : graph_(MakeNewsGraph()), engine_(graph_) {}

  Answer Run(const std::string& text) {
    Answer a;
    QueryError e;
    EXPECT_TRUE(engine_.Run(text, &a, &e)) << text << ": " << e.message;
    return a;
  }
  QueryError Fail(const std::string& text) {
    Answer a;
    QueryError e;
    EXPECT_FALSE(engine_.Run(text, &a, &e)) << text;
    return e;
  }
  // The named column of every row, as text.
  std::vector<std::string> Column(const Answer& a, const std::string& name) {
    size_t c = 0;
    while (c < a.columns.size() && a.columns[c] != name) ++c;
    EXPECT_LT(c, a.columns.size()) << name;
    std::vector<std::string> out;
    for (const auto& row : a.rows) {
      out.push_back(row[c].kind() == Cell::Kind::kText ? std::string(row[c].text())
                                                       : row[c].ToJson().dump());
    }
    return out;
  }

  TemporalGraph graph_;
  QueryEngine engine_;
};

using Strings = std::vector<std::string>;

TEST_F(QueryEngineTest, NeighborsOneHopSkipsNegatedFacts) {
  Answer a = Run("neighbors Trump");
  EXPECT_EQ(Column(a, "entity"), (Strings{"Elon Musk", "X", "X"}));
  EXPECT_EQ(Column(a, "relation"), (Strings{"met", "banned", "reinstated"}));
  Answer with = Run("neighbors Trump negated");
  EXPECT_EQ(Column(with, "entity"), (Strings{"Elon Musk", "X", "X", "Joe Biden"}));
}

TEST_F(QueryEngineTest, NeighborsDepthDirectionWindowAndType) {
  EXPECT_EQ(Column(Run("neighbors Trump depth 2"), "entity"),
            (Strings{"Elon Musk", "X", "X", "Tesla", "Joe Biden"}));
  EXPECT_EQ(Column(Run("neighbors Musk dir out"), "entity"),
            (Strings{"X", "X", "Tesla", "Joe Biden"}));
  EXPECT_EQ(Column(Run("neighbors Musk dir in"), "entity"), (Strings{"Donald Trump"}));
  // Undated facts (criticized) leave windowed queries.
  EXPECT_EQ(Column(Run("neighbors Musk from 2022 to 2022"), "entity"), (Strings{"X", "X"}));
  EXPECT_EQ(Column(Run("neighbors Trump depth 2 type person"), "entity"),
            (Strings{"Elon Musk", "Joe Biden"}));
  Answer a = Run("neighbors Musk rel acquired");
  EXPECT_EQ(a.entities.size(), 2u);
  EXPECT_EQ(a.facts.size(), 2u);
}

TEST_F(QueryEngineTest, ShortestPath) {
  Answer a = Run("path Tesla Kyiv");
  EXPECT_EQ(Column(a, "relation"), (Strings{"ceo_of", "criticized", "visited"}));
  EXPECT_EQ(a.title, "path Tesla -> Kyiv: 3 hops");
  Answer none = Run("path Tesla Kyiv dir out");
  EXPECT_TRUE(none.rows.empty());
  EXPECT_EQ(none.title, "no path Tesla -> Kyiv");
  // The only Trump–Biden edge is negated.
  EXPECT_EQ(Run("path Trump Biden rel met").rows.size(), 0u);
  EXPECT_EQ(Run("path Trump Biden rel met negated").rows.size(), 1u);
  EXPECT_EQ(Run("path Elon Musk Donald Trump").rows.size(), 1u);
}

TEST_F(QueryEngineTest, TemporalPathRespectsTime) {
  // Trump -banned(2021)- X -acquired(2022-10)- Musk -ceo_of(2008)- Tesla: the last
  // edge is earlier than the one before, and ceo_of covers only 2008.
  EXPECT_TRUE(Run("tpath Trump Tesla").rows.empty());
  Answer a = Run("tpath Trump Musk");
  EXPECT_EQ(Column(a, "relation"), (Strings{"banned", "acquired"}));
  EXPECT_EQ(Column(a, "at"), (Strings{"2021-01-08", "2022-10-27"}));
  Answer late = Run("tpath Trump Musk from 2023");
  EXPECT_EQ(Column(late, "relation"), (Strings{"met"}));
  EXPECT_EQ(Column(late, "at"), (Strings{"2024-03-01"}));
}

TEST_F(QueryEngineTest, AllSimplePaths) {
  Answer a = Run("paths Trump Musk max 3");
  EXPECT_EQ(Column(a, "hops"), (Strings{"1", "2"}));
  EXPECT_EQ(Run("paths Trump Musk max 1").rows.size(), 1u);
  Answer limited = Run("paths Trump Musk limit 1");
  EXPECT_EQ(limited.rows.size(), 1u);
  EXPECT_FALSE(limited.notes.empty());
}

TEST_F(QueryEngineTest, TimelineInTimeOrderWithNegatedFlagged) {
  Answer a = Run("timeline Trump");
  EXPECT_EQ(Column(a, "time"), (Strings{"2020-09", "2021-01-08", "2022-11-19", "2024-03"}));
  EXPECT_EQ(Column(a, "flags"), (Strings{"negated", "", "", ""}));
  EXPECT_EQ(Run("timeline Trump from 2022").rows.size(), 2u);
}

TEST_F(QueryEngineTest, FactsFilters) {
  EXPECT_EQ(Run("facts").rows.size(), 9u);
  EXPECT_EQ(Run("facts subject Musk").rows.size(), 4u);
  EXPECT_EQ(Run("facts subject Musk rel acquired object Twitter").rows.size(), 2u);
  EXPECT_EQ(Run("facts from 2022-10 to 2022-11").rows.size(), 3u);
  EXPECT_EQ(Run("facts limit 2").rows.size(), 2u);
}

TEST_F(QueryEngineTest, ReportsAggregateRepeatedFacts) {
  Answer a = Run("reports subject Musk rel acquired");
  ASSERT_EQ(a.rows.size(), 1u);
  EXPECT_EQ(Column(a, "mentions"), (Strings{"2"}));
  EXPECT_EQ(Column(a, "first_report"), (Strings{"2022-10-28"}));
  EXPECT_EQ(Column(a, "last_report"), (Strings{"2022-11-02"}));
}

TEST_F(QueryEngineTest, StatesAndAsOf) {
  Answer s = Run("states Trump");
  ASSERT_EQ(s.rows.size(), 1u);
  EXPECT_EQ(Column(s, "from"), (Strings{"2021-01-08"}));
  EXPECT_EQ(Column(s, "until"), (Strings{"2022-11-19"}));
  EXPECT_EQ(Run("at 2021-06").rows.size(), 2u);  // the ban and Musk's ceo_of
  EXPECT_EQ(Run("at 2023").rows.size(), 1u);     // only ceo_of
  // The ban is not a neighbor edge once reinstated.
  EXPECT_EQ(Column(Run("at 2022-06 neighbors Trump"), "relation"), (Strings{"banned"}));
  EXPECT_EQ(Column(Run("at 2023 neighbors Trump"), "relation"), (Strings{"reinstated"}));
  // Not yet known in 2022-10-27: reported the next day.
  EXPECT_TRUE(Run("at 2022-10-27 facts rel acquired").rows.empty());
}

TEST_F(QueryEngineTest, DiffListsStatesAndReports) {
  Answer a = Run("diff 2022-06 2022-12");
  EXPECT_EQ(Column(a, "change"), (Strings{"state ended", "reported", "reported", "reported"}));
}

TEST_F(QueryEngineTest, ExplainEntityTopStats) {
  const std::string id = graph_.fact(0).id;
  Answer e = Run("explain " + id.substr(0, 6));
  EXPECT_EQ(e.rows[0][1], id);
  Answer info = Run("entity twitter");
  EXPECT_EQ(info.rows[0][1], "X");
  EXPECT_EQ(info.rows[2][1], Cell(std::vector<std::string>{"Twitter"}));
  EXPECT_EQ(Column(Run("top 2"), "entity"), (Strings{"Elon Musk", "X"}));
  Answer pr = Run("top pagerank 1");
  EXPECT_EQ(pr.rows.size(), 1u);
  EXPECT_EQ(Run("stats").rows[1][1], 9);
  EXPECT_EQ(Column(Run("relations"), "relation")[0], "acquired");
}

TEST_F(QueryEngineTest, UnknownNamesSuggest) {
  QueryError e = Fail("neighbors Muks");
  EXPECT_EQ(e.message, "unknown entity 'Muks'; did you mean \"Elon Musk\"?");
  EXPECT_EQ(e.range.offset, 10u);
  QueryError option = Fail("neighbors Elon Musk dept 2");
  EXPECT_EQ(option.message,
            "unexpected 'dept' after the entity 'Elon Musk'; did you mean \"depth\"?");
  EXPECT_EQ(option.range.offset, 20u);
  Answer rel = Run("neighbors Trump rel baned");
  EXPECT_TRUE(rel.rows.empty());
  EXPECT_EQ(rel.notes[0], "no fact has the relation 'baned'; did you mean \"banned\"?");
  EXPECT_EQ(Fail("explain ffffffffffff").message,
            "no fact with id 'ffffffffffff' (ids are listed by facts, path, timeline)");
  EXPECT_EQ(Fail("path Elon Musk Donald Trumpf").message.substr(0, 12), "cannot read ");
  EXPECT_EQ(Fail("help nope").message.substr(0, 15), "no command 'nop");
}

TEST_F(QueryEngineTest, EmptyGraphNeverCrashes) {
  TemporalGraph empty;
  QueryEngine engine(empty);
  for (const char* q : {"stats", "top pagerank", "facts", "reports", "states", "at 2020",
                        "diff 2020 2021", "relations", "help"}) {
    Answer a;
    QueryError e;
    EXPECT_TRUE(engine.Run(q, &a, &e)) << q << ": " << e.message;
  }
  Answer a;
  QueryError e;
  EXPECT_FALSE(engine.Run("neighbors anyone", &a, &e));
}

}  // namespace
}  // namespace kg

namespace kg {
namespace {

// Token soup from the language's own words, plus stray bytes: every query must
// come back as an answer or an error with a range inside the text.
TEST(QueryRobustnessTest, RandomQueriesNeverCrash) {
  TemporalGraph graph = MakeNewsGraph();
  QueryEngine engine(graph);
  const std::vector<std::string> words = {"neighbors", "path",     "tpath",
                                          "paths",     "timeline", "facts",
                                          "reports",   "states",   "explain",
                                          "entity",    "top",      "stats",
                                          "relations", "at",       "diff",
                                          "help",      "depth",    "rel",
                                          "dir",       "from",     "to",
                                          "type",      "subject",  "object",
                                          "max",       "limit",    "negated",
                                          "out",       "in",       "both",
                                          "2021",      "2022-11",  "2024-03-13",
                                          "0",         "3",        "99999999999",
                                          "-1",        "Trump",    "\"Elon Musk\"",
                                          "Musk",      "X",        ",",
                                          "\"",        "banned",   "met",
                                          "pagerank",  "degree",   "\"unterminated",
                                          "\\",        "\xff\xfe", "2021-02-30",
                                          "Joe",       "Biden",    "person",
                                          "\"\""};
  std::mt19937 rng(77);
  int ok = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    int n = static_cast<int>(rng() % 8);
    for (int k = 0; k < n; ++k) text += (k ? " " : "") + words[rng() % words.size()];
    Answer answer;
    QueryError error;
    if (engine.Run(text, &answer, &error)) {
      ++ok;
      for (const auto& row : answer.rows) ASSERT_EQ(row.size(), answer.columns.size()) << text;
      FormatAnswer(answer, graph, text, FormatOptions{AnswerFormat::kJson, false, 60});
      FormatAnswer(answer, graph, text, FormatOptions{AnswerFormat::kTable, true, 60});
    } else {
      ASSERT_FALSE(error.message.empty()) << text;
      ASSERT_LE(error.range.offset, text.size()) << text;
      CaretLine(text, error);
    }
  }
  EXPECT_GT(ok, 200);  // most soup is rightly rejected; enough is answered to matter
}

}  // namespace
}  // namespace kg
