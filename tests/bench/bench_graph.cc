// Google Benchmark: the graph side of kg on synthetic power-law graphs —
// building a TemporalGraph from facts, encoding/decoding and saving/loading the
// graph file, and the two traversals queries are made of (2-hop neighborhood,
// shortest path; edge direction ignored, as `neighbors` and `path` do).
//
//   kg_bench_graph --benchmark_filter=TwoHop   # sizes: 10k, 100k, 1M edges
//
// Each traversal is measured three ways: a plain BFS on the Boost.Graph view
// (graph/boost_view.h, the baseline), the query engine's own traversal over its
// CSR GraphIndex (graph/traversal.h; for 2-hop, over the distinct neighbours
// and edge by edge), and a whole `neighbors`/`path` query through
// QueryEngine::Run, answer rows included (what `kg query` times).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <string>

#include "graph/boost_view.h"
#include "graph/graph_file.h"
#include "graph/graph_index.h"
#include "graph/model/fact_json.h"
#include "graph/query_engine.h"
#include "graph/temporal_graph.h"
#include "graph/traversal.h"
#include "tests/bench/synthetic_graph.h"

namespace kg::bench {
namespace {

const std::vector<Fact>& Facts(size_t edges) {
  static std::map<size_t, std::vector<Fact>> cache;
  auto it = cache.find(edges);
  if (it == cache.end()) it = cache.emplace(edges, SyntheticFacts({.edges = edges})).first;
  return it->second;
}

const TemporalGraph& Graph(size_t edges) {
  static std::map<size_t, std::unique_ptr<TemporalGraph>> cache;
  auto& slot = cache[edges];
  if (!slot) {
    slot = std::make_unique<TemporalGraph>();
    for (const Fact& f : Facts(edges)) slot->AddFact(f);
  }
  return *slot;
}

const std::string& Encoded(size_t edges) {
  static std::map<size_t, std::string> cache;
  auto it = cache.find(edges);
  if (it == cache.end()) it = cache.emplace(edges, EncodeGraph(Graph(edges))).first;
  return it->second;
}

// Query sources (and targets): entities drawn uniformly, so most are in the
// power law's tail and a few are hubs, as users' questions would be.
std::vector<EntityId> Seeds(const TemporalGraph& g, size_t count) {
  std::mt19937_64 rng(42);
  std::vector<EntityId> seeds;
  for (size_t i = 0; i < count; ++i)
    seeds.push_back(static_cast<EntityId>(rng() % g.entity_count()));
  return seeds;
}

// BFS state reused across queries, reset through the list of touched vertices.
struct Bfs {
  std::vector<int32_t> dist;
  std::vector<EntityId> touched;
  explicit Bfs(size_t n) : dist(n, -1) {}
  void Reset() {
    for (EntityId v : touched) dist[v] = -1;
    touched.clear();
  }
  void Visit(EntityId v, int32_t d) {
    dist[v] = d;
    touched.push_back(v);
  }
};

template <typename Fn>
void ForUndirected(const BoostGraph& g, EntityId v, Fn&& fn) {
  for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) fn(boost::target(*e, g));
  for (auto [e, end] = boost::in_edges(v, g); e != end; ++e) fn(boost::source(*e, g));
}

// Entities within `depth` hops of `source` (the source excluded).
size_t Neighborhood(const BoostGraph& g, EntityId source, int depth, Bfs* bfs) {
  bfs->Reset();
  bfs->Visit(source, 0);
  for (size_t head = 0; head < bfs->touched.size(); ++head) {
    const EntityId v = bfs->touched[head];
    const int32_t d = bfs->dist[v];
    if (d == depth) break;  // BFS order: everything after is at `depth` too
    ForUndirected(g, v, [&](EntityId w) {
      if (bfs->dist[w] < 0) bfs->Visit(w, d + 1);
    });
  }
  return bfs->touched.size() - 1;
}

// Hops on a shortest path, or -1.
int ShortestPath(const BoostGraph& g, EntityId a, EntityId b, Bfs* bfs) {
  bfs->Reset();
  bfs->Visit(a, 0);
  for (size_t head = 0; head < bfs->touched.size(); ++head) {
    const EntityId v = bfs->touched[head];
    if (v == b) return bfs->dist[v];
    ForUndirected(g, v, [&](EntityId w) {
      if (bfs->dist[w] < 0) bfs->Visit(w, bfs->dist[v] + 1);
    });
  }
  return -1;
}

void BM_BuildGraph(benchmark::State& state) {
  const std::vector<Fact>& facts = Facts(state.range(0));
  for (auto _ : state) {
    TemporalGraph g;
    for (const Fact& f : facts) g.AddFact(f);
    benchmark::DoNotOptimize(g.entity_count());
    state.PauseTiming();
    { TemporalGraph discard = std::move(g); }  // destruction is not building
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * facts.size());
}

// What `kg build` does per line of a facts file before AddFact.
void BM_ReadFactLines(benchmark::State& state) {
  std::vector<std::string> lines;
  for (const Fact& f : Facts(state.range(0))) lines.push_back(FactToJson(f));
  size_t bytes = 0;
  for (const std::string& line : lines) bytes += line.size() + 1;
  for (auto _ : state) {
    for (const std::string& line : lines) {
      Result<Fact> f = FactFromJson(line, "bench.jsonl", 1);
      benchmark::DoNotOptimize(f);
    }
  }
  state.SetBytesProcessed(state.iterations() * bytes);
  state.SetItemsProcessed(state.iterations() * lines.size());
}

void BM_EncodeGraph(benchmark::State& state) {
  const TemporalGraph& g = Graph(state.range(0));
  size_t bytes = 0;
  for (auto _ : state) {
    std::string encoded = EncodeGraph(g);
    bytes = encoded.size();
    benchmark::DoNotOptimize(encoded.data());
  }
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["file_MB"] = bytes / 1e6;
}

void BM_DecodeGraph(benchmark::State& state) {
  const std::string& bytes = Encoded(state.range(0));
  for (auto _ : state) {
    Result<TemporalGraph> g = DecodeGraph(bytes, "bench");
    if (!g.ok()) state.SkipWithError(g.status().ToString().c_str());
    benchmark::DoNotOptimize(g);
  }
  state.SetBytesProcessed(state.iterations() * bytes.size());
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

std::string TempPath() {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir ? dir : "/tmp") + "/kg_bench_graph." + std::to_string(getpid()) + ".kg";
}

void BM_SaveGraph(benchmark::State& state) {
  const TemporalGraph& g = Graph(state.range(0));
  const std::string path = TempPath();
  for (auto _ : state) {
    Status s = SaveGraph(g, path);  // includes the fsync SaveGraph promises
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
  }
  std::remove(path.c_str());
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// Loads the graph from a file of the given version (kGraphFileVersion: what
// SaveGraph writes; 1: the varint format kept for old files).
void LoadGraphOfVersion(benchmark::State& state, uint32_t version) {
  const std::string path = TempPath();
  if (version == kGraphFileVersion) {
    if (Status s = SaveGraph(Graph(state.range(0)), path); !s.ok()) {
      state.SkipWithError(s.ToString().c_str());
      return;
    }
  } else {
    std::ofstream(path, std::ios::binary) << EncodeGraphVersion1(Graph(state.range(0)));
  }
  for (auto _ : state) {
    Result<TemporalGraph> g = LoadGraph(path);  // warm page cache: parsing, not disk
    if (!g.ok()) state.SkipWithError(g.status().ToString().c_str());
    benchmark::DoNotOptimize(g);
  }
  std::remove(path.c_str());
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_LoadGraph(benchmark::State& state) { LoadGraphOfVersion(state, kGraphFileVersion); }
void BM_LoadGraphVersion1(benchmark::State& state) { LoadGraphOfVersion(state, 1); }

void BM_TwoHopBfs(benchmark::State& state) {
  const TemporalGraph& g = Graph(state.range(0));
  const BoostGraph& view = BoostView(g);
  const std::vector<EntityId> seeds = Seeds(g, 256);
  Bfs bfs(g.entity_count());
  size_t i = 0, reached = 0;
  for (auto _ : state) {
    reached += Neighborhood(view, seeds[i++ % seeds.size()], 2, &bfs);
  }
  state.counters["reached_per_query"] = static_cast<double>(reached) / state.iterations();
  state.SetItemsProcessed(state.iterations());
}

void BM_ShortestPathBfs(benchmark::State& state) {
  const TemporalGraph& g = Graph(state.range(0));
  const BoostGraph& view = BoostView(g);
  const std::vector<EntityId> seeds = Seeds(g, 256);
  Bfs bfs(g.entity_count());
  size_t i = 0;
  int64_t hops = 0;
  for (auto _ : state) {
    hops += ShortestPath(view, seeds[i % seeds.size()], seeds[(i + 1) % seeds.size()], &bfs);
    ++i;
  }
  state.counters["hops_per_query"] = static_cast<double>(hops) / state.iterations();
  state.SetItemsProcessed(state.iterations());
}

void BM_BuildQueryEngine(benchmark::State& state) {
  const TemporalGraph& g = Graph(state.range(0));
  for (auto _ : state) {
    QueryEngine engine(g);  // the index `kg query` builds after loading
    benchmark::DoNotOptimize(&engine);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_TwoHopIndex(benchmark::State& state) {
  const TemporalGraph& g = Graph(state.range(0));
  const GraphIndex index(g);
  const std::vector<EntityId> seeds = Seeds(g, 256);
  TraversalScratch scratch;
  std::vector<Reached> reached;
  size_t i = 0, total = 0;
  for (auto _ : state) {
    Neighborhood(index, seeds[i++ % seeds.size()], 2, EdgeFilter{}, &scratch, &reached);
    total += reached.size();
  }
  state.counters["reached_per_query"] = static_cast<double>(total) / state.iterations();
  state.SetItemsProcessed(state.iterations());
}

// The unfiltered walk edge by edge, as before the distinct-neighbour lists:
// a mask that keeps every fact makes Neighborhood check each parallel edge.
void BM_TwoHopIndexEdgeByEdge(benchmark::State& state) {
  const TemporalGraph& g = Graph(state.range(0));
  const GraphIndex index(g);
  const std::vector<EntityId> seeds = Seeds(g, 256);
  const std::vector<uint8_t> every_fact(g.fact_count(), 1);
  EdgeFilter filter;
  filter.usable = &every_fact;
  TraversalScratch scratch;
  std::vector<Reached> reached;
  size_t i = 0, total = 0;
  for (auto _ : state) {
    Neighborhood(index, seeds[i++ % seeds.size()], 2, filter, &scratch, &reached);
    total += reached.size();
  }
  state.counters["reached_per_query"] = static_cast<double>(total) / state.iterations();
  state.SetItemsProcessed(state.iterations());
}

// What the first unfiltered walk of a session pays: the distinct-neighbour
// lists are built on first use, not with the index.
void BM_BuildDistinctNeighbors(benchmark::State& state) {
  const TemporalGraph& g = Graph(state.range(0));
  for (auto _ : state) {
    state.PauseTiming();
    auto index = std::make_unique<GraphIndex>(g);
    state.ResumeTiming();
    benchmark::DoNotOptimize(&index->distinct_neighbors());
    state.PauseTiming();
    index.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// The same walk keeping only facts dated in 2015-2016 (a window check per edge).
void BM_TwoHopIndexWindowed(benchmark::State& state) {
  const TemporalGraph& g = Graph(state.range(0));
  const GraphIndex index(g);
  const std::vector<EntityId> seeds = Seeds(g, 256);
  EdgeFilter filter;
  filter.index = &index;
  filter.window = DayRange{Date{2015, 1, 1}.ToDays(), Date{2016, 12, 31}.ToDays()};
  TraversalScratch scratch;
  std::vector<Reached> reached;
  size_t i = 0, total = 0;
  for (auto _ : state) {
    Neighborhood(index, seeds[i++ % seeds.size()], 2, filter, &scratch, &reached);
    total += reached.size();
  }
  state.counters["reached_per_query"] = static_cast<double>(total) / state.iterations();
  state.SetItemsProcessed(state.iterations());
}

void BM_ShortestPathIndex(benchmark::State& state) {
  const TemporalGraph& g = Graph(state.range(0));
  const GraphIndex index(g);
  const std::vector<EntityId> seeds = Seeds(g, 256);
  TraversalScratch scratch;
  size_t i = 0;
  int64_t hops = 0;
  for (auto _ : state) {
    auto path = ShortestPath(index, seeds[i % seeds.size()], seeds[(i + 1) % seeds.size()],
                             EdgeFilter{}, &scratch);
    hops += path ? static_cast<int64_t>(path->size()) : -1;
    ++i;
  }
  state.counters["hops_per_query"] = static_cast<double>(hops) / state.iterations();
  state.SetItemsProcessed(state.iterations());
}

// Whole queries as text, through the parser and into an Answer.
// With `evaluate_only`, what `kg query --timing` reports as a query's time:
// evaluation, with a large answer's rows left unbuilt (Evaluate).
void RunQueries(benchmark::State& state, const std::vector<std::string>& queries,
                QueryEngine* engine, bool evaluate_only = false) {
  size_t i = 0, rows = 0;
  for (auto _ : state) {
    Answer answer;
    QueryError error;
    const std::string& text = queries[i++ % queries.size()];
    if (!(evaluate_only ? engine->Evaluate(text, &answer, &error)
                        : engine->Run(text, &answer, &error))) {
      state.SkipWithError(error.message.c_str());
      return;
    }
    rows += answer.rows.size();
  }
  state.counters["rows_per_query"] = static_cast<double>(rows) / state.iterations();
  state.SetItemsProcessed(state.iterations());
}

// `neighbors v depth 2` plus `options` for 256 drawn vertices, completed
// (Run) or evaluated only.
void RunNeighbors2(benchmark::State& state, const std::string& options, bool evaluate_only) {
  const TemporalGraph& g = Graph(state.range(0));
  QueryEngine engine(g);
  std::vector<std::string> queries;
  for (EntityId e : Seeds(g, 256)) {
    queries.push_back("neighbors " + g.entity(e).name + " depth 2" + options);
  }
  RunQueries(state, queries, &engine, evaluate_only);
}

constexpr const char* kWindow = " from 2015 to 2016";

void BM_QueryNeighbors2(benchmark::State& state) { RunNeighbors2(state, "", false); }
void BM_EvaluateNeighbors2(benchmark::State& state) { RunNeighbors2(state, "", true); }
void BM_EvaluateNeighbors2Windowed(benchmark::State& state) { RunNeighbors2(state, kWindow, true); }
void BM_QueryNeighbors2Windowed(benchmark::State& state) { RunNeighbors2(state, kWindow, false); }

void BM_QueryPath(benchmark::State& state) {
  const TemporalGraph& g = Graph(state.range(0));
  QueryEngine engine(g);
  const std::vector<EntityId> seeds = Seeds(g, 256);
  std::vector<std::string> queries;
  for (size_t i = 0; i < seeds.size(); ++i) {
    queries.push_back("path " + g.entity(seeds[i]).name + " " +
                      g.entity(seeds[(i + 1) % seeds.size()]).name);
  }
  RunQueries(state, queries, &engine);
}

constexpr int64_t kSizes[] = {10000, 100000, 1000000};

void Sizes(benchmark::internal::Benchmark* b) {
  for (int64_t n : kSizes) b->Arg(n);
}

BENCHMARK(BM_BuildGraph)->Apply(Sizes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EncodeGraph)->Apply(Sizes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecodeGraph)->Apply(Sizes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SaveGraph)->Apply(Sizes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadGraph)->Apply(Sizes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadGraphVersion1)->Apply(Sizes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadFactLines)->Apply(Sizes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TwoHopBfs)->Apply(Sizes)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ShortestPathBfs)->Apply(Sizes)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_BuildQueryEngine)->Apply(Sizes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TwoHopIndex)->Apply(Sizes)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_TwoHopIndexEdgeByEdge)->Apply(Sizes)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_TwoHopIndexWindowed)->Apply(Sizes)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_BuildDistinctNeighbors)->Apply(Sizes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ShortestPathIndex)->Apply(Sizes)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_QueryNeighbors2)->Apply(Sizes)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_QueryNeighbors2Windowed)->Apply(Sizes)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_EvaluateNeighbors2)->Apply(Sizes)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_EvaluateNeighbors2Windowed)->Apply(Sizes)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_QueryPath)->Apply(Sizes)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace kg::bench

BENCHMARK_MAIN();
