#include "graph/temporal_graph.h"

#include <algorithm>
#include <mutex>
#include <tuple>

#include "graph/boost_view.h"
#include "graph/fact_store.h"
#include "graph/string_index.h"

namespace kg {
namespace {

int32_t ToStoredDay(const std::optional<Date>& date) {
  if (!date) return kNoDay;
  int64_t days = std::clamp<int64_t>(date->ToDays(), -kMaxAbsStoredDay, kMaxAbsStoredDay);
  return static_cast<int32_t>(days);
}

std::optional<int64_t> FromStoredDay(int32_t day) {
  if (day == kNoDay) return std::nullopt;
  return day;
}

std::optional<Date> DateOf(int32_t day) {
  if (day == kNoDay) return std::nullopt;
  return Date::FromDays(day);
}

}  // namespace

struct TemporalGraph::Impl {
  FactStore store;
  std::vector<Entity> entities;
  std::vector<uint32_t> out_degree;
  std::vector<uint32_t> in_degree;
  StringIndex by_name{StringIndex::kExact};         // canonical name
  StringIndex by_folded{StringIndex::kIgnoreCase};  // canonical name or alias

  // The Boost view, rebuilt when facts or entities were added since.
  std::mutex boost_mutex;
  std::unique_ptr<BoostGraphHolder> boost;
  size_t boost_facts = 0;
  size_t boost_entities = 0;

  // Interns a fact field's string through a small direct-mapped cache per
  // field: most fields repeat a handful of values (types, relations, rules,
  // sources, documents), and a hit costs one short compare in cache instead
  // of a probe into the pool's index, which was a third of `kg build`.
  enum Field {
    kDoc,
    kSubjectType,
    kRelation,
    kObjectType,
    kTimeValue,
    kTimeText,
    kTimeSource,
    kRule,
    kSentence,
    kMentionText,
    kResolution,
    kFields
  };
  struct Cached {
    const char* data = nullptr;
    uint32_t size = 0;
    uint32_t id = 0;
  };
  static constexpr size_t kCacheSlots = 64;
  std::vector<Cached> cache = std::vector<Cached>(kFields * kCacheSlots);

  uint32_t InternField(Field field, std::string_view s) {
    uint64_t h = s.size();
    for (size_t i = 0; i < s.size() && i < 8; ++i) h = h * 31 + static_cast<unsigned char>(s[i]);
    if (s.size() > 8) h = h * 31 + static_cast<unsigned char>(s.back());
    Cached& slot = cache[field * kCacheSlots + (h ^ (h >> 7)) % kCacheSlots];
    if (slot.data != nullptr && slot.size == s.size() &&
        std::string_view(slot.data, slot.size) == s)
      return slot.id;
    uint32_t id = store.strings.Intern(s);
    std::string_view kept = store.strings.Get(id);
    slot = Cached{kept.data(), static_cast<uint32_t>(kept.size()), id};
    return id;
  }

  EntityId Intern(std::string_view name, std::string_view type) {
    return Find(
        name, type, [&] { return store.strings.Intern(name); },
        [&] { return InternField(kSubjectType, type); });
  }

  // The loader's path: the name is usually new, so it is inserted at once
  // (one probe of the exact index instead of a lookup and an insert).
  EntityId InternStored(uint32_t name_id, uint32_t type_id) {
    std::string_view name = store.strings.Get(name_id), type = store.strings.Get(type_id);
    const EntityId id = static_cast<EntityId>(entities.size());
    if (EntityId known = by_name.Insert(store.strings, name_id, id, /*replace=*/false);
        known != id) {
      return Find(
          name, type, [&] { return name_id; }, [&] { return type_id; });
    }
    Create(name, type, name_id, type_id);
    return id;
  }

  void Create(std::string_view name, std::string_view type, uint32_t name_id, uint32_t type_id) {
    const EntityId id = static_cast<EntityId>(entities.size());
    entities.push_back(Entity{std::string(name), std::string(type), {}});
    store.entities.push_back(EntityRefs{name_id, type_id});
    out_degree.push_back(0);
    in_degree.push_back(0);
    // A canonical name wins over an alias that folds the same way.
    by_folded.Insert(store.strings, name_id, id, /*replace=*/true);
  }

