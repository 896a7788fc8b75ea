// FormatAnswer's JSON, written directly, against the document built as an
// ordered_json tree and dumped (how it was written before): the same bytes for
// random answers — escapes, UTF-8 and invalid bytes, every kind of cell,
// repeated column names, empty lists — and for real answers of the engine.
#include "graph/query_answer.h"

#include <gtest/gtest.h>

#include <random>

#include "graph/query_engine.h"
#include "tests/graph/test_graph.h"

namespace kg {
namespace {

std::string TreeJson(const Answer& a, const TemporalGraph& g, const std::string& query) {
  using ordered = nlohmann::ordered_json;
  ordered doc = ordered::object();
  doc["query"] = query;
  doc["command"] = a.command;
  doc["title"] = a.title;
  doc["columns"] = a.columns;
  ordered rows = ordered::array();
  for (const auto& row : a.rows) {
    ordered obj = ordered::object();
    for (size_t c = 0; c < a.columns.size() && c < row.size(); ++c) {
      obj[a.columns[c]] = ordered(row[c]);
    }
    rows.push_back(std::move(obj));
  }
  doc["rows"] = std::move(rows);
  doc["count"] = a.rows.size();
  doc["notes"] = a.notes;
  ordered entities = ordered::array(), facts = ordered::array();
  for (EntityId e : a.entities) entities.push_back(g.entity(e).name);
  for (FactId f : a.facts) facts.push_back(g.fact_id(f));
  doc["entities"] = std::move(entities);
  doc["facts"] = std::move(facts);
  return doc.dump(-1, ' ', false, ordered::error_handler_t::replace) + "\n";
}

const FormatOptions kJson{AnswerFormat::kJson, false, 60};

std::string RandomText(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {"a",    "Elon Musk", "\"",   "\\", "\n",
                                                  "\t",   "\x01",      "\x7f", "é",  "😀",
                                                  "\xff", "\xc3",      "/",    " ",  ""};
  std::string s;
  for (int n = static_cast<int>(rng() % 5); n > 0; --n) s += pieces[rng() % pieces.size()];
  return s;
}

nlohmann::json RandomCell(std::mt19937& rng) {
  switch (rng() % 7) {
    case 0:
      return nullptr;
    case 1:
      return rng() % 2 == 0;
    case 2:
      return static_cast<int>(rng() % 2000) - 1000;
    case 3:
      return static_cast<size_t>(rng());
    case 4:
      return static_cast<double>(rng() % 100000) / 7.0;
    case 5:
      return nlohmann::json::array({RandomText(rng), RandomText(rng)});
    default:
      return RandomText(rng);
  }
}

TEST(QueryAnswerJsonTest, DirectWriterMatchesTheDumpedTree) {
  TemporalGraph graph = MakeNewsGraph();
  std::mt19937 rng(5);
  int repeated_columns = 0;
  for (int i = 0; i < 2000; ++i) {
    Answer a;
    a.command = RandomText(rng);
    a.title = RandomText(rng);
    for (int c = static_cast<int>(rng() % 5); c > 0; --c) a.columns.push_back(RandomText(rng));
    std::vector<std::string> sorted = a.columns;
    std::sort(sorted.begin(), sorted.end());
    repeated_columns += std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end();
    for (int r = static_cast<int>(rng() % 4); r > 0; --r) {
      auto& row = a.rows.emplace_back();
      // Rows may be short of cells; the writer must then leave keys out as the tree does.
      for (size_t c = rng() % (a.columns.size() + 1); c > 0; --c) row.push_back(RandomCell(rng));
    }
    for (int k = static_cast<int>(rng() % 3); k > 0; --k) a.notes.push_back(RandomText(rng));
    for (int k = static_cast<int>(rng() % 3); k > 0; --k) {
      a.entities.push_back(static_cast<EntityId>(rng() % graph.entity_count()));
    }
    for (int k = static_cast<int>(rng() % 3); k > 0; --k) {
      a.facts.push_back(static_cast<FactId>(rng() % graph.fact_count()));
    }
    const std::string query = RandomText(rng);
    ASSERT_EQ(FormatAnswer(a, graph, query, kJson), TreeJson(a, graph, query)) << i;
  }
  EXPECT_GT(repeated_columns, 50);
}

TEST(QueryAnswerJsonTest, EngineAnswersMatchTheDumpedTree) {
  TemporalGraph graph = MakeNewsGraph();
  QueryEngine engine(graph);
  for (const char* text :
       {"neighbors Musk depth 2", "neighbors Trump depth 3 negated", "path Trump Kyiv",
        "paths Trump Kyiv max 4", "timeline Musk", "facts", "reports", "states", "top 3", "stats",
        "relations", "help", "entity X", "tpath Trump Kyiv"}) {
    Answer a;
    QueryError error;
    ASSERT_TRUE(engine.Run(text, &a, &error)) << text << ": " << error.message;
    EXPECT_EQ(FormatAnswer(a, graph, text, kJson), TreeJson(a, graph, text)) << text;
  }
}

}  // namespace
}  // namespace kg
