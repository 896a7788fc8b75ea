// NameIndex: finds an entity by a name, exactly or ignoring ASCII case, for
// TemporalGraph. An open-addressing table of (name view, hash, entity): the
// names themselves stay in the graph's string pool, so indexing a loaded
// graph's entities allocates nothing per name. Internal to graph/.
//
//   NameIndex folded(NameIndex::kIgnoreCase);
//   folded.Insert(pool.Get(id), entity, /*replace=*/false);
//   std::optional<EntityId> e = folded.Find("elon musk");
#ifndef KG_GRAPH_NAME_INDEX_H_
#define KG_GRAPH_NAME_INDEX_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "graph/temporal_graph.h"

namespace kg {

class NameIndex {
 public:
  enum Case { kExact, kIgnoreCase };
  explicit NameIndex(Case mode) : mode_(mode) {}

  // Makes room for `names` names in total without regrowing.
  void Reserve(size_t names);
  // Maps `name` (which must outlive the index) to `entity`. An existing
  // mapping is kept unless `replace`. Returns the entity the name maps to now.
  EntityId Insert(std::string_view name, EntityId entity, bool replace);
  std::optional<EntityId> Find(std::string_view name) const;

 private:
  struct Slot {
    const char* data = nullptr;
    uint32_t size = 0;
    EntityId entity = kEmpty;
  };
  static constexpr EntityId kEmpty = UINT32_MAX;

  uint64_t Hash(std::string_view s) const;
  bool Equal(std::string_view a, std::string_view b) const;
  size_t SlotOf(std::string_view name, uint64_t hash) const;  // its slot or the empty one to use
  void Grow(size_t capacity);

  Case mode_;
  std::vector<Slot> slots_;  // size is zero or a power of two, at most 7/8 full
  size_t used_ = 0;
};

}  // namespace kg

#endif  // KG_GRAPH_NAME_INDEX_H_
