#include "graph/graph_index.h"

#include <algorithm>

#include "graph/fact_store.h"

namespace kg {

static_assert(kNoDay == INT32_MIN, "GraphIndex::kUndated mirrors the store's kNoDay");

GraphIndex::GraphIndex(const TemporalGraph& graph) : graph_(graph) {
  const size_t n = graph.entity_count();
  const size_t m = graph.fact_count();
  offsets_.assign(n + 1, 0);
  for (FactId f = 0; f < m; ++f) {
    ++offsets_[graph.subject_of(f) + 1];
    ++offsets_[graph.object_of(f) + 1];
  }
  for (size_t e = 0; e < n; ++e) offsets_[e + 1] += offsets_[e];
  incidences_.resize(offsets_[n]);
  std::vector<uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
  first_day_.resize(m);
  last_day_.resize(m);
  report_.resize(m);
  relation_of_.resize(m);
  // Equal relation names share one string-pool index, so the pool index is
  // looked up first: an integer hash instead of a string compare per fact.
  std::unordered_map<uint32_t, RelationId> by_pool_index;
  const FactStore& store = Store(graph);
  for (FactId f = 0; f < m; ++f) {
    // Filling in fact order keeps each entity's list sorted by fact id, so the
    // per-entity sort below only has to group by neighbour.
    EntityId s = store.subjects[f], o = store.objects[f];
    incidences_[fill[s]++] = Incidence{o, f, true};
    incidences_[fill[o]++] = Incidence{s, f, false};
    const StoredFact& fact = store.facts[f];
    int32_t first = fact.time_start != kNoDay ? fact.time_start : fact.time_end;
    int32_t last = fact.time_end != kNoDay ? fact.time_end : fact.time_start;
    if (last < first) std::swap(first, last);  // a reversed span still covers its days
    first_day_[f] = first;                     // kNoDay (== kUndated) when neither bound is known
    last_day_[f] = last;
    report_[f] = fact.doc_date;
    auto [known, is_new] = by_pool_index.emplace(fact.relation, 0);
    if (is_new) {
      std::string_view relation = store.strings.Get(fact.relation);
      auto [it, inserted] = relation_ids_.emplace(relation, relations_.size());
      if (inserted) relations_.emplace_back(relation);
      known->second = it->second;
    }
    relation_of_[f] = known->second;
  }
  for (size_t e = 0; e < n; ++e) {
    std::stable_sort(incidences_.begin() + offsets_[e], incidences_.begin() + offsets_[e + 1],
                     [](const Incidence& a, const Incidence& b) { return a.other < b.other; });
  }
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
