// End-to-end tests of `kg query` in its non-interactive modes (-e, -f, piped
// stdin): output per format, errors with carets on stderr, exit status.
// The REPL needs a terminal and is exercised by hand (docs/queries.md).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "graph/graph_file.h"
#include "tests/graph/test_graph.h"

namespace kg {
namespace {

struct KgRun {
  int status;
  std::string out;
  std::string err;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class QueryCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/kg_query_cli_" + std::to_string(::getpid());
    ASSERT_EQ(std::system(("mkdir -p '" + dir_ + "'").c_str()), 0);
    graph_ = dir_ + "/news.kg";
    ASSERT_TRUE(SaveGraph(MakeNewsGraph(), graph_).ok());
  }
  void TearDown() override { (void)std::system(("rm -rf '" + dir_ + "'").c_str()); }

  // Runs kg with `args` (already shell-quoted) and `input` on stdin.
  KgRun Kg(const std::string& args, const std::string& input = "") {
    std::ofstream(dir_ + "/in") << input;
    std::string cmd = std::string("'") + KG_BINARY + "' " + args + " < '" + dir_ + "/in' > '" +
                      dir_ + "/out' 2> '" + dir_ + "/err'";
    int raw = std::system(cmd.c_str());
    return KgRun{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, Slurp(dir_ + "/out"),
                 Slurp(dir_ + "/err")};
  }

  std::string dir_, graph_;
};

TEST_F(QueryCliTest, PipedQueriesOneAnswerEachNoPrompt) {
  KgRun r = Kg("query '" + graph_ + "' --format json", "stats\n\n# a comment\npath Trump Musk\n");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  std::istringstream lines(r.out);
  std::string line;
  std::vector<nlohmann::json> docs;
  while (std::getline(lines, line)) docs.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0]["command"], "stats");
  EXPECT_EQ(docs[1]["query"], "path Trump Musk");
  EXPECT_EQ(docs[1]["rows"][0]["relation"], "met");
  EXPECT_EQ(docs[1]["entities"], nlohmann::json({"Donald Trump", "Elon Musk"}));
  EXPECT_EQ(r.out.find("kg>"), std::string::npos);
  EXPECT_EQ(r.out.find('\033'), std::string::npos);  // no colours when piped
}

TEST_F(QueryCliTest, FailedQueryGivesCaretAndNonZeroStatusButOthersRun) {
  KgRun r = Kg("query '" + graph_ + "'", "neighbors Muks\nfacts rel visited\n");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err,
            "kg: stdin:1:11: error: unknown entity 'Muks'; did you mean \"Elon Musk\"?\n"
            "  neighbors Muks\n"
            "            ^~~~\n");
  EXPECT_NE(r.out.find("Joe Biden  visited   Kyiv"), std::string::npos) << r.out;
}

TEST_F(QueryCliTest, ExecuteAndFileRunInOrder) {
  std::ofstream(dir_ + "/queries.txt") << "relations\nentity Twitter\n";
  KgRun r = Kg("query '" + graph_ + "' -e stats -f '" + dir_ + "/queries.txt' --format tsv");
  EXPECT_EQ(r.status, 0) << r.err;
  size_t stats = r.out.find("field\tvalue\nentities\t6\n");
  size_t relations = r.out.find("relation\tfacts\tdated\tnegated\n");
  size_t entity = r.out.find("name\tX\n");
  ASSERT_NE(stats, std::string::npos) << r.out;
  ASSERT_NE(relations, std::string::npos) << r.out;
  ASSERT_NE(entity, std::string::npos) << r.out;
  EXPECT_LT(stats, relations);
  EXPECT_LT(relations, entity);
}

TEST_F(QueryCliTest, ErrorsNameTheirSource) {
  std::ofstream(dir_ + "/queries.txt") << "stats\n\ntop degre\n";
  KgRun r = Kg("query '" + graph_ + "' -f '" + dir_ + "/queries.txt'");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')),
            "kg: " + dir_ +
                "/queries.txt:3:5: error: expected a count, or 'degree' or "
                "'pagerank', from 1 to 100000, got 'degre'");
  KgRun e = Kg("query '" + graph_ + "' -e 'path Trump' --format json");
  EXPECT_EQ(e.status, 1);
  nlohmann::json doc = nlohmann::json::parse(e.out);
  EXPECT_EQ(doc["error"], "expected a second entity");
  EXPECT_EQ(doc["position"], 10);
}

TEST_F(QueryCliTest, BadGraphFileIsOneLineError) {
  std::ofstream(dir_ + "/bad.kg") << "not a graph";
  KgRun r = Kg("query '" + dir_ + "/bad.kg' -e stats");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "kg: " + dir_ + "/bad.kg: not a kg graph file (bad magic number)\n");
}

TEST_F(QueryCliTest, TimingGoesToStderr) {
  KgRun r = Kg("query '" + graph_ + "' -e stats --timing --format json");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err.rfind("Load: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("Time: "), std::string::npos);
  EXPECT_TRUE(nlohmann::json::accept(r.out)) << r.out;
}

TEST_F(QueryCliTest, ExportWritesTheLastAnswersSubgraph) {
  KgRun r = Kg("query '" + graph_ + "' -e 'path Tesla Kyiv' --export '" + dir_ + "/path.dot'");
  EXPECT_EQ(r.status, 0) << r.err;
  std::string dot = Slurp(dir_ + "/path.dot");
  EXPECT_NE(dot.find("Tesla"), std::string::npos);
  EXPECT_NE(dot.find("Kyiv"), std::string::npos);
  EXPECT_EQ(dot.find("Donald Trump"), std::string::npos) << dot;
}

}  // namespace
}  // namespace kg
