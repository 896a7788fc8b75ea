// Entity rankings for `top`: degree (facts touching the entity) and PageRank
// over the fact edges, subject -> object.
#ifndef KG_GRAPH_RANKING_H_
#define KG_GRAPH_RANKING_H_

#include <vector>

#include "graph/graph_index.h"

namespace kg {

// PageRank by power iteration with damping `d`, over the facts marked in
// `usable` (nullptr = all); parallel edges count once each. Dangling
// entities spread their rank evenly, so the scores sum to 1. Stops when the
// L1 change falls below `tolerance` or after `max_iterations`.
std::vector<double> PageRank(const GraphIndex& index, const std::vector<uint8_t>* usable,
                             double d = 0.85, double tolerance = 1e-10, int max_iterations = 100);

}  // namespace kg

#endif  // KG_GRAPH_RANKING_H_
