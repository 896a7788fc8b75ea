#include "graph/graph_index.h"

#include <algorithm>

#include "graph/fact_store.h"

namespace kg {

static_assert(kNoDay == INT32_MIN, "GraphIndex::kUndated mirrors the store's kNoDay");

namespace {

// Relation name -> RelationId, looked up by the name's string-pool index
// (equal names share one index): a direct-mapped cache in front of the map,
// since a graph has few relations and every fact asks.
class RelationInterner {
 public:
  RelationInterner(const StringPool& strings, std::vector<std::string>* names,
                   std::unordered_map<std::string, RelationId>* ids)
      : strings_(strings), names_(*names), ids_(*ids) {}

  RelationId Intern(uint32_t pool_index) {
    Slot& slot = cache_[pool_index % kSlots];
    if (slot.pool_index == pool_index) return slot.id;
    auto [known, is_new] = by_pool_index_.emplace(pool_index, 0);
    if (is_new) {
      std::string_view name = strings_.Get(pool_index);
      auto [it, inserted] = ids_.emplace(name, names_.size());
      if (inserted) names_.emplace_back(name);
      known->second = it->second;
    }
    slot = Slot{pool_index, known->second};
    return known->second;
  }

 private:
  static constexpr size_t kSlots = 256;
  struct Slot {
    uint32_t pool_index = UINT32_MAX;
    RelationId id = 0;
  };
  const StringPool& strings_;
  std::vector<std::string>& names_;
  std::unordered_map<std::string, RelationId>& ids_;
  std::unordered_map<uint32_t, RelationId> by_pool_index_;
  Slot cache_[kSlots];
};

}  // namespace

GraphIndex::GraphIndex(const TemporalGraph& graph) : graph_(graph) {
  const size_t n = graph.entity_count();
  const size_t m = graph.fact_count();
  const FactStore& store = Store(graph);
  offsets_.assign(n + 1, 0);
  for (FactId f = 0; f < m; ++f) {
    ++offsets_[store.subjects[f] + 1];
    ++offsets_[store.objects[f] + 1];
  }
  for (size_t e = 0; e < n; ++e) offsets_[e + 1] += offsets_[e];
  // Two counting-sort passes instead of sorting each entity's list: first
  // every incidence goes to the bucket of its far end (`other` holds the near
  // end meanwhile), in fact order; then the buckets are read in entity order
  // and each incidence appended to its near end's list. Each list comes out
  // sorted by neighbour, then fact, the subject's side of a self-loop first.
  // An entity has as many incidences as it is the far end of, so one set of
  // offsets serves both passes.
  std::vector<Incidence> by_far_end(offsets_[n]);
  std::vector<uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
  first_day_.resize(m);
  last_day_.resize(m);
  report_.resize(m);
  relation_of_.resize(m);
  RelationInterner relations(store.strings, &relations_, &relation_ids_);
  for (FactId f = 0; f < m; ++f) {
    const EntityId s = store.subjects[f], o = store.objects[f];
    const StoredFact& fact = store.facts[f];
    const bool negated = fact.flags & StoredFact::kNegated;
    by_far_end[fill[o]++] = Incidence{s, f, true, negated};
    by_far_end[fill[s]++] = Incidence{o, f, false, negated};
    int32_t first = fact.time_start != kNoDay ? fact.time_start : fact.time_end;
    int32_t last = fact.time_end != kNoDay ? fact.time_end : fact.time_start;
    if (last < first) std::swap(first, last);  // a reversed span still covers its days
    first_day_[f] = first;                     // kNoDay (== kUndated) when neither bound is known
    last_day_[f] = last;
    report_[f] = fact.doc_date;
    relation_of_[f] = relations.Intern(fact.relation);
  }
  incidences_.resize(offsets_[n]);
  std::copy(offsets_.begin(), offsets_.end() - 1, fill.begin());
  for (EntityId far = 0; far < n; ++far) {
    for (uint32_t i = offsets_[far]; i < offsets_[far + 1]; ++i) {
      Incidence inc = by_far_end[i];
      const EntityId near = inc.other;
      inc.other = far;
      incidences_[fill[near]++] = inc;
    }
  }
}

const DistinctNeighbors& GraphIndex::distinct_neighbors() const {
  std::call_once(distinct_once_, [this] {
    const size_t n = entity_count();
    DistinctNeighbors& d = distinct_;
    d.offsets_.assign(n + 1, 0);
    for (EntityId e = 0; e < n; ++e) {
      uint32_t count = 0;
      EntityId last = 0;
      for (const Incidence& inc : Incident(e)) {
        count += count == 0 || inc.other != last;
        last = inc.other;
      }
      d.offsets_[e + 1] = d.offsets_[e] + count;
    }
    d.ids_.resize(d.offsets_[n]);
    d.kinds_.assign(d.offsets_[n], 0);
    for (EntityId e = 0; e < n; ++e) {
      size_t at = d.offsets_[e];
      bool first = true;
      for (const Incidence& inc : Incident(e)) {
        if (!first && inc.other != d.ids_[at]) ++at;
        first = false;
        d.ids_[at] = inc.other;
        d.kinds_[at] |=
            static_cast<uint8_t>(inc.outgoing ? (inc.negated ? kOutNegated : kOutAsserted)
                                              : (inc.negated ? kInNegated : kInAsserted));
      }
    }
  });
  return distinct_;
}

std::optional<RelationId> GraphIndex::FindRelation(std::string_view name) const {
  auto it = relation_ids_.find(std::string(name));
  if (it == relation_ids_.end()) return std::nullopt;
  return it->second;
}

std::vector<FactId> GraphIndex::FindFacts(std::string_view id_or_prefix) const {
  std::call_once(ids_sorted_once_, [this] {
    ids_sorted_.resize(graph_.fact_count());
    for (FactId f = 0; f < ids_sorted_.size(); ++f) ids_sorted_[f] = f;
    std::sort(ids_sorted_.begin(), ids_sorted_.end(), [this](FactId a, FactId b) {
      std::string_view x = graph_.fact_id(a), y = graph_.fact_id(b);
      return x != y ? x < y : a < b;
    });
  });
  std::vector<FactId> out;
  if (id_or_prefix.empty()) return out;
  auto it =
      std::lower_bound(ids_sorted_.begin(), ids_sorted_.end(), id_or_prefix,
                       [this](FactId f, std::string_view key) { return graph_.fact_id(f) < key; });
  for (; it != ids_sorted_.end() && graph_.fact_id(*it).starts_with(id_or_prefix); ++it) {
    if (graph_.fact_id(*it) == id_or_prefix) return {*it};
    out.push_back(*it);
  }
  return out;
}

}  // namespace kg
