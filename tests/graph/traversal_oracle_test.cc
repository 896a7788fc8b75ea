// Oracle tests: neighbors, path, tpath and paths, run through the whole query
// engine (parser, fact mask, traversal) on random temporal multigraphs and
// checked against straightforward reference implementations written here over
// the plain edge list. Fixed seeds; runs in well under a second per thousand
// queries.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "graph/graph_index.h"
#include "graph/query_engine.h"
#include "graph/traversal.h"

namespace kg {
namespace {

struct Edge {
  int s, o;
  int rel;
  bool negated;
  bool hedged;  // walked like any fact: hedging is shown, not filtered
  bool dated;
  int64_t first, last;  // days
};

struct RandomGraph {
  int n = 0;
  std::vector<Edge> edges;
  TemporalGraph graph;
};

const int64_t kBase = Date{2000, 1, 1}.ToDays();

RandomGraph MakeRandomGraph(std::mt19937& rng) {
  RandomGraph r;
  r.n = 2 + static_cast<int>(rng() % 25);
  int m = static_cast<int>(rng() % (3 * r.n + 1));
  for (int i = 0; i < r.n; ++i)
    r.graph.AddEntity("n" + std::to_string(i), "t" + std::to_string(i % 2));
  for (int i = 0; i < m; ++i) {
    Edge e;
    e.s = static_cast<int>(rng() % r.n);
    e.o = static_cast<int>(rng() % r.n);
    if (rng() % 5 == 0 && i > 0) {  // a parallel edge, or one back the other way
      const bool reverse = rng() % 3 == 0;
      e.s = reverse ? r.edges.back().o : r.edges.back().s;
      e.o = reverse ? r.edges.back().s : r.edges.back().o;
    }
    if (rng() % 12 == 0) e.o = e.s;  // a self-loop
    e.rel = static_cast<int>(rng() % 3);
    e.negated = rng() % 8 == 0;
    e.hedged = rng() % 5 == 0;
    e.dated = rng() % 6 != 0;
    e.first = kBase + static_cast<int64_t>(rng() % 1400);
    e.last = e.first + (rng() % 3 == 0 ? static_cast<int64_t>(rng() % 120) : 0);
    Fact f;
    f.subject = "n" + std::to_string(e.s);
    f.object = "n" + std::to_string(e.o);
    f.relation = "r" + std::to_string(e.rel);
    f.negated = e.negated;
    f.hedged = e.hedged;
    f.doc = "d" + std::to_string(i);
    f.span_begin = i;
    if (e.dated) {
      f.time = FactTime{Date::FromDays(e.first), Date::FromDays(e.last), "", "", "explicit"};
    }
    f.id = MakeFactId(f);
    r.graph.AddFact(std::move(f));
    r.edges.push_back(e);
  }
  return r;
}

struct RandomQuery {
  std::string options;  // the query text after the entities
  int rel = -1;         // -1: any
  int dir = 2;          // 0 out, 1 in, 2 both
  bool negated = false;
  bool windowed = false;
  int64_t from = 0, to = 0;
};

RandomQuery MakeRandomQuery(std::mt19937& rng) {
  RandomQuery q;
  if (rng() % 3 == 0) {
    q.rel = static_cast<int>(rng() % 3);
    q.options += " rel r" + std::to_string(q.rel);
  }
  if (rng() % 2) {  // unstated direction means both
    q.dir = static_cast<int>(rng() % 3);
    q.options += std::string(" dir ") + (q.dir == 0 ? "out" : q.dir == 1 ? "in" : "both");
  }
  if (rng() % 4 == 0) {
    q.negated = true;
    q.options += " negated";
  }
  if (rng() % 3 == 0) {
    q.windowed = true;
    Date a = Date::FromDays(kBase + static_cast<int64_t>(rng() % 1400));
    Date b = Date::FromDays(a.ToDays() + static_cast<int64_t>(rng() % 700));
    q.from = a.ToDays();
    q.to = b.ToDays();
    q.options += " from " + a.ToString() + " to " + b.ToString();
  }
  return q;
}

bool Usable(const Edge& e, const RandomQuery& q) {
  if (q.rel >= 0 && e.rel != q.rel) return false;
  if (e.negated && !q.negated) return false;
  if (q.windowed && (!e.dated || e.last < q.from || e.first > q.to)) return false;
  return true;
}

// Directed arcs (u -> v, edge index) the query may walk.
std::vector<std::tuple<int, int, int>> Arcs(const RandomGraph& g, const RandomQuery& q) {
  std::vector<std::tuple<int, int, int>> arcs;
  for (int i = 0; i < static_cast<int>(g.edges.size()); ++i) {
    const Edge& e = g.edges[i];
    if (!Usable(e, q)) continue;
    if (q.dir != 1) arcs.emplace_back(e.s, e.o, i);
    if (q.dir != 0) arcs.emplace_back(e.o, e.s, i);
  }
  return arcs;
}

// Hop distances by relaxing every arc until nothing changes.
std::vector<int> ReferenceDistances(const RandomGraph& g, const RandomQuery& q, int start) {
  std::vector<int> dist(g.n, -1);
  dist[start] = 0;
  auto arcs = Arcs(g, q);
  for (bool changed = true; changed;) {
    changed = false;
    for (auto [u, v, i] : arcs) {
      if (dist[u] >= 0 && (dist[v] < 0 || dist[u] + 1 < dist[v])) {
        dist[v] = dist[u] + 1;
        changed = true;
      }
    }
  }
  return dist;
}

// Earliest arrival by the same fixed point over time labels.
std::optional<int64_t> ReferenceArrival(const RandomGraph& g, const RandomQuery& q, int a, int b) {
  const int64_t lo = q.windowed ? q.from : kMinDay, hi = q.windowed ? q.to : kMaxDay;
  std::vector<std::optional<int64_t>> arrival(g.n);
  arrival[a] = lo;
  auto arcs = Arcs(g, q);
  for (bool changed = true; changed;) {
    changed = false;
    for (auto [u, v, i] : arcs) {
      const Edge& e = g.edges[i];
      if (!arrival[u] || !e.dated) continue;
      int64_t t = std::max(*arrival[u], e.first);
      if (t > std::min(e.last, hi)) continue;
      if (!arrival[v] || t < *arrival[v]) {
        arrival[v] = t;
        changed = true;
      }
    }
  }
  if (a == b) return lo;
  return arrival[b];
}

class OracleTest : public ::testing::Test {
 protected:
  Answer Run(QueryEngine& engine, const std::string& text) {
    Answer a;
    QueryError e;
    EXPECT_TRUE(engine.Run(text, &a, &e)) << text << ": " << e.message;
    return a;
  }
  static size_t ColumnOf(const Answer& a, const std::string& name) {
    return std::find(a.columns.begin(), a.columns.end(), name) - a.columns.begin();
  }
  static FactId FactOf(const QueryEngine& engine, const Cell& id) {
    return engine.index().FindFacts(id.text()).at(0);
  }
  // Checks that consecutive steps chain from `a` to `b` over usable edges in an
  // allowed direction; returns the entity sequence's length in hops.
  void ExpectWalk(const RandomGraph& g, const RandomQuery& q, const QueryEngine& engine,
                  const Answer& ans, int a, int b, const std::string& text) {
    int at = a;
    size_t fact_col = ColumnOf(ans, "fact");
    for (const auto& row : ans.rows) {
      FactId f = FactOf(engine, row[fact_col]);
      const Edge& e = g.edges[f];
      ASSERT_TRUE(Usable(e, q)) << text;
      bool forward = e.s == at && q.dir != 1;
      bool backward = e.o == at && q.dir != 0;
      ASSERT_TRUE(forward || backward) << text;
      at = forward ? e.o : e.s;
    }
    EXPECT_EQ(at, b) << text;
  }
};

TEST_F(OracleTest, NeighborsMatchReferenceBfs) {
  std::mt19937 rng(1234);
  int queries = 0;
  for (int round = 0; round < 300; ++round) {
    RandomGraph g = MakeRandomGraph(rng);
    QueryEngine engine(g.graph);
    for (int k = 0; k < 8; ++k, ++queries) {
      int start = static_cast<int>(rng() % g.n);
      int depth = 1 + static_cast<int>(rng() % 4);
      RandomQuery q = MakeRandomQuery(rng);
      std::string text =
          "neighbors n" + std::to_string(start) + " depth " + std::to_string(depth) + q.options;
      Answer ans = Run(engine, text);
      std::map<std::string, int> got;
      for (const auto& row : ans.rows)
        got[std::string(row[1].text())] = static_cast<int>(row[0].integer());
      std::vector<int> dist = ReferenceDistances(g, q, start);
      std::map<std::string, int> want;
      for (int v = 0; v < g.n; ++v) {
        if (v != start && dist[v] > 0 && dist[v] <= depth) want["n" + std::to_string(v)] = dist[v];
      }
      ASSERT_EQ(got, want) << text;
      // The title counts what evaluation found (an unfiltered query walks the
      // distinct neighbours there); the rows, what completion walked edge by edge.
      const std::string count =
          std::to_string(want.size()) + (want.size() == 1 ? " entity" : " entities");
      ASSERT_NE(ans.title.find(": " + count + " within"), std::string::npos)
          << text << " / " << ans.title;
    }
  }
  EXPECT_EQ(queries, 2400);
}

// The distinct-neighbour lists against the edge list: every neighbour once, in
// id order, with the kinds of fact (direction, polarity) that join the two.
TEST_F(OracleTest, DistinctNeighborsCollapseParallelEdges) {
  std::mt19937 rng(31);
  size_t collapsed = 0, self_loops = 0;
  for (int round = 0; round < 200; ++round) {
    RandomGraph g = MakeRandomGraph(rng);
    GraphIndex index(g.graph);
    std::vector<std::map<int, uint8_t>> want(g.n);
    for (const Edge& e : g.edges) {
      want[e.s][e.o] |= e.negated ? kOutNegated : kOutAsserted;
      want[e.o][e.s] |= e.negated ? kInNegated : kInAsserted;
      self_loops += e.s == e.o;
    }
    const DistinctNeighbors& distinct = index.distinct_neighbors();
    for (int v = 0; v < g.n; ++v) {
      std::map<int, uint8_t> got;
      std::span<const EntityId> ids = distinct.of(v);
      std::span<const uint8_t> kinds = distinct.kinds(v);
      ASSERT_EQ(ids.size(), kinds.size());
      for (size_t i = 0; i < ids.size(); ++i) {
        if (i > 0) {
          ASSERT_LT(ids[i - 1], ids[i]) << "round " << round << " entity " << v;
        }
        got[static_cast<int>(ids[i])] = kinds[i];
      }
      ASSERT_EQ(got, want[v]) << "round " << round << " entity " << v;
      collapsed += index.Incident(v).size() - ids.size();
    }
  }
  EXPECT_GT(collapsed, 500u);  // the graphs do have parallel edges
  EXPECT_GT(self_loops, 50u);
}

// Neighborhood without edges takes the distinct-neighbour walk when only
// direction and polarity filter; with edges, or a relation or window, it
// walks edge by edge. Both must reach the same entities, at the same depths,
// in the same order, as the reference. One scratch serves every graph, so a
// visit left marked by one call would show in the next.
TEST_F(OracleTest, DistinctWalkMatchesEdgeWalk) {
  std::mt19937 rng(4321);
  TraversalScratch scratch;
  int distinct_walks = 0;
  for (int round = 0; round < 300; ++round) {
    RandomGraph g = MakeRandomGraph(rng);
    GraphIndex index(g.graph);
    std::vector<uint8_t> relations;
    for (int k = 0; k < 8; ++k) {
      const EntityId start = static_cast<EntityId>(rng() % g.n);
      const int depth = static_cast<int>(rng() % 5);  // 0: nothing is reached
      RandomQuery q = MakeRandomQuery(rng);
      EdgeFilter filter;
      filter.index = &index;
      filter.direction = q.dir == 0   ? Direction::kOut
                         : q.dir == 1 ? Direction::kIn
                                      : Direction::kBoth;
      filter.skip_negated = !q.negated;
      if (q.rel >= 0) {
        relations.assign(index.relations().size(), 0);
        if (auto id = index.FindRelation("r" + std::to_string(q.rel))) relations[*id] = 1;
        filter.relations = &relations;
      }
      if (q.windowed) filter.window = DayRange{q.from, q.to};
      distinct_walks += filter.NeighborKinds() != 0;
      std::vector<Reached> walked, by_edges;
      std::vector<Step> steps;
      Neighborhood(index, start, depth, filter, &scratch, &walked);
      Neighborhood(index, start, depth, filter, &scratch, &by_edges, &steps);
      const std::string what = "round " + std::to_string(round) + " start " +
                               std::to_string(start) + " depth " + std::to_string(depth) +
                               q.options;
      ASSERT_EQ(walked.size(), by_edges.size()) << what;
      for (size_t i = 0; i < walked.size(); ++i) {
        ASSERT_EQ(walked[i].entity, by_edges[i].entity) << what;
        ASSERT_EQ(walked[i].depth, by_edges[i].depth) << what;
      }
      std::vector<int> dist = ReferenceDistances(g, q, static_cast<int>(start));
      size_t want = 0;
      for (int v = 0; v < g.n; ++v)
        want += v != static_cast<int>(start) && dist[v] > 0 && dist[v] <= depth;
      ASSERT_EQ(walked.size(), want) << what;
      for (const Reached& r : walked) ASSERT_EQ(dist[r.entity], r.depth) << what;
    }
  }
  EXPECT_GT(distinct_walks, 500);
}

TEST_F(OracleTest, PathIsShortestAndValid) {
  std::mt19937 rng(99);
  for (int round = 0; round < 300; ++round) {
    RandomGraph g = MakeRandomGraph(rng);
    QueryEngine engine(g.graph);
    for (int k = 0; k < 8; ++k) {
      int a = static_cast<int>(rng() % g.n), b = static_cast<int>(rng() % g.n);
      RandomQuery q = MakeRandomQuery(rng);
      std::string text = "path n" + std::to_string(a) + " n" + std::to_string(b) + q.options;
      Answer ans = Run(engine, text);
      int want = ReferenceDistances(g, q, a)[b];
      if (want < 0) {
        ASSERT_TRUE(ans.rows.empty()) << text;
        ASSERT_EQ(ans.title.substr(0, 7), "no path") << text;
        continue;
      }
      ASSERT_EQ(static_cast<int>(ans.rows.size()), want) << text;
      ExpectWalk(g, q, engine, ans, a, b, text);
    }
  }
}

// ShortestPath clears its visit bits on the way out rather than on the way
// in, so a call must see none left by the calls before it on the same scratch.
TEST_F(OracleTest, PathDoesNotDependOnEarlierCalls) {
  std::mt19937 rng(7);
  for (int round = 0; round < 100; ++round) {
    RandomGraph g = MakeRandomGraph(rng);
    QueryEngine shared(g.graph);
    for (int k = 0; k < 12; ++k) {
      int a = static_cast<int>(rng() % g.n), b = static_cast<int>(rng() % g.n);
      RandomQuery q = MakeRandomQuery(rng);
      std::string text = "path n" + std::to_string(a) + " n" + std::to_string(b) + q.options;
      QueryEngine fresh(g.graph);
      Answer want = Run(fresh, text);
      Answer got = Run(shared, text);
      ASSERT_EQ(got.title, want.title) << text;
      ASSERT_EQ(got.rows, want.rows) << text;
    }
  }
}

TEST_F(OracleTest, TemporalPathArrivesEarliest) {
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    RandomGraph g = MakeRandomGraph(rng);
    QueryEngine engine(g.graph);
    for (int k = 0; k < 8; ++k) {
      int a = static_cast<int>(rng() % g.n), b = static_cast<int>(rng() % g.n);
      if (a == b) continue;
      RandomQuery q = MakeRandomQuery(rng);
      std::string text = "tpath n" + std::to_string(a) + " n" + std::to_string(b) + q.options;
      Answer ans = Run(engine, text);
      std::optional<int64_t> want = ReferenceArrival(g, q, a, b);
      if (!want) {
        ASSERT_TRUE(ans.rows.empty()) << text;
        continue;
      }
      ASSERT_FALSE(ans.rows.empty()) << text;
      ExpectWalk(g, q, engine, ans, a, b, text);
      // The steps' days are feasible, non-decreasing, and the last is the earliest arrival.
      int64_t prev = q.windowed ? q.from : kMinDay;
      size_t at_col = ColumnOf(ans, "at"), fact_col = ColumnOf(ans, "fact");
      for (const auto& row : ans.rows) {
        int64_t day = ParseDate(row[at_col].text())->ToDays();
        const Edge& e = g.edges[FactOf(engine, row[fact_col])];
        ASSERT_TRUE(e.dated) << text;
        ASSERT_LE(prev, day) << text;
        ASSERT_LE(e.first, day) << text;
        ASSERT_LE(day, e.last) << text;
        if (q.windowed) {
          ASSERT_LE(day, q.to) << text;
        }
        prev = day;
      }
      ASSERT_EQ(prev, *want) << text;
    }
  }
}

// Simple paths counted by brute force over entity sequences.
size_t ReferencePathCount(const RandomGraph& g, const RandomQuery& q, int a, int b, int max_hops) {
  std::vector<std::set<int>> next(g.n);
  for (auto [u, v, i] : Arcs(g, q)) next[u].insert(v);
  size_t count = 0;
  std::vector<bool> on(g.n, false);
  std::function<void(int, int)> walk = [&](int u, int hops) {
    if (u == b) {
      ++count;
      return;
    }
    if (hops == max_hops) return;
    on[u] = true;
    for (int v : next[u]) {
      if (!on[v]) walk(v, hops + 1);
    }
    on[u] = false;
  };
  walk(a, 0);
  return count;
}

TEST_F(OracleTest, SimplePathsAreAllFound) {
  std::mt19937 rng(2024);
  for (int round = 0; round < 200; ++round) {
    RandomGraph g = MakeRandomGraph(rng);
    QueryEngine engine(g.graph);
    for (int k = 0; k < 5; ++k) {
      int a = static_cast<int>(rng() % g.n), b = static_cast<int>(rng() % g.n);
      if (a == b) continue;
      int max_hops = 1 + static_cast<int>(rng() % 4);
      RandomQuery q = MakeRandomQuery(rng);
      std::string text = "paths n" + std::to_string(a) + " n" + std::to_string(b) + " max " +
                         std::to_string(max_hops) + " limit 100000" + q.options;
      Answer ans = Run(engine, text);
      ASSERT_EQ(ans.rows.size(), ReferencePathCount(g, q, a, b, max_hops)) << text;
      std::set<std::string> distinct;
      for (const auto& row : ans.rows) distinct.insert(row[2].ToJson().dump());
      ASSERT_EQ(distinct.size(), ans.rows.size()) << text;
    }
  }
}

}  // namespace
}  // namespace kg
