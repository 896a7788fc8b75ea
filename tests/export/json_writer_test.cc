#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/export/export_test_util.h"

namespace kg {
namespace {

using testing_util::ExportToString;

TEST(JsonWriterTest, NodeLinkShape) {
  auto j = nlohmann::json::parse(ExportToString(testing_util::SmallGraph(), "json"));
  EXPECT_EQ(j["directed"], true);
  EXPECT_EQ(j["multigraph"], true);
  ASSERT_EQ(j["nodes"].size(), 6u);
  ASSERT_EQ(j["links"].size(), 6u);
  EXPECT_EQ(j["nodes"][0]["id"], "n0");
  EXPECT_EQ(j["nodes"][0]["name"], "Elon Musk");
  EXPECT_EQ(j["nodes"][0]["aliases"], nlohmann::json::array({"Musk", "\xEF\xBF\xBDlon"}));
  const auto& banned = j["links"][1];
  EXPECT_EQ(banned["source"], "n1");
  EXPECT_EQ(banned["target"], "n2");
  EXPECT_EQ(banned["key"], "e1");
  EXPECT_EQ(banned["start"], "2021-01-01");
  EXPECT_EQ(banned["end"], "2021-01-31");
  EXPECT_TRUE(j["links"][3]["start"].is_null());  // the undated fact
  EXPECT_EQ(j["links"][3]["negated"], true);
}

TEST(JsonWriterTest, InvalidUtf8BecomesReplacementCharacter) {
  std::string text = ExportToString(testing_util::SmallGraph(), "json");
  auto j = nlohmann::json::parse(text);  // throws on invalid UTF-8
  EXPECT_EQ(j["links"][3]["sentence"], "Bad byte \xEF\xBF\xBD and control \x01 here\tand tab.");
}

TEST(JsonWriterTest, CytoscapeElements) {
  ExportOptions options;
  options.json_style = JsonStyle::kCytoscape;
  auto j = nlohmann::json::parse(ExportToString(testing_util::SmallGraph(), "json", options));
  ASSERT_EQ(j["elements"]["nodes"].size(), 6u);
  ASSERT_EQ(j["elements"]["edges"].size(), 6u);
  const auto& node = j["elements"]["nodes"][2]["data"];
  EXPECT_EQ(node["id"], "n2");
  EXPECT_EQ(node["label"], "Donald \"The Donald\" Trump");
  const auto& edge = j["elements"]["edges"][0]["data"];
  EXPECT_EQ(edge["source"], "n0");
  EXPECT_EQ(edge["target"], "n1");
  EXPECT_EQ(edge["label"], "acquired");
}

struct JsonCase {
  const char* check;
  JsonStyle style;
};
void PrintTo(const JsonCase& c, std::ostream* os) { *os << c.check; }

class JsonPythonTest : public ::testing::TestWithParam<JsonCase> {};

TEST_P(JsonPythonTest, NetworkxReadsCountsAndValues) {
  std::string dir = testing_util::MakeTempDir(GetParam().check);
  for (bool large : {false, true}) {
    TemporalGraph g =
        large ? testing_util::SyntheticGraph(2000, 10000) : testing_util::SmallGraph();
    ExportOptions options;
    options.json_style = GetParam().style;
    std::string path = dir + (large ? "/large.json" : "/small.json");
    testing_util::WriteFile(path, ExportToString(g, "json", options));
    auto run = testing_util::RunClientCheck(
        GetParam().check, path, testing_util::ExpectedJson(g, options, "json", large ? 97 : 1));
    if (run.exit_code == 77) GTEST_SKIP() << run.output;
    EXPECT_EQ(run.exit_code, 0) << run.output;
    std::printf("%s", run.output.c_str());
  }
}

INSTANTIATE_TEST_SUITE_P(Styles, JsonPythonTest,
                         ::testing::Values(JsonCase{"nodelink-networkx", JsonStyle::kNodeLink},
                                           JsonCase{"cytoscape-networkx", JsonStyle::kCytoscape}),
                         [](const auto& info) {
                           return info.param.style == JsonStyle::kNodeLink ? "NodeLink"
                                                                           : "Cytoscape";
                         });

}  // namespace
}  // namespace kg
