// TemporalGraph: the knowledge graph kg builds — a Boost.Graph multigraph with a
// vertex per canonical entity and an edge per fact, each edge keeping the fact's
// time span, polarity and evidence.
//
//   TemporalGraph g;
//   for (const Fact& f : facts) g.AddFact(f);
//   std::optional<EntityId> musk = g.FindEntity("musk");   // name or alias, any case
//   for (FactId e : g.OutFacts(*musk)) Print(g.fact(e));
//
// Facts are kept compactly (every string once, in a pool; a fixed-size record
// per fact), so fact() rebuilds a Fact on each call; loops over many facts use
// the field accessors (relation(), negated(), start_day(), ...), which do not
// allocate. The edges are also offered as a Boost.Graph compressed sparse row
// graph, built on first use after a change (see boost_view.h).
//
// Entity and fact ids are dense indices (0..count-1) that stay valid while the
// graph lives; adding facts never invalidates them. Not thread-safe for writes;
// concurrent const use is fine.
#ifndef KG_GRAPH_TEMPORAL_GRAPH_H_
#define KG_GRAPH_TEMPORAL_GRAPH_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model/fact.h"

namespace kg {

using EntityId = uint32_t;
using FactId = uint32_t;
struct BoostGraphHolder;  // graph/boost_view.h
struct FactStore;         // graph/fact_store.h
struct StoredFact;
class StringPool;
class StringColumn;

struct Entity {
  std::string name;                  // canonical
  std::string type;                  // "person", "organization", ... ("" when unknown)
  std::vector<std::string> aliases;  // other names it was written as, sorted, unique
};

class TemporalGraph {
 public:
  TemporalGraph();
  ~TemporalGraph();
  TemporalGraph(TemporalGraph&&) noexcept;
  TemporalGraph& operator=(TemporalGraph&&) noexcept;

  // Adds the fact as an edge subject -> object, creating either entity if new.
  // An empty entity type never overwrites a known one. The graph keeps copies
  // of the fact's strings (once each), not the Fact.
  FactId AddFact(const Fact& fact);
  // Records another name for an existing entity (no-op for unknown names).
  void AddAlias(std::string_view canonical, std::string_view alias);
  // Creates the entity if it does not exist yet (for isolated entities).
  EntityId AddEntity(std::string_view name, std::string_view type);
  // Makes room for this many entities and facts in total (a loader that knows
  // the counts avoids regrowing); never shrinks.
  void Reserve(size_t entities, size_t facts);

  size_t entity_count() const;
  size_t fact_count() const;
  const Entity& entity(EntityId id) const;
  Fact fact(FactId id) const;
  // Fields of a fact without rebuilding it; views stay valid while the graph lives.
  std::string_view fact_id(FactId id) const;
  std::string_view relation(FactId id) const;
  std::string_view doc(FactId id) const;
  bool negated(FactId id) const;
  bool hedged(FactId id) const;
  // The fact's time bounds and its document's date as days since 1970-01-01
  // (Date::ToDays); nullopt when absent.
  std::optional<int64_t> start_day(FactId id) const;
  std::optional<int64_t> end_day(FactId id) const;
  std::optional<int64_t> doc_day(FactId id) const;
  EntityId subject_of(FactId id) const;
  EntityId object_of(FactId id) const;

  // Exact canonical name, then aliases, both ASCII-case-insensitively.
  std::optional<EntityId> FindEntity(std::string_view name) const;

  // Facts leaving / entering an entity, in insertion order.
  std::vector<FactId> OutFacts(EntityId id) const;
  std::vector<FactId> InFacts(EntityId id) const;
  size_t OutDegree(EntityId id) const;
  size_t InDegree(EntityId id) const;
  size_t Degree(EntityId id) const { return OutDegree(id) + InDegree(id); }

 private:
  friend const BoostGraphHolder& BoostHolder(const TemporalGraph& graph);
  friend const FactStore& Store(const TemporalGraph& graph);
  friend FactId AddStoredFact(TemporalGraph* graph, const StoredFact& fact, EntityId subject,
                              EntityId object);
  friend EntityId AddStoredEntity(TemporalGraph* graph, uint32_t name, uint32_t type);
  friend void PrefetchStoredEntity(const TemporalGraph& graph, uint32_t name);
  friend void AddStoredAlias(TemporalGraph* graph, EntityId entity, uint32_t alias);
  friend StringPool& MutableStrings(TemporalGraph* graph);
  friend FactStore& MutableStore(TemporalGraph* graph);
  friend void RecountDegrees(TemporalGraph* graph);
  friend StringColumn& MutableIds(TemporalGraph* graph);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg

#endif  // KG_GRAPH_TEMPORAL_GRAPH_H_
