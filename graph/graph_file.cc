// Encoding and decoding of the graph file; see docs/graph-format.md for the
// grammar. Decoding validates every index and count before using it, so a
// corrupt payload that happens to pass the checksum still fails cleanly.
#include "graph/graph_file.h"

#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/byte_codec.h"
#include "graph/crc32.h"
#include "graph/model/text_bytes.h"

namespace kg {
namespace {

constexpr std::string_view kMagic("\x89KGRAPH\n", 8);
constexpr size_t kHeaderSize = 24;  // magic, version u32, payload size u64, crc u32
// Dates outside about ±27000 years are corruption, not history.
constexpr int64_t kMaxAbsDays = 10'000'000;

enum FactFlags : uint8_t {
  kNegated = 1 << 0,
  kHedged = 1 << 1,
  kHasTime = 1 << 2,
  kHasDocDate = 1 << 3,
};
enum TimeFlags : uint8_t { kHasStart = 1 << 0, kHasEnd = 1 << 1 };
enum AliasFlags : uint8_t { kOwnsFold = 1 << 0 };

// Interns strings in first-use order so the table is deterministic.
class StringTable {
 public:
  uint64_t Ref(const std::string& s) {
    auto [it, inserted] = index_.emplace(s, strings_.size());
    if (inserted) strings_.push_back(&it->first);
    return it->second;
  }
  const std::vector<const std::string*>& strings() const { return strings_; }

 private:
  std::unordered_map<std::string, uint64_t> index_;
  std::vector<const std::string*> strings_;
};

void PutDate(ByteWriter* w, const Date& d) { w->PutSignedVarint(d.ToDays()); }

bool GetDate(ByteReader* r, Date* d) {
  int64_t days = 0;
  if (!r->GetSignedVarint(&days)) return false;
  if (days > kMaxAbsDays || days < -kMaxAbsDays) return r->Fail("date out of range");
  *d = Date::FromDays(days);
  return true;
}

// Encodes the fact body; strings go through `table` (a second pass writes them).
void PutFact(const TemporalGraph& g, FactId id, StringTable* t, ByteWriter* w) {
  const Fact& f = g.fact(id);
  w->PutString(f.id);
  w->PutVarint(t->Ref(f.doc));
  w->PutVarint(g.subject_of(id));
  w->PutVarint(t->Ref(f.subject_type));
  w->PutVarint(t->Ref(f.relation));
  w->PutVarint(g.object_of(id));
  w->PutVarint(t->Ref(f.object_type));
  uint8_t flags = (f.negated ? kNegated : 0) | (f.hedged ? kHedged : 0) | (f.time ? kHasTime : 0) |
                  (f.doc_date ? kHasDocDate : 0);
  w->PutByte(flags);
  if (f.time) {
    w->PutByte((f.time->start ? kHasStart : 0) | (f.time->end ? kHasEnd : 0));
    if (f.time->start) PutDate(w, *f.time->start);
    if (f.time->end) PutDate(w, *f.time->end);
    w->PutVarint(t->Ref(f.time->value));
    w->PutVarint(t->Ref(f.time->text));
    w->PutVarint(t->Ref(f.time->source));
  }
  w->PutVarint(t->Ref(f.rule));
  w->PutVarint(t->Ref(f.sentence));
  w->PutSignedVarint(f.span_begin);
  w->PutSignedVarint(f.span_end);
  if (f.doc_date) PutDate(w, *f.doc_date);
  w->PutVarint(t->Ref(f.subject_mention.text));
  w->PutVarint(t->Ref(f.subject_mention.resolution));
  w->PutVarint(t->Ref(f.object_mention.text));
  w->PutVarint(t->Ref(f.object_mention.resolution));
}

// Reads payload sections against the string table and entity list.
class PayloadReader {
 public:
  explicit PayloadReader(std::string_view payload) : r_(payload) {}

  bool Read(TemporalGraph* g) { return ReadStrings() && ReadEntities(g) && ReadFacts(g) && End(); }
  const std::string& error() const { return r_.error(); }

