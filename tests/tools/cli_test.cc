// End-to-end tests: the real kg binary on real input, as a user runs it.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/tools/run_command.h"

namespace kg {
namespace {

using testing::CommandResult;
using testing::MakeTempDir;
using testing::RunCommand;
using testing::ShellQuote;
using testing::WriteFile;

const std::string kKg = KG_BINARY;
const std::string kShared = KG_SHARED_DIR;
const std::string kSource = KG_SOURCE_DIR;

bool HaveSeeds() { return std::filesystem::exists(kShared + "/corpus/seeds"); }

int CountLines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

// One line, naming what is wrong, and no crash.
void ExpectOneLineError(const CommandResult& r, const std::string& needle) {
  EXPECT_NE(r.exit_code, 0);
  EXPECT_LT(r.exit_code, 128) << "killed by a signal";
  EXPECT_EQ(CountLines(r.err), 1) << r.err;
  EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
  EXPECT_EQ(r.err.rfind("kg: ", 0), 0u) << r.err;
}

TEST(CliTest, HelpExplainsEveryCommand) {
  CommandResult r = RunCommand(kKg + " --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* cmd : {"extract", "build", "query", "export", "rules"}) {
    EXPECT_NE(r.out.find(cmd), std::string::npos) << cmd;
    CommandResult sub = RunCommand(kKg + " " + cmd + " --help");
    EXPECT_EQ(sub.exit_code, 0) << cmd;
    EXPECT_NE(sub.out.find("Usage"), std::string::npos) << cmd;
  }
}

TEST(CliTest, ExtractReadsStdinWithDateLine) {
  CommandResult r =
      RunCommand(kKg + " extract -", "date 2022-10-28\nElon Musk acquired Twitter on Thursday.\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_GE(CountLines(r.out), 1) << r.out;
  nlohmann::json fact = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
  EXPECT_EQ(fact["subject"], "Elon Musk");
  EXPECT_EQ(fact["relation"], "acquired");
  EXPECT_EQ(fact["object"], "X");
  EXPECT_EQ(fact["doc"], "-");
}

TEST(CliTest, ExtractIsIdenticalForAnyJobCount) {
  if (!HaveSeeds()) GTEST_SKIP() << "shared corpus not found at " << kShared;
  std::string corpus = ShellQuote(kShared + "/corpus");
  CommandResult one = RunCommand(kKg + " extract --jobs 1 " + corpus);
  CommandResult four = RunCommand(kKg + " extract --jobs 4 " + corpus);
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_GT(CountLines(one.out), 10);
  EXPECT_EQ(one.out, four.out);
}

// kg extract gathers the lines of many documents before writing them; a run
// that stops at a bad line still writes what the documents before it gave,
// the same bytes as the start of a run without the bad line, more than one
// write's worth of them.
TEST(CliTest, ExtractStoppedByABadLineWritesWhatCameBefore) {
  const std::string dir = MakeTempDir("extract_stops");
  std::string good, bad;
  for (int i = 0; i < 2000; ++i) {
    const std::string line = "{\"id\": \"d" + std::to_string(i) +
                             "\", \"date\": \"2022-10-28\", \"text\": \"Elon Musk acquired "
                             "Twitter on Thursday. Tesla sued Apple last week.\"}\n";
    good += line;
    bad += i == 1900 ? "{\"id\": \"broken\n" : line;
  }
  WriteFile(dir + "/good.jsonl", good);
  WriteFile(dir + "/bad.jsonl", bad);
  CommandResult all = RunCommand(kKg + " extract --jobs 1 " + ShellQuote(dir + "/good.jsonl"));
  ASSERT_EQ(all.exit_code, 0) << all.err;
  for (const char* jobs : {"1", "2"}) {
    CommandResult cut =
        RunCommand(kKg + " extract --jobs " + jobs + " " + ShellQuote(dir + "/bad.jsonl"));
    ExpectOneLineError(cut, "bad.jsonl:1901");
    EXPECT_LT(cut.out.size(), all.out.size());
    EXPECT_EQ(all.out.compare(0, cut.out.size(), cut.out), 0) << "--jobs " << jobs;
    ASSERT_EQ(cut.out.back(), '\n');
    // Every document before the bad line is written, whatever the jobs.
    const size_t last = cut.out.rfind('\n', cut.out.size() - 2);
    EXPECT_EQ(nlohmann::json::parse(cut.out.substr(last + 1))["doc"], "d1899") << "--jobs " << jobs;
  }
}

TEST(CliTest, SeedsMeetTheFoundationScores) {
  if (!HaveSeeds()) GTEST_SKIP() << "shared corpus not found at " << kShared;
  CommandResult r = RunCommand(kKg + " extract " + ShellQuote(kShared + "/corpus/seeds") + " | " +
                               ShellQuote(kShared + "/tools/kg-eval") + " " +
                               ShellQuote(kShared + "/gold/seeds.yaml") +
                               " - --min-precision 0.7 --min-recall 0.5 --max-forbidden 0");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST(CliTest, BuildQueryAndExportTheSeedGraph) {
  if (!HaveSeeds()) GTEST_SKIP() << "shared corpus not found at " << kShared;
  std::string dir = MakeTempDir("seed_graph");
  std::string graph = dir + "/seeds.kg";
  CommandResult built =
      RunCommand(kKg + " build " + ShellQuote(kShared + "/corpus/seeds") + " -o " + graph);
  ASSERT_EQ(built.exit_code, 0) << built.err;

  CommandResult stats = RunCommand(kKg + " query " + graph + " --format json -e stats");
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  nlohmann::json answer = nlohmann::json::parse(stats.out);
  EXPECT_GE(answer.dump().find("\"facts\""), 0u);

  CommandResult neighbors =
      RunCommand(kKg + " query " + graph + " --format json -e 'neighbors Musk'");
  ASSERT_EQ(neighbors.exit_code, 0) << neighbors.err;
  EXPECT_NE(neighbors.out.find("Donald Trump"), std::string::npos) << neighbors.out;

  CommandResult path =
      RunCommand(kKg + " query " + graph + " --format json -e 'path Zuckerberg Musk'");
  ASSERT_EQ(path.exit_code, 0) << path.err;
  EXPECT_NE(path.out.find("Donald Trump"), std::string::npos) << path.out;

  std::string dot = dir + "/seeds.dot";
  CommandResult exported = RunCommand(kKg + " export " + graph + " --format dot -o " + dot);
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  if (RunCommand("command -v dot").exit_code != 0) GTEST_SKIP() << "graphviz dot not installed";
  CommandResult rendered = RunCommand("dot -Tsvg " + dot + " -o " + dir + "/seeds.svg");
  EXPECT_EQ(rendered.exit_code, 0) << rendered.err;
  EXPECT_EQ(rendered.err, "");
}

TEST(CliTest, DemoCorpusBuilds) {
  CommandResult r = RunCommand(kKg + " build " + ShellQuote(kSource + "/docs/examples") + " -o " +
                               MakeTempDir("demo") + "/examples.kg");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("facts"), std::string::npos);
}

TEST(CliTest, BuiltInRulesPassTheirOwnExamples) {
  CommandResult check = RunCommand(kKg + " rules check");
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  CommandResult test = RunCommand(kKg + " rules test");
  EXPECT_EQ(test.exit_code, 0) << test.out << test.err;
  EXPECT_NE(test.out.find(" passed, 0 failed"), std::string::npos) << test.out;
}

TEST(CliTest, BuildMergesFactFilesFromOtherTools) {
  std::string dir = MakeTempDir("fact_files");
  WriteFile(dir + "/facts.csv",
            "subject,relation,object,start,end\n"
            "Microsoft,acquired,Activision Blizzard,2023-10-13,2023-10-13\n"
            "\"Musk, Elon\",met,Donald Trump,2024-03,2024-03\n");
  WriteFile(dir + "/facts.jsonl",
            "{\"subject\":\"Elon Musk\",\"relation\":\"acquired\",\"object\":\"X\"}\n");
  CommandResult built =
      RunCommand(kKg + " build " + dir + "/facts.csv " + dir + "/facts.jsonl -o " + dir + "/g.kg");
  ASSERT_EQ(built.exit_code, 0) << built.err;
  CommandResult facts =
      RunCommand(kKg + " query " + dir + "/g.kg --format tsv -e 'facts rel acquired'");
  ASSERT_EQ(facts.exit_code, 0) << facts.err;
  EXPECT_NE(facts.out.find("Activision Blizzard"), std::string::npos) << facts.out;
  EXPECT_NE(facts.out.find("Elon Musk"), std::string::npos) << facts.out;
  CommandResult met = RunCommand(kKg + " query " + dir + "/g.kg --format tsv -e 'facts rel met'");
  EXPECT_NE(met.out.find("Musk, Elon"), std::string::npos) << met.out;
}

TEST(CliTest, AppendAddsToAnExistingGraph) {
  std::string dir = MakeTempDir("append");
  WriteFile(dir + "/a.jsonl", "{\"subject\":\"A\",\"relation\":\"met\",\"object\":\"B\"}\n");
  WriteFile(dir + "/b.jsonl", "{\"subject\":\"B\",\"relation\":\"met\",\"object\":\"C\"}\n");
  ASSERT_EQ(RunCommand(kKg + " build -q " + dir + "/a.jsonl -o " + dir + "/g.kg").exit_code, 0);
  ASSERT_EQ(
      RunCommand(kKg + " build -q --append " + dir + "/b.jsonl -o " + dir + "/g.kg").exit_code, 0);
  CommandResult path = RunCommand(kKg + " query " + dir + "/g.kg --format tsv -e 'path A C'");
  ASSERT_EQ(path.exit_code, 0) << path.err;
  EXPECT_NE(path.out.find("C"), std::string::npos) << path.out;
}

TEST(CliTest, JsonlOnStdinIsReadLineByLine) {
  CommandResult r =
      RunCommand(kKg + " extract --jsonl -",
                 "{\"id\":\"a\",\"text\":\"Elon Musk acquired Twitter.\",\"date\":\"2022-10-28\"}\n"
                 "{\"id\":\"b\",\"text\":\"Microsoft acquired Activision Blizzard.\"}\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(CountLines(r.out), 2) << r.out;
  EXPECT_EQ(nlohmann::json::parse(r.out.substr(0, r.out.find('\n')))["doc"], "a");
  EXPECT_NE(r.out.find("\"doc\":\"b\""), std::string::npos);
}

TEST(CliTest, TimesListsNormalizedExpressions) {
  CommandResult r =
      RunCommand(kKg + " extract --times -",
                 "date 2024-03-13\nThey met last summer and again on Nov. 5, 2024.\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"value\":\"2023-SU\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"value\":\"2024-11-05\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"type\":\"DATE\""), std::string::npos) << r.out;
}

// --- Bad input: one line naming the file, a non-zero exit, never a crash. ---

TEST(CliBadInputTest, MissingFile) {
  ExpectOneLineError(RunCommand(kKg + " extract /nonexistent/article.txt"),
                     "/nonexistent/article.txt");
}

TEST(CliBadInputTest, InvalidUtf8) {
  std::string dir = MakeTempDir("bad_utf8");
  WriteFile(dir + "/bad.txt", "Elon Musk acquired \xff\xfe Twitter.\n");
  ExpectOneLineError(RunCommand(kKg + " extract " + dir + "/bad.txt"), "bad.txt");
}

TEST(CliBadInputTest, BinaryFile) {
  std::string dir = MakeTempDir("binary");
  WriteFile(dir + "/blob.txt", std::string("\x7f"
                                           "ELF\0\0\0\1\2",
                                           9));
  ExpectOneLineError(RunCommand(kKg + " extract " + dir + "/blob.txt"), "blob.txt");
}

TEST(CliBadInputTest, BadFactCsvIsLocated) {
  std::string dir = MakeTempDir("bad_csv");
  WriteFile(dir + "/f.csv", "subject,relation,object\nA,met\n");
  CommandResult r = RunCommand(kKg + " build " + dir + "/f.csv -o " + dir + "/g.kg");
  ExpectOneLineError(r, "f.csv:2");
  EXPECT_FALSE(std::filesystem::exists(dir + "/g.kg"));
}

TEST(CliBadInputTest, BadDateOption) {
  ExpectOneLineError(RunCommand(kKg + " extract --date 2024-13-01 -", "text"), "--date");
}

TEST(CliBadInputTest, RuleFileWithUnknownKeyIsLocated) {
  std::string dir = MakeTempDir("bad_rules");
  WriteFile(dir + "/bad.yaml", "relations:\n  - name: acquired\n    patern: x\n");
  CommandResult r = RunCommand(kKg + " extract --rules " + dir + "/bad.yaml -", "Hello.");
  ExpectOneLineError(r, "bad.yaml:3:");
  EXPECT_NE(r.err.find("patern"), std::string::npos) << r.err;
}

TEST(CliBadInputTest, MalformedYamlIsLocated) {
  std::string dir = MakeTempDir("bad_yaml");
  WriteFile(dir + "/broken.yaml", "relations:\n  - name: [unclosed\n");
  ExpectOneLineError(RunCommand(kKg + " rules check " + dir + "/broken.yaml"), "broken.yaml:");
}

TEST(CliBadInputTest, GraphFileThatIsNotAGraph) {
  std::string dir = MakeTempDir("bad_graph");
  WriteFile(dir + "/g.kg", "this is not a graph");
  ExpectOneLineError(RunCommand(kKg + " query " + dir + "/g.kg -e stats"), "g.kg");
  ExpectOneLineError(RunCommand(kKg + " export " + dir + "/g.kg --format dot"), "g.kg");
}

TEST(CliBadInputTest, BadFactLineInBuild) {
  std::string dir = MakeTempDir("bad_facts");
  WriteFile(dir + "/facts.jsonl",
            "{\"subject\":\"A\",\"relation\":\"met\",\"object\":\"B\"}\n"
            "{\"subject\":\"A\",\"relation\":\"met\"}\n");
  CommandResult r = RunCommand(kKg + " build " + dir + "/facts.jsonl -o " + dir + "/g.kg");
  ExpectOneLineError(r, "facts.jsonl:2");
  EXPECT_FALSE(std::filesystem::exists(dir + "/g.kg")) << "no partial graph on error";
}

TEST(CliBadInputTest, UnknownEntityInQueryIsAnAnswerNotACrash) {
  std::string dir = MakeTempDir("unknown_entity");
  WriteFile(dir + "/facts.jsonl",
            "{\"subject\":\"Elon Musk\",\"relation\":\"acquired\",\"object\":\"X\"}\n");
  ASSERT_EQ(RunCommand(kKg + " build " + dir + "/facts.jsonl -o " + dir + "/g.kg").exit_code, 0);
  CommandResult r = RunCommand(kKg + " query " + dir + "/g.kg -e 'neighbors Muskk'");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_LT(r.exit_code, 128);
  EXPECT_NE((r.out + r.err).find("Elon Musk"), std::string::npos) << "did you mean";
}

}  // namespace
}  // namespace kg
