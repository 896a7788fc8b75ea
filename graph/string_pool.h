// StringPool: strings stored once each in large blocks and named by a dense
// uint32 index, so a graph of a million facts holds a few hundred thousand
// distinct strings instead of sixteen std::strings per fact.
//
//   StringPool pool;
//   uint32_t a = pool.Intern("acquired");   // same index for the same text
//   std::string_view s = pool.Get(a);        // valid while the pool lives
//
// Append() adds without looking for an equal string (a loader whose table is
// already unique); the lookup index is built lazily, on the next Intern().
// Internal to graph/.
#ifndef KG_GRAPH_STRING_POOL_H_
#define KG_GRAPH_STRING_POOL_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "graph/string_index.h"

namespace kg {

class StringPool {
 public:
  StringPool() = default;
  StringPool(StringPool&&) noexcept = default;
  StringPool& operator=(StringPool&&) noexcept = default;

  uint32_t Intern(std::string_view s);
  uint32_t Append(std::string_view s);
  std::string_view Get(uint32_t id) const { return views_[id]; }
  size_t size() const { return views_.size(); }
  // Room for this many more strings of this many bytes in total.
  void Reserve(size_t strings, size_t bytes);

 private:
  const char* Store(std::string_view s);

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;
  size_t free_size_ = 0;
  std::vector<std::string_view> views_;
  StringIndex index_{StringIndex::kExact};
  size_t indexed_ = 0;  // views_[0, indexed_) are in index_
};

}  // namespace kg

#endif  // KG_GRAPH_STRING_POOL_H_
