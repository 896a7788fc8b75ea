#include <gtest/gtest.h>

#include <filesystem>

#include "tests/export/export_test_util.h"

namespace kg {
namespace {

using testing_util::CountOf;
using testing_util::ExportToString;

const std::string kSchema = std::string(KG_SHARED_DIR) + "/data/schemas/gexf-1.3/gexf.xsd";

TEST(GexfWriterTest, DynamicGraphWithDateSpells) {
  std::string gexf = ExportToString(testing_util::SmallGraph(), "gexf");
  EXPECT_NE(gexf.find(R"(<graph defaultedgetype="directed" mode="dynamic" timeformat="date">)"),
            std::string::npos);
  EXPECT_NE(gexf.find(R"(<spell start="2021-01-01" end="2021-01-31"/>)"), std::string::npos);
  EXPECT_NE(gexf.find(R"(<attribute id="negated" title="negated" type="boolean"/>)"),
            std::string::npos);
}

TEST(GexfWriterTest, EntitySpellsMergeTheirFactsAndUndatedMeansAlways) {
  std::string gexf = ExportToString(testing_util::SmallGraph(), "gexf");
  // Open AI: sued 2024-02-29..03-01 and 2024-06: two separate spells.
  size_t openai = gexf.find(R"(<node id="n4" label="Open&#10;AI">)");
  ASSERT_NE(openai, std::string::npos) << gexf;
  std::string node = gexf.substr(openai, gexf.find("</node>", openai) - openai);
  EXPECT_EQ(CountOf(node, "<spell "), 2u) << node;
  EXPECT_NE(node.find(R"(<spell start="2024-02-29" end="2024-03-01"/>)"), std::string::npos);
  // Elon Musk takes part in an undated fact: no spells, present throughout.
  size_t musk = gexf.find(R"(<node id="n0" label="Elon Musk">)");
  std::string musk_node = gexf.substr(musk, gexf.find("</node>", musk) - musk);
  EXPECT_EQ(CountOf(musk_node, "<spells>"), 0u);
}

TEST(GexfWriterTest, SpellsOfASelectionComeFromItsFacts) {
  ExportOptions options;
  options.selection.facts = {4};  // Musk sued Open AI, 2024-02-29
  std::string gexf = ExportToString(testing_util::SmallGraph(), "gexf", options);
  EXPECT_EQ(CountOf(gexf, R"(<spell start="2024-02-29" end="2024-03-01"/>)"), 3u) << gexf;
}

TEST(GexfClientTest, XmllintValidatesAgainstGexf13Schema) {
  if (!testing_util::HaveProgram("xmllint")) GTEST_SKIP() << "xmllint not installed";
  if (!std::filesystem::exists(kSchema)) GTEST_SKIP() << "no GEXF schema at " << kSchema;
  std::string dir = testing_util::MakeTempDir("gexf_xmllint");
  ExportOptions capped;
  capped.max_nodes = 300;
  struct Case {
    const char* name;
    TemporalGraph graph;
    ExportOptions options;
  } cases[] = {{"small", testing_util::SmallGraph(), {}},
               {"large", testing_util::SyntheticGraph(2000, 10000), capped}};
  for (const Case& c : cases) {
    std::string path = dir + "/" + c.name + ".gexf";
    testing_util::WriteFile(path, ExportToString(c.graph, "gexf", c.options));
    auto run = testing_util::Run("xmllint --noout --schema " + kSchema + " " + path);
    EXPECT_EQ(run.exit_code, 0) << run.output;
    EXPECT_NE(run.output.find("validates"), std::string::npos) << run.output;
  }
}

TEST(GexfClientTest, NetworkxReadsCountsValuesAndSpells) {
  std::string dir = testing_util::MakeTempDir("gexf_networkx");
  for (bool large : {false, true}) {
    TemporalGraph g =
        large ? testing_util::SyntheticGraph(2000, 10000) : testing_util::SmallGraph();
    std::string path = dir + (large ? "/large.gexf" : "/small.gexf");
    testing_util::WriteFile(path, ExportToString(g, "gexf"));
    auto run = testing_util::RunClientCheck(
        "gexf-networkx", path, testing_util::ExpectedJson(g, {}, "gexf", large ? 97 : 1));
    if (run.exit_code == 77) GTEST_SKIP() << run.output;
    EXPECT_EQ(run.exit_code, 0) << run.output;
    std::printf("%s", run.output.c_str());
  }
}

}  // namespace
}  // namespace kg