 private:
  bool Str(std::string* out) {
    uint64_t i = 0;
    if (!r_.GetVarint(&i)) return false;
    if (i >= strings_.size()) return r_.Fail("string index " + std::to_string(i) + " out of range");
    *out = strings_[i];
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

  bool ReadStrings() {
    uint64_t n = 0;
    if (!r_.GetCount(1, &n, "string")) return false;
    strings_.resize(n);
    for (std::string& s : strings_) {
      if (!r_.GetString(&s)) return false;
    }
    return true;
  }

  bool ReadEntities(TemporalGraph* g) {
    uint64_t n = 0;
    if (!r_.GetCount(3, &n, "entity")) return false;
    g->Reserve(n, 0);  // GetCount bounded n by the payload size
    std::string name, type, alias;
    // Aliases that owned their folded form go first, as they did when built.
    std::vector<std::pair<std::string, std::string>> later;
    for (uint64_t i = 0; i < n; ++i) {
      uint64_t aliases = 0;
      if (!Str(&name) || !Str(&type) || !r_.GetCount(2, &aliases, "alias")) return false;
      if (g->AddEntity(name, type) != i) {
        return r_.Fail("duplicate entity name '" + EscapeControlCharacters(name) + "'");
      }
      for (uint64_t a = 0; a < aliases; ++a) {
        uint8_t flags = 0;
        if (!r_.GetByte(&flags) || !Str(&alias)) return false;
        if (flags & kOwnsFold) {
          g->AddAlias(name, alias);
        } else {
          later.emplace_back(name, alias);
        }
      }
    }
    for (const auto& [canonical, a] : later) g->AddAlias(canonical, a);
    return true;
  }

  bool ReadTime(FactTime* t) {
    uint8_t flags = 0;
    if (!r_.GetByte(&flags)) return false;
    if (flags & ~(kHasStart | kHasEnd)) return r_.Fail("unknown time flags");
    if (flags & kHasStart) {
      t->start.emplace();
      if (!GetDate(&r_, &*t->start)) return false;
    }
    if (flags & kHasEnd) {
      t->end.emplace();
      if (!GetDate(&r_, &*t->end)) return false;
    }
    return Str(&t->value) && Str(&t->text) && Str(&t->source);
  }

  bool ReadFact(const TemporalGraph& g, Fact* f) {
    EntityId s = 0, o = 0;
    uint8_t flags = 0;
    if (!r_.GetString(&f->id) || !Str(&f->doc) || !EntityRef(g, &s) || !Str(&f->subject_type) ||
        !Str(&f->relation) || !EntityRef(g, &o) || !Str(&f->object_type) || !r_.GetByte(&flags)) {
      return false;
    }
    if (flags & ~(kNegated | kHedged | kHasTime | kHasDocDate))
      return r_.Fail("unknown fact flags");
    f->subject = g.entity(s).name;
    f->object = g.entity(o).name;
    f->negated = flags & kNegated;
    f->hedged = flags & kHedged;
    if (flags & kHasTime) {
      f->time.emplace();
      if (!ReadTime(&*f->time)) return false;
    }
    if (!Str(&f->rule) || !Str(&f->sentence) || !r_.GetSignedVarint(&f->span_begin) ||
        !r_.GetSignedVarint(&f->span_end)) {
      return false;
    }
    if (flags & kHasDocDate) {
      f->doc_date.emplace();
      if (!GetDate(&r_, &*f->doc_date)) return false;
    }
    return Str(&f->subject_mention.text) && Str(&f->subject_mention.resolution) &&
           Str(&f->object_mention.text) && Str(&f->object_mention.resolution);
  }

  bool ReadFacts(TemporalGraph* g) {
    uint64_t n = 0;
    if (!r_.GetCount(20, &n, "fact")) return false;
    g->Reserve(g->entity_count(), n);
    for (uint64_t i = 0; i < n; ++i) {
      Fact f;
      if (!ReadFact(*g, &f)) return false;
      g->AddFact(std::move(f));
    }
    return true;
  }

  bool End() {
    if (r_.remaining() != 0) return r_.Fail(std::to_string(r_.remaining()) + " unexpected bytes");
    return true;
  }

  ByteReader r_;
  std::vector<std::string> strings_;
};

}  // namespace

std::string EncodeGraph(const TemporalGraph& g) {
  StringTable table;
  ByteWriter body;
  body.PutVarint(g.entity_count());
  for (EntityId e = 0; e < g.entity_count(); ++e) {
    const Entity& entity = g.entity(e);
    body.PutVarint(table.Ref(entity.name));
    body.PutVarint(table.Ref(entity.type));
    body.PutVarint(entity.aliases.size());
    for (const std::string& alias : entity.aliases) {
      std::optional<EntityId> owner = g.FindEntity(alias);
      body.PutByte(owner && *owner == e ? kOwnsFold : 0);
      body.PutVarint(table.Ref(alias));
    }
  }
  body.PutVarint(g.fact_count());
  for (FactId f = 0; f < g.fact_count(); ++f) PutFact(g, f, &table, &body);

  ByteWriter payload;
  payload.PutVarint(table.strings().size());
  for (const std::string* s : table.strings()) payload.PutString(*s);
  std::string bytes = payload.Release() + body.data();

  ByteWriter header;
  for (char c : kMagic) header.PutByte(static_cast<uint8_t>(c));
  header.PutFixed32(kGraphFileVersion);
  header.PutFixed64(bytes.size());
  header.PutFixed32(Crc32(bytes));
  return header.Release() + bytes;
}

Result<TemporalGraph> DecodeGraph(std::string_view bytes, const std::string& name) {
  auto error = [&](const std::string& message) { return Status::ErrorAt(name, 0, 0, message); };
  if (bytes.empty()) return error("empty file, not a kg graph");
  if (bytes.substr(0, std::min(bytes.size(), kMagic.size())) !=
      kMagic.substr(0, std::min(bytes.size(), kMagic.size()))) {
    return error("not a kg graph file (bad magic number)");
  }
  if (bytes.size() < kHeaderSize) {
    return error("truncated graph file: " + std::to_string(bytes.size()) +
                 " bytes, shorter than the " + std::to_string(kHeaderSize) + "-byte header");
  }
  ByteReader header(bytes.substr(kMagic.size(), kHeaderSize - kMagic.size()));
  uint32_t version = 0, crc = 0;
  uint64_t size = 0;
  if (!header.GetFixed32(&version) || !header.GetFixed64(&size) || !header.GetFixed32(&crc)) {
    return error("unreadable header");
  }
  if (version != kGraphFileVersion) {
    return error("graph file version " + std::to_string(version) + ", but this kg reads version " +
                 std::to_string(kGraphFileVersion) + "; rebuild it with kg build");
  }
  std::string_view payload = bytes.substr(kHeaderSize);
  if (payload.size() < size) {
    return error("truncated graph file: header says " + std::to_string(size) +
                 " payload bytes, file has " + std::to_string(payload.size()));
  }
  if (payload.size() > size) {
    return error("corrupt graph file: " + std::to_string(payload.size() - size) +
                 " bytes after the payload");
  }
  if (Crc32(payload) != crc) return error("corrupt graph file: checksum mismatch");
  TemporalGraph graph;
  PayloadReader reader(payload);
  if (!reader.Read(&graph)) return error("corrupt graph file: " + reader.error());
  return graph;
}

}  // namespace kg
