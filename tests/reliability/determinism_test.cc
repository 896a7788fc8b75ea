// Determinism: the same input gives the same bytes whatever --jobs says —
// extracted facts, time expressions, the graph file and every export format.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "tests/reliability/reliability_util.h"

namespace kg {
namespace {

using testing::ReadFile;
using testing::ReadTree;
using testing::ShellQuote;
using testing::WriteFile;

const std::string kShared = KG_SHARED_DIR;

class DeterminismTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Generated documents plus the repository's examples and, when present,
    // the shared corpus: several files, several documents per file.
    WriteFile(dir_ + "/docs.jsonl", testing::GenerateDocumentLines(300, 7));
    inputs_ = ShellQuote(dir_ + "/docs.jsonl") + " " + ShellQuote(KG_SOURCE_DIR "/docs/examples");
    if (std::filesystem::exists(kShared + "/corpus"))
      inputs_ += " " + ShellQuote(kShared + "/corpus");
  }
  std::string Run(const std::string& args) { return testing::RunKgOk(args); }

  testing::ScratchDir scratch_{"determinism"};
  const std::string dir_ = scratch_.path();
  std::string inputs_;
};

TEST_F(DeterminismTest, FactsAreTheSameForAnyJobCount) {
  std::string one = Run("extract --jobs 1 --date 2024-01-01 " + inputs_);
  EXPECT_GT(std::count(one.begin(), one.end(), '\n'), 300) << "too few facts to mean much";
  for (int jobs : {2, 4, 7}) {
    EXPECT_EQ(Run("extract --jobs " + std::to_string(jobs) + " --date 2024-01-01 " + inputs_), one)
        << "--jobs " << jobs;
  }
}

TEST_F(DeterminismTest, TimeExpressionsAreTheSameForAnyJobCount) {
  std::string one = Run("extract --times --jobs 1 " + inputs_);
  EXPECT_FALSE(one.empty());
  EXPECT_EQ(Run("extract --times --jobs 4 " + inputs_), one);
}

TEST_F(DeterminismTest, GraphAndExportsAreTheSameBytesForAnyJobCount) {
  const std::string g1 = dir_ + "/jobs1.kg", g4 = dir_ + "/jobs4.kg";
  Run("build --jobs 1 --date 2024-01-01 " + inputs_ + " -o " + ShellQuote(g1));
  Run("build --jobs 4 --date 2024-01-01 " + inputs_ + " -o " + ShellQuote(g4));
  const std::string bytes = ReadFile(g1);
  ASSERT_FALSE(bytes.empty());
  EXPECT_TRUE(bytes == ReadFile(g4)) << "graph files differ";
  // The same graph built twice with the same job count, too.
  Run("build --jobs 4 --date 2024-01-01 " + inputs_ + " -o " + ShellQuote(g4));
  EXPECT_TRUE(bytes == ReadFile(g4)) << "graph files differ between two --jobs 4 runs";

  for (const char* format : {"dot", "graphml", "gexf", "json", "csv", "ntriples"}) {
    SCOPED_TRACE(format);
    const std::string a = dir_ + "/a." + format, b = dir_ + "/b." + format;
    Run("export " + ShellQuote(g1) + " --format " + format + " -o " + ShellQuote(a));
    Run("export " + ShellQuote(g4) + " --format " + format + " -o " + ShellQuote(b));
    const std::string exported = ReadTree(a);
    EXPECT_FALSE(exported.empty());
    EXPECT_TRUE(exported == ReadTree(b)) << "exports differ";
  }
}

}  // namespace
}  // namespace kg
