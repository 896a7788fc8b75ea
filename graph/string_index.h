// StringIndex: maps strings of a StringPool to uint32 values (entity ids,
// pool indices), exactly or ignoring ASCII case. An open-addressing table of
// (pool index, hash bits, value), 12 bytes a slot: the strings stay in the
// pool, which every call is given, so indexing a loaded graph allocates
// nothing per string. Internal to graph/.
//
//   StringIndex folded(StringIndex::kIgnoreCase);
//   folded.Insert(pool, name_id, entity, /*replace=*/false);
//   std::optional<uint32_t> e = folded.Find(pool, "elon musk");
#ifndef KG_GRAPH_STRING_INDEX_H_
#define KG_GRAPH_STRING_INDEX_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace kg {

class StringPool;

class StringIndex {
 public:
  enum Case { kExact, kIgnoreCase };
  explicit StringIndex(Case mode) : mode_(mode) {}

  // Makes room for `names` strings in total without regrowing.
  void Reserve(size_t names);
  // Maps the pool's string `key` to `value`. An existing mapping of an equal
  // string is kept unless `replace`. Returns the value the string maps to now.
  // Every call must pass the same pool.
  uint32_t Insert(const StringPool& pool, uint32_t key, uint32_t value, bool replace);
  std::optional<uint32_t> Find(const StringPool& pool, std::string_view name) const;
  // Starts loading the slot where `name` would go into the cache: a loader
  // that knows its next keys hides the cache misses that dominate inserting.
  void Prefetch(std::string_view name) const;
  size_t size() const { return used_; }

 private:
  struct Slot {
    uint32_t key = 0;          // pool index of the string
    uint32_t hash = 0;         // low bits of Hash(), compared before the bytes
    uint32_t entity = kEmpty;  // the value
  };
  static constexpr uint32_t kEmpty = UINT32_MAX;

  uint64_t Hash(std::string_view s) const;
  bool Equal(std::string_view a, std::string_view b) const;
  // The slot of `name`, or the empty one to use.
  size_t SlotOf(const StringPool& pool, std::string_view name, uint64_t hash) const;
  void Grow(size_t capacity);

  Case mode_;
  std::vector<Slot> slots_;  // size is zero or a power of two, at most 7/8 full
  size_t used_ = 0;
};

}  // namespace kg

#endif  // KG_GRAPH_STRING_INDEX_H_
