// Version 2 of the graph file: the store's own arrays, fixed-width and
// little-endian, so loading is a few large reads into the final vectors (no
// per-field decoding, no copy of the file held beside the graph) followed by
// one validation pass. See docs/graph-format.md for the grammar.
#include <algorithm>
#include <bit>
#include <cstring>
#include <memory>

#include "graph/crc32.h"
#include "graph/fact_store.h"
#include "graph/graph_file_format.h"
#include "graph/model/text_bytes.h"

namespace kg {

// The records are written as they are laid out in memory.
static_assert(std::endian::native == std::endian::little,
              "the version-2 graph file is little-endian, as this host must be");

namespace {

enum Count { kStrings, kStringBytes, kFacts, kIdBytes, kEntities, kAliases, kWideSpans, kCounts };
constexpr size_t kEntityWords = 3;  // name, type, alias count
constexpr size_t kAliasWords = 2;   // name, flags
enum AliasFlags : uint32_t { kOwnsFold = 1 };

template <typename T>
std::string_view Bytes(const std::vector<T>& v) {
  return {reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T)};
}

std::string At(uint64_t offset, const std::string& what) {
  return "at payload byte " + std::to_string(offset) + ": " + what;
}

}  // namespace

Version2Payload::Version2Payload(const TemporalGraph& g) {
  const FactStore& store = Store(g);
  uint64_t string_bytes = 0;
  string_ends_.reserve(store.strings.size());
  for (uint32_t i = 0; i < store.strings.size(); ++i) {
    string_bytes += store.strings.Get(i).size();
    string_ends_.push_back(string_bytes);
  }
  const std::vector<uint32_t> alias_ids = AliasIdsByEntity(g);
  size_t next_alias = 0;
  entities_.reserve(g.entity_count() * kEntityWords);
  for (EntityId e = 0; e < g.entity_count(); ++e) {
    const EntityRefs& refs = store.entities[e];
    const std::vector<std::string>& names = g.entity(e).aliases;
    entities_.insert(entities_.end(), {refs.name, refs.type, static_cast<uint32_t>(names.size())});
    for (size_t a = 0; a < names.size(); ++a) {
      std::optional<EntityId> owner = g.FindEntity(names[a]);
      aliases_.insert(aliases_.end(),
                      {alias_ids[next_alias++], owner && *owner == e ? kOwnsFold : 0u});
    }
  }
  counts_ = {store.strings.size(),     string_bytes,     store.facts.size(),
             store.ids.bytes().size(), g.entity_count(), aliases_.size() / kAliasWords,
             store.wide_spans.size()};
  pieces_.push_back(Bytes(counts_));
  pieces_.push_back(Bytes(string_ends_));
  store.strings.ForEachRun([&](std::string_view run) { pieces_.push_back(run); });
  pieces_.push_back(store.ids.wide() ? Bytes(store.ids.wide_ends())
                                     : Bytes(store.ids.narrow_ends()));
  pieces_.push_back(store.ids.bytes());
  pieces_.push_back(Bytes(entities_));
  pieces_.push_back(Bytes(aliases_));
  pieces_.push_back(Bytes(store.subjects));
  pieces_.push_back(Bytes(store.objects));
  pieces_.push_back(Bytes(store.facts));
  pieces_.push_back(Bytes(store.wide_spans));
  std::erase_if(pieces_, [](std::string_view p) { return p.empty(); });
  for (std::string_view p : pieces_) {
    size_ += p.size();
    crc_ = Crc32c(p, crc_);
  }
}

namespace {

// Reads the sections in file order, then checks the checksum, then the
// structure; `offset_` tracks the payload offset of each section for errors.
class Version2Reader {
 public:
  Version2Reader(PayloadSource* source, const GraphFileHeader& header, TemporalGraph* g)
      : source_(*source), header_(header), g_(*g), store_(MutableStore(g)) {}

  std::string Run() {
    if (!ReadCounts()) return ReadError();
    if (std::string bad = CheckSizes(); !bad.empty()) return DrainAndReport(bad);
    if (!ReadSections()) return ReadError();
    if (source_.crc() != header_.crc) return "corrupt graph file: checksum mismatch";
    std::string bad = Validate();
    return bad.empty() ? "" : "corrupt graph file: " + bad;
  }

