#include "tests/export/export_test_util.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "graph/export/escape.h"
#include "graph/export/subgraph.h"

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

namespace kg::testing_util {
namespace {

// The transformation the XML writers apply to text: valid UTF-8, and no
// characters XML 1.0 forbids.
std::string XmlText(const std::string& s) {
  std::string out;
  for (unsigned char c : RepairUtf8(s)) {
    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') out.push_back(static_cast<char>(c));
  }
  return out;
}

nlohmann::json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

std::string DateOf(const std::optional<FactTime>& t, bool start) {
  if (!t) return "";
  const std::optional<Date>& d = start ? t->start : t->end;
  return d ? d->ToString() : "";
}

}  // namespace

std::string ExpectedJson(const TemporalGraph& graph, const ExportOptions& options,
                         const std::string& style, size_t stride) {
  Result<Subgraph> sub = ResolveSubgraph(graph, options);
  EXPECT_TRUE(sub.ok());
  auto text = [&](const std::string& s) { return style == "json" ? RepairUtf8(s) : XmlText(s); };
  nlohmann::json nodes = nlohmann::json::array();
  for (size_t i = 0; i < sub->entities.size(); i += stride) {
    EntityId id = sub->entities[i];
    const Entity& e = graph.entity(id);
    nodes.push_back({{"id", NodeId(id)},
                     {style == "gexf" ? "label" : "name", text(e.name)},
                     {"type", OrNull(e.type)},
                     {"mentions", graph.Degree(id)}});
  }
  nlohmann::json edges = nlohmann::json::array();
  for (size_t i = 0; i < sub->facts.size(); i += stride) {
    FactId id = sub->facts[i];
    const Fact& f = graph.fact(id);
    nlohmann::json edge = {{"id", EdgeId(id)},
                           {"source", NodeId(graph.subject_of(id))},
                           {"target", NodeId(graph.object_of(id))},
                           {"relation", f.relation},
                           {"start", OrNull(DateOf(f.time, true))},
                           {"end", OrNull(DateOf(f.time, false))},
                           {"negated", f.negated},
                           {"hedged", f.hedged},
                           {"sentence", OrNull(text(f.sentence))},
                           {"span_begin", f.span_begin}};
    if (style == "gexf" && f.time && f.time->start) {
      edge["spells"] = nlohmann::json::array(
          {nlohmann::json::array({DateOf(f.time, true), OrNull(DateOf(f.time, false))})});
    }
    edges.push_back(std::move(edge));
  }
  return nlohmann::json{{"nodes", sub->entities.size()},
                        {"edges", sub->facts.size()},
                        {"node_samples", std::move(nodes)},
                        {"edge_samples", std::move(edges)}}
      .dump(1);
}

CommandResult RunClientCheck(const std::string& check, const std::string& file,
                             const std::string& expected_json) {
  std::string expected_path = file + ".expected.json";
  WriteFile(expected_path, expected_json);
  std::vector<std::string> pythons = {"python3", "/usr/bin/python3"};
  if (const char* env = std::getenv("KG_PYTHON3")) pythons.insert(pythons.begin(), env);
  CommandResult last;
  std::string skipped;
  for (const std::string& python : pythons) {
    last = Run(python + " " KG_SOURCE_DIR "/tests/export/check_export.py " + check + " '" + file +
               "' '" + expected_path + "'");
    if (last.exit_code != 77) return last;
    skipped += last.output;
  }
  last.output = skipped;
  return last;
}

}  // namespace kg::testing_util
