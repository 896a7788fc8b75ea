// Time-respecting paths: the earliest-arrival route from one entity to another
// when every edge can only be taken during its own time span.
//
// Semantics. A dated fact with span [s, e] (days, inclusive) can be traversed
// at any single day t with s <= t <= e. A path e1..ek is time-respecting when
// it can be traversed at days t1 <= t2 <= ... <= tk; it arrives at tk. Taking
// each edge as early as possible is optimal (t_i = max(t_{i-1}, s_i)), so
// arrival times only grow along a path and a Dijkstra-style label-setting
// search over (arrival day) finds the earliest arrival exactly [1, 2]. Among
// routes with the same arrival day the one found first (fewer hops first,
// then lower entity ids) is returned; it is not promised to be the shortest.
//
// Undated facts have no span and are never traversed. A window [from, to]
// clamps every t_i into it: t_1 >= from, t_k <= to. Direction, relation and
// polarity filtering come from the EdgeFilter as for hop-count paths.
//
// [1] B. Bui Xuan, A. Ferreira, A. Jarry, "Computing shortest, fastest, and
//     foremost journeys in dynamic networks", IJFCS 14(2), 2003.
// [2] H. Wu et al., "Path problems in temporal graphs", PVLDB 7(9), 2014.
//
// Tested by tests/graph/traversal_oracle_test.cc against a fixed-point reference.
#ifndef KG_GRAPH_TEMPORAL_PATH_H_
#define KG_GRAPH_TEMPORAL_PATH_H_

#include <optional>
#include <vector>

#include "graph/graph_index.h"
#include "graph/traversal.h"

namespace kg {

struct TimedStep {
  Step step;
  int64_t day;  // when the edge is taken (days since 1970-01-01)
};

struct TemporalScratch {
  std::vector<int64_t> arrival;
  std::vector<uint32_t> hops;
  std::vector<TimedStep> parent;
  std::vector<uint32_t> stamp;
  uint32_t current = 0;
  struct Item {
    int64_t day;
    uint32_t hops;
    EntityId entity;
  };
  std::vector<Item> heap;
};

// The earliest-arrival time-respecting path from a to b within `window`
// (pass DayRange{kMinDay, kMaxDay} for none); nullopt when b cannot be reached.
// Empty when a == b.
std::optional<std::vector<TimedStep>> EarliestArrivalPath(const GraphIndex& index, EntityId a,
                                                          EntityId b, const EdgeFilter& filter,
                                                          DayRange window,
                                                          TemporalScratch* scratch);

}  // namespace kg

#endif  // KG_GRAPH_TEMPORAL_PATH_H_
