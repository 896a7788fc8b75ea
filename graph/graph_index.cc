#include "graph/graph_index.h"

#include <algorithm>

namespace kg {

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
  days_.resize(m);
  report_.resize(m);
  relation_of_.resize(m);
  ids_sorted_.reserve(m);
  for (FactId f = 0; f < m; ++f) {
    EntityId s = graph.subject_of(f), o = graph.object_of(f);
    incidences_[fill[s]++] = Incidence{o, f, true};
    incidences_[fill[o]++] = Incidence{s, f, false};
    const Fact& fact = graph.fact(f);
    days_[f] = FactDays(fact);
    report_[f] = ReportDay(fact).value_or(kNoDay);
    auto [it, inserted] = relation_ids_.emplace(fact.relation, relations_.size());
    if (inserted) relations_.push_back(fact.relation);
    relation_of_[f] = it->second;
    ids_sorted_.emplace_back(fact.id, f);
  }
  for (size_t e = 0; e < n; ++e) {
    std::sort(incidences_.begin() + offsets_[e], incidences_.begin() + offsets_[e + 1],
              [](const Incidence& a, const Incidence& b) {
                if (a.other != b.other) return a.other < b.other;
                if (a.fact != b.fact) return a.fact < b.fact;
                return a.outgoing > b.outgoing;
              });
  }
  std::sort(ids_sorted_.begin(), ids_sorted_.end());
}

std::optional<RelationId> GraphIndex::FindRelation(std::string_view name) const {
  auto it = relation_ids_.find(std::string(name));
  if (it == relation_ids_.end()) return std::nullopt;
  return it->second;
}

std::vector<FactId> GraphIndex::FindFacts(std::string_view id_or_prefix) const {
  std::vector<FactId> out;
  if (id_or_prefix.empty()) return out;
  auto it = std::lower_bound(
      ids_sorted_.begin(), ids_sorted_.end(), id_or_prefix,
      [](const auto& entry, std::string_view key) { return std::string_view(entry.first) < key; });
  for (; it != ids_sorted_.end() && it->first.starts_with(id_or_prefix); ++it) {
    if (it->first == id_or_prefix) return {it->second};
    out.push_back(it->second);
  }
  return out;
}

}  // namespace kg
