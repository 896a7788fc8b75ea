#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "tests/export/export_test_util.h"

namespace kg {
namespace {

using testing_util::CountOf;
using testing_util::ExportToString;

// The triples docs/formats.md promises, counted from the graph itself.
size_t ExpectedTriples(const TemporalGraph& g) {
  size_t n = 0;
  std::set<std::string> relations;
  for (EntityId e = 0; e < g.entity_count(); ++e) {
    n += 1 + !g.entity(e).type.empty() + g.entity(e).aliases.size();
  }
  for (FactId id = 0; id < g.fact_count(); ++id) {
    const Fact& f = g.fact(id);
    relations.insert(f.relation);
    n += (!f.negated && !f.hedged) + 4;  // the triple itself; the rdf:Statement
    if (f.time) {
      n += f.time->start.has_value() + f.time->end.has_value() + !f.time->value.empty() +
           !f.time->text.empty() + !f.time->source.empty();
    }
    n += 2 + !f.rule.empty() + !f.doc.empty() + f.doc_date.has_value() + !f.sentence.empty() + 2;
  }
  return n + relations.size();
}

TEST(NTriplesWriterTest, PercentEncodedIrisAndAsciiLiterals) {
  std::string nt = ExportToString(testing_util::SmallGraph(), "ntriples");
  EXPECT_NE(nt.find("<https://example.org/kg/entity/Donald%20%22The%20Donald%22%20Trump> "
                    "<http://www.w3.org/2000/01/rdf-schema#label> "
                    "\"Donald \\\"The Donald\\\" Trump\" .\n"),
            std::string::npos)
      << nt;
  EXPECT_NE(nt.find("<https://example.org/kg/entity/Jos%C3%A9%20Mu%C3%B1oz%20%5C%20back%5Cslash>"),
            std::string::npos);
  EXPECT_NE(nt.find("\"Jos\\u00E9 Mu\\u00F1oz \\\\ back\\\\slash\""), std::string::npos);
  EXPECT_NE(nt.find("\"Bad byte \\uFFFD and control \\u0001 here\\tand tab.\""), std::string::npos);
  for (char c : nt) EXPECT_LT(static_cast<unsigned char>(c), 0x80);
  EXPECT_EQ(CountOf(nt, "\n"), ExpectedTriples(testing_util::SmallGraph()));
}

TEST(NTriplesWriterTest, OnlyPlainFactsAreAsserted) {
  std::string nt = ExportToString(testing_util::SmallGraph(), "ntriples");
  const std::string musk = "<https://example.org/kg/entity/Elon%20Musk>";
  const std::string jose =
      "<https://example.org/kg/entity/Jos%C3%A9%20Mu%C3%B1oz%20%5C%20back%5Cslash>";
  EXPECT_EQ(CountOf(nt, jose + " <https://example.org/kg/relation/met> " + musk + " .\n"), 0u);
  EXPECT_EQ(CountOf(nt, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement>"), 6u);
  EXPECT_NE(nt.find("<https://example.org/kg/vocab/start> "
                    "\"2021-01-01\"^^<http://www.w3.org/2001/XMLSchema#date>"),
            std::string::npos);
}

TEST(NTriplesWriterTest, BaseIriMustBeUsable) {
  ExportOptions options;
  std::ostringstream out;
  options.base_iri = "no scheme/";
  EXPECT_FALSE(ExportGraph(testing_util::SmallGraph(), "ntriples", options, out).ok());
  options.base_iri = "http://a b/";
  EXPECT_FALSE(ExportGraph(testing_util::SmallGraph(), "ntriples", options, out).ok());
  options.base_iri = "urn:kg:";
  EXPECT_TRUE(ExportGraph(testing_util::SmallGraph(), "ntriples", options, out).ok());
  EXPECT_NE(out.str().find("<urn:kg:entity/Twitter>"), std::string::npos);
}

TEST(NTriplesClientTest, RapperParsesEveryTriple) {
  if (!testing_util::HaveProgram("rapper")) GTEST_SKIP() << "rapper (raptor2-utils) not installed";
  std::string dir = testing_util::MakeTempDir("ntriples_rapper");
  for (bool large : {false, true}) {
    TemporalGraph g =
        large ? testing_util::SyntheticGraph(2000, 10000) : testing_util::SmallGraph();
    std::string path = dir + (large ? "/large.nt" : "/small.nt");
    testing_util::WriteFile(path, ExportToString(g, "ntriples"));
    auto run = testing_util::Run("rapper -i ntriples -c " + path);
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_EQ(run.output.find("rapper: Error"), std::string::npos) << run.output;
    std::string want = "returned " + std::to_string(ExpectedTriples(g)) + " triples";
    EXPECT_NE(run.output.find(want), std::string::npos) << run.output << "\nwanted: " << want;
  }
}

TEST(NTriplesClientTest, RapperReadsEscapedLiteralsBack) {
  if (!testing_util::HaveProgram("rapper")) GTEST_SKIP() << "rapper (raptor2-utils) not installed";
  std::string dir = testing_util::MakeTempDir("ntriples_turtle");
  testing_util::WriteFile(dir + "/g.nt", ExportToString(testing_util::SmallGraph(), "ntriples"));
  // Raptor's Turtle writer prints literals as UTF-8: the decoded names.
  auto run = testing_util::Run("rapper -q -i ntriples -o turtle " + dir + "/g.nt");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("Jos\xC3\xA9 Mu\xC3\xB1oz \\\\ back\\\\slash"), std::string::npos)
      << run.output;
}

}  // namespace
}  // namespace kg
