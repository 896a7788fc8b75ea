// Query caps (QueryLimits): a count over a cap is a QueryError that names the
// cap and the kg query flag that raises it, points at the number, and is never
// clamped; raising the cap lets the same query run.
#include <gtest/gtest.h>

#include "graph/query_engine.h"
#include "graph/query_parser.h"
#include "tests/graph/test_graph.h"

namespace kg {
namespace {

QueryError OverCap(const std::string& text, const QueryLimits& limits = QueryLimits()) {
  Query q;
  QueryError e;
  EXPECT_FALSE(ParseQuery(text, &q, &e, limits)) << text;
  return e;
}

TEST(QueryLimitsTest, OverTheDefaultCapsNamesCapAndFlag) {
  struct Case {
    const char* query;
    const char* message;
    size_t offset;
  };
  const Case cases[] = {
      {"neighbors Musk depth 11",
       "depth 11 is over the cap of 10 (raise it with kg query --max-depth)", 21},
      {"paths Musk Trump max 9", "max 9 is over the cap of 8 (raise it with kg query --max-hops)",
       21},
      {"facts limit 1000001",
       "limit 1000001 is over the cap of 1000000 (raise it with kg query --max-results)", 12},
      {"top 100001", "count 100001 is over the cap of 100000 (raise it with kg query --max-top)",
       4},
      // Too large for any integer type: still "over the cap", not "not a number".
      {"neighbors Musk depth 99999999999999999999999",
       "depth 99999999999999999999999 is over the cap of 10 (raise it with kg query --max-depth)",
       21},
  };
  for (const Case& c : cases) {
    QueryError e = OverCap(c.query);
    EXPECT_EQ(e.message, c.message) << c.query;
    EXPECT_EQ(e.range.offset, c.offset) << c.query;
  }
}

TEST(QueryLimitsTest, RaisedCapsAcceptTheSameQueries) {
  QueryLimits limits;
  limits.max_depth = 50;
  limits.max_hops = 12;
  limits.max_results = 5000000;
  limits.max_top = 200000;
  for (const char* text : {"neighbors Musk depth 50", "paths Musk Trump max 12",
                           "facts limit 5000000", "top 200000"}) {
    Query q;
    QueryError e;
    EXPECT_TRUE(ParseQuery(text, &q, &e, limits)) << text << ": " << e.message;
  }
  EXPECT_EQ(OverCap("neighbors Musk depth 51", limits).message,
            "depth 51 is over the cap of 50 (raise it with kg query --max-depth)");
}

TEST(QueryLimitsTest, LoweredCapsRefuseWhatTheDefaultsAllow) {
  QueryLimits limits;
  limits.max_depth = 2;
  limits.max_results = 5;
  EXPECT_EQ(OverCap("neighbors Musk depth 3", limits).message,
            "depth 3 is over the cap of 2 (raise it with kg query --max-depth)");
  EXPECT_EQ(OverCap("facts limit 6", limits).message,
            "limit 6 is over the cap of 5 (raise it with kg query --max-results)");
}

TEST(QueryLimitsTest, EngineRunsWithItsLimits) {
  TemporalGraph graph = MakeNewsGraph();
  QueryEngine engine(graph);
  Answer a;
  QueryError e;
  EXPECT_FALSE(engine.Run("neighbors Musk depth 12", &a, &e));
  EXPECT_NE(e.message.find("--max-depth"), std::string::npos) << e.message;
  QueryLimits limits;
  limits.max_depth = 12;
  engine.set_limits(limits);
  EXPECT_TRUE(engine.Run("neighbors Musk depth 12", &a, &e)) << e.message;
  EXPECT_FALSE(a.rows.empty());
}

}  // namespace
}  // namespace kg
