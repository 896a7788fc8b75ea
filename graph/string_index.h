// StringIndex: maps strings to uint32 values (entity ids, string-pool
// indices), exactly or ignoring ASCII case. An open-addressing table of
// (string view, value): the strings themselves stay where the caller keeps
// them (the graph's string pool), so indexing a loaded graph allocates nothing
// per string. Internal to graph/.
//
//   StringIndex folded(StringIndex::kIgnoreCase);
//   folded.Insert(pool.Get(id), entity, /*replace=*/false);
//   std::optional<uint32_t> e = folded.Find("elon musk");
#ifndef KG_GRAPH_STRING_INDEX_H_
#define KG_GRAPH_STRING_INDEX_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace kg {

class StringIndex {
 public:
  enum Case { kExact, kIgnoreCase };
  explicit StringIndex(Case mode) : mode_(mode) {}

  // Makes room for `names` strings in total without regrowing.
  void Reserve(size_t names);
  // Maps `name` (which must outlive the index) to `value`. An existing
  // mapping is kept unless `replace`. Returns the value the name maps to now.
  uint32_t Insert(std::string_view name, uint32_t value, bool replace);
  std::optional<uint32_t> Find(std::string_view name) const;
  // Starts loading the slot where `name` would go into the cache: a loader
  // that knows its next keys hides the cache misses that dominate inserting.
  void Prefetch(std::string_view name) const;
  size_t size() const { return used_; }

 private:
  struct Slot {
    const char* data = nullptr;
    uint32_t size = 0;
    uint32_t hash = 0;         // low bits of Hash(), compared before the bytes
    uint32_t entity = kEmpty;  // the value
  };
  static constexpr uint32_t kEmpty = UINT32_MAX;

  uint64_t Hash(std::string_view s) const;
  bool Equal(std::string_view a, std::string_view b) const;
  size_t SlotOf(std::string_view name, uint64_t hash) const;  // its slot or the empty one to use
  void Grow(size_t capacity);

  Case mode_;
  std::vector<Slot> slots_;  // size is zero or a power of two, at most 7/8 full
  size_t used_ = 0;
};

}  // namespace kg

#endif  // KG_GRAPH_STRING_INDEX_H_
