// Version 1 of the graph file: a varint-encoded payload, decoded from memory.
// Files written before version 2 still load through here. Decoding validates
// every index and count before using it, so a corrupt payload that happens to
// pass the checksum still fails cleanly.
#include <string_view>
#include <vector>

#include "graph/byte_codec.h"
#include "graph/fact_store.h"
#include "graph/graph_file_format.h"
#include "graph/model/text_bytes.h"

namespace kg {
namespace {

enum FactFlags : uint8_t {
  kNegated = 1 << 0,
  kHedged = 1 << 1,
  kHasTime = 1 << 2,
  kHasDocDate = 1 << 3,
};
enum TimeFlags : uint8_t { kHasStart = 1 << 0, kHasEnd = 1 << 1 };
enum AliasFlags : uint8_t { kOwnsFold = 1 << 0 };

// The string table is the graph's string pool in pool order, so a string's
// table index is its pool index and a load followed by a save gives the same
// bytes.
void PutFact(const FactStore& store, FactId id, ByteWriter* w) {
  const StoredFact& f = store.facts[id];
  const bool has_time = f.flags & StoredFact::kHasTime;
  w->PutString(store.ids.Get(id));
  w->PutVarint(f.doc);
  w->PutVarint(store.subjects[id]);
  w->PutVarint(f.subject_type);
  w->PutVarint(f.relation);
  w->PutVarint(store.objects[id]);
  w->PutVarint(f.object_type);
  uint8_t flags = (f.flags & StoredFact::kNegated ? kNegated : 0) |
                  (f.flags & StoredFact::kHedged ? kHedged : 0) | (has_time ? kHasTime : 0) |
                  (f.doc_date != kNoDay ? kHasDocDate : 0);
  w->PutByte(flags);
  if (has_time) {
    w->PutByte((f.time_start != kNoDay ? kHasStart : 0) | (f.time_end != kNoDay ? kHasEnd : 0));
    if (f.time_start != kNoDay) w->PutSignedVarint(f.time_start);
    if (f.time_end != kNoDay) w->PutSignedVarint(f.time_end);
    w->PutVarint(f.time_value);
    w->PutVarint(f.time_text);
    w->PutVarint(f.time_source);
  }
  w->PutVarint(f.rule);
  w->PutVarint(f.sentence);
  const auto [span_begin, span_end] = SpanOf(store, id);
  w->PutSignedVarint(span_begin);
  w->PutSignedVarint(span_end);
  if (f.doc_date != kNoDay) w->PutSignedVarint(f.doc_date);
  w->PutVarint(f.subject_text);
  w->PutVarint(f.subject_resolution);
  w->PutVarint(f.object_text);
  w->PutVarint(f.object_resolution);
}

// Reads payload sections straight into the graph's store: no Fact objects and
// no per-fact strings are built.
class PayloadReader {
 public:
  explicit PayloadReader(std::string_view payload) : r_(payload) {}

  bool Read(TemporalGraph* g) { return ReadStrings(g) && ReadEntities(g) && ReadFacts(g) && End(); }
  const std::string& error() const { return r_.error(); }

 private:
  bool Str(uint32_t* out) {
    uint64_t i = 0;
    if (!r_.GetVarint(&i)) return false;
    if (i >= string_count_) return r_.Fail("string index " + std::to_string(i) + " out of range");
    *out = static_cast<uint32_t>(i);
    return true;
  }

  bool EntityRef(const TemporalGraph& g, EntityId* out) {
    uint64_t i = 0;
    if (!r_.GetVarint(&i)) return false;
    if (i >= g.entity_count())
      return r_.Fail("entity index " + std::to_string(i) + " out of range");
    *out = static_cast<EntityId>(i);
    return true;
  }

  bool Day(int32_t* day) {
    int64_t days = 0;
    if (!r_.GetSignedVarint(&days)) return false;
    if (days > kMaxAbsStoredDay || days < -kMaxAbsStoredDay) return r_.Fail("date out of range");
    *day = static_cast<int32_t>(days);
    return true;
  }

  bool ReadStrings(TemporalGraph* g) {
    uint64_t n = 0;
    if (!r_.GetCount(1, &n, "string")) return false;
    if (n > UINT32_MAX) return r_.Fail("more strings than a graph can hold");
    StringPool& pool = MutableStrings(g);
    pool.Reserve(n, r_.remaining());
    std::string_view s;
    for (uint64_t i = 0; i < n; ++i) {
      if (!r_.GetView(&s)) return false;
      pool.Append(s);
    }
    string_count_ = n;
    return true;
  }