 private:
  std::string ReadError() const { return "cannot read graph: " + source_.error(); }

  bool ReadCounts() {
    counts_.resize(kCounts);
    if (header_.payload_size < kCounts * 8) {
      // Too short for the counts: checksum what there is, then say so.
      return true;
    }
    return source_.Read(reinterpret_cast<char*>(counts_.data()), kCounts * 8);
  }

  // The sections' sizes must add up to the payload exactly, so no count can
  // make the reader allocate more than the file holds.
  std::string CheckSizes() {
    const uint64_t payload = header_.payload_size;
    if (payload < kCounts * 8) return At(0, "payload too short for the section counts");
    const uint64_t item_bytes[kCounts] = {8,
                                          1,
                                          IdEndBytes() + 4 + 4 + sizeof(StoredFact),
                                          1,
                                          kEntityWords * 4,
                                          kAliasWords * 4,
                                          sizeof(WideSpan)};
    const char* names[kCounts] = {"string", "string byte", "fact",     "id byte",
                                  "entity", "alias",       "wide span"};
    uint64_t total = kCounts * 8;
    for (int c = 0; c < kCounts; ++c) {
      if (counts_[c] > (payload - total) / item_bytes[c]) {
        return At(8 * c, std::string(names[c]) + " count " + std::to_string(counts_[c]) +
                             " cannot fit in the payload");
      }
      total += counts_[c] * item_bytes[c];
    }
    if (total != payload) {
      return At(0, "sections take " + std::to_string(total) + " bytes, payload has " +
                       std::to_string(payload));
    }
    if (counts_[kStrings] > UINT32_MAX || counts_[kFacts] > UINT32_MAX ||
        counts_[kEntities] > UINT32_MAX) {
      return At(0, "more strings, facts or entities than a graph can hold");
    }
    return "";
  }

  // A structure error found before the sections were read: reported as a
  // checksum mismatch if the bytes are also damaged, as with every other error.
  std::string DrainAndReport(const std::string& bad) {
    // ReadCounts read the counts only when the payload could hold them.
    uint64_t left = header_.payload_size;
    if (left >= kCounts * 8) left -= kCounts * 8;
    std::unique_ptr<char[]> buffer(new char[1 << 16]);
    while (left > 0) {
      size_t n = static_cast<size_t>(std::min<uint64_t>(left, 1 << 16));
      if (!source_.Read(buffer.get(), n)) return ReadError();
      left -= n;
    }
    if (source_.crc() != header_.crc) return "corrupt graph file: checksum mismatch";
    return "corrupt graph file: " + bad;
  }

  // Fact ids end at 32-bit offsets unless their bytes need 64.
  uint64_t IdEndBytes() const { return counts_[kIdBytes] > UINT32_MAX ? 8 : 4; }

  template <typename T>
  bool ReadVector(std::vector<T>* v, uint64_t count) {
    v->resize(count);
    offsets_.push_back(offset_);
    offset_ += count * sizeof(T);
    return source_.Read(reinterpret_cast<char*>(v->data()), count * sizeof(T));
  }

  bool ReadSections() {
    offset_ = kCounts * 8;
    if (!ReadVector(&string_ends_, counts_[kStrings])) return false;
    offsets_.push_back(offset_);
    string_bytes_.reset(new char[std::max<uint64_t>(counts_[kStringBytes], 1)]);
    offset_ += counts_[kStringBytes];
    if (!source_.Read(string_bytes_.get(), counts_[kStringBytes])) return false;
    StringColumn& ids = store_.ids;
    if (!(IdEndBytes() == 8 ? ReadVector(ids.mutable_wide_ends(), counts_[kFacts])
                            : ReadVector(ids.mutable_narrow_ends(), counts_[kFacts]))) {
      return false;
    }
    offsets_.push_back(offset_);
    ids.mutable_bytes()->resize(counts_[kIdBytes]);
    offset_ += counts_[kIdBytes];
    if (!source_.Read(ids.mutable_bytes()->data(), counts_[kIdBytes])) return false;
    return ReadVector(&entities_, counts_[kEntities] * kEntityWords) &&
           ReadVector(&aliases_, counts_[kAliases] * kAliasWords) &&
           ReadVector(&store_.subjects, counts_[kFacts]) &&
           ReadVector(&store_.objects, counts_[kFacts]) &&
           ReadVector(&store_.facts, counts_[kFacts]) &&
           ReadVector(&store_.wide_spans, counts_[kWideSpans]);
  }

