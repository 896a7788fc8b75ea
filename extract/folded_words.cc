// Open addressing with linear probing over a power-of-two slot array kept at
// most half full. A word is read eight bytes at a time into 64-bit values,
// folded to lower case all eight at once: the hash mixes those values and the
// length, and a slot keeps its key's first eight folded bytes, so most words
// (names' first words and lexicon words are short) are compared with one
// integer test and no pass over the key's bytes. Before hashing, a bitmap
// indexed by the folded first two bytes and the length turns away most words
// that are no key.
#include "extract/folded_words.h"

#include <algorithm>
#include <cstring>

#include "extract/ascii.h"

namespace kg {
namespace {

constexpr size_t kFilterBits = size_t{1} << 16;

}  // namespace

FoldedWords::FoldedWords() : filter_(kFilterBits / 64), slots_(16) {}

bool FoldedWords::TailEquals(std::string_view word, int id) const {
  return std::equal(word.begin() + 8, word.end(), keys_[id].begin() + 8,
                    [](char a, char b) { return ascii::Fold(a) == b; });
}

int FoldedWords::Add(std::string_view lower) {
  if (const int id = Probe(lower); id >= 0) return id;
  const int id = static_cast<int>(keys_.size());
  keys_.emplace_back(lower);
  const size_t bit = FilterBit(lower);
  filter_[bit / 64] |= uint64_t{1} << (bit % 64);
  if (keys_.size() * 2 > slots_.size()) {
    Rehash(slots_.size() * 2);
  } else {
    const uint64_t head = Chunk(lower, 0);
    Place(Slot{head, Hash(lower, head), id, lower.size()});
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
  for (size_t id = 0; id < keys_.size(); ++id) {
    const uint64_t head = Chunk(keys_[id], 0);
    Place(Slot{head, Hash(keys_[id], head), static_cast<int32_t>(id), keys_[id].size()});
  }
}

}  // namespace kg
