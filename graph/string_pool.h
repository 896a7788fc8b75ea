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
// StringColumn keeps strings that are never looked up (the fact ids) back to
// back in one buffer, 8 bytes of offset each instead of a 16-byte view.
// Internal to graph/.
#ifndef KG_GRAPH_STRING_POOL_H_
#define KG_GRAPH_STRING_POOL_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
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
  // Appends the strings that lie back to back in `block` (a loader's one
  // read), string i ending at ends[i]; the pool keeps the block. `ends` must
  // be non-decreasing and at most `size`.
  void AppendBlock(std::unique_ptr<char[]> block, std::span<const uint64_t> ends);
  // Calls f(data) for each maximal run of the strings [0, size()) that lie
  // back to back in memory, in order: their concatenation, without copying.
  template <typename F>
  void ForEachRun(F f) const;

 private:
  const char* Store(std::string_view s);

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;
  size_t free_size_ = 0;
  std::vector<std::string_view> views_;
  StringIndex index_{StringIndex::kExact};
  size_t indexed_ = 0;  // views_[0, indexed_) are in index_
};

template <typename F>
void StringPool::ForEachRun(F f) const {
  const char* begin = nullptr;
  size_t size = 0;
  for (std::string_view s : views_) {
    if (s.empty()) continue;
    if (begin != nullptr && begin + size == s.data()) {
      size += s.size();
      continue;
    }
    if (size > 0) f(std::string_view(begin, size));
    begin = s.data();
    size = s.size();
  }
  if (size > 0) f(std::string_view(begin, size));
}

class StringColumn {
 public:
  uint32_t Append(std::string_view s) {
    bytes_.append(s);
    ends_.push_back(bytes_.size());
    return static_cast<uint32_t>(ends_.size() - 1);
  }
  std::string_view Get(uint32_t i) const {
    size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(bytes_).substr(begin, ends_[i] - begin);
  }
  size_t size() const { return ends_.size(); }
  void Reserve(size_t strings, size_t bytes) {
    ends_.reserve(ends_.size() + strings);
    bytes_.reserve(bytes_.size() + bytes);
  }
  // The representation, which the graph file stores as it is: all strings
  // back to back, and where each ends. A loader fills them and must keep
  // `ends` non-decreasing with its last value bytes.size().
  const std::string& bytes() const { return bytes_; }
  const std::vector<uint64_t>& ends() const { return ends_; }
  std::string* mutable_bytes() { return &bytes_; }
  std::vector<uint64_t>* mutable_ends() { return &ends_; }

 private:
  std::string bytes_;
  std::vector<uint64_t> ends_;
};

}  // namespace kg

#endif  // KG_GRAPH_STRING_POOL_H_
