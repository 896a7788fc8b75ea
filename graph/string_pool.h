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
// back in one buffer, 4 bytes of offset each instead of a 16-byte view.
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
    if (wide_ends_.empty() && bytes_.size() <= UINT32_MAX) {
      narrow_ends_.push_back(static_cast<uint32_t>(bytes_.size()));
    } else {
      Widen();
      wide_ends_.push_back(bytes_.size());
    }
    return static_cast<uint32_t>(size() - 1);
  }
  std::string_view Get(uint32_t i) const {
    uint64_t begin = i == 0 ? 0 : End(i - 1);
    return std::string_view(bytes_).substr(begin, End(i) - begin);
  }
  size_t size() const { return wide() ? wide_ends_.size() : narrow_ends_.size(); }
  void Reserve(size_t strings, size_t bytes) {
    if (!wide()) narrow_ends_.reserve(narrow_ends_.size() + strings);
    bytes_.reserve(bytes_.size() + bytes);
  }

  // The representation, which the graph file stores as it is: all strings
  // back to back, and where each ends — as 32-bit offsets while the bytes fit
  // them (4 bytes a string), as 64-bit ones beyond. A loader fills the ends
  // that match the byte count (wide exactly when it exceeds UINT32_MAX),
  // non-decreasing and ending at bytes.size().
  bool wide() const { return !wide_ends_.empty(); }
  const std::string& bytes() const { return bytes_; }
  const std::vector<uint32_t>& narrow_ends() const { return narrow_ends_; }
  const std::vector<uint64_t>& wide_ends() const { return wide_ends_; }
  std::string* mutable_bytes() { return &bytes_; }
  std::vector<uint32_t>* mutable_narrow_ends() { return &narrow_ends_; }
  std::vector<uint64_t>* mutable_wide_ends() { return &wide_ends_; }

 private:
  uint64_t End(size_t i) const { return wide() ? wide_ends_[i] : narrow_ends_[i]; }
  void Widen() {
    if (wide()) return;
    wide_ends_.assign(narrow_ends_.begin(), narrow_ends_.end());
    std::vector<uint32_t>().swap(narrow_ends_);
  }

  std::string bytes_;
  std::vector<uint32_t> narrow_ends_;
  std::vector<uint64_t> wide_ends_;  // used instead once the bytes pass 4 GiB
};

}  // namespace kg

#endif  // KG_GRAPH_STRING_POOL_H_