  enum Section {
    kStringEnds,
    kStringData,
    kIdEnds,
    kIdData,
    kEntityRecords,
    kAliasRecords,
    kSubjects,
    kObjects,
    kFactRecords,
    kWideSpanRecords
  };

  // Offsets of the `i`th item of `section` whose items are `size` bytes.
  uint64_t OffsetOf(Section section, uint64_t i, uint64_t size) const {
    return offsets_[section] + i * size;
  }

  template <typename T>
  static std::string CheckEnds(const std::vector<T>& ends, uint64_t total) {
    uint64_t last = 0;
    for (uint64_t end : ends) {
      if (end < last || end > total) return "string end " + std::to_string(end) + " out of order";
      last = end;
    }
    return last == total
               ? ""
               : "strings end at " + std::to_string(last) + ", not " + std::to_string(total);
  }

  std::string Validate() {
    if (std::string bad = CheckEnds(string_ends_, counts_[kStringBytes]); !bad.empty())
      return At(offsets_[kStringEnds], bad);
    MutableStrings(&g_).AppendBlock(std::move(string_bytes_), string_ends_);
    std::vector<uint64_t>().swap(string_ends_);
    const StringColumn& ids = store_.ids;
    if (std::string bad = ids.wide() ? CheckEnds(ids.wide_ends(), counts_[kIdBytes])
                                     : CheckEnds(ids.narrow_ends(), counts_[kIdBytes]);
        !bad.empty())
      return At(offsets_[kIdEnds], bad);
    if (std::string bad = ValidateEntities(); !bad.empty()) return bad;
    const uint64_t entities = counts_[kEntities];
    uint64_t wide = 0;
    for (FactId f = 0; f < store_.facts.size(); ++f) {
      wide += (store_.facts[f].flags & StoredFact::kWideSpan) != 0;
      if (store_.subjects[f] >= entities)
        return At(OffsetOf(kSubjects, f, 4), "entity index out of range");
      if (store_.objects[f] >= entities)
        return At(OffsetOf(kObjects, f, 4), "entity index out of range");
      if (std::string bad = ValidateFact(f); !bad.empty())
        return At(OffsetOf(kFactRecords, f, sizeof(StoredFact)), bad);
    }
    if (std::string bad = ValidateWideSpans(wide); !bad.empty()) return bad;
    RecountDegrees(&g_);
    return "";
  }

  // One entry per fact flagged kWideSpan, in fact order, each too wide for
  // the record (so every span has one representation).
  std::string ValidateWideSpans(uint64_t flagged) const {
    const std::vector<WideSpan>& spans = store_.wide_spans;
    if (spans.size() != flagged)
      return At(offsets_[kWideSpanRecords], "wide spans do not match the flagged facts");
    auto fits = [](int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; };
    for (size_t i = 0; i < spans.size(); ++i) {
      const WideSpan& w = spans[i];
      const uint64_t at = OffsetOf(kWideSpanRecords, i, sizeof(WideSpan));
      if (w.fact >= store_.facts.size() || (i > 0 && w.fact <= spans[i - 1].fact) ||
          !(store_.facts[w.fact].flags & StoredFact::kWideSpan)) {
        return At(at, "wide span of fact " + std::to_string(w.fact) + " out of place");
      }
      if (w.reserved != 0 || (fits(w.begin) && fits(w.end))) return At(at, "malformed wide span");
    }
    return "";
  }