  // Finds or creates the entity; `name_id()`/`type_id()` give its strings'
  // pool indices and are called only when needed, so a lookup never interns.
  template <typename NameId, typename TypeId>
  EntityId Find(std::string_view name, std::string_view type, NameId name_id, TypeId type_id) {
    if (std::optional<EntityId> known = by_name.Find(store.strings, name)) {
      Entity& e = entities[*known];
      if (e.type.empty() && !type.empty()) {
        e.type = type;
        store.entities[*known].type = type_id();
      }
      return *known;
    }
    EntityId id = static_cast<EntityId>(entities.size());
    const uint32_t name_index = name_id();
    by_name.Insert(store.strings, name_index, id, /*replace=*/false);
    Create(name, type, name_index, type_id());
    return id;
  }

  template <typename AliasId>
  void AddAlias(EntityId e, std::string_view alias, AliasId alias_id) {
    if (alias == entities[e].name || alias.empty()) return;
    std::vector<std::string>& aliases = entities[e].aliases;
    auto pos = std::lower_bound(aliases.begin(), aliases.end(), alias);
    if (pos != aliases.end() && *pos == alias) return;
    uint32_t id = alias_id();
    store.aliases.push_back(AliasRef{e, id});
    aliases.insert(pos, std::string(alias));
    // The first entity to claim an alias keeps it.
    by_folded.Insert(store.strings, id, e, /*replace=*/false);
  }

