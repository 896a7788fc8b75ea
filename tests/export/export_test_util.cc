#include "tests/export/export_test_util.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace kg::testing_util {
namespace {

Fact MakeFact(std::string subject, std::string subject_type, std::string relation,
              std::string object, std::string object_type) {
  Fact f;
  f.doc = "doc1.txt";
  f.subject = std::move(subject);
  f.subject_type = std::move(subject_type);
  f.relation = std::move(relation);
  f.object = std::move(object);
  f.object_type = std::move(object_type);
  f.rule = f.relation + ".active";
  f.sentence = f.subject + " " + f.relation + " " + f.object + ".";
  return f;
}

FactTime Span(const char* start, const char* end, const char* value) {
  FactTime t;
  t.start = ParseDate(start);
  t.end = ParseDate(end);
  t.value = value;
  t.text = value;
  t.source = "explicit";
  return t;
}

}  // namespace

TemporalGraph SmallGraph() {
  TemporalGraph g;
  Fact acquired = MakeFact("Elon Musk", "person", "acquired", "Twitter", "platform");
  acquired.time = Span("2022-10-27", "2022-10-27", "2022-10-27");
  acquired.sentence = "Musk said \"we're done\" & <closed> the deal.\nNew line.";
  acquired.span_begin = 10;
  acquired.span_end = 80;
  g.AddFact(acquired);

  Fact banned = MakeFact("Twitter", "platform", "banned", "Donald \"The Donald\" Trump", "person");
  banned.time = Span("2021-01-01", "2021-01-31", "2021-01");
  g.AddFact(banned);

  Fact reinstated =
      MakeFact("Twitter", "platform", "reinstated", "Donald \"The Donald\" Trump", "person");
  reinstated.time = Span("2022-11-01", "2022-11-30", "2022-11");
  reinstated.hedged = true;
  g.AddFact(reinstated);

  Fact met = MakeFact("Jos\xC3\xA9 Mu\xC3\xB1oz \\ back\\slash", "", "met", "Elon Musk", "person");
  met.negated = true;
  met.sentence = std::string("Bad byte \xFF and control \x01 here\tand tab.");
  g.AddFact(met);

  Fact sued = MakeFact("Elon Musk", "person", "sued", "Open\nAI", "organization");
  sued.time = Span("2024-02-29", "2024-03-01", "2024-02-29");
  g.AddFact(sued);

  Fact sued_again = sued;
  sued_again.time = Span("2024-06-01", "2024-06-30", "2024-06");
  sued_again.span_begin = 200;
  g.AddFact(sued_again);

  g.AddEntity("Isolated Ltd", "organization");
  g.AddAlias("Elon Musk", "Musk");
  g.AddAlias("Elon Musk", "\xE9lon");
  return g;
}

TemporalGraph SyntheticGraph(int entities, int edges) {
  static const char* kRelations[] = {"met",        "acquired", "sued",    "praised",
                                     "criticized", "visited",  "founded", "owns"};
  static const char* kTypes[] = {"person", "organization", "platform", "place"};
  TemporalGraph g;
  uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>(state >> 33);
  };
  for (int i = 0; i < edges; ++i) {
    // The product of two uniforms favours low ids: a few hubs, a long tail.
    uint64_t a = static_cast<uint64_t>(next()) % entities * (next() % entities) / entities;
    uint64_t b = next() % entities;
    Fact f;
    f.subject = "Entity " + std::to_string(a);
    f.subject_type = kTypes[a % 4];
    f.object = "Entity " + std::to_string(b);
    f.object_type = kTypes[b % 4];
    f.relation = kRelations[next() % 8];
    f.doc = "synthetic" + std::to_string(i % 97) + ".txt";
    f.rule = f.relation + ".active";
    f.sentence = f.subject + " " + f.relation + " " + f.object + ".";
    Date d = Date{2020, 1, 1}.AddDays(next() % 1500);
    f.time = FactTime{d, d.AddDays(next() % 30), d.ToString(), "", "document"};
    g.AddFact(std::move(f));
  }
  return g;
}

std::string ExportToString(const TemporalGraph& graph, const std::string& format,
                           const ExportOptions& options) {
  std::ostringstream out;
  Status s = ExportGraph(graph, format, options, out);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out.str();
}

CommandResult Run(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) result.output.append(buf, n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

bool HaveProgram(const std::string& program) {
  return Run("command -v " + program + " >/dev/null").exit_code == 0;
}

std::string MakeTempDir(const std::string& name) {
  std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / ("kg_export_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  ASSERT_TRUE(out.good()) << path;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

size_t CountOf(const std::string& text, const std::string& needle) {
  size_t count = 0;
  for (size_t pos = text.find(needle); pos != std::string::npos;
       pos = text.find(needle, pos + needle.size())) {
    ++count;
  }
  return count;
}

}  // namespace kg::testing_util
