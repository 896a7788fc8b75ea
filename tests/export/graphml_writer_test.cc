#include <gtest/gtest.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <fstream>

#include "tests/export/export_test_util.h"

namespace kg {
namespace {

using testing_util::ExportToString;

TEST(GraphmlWriterTest, DeclaresTypedKeys) {
  std::string xml = ExportToString(testing_util::SmallGraph(), "graphml");
  EXPECT_NE(xml.find(R"(<key id="e_negated" for="edge" attr.name="negated" attr.type="boolean"/>)"),
            std::string::npos);
  EXPECT_NE(xml.find(R"(attr.name="mentions" attr.type="int")"), std::string::npos);
  EXPECT_NE(xml.find(R"(attr.name="span_begin" attr.type="long")"), std::string::npos);
  EXPECT_NE(xml.find(R"(<graph id="kg" edgedefault="directed">)"), std::string::npos);
}

TEST(GraphmlWriterTest, EscapesXmlAndDropsForbiddenCharacters) {
  std::string xml = ExportToString(testing_util::SmallGraph(), "graphml");
  EXPECT_NE(xml.find("Donald &quot;The Donald&quot; Trump"), std::string::npos);
  EXPECT_NE(xml.find("&quot;we&apos;re done&quot; &amp; &lt;closed&gt; the deal.&#10;New line."),
            std::string::npos);
  EXPECT_NE(xml.find("Bad byte \xEF\xBF\xBD and control  here&#9;and tab."), std::string::npos);
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
}

TEST(GraphmlWriterTest, LeavesAbsentValuesOut) {
  std::string xml = ExportToString(testing_util::SmallGraph(), "graphml");
  // Six facts, one undated: five starts.
  EXPECT_EQ(testing_util::CountOf(xml, "<data key=\"e_start\">"), 5u);
  EXPECT_EQ(testing_util::CountOf(xml, "<data key=\"v_type\">"), 5u);  // one entity is untyped
}

struct BoostVertex {
  std::string name, type;
  int mentions = 0;
};
struct BoostEdge {
  std::string relation, start;
  bool negated = false;
  long span_begin = 0;
};

TEST(GraphmlWriterTest, BooleansAsWordsOrDigits) {
  ExportOptions options;
  std::string words = ExportToString(testing_util::SmallGraph(), "graphml", options);
  EXPECT_EQ(testing_util::CountOf(words, R"(<data key="e_negated">true</data>)"), 1u);
  options.graphml_boolean_digits = true;
  std::string digits = ExportToString(testing_util::SmallGraph(), "graphml", options);
  EXPECT_EQ(testing_util::CountOf(digits, R"(<data key="e_negated">1</data>)"), 1u);
  EXPECT_EQ(testing_util::CountOf(digits, R"(<data key="e_hedged">0</data>)"), 5u);
}

TEST(GraphmlClientTest, RoundTripsThroughBoostReadGraphml) {
  TemporalGraph g = testing_util::SmallGraph();
  ExportOptions options;
  options.graphml_boolean_digits = true;  // read_graphml lexical_casts booleans
  std::string xml = ExportToString(g, "graphml", options);
  using Graph =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, BoostVertex, BoostEdge>;
  Graph read;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("name", boost::get(&BoostVertex::name, read));
  dp.property("type", boost::get(&BoostVertex::type, read));
  dp.property("mentions", boost::get(&BoostVertex::mentions, read));
  dp.property("relation", boost::get(&BoostEdge::relation, read));
  dp.property("start", boost::get(&BoostEdge::start, read));
  dp.property("negated", boost::get(&BoostEdge::negated, read));
  dp.property("span_begin", boost::get(&BoostEdge::span_begin, read));
  std::istringstream in(xml);
  try {
    boost::read_graphml(in, read, dp);
  } catch (const std::exception& e) {
    FAIL() << "read_graphml: " << e.what();
  }
  ASSERT_EQ(boost::num_vertices(read), g.entity_count());
  ASSERT_EQ(boost::num_edges(read), g.fact_count());
  for (EntityId id = 0; id < g.entity_count(); ++id) {  // whole graph: vertex i is n<i>
    EXPECT_EQ(read[id].type, g.entity(id).type);
    EXPECT_EQ(read[id].mentions, static_cast<int>(g.Degree(id)));
  }
  EXPECT_EQ(read[0].name, "Elon Musk");
  EXPECT_EQ(read[3].name, "Jos\xC3\xA9 Mu\xC3\xB1oz \\ back\\slash");
  size_t negated = 0, dated = 0;
  for (auto [it, end] = boost::edges(read); it != end; ++it) {
    const BoostEdge& e = read[*it];
    negated += e.negated;
    dated += !e.start.empty();
    FactId match = g.fact_count();
    for (FactId f : g.OutFacts(static_cast<EntityId>(boost::source(*it, read)))) {
      if (g.object_of(f) == boost::target(*it, read) && g.fact(f).relation == e.relation &&
          g.fact(f).span_begin == e.span_begin) {
        match = f;
      }
    }
    ASSERT_LT(match, g.fact_count()) << e.relation;
    std::string start = g.fact(match).time ? g.fact(match).time->start->ToString() : "";
    EXPECT_EQ(e.start, start);
  }
  EXPECT_EQ(negated, 1u);
  EXPECT_EQ(dated, 5u);
}

class GraphmlPythonTest : public ::testing::TestWithParam<const char*> {};

TEST_P(GraphmlPythonTest, ClientReadsCountsAndValues) {
  std::string dir = testing_util::MakeTempDir(std::string("graphml_") + GetParam());
  for (bool large : {false, true}) {
    TemporalGraph g =
        large ? testing_util::SyntheticGraph(2000, 10000) : testing_util::SmallGraph();
    ExportOptions options;
    options.graphml_boolean_digits = large;  // the clients read both forms
    std::string path = dir + (large ? "/large.graphml" : "/small.graphml");
    testing_util::WriteFile(path, ExportToString(g, "graphml", options));
    auto run = testing_util::RunClientCheck(
        GetParam(), path, testing_util::ExpectedJson(g, options, "xml", large ? 97 : 1));
    if (run.exit_code == 77) GTEST_SKIP() << run.output;
    EXPECT_EQ(run.exit_code, 0) << run.output;
    std::printf("%s", run.output.c_str());
  }
}

INSTANTIATE_TEST_SUITE_P(Clients, GraphmlPythonTest,
                         ::testing::Values("graphml-networkx", "graphml-igraph"),
                         [](const auto& info) {
                           return std::string(info.param) == "graphml-igraph" ? "igraph"
                                                                              : "networkx";
                         });

}  // namespace
}  // namespace kg