  bool ReadEntities(TemporalGraph* g) {
    uint64_t n = 0;
    if (!r_.GetCount(3, &n, "entity")) return false;
    g->Reserve(n, 0);  // GetCount bounded n by the payload size
    // Aliases that owned their folded form go first, as they did when built.
    std::vector<std::pair<EntityId, uint32_t>> later;
    for (uint64_t i = 0; i < n; ++i) {
      uint32_t name = 0, type = 0, alias = 0;
      uint64_t aliases = 0;
      if (!Str(&name) || !Str(&type) || !r_.GetCount(2, &aliases, "alias")) return false;
      EntityId e = AddStoredEntity(g, name, type);
      if (e != i) {
        return r_.Fail("duplicate entity name '" + EscapeControlCharacters(g->entity(e).name) +
                       "'");
      }
      for (uint64_t a = 0; a < aliases; ++a) {
        uint8_t flags = 0;
        if (!r_.GetByte(&flags) || !Str(&alias)) return false;
        if (flags & kOwnsFold) {
          AddStoredAlias(g, e, alias);
        } else {
          later.emplace_back(e, alias);
        }
      }
    }
    for (const auto& [e, alias] : later) AddStoredAlias(g, e, alias);
    return true;
  }

  bool ReadTime(StoredFact* f) {
    uint8_t flags = 0;
    if (!r_.GetByte(&flags)) return false;
    if (flags & ~(kHasStart | kHasEnd)) return r_.Fail("unknown time flags");
    if ((flags & kHasStart) && !Day(&f->time_start)) return false;
    if ((flags & kHasEnd) && !Day(&f->time_end)) return false;
    return Str(&f->time_value) && Str(&f->time_text) && Str(&f->time_source);
  }

  bool ReadFact(TemporalGraph* g) {
    StoredFact f;
    EntityId s = 0, o = 0;
    uint8_t flags = 0;
    std::string_view id;
    if (!r_.GetView(&id) || !Str(&f.doc) || !EntityRef(*g, &s) || !Str(&f.subject_type) ||
        !Str(&f.relation) || !EntityRef(*g, &o) || !Str(&f.object_type) || !r_.GetByte(&flags)) {
      return false;
    }
    if (flags & ~(kNegated | kHedged | kHasTime | kHasDocDate))
      return r_.Fail("unknown fact flags");
    f.flags = (flags & kNegated ? StoredFact::kNegated : 0) |
              (flags & kHedged ? StoredFact::kHedged : 0) |
              (flags & kHasTime ? StoredFact::kHasTime : 0);
    if ((flags & kHasTime) && !ReadTime(&f)) return false;
    int64_t span_begin = 0, span_end = 0;
    if (!Str(&f.rule) || !Str(&f.sentence) || !r_.GetSignedVarint(&span_begin) ||
        !r_.GetSignedVarint(&span_end)) {
      return false;
    }
    if ((flags & kHasDocDate) && !Day(&f.doc_date)) return false;
    if (!Str(&f.subject_text) || !Str(&f.subject_resolution) || !Str(&f.object_text) ||
        !Str(&f.object_resolution)) {
      return false;
    }
    MutableIds(g).Append(id);
    SetSpan(&MutableStore(g), static_cast<FactId>(g->fact_count()), span_begin, span_end, &f);
    AddStoredFact(g, f, s, o);
    return true;
  }

  bool ReadFacts(TemporalGraph* g) {
    uint64_t n = 0;
    if (!r_.GetCount(20, &n, "fact")) return false;
    if (n > UINT32_MAX) return r_.Fail("more facts than a graph can hold");
    g->Reserve(g->entity_count(), n);
    MutableIds(g).Reserve(n, 0);
    for (uint64_t i = 0; i < n; ++i) {
      if (!ReadFact(g)) return false;
    }
    return true;
  }

  bool End() {
    if (r_.remaining() != 0) return r_.Fail(std::to_string(r_.remaining()) + " unexpected bytes");
    return true;
  }

  ByteReader r_;
  uint64_t string_count_ = 0;
};

}  // namespace

std::string EncodeVersion1Payload(const TemporalGraph& g) {
  const FactStore& store = Store(g);
  ByteWriter payload;
  payload.PutVarint(store.strings.size());
  for (uint32_t i = 0; i < store.strings.size(); ++i) payload.PutString(store.strings.Get(i));
  const std::vector<uint32_t> alias_ids = AliasIdsByEntity(g);
  size_t next_alias = 0;
  payload.PutVarint(g.entity_count());
  for (EntityId e = 0; e < g.entity_count(); ++e) {
    const EntityRefs& refs = store.entities[e];
    payload.PutVarint(refs.name);
    payload.PutVarint(refs.type);
    const std::vector<std::string>& names = g.entity(e).aliases;
    payload.PutVarint(names.size());
    for (size_t a = 0; a < names.size(); ++a) {
      std::optional<EntityId> owner = g.FindEntity(names[a]);
      payload.PutByte(owner && *owner == e ? kOwnsFold : 0);
      payload.PutVarint(alias_ids[next_alias++]);
    }
  }
  payload.PutVarint(g.fact_count());
  for (FactId f = 0; f < g.fact_count(); ++f) PutFact(store, f, &payload);
  return payload.Release();
}

std::string DecodeVersion1(std::string_view payload, TemporalGraph* graph) {
  PayloadReader reader(payload);
  return reader.Read(graph) ? "" : reader.error();
}

}  // namespace kg
