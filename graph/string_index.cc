#include "graph/string_index.h"

#include <bit>
#include <functional>

#include "graph/model/ascii_case.h"
#include "graph/string_pool.h"

namespace kg {
namespace {

unsigned char FoldByte(unsigned char c, bool fold) {
  return fold ? static_cast<unsigned char>(LowerAscii(static_cast<char>(c))) : c;
}

}  // namespace

uint64_t StringIndex::Hash(std::string_view s) const {
  if (mode_ == kExact) return std::hash<std::string_view>()(s);
  // FNV-1a over the folded bytes: needs no folded copy of the name.
  uint64_t h = 14695981039346656037ull;
  for (char c : s) {
    h ^= FoldByte(static_cast<unsigned char>(c), mode_ == kIgnoreCase);
    h *= 1099511628211ull;
  }
  return h ^ (h >> 29);
}

bool StringIndex::Equal(std::string_view a, std::string_view b) const {
  if (a.size() != b.size()) return false;
  if (mode_ == kExact) return a == b;
  for (size_t i = 0; i < a.size(); ++i) {
    if (FoldByte(static_cast<unsigned char>(a[i]), true) !=
        FoldByte(static_cast<unsigned char>(b[i]), true)) {
      return false;
    }
  }
  return true;
}

size_t StringIndex::SlotOf(const StringPool& pool, std::string_view name, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.entity == kEmpty) return i;
    if (slot.hash == static_cast<uint32_t>(hash) && Equal(pool.Get(slot.key), name)) return i;
  }
}

void StringIndex::Grow(size_t capacity) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(capacity, Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.entity == kEmpty) continue;
    // Keys are distinct, so only a free slot is needed; the stored low 32 bits
    // of the hash pick the same start as Hash() would below 2^32 slots.
    size_t i = slot.hash & mask;
    while (slots_[i].entity != kEmpty) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

void StringIndex::Reserve(size_t names) {
  size_t capacity = std::bit_ceil(names + names / 7 + 16);
  if (capacity > slots_.size()) Grow(capacity);
}

uint32_t StringIndex::Insert(const StringPool& pool, uint32_t key, uint32_t entity, bool replace) {
  if ((used_ + 1) * 8 > slots_.size() * 7) Grow(slots_.empty() ? 64 : slots_.size() * 2);
  const std::string_view name = pool.Get(key);
  const uint64_t hash = Hash(name);
  Slot& slot = slots_[SlotOf(pool, name, hash)];
  if (slot.entity == kEmpty || replace) {
    used_ += slot.entity == kEmpty;
    slot = Slot{key, static_cast<uint32_t>(hash), entity};
  }
  return slot.entity;
}

void StringIndex::Prefetch(std::string_view name) const {
  if (!slots_.empty()) __builtin_prefetch(&slots_[Hash(name) & (slots_.size() - 1)]);
}

std::optional<uint32_t> StringIndex::Find(const StringPool& pool, std::string_view name) const {
  if (slots_.empty()) return std::nullopt;
  const Slot& slot = slots_[SlotOf(pool, name, Hash(name))];
  if (slot.entity == kEmpty) return std::nullopt;
  return slot.entity;
}

}  // namespace kg
