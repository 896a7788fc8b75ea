// Internal to graph/: how a TemporalGraph keeps its facts. Each fact is a
// fixed-size StoredFact of string-pool indices and day numbers; Fact records
// are rebuilt only when asked for (TemporalGraph::fact). The graph file
// (graph_file.cc) reads and writes these records directly, which is what
// makes loading a large graph cheap.
#ifndef KG_GRAPH_FACT_STORE_H_
#define KG_GRAPH_FACT_STORE_H_

#include <cstdint>
#include <limits>
#include <type_traits>
#include <utility>
#include <vector>

#include "graph/string_pool.h"
#include "graph/temporal_graph.h"

namespace kg {

// Days since 1970-01-01; kNoDay when the date is absent.
inline constexpr int32_t kNoDay = std::numeric_limits<int32_t>::min();

struct StoredFact {
  enum Flags : uint8_t { kNegated = 1, kHedged = 2, kHasTime = 4, kWideSpan = 8 };
  // Indices into FactStore::strings. (The fact's id is FactStore::ids[FactId].)
  uint32_t doc = 0, subject_type = 0, relation = 0, object_type = 0;
  uint32_t rule = 0, sentence = 0;
  uint32_t time_value = 0, time_text = 0, time_source = 0;  // meaningful with kHasTime; else 0
  uint32_t subject_text = 0, subject_resolution = 0, object_text = 0, object_resolution = 0;
  int32_t time_start = kNoDay, time_end = kNoDay, doc_date = kNoDay;
  // The evidence span, when both ends fit 32 bits (byte offsets into one
  // document always do); otherwise kWideSpan is set, these are zero and
  // FactStore::wide_spans holds it. A million facts save 12 MB this way.
  int32_t span_begin = 0, span_end = 0;
  uint8_t flags = 0;
  uint8_t reserved[3] = {};  // zero: the record has no padding, so its bytes are deterministic
};
// The version-2 graph file stores these records byte for byte.
static_assert(sizeof(StoredFact) == 76 && std::has_unique_object_representations_v<StoredFact>);

struct WideSpan {
  uint32_t fact = 0;
  uint32_t reserved = 0;
  int64_t begin = 0, end = 0;
};
static_assert(sizeof(WideSpan) == 24 && std::has_unique_object_representations_v<WideSpan>);

// An entity's strings as pool indices.
struct EntityRefs {
  uint32_t name = 0;
  uint32_t type = 0;
};

// An alias as added: most entities have none, so aliases are one list for the
// graph rather than a vector per entity (24 bytes each, mostly empty).
struct AliasRef {
  EntityId entity = 0;
  uint32_t alias = 0;  // pool index of the alias
};

struct FactStore {
  StringPool strings;  // every string of every fact and entity, once each
  StringColumn ids;    // fact ids: unique per fact, so not worth an index; ids[f] is fact f's
  std::vector<EntityRefs> entities;
  std::vector<AliasRef> aliases;  // in the order added
  std::vector<StoredFact> facts;
  std::vector<EntityId> subjects;
  std::vector<EntityId> objects;
  std::vector<WideSpan> wide_spans;  // sorted by fact; rare
};

// The pool indices of every entity's aliases: entity 0's, then entity 1's, ...,
// each entity's in the order of its Entity::aliases (a writer's view).
std::vector<uint32_t> AliasIdsByEntity(const TemporalGraph& graph);

// Sets the span of `fact`, which is (or is about to become) fact `id` of `store`.
void SetSpan(FactStore* store, FactId id, int64_t begin, int64_t end, StoredFact* fact);
std::pair<int64_t, int64_t> SpanOf(const FactStore& store, FactId id);

// Dates this far from 1970 are corruption or error, not history; they do not
// fit the 32-bit day numbers the store keeps.
inline constexpr int64_t kMaxAbsStoredDay = 10'000'000;

const FactStore& Store(const TemporalGraph& graph);
// Adds a fact whose strings are already in Store(graph).strings (a loader's
// path). `subject` and `object` must be existing entities.
FactId AddStoredFact(TemporalGraph* graph, const StoredFact& fact, EntityId subject,
                     EntityId object);
// An entity or alias whose strings are already in the pool (a loader's path):
// the same as AddEntity / AddAlias otherwise.
EntityId AddStoredEntity(TemporalGraph* graph, uint32_t name, uint32_t type);
// Warms the cache for a later AddStoredEntity of this name (a valid pool index).
void PrefetchStoredEntity(const TemporalGraph& graph, uint32_t name);
void AddStoredAlias(TemporalGraph* graph, EntityId entity, uint32_t alias);
// The whole store, for a loader that reads the fact arrays in bulk; it must
// then call RecountDegrees. Every index it writes must be valid.
FactStore& MutableStore(TemporalGraph* graph);
void RecountDegrees(TemporalGraph* graph);
// The pools behind the graph's strings, for a loader filling them in bulk.
StringPool& MutableStrings(TemporalGraph* graph);
StringColumn& MutableIds(TemporalGraph* graph);

}  // namespace kg

#endif  // KG_GRAPH_FACT_STORE_H_
