#include "graph/name_index.h"

#include <bit>

namespace kg {
namespace {

unsigned char FoldByte(unsigned char c, bool fold) {
  return fold && c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c;
}

}  // namespace

uint64_t NameIndex::Hash(std::string_view s) const {
  // FNV-1a: names are short, and this needs no folded copy of the name.
  uint64_t h = 14695981039346656037ull;
  for (char c : s) {
    h ^= FoldByte(static_cast<unsigned char>(c), mode_ == kIgnoreCase);
    h *= 1099511628211ull;
  }
  return h ^ (h >> 29);
}

bool NameIndex::Equal(std::string_view a, std::string_view b) const {
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

size_t NameIndex::SlotOf(std::string_view name, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.entity == kEmpty || Equal({slot.data, slot.size}, name)) return i;
  }
}

void NameIndex::Grow(size_t capacity) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(capacity, Slot{});
  for (const Slot& slot : old) {
    if (slot.entity == kEmpty) continue;
    std::string_view name(slot.data, slot.size);
    slots_[SlotOf(name, Hash(name))] = slot;
  }
}

void NameIndex::Reserve(size_t names) {
  size_t capacity = std::bit_ceil(names + names / 7 + 16);
  if (capacity > slots_.size()) Grow(capacity);
}

EntityId NameIndex::Insert(std::string_view name, EntityId entity, bool replace) {
  if ((used_ + 1) * 8 > slots_.size() * 7) Grow(slots_.empty() ? 64 : slots_.size() * 2);
  Slot& slot = slots_[SlotOf(name, Hash(name))];
  if (slot.entity == kEmpty) {
    slot = Slot{name.data(), static_cast<uint32_t>(name.size()), entity};
    ++used_;
  } else if (replace) {
    slot = Slot{name.data(), static_cast<uint32_t>(name.size()), entity};
  }
  return slot.entity;
}

std::optional<EntityId> NameIndex::Find(std::string_view name) const {
  if (slots_.empty()) return std::nullopt;
  const Slot& slot = slots_[SlotOf(name, Hash(name))];
  if (slot.entity == kEmpty) return std::nullopt;
  return slot.entity;
}

}  // namespace kg
