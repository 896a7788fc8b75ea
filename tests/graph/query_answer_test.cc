// FormatAnswer's JSON, written directly, against the document built as an
// ordered_json tree and dumped (how it was written before): the same bytes for
// random answers — escapes, UTF-8 and invalid bytes, every kind of cell,
// repeated column names, empty lists — and for real answers of the engine.
// Its tables and TSV against the simple writers they replaced, likewise.
#include "graph/query_answer.h"

#include <gtest/gtest.h>

#include <deque>
#include <nlohmann/json.hpp>
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
      obj[a.columns[c]] = ordered(row[c].ToJson());
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

// The table and TSV writers as they were before rows were written straight
// into the output: the reference for FormatAnswer's.
std::string ReferenceCellText(const nlohmann::json& cell) {
  using nlohmann::json;
  switch (cell.type()) {
    case json::value_t::null:
      return "";
    case json::value_t::string:
      return cell.get<std::string>();
    case json::value_t::boolean:
      return cell.get<bool>() ? "yes" : "no";
    case json::value_t::number_float: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.6g", cell.get<double>());
      return buf;
    }
    case json::value_t::array: {
      std::string out;
      for (const json& item : cell) out += (out.empty() ? "" : ", ") + ReferenceCellText(item);
      return out;
    }
    default:
      return cell.dump(-1, ' ', false, json::error_handler_t::replace);
  }
}

size_t ReferenceWidth(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string ReferenceClip(std::string s, size_t max) {
  for (char& c : s) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  }
  if (max < 4 || ReferenceWidth(s) <= max) return s;
  size_t cols = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++cols > max - 3) break;
  }
  return s.substr(0, i) + "...";
}

std::string ReferenceTable(const Answer& a, const FormatOptions& o) {
  const char* bold = o.color ? "\033[1m" : "";
  const char* dim = o.color ? "\033[2m" : "";
  const char* reset = o.color ? "\033[0m" : "";
  std::string out;
  if (!a.title.empty()) out += std::string(bold) + a.title + reset + "\n";
  if (!a.columns.empty() && !a.rows.empty()) {
    std::vector<std::vector<std::string>> cells;
    std::vector<size_t> width(a.columns.size());
    for (size_t c = 0; c < a.columns.size(); ++c) width[c] = ReferenceWidth(a.columns[c]);
    for (const auto& row : a.rows) {
      auto& line = cells.emplace_back();
      for (size_t c = 0; c < a.columns.size(); ++c) {
        size_t max = c + 1 == a.columns.size() ? SIZE_MAX / 2 : o.max_cell_width;
        line.push_back(
            ReferenceClip(c < row.size() ? ReferenceCellText(row[c].ToJson()) : "", max));
        width[c] = std::max(width[c], ReferenceWidth(line.back()));
      }
    }
    auto emit = [&](const std::vector<std::string>& line, const char* on, const char* off) {
      std::string text;
      for (size_t c = 0; c < line.size(); ++c) {
        text += line[c];
        if (c + 1 < line.size()) text += std::string(width[c] - ReferenceWidth(line[c]) + 2, ' ');
      }
      while (!text.empty() && text.back() == ' ') text.pop_back();
      out += on + text + off + "\n";
    };
    emit(a.columns, bold, reset);
    std::vector<std::string> rule;
    for (size_t w : width) rule.push_back(std::string(w, '-'));
    emit(rule, "", "");
    for (const auto& line : cells) emit(line, "", "");
    out += std::string(dim) + "(" + std::to_string(a.rows.size()) +
           (a.rows.size() == 1 ? " row)" : " rows)") + reset + "\n";
  } else if (!a.columns.empty()) {
    out += std::string(dim) + "(no rows)" + reset + "\n";
  }
  for (const std::string& note : a.notes) out += std::string(dim) + "note: " + note + reset + "\n";
  return out;
}

std::string ReferenceTsvEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\\') {
      out += "\\\\";
    } else {
      out += c;
    }
  }
  return out;
}

std::string ReferenceTsv(const Answer& a) {
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size(); ++c) out += (c ? "\t" : "") + ReferenceTsvEscape(cells[c]);
    out += "\n";
  };
  line(a.columns);
  for (const auto& row : a.rows) {
    std::vector<std::string> cells;
    for (const Cell& cell : row) cells.push_back(ReferenceCellText(cell.ToJson()));
    line(cells);
  }
  return out;
}

std::string RandomText(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {"a",    "Elon Musk", "\"",   "\\", "\n",
                                                  "\t",   "\x01",      "\x7f", "é",  "😀",
                                                  "\xff", "\xc3",      "/",    " ",  ""};
  std::string s;
  for (int n = static_cast<int>(rng() % 5); n > 0; --n) s += pieces[rng() % pieces.size()];
  return s;
}

Cell RandomCell(std::mt19937& rng) {
  // Texts a Cell::Ref points at must outlive it: kept for the whole test.
  static std::deque<std::string> referenced;
  switch (rng() % 8) {
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
      return rng() % 4 == 0 ? Cell(std::vector<Cell>{RandomText(rng), nullptr,
                                                     std::vector<Cell>{RandomText(rng)}, 7})
                            : Cell(std::vector<std::string>{RandomText(rng), RandomText(rng)});
    case 6:
      return Cell::Ref(referenced.emplace_back(RandomText(rng)));
    default:
      return RandomText(rng);
  }
}

