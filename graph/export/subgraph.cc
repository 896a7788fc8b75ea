#include "graph/export/subgraph.h"

#include <algorithm>
#include <numeric>
#include <set>
#include <unordered_set>

namespace kg {
namespace {

void SortUnique(std::vector<uint32_t>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

// Keeps the `max_nodes` best-connected entities; degree counts facts within
// the selection, so a capped query answer keeps its own hubs.
void ApplyCap(const TemporalGraph& graph, size_t max_nodes, std::vector<EntityId>* entities,
              std::vector<FactId>* facts) {
  if (max_nodes == 0 || entities->size() <= max_nodes) return;
  std::vector<size_t> degree(graph.entity_count(), 0);
  for (FactId f : *facts) {
    ++degree[graph.subject_of(f)];
    ++degree[graph.object_of(f)];
  }
  std::stable_sort(entities->begin(), entities->end(),
                   [&](EntityId a, EntityId b) { return degree[a] > degree[b]; });
  entities->resize(max_nodes);
  std::sort(entities->begin(), entities->end());
  std::vector<bool> keep(graph.entity_count(), false);
  for (EntityId e : *entities) keep[e] = true;
  std::erase_if(*facts,
                [&](FactId f) { return !keep[graph.subject_of(f)] || !keep[graph.object_of(f)]; });
}

}  // namespace

Result<Subgraph> ResolveSubgraph(const TemporalGraph& graph, const ExportOptions& options) {
  const GraphSelection& sel = options.selection;
  for (EntityId e : sel.entities) {
    if (e >= graph.entity_count()) {
      return Status::Error("export: no entity with id " + std::to_string(e));
    }
  }
  for (FactId f : sel.facts) {
    if (f >= graph.fact_count())
      return Status::Error("export: no fact with id " + std::to_string(f));
  }
  std::vector<EntityId> entities;
  std::vector<FactId> facts;
  if (sel.entities.empty() && sel.facts.empty()) {
    entities.resize(graph.entity_count());
    std::iota(entities.begin(), entities.end(), EntityId{0});
    facts.resize(graph.fact_count());
    std::iota(facts.begin(), facts.end(), FactId{0});
  } else {
    entities = sel.entities;
    facts = sel.facts;
    if (sel.facts.empty()) {
      std::unordered_set<EntityId> in(entities.begin(), entities.end());
      for (EntityId e : in) {
        for (FactId f : graph.OutFacts(e)) {
          if (in.count(graph.object_of(f))) facts.push_back(f);
        }
      }
    }
    for (FactId f : facts) {
      entities.push_back(graph.subject_of(f));
      entities.push_back(graph.object_of(f));
    }
    SortUnique(&entities);
    SortUnique(&facts);
  }
  ApplyCap(graph, options.max_nodes, &entities, &facts);

  Subgraph sub;
  sub.entities = std::move(entities);
  sub.facts = std::move(facts);
  std::set<std::string> relations;
  for (FactId f : sub.facts) relations.emplace(graph.relation(f));
  sub.relations.assign(relations.begin(), relations.end());
  return sub;
}

std::string NodeId(EntityId id) { return "n" + std::to_string(id); }
std::string EdgeId(FactId id) { return "e" + std::to_string(id); }

std::string StartDate(const Fact& fact) {
  return fact.time && fact.time->start ? fact.time->start->ToString() : "";
}
std::string EndDate(const Fact& fact) {
  return fact.time && fact.time->end ? fact.time->end->ToString() : "";
}

std::vector<FactAttribute> FactAttributes(const Fact& f, const char* yes, const char* no) {
  std::vector<FactAttribute> out = {
      {"relation", f.relation}, {"fact_id", f.id}, {"start", StartDate(f)}, {"end", EndDate(f)}};
  if (f.time) {
    out.push_back({"time_value", f.time->value});
    out.push_back({"time_text", f.time->text});
    out.push_back({"time_source", f.time->source});
  }
  out.insert(out.end(), {{"negated", f.negated ? yes : no},
                         {"hedged", f.hedged ? yes : no},
                         {"rule", f.rule},
                         {"doc", f.doc},
                         {"doc_date", f.doc_date ? f.doc_date->ToString() : ""},
                         {"sentence", f.sentence},
                         {"span_begin", std::to_string(f.span_begin)},
                         {"span_end", std::to_string(f.span_end)}});
  return out;
}

std::string JoinAliases(const Entity& entity) {
  std::string out;
  for (const std::string& a : entity.aliases) {
    if (!out.empty()) out += "; ";
    out += a;
  }
  return out;
}

}  // namespace kg
