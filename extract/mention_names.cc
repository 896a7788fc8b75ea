// Open addressing with linear probing; the slot array starts empty (most
// documents' trackers need few names, some none) and doubles at half full.
#include "extract/mention_names.h"

#include <algorithm>
#include <cstring>

#include "extract/ascii.h"

namespace kg {
namespace {

// Whether the n bytes at a and b are the same, eight at a time in line (a
// name is a few words: a call to memcmp costs more than comparing it).
bool SameBytes(const char* a, const char* b, size_t n) {
  for (; n > 8; n -= 8, a += 8, b += 8) {
    uint64_t x, y;
    std::memcpy(&x, a, 8);
    std::memcpy(&y, b, 8);
    if (x != y) return false;
  }
  return ascii::Load8(a, n) == ascii::Load8(b, n);
}

}  // namespace

uint32_t NameIndex::Hash(std::string_view name) {
  uint64_t h = name.size() * 0x9E3779B97F4A7C15u;
  size_t i = 0;
  for (; i + 8 <= name.size(); i += 8) {
    uint64_t v;
    std::memcpy(&v, name.data() + i, 8);
    h = (h ^ v) * 0xBF58476D1CE4E5B9u;
    h ^= h >> 31;
  }
  // The last one to seven bytes in at most two loads that may overlap (their
  // common bytes are the same bytes), not a load per byte.
  const size_t n = name.size() - i;
  const char* p = name.data() + i;
  uint64_t tail = 0;
  if (n >= 4) {
    uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    tail = lo | uint64_t{hi} << (8 * (n - 4));
  } else if (n >= 2) {
    uint16_t lo, hi;
    std::memcpy(&lo, p, 2);
    std::memcpy(&hi, p + n - 2, 2);
    tail = lo | uint64_t{hi} << (8 * (n - 2));
  } else if (n == 1) {
    tail = static_cast<unsigned char>(p[0]);
  }
  h = (h ^ tail) * 0x94D049BB133111EBu;
  return static_cast<uint32_t>(h ^ h >> 32);
}

size_t NameIndex::IndexOf(std::string_view name, uint32_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.value < 0 || (slot.hash == hash && slot.length == name.size() &&
                           SameBytes(chars_.data() + slot.offset, name.data(), name.size()))) {
      return i;
    }
  }
}

NameIndex::Slot& NameIndex::SlotFor(std::string_view name) {
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  const uint32_t hash = Hash(name);
  Slot& slot = slots_[IndexOf(name, hash)];
  if (slot.value < 0) {
    if (chars_.capacity() < 256) chars_.reserve(256);  // a document's first few names
    slot = Slot{chars_.size(), name.size(), hash, -1};
    chars_.append(name);
    ++size_;
  }
  return slot;
}

int NameIndex::Find(std::string_view name) const {
  if (size_ == 0) return -1;
  return slots_[IndexOf(name, Hash(name))].value;
}

int NameIndex::Emplace(std::string_view name, int value) {
  Slot& slot = SlotFor(name);
  if (slot.value < 0) slot.value = value;
  return slot.value;
}

void NameIndex::Set(std::string_view name, int value) { SlotFor(name).value = value; }

void NameIndex::Clear() {
  chars_.clear();
  if (slots_.size() > 256) {
    slots_ = std::vector<Slot>();
  } else if (size_ > 0) {
    std::fill(slots_.begin(), slots_.end(), Slot{});
  }
  size_ = 0;
}

void NameIndex::Grow() {
  std::vector<Slot> old(slots_.empty() ? 16 : slots_.size() * 2);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.value < 0) continue;
    size_t i = slot.hash & mask;
    while (slots_[i].value >= 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace kg