// Rows may be short of cells (writers must then leave keys or cells out as
// the references do); a list may hold lists and empty texts.
Answer RandomAnswer(const TemporalGraph& graph, std::mt19937& rng) {
  Answer a;
  a.command = RandomText(rng);
  a.title = RandomText(rng);
  for (int c = static_cast<int>(rng() % 5); c > 0; --c) a.columns.push_back(RandomText(rng));
  for (int r = static_cast<int>(rng() % 4); r > 0; --r) {
    auto& row = a.rows.emplace_back();
    for (size_t c = rng() % (a.columns.size() + 1); c > 0; --c) row.push_back(RandomCell(rng));
  }
  for (int k = static_cast<int>(rng() % 3); k > 0; --k) a.notes.push_back(RandomText(rng));
  for (int k = static_cast<int>(rng() % 3); k > 0; --k) {
    a.entities.push_back(static_cast<EntityId>(rng() % graph.entity_count()));
  }
  for (int k = static_cast<int>(rng() % 3); k > 0; --k) {
    a.facts.push_back(static_cast<FactId>(rng() % graph.fact_count()));
  }
  return a;
}

TEST(QueryAnswerJsonTest, DirectWriterMatchesTheDumpedTree) {
  TemporalGraph graph = MakeNewsGraph();
  std::mt19937 rng(5);
  int repeated_columns = 0;
  for (int i = 0; i < 2000; ++i) {
    Answer a = RandomAnswer(graph, rng);
    std::vector<std::string> sorted = a.columns;
    std::sort(sorted.begin(), sorted.end());
    repeated_columns += std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end();
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

TEST(QueryAnswerTextTest, TablesAndTsvMatchTheSimpleWriters) {
  TemporalGraph graph = MakeNewsGraph();
  std::mt19937 rng(11);
  for (int i = 0; i < 2000; ++i) {
    const Answer a = RandomAnswer(graph, rng);
    // Narrow columns clip often; below 4 nothing is clipped.
    const FormatOptions table{AnswerFormat::kTable, rng() % 2 == 0, rng() % 12};
    const std::string query = RandomText(rng);
    ASSERT_EQ(FormatAnswer(a, graph, query, table), ReferenceTable(a, table)) << i;
    ASSERT_EQ(FormatAnswer(a, graph, query, {AnswerFormat::kTsv, false, 60}), ReferenceTsv(a)) << i;
  }
}

TEST(QueryAnswerTextTest, EngineAnswersMatchTheSimpleWriters) {
  TemporalGraph graph = MakeNewsGraph();
  QueryEngine engine(graph);
  for (const char* text :
       {"neighbors Musk depth 2", "path Trump Kyiv", "paths Trump Kyiv max 4", "timeline Musk",
        "facts", "reports", "states", "top 3", "stats", "relations", "help", "entity X"}) {
    Answer a;
    QueryError error;
    ASSERT_TRUE(engine.Run(text, &a, &error)) << text << ": " << error.message;
    const FormatOptions table{AnswerFormat::kTable, true, 20};
    EXPECT_EQ(FormatAnswer(a, graph, text, table), ReferenceTable(a, table)) << text;
    EXPECT_EQ(FormatAnswer(a, graph, text, {AnswerFormat::kTsv, false, 60}), ReferenceTsv(a))
        << text;
  }
}

}  // namespace
// A session evaluates every query into one Answer (Clear keeps its buffers):
// each answer must be the one a fresh Answer gets, whatever came before it,
// a failed query and a deferred one left uncompleted included.
TEST(QueryAnswerTest, AnAnswerReusedForEveryQueryGivesTheFreshAnswers) {
  TemporalGraph graph = MakeNewsGraph();
  QueryEngine reused_engine(graph), fresh_engine(graph);
  Answer reused;
  for (const char* text :
       {"neighbors Musk depth 2", "help", "neighbors Nobody", "path Trump Kyiv", "timeline Musk",
        "neighbors Trump depth 3 negated", "stats", "entity X", "neighbors Musk from 2022",
        "frobnicate", "relations", "tpath Trump Kyiv", "top 3"}) {
    QueryError reused_error, fresh_error;
    const bool ok = reused_engine.Evaluate(text, &reused, &reused_error);
    Answer fresh;
    ASSERT_EQ(ok, fresh_engine.Evaluate(text, &fresh, &fresh_error)) << text;
    if (!ok) {
      EXPECT_EQ(reused_error.message, fresh_error.message) << text;
      continue;
    }
    if (std::string_view(text) == "neighbors Musk from 2022") continue;  // left deferred
    CompleteAnswer(&reused);
    CompleteAnswer(&fresh);
    EXPECT_EQ(FormatAnswer(reused, graph, text, kJson), FormatAnswer(fresh, graph, text, kJson))
        << text;
  }
}

TEST(QueryAnswerTest, ClearEmptiesEveryField) {
  TemporalGraph graph = MakeNewsGraph();
  std::mt19937 rng(17);
  Answer a = RandomAnswer(graph, rng);
  a.command = "x";
  a.columns = {"c"};
  a.notes = {"n"};
  a.entities = {0};
  a.facts = {0};
  a.rows.emplace_back();
  a.complete = [](Answer*) {};
  a.Clear();
  EXPECT_EQ(FormatAnswer(a, graph, "q", kJson), FormatAnswer(Answer(), graph, "q", kJson));
  EXPECT_TRUE(a.rows.empty());
  EXPECT_FALSE(a.complete);
}

}  // namespace kg
