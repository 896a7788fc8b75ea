// Open addressing with linear probing over a power-of-two slot array kept at
// most half full; the hash is FNV-1a over the case-folded bytes, so a word of
// text hashes to its lower-case key without being copied.
#include "extract/folded_words.h"

#include <algorithm>

#include "extract/ascii.h"

namespace kg {
namespace {

uint32_t LengthBit(size_t length) { return 1u << std::min<size_t>(length, 31); }

}  // namespace

FoldedWords::FoldedWords() { slots_.assign(16, -1); }

uint32_t FoldedWords::Hash(std::string_view word) {
  uint32_t h = 2166136261u;
  for (char c : word) h = (h ^ static_cast<unsigned char>(ascii::Fold(c))) * 16777619u;
  return h ^ (h >> 15);
}

int FoldedWords::Probe(std::string_view word, uint32_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const int32_t id = slots_[i];
    if (id < 0) return -1;
    const std::string& key = keys_[id];
    if (hashes_[id] != hash || key.size() != word.size()) continue;
    if (std::equal(word.begin(), word.end(), key.begin(),
                   [](char a, char b) { return ascii::Fold(a) == b; })) {
      return id;
    }
  }
}

int FoldedWords::Add(std::string_view lower) {
  const uint32_t hash = Hash(lower);
  if (const int id = Probe(lower, hash); id >= 0) return id;
  const int id = static_cast<int>(keys_.size());
  keys_.emplace_back(lower);
  hashes_.push_back(hash);
  lengths_by_first_[lower.empty() ? 0 : static_cast<unsigned char>(lower[0])] |=
      LengthBit(lower.size());
  if (keys_.size() * 2 > slots_.size()) {
    Rehash(slots_.size() * 2);
  } else {
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    while (slots_[i] >= 0) i = (i + 1) & mask;
    slots_[i] = id;
  }
  return id;
}

void FoldedWords::Rehash(size_t slots) {
  slots_.assign(slots, -1);
  const size_t mask = slots - 1;
  for (size_t id = 0; id < keys_.size(); ++id) {
    size_t i = hashes_[id] & mask;
    while (slots_[i] >= 0) i = (i + 1) & mask;
    slots_[i] = static_cast<int32_t>(id);
  }
}

int FoldedWords::Find(std::string_view word) const {
  const unsigned char first = word.empty() ? 0 : static_cast<unsigned char>(ascii::Fold(word[0]));
  if ((lengths_by_first_[first] & LengthBit(word.size())) == 0) return -1;
  return Probe(word, Hash(word));
}

}  // namespace kg
