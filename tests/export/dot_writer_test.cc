#include <gtest/gtest.h>

#include <chrono>

#include "tests/export/export_test_util.h"

namespace kg {
namespace {

using testing_util::CountOf;
using testing_util::ExportToString;

TEST(DotWriterTest, EscapesQuotesBackslashesNewlinesAndNonAscii) {
  std::string dot = ExportToString(testing_util::SmallGraph(), "dot");
  EXPECT_NE(dot.find(R"(label="Donald \"The Donald\" Trump")"), std::string::npos) << dot;
  EXPECT_NE(dot.find(R"(label="Jos&#233; Mu&#241;oz \\ back\\slash")"), std::string::npos);
  EXPECT_NE(dot.find(R"(label="Open\nAI")"), std::string::npos);
  EXPECT_NE(dot.find("&amp; <closed>"), std::string::npos);
  EXPECT_NE(dot.find("Bad byte &#65533; and control   here and tab."), std::string::npos);
  for (char c : dot) EXPECT_LT(static_cast<unsigned char>(c), 0x80) << "DOT must stay ASCII";
}

TEST(DotWriterTest, ShapesByTypeColoursByRelationAndDatesOnEdges) {
  std::string dot = ExportToString(testing_util::SmallGraph(), "dot");
  EXPECT_NE(dot.find(R"(n0 [label="Elon Musk", shape=ellipse)"), std::string::npos) << dot;
  EXPECT_NE(dot.find(R"(n1 [label="Twitter", shape=component)"), std::string::npos);
  EXPECT_NE(dot.find(R"(label="acquired\n2022-10-27", color="#1f77b4")"), std::string::npos);
  EXPECT_NE(dot.find(R"(label="banned\n2021-01-01..2021-01-31", color="#d62728")"),
            std::string::npos);
  EXPECT_NE(dot.find(R"(label="not met")"), std::string::npos);
  EXPECT_NE(dot.find(R"(label="reinstated (reported)\n2022-11-01..2022-11-30")"),
            std::string::npos);
  EXPECT_NE(dot.find("style=dashed"), std::string::npos);
  EXPECT_NE(dot.find("style=dotted"), std::string::npos);
}

TEST(DotWriterTest, ClustersByType) {
  ExportOptions options;
  options.dot_cluster_by_type = true;
  std::string dot = ExportToString(testing_util::SmallGraph(), "dot", options);
  // organization, person, platform; the untyped entity stays outside.
  EXPECT_EQ(CountOf(dot, "subgraph cluster_"), 3u) << dot;
  EXPECT_NE(dot.find(R"(label="platform")"), std::string::npos);
}

TEST(DotWriterTest, SelectionOfFactsKeepsTheirEndpoints) {
  TemporalGraph g = testing_util::SmallGraph();
  ExportOptions options;
  options.selection.facts = {1};  // Twitter banned Trump
  std::string dot = ExportToString(g, "dot", options);
  EXPECT_EQ(CountOf(dot, " -> "), 1u);
  EXPECT_EQ(CountOf(dot, "shape="), 2u);
  options.selection.facts = {99};
  std::ostringstream out;
  EXPECT_FALSE(ExportGraph(g, "dot", options, out).ok());
}

TEST(DotWriterTest, CapKeepsTheBestConnectedEntities) {
  TemporalGraph g = testing_util::SyntheticGraph(5000, 10000);
  ExportOptions options;
  options.max_nodes = 500;
  std::string dot = ExportToString(g, "dot", options);
  EXPECT_EQ(CountOf(dot, "shape="), 500u);
  // The hub (highest degree overall) must survive the cap.
  EntityId hub = 0;
  for (EntityId e = 0; e < g.entity_count(); ++e) {
    if (g.Degree(e) > g.Degree(hub)) hub = e;
  }
  EXPECT_NE(dot.find("  n" + std::to_string(hub) + " [label="), std::string::npos);
}

TEST(DotClientTest, GraphvizRendersSmallGraph) {
  if (!testing_util::HaveProgram("dot")) GTEST_SKIP() << "graphviz 'dot' not installed";
  std::string dir = testing_util::MakeTempDir("dot_small");
  for (bool cluster : {false, true}) {
    ExportOptions options;
    options.dot_cluster_by_type = cluster;
    testing_util::WriteFile(dir + "/g.dot",
                            ExportToString(testing_util::SmallGraph(), "dot", options));
    auto run = testing_util::Run("dot -Tsvg " + dir + "/g.dot -o " + dir + "/g.svg");
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_EQ(run.output, "") << "Graphviz warned";
    std::string svg = testing_util::ReadFile(dir + "/g.svg");
    EXPECT_EQ(CountOf(svg, "class=\"node\""), 6u);
    EXPECT_EQ(CountOf(svg, "class=\"edge\""), 6u);
    EXPECT_NE(svg.find("Donald &quot;The Donald&quot; Trump"), std::string::npos);
    EXPECT_NE(svg.find("Jos\xC3\xA9 Mu\xC3\xB1oz \\ back\\slash"), std::string::npos) << svg;
  }
}

TEST(DotClientTest, GraphvizRendersTenThousandEdgesCappedTo500Nodes) {
  if (!testing_util::HaveProgram("dot")) GTEST_SKIP() << "graphviz 'dot' not installed";
  std::string dir = testing_util::MakeTempDir("dot_large");
  ExportOptions options;
  options.max_nodes = 500;
  // Sparse (5,000 entities) and dense (2,000): the cap keeps 542 and 1,890 edges.
  for (int entities : {5000, 2000}) {
    std::string dot = ExportToString(testing_util::SyntheticGraph(entities, 10000), "dot", options);
    EXPECT_NE(dot.find("layout=\"sfdp\""), std::string::npos);
    testing_util::WriteFile(dir + "/g.dot", dot);
    auto begin = std::chrono::steady_clock::now();
    auto run = testing_util::Run("timeout 120 dot -Tsvg " + dir + "/g.dot -o " + dir + "/g.svg");
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    ASSERT_EQ(run.exit_code, 0) << run.output;
    std::string svg = testing_util::ReadFile(dir + "/g.svg");
    EXPECT_EQ(CountOf(svg, "class=\"node\""), 500u);
    EXPECT_EQ(CountOf(svg, "class=\"edge\""), CountOf(dot, " -> "));
    std::printf("dot -Tsvg: 500 nodes, %zu edges in %.1f s\n", CountOf(dot, " -> "), seconds);
  }
}

TEST(DotWriterTest, LayeredLayoutForSmallExportsUnlessAsked) {
  std::string dot = ExportToString(testing_util::SmallGraph(), "dot");
  EXPECT_NE(dot.find("graph [layout=\"dot\", rankdir=LR"), std::string::npos) << dot;
  ExportOptions options;
  options.dot_layout = "neato";
  dot = ExportToString(testing_util::SmallGraph(), "dot", options);
  EXPECT_NE(dot.find("layout=\"neato\""), std::string::npos);
}

}  // namespace
}  // namespace kg
