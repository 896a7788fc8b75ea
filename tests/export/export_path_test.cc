#include <gtest/gtest.h>

#include <filesystem>

#include "tests/export/export_test_util.h"

namespace kg {
namespace {

// Validates against the GEXF 1.3 schema from the shared data; where that is
// absent (a checkout without ../shared), checks that the XML is well formed.
std::string GexfCheckCommand(const std::string& path) {
  const std::string schema = std::string(KG_SHARED_DIR) + "/data/schemas/gexf-1.3/gexf.xsd";
  if (!std::filesystem::exists(schema)) return "xmllint --noout " + path;
  return "xmllint --noout --schema " + schema + " " + path;
}

namespace fs = std::filesystem;

size_t FilesIn(const std::string& dir) {
  size_t n = 0;
  for (const auto& entry : fs::directory_iterator(dir)) n += entry.is_regular_file();
  return n;
}

TEST(ExportToPathTest, WritesEveryStreamFormat) {
  std::string dir = testing_util::MakeTempDir("path_formats");
  TemporalGraph g = testing_util::SmallGraph();
  for (const std::string& format : StreamExportFormats()) {
    std::string path = dir + "/out." + format;
    ASSERT_TRUE(ExportToPath(g, format, {}, path).ok()) << format;
    EXPECT_EQ(testing_util::ReadFile(path), testing_util::ExportToString(g, format)) << format;
  }
  EXPECT_EQ(FilesIn(dir), StreamExportFormats().size()) << "no temporaries left";
}

TEST(ExportToPathTest, FailureLeavesTheOldFileAndNoTemporary) {
  std::string dir = testing_util::MakeTempDir("path_failure");
  std::string path = dir + "/out.dot";
  testing_util::WriteFile(path, "old");
  ExportOptions bad;
  bad.selection.facts = {12345};
  Status s = ExportToPath(testing_util::SmallGraph(), "dot", bad, path);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "export: no fact with id 12345");
  EXPECT_EQ(testing_util::ReadFile(path), "old");
  EXPECT_EQ(FilesIn(dir), 1u);
}

TEST(ExportToPathTest, UnknownFormatCreatesNothing) {
  std::string dir = testing_util::MakeTempDir("path_unknown");
  Status s = ExportToPath(testing_util::SmallGraph(), "svg", {}, dir + "/out.svg");
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("unknown format 'svg'"), std::string::npos);
  EXPECT_EQ(FilesIn(dir), 0u);
}

TEST(ExportToPathTest, MissingDirectoryIsAnError) {
  std::string dir = testing_util::MakeTempDir("path_missing");
  Status s = ExportToPath(testing_util::SmallGraph(), "graphml", {}, dir + "/no/such/out.graphml");
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("no/such/out.graphml"), std::string::npos) << s.message();
}

TEST(ExportGraphTest, CsvIsNotAStream) {
  std::ostringstream out;
  EXPECT_FALSE(ExportGraph(testing_util::SmallGraph(), "csv", {}, out).ok());
}

TEST(ExportGraphTest, EntitySelectionKeepsFactsAmongThem) {
  TemporalGraph g = testing_util::SmallGraph();
  ExportOptions options;
  options.selection.entities = {0, 4};  // Elon Musk and Open AI: the two suits
  std::string dot = testing_util::ExportToString(g, "dot", options);
  EXPECT_EQ(testing_util::CountOf(dot, " -> "), 2u);
  EXPECT_EQ(testing_util::CountOf(dot, "shape="), 2u);
}

TEST(ExportGraphTest, EmptyGraphIsValidInEveryFormat) {
  TemporalGraph empty;
  std::string dir = testing_util::MakeTempDir("empty");
  for (const std::string& format : StreamExportFormats()) {
    ASSERT_TRUE(ExportToPath(empty, format, {}, dir + "/empty." + format).ok()) << format;
  }
  struct Check {
    const char* program;
    std::string command;
  } checks[] = {
      {"dot", "dot -Tsvg " + dir + "/empty.dot -o /dev/null"},
      {"xmllint", "xmllint --noout " + dir + "/empty.graphml"},
      {"xmllint", GexfCheckCommand(dir + "/empty.gexf")},
      {"rapper", "rapper -q -i ntriples -c " + dir + "/empty.ntriples"},
  };
  for (const Check& c : checks) {
    if (!testing_util::HaveProgram(c.program)) continue;
    auto run = testing_util::Run(c.command);
    EXPECT_EQ(run.exit_code, 0) << c.command << "\n" << run.output;
  }
  EXPECT_EQ(testing_util::ReadFile(dir + "/empty.ntriples"), "");
}

}  // namespace
}  // namespace kg

namespace kg {
namespace {

TEST(ExportGraphTest, SelfLoopsAndEmptyNamesStayValid) {
  TemporalGraph g;
  Fact loop;
  loop.subject = loop.object = "Meta";
  loop.relation = "renamed";
  loop.time = FactTime{ParseDate("2021-10-28"), ParseDate("2021-10-28"), "2021-10-28", "", ""};
  g.AddFact(loop);
  Fact unnamed;
  unnamed.subject = "";
  unnamed.relation = "a relation with spaces";
  unnamed.object = "Meta";
  g.AddFact(unnamed);
  std::string dir = testing_util::MakeTempDir("odd");
  for (const std::string& format : StreamExportFormats()) {
    ASSERT_TRUE(ExportToPath(g, format, {}, dir + "/odd." + format).ok()) << format;
  }
  const std::string checks[][2] = {
      {"dot", "dot -Tsvg " + dir + "/odd.dot -o /dev/null"},
      {"xmllint", "xmllint --noout " + dir + "/odd.graphml"},
      {"xmllint", GexfCheckCommand(dir + "/odd.gexf")},
      {"rapper", "rapper -q -i ntriples -c " + dir + "/odd.ntriples"},
  };
  for (const auto& [program, command] : checks) {
    if (!testing_util::HaveProgram(program)) continue;
    auto run = testing_util::Run(command);
    EXPECT_EQ(run.exit_code, 0) << command << "\n" << run.output;
  }
  std::string nt = testing_util::ReadFile(dir + "/odd.ntriples");
  EXPECT_NE(nt.find("<https://example.org/kg/relation/a%20relation%20with%20spaces>"),
            std::string::npos);
}

}  // namespace
}  // namespace kg
