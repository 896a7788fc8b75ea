// Hop-count traversals over a GraphIndex: neighbourhoods (BFS to a depth),
// a shortest path (fewest hops, BFS) and all simple paths up to a length (DFS).
// Which facts may be walked is decided by the caller in an EdgeFilter:
// direction, polarity, relations, a window, or a precomputed mask of facts.
//
// The scratch buffers are reused between calls, so a query allocates only for
// its answer. Ties are broken deterministically: neighbours in entity-id order,
// parallel edges by the lowest fact id.
#ifndef KG_GRAPH_TRAVERSAL_H_
#define KG_GRAPH_TRAVERSAL_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "graph/graph_index.h"

namespace kg {

enum class Direction { kOut, kIn, kBoth };

struct EdgeFilter {
  const std::vector<uint8_t>* usable = nullptr;  // by FactId; nullptr = every fact
  Direction direction = Direction::kBoth;
  bool skip_negated = false;  // read from the Incidence, not a per-fact mask
  // Checked edge by edge rather than folded into `usable`, so that a walk
  // costs what it visits, not a pass over every fact of the graph.
  const GraphIndex* index = nullptr;                // set with either of these
  const std::vector<uint8_t>* relations = nullptr;  // by RelationId; nullptr = any
  std::optional<DayRange> window;                   // dated facts overlapping it only

  bool Allows(const Incidence& inc) const {
    if (skip_negated && inc.negated) return false;
    if (usable && !(*usable)[inc.fact]) return false;
    if (relations && !(*relations)[index->relation(inc.fact)]) return false;
    if (window) {
      std::optional<DayRange> days = index->days(inc.fact);
      if (!days || !days->Overlaps(*window)) return false;
    }
    if (direction == Direction::kOut) return inc.outgoing;
    if (direction == Direction::kIn) return !inc.outgoing;
    return true;
  }
  // When only direction and polarity filter, whether an entity may step to a
  // neighbour depends on the pair alone: the NeighborKind bits that allow it.
  // Zero when a fact's own fields (mask, relation, window) decide.
  uint8_t NeighborKinds() const {
    if (usable || relations || window) return 0;
    uint8_t out = kOutAsserted | (skip_negated ? 0 : kOutNegated);
    uint8_t in = kInAsserted | (skip_negated ? 0 : kInNegated);
    if (direction == Direction::kOut) return out;
    if (direction == Direction::kIn) return in;
    return out | in;
  }
};

// One walked edge: from `from` to `to` over `fact` (which may point either way).
struct Step {
  EntityId from;
  EntityId to;
  FactId fact;
};

struct TraversalScratch {
  std::vector<uint32_t> stamp;  // == current when visited in this call
  std::vector<int32_t> depth;
  std::vector<EntityId> queue;
  // ShortestPath's two sides: the steps that reached each entity, in visit
  // order (from the source by `to`; from the target by `from`, the entity
  // farther from it), and a visit bit per entity for the target's side.
  std::vector<Step> steps;
  std::vector<Step> steps_back;
  std::vector<uint64_t> visited_back;  // all clear between calls
  std::vector<uint32_t> rank;          // Neighborhood: an entity's position in BFS order
  std::vector<uint32_t> group_start;
  std::vector<Step> grouped;
  std::vector<uint64_t> visited;  // a bit per entity, all clear between calls
  uint32_t current = 0;
  // Starts a new call over `n` entities without clearing the arrays.
  void Reset(size_t n);
  bool Seen(EntityId e) const { return stamp[e] == current; }
  void Mark(EntityId e) { stamp[e] = current; }
};

// Entities within `max_depth` hops of `start` (start itself excluded), each
// with its hop distance, in BFS order. With `edges`, also every usable edge
// from an entity at depth d to one at depth d+1, as Steps from the nearer
// entity, grouped by the farther entity in BFS order, then by the nearer
// entity and fact — collected during the walk instead of rescanning each
// reached entity's edges. Without `edges`, and with a filter that looks at
// direction and polarity only (EdgeFilter::NeighborKinds), the walk reads the
// distinct neighbours instead of every parallel edge.
struct Reached {
  EntityId entity;
  int depth;
};
void Neighborhood(const GraphIndex& index, EntityId start, int max_depth, const EdgeFilter& filter,
                  TraversalScratch* scratch, std::vector<Reached>* out,
                  std::vector<Step>* edges = nullptr);

// A fewest-hops path from `a` to `b`; nullopt when none. Empty when a == b.
std::optional<std::vector<Step>> ShortestPath(const GraphIndex& index, EntityId a, EntityId b,
                                              const EdgeFilter& filter, TraversalScratch* scratch);

// Simple paths (no entity twice) from a to b of 1..max_hops hops, shortest
// first, at most `limit` of them; each hop uses the lowest usable fact between
// its two entities. Sets *truncated when more paths exist than `limit`.
std::vector<std::vector<Step>> SimplePaths(const GraphIndex& index, EntityId a, EntityId b,
                                           int max_hops, size_t limit, const EdgeFilter& filter,
                                           TraversalScratch* scratch, bool* truncated);

}  // namespace kg

#endif  // KG_GRAPH_TRAVERSAL_H_
