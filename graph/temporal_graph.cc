#include "graph/temporal_graph.h"

#include <algorithm>
#include <unordered_map>

#include "graph/boost_view.h"

namespace kg {
namespace {

std::string Fold(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

struct TemporalGraph::Impl {
  BoostGraphHolder boost;
  std::vector<Entity> entities;
  std::vector<Fact> facts;
  std::vector<EntityId> subjects;
  std::vector<EntityId> objects;
  std::unordered_map<std::string, EntityId> by_name;    // exact canonical name
  std::unordered_map<std::string, EntityId> by_folded;  // folded name or alias

  EntityId Intern(const std::string& name, const std::string& type) {
    auto it = by_name.find(name);
    if (it != by_name.end()) {
      Entity& e = entities[it->second];
      if (e.type.empty()) e.type = type;
      return it->second;
    }
    EntityId id = static_cast<EntityId>(entities.size());
    entities.push_back(Entity{name, type, {}});
    boost::add_vertex(boost.graph);
    by_name.emplace(name, id);
    // A canonical name wins over an alias that folds the same way.
    by_folded[Fold(name)] = id;
    return id;
  }
};

TemporalGraph::TemporalGraph() : impl_(std::make_unique<Impl>()) {}
TemporalGraph::~TemporalGraph() = default;
TemporalGraph::TemporalGraph(TemporalGraph&&) noexcept = default;
TemporalGraph& TemporalGraph::operator=(TemporalGraph&&) noexcept = default;

FactId TemporalGraph::AddFact(Fact fact) {
  EntityId s = impl_->Intern(fact.subject, fact.subject_type);
  EntityId o = impl_->Intern(fact.object, fact.object_type);
  FactId id = static_cast<FactId>(impl_->facts.size());
  boost::add_edge(s, o, EdgeBundle{id}, impl_->boost.graph);
  impl_->subjects.push_back(s);
  impl_->objects.push_back(o);
  impl_->facts.push_back(std::move(fact));
  return id;
}

EntityId TemporalGraph::AddEntity(std::string_view name, std::string_view type) {
  return impl_->Intern(std::string(name), std::string(type));
}

void TemporalGraph::Reserve(size_t entities, size_t facts) {
  impl_->entities.reserve(entities);
  impl_->by_name.reserve(entities);
  impl_->by_folded.reserve(entities);
  impl_->facts.reserve(facts);
  impl_->subjects.reserve(facts);
  impl_->objects.reserve(facts);
  impl_->boost.graph.m_vertices.reserve(entities);
}

void TemporalGraph::AddAlias(std::string_view canonical, std::string_view alias) {
  auto it = impl_->by_name.find(std::string(canonical));
  if (it == impl_->by_name.end() || alias == canonical || alias.empty()) return;
  std::vector<std::string>& aliases = impl_->entities[it->second].aliases;
  auto pos = std::lower_bound(aliases.begin(), aliases.end(), alias);
  if (pos != aliases.end() && *pos == alias) return;
  aliases.insert(pos, std::string(alias));
  impl_->by_folded.emplace(Fold(alias), it->second);  // first entity to claim an alias keeps it
}

size_t TemporalGraph::entity_count() const { return impl_->entities.size(); }
size_t TemporalGraph::fact_count() const { return impl_->facts.size(); }
const Entity& TemporalGraph::entity(EntityId id) const { return impl_->entities.at(id); }
const Fact& TemporalGraph::fact(FactId id) const { return impl_->facts.at(id); }
EntityId TemporalGraph::subject_of(FactId id) const { return impl_->subjects.at(id); }
EntityId TemporalGraph::object_of(FactId id) const { return impl_->objects.at(id); }

std::optional<EntityId> TemporalGraph::FindEntity(std::string_view name) const {
  if (auto it = impl_->by_name.find(std::string(name)); it != impl_->by_name.end()) {
    return it->second;
  }
  if (auto it = impl_->by_folded.find(Fold(name)); it != impl_->by_folded.end()) {
    return it->second;
  }
  return std::nullopt;
}

std::vector<FactId> TemporalGraph::OutFacts(EntityId id) const {
  std::vector<FactId> out;
  for (auto [it, end] = boost::out_edges(id, impl_->boost.graph); it != end; ++it) {
    out.push_back(impl_->boost.graph[*it].fact);
  }
  return out;
}

std::vector<FactId> TemporalGraph::InFacts(EntityId id) const {
  std::vector<FactId> out;
  for (auto [it, end] = boost::in_edges(id, impl_->boost.graph); it != end; ++it) {
    out.push_back(impl_->boost.graph[*it].fact);
  }
  return out;
}

size_t TemporalGraph::OutDegree(EntityId id) const {
  return boost::out_degree(id, impl_->boost.graph);
}
size_t TemporalGraph::InDegree(EntityId id) const {
  return boost::in_degree(id, impl_->boost.graph);
}

const BoostGraphHolder& BoostHolder(const TemporalGraph& graph) { return graph.impl_->boost; }

}  // namespace kg