  std::string ValidateEntities() {
    const uint64_t strings = counts_[kStrings];
    g_.Reserve(counts_[kEntities], 0);
    uint64_t alias = 0;
    // Aliases that owned their folded form go first, as they did when built.
    std::vector<std::pair<EntityId, uint32_t>> later;
    constexpr EntityId kAhead = 8;  // entities whose index slots are prefetched
    for (EntityId e = 0; e < counts_[kEntities]; ++e) {
      if (e + kAhead < counts_[kEntities] && entities_[(e + kAhead) * kEntityWords] < strings)
        PrefetchStoredEntity(g_, entities_[(e + kAhead) * kEntityWords]);
      const uint32_t* rec = &entities_[e * kEntityWords];
      const uint64_t at = OffsetOf(kEntityRecords, e, kEntityWords * 4);
      if (rec[0] >= strings || rec[1] >= strings) return At(at, "string index out of range");
      if (rec[2] > counts_[kAliases] - alias) return At(at + 8, "alias count out of range");
      if (EntityId known = AddStoredEntity(&g_, rec[0], rec[1]); known != e) {
        return At(at,
                  "duplicate entity name '" + EscapeControlCharacters(g_.entity(known).name) + "'");
      }
      for (uint64_t end = alias + rec[2]; alias < end; ++alias) {
        const uint32_t* a = &aliases_[alias * kAliasWords];
        const uint64_t a_at = OffsetOf(kAliasRecords, alias, kAliasWords * 4);
        if (a[0] >= strings) return At(a_at, "string index out of range");
        if (a[1] & ~kOwnsFold) return At(a_at + 4, "unknown alias flags");
        if (a[1] & kOwnsFold) {
          AddStoredAlias(&g_, e, a[0]);
        } else {
          later.emplace_back(e, a[0]);
        }
      }
    }
    if (alias != counts_[kAliases])
      return At(offsets_[kAliasRecords], "aliases not claimed by any entity");
    for (const auto& [e, a] : later) AddStoredAlias(&g_, e, a);
    std::vector<uint32_t>().swap(entities_);
    std::vector<uint32_t>().swap(aliases_);
    return "";
  }

  std::string ValidateFact(FactId id) const {
    const StoredFact& f = store_.facts[id];
    const uint64_t strings = counts_[kStrings];
    for (uint32_t s : {f.doc, f.subject_type, f.relation, f.object_type, f.rule, f.sentence,
                       f.time_value, f.time_text, f.time_source, f.subject_text,
                       f.subject_resolution, f.object_text, f.object_resolution}) {
      if (s >= strings) return "string index " + std::to_string(s) + " out of range";
    }
    if (f.flags & ~(StoredFact::kNegated | StoredFact::kHedged | StoredFact::kHasTime |
                    StoredFact::kWideSpan))
      return "unknown fact flags";
    if ((f.flags & StoredFact::kWideSpan) && (f.span_begin != 0 || f.span_end != 0))
      return "span both wide and inline";
    if (f.reserved[0] != 0 || f.reserved[1] != 0 || f.reserved[2] != 0)
      return "reserved bytes not zero";
    for (int32_t day : {f.time_start, f.time_end, f.doc_date}) {
      if (day != kNoDay && (day > kMaxAbsStoredDay || day < -kMaxAbsStoredDay))
        return "date out of range";
    }
    if (!(f.flags & StoredFact::kHasTime) &&
        (f.time_start != kNoDay || f.time_end != kNoDay || f.time_value != 0 || f.time_text != 0 ||
         f.time_source != 0)) {
      return "time fields without a time";
    }
    return "";
  }

  PayloadSource& source_;
  const GraphFileHeader& header_;
  TemporalGraph& g_;
  FactStore& store_;
  std::vector<uint64_t> counts_;
  std::vector<uint64_t> string_ends_;
  std::unique_ptr<char[]> string_bytes_;
  std::vector<uint32_t> entities_;
  std::vector<uint32_t> aliases_;
  std::vector<uint64_t> offsets_;  // of each Section
  uint64_t offset_ = 0;
};

}  // namespace

std::string DecodeVersion2(PayloadSource* source, const GraphFileHeader& header,
                           TemporalGraph* graph) {
  return Version2Reader(source, header, graph).Run();
}

}  // namespace kg
