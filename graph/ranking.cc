#include "graph/ranking.h"

#include <algorithm>
#include <cmath>

namespace kg {

std::vector<double> PageRank(const GraphIndex& index, const std::vector<uint8_t>* usable, double d,
                             double tolerance, int max_iterations) {
  const size_t n = index.entity_count();
  if (n == 0) return {};
  const TemporalGraph& g = index.graph();
  std::vector<uint32_t> out_degree(n, 0);
  for (FactId f = 0; f < g.fact_count(); ++f) {
    if (!usable || (*usable)[f]) ++out_degree[g.subject_of(f)];
  }
  std::vector<double> rank(n, 1.0 / n), next(n);
  for (int it = 0; it < max_iterations; ++it) {
    double dangling = 0;
    for (size_t v = 0; v < n; ++v) {
      if (out_degree[v] == 0) dangling += rank[v];
    }
    double base = (1.0 - d) / n + d * dangling / n;
    std::fill(next.begin(), next.end(), base);
    for (FactId f = 0; f < g.fact_count(); ++f) {
      if (usable && !(*usable)[f]) continue;
      EntityId s = g.subject_of(f);
      next[g.object_of(f)] += d * rank[s] / out_degree[s];
    }
    double change = 0;
    for (size_t v = 0; v < n; ++v) change += std::fabs(next[v] - rank[v]);
    rank.swap(next);
    if (change < tolerance) break;
  }
  return rank;
}

}  // namespace kg
