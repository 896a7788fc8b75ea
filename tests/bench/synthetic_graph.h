// Synthetic temporal graphs for the graph benchmarks: power-law degrees drawn
// the way tests/bench/gen_graph.py draws them (Chung-Lu weights
// (i+1)^(-1/(gamma-1)), both ends of every edge picked by weight, self-loops
// redrawn, parallel edges kept), from a seeded mt19937_64 so every run and
// every machine gets the same facts. Entities are named "n<id>".
#ifndef KG_TESTS_BENCH_SYNTHETIC_GRAPH_H_
#define KG_TESTS_BENCH_SYNTHETIC_GRAPH_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/model/fact.h"

namespace kg::bench {

struct SyntheticGraphOptions {
  size_t edges = 1000000;
  size_t vertices = 0;  // 0: edges / 5, a mean degree of 10
  double gamma = 2.3;
  uint64_t seed = 1;
};

// The facts of one synthetic graph, in edge order; each has a subject, object,
// relation, a time span between 2000 and 2025, and `source: explicit`.
std::vector<Fact> SyntheticFacts(const SyntheticGraphOptions& options);

}  // namespace kg::bench

#endif  // KG_TESTS_BENCH_SYNTHETIC_GRAPH_H_
