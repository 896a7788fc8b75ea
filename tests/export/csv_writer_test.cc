#include <gtest/gtest.h>

#include <filesystem>

#include "tests/export/export_test_util.h"

namespace kg {
namespace {

namespace fs = std::filesystem;
using testing_util::ReadFile;

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

TEST(CsvWriterTest, WritesNeo4jAndKuzuFilesWithScripts) {
  std::string dir = testing_util::MakeTempDir("csv_files");
  ASSERT_TRUE(ExportCsv(testing_util::SmallGraph(), {}, dir).ok());
  EXPECT_EQ(FirstLine(ReadFile(dir + "/neo4j_entities.csv")),
            "entityId:ID,name,type,aliases:string[],mentions:long,:LABEL");
  EXPECT_EQ(FirstLine(ReadFile(dir + "/neo4j_facts.csv")),
            ":START_ID,:END_ID,:TYPE,factId,start:date,end:date,timeValue,timeText,timeSource,"
            "negated:boolean,hedged:boolean,rule,doc,docDate:date,sentence,spanBegin:long,"
            "spanEnd:long");
  EXPECT_NE(ReadFile(dir + "/import.sh").find("neo4j-admin database import full"),
            std::string::npos);
  EXPECT_NE(fs::status(dir + "/import.sh").permissions() & fs::perms::owner_exec, fs::perms::none);
  EXPECT_NE(ReadFile(dir + "/load.cypher").find("COPY Fact FROM 'kuzu_facts.csv'"),
            std::string::npos);
  EXPECT_EQ(FirstLine(ReadFile(dir + "/kuzu_entities.csv")), "id,name,type,aliases,mentions");
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) files += entry.is_regular_file();
  EXPECT_EQ(files, 6u) << "no temporaries left";
}

TEST(CsvWriterTest, QuotesFieldsAsRfc4180AndLabelsByType) {
  std::string dir = testing_util::MakeTempDir("csv_quoting");
  ASSERT_TRUE(ExportCsv(testing_util::SmallGraph(), {}, dir).ok());
  std::string entities = ReadFile(dir + "/neo4j_entities.csv");
  EXPECT_NE(entities.find("n2,\"Donald \"\"The Donald\"\" Trump\",person,,2,Entity;Person\n"),
            std::string::npos)
      << entities;
  EXPECT_NE(entities.find("n4,\"Open\nAI\",organization,,2,Entity;Organization\n"),
            std::string::npos);
  EXPECT_NE(entities.find("n0,Elon Musk,person,Musk;\xEF\xBF\xBDlon,4,Entity;Person\n"),
            std::string::npos);
  std::string facts = ReadFile(dir + "/neo4j_facts.csv");
  EXPECT_NE(facts.find("n1,n2,banned,,2021-01-01,2021-01-31,2021-01,2021-01,explicit,false,false,"),
            std::string::npos)
      << facts;
}

TEST(CsvWriterTest, OneFlavorOnly) {
  std::string dir = testing_util::MakeTempDir("csv_flavor");
  ExportOptions options;
  options.csv_flavor = CsvFlavor::kKuzu;
  ASSERT_TRUE(ExportCsv(testing_util::SmallGraph(), options, dir).ok());
  EXPECT_TRUE(fs::exists(dir + "/load.cypher"));
  EXPECT_FALSE(fs::exists(dir + "/import.sh"));
}

TEST(CsvWriterTest, FailedExportReplacesNothing) {
  std::string dir = testing_util::MakeTempDir("csv_failed");
  testing_util::WriteFile(dir + "/neo4j_entities.csv", "old\n");
  ExportOptions options;
  options.selection.entities = {1000};
  Status s = ExportCsv(testing_util::SmallGraph(), options, dir);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(ReadFile(dir + "/neo4j_entities.csv"), "old\n");
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) files += entry.is_regular_file();
  EXPECT_EQ(files, 1u);
}

TEST(CsvClientTest, Neo4jHeaderGrammarTypesAndIds) {
  std::string dir = testing_util::MakeTempDir("csv_neo4j");
  for (bool large : {false, true}) {
    TemporalGraph g =
        large ? testing_util::SyntheticGraph(2000, 10000) : testing_util::SmallGraph();
    std::string out = dir + (large ? "/large" : "/small");
    ASSERT_TRUE(ExportCsv(g, {}, out).ok());
    auto run = testing_util::RunClientCheck(
        "csv-neo4j", out, testing_util::ExpectedJson(g, {}, "json", large ? 97 : 1));
    if (run.exit_code == 77) GTEST_SKIP() << run.output;
    EXPECT_EQ(run.exit_code, 0) << run.output;
    std::printf("%s", run.output.c_str());
  }
}

// Installs the kuzu npm package under the build directory on first use.
bool EnsureKuzu(std::string* why) {
  const std::string dir = KG_NPM_DIR;
  if (fs::exists(dir + "/node_modules/kuzu/package.json")) return true;
  if (!testing_util::HaveProgram("node") || !testing_util::HaveProgram("npm")) {
    *why = "node and npm are needed for the Kuzu check";
    return false;
  }
  fs::create_directories(dir);
  auto run = testing_util::Run("cd " + dir + " && npm install --no-audit --no-fund kuzu@0.11.3");
  if (run.exit_code != 0) *why = "npm install kuzu failed: " + run.output;
  return run.exit_code == 0;
}

TEST(CsvClientTest, KuzuLoadsWithLoadCypherAndCountsMatch) {
  std::string why;
  if (!EnsureKuzu(&why)) GTEST_SKIP() << why;
  std::string dir = testing_util::MakeTempDir("csv_kuzu");
  for (bool large : {false, true}) {
    TemporalGraph g =
        large ? testing_util::SyntheticGraph(2000, 10000) : testing_util::SmallGraph();
    std::string out = dir + (large ? "/large" : "/small");
    ASSERT_TRUE(ExportCsv(g, {}, out).ok());
    testing_util::WriteFile(out + ".expected.json",
                            testing_util::ExpectedJson(g, {}, "json", large ? 97 : 1));
    auto run = testing_util::Run("NODE_PATH=" KG_NPM_DIR "/node_modules node " KG_SOURCE_DIR
                                 "/tests/export/check_kuzu.js " +
                                 out + " " + out + ".expected.json");
    if (run.exit_code == 77) GTEST_SKIP() << run.output;
    EXPECT_EQ(run.exit_code, 0) << run.output;
    std::printf("%s", run.output.c_str());
  }
}

}  // namespace
}  // namespace kg
