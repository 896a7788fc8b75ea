// Open addressing with linear probing; the slot array starts empty (most
// documents' trackers need few names, some none) and doubles at half full. A
// slot is filled when it has the index's stamp, so clearing is a new stamp.
#include "extract/mention_names.h"

#include <algorithm>
#include <cstring>

#include "extract/ascii.h"

namespace kg {

inline uint64_t NameIndex::ShapeBit(std::string_view name) {
  const size_t first = name.empty() ? 0 : static_cast<unsigned char>(name[0]);
  return uint64_t{1} << ((first * 7 + name.size()) % 64);
}

// Hash and IndexOf in line: a lookup made two calls besides its own.
inline uint32_t NameIndex::Hash(std::string_view name) {
  uint64_t h = name.size() * 0x9E3779B97F4A7C15u;
  size_t i = 0;
  for (; i + 8 <= name.size(); i += 8) {
    uint64_t v;
    std::memcpy(&v, name.data() + i, 8);
    h = (h ^ v) * 0xBF58476D1CE4E5B9u;
    h ^= h >> 31;
  }
  // The last zero to seven bytes (ascii::Load8: two loads, not one a byte).
  const uint64_t tail = ascii::Load8(name.data() + i, name.size() - i);
  h = (h ^ tail) * 0x94D049BB133111EBu;
  return static_cast<uint32_t>(h ^ h >> 32);
}

inline size_t NameIndex::IndexOf(std::string_view name, uint32_t hash) const {
  for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
    const Slot& slot = slots_[i];
    if (slot.stamp != stamp_ || (slot.hash == hash && slot.length == name.size() &&
                                 ascii::SameBytes(std::string_view(slot.key, name.size()), name))) {
      return i;
    }
  }
}

NameIndex::Slot& NameIndex::SlotFor(std::string_view name) {
  if ((size_ + 1) * 2 > mask_ + 1) Grow();  // also when there are no slots
  const uint32_t hash = Hash(name);
  Slot& slot = slots_[IndexOf(name, hash)];
  if (slot.stamp != stamp_) {
    slot = Slot{name.data(), static_cast<uint32_t>(name.size()), hash, -1, stamp_};
    ++size_;
    shapes_ |= ShapeBit(name);
  }
  return slot;
}

int NameIndex::Find(std::string_view name) const {
  if ((shapes_ & ShapeBit(name)) == 0) return -1;  // also when the index is empty
  const Slot& slot = slots_[IndexOf(name, Hash(name))];
  return slot.stamp == stamp_ ? slot.value : -1;
}

int NameIndex::Emplace(std::string_view name, int value) {
  Slot& slot = SlotFor(name);
  if (slot.value < 0) slot.value = value;
  return slot.value;
}

void NameIndex::Set(std::string_view name, int value) { SlotFor(name).value = value; }

void NameIndex::Clear() {
  if (slots_.size() > 256) {
    slots_ = std::vector<Slot>();
    mask_ = 0;
  } else if (size_ > 0 && ++stamp_ == 0) {
    // Round again: slots of an old stamp 1 would seem filled.
    std::fill(slots_.begin(), slots_.end(), Slot{});
    stamp_ = 1;
  }
  size_ = 0;
  shapes_ = 0;
}

void NameIndex::Grow() {
  std::vector<Slot> old(slots_.empty() ? 16 : slots_.size() * 2);
  old.swap(slots_);
  mask_ = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.stamp != stamp_) continue;
    size_t i = slot.hash & mask_;
    while (slots_[i].stamp == stamp_) i = (i + 1) & mask_;
    slots_[i] = slot;
  }
}

}  // namespace kg
