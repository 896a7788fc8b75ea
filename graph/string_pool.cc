#include "graph/string_pool.h"

#include <algorithm>
#include <cstring>

namespace kg {
namespace {
constexpr size_t kBlockSize = size_t{1} << 20;
}  // namespace

const char* StringPool::Store(std::string_view s) {
  if (s.empty()) return "";
  if (s.size() > free_size_) {
    // A string larger than a block gets a block of its own, so the current
    // block's free space is not wasted.
    size_t size = std::max(kBlockSize, s.size());
    blocks_.emplace_back(new char[size]);  // not zeroed: every byte is written before use
    if (size > kBlockSize)
      return static_cast<const char*>(std::memcpy(blocks_.back().get(), s.data(), s.size()));
    free_ = blocks_.back().get();
    free_size_ = size;
  }
  char* at = free_;
  std::memcpy(at, s.data(), s.size());
  free_ += s.size();
  free_size_ -= s.size();
  return at;
}

uint32_t StringPool::Append(std::string_view s) {
  const char* at = Store(s);
  views_.emplace_back(at, s.size());
  return static_cast<uint32_t>(views_.size() - 1);
}

uint32_t StringPool::Intern(std::string_view s) {
  if (indexed_ < views_.size()) {
    index_.Reserve(views_.size());
    for (; indexed_ < views_.size(); ++indexed_) {
      const auto id = static_cast<uint32_t>(indexed_);
      index_.Insert(*this, id, id, /*replace=*/false);
    }
  }
  if (std::optional<uint32_t> known = index_.Find(*this, s)) return *known;
  uint32_t id = Append(s);
  index_.Insert(*this, id, id, /*replace=*/false);
  indexed_ = views_.size();
  return id;
}

void StringPool::AppendBlock(std::unique_ptr<char[]> block, std::span<const uint64_t> ends) {
  views_.reserve(views_.size() + ends.size());
  const char* base = block.get();
  uint64_t begin = 0;
  for (uint64_t end : ends) {
    views_.emplace_back(end == begin ? "" : base + begin, end - begin);
    begin = end;
  }
  blocks_.push_back(std::move(block));
}

void StringPool::Reserve(size_t strings, size_t bytes) {
  views_.reserve(views_.size() + strings);
  if (bytes > free_size_) {
    blocks_.emplace_back(new char[bytes]);
    free_ = blocks_.back().get();
    free_size_ = bytes;
  }
}

}  // namespace kg