  FactId Add(const StoredFact& fact, EntityId s, EntityId o) {
    FactId id = static_cast<FactId>(store.facts.size());
    store.facts.push_back(fact);
    store.subjects.push_back(s);
    store.objects.push_back(o);
    ++out_degree[s];
    ++in_degree[o];
    return id;
  }
};

TemporalGraph::TemporalGraph() : impl_(std::make_unique<Impl>()) {}
TemporalGraph::~TemporalGraph() = default;
TemporalGraph::TemporalGraph(TemporalGraph&&) noexcept = default;
TemporalGraph& TemporalGraph::operator=(TemporalGraph&&) noexcept = default;

FactId TemporalGraph::AddFact(const Fact& fact) {
  EntityId s = impl_->Intern(fact.subject, fact.subject_type);
  EntityId o = impl_->Intern(fact.object, fact.object_type);
  Impl& impl = *impl_;
  using F = Impl::Field;
  StoredFact stored;
  impl.store.ids.Append(fact.id);
  stored.doc = impl.InternField(F::kDoc, fact.doc);
  stored.subject_type = impl.InternField(F::kSubjectType, fact.subject_type);
  stored.relation = impl.InternField(F::kRelation, fact.relation);
  stored.object_type = impl.InternField(F::kObjectType, fact.object_type);
  if (fact.time) {
    stored.flags |= StoredFact::kHasTime;
    stored.time_start = ToStoredDay(fact.time->start);
    stored.time_end = ToStoredDay(fact.time->end);
    stored.time_value = impl.InternField(F::kTimeValue, fact.time->value);
    stored.time_text = impl.InternField(F::kTimeText, fact.time->text);
    stored.time_source = impl.InternField(F::kTimeSource, fact.time->source);
  }
  if (fact.negated) stored.flags |= StoredFact::kNegated;
  if (fact.hedged) stored.flags |= StoredFact::kHedged;
  stored.rule = impl.InternField(F::kRule, fact.rule);
  stored.sentence = impl.InternField(F::kSentence, fact.sentence);
  SetSpan(&impl_->store, static_cast<FactId>(impl_->store.facts.size()), fact.span_begin,
          fact.span_end, &stored);
  stored.doc_date = ToStoredDay(fact.doc_date);
  stored.subject_text = impl.InternField(F::kMentionText, fact.subject_mention.text);
  stored.subject_resolution = impl.InternField(F::kResolution, fact.subject_mention.resolution);
  stored.object_text = impl.InternField(F::kMentionText, fact.object_mention.text);
  stored.object_resolution = impl.InternField(F::kResolution, fact.object_mention.resolution);
  return impl_->Add(stored, s, o);
}

EntityId TemporalGraph::AddEntity(std::string_view name, std::string_view type) {
  return impl_->Intern(name, type);
}

void TemporalGraph::Reserve(size_t entities, size_t facts) {
  impl_->entities.reserve(entities);
  impl_->store.entities.reserve(entities);
  impl_->out_degree.reserve(entities);
  impl_->in_degree.reserve(entities);
  impl_->by_name.Reserve(entities);
  impl_->by_folded.Reserve(entities);
  impl_->store.facts.reserve(facts);
  impl_->store.subjects.reserve(facts);
  impl_->store.objects.reserve(facts);
}

void TemporalGraph::AddAlias(std::string_view canonical, std::string_view alias) {
  std::optional<EntityId> e = impl_->by_name.Find(impl_->store.strings, canonical);
  if (!e) return;
  impl_->AddAlias(*e, alias, [&] { return impl_->store.strings.Intern(alias); });
}

size_t TemporalGraph::entity_count() const { return impl_->entities.size(); }
size_t TemporalGraph::fact_count() const { return impl_->store.facts.size(); }
const Entity& TemporalGraph::entity(EntityId id) const { return impl_->entities.at(id); }
EntityId TemporalGraph::subject_of(FactId id) const { return impl_->store.subjects.at(id); }
EntityId TemporalGraph::object_of(FactId id) const { return impl_->store.objects.at(id); }

Fact TemporalGraph::fact(FactId id) const {
  const FactStore& store = impl_->store;
  const StoredFact& s = store.facts.at(id);
  auto str = [&](uint32_t i) { return std::string(store.strings.Get(i)); };
  Fact f;
  f.id = std::string(store.ids.Get(id));
  f.doc = str(s.doc);
  f.subject = entity(store.subjects[id]).name;
  f.subject_type = str(s.subject_type);
  f.relation = str(s.relation);
  f.object = entity(store.objects[id]).name;
  f.object_type = str(s.object_type);
  if (s.flags & StoredFact::kHasTime) {
    f.time = FactTime{DateOf(s.time_start), DateOf(s.time_end), str(s.time_value), str(s.time_text),
                      str(s.time_source)};
  }
  f.negated = s.flags & StoredFact::kNegated;
  f.hedged = s.flags & StoredFact::kHedged;
  f.rule = str(s.rule);
  f.sentence = str(s.sentence);
  std::tie(f.span_begin, f.span_end) = SpanOf(store, id);
  f.doc_date = DateOf(s.doc_date);
  f.subject_mention = {str(s.subject_text), str(s.subject_resolution)};
  f.object_mention = {str(s.object_text), str(s.object_resolution)};
  return f;
}

std::string_view TemporalGraph::fact_id(FactId id) const {
  (void)impl_->store.facts.at(id);  // the range check the other accessors make
  return impl_->store.ids.Get(id);
}
std::string_view TemporalGraph::relation(FactId id) const {
  return impl_->store.strings.Get(impl_->store.facts.at(id).relation);
}
std::string_view TemporalGraph::doc(FactId id) const {
  return impl_->store.strings.Get(impl_->store.facts.at(id).doc);
}
bool TemporalGraph::negated(FactId id) const {
  return impl_->store.facts.at(id).flags & StoredFact::kNegated;
}
bool TemporalGraph::hedged(FactId id) const {
  return impl_->store.facts.at(id).flags & StoredFact::kHedged;
}
std::optional<int64_t> TemporalGraph::start_day(FactId id) const {
  return FromStoredDay(impl_->store.facts.at(id).time_start);
}
std::optional<int64_t> TemporalGraph::end_day(FactId id) const {
  return FromStoredDay(impl_->store.facts.at(id).time_end);
}
std::optional<int64_t> TemporalGraph::doc_day(FactId id) const {
  return FromStoredDay(impl_->store.facts.at(id).doc_date);
}

std::optional<EntityId> TemporalGraph::FindEntity(std::string_view name) const {
  const StringPool& pool = impl_->store.strings;
  if (std::optional<EntityId> e = impl_->by_name.Find(pool, name)) return e;
  return impl_->by_folded.Find(pool, name);
}

std::vector<FactId> TemporalGraph::OutFacts(EntityId id) const {
  const BoostGraph& g = BoostView(*this);
  std::vector<FactId> out;
  for (auto [it, end] = boost::out_edges(id, g); it != end; ++it) out.push_back(g[*it].fact);
  std::sort(out.begin(), out.end());  // insertion order, whatever the CSR build did
  return out;
}

std::vector<FactId> TemporalGraph::InFacts(EntityId id) const {
  const BoostGraph& g = BoostView(*this);
  std::vector<FactId> out;
  for (auto [it, end] = boost::in_edges(id, g); it != end; ++it) out.push_back(g[*it].fact);
  std::sort(out.begin(), out.end());
  return out;
}

size_t TemporalGraph::OutDegree(EntityId id) const { return impl_->out_degree.at(id); }
size_t TemporalGraph::InDegree(EntityId id) const { return impl_->in_degree.at(id); }

const BoostGraphHolder& BoostHolder(const TemporalGraph& graph) {
  TemporalGraph::Impl& impl = *graph.impl_;
  std::lock_guard<std::mutex> lock(impl.boost_mutex);
  const FactStore& store = impl.store;
  if (!impl.boost || impl.boost_facts != store.facts.size() ||
      impl.boost_entities != impl.entities.size()) {
    std::vector<std::pair<EntityId, EntityId>> edges(store.facts.size());
    std::vector<EdgeBundle> bundles(store.facts.size());
    for (FactId f = 0; f < store.facts.size(); ++f) {
      edges[f] = {store.subjects[f], store.objects[f]};
      bundles[f].fact = f;
    }
    impl.boost = std::make_unique<BoostGraphHolder>(
        BoostGraphHolder{BoostGraph(boost::edges_are_unsorted_multi_pass, edges.begin(),
                                    edges.end(), bundles.begin(), impl.entities.size())});
    impl.boost_facts = store.facts.size();
    impl.boost_entities = impl.entities.size();
  }
  return *impl.boost;
}

std::vector<uint32_t> AliasIdsByEntity(const TemporalGraph& graph) {
  const FactStore& store = Store(graph);
  std::vector<AliasRef> refs = store.aliases;
  // An entity's aliases are distinct and Entity::aliases keeps them sorted.
  std::sort(refs.begin(), refs.end(), [&](const AliasRef& a, const AliasRef& b) {
    if (a.entity != b.entity) return a.entity < b.entity;
    return store.strings.Get(a.alias) < store.strings.Get(b.alias);
  });
  std::vector<uint32_t> ids;
  ids.reserve(refs.size());
  for (const AliasRef& r : refs) ids.push_back(r.alias);
  return ids;
}

void SetSpan(FactStore* store, FactId id, int64_t begin, int64_t end, StoredFact* fact) {
  auto fits = [](int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; };
  if (fits(begin) && fits(end)) {
    fact->span_begin = static_cast<int32_t>(begin);
    fact->span_end = static_cast<int32_t>(end);
    return;
  }
  fact->flags |= StoredFact::kWideSpan;
  store->wide_spans.push_back(WideSpan{id, 0, begin, end});
}

std::pair<int64_t, int64_t> SpanOf(const FactStore& store, FactId id) {
  const StoredFact& fact = store.facts[id];
  if (!(fact.flags & StoredFact::kWideSpan)) return {fact.span_begin, fact.span_end};
  auto it = std::lower_bound(store.wide_spans.begin(), store.wide_spans.end(), id,
                             [](const WideSpan& w, FactId f) { return w.fact < f; });
  return {it->begin, it->end};
}

const FactStore& Store(const TemporalGraph& graph) { return graph.impl_->store; }

FactId AddStoredFact(TemporalGraph* graph, const StoredFact& fact, EntityId subject,
                     EntityId object) {
  return graph->impl_->Add(fact, subject, object);
}

EntityId AddStoredEntity(TemporalGraph* graph, uint32_t name, uint32_t type) {
  return graph->impl_->InternStored(name, type);
}

void PrefetchStoredEntity(const TemporalGraph& graph, uint32_t name) {
  const TemporalGraph::Impl& impl = *graph.impl_;
  std::string_view key = impl.store.strings.Get(name);
  impl.by_name.Prefetch(key);
  impl.by_folded.Prefetch(key);
}

void AddStoredAlias(TemporalGraph* graph, EntityId entity, uint32_t alias) {
  TemporalGraph::Impl& impl = *graph->impl_;
  impl.AddAlias(entity, impl.store.strings.Get(alias), [&] { return alias; });
}

FactStore& MutableStore(TemporalGraph* graph) { return graph->impl_->store; }

void RecountDegrees(TemporalGraph* graph) {
  TemporalGraph::Impl& impl = *graph->impl_;
  impl.out_degree.assign(impl.entities.size(), 0);
  impl.in_degree.assign(impl.entities.size(), 0);
  for (EntityId s : impl.store.subjects) ++impl.out_degree[s];
  for (EntityId o : impl.store.objects) ++impl.in_degree[o];
}

StringPool& MutableStrings(TemporalGraph* graph) { return graph->impl_->store.strings; }
StringColumn& MutableIds(TemporalGraph* graph) { return graph->impl_->store.ids; }

}  // namespace kg
