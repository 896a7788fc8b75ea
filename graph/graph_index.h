// GraphIndex: read-only lookup structures a query engine builds once over a
// TemporalGraph — a CSR adjacency (every incident fact of an entity, sorted by
// neighbour then fact id, so parallel edges are contiguous), each fact's day
// span and report day as 32-bit day numbers, interned relations; and, built on
// first use because most sessions never need them, the distinct neighbours of
// each entity (what an unfiltered walk needs) and fact ids in sorted order.
//
// The graph must outlive the index and not change while it is in use.
#ifndef KG_GRAPH_GRAPH_INDEX_H_
#define KG_GRAPH_GRAPH_INDEX_H_

#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/temporal_graph.h"
#include "graph/time_window.h"

namespace kg {

using RelationId = uint32_t;

// One end of a fact seen from an entity: the entity at the other end,
// whether the entity is the fact's subject (the edge leaves it), and the
// fact's polarity (kept here, in what was padding, so that a walk skipping
// negated facts reads nothing beyond the adjacency).
struct Incidence {
  EntityId other;
  FactId fact;
  bool outgoing;
  bool negated;
};

// The distinct neighbours of each entity, in entity-id order, each with the
// kinds of fact that join the two (NeighborKind bits, any of them present):
// a multigraph's parallel edges collapsed, for walks whose filter depends only
// on direction and polarity.
enum NeighborKind : uint8_t {
  kOutAsserted = 1,  // an asserted fact from the entity to the neighbour
  kInAsserted = 2,   // an asserted fact from the neighbour to the entity
  kOutNegated = 4,
  kInNegated = 8,
};
class DistinctNeighbors {
 public:
  std::span<const EntityId> of(EntityId e) const {
    return {ids_.data() + offsets_[e], ids_.data() + offsets_[e + 1]};
  }
  // Parallel to of(e).
  std::span<const uint8_t> kinds(EntityId e) const {
    return {kinds_.data() + offsets_[e], kinds_.data() + offsets_[e + 1]};
  }

 private:
  friend class GraphIndex;
  std::vector<uint32_t> offsets_;  // entity_count + 1
  std::vector<EntityId> ids_;
  std::vector<uint8_t> kinds_;
};

class GraphIndex {
 public:
  explicit GraphIndex(const TemporalGraph& graph);

  const TemporalGraph& graph() const { return graph_; }
  size_t entity_count() const { return graph_.entity_count(); }
  size_t fact_count() const { return graph_.fact_count(); }

  std::span<const Incidence> Incident(EntityId e) const {
    return {incidences_.data() + offsets_[e], incidences_.data() + offsets_[e + 1]};
  }
  std::optional<DayRange> days(FactId f) const {
    if (first_day_[f] == kUndated) return std::nullopt;
    return DayRange{first_day_[f], last_day_[f]};
  }
  std::optional<int64_t> report_day(FactId f) const {
    return report_[f] == kUndated ? std::nullopt : std::optional<int64_t>(report_[f]);
  }
  // Built on the first call (thread-safe); valid as long as the index.
  const DistinctNeighbors& distinct_neighbors() const;
  RelationId relation(FactId f) const { return relation_of_[f]; }
  const std::vector<std::string>& relations() const { return relations_; }
  std::optional<RelationId> FindRelation(std::string_view name) const;

  // Facts whose id is `id_or_prefix` or starts with it (all of them when the
  // prefix is ambiguous; empty when nothing matches).
  std::vector<FactId> FindFacts(std::string_view id_or_prefix) const;

 private:
  static constexpr int32_t kUndated = INT32_MIN;  // the store's kNoDay
  const TemporalGraph& graph_;
  std::vector<uint32_t> offsets_;  // entity_count + 1
  std::vector<Incidence> incidences_;
  std::vector<int32_t> first_day_;  // kUndated when the fact has no dated span
  std::vector<int32_t> last_day_;
  std::vector<int32_t> report_;
  std::vector<RelationId> relation_of_;
  std::vector<std::string> relations_;
  std::unordered_map<std::string, RelationId> relation_ids_;
  mutable std::once_flag distinct_once_;
  mutable DistinctNeighbors distinct_;
  mutable std::once_flag ids_sorted_once_;
  mutable std::vector<FactId> ids_sorted_;  // by fact id
};

}  // namespace kg

#endif  // KG_GRAPH_GRAPH_INDEX_H_
