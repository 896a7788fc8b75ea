// FoldedWords: a set of lower-case words (names' first words, lexicon words)
// looked up by a word of text in any ASCII case, without copying or folding the
// word first. Built once per rule pack and then read-only, so safe to share
// across threads. The mention finder asks it about every word of every
// sentence: a bitmap of key shapes turns most words away before hashing.
#ifndef KG_EXTRACT_FOLDED_WORDS_H_
#define KG_EXTRACT_FOLDED_WORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/ascii.h"

namespace kg {

class FoldedWords {
 public:
  FoldedWords();

  // Adds `lower`, which must contain no ASCII upper-case letter, unless it is
  // already present; returns its id (ids count up from 0 in order of adding).
  int Add(std::string_view lower);

  // The id of the word equal to `word` ignoring ASCII case; -1 if none.
  int Find(std::string_view word) const {
    const size_t bit = FilterBit(word);
    if ((filter_[bit / 64] >> (bit % 64) & 1u) == 0) return -1;
    return Probe(word);
  }

  size_t size() const { return keys_.size(); }

 private:
  struct Slot {
    uint64_t head = 0;  // the key's first eight bytes (Head)
    uint32_t hash = 0;
    int32_t id = -1;    // -1: empty
    size_t length = 0;  // the key's, so a short word is told apart without reading the key
  };
  static size_t FilterBit(std::string_view word) {
    const uint32_t a = word.empty() ? 0 : ascii::kFolded[static_cast<unsigned char>(word[0])];
    const uint32_t b = word.size() < 2 ? 0 : ascii::kFolded[static_cast<unsigned char>(word[1])];
    const uint32_t z = word.empty() ? 0 : ascii::kFolded[static_cast<unsigned char>(word.back())];
    const uint32_t n = static_cast<uint32_t>(word.size() < 63 ? word.size() : 63);
    return ((a << 16 | b << 8 | z) * 0x9E3779B1u + n * 0x85EBCA77u) >> 16;  // 16 bits
  }
  int Probe(std::string_view word) const;
  void Place(Slot slot);
  void Rehash(size_t slots);

  std::vector<std::string> keys_;  // by id
  // A bit per (folded first two bytes, length) of a key, hashed: a clear bit
  // means no key of that shape.
  std::vector<uint64_t> filter_;
  std::vector<Slot> slots_;  // a power of two of them
};

}  // namespace kg

#endif  // KG_EXTRACT_FOLDED_WORDS_H_
