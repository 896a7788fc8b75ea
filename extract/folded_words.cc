// Open addressing with linear probing over a power-of-two slot array kept at
// most half full. The hash is FNV-1a over each byte with bit 5 set: that maps
// a letter of either case to the same value and leaves other bytes distinct
// enough, so a word of text hashes like its lower-case key without being
// folded first. Before hashing, a bitmap indexed by the folded first two bytes
// and the length turns away most words that are no key.
#include "extract/folded_words.h"

#include <algorithm>

#include "extract/ascii.h"

namespace kg {
namespace {

constexpr size_t kFilterBits = size_t{1} << 16;

}  // namespace

FoldedWords::FoldedWords() : filter_(kFilterBits / 64), slots_(16) {}

uint32_t FoldedWords::Hash(std::string_view word) {
  uint32_t h = 2166136261u;
  for (char c : word) h = (h ^ (static_cast<unsigned char>(c) | 0x20u)) * 16777619u;
  return h ^ (h >> 15);
}

int FoldedWords::Probe(std::string_view word, uint32_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id < 0) return -1;
    if (slot.hash != hash) continue;
    const std::string& key = keys_[slot.id];
    if (key.size() == word.size() &&
        std::equal(word.begin(), word.end(), key.begin(),
                   [](char a, char b) { return ascii::Fold(a) == b; })) {
      return slot.id;
    }
  }
}

int FoldedWords::Add(std::string_view lower) {
  const uint32_t hash = Hash(lower);
  if (const int id = Probe(lower, hash); id >= 0) return id;
  const int id = static_cast<int>(keys_.size());
  keys_.emplace_back(lower);
  const size_t bit = FilterBit(lower);
  filter_[bit / 64] |= uint64_t{1} << (bit % 64);
  if (keys_.size() * 2 > slots_.size()) {
    Rehash(slots_.size() * 2);
  } else {
    Place(Slot{hash, id});
  }
  return id;
}

void FoldedWords::Place(Slot slot) {
  const size_t mask = slots_.size() - 1;
  size_t i = slot.hash & mask;
  while (slots_[i].id >= 0) i = (i + 1) & mask;
  slots_[i] = slot;
}

void FoldedWords::Rehash(size_t slots) {
  slots_.assign(slots, Slot{});
  for (size_t id = 0; id < keys_.size(); ++id)
    Place(Slot{Hash(keys_[id]), static_cast<int32_t>(id)});
}

}  // namespace kg
